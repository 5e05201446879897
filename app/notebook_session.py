"""NotebookSession: the reader's notebook of the archive open now, for the GUI.

It holds the one :class:`db.notebook.Notebook` of the app (opened at start, closed at quit)
and the key of the open archive, and turns every write into one of two outcomes: saved
(:attr:`NotebookSession.changed` names the record) or refused (:attr:`NotebookSession.error`
says why once, and the caller keeps what the user typed to try again).  A change another
running instance made is noticed when the window is activated (:meth:`check_external`).

Signals:
    changed(object): a record's marks changed (its :class:`db.dto.Ref`), or None when anything
        may have changed (another instance, an import, another archive).
    error(str, str): title and message for the user (a refused write, a store moved aside).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from db.dto import Ref
from db.i18n import _
from db.notebook import (
    ArchiveKey,
    Entry,
    Marks,
    Notebook,
    NotebookError,
    SavedSearch,
    archive_key,
)

log = logging.getLogger(__name__)


class NotebookSession(QObject):
    """The notebook and the open archive's key; every write reports its outcome.

    Args:
        notebook: the opened store (its ``message``, if any, is reported by :meth:`greet`).
        meta: the open archive's ``meta`` (its key is taken from it).
    """

    changed = Signal(object)
    error = Signal(str, str)

    def __init__(
        self, notebook: Notebook, meta: Mapping[str, str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.key: ArchiveKey = archive_key(meta)
        #: The last refusal reported (the same one is not repeated on every keystroke).
        self._last_error: str | None = None
        self._closed = False

    @classmethod
    def open(
        cls, meta: Mapping[str, str], path: Path | None = None, parent: QObject | None = None
    ) -> NotebookSession:
        """Open the notebook at ``path`` (default: the user data folder, or
        ``$KREMLIN_ARCHIVE_NOTEBOOK``); a bad store is moved aside or opened read-only."""
        return cls(Notebook.open(path), meta, parent)

    @property
    def read_only(self) -> bool:
        """True when nothing can be saved this session."""
        return self.notebook.read_only

    def greet(self) -> None:
        """Report how opening went, once, if it did not go well."""
        message = self.notebook.message
        if message:
            log.warning("notebook: %s", message)
            self.error.emit(_("Your notebook"), message)

    @Slot(object)
    def set_archive(self, archive: object) -> None:
        """Another archive is open: its notes are the ones shown now."""
        info = getattr(archive, "info", None)
        meta = getattr(info, "meta", None)
        if isinstance(meta, Mapping):
            self.key = archive_key(meta)
            self.changed.emit(None)

    def close(self) -> None:
        """Close the store (the app quits); later activations read nothing."""
        self._closed = True
        self.notebook.close()

    # -- reads ----------------------------------------------------------------------------

    def entry(self, ref: Ref) -> Entry | None:
        """Bookmark, note and tags of ``ref`` (None: not marked)."""
        return self.notebook.entry(self.key, ref)

    def entries(
        self, kind: str | None = None, tag: str | None = None, text: str | None = None
    ) -> list[Entry]:
        """Every marked record of the open archive, newest change first."""
        return self.notebook.entries(self.key, kind, tag, text)

    def marks(self, kind: str, ids: Sequence[str]) -> dict[str, Marks]:
        """Which of ``ids`` are bookmarked, noted or tagged (for the list panes' marks)."""
        return self.notebook.marks(self.key, kind, ids)

    def all_tags(self) -> list[str]:
        """Tags in use, most used first (autocompletion)."""
        return self.notebook.all_tags(self.key)

    def saved_searches(self) -> list[SavedSearch]:
        """The open archive's saved searches, by name."""
        return self.notebook.saved_searches(self.key)

    @Slot()
    def check_external(self) -> None:
        """Another running instance saved something: everything shown is read again."""
        if not self._closed and self.notebook.external_changes():
            self.changed.emit(None)

    # -- writes ---------------------------------------------------------------------------

    def _write(self, ref: Ref | None, write: Callable[[], object]) -> bool:
        """Run one write; True when it was saved (then :attr:`changed` is emitted)."""
        try:
            write()
        except (NotebookError, ValueError) as exc:  # ValueError: a value the store refuses
            message = str(exc)
            if message != self._last_error:  # said once, not on every autosave
                self._last_error = message
                self.error.emit(_("Not saved in your notebook"), message)
            return False
        self._last_error = None
        self.changed.emit(ref)
        return True

    def set_bookmark(self, ref: Ref, on: bool, label: str | None) -> bool:
        """Bookmark ``ref`` or remove its bookmark; False when it was not saved."""
        return self._write(ref, lambda: self.notebook.set_bookmark(self.key, ref, on, label=label))

    def set_note(self, ref: Ref, text: str, label: str | None) -> bool:
        """Save the note on ``ref``; False when it was not saved (the editor keeps the text)."""
        return self._write(ref, lambda: self.notebook.set_note(self.key, ref, text, label=label))

    def set_tags(self, ref: Ref, tags: Sequence[str], label: str | None) -> bool:
        """Make ``tags`` the tags of ``ref`` (added and removed as needed)."""
        entry = self.entry(ref)
        old = {t.casefold(): t for t in (entry.tags if entry else ())}
        new = {t.strip().casefold(): t.strip() for t in tags if t.strip()}

        def write() -> None:
            for folded, tag in old.items():
                if folded not in new:
                    self.notebook.remove_tag(self.key, ref, tag)
            for folded, tag in new.items():
                if folded not in old:
                    self.notebook.add_tag(self.key, ref, tag, label=label)

        return self._write(ref, write)

    def save_search(self, name: str, text: str, filters: Mapping[str, str]) -> bool:
        """Save a search under ``name`` (the same name replaces it)."""
        return self._write(None, lambda: self.notebook.save_search(self.key, name, text, filters))

    def delete_search(self, search_id: int) -> None:
        """Delete a saved search."""
        self._write(None, lambda: self.notebook.delete_search(self.key, search_id))
