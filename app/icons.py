"""Icons of the window's actions: the desktop theme's icon first, our bundled SVG otherwise.

Bundled icons (``resources/icons/*.svg``, MIT, see its LICENSE) are line drawings in
``currentColor``; :class:`TintedSvgEngine` draws them in the palette's text colour at whatever
size and device pixel ratio is asked, so they stay sharp at any scale and readable in a dark
scheme (the colour is read when drawn: a palette change needs no new icons).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar

from app import resources

#: Action object name → (freedesktop icon name, bundled SVG stem).
ACTION_ICONS: dict[str, tuple[str, str]] = {
    "backAction": ("go-previous", "back"),
    "forwardAction": ("go-next", "forward"),
    "openAction": ("document-open", "open"),
    "openServerAction": ("network-server", "server"),
    "exportAction": ("document-save-as", "export"),
    "printAction": ("document-print", "print"),
    "printPreviewAction": ("document-print-preview", "print"),
    "exportPdfAction": ("application-pdf", "pdf"),
    "caseSummaryAction": ("x-office-document", "pdf"),
    "caseSummaryPdfAction": ("application-pdf", "pdf"),
    "saveChartAction": ("office-chart-bar", "chart"),
    "exportBibliographyAction": ("bookmarks", "sources"),
    "exportRecordBibliographyAction": ("bookmarks", "sources"),
    "copyCitationAction": ("edit-copy", "copy"),
    "findAction": ("edit-find", "search"),
    "searchFilterAction": ("view-filter", "search"),
    "clearFiltersAction": ("edit-clear", "clear"),
    "showOutcomesAction": ("office-chart-bar", "chart"),
    "showSourcesAction": ("bookmarks", "sources"),
    "aboutAction": ("help-about", "about"),
    "bookmarkAction": ("bookmark-new", "bookmark"),
    "saveSearchAction": ("document-save", "search"),
    "showNotebookAction": ("accessories-text-editor", "notebook"),
    "quitAction": ("application-exit", "quit"),
}
#: The application's icon: a theme icon of this name (installed with the desktop file), else ours.
APP_ICON_NAME = "kremlin-archive"


@cache
def _svg(stem: str) -> bytes:
    return resources.resource("icons", f"{stem}.svg").read_bytes()


class TintedSvgEngine(QIconEngine):
    """Draws a bundled line icon in the application palette's button-text colour (the disabled
    colour for a disabled action)."""

    def __init__(self, stem: str, on: str | None = None) -> None:
        super().__init__()
        self._stem = stem
        #: The icon drawn for the On state (a checked button), if it differs.
        self._on = on

    def _renderer(self, mode: QIcon.Mode, state: QIcon.State = QIcon.State.Off) -> QSvgRenderer:
        group = (
            QPalette.ColorGroup.Disabled
            if mode == QIcon.Mode.Disabled
            else QPalette.ColorGroup.Active
        )
        colour = QGuiApplication.palette().color(group, QPalette.ColorRole.ButtonText).name()
        stem = self._on if self._on is not None and state == QIcon.State.On else self._stem
        data = _svg(stem).replace(b"currentColor", colour.encode("ascii"))
        return QSvgRenderer(QByteArray(data))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode, state).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        finally:
            painter.end()
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self._stem, self._on)

    def key(self) -> str:
        return "kremlin-tinted-svg"

    def iconName(self) -> str:
        return self._stem


def bundled(stem: str, on: str | None = None) -> QIcon:
    """Our own icon ``stem`` (``back``, ``print`` …), tinted to the palette; ``on``: the
    icon of the On state (a checked button: ``bookmark-filled``)."""
    return QIcon(TintedSvgEngine(stem, on))


def themed(theme_name: str, stem: str) -> QIcon:
    """The desktop theme's ``theme_name`` icon, or our ``stem`` where the theme has none."""
    if QIcon.hasThemeIcon(theme_name):
        return QIcon.fromTheme(theme_name)
    return bundled(stem)


def app_icon() -> QIcon:
    """The application's icon (window title bars, task switchers)."""
    if QIcon.hasThemeIcon(APP_ICON_NAME):
        return QIcon.fromTheme(APP_ICON_NAME)
    return QIcon(str(resources.resource("icons", "app.svg")))


def apply(window: QMainWindow) -> None:
    """Give ``window``'s actions their icons, the window and the application their icon, and
    show icons beside the text on the toolbars."""
    for action in window.findChildren(QAction):
        spec = ACTION_ICONS.get(action.objectName())
        if spec is not None:
            action.setIcon(themed(*spec))
    icon = app_icon()
    window.setWindowIcon(icon)
    if isinstance(QApplication.instance(), QApplication):
        QApplication.setWindowIcon(icon)
    for toolbar in window.findChildren(QToolBar):
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
