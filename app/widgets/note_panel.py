"""NotePanel: the reader's own bookmark, tags and note on the record the detail view shows.

It sits under the detail view.  The note (``noteEditor``) is plain text saved as it is typed:
:attr:`NotePanel.note_edited` fires :data:`AUTOSAVE_MS` after the last keystroke, when the
editor loses the focus, and before another record is shown — there is no Save button to
forget.  Tags (``tagEditor``) are typed comma-separated with completion from the tags in use.
The panel only shows and reports; :class:`app.actions.notebook.NotebookActions` saves.

Signals:
    note_edited(object, str): the record's :class:`db.dto.Ref` and its note text to save.
    tags_edited(object, list): the record and its tags to save.
    bookmark_toggled(object, bool): the record and whether it is bookmarked now.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.dto import Ref
from db.i18n import _

#: Quiet time after the last keystroke before the note is saved (a burst of typing is one
#: write; a kill loses at most this much).
AUTOSAVE_MS = 600


def split_tags(text: str) -> list[str]:
    """``"trial, NKVD ,, trial"`` → ``["trial", "NKVD"]`` (case aside, first spelling wins)."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


class _TagCompleter(QCompleter):
    """Completes the tag after the last comma, keeping the tags before it."""

    def pathFromIndex(self, index: object) -> str:
        editor = self.widget()
        done = ""
        if isinstance(editor, QLineEdit) and "," in editor.text():
            done = editor.text().rsplit(",", 1)[0] + ", "
        return done + str(super().pathFromIndex(index))  # type: ignore[arg-type]

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]


class NotePanel(QWidget):
    """Bookmark button, tag line and note editor for one record (none: disabled)."""

    note_edited = Signal(object, str)
    tags_edited = Signal(object, list)
    bookmark_toggled = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notePanel")
        self._ref: Ref | None = None
        #: The note text last saved or loaded (nothing to save while the editor holds it);
        #: None after a refused save, so the next flush writes again.
        self._saved_text: str | None = ""
        self._saved_tags: list[str] = []
        self.heading = QLabel(self)
        self.heading.setObjectName("notePanelHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)  # never what sets the window's narrowest width
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.bookmark = QToolButton(self)
        self.bookmark.setObjectName("bookmarkButton")
        self.bookmark.setCheckable(True)
        self.bookmark.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bookmark.toggled.connect(self._on_bookmark_toggled)
        from app import icons

        self.bookmark.setIcon(icons.bundled("bookmark", on="bookmark-filled"))
        self.tags = QLineEdit(self)
        self.tags.setObjectName("tagEditor")
        self.tags.setClearButtonEnabled(True)
        self._tag_words = QStringListModel(self)
        completer = _TagCompleter(self._tag_words, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.tags.editingFinished.connect(self._flush_tags)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.installEventFilter(self)
        self.saved = QLabel(self)
        self.saved.setObjectName("noteSavedLabel")
        self.saved.setTextFormat(Qt.TextFormat.PlainText)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.saved)
        top.addWidget(self.bookmark)
        tags = QHBoxLayout()
        tags.setContentsMargins(0, 0, 0, 0)
        self.tags_label = QLabel(self)
        self.tags_label.setBuddy(self.tags)
        tags.addWidget(self.tags_label)
        tags.addWidget(self.tags, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(3)
        box.addLayout(top)
        box.addLayout(tags)
        box.addWidget(self.editor, 1)
        self.retranslate()
        self.show_entry(None, False, [], "")

    # -- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Words in the interface language now in use."""
        self.heading.setText(_("My notes (yours only, not part of the archive)"))
        self.bookmark.setText(_("Bookmarked") if self.bookmark.isChecked() else _("Bookmark"))
        self.bookmark.setToolTip(_("Bookmark the record shown (Ctrl+D)"))
        self.bookmark.setAccessibleName(_("Bookmark"))
        self.tags_label.setText(_("&Tags:"))
        self.tags.setPlaceholderText(_("tags, separated by commas"))
        self.tags.setAccessibleName(_("Tags"))
        self.tags.setAccessibleDescription(_("Your tags on the record shown, comma-separated"))
        self.editor.setPlaceholderText(
            _("Your note on this record — saved as you type, kept in your notebook")
        )
        self.editor.setAccessibleName(_("Note"))
        self.editor.setAccessibleDescription(_("Your note on the record shown, saved as you type"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what is shown ----------------------------------------------------------------------

    @property
    def ref(self) -> Ref | None:
        """The record whose note is shown (None: nothing is)."""
        return self._ref

    def show_entry(self, ref: Ref | None, bookmarked: bool, tags: Sequence[str], note: str) -> None:
        """Show ``ref``'s marks, saving what was typed for the record shown before."""
        self.flush()
        self._flush_tags()
        self._ref = ref
        self.setEnabled(ref is not None)
        self.bookmark.blockSignals(True)
        self.bookmark.setChecked(bookmarked)
        self.bookmark.blockSignals(False)
        self._saved_tags = list(tags)
        self.tags.setText(", ".join(tags))
        self._saved_text = note
        self.editor.blockSignals(True)
        self.editor.setPlainText(note)
        self.editor.blockSignals(False)
        self.saved.clear()
        self.retranslate()

    def set_known_tags(self, tags: Sequence[str]) -> None:
        """Tags the completer offers (most used first)."""
        self._tag_words.setStringList(list(tags))

    def set_read_only(self, read_only: bool) -> None:
        """Nothing can be saved this session: the editors only show."""
        self.editor.setReadOnly(read_only)
        self.tags.setReadOnly(read_only)
        self.bookmark.setEnabled(not read_only)

    def mark_unsaved(self) -> None:
        """The last save was refused: keep the text, say so, and try again on the next edit."""
        self._saved_text = None
        self.saved.setText(_("not saved"))

    def mark_saved(self) -> None:
        """The last save went through."""
        self.saved.setText(_("saved"))

    # -- saving -----------------------------------------------------------------------------

    @Slot()
    def _on_text_changed(self) -> None:
        self.saved.clear()
        self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Save the note now if it changed since it was last saved."""
        self._timer.stop()
        if self._ref is None:
            return
        text = self.editor.toPlainText()
        if text == self._saved_text:
            return
        self._saved_text = text
        self.note_edited.emit(self._ref, text)

    @Slot()
    def _flush_tags(self) -> None:
        if self._ref is None:
            return
        tags = split_tags(self.tags.text())
        if [t.casefold() for t in tags] == [t.casefold() for t in self._saved_tags]:
            return
        self._saved_tags = tags
        self.tags_edited.emit(self._ref, tags)

    @Slot(bool)
    def _on_bookmark_toggled(self, on: bool) -> None:
        self.retranslate()
        if self._ref is not None:
            self.bookmark_toggled.emit(self._ref, on)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)
