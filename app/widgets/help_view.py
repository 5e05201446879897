"""HelpView: the bundled help page (F1) and the list of keyboard shortcuts, in a window of
their own.

Both pages are made when shown, in the interface language of that moment, and made again when
the language changes while the window is open.  A hidden window only notes that its page is out
of date: the help is long, and the window is made with every main window.  The shortcut rows
come from the actions the window has (a callable given at construction), so the list is never
out of date.  Links inside a page only scroll it: the help is offline and never opens anything
else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QUrl, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app import help as help_pages
from app.widgets.command_palette import plain_action_text
from db import i18n
from db.i18n import _


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what it does, keys) of every action with a shortcut, each action once."""
    rows: dict[int, tuple[str, str]] = {}
    for action in actions:
        keys = [
            k.toString(QKeySequence.SequenceFormat.NativeText)
            for k in action.shortcuts()
            if not k.isEmpty()
        ]
        if keys and action.text():
            rows[id(action)] = (plain_action_text(action), ", ".join(keys))
    return list(rows.values())


class HelpView(QDialog):
    """A non-modal window (``helpWindow``) showing the help page or the shortcut list."""

    def __init__(
        self, actions: Callable[[], Iterable[QAction]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setModal(False)
        self.resize(760, 640)
        self._actions = actions
        #: What is shown: ``help`` or ``shortcuts``.
        self.showing = "help"
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor_clicked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self._made_for: tuple[str, str] | None = None  # (page, language) of the page shown
        self.retranslate()

    def retranslate(self) -> None:
        """Title and names in the interface language now in use; the page too when it is
        on screen, else it is made when next shown."""
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setAccessibleName(_("Close help"))
        if self.showing == "shortcuts":
            self.setWindowTitle(_("Keyboard shortcuts"))
            self.browser.setAccessibleName(_("Keyboard shortcuts"))
        else:
            self.setWindowTitle(_("Help"))
            self.browser.setAccessibleName(_("Help page"))
        self.browser.setAccessibleDescription(_("Read-only help text; links move within it"))
        if self.stale and self.isVisible():
            self._make_page()

    @property
    def stale(self) -> bool:
        """The page shown is out of date: not made yet, another page, another language."""
        return self._made_for != (self.showing, i18n.language())

    def _make_page(self) -> None:
        if self.showing == "shortcuts":
            self.browser.setHtml(help_pages.shortcuts_page(shortcut_rows(self._actions())))
        else:
            self.browser.setHtml(
                help_pages.help_page(i18n.language(), shortcut_rows(self._actions()))
            )
        self._made_for = (self.showing, i18n.language())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot()
    def show_help(self) -> None:
        """Show the help page (F1)."""
        self._show("help")

    @Slot()
    def show_shortcuts(self) -> None:
        """Show every keyboard shortcut (Help → Keyboard shortcuts)."""
        self._show("shortcuts")

    def _show(self, what: str) -> None:
        self.showing = what
        self._made_for = None  # made afresh on every showing: the shortcuts may have changed
        self.retranslate()
        if self.stale:
            self._make_page()
        self.show()
        self.raise_()
        self.activateWindow()

    def plain_text(self) -> str:
        """The page as plain text (tests and accessibility), made first if out of date."""
        if self.stale:
            self._make_page()
        return self.browser.toPlainText()

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.hasFragment() and not url.scheme():
            self.browser.scrollToAnchor(url.fragment())
