"""The researcher's notebook: bookmarks, notes, tags and saved searches beside the archive.

:class:`Notebook` is the one object the GUI and the command line use.  Every write is its own
short transaction (``BEGIN IMMEDIATE`` … ``COMMIT`` on a WAL file with ``synchronous=FULL``):
when a write method returns, the change is on disk, and a ``kill -9`` a moment later loses
nothing.  Two instances (two app windows, the GUI and the command line) may use one file at
once; neither loses the other's notes (see :func:`db.notebook.records.write_note`).

Everything is keyed by the archive's identity (:func:`db.notebook.archive_key`) and the
record's kind and id, never by the archive's path.  The archive itself is never written.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from db.dto import Ref
from db.errors import Text
from db.i18n import N_, _
from db.notebook import reading, records, store
from db.notebook.clock import Clock, to_text, utc_now
from db.notebook.errors import NotebookBusy, NotebookReadOnly, NotebookWriteFailed
from db.notebook.model import (
    MAX_LABEL,
    MAX_SEARCH_NAME,
    MAX_SEARCH_TEXT,
    ArchiveKey,
    Entry,
    Marks,
    NoteRevision,
    SavedSearch,
    check_ref,
    clean_line,
    clean_tag,
    clean_text,
    frozen_filters,
    tag_key,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

_READ_ONLY = N_("The notebook is read-only in this session, so the change was not saved.")
_BUSY = N_(
    "The notebook is busy (another instance of the app is saving), so the change was not "
    "saved; try again."
)
_FAILED = N_("The notebook could not be saved: {error}.")


class Notebook:
    """An open notebook file (see the module docstring); create it with :meth:`open`.

    Attributes:
        path: the notebook file.
        outcome: how opening went (:class:`OpenOutcome`).
        read_only: True when nothing can be saved this session (writes raise
            :class:`NotebookReadOnly`).
        moved_to: where a bad file was moved aside (None if nothing was).

    Reads never fail on a read-only notebook whose file is locked: they return nothing.
    Methods may be called from any thread; calls are serialised.
    """

    def __init__(self, opened: store.Opened, path: Path, clock: Clock) -> None:
        """Use :meth:`open`."""
        self.path = path
        self.outcome = opened.outcome
        self.read_only = opened.read_only
        self.moved_to = opened.moved_to
        self._text = opened.text
        self._conn: sqlite3.Connection | None = opened.conn
        self._clock = clock
        self._lock = threading.RLock()
        self._writer = uuid.uuid4().hex
        self._data_version = self._pragma_data_version()

    # -- opening and closing ----------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        repair: bool = True,
        busy_timeout: float = store.BUSY_TIMEOUT,
        clock: Clock | None = None,
    ) -> Notebook:
        """Open the notebook at ``path`` (default: :func:`db.notebook.store.default_path`).

        Never raises for a bad file when ``repair`` is True: see :attr:`outcome` and
        :attr:`message`.  With ``repair=False`` (a file the user named) a damaged, foreign or
        newer file raises :class:`~db.notebook.errors.NotebookUnavailable` and is left alone.
        ``clock`` gives the time of changes (tests).
        """
        chosen = Path(path or store.default_path()).expanduser()
        opened = store.open_store(chosen, repair=repair, busy_timeout=busy_timeout)
        return cls(opened, chosen, clock or utc_now)

    @property
    def message(self) -> str | None:
        """One sentence for the user about how opening went (None when it went well).

        Translated each time it is read, so it follows a language switch.
        """
        return None if self._text is None else str(self._text)

    def close(self) -> None:
        """Close the file (idempotent); the last instance to close folds the WAL back in."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Notebook:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def external_changes(self) -> bool:
        """True when another instance committed a change since the last call (then re-read)."""
        with self._lock:
            now = self._pragma_data_version()
            changed = now != self._data_version
            self._data_version = now
            return changed

    def _pragma_data_version(self) -> int:
        try:
            return int(self._connection().execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return -1

    # -- plumbing -----------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError("the notebook is closed")
        return self._conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises.

        Raises:
            NotebookReadOnly, NotebookBusy, NotebookWriteFailed: nothing was saved.
        """
        with self._lock:
            if self.read_only:
                raise NotebookReadOnly(Text(_READ_ONLY))
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise _write_error(exc) from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                _rollback(conn)
                raise _write_error(exc) from exc
            except BaseException:
                _rollback(conn)
                raise
            self._data_version = self._pragma_data_version()

    def _read(self, read: Callable[[sqlite3.Connection], T], empty: T) -> T:
        with self._lock:
            conn = self._connection()
            try:
                return read(conn)
            except sqlite3.DatabaseError as exc:
                if not self.read_only:
                    raise
                log.info("notebook %s cannot be read now: %s", self.path, exc)
                return empty

    @staticmethod
    def _archive_pk(conn: sqlite3.Connection, key: ArchiveKey) -> int | None:
        return records.find_archive(conn, key)

    def _now(self) -> str:
        return to_text(self._clock())

    def _record(
        self, conn: sqlite3.Connection, key: ArchiveKey, ref: Ref, label: str | None
    ) -> int:
        archive = records.archive_for_write(conn, key)
        return records.ensure_record(conn, archive, ref, _label(label), self._now())

    def _existing(self, conn: sqlite3.Connection, key: ArchiveKey, ref: Ref) -> int | None:
        archive = records.find_archive(conn, key)
        return None if archive is None else records.find_record(conn, archive, ref)

    # -- bookmarks ----------------------------------------------------------------------------

    def set_bookmark(
        self, key: ArchiveKey, ref: Ref, on: bool, *, label: str | None = None
    ) -> None:
        """Bookmark ``ref`` (or remove its bookmark); ``label`` is stored to name it later."""
        check_ref(ref)
        with self._transaction() as conn:
            pk = self._record(conn, key, ref, label) if on else self._existing(conn, key, ref)
            if pk is None:
                return
            cur = conn.execute(
                "UPDATE record SET bookmarked = ? WHERE pk = ? AND bookmarked <> ?",
                (int(on), pk, int(on)),
            )
            if cur.rowcount:
                records.touch(conn, pk, self._now())
            records.refresh(conn, pk)

    def is_bookmarked(self, key: ArchiveKey, ref: Ref) -> bool:
        """True when ``ref`` is bookmarked."""
        found = self.entry(key, ref)
        return found is not None and found.bookmarked

    # -- notes ------------------------------------------------------------------------------

    def set_note(self, key: ArchiveKey, ref: Ref, text: str, *, label: str | None = None) -> None:
        """Make ``text`` the note on ``ref`` (empty text clears it; the old text is kept as a
        revision).  The last writer's text is current; another instance's text it replaced
        stays in :meth:`revisions`.

        Raises:
            ValueError: a note over :data:`~db.notebook.model.MAX_NOTE` characters.
        """
        check_ref(ref)
        text = clean_text(text)
        with self._transaction() as conn:
            if text:
                pk: int | None = self._record(conn, key, ref, label)
            else:
                pk = self._existing(conn, key, ref)
            if pk is None:
                return
            records.write_note(conn, pk, text, self._writer, self._now())
            records.refresh(conn, pk)

    def note(self, key: ArchiveKey, ref: Ref) -> str:
        """The note on ``ref`` (``""`` if none)."""
        found = self.entry(key, ref)
        return "" if found is None else found.note

    def revisions(self, key: ArchiveKey, ref: Ref) -> list[NoteRevision]:
        """Earlier texts of the note on ``ref``, newest first."""
        return self._read(lambda c: reading.revisions(c, self._archive_pk(c, key), ref), [])

    # -- tags -------------------------------------------------------------------------------

    def add_tag(self, key: ArchiveKey, ref: Ref, tag: str, *, label: str | None = None) -> None:
        """Tag ``ref`` with ``tag`` (spaces collapsed; ``Trial`` and ``trial`` are one tag).

        Raises:
            ValueError: an empty or overlong tag.
        """
        check_ref(ref)
        cleaned = clean_tag(tag)
        with self._transaction() as conn:
            pk = self._record(conn, key, ref, label)
            cur = conn.execute(
                "INSERT OR IGNORE INTO tag (record_pk, key, tag, added) VALUES (?, ?, ?, ?)",
                (pk, tag_key(cleaned), cleaned, self._now()),
            )
            if cur.rowcount:
                records.touch(conn, pk, self._now())
            records.refresh(conn, pk)

    def remove_tag(self, key: ArchiveKey, ref: Ref, tag: str) -> None:
        """Remove ``tag`` from ``ref`` (any spelling of it; nothing if it is not there)."""
        check_ref(ref)
        with self._transaction() as conn:
            pk = self._existing(conn, key, ref)
            if pk is None:
                return
            cur = conn.execute(
                "DELETE FROM tag WHERE record_pk = ? AND key = ?", (pk, tag_key(tag.strip()))
            )
            if cur.rowcount:
                records.touch(conn, pk, self._now())
            records.refresh(conn, pk)

    def tags(self, key: ArchiveKey, ref: Ref) -> list[str]:
        """The tags of ``ref``, sorted (case aside)."""
        found = self.entry(key, ref)
        return [] if found is None else list(found.tags)

    def all_tags(self, key: ArchiveKey) -> list[str]:
        """Every tag used in this archive's notebook, most used first (autocompletion)."""
        return self._read(lambda c: reading.all_tags(c, self._archive_pk(c, key)), [])

    # -- saved searches ---------------------------------------------------------------------

    def save_search(
        self, key: ArchiveKey, name: str, text: str, filters: Mapping[str, str]
    ) -> SavedSearch:
        """Save a search under ``name`` (saving a name again replaces that search).

        Raises:
            ValueError: an empty name, or filters that are not short text.
        """
        cleaned = clean_line(name, MAX_SEARCH_NAME)
        if not cleaned:
            raise ValueError(_("a saved search needs a name"))
        query = clean_line(text, MAX_SEARCH_TEXT)
        frozen = json.dumps(dict(frozen_filters(filters)), ensure_ascii=False, sort_keys=True)
        with self._transaction() as conn:
            archive = records.archive_for_write(conn, key)
            row = records.save_search(conn, archive, cleaned, query, frozen, self._now())
        return reading.saved_search(row)

    def saved_searches(self, key: ArchiveKey) -> list[SavedSearch]:
        """This archive's saved searches, by name."""
        return self._read(lambda c: reading.saved_searches(c, self._archive_pk(c, key)), [])

    def delete_search(self, key: ArchiveKey, search_id: int) -> None:
        """Delete a saved search (nothing if it is gone already)."""
        with self._transaction() as conn:
            archive = records.find_archive(conn, key)
            if archive is not None:
                conn.execute(
                    "DELETE FROM saved_search WHERE pk = ? AND archive_pk = ?",
                    (int(search_id), archive),
                )

    # -- what is marked ---------------------------------------------------------------------

    def entry(self, key: ArchiveKey, ref: Ref) -> Entry | None:
        """Bookmark, note and tags of one record in one read (None: not marked)."""
        return self._read(lambda c: reading.entry(c, self._archive_pk(c, key), ref), None)

    def entries(
        self,
        key: ArchiveKey,
        kind: str | None = None,
        tag: str | None = None,
        text: str | None = None,
    ) -> list[Entry]:
        """Every marked record of the archive, newest change first.

        Args:
            kind: only records of this kind (``person`` … ``claim``).
            tag: only records with this tag (case aside).
            text: only records whose note, tags or stored label hold every word of it.
        """
        return self._read(
            lambda c: reading.entries(c, self._archive_pk(c, key), kind, tag, text), []
        )

    def marks(self, key: ArchiveKey, kind: str, ids: Sequence[str]) -> dict[str, Marks]:
        """Which of ``ids`` (of one kind) are bookmarked, noted or tagged; unmarked ids are
        absent.  One query per 500 ids."""
        return self._read(lambda c: reading.marks(c, self._archive_pk(c, key), kind, ids), {})

    def archives(self) -> list[ArchiveKey]:
        """Every archive the notebook holds anything for, by title."""

        def read(conn: sqlite3.Connection) -> list[ArchiveKey]:
            rows = conn.execute("SELECT archive_id, title FROM archive ORDER BY title, pk")
            return [ArchiveKey(a, t) for a, t in rows]

        return self._read(read, [])


def _label(label: str | None) -> str | None:
    return clean_line(label, MAX_LABEL) or None if label else None


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error as exc:  # the write failed already; report that one
            log.warning("notebook rollback failed: %s", exc)


def _write_error(exc: sqlite3.OperationalError) -> Exception:
    """The user-facing error for a write the environment refused (busy, disk full, I/O)."""
    if store.reason_of(exc) == store.LOCKED:
        return NotebookBusy(Text(_BUSY))
    return NotebookWriteFailed(Text(_FAILED, error=str(exc)))
