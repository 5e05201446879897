"""CommandPalette: one box that jumps to any person, event, document or source, or runs any
menu command (Ctrl+K).

The palette floats over the top of the main window.  Typing matches the window's actions by
their text in the interface language at once (every word typed must begin a word of the
action's name), and runs the archive search of the search box (:func:`db.search.find.search`,
the same matching: any script, any transliteration, declined forms, one typo) on the thread
pool through :class:`app.workers.Runner`; its hits follow the commands.  Up/Down choose, Enter
opens or runs the chosen row (or, while the search still runs, the first row it brings), Esc
closes.

Signals:
    item_activated(Ref): the user chose an archive item.
    words_activated(str): the text typed, just before ``item_activated`` (words to mark).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from app.archive_source import ArchiveSource
from app.workers import Runner
from db.i18n import _

if TYPE_CHECKING:
    from db.search.find import SearchResults

#: What a row stands for: an action to run or an item to open.
TargetRole = Qt.ItemDataRole.UserRole + 1
_WORD = re.compile(r"\w+")
#: Why the box lost the focus when the user moved it elsewhere (the palette then closes).
_LEFT = (
    Qt.FocusReason.MouseFocusReason,
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


def plain_action_text(action: QAction) -> str:
    """An action's text as read: no mnemonic ampersand, no trailing ellipsis."""
    text = action.text().replace("&&", "\x00").replace("&", "").replace("\x00", "&")
    return text.rstrip("…").rstrip(".").strip()


def action_matches(query: str, text: str) -> bool:
    """True when every word of ``query`` begins a word of ``text`` (any letter case; ё = е)."""

    def words(s: str) -> list[str]:
        return _WORD.findall(s.casefold().replace("ё", "е"))

    wanted, have = words(query), words(text)
    return bool(wanted) and all(any(h.startswith(w) for h in have) for w in wanted)


class CommandPalette(QFrame):
    """The Ctrl+K box (``commandPalette``) over its list of commands and archive items."""

    item_activated = Signal(object)
    words_activated = Signal(str)

    HITS_PER_KIND = 8
    WIDTH = 640

    def __init__(
        self,
        actions: Callable[[], Iterable[QAction]],
        parent: QWidget | None = None,
        runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._actions = actions
        self._archive: ArchiveSource | None = None
        self._runner = runner or Runner(self)
        self._runner.failed.connect(self._on_runner_failed)
        #: The text whose search runs now, and whether Enter came before its answer.
        self._searching: str | None = None
        self._enter_waiting = False
        self.box = QLineEdit(self)
        self.box.setObjectName("paletteBox")
        self.box.setClearButtonEnabled(True)
        self.box.setMaxLength(1000)
        self.hint = QLabel(self)
        self.hint.setObjectName("paletteHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.model = QStandardItemModel(self)
        self.view = QListView(self)
        self.view.setObjectName("paletteResults")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the box keeps the keys
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self.box.textChanged.connect(self._on_box_text_changed)
        self.box.installEventFilter(self)
        self.view.clicked.connect(self._on_view_clicked)
        self.hide()
        self.retranslate()

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the interface language now in use (the rows too: they are words of it)."""
        self.box.setPlaceholderText(_("Type a name, an event, a document or a command…"))
        self.box.setAccessibleName(_("Command palette"))
        self.box.setAccessibleDescription(
            _("Jump to a person, event, document or source, or run a menu command")
        )
        self.view.setAccessibleName(_("Commands and archive items found"))
        self.view.setAccessibleDescription(_("Enter opens or runs the chosen row"))
        self.setAccessibleName(_("Command palette"))
        self.hint.setText(_("Enter: open or run · Up/Down: choose · Esc: close"))
        if self.isVisible():
            self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- public API -----------------------------------------------------------------------

    def set_source(self, source: ArchiveSource | None) -> None:
        """Search ``source`` from now on."""
        self._archive = source

    @Slot()
    def open(self) -> None:
        """Show the palette at the top of its window with an empty box, ready to type."""
        parent = self.parentWidget()
        if parent is not None:
            width = min(self.WIDTH, max(parent.width() - 40, 200))
            height = min(420, max(parent.height() - 120, 160))
            top = 8
            if hasattr(parent, "menuBar"):
                top += parent.menuBar().height()
            self.setGeometry((parent.width() - width) // 2, top, width, height)
        self.box.clear()
        self._refresh()
        self.show()
        self.raise_()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def close_palette(self) -> None:
        """Hide the palette and forget a pending search."""
        self._runner.cancel()
        self._searching = None
        self._enter_waiting = False
        self.hide()

    @property
    def searching(self) -> bool:
        """True while the archive search of the text typed runs."""
        return self._searching is not None

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the running search has answered (tests, shutdown)."""
        return self._runner.wait(msecs)

    def rows(self) -> list[str]:
        """The texts of the rows shown (tests and accessibility)."""
        return [self.model.item(i).text() for i in range(self.model.rowCount())]

    # -- matching -------------------------------------------------------------------------

    def _matching_actions(self, text: str) -> list[QAction]:
        seen: set[int] = set()
        found: list[QAction] = []
        for action in self._actions():
            if (
                id(action) in seen
                or action.isSeparator()
                or action.menu() is not None
                or not action.isEnabled()
                or not action.text()
            ):
                continue
            seen.add(id(action))
            if not text.strip() or action_matches(text, plain_action_text(action)):
                found.append(action)
        return found

    def _refresh(self) -> None:
        text = self.box.text()
        self.model.clear()
        for action in self._matching_actions(text):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            label = plain_action_text(action)
            item = QStandardItem(f"{label}    {keys}" if keys else label)
            item.setData(action, TargetRole)
            item.setToolTip(action.statusTip() or label)
            self.model.appendRow(item)
        self._select_first()
        archive = self._archive
        if archive is None or not text.strip():
            self._runner.cancel()
            self._searching = None
            return
        limit = self.HITS_PER_KIND

        def work() -> SearchResults:
            # Imported here, not with the window: the search layer imports SQLAlchemy, which
            # the first People rows are painted without (app.first_rows).
            from db.search.find import search

            with archive.connect() as conn:
                return search(conn, text, limit)

        self._searching = text
        self._runner.submit(work, self._on_answer)

    def _on_answer(self, results: object) -> None:
        self._searching = None  # the runner delivers only the newest request's answer
        from db.search.find import SearchResults

        if not isinstance(results, SearchResults):
            return
        for group in results.groups:
            for hit in group.hits:
                # Records may share a label (two interrogations): their dates tell them apart.
                label = f"{hit.label} · {hit.detail}" if hit.detail else hit.label
                # TRANSLATORS: a row of the command palette: an item, then its kind.
                item = QStandardItem(_("{item} — {kind}").format(item=label, kind=group.title))
                item.setData(hit.ref, TargetRole)
                item.setToolTip(hit.why)
                self.model.appendRow(item)
        self._select_first()
        if self._enter_waiting:
            self._enter_waiting = False
            self._activate(self.view.currentIndex())

    @Slot(object)
    def _on_runner_failed(self, _exc: object) -> None:
        self._searching = None
        self._enter_waiting = False

    def _select_first(self) -> None:
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    # -- keys and activation --------------------------------------------------------------

    @Slot(str)
    def _on_box_text_changed(self, _text: str) -> None:
        self._enter_waiting = False
        self._refresh()

    @Slot(QModelIndex)
    def _on_view_clicked(self, index: QModelIndex) -> None:
        self._activate(index)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = (self.view.currentIndex().row() + step) % rows
            self.view.setCurrentIndex(self.model.index(row, 0))

    def _enter(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._activate(index)
        elif self.searching:
            self._enter_waiting = True  # the first row the search brings is opened

    def _activate(self, index: QModelIndex) -> None:
        target = index.data(TargetRole) if index.isValid() else None
        if target is None:
            return
        words = self.box.text()
        self.close_palette()
        if isinstance(target, QAction):
            target.trigger()
        elif isinstance(target, _ref_type()):
            self.words_activated.emit(words)
            self.item_activated.emit(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_palette()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
        if watched is self.box and event.type() == QEvent.Type.FocusOut:
            assert isinstance(event, QFocusEvent)
            # The user went elsewhere in the window (its list takes no focus, so a click on a
            # row does not count); another window coming to the front leaves it open.
            if event.reason() in _LEFT:
                self.close_palette()
        return super().eventFilter(watched, event)


def _ref_type() -> type:
    """:class:`db.dto.Ref`, imported when first needed (not before the first rows)."""
    from db.dto import Ref

    return Ref
