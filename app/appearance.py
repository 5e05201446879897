"""Light and dark colour schemes: follow the system's, or the one chosen under View → Appearance.

The system's scheme is read from ``QStyleHints.colorScheme`` (Qt 6.5+) and followed while the
app runs (``colorSchemeChanged``).  Where the platform gives no dark palette of its own, and
for the Light and Dark choices, the application palette is set here (Fusion's light palette, or
the dark one of :func:`dark_palette`); every widget then gets a ``PaletteChange`` and the ones
that draw their own colours (the detail page, the chart, the icons) redraw from it.

Signals (:class:`Appearance`):
    scheme_changed(str): the scheme in effect is now ``"light"`` or ``"dark"``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStyleFactory, QWidget

from app.settings import APPEARANCES, Settings
from db.i18n import N_, _

#: Menu text of each choice (English; translated where shown).
MODE_TEXTS = {
    "system": (N_("Follow the &system"), N_("Use the light or dark scheme the system uses")),
    "light": (N_("&Light"), N_("Always use the light colour scheme")),
    "dark": (N_("&Dark"), N_("Always use the dark colour scheme")),
}
LIGHT, DARK = "light", "dark"


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` draws light text on a dark window."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (text contrast ≥ 7:1 on window and base)."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: "#2b2d30",
        role.WindowText: "#e6e6e6",
        role.Base: "#1f2023",
        role.AlternateBase: "#292b2f",
        role.ToolTipBase: "#3a3d42",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8d9096",
        role.Text: "#e6e6e6",
        role.Button: "#33363a",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#45484d",
        role.Midlight: "#3b3e43",
        role.Mid: "#2a2c30",
        role.Dark: "#1a1b1e",
        role.Shadow: "#0d0d0f",
        role.Highlight: "#3d6fb4",
        role.HighlightedText: "#ffffff",
        role.Link: "#8ab4f8",
        role.LinkVisited: "#c58af9",
    }
    for r, colour in colours.items():
        palette.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, r, QColor("#7b7e84"))
    palette.setColor(group.Disabled, role.Highlight, QColor("#44474c"))
    palette.setColor(group.Disabled, role.Base, QColor("#26282b"))
    return palette


def light_palette() -> QPalette:
    """Fusion's own light palette."""
    style = QStyleFactory.create("Fusion")
    return style.standardPalette() if style is not None else QPalette()


class Appearance(QObject):
    """Keeps the application palette in the scheme the reader chose (or the system's).

    Args:
        settings: where the choice is remembered.
    """

    scheme_changed = Signal(str)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._scheme = ""
        self._ours = False  # whether the application palette now in use is one set here
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_color_scheme_changed)

    @property
    def mode(self) -> str:
        """``system``, ``light`` or ``dark``: what the reader chose."""
        return self._settings.appearance

    @property
    def scheme(self) -> str:
        """``light`` or ``dark``: what is shown now."""
        return self._scheme or (DARK if is_dark(QApplication.palette()) else LIGHT)

    def set_mode(self, mode: str) -> None:
        """Choose ``mode`` (remembered) and show it at once."""
        self._settings.appearance = mode
        self.apply()

    def apply(self) -> None:
        """Show the chosen mode: the platform's own palette where it already has the wanted
        scheme (always in System mode unless the platform offers no dark palette), ours else."""
        if self._ours:
            QApplication.setPalette(QPalette())  # back to the platform's own palette
            self._ours = False
        mode = self.mode
        system_dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        want_dark = mode == DARK or (mode == "system" and system_dark)
        platform_dark = is_dark(QApplication.palette())
        if want_dark and not platform_dark:
            self._set(dark_palette())
        elif mode == LIGHT and platform_dark:
            self._set(light_palette())
        scheme = DARK if is_dark(QApplication.palette()) else LIGHT
        if scheme != self._scheme:
            self._scheme = scheme
            self.scheme_changed.emit(scheme)

    def _set(self, palette: QPalette) -> None:
        # The native Windows style draws with system colours whatever the palette says;
        # Fusion draws with the palette.
        if QApplication.style().name().lower() == "windowsvista":
            QApplication.setStyle("Fusion")
        QApplication.setPalette(palette)
        self._ours = True

    @Slot(Qt.ColorScheme)
    def _on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.mode == "system":
            self.apply()


class AppearanceMenu(QMenu):
    """View → Appearance: Follow the system, Light, Dark (one checked)."""

    def __init__(self, appearance: Appearance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appearanceMenu")
        self._appearance = appearance
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        #: Mode → its checkable action.
        self.mode_actions: dict[str, QAction] = {}
        for mode in APPEARANCES:
            action = QAction(self)
            action.setObjectName(f"appearance{mode.capitalize()}Action")
            action.setCheckable(True)
            action.setData(mode)
            action.triggered.connect(lambda _checked=False, m=mode: appearance.set_mode(m))
            self.group.addAction(action)
            self.addAction(action)
            self.mode_actions[mode] = action
        self.mode_actions[appearance.mode].setChecked(True)
        self.retranslate()

    def retranslate(self) -> None:
        """The menu's words in the interface language now in use."""
        self.setTitle(_("&Appearance"))
        for mode, action in self.mode_actions.items():
            text, tip = MODE_TEXTS[mode]
            action.setText(_(text))
            action.setStatusTip(_(tip))
            action.setToolTip(_(tip))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _view_menu(window: QMainWindow) -> QMenu | None:
    menu = getattr(window, "view_menu", None)
    if isinstance(menu, QMenu):
        return menu
    for action in window.menuBar().actions():
        sub = action.menu()
        if isinstance(sub, QMenu) and sub.objectName() == "viewMenu":
            return sub
    return None


def install(window: QMainWindow, settings: Settings) -> Appearance:
    """Show the remembered scheme and add View → Appearance to ``window`` (after Language)."""
    appearance = Appearance(settings, window)
    appearance.apply()
    view = _view_menu(window)
    if view is not None:
        menu = AppearanceMenu(appearance, window)
        view.addMenu(menu)
    return appearance
