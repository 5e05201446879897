"""The notebook file's schema and its migrations (plain ``sqlite3``; no SQLAlchemy needed).

The file says what it is with ``PRAGMA application_id`` (:data:`APPLICATION_ID`, ASCII "KrmN",
distinct from the archive's "KrmA") and which schema it has with ``PRAGMA user_version``.
:data:`MIGRATIONS` ``[v]`` takes a version-``v`` file to ``v + 1``; :func:`migrate` runs the
missing ones in one ``BEGIN IMMEDIATE`` transaction, so a second instance opening the same file
at the same moment waits and then finds the work done, and a ``kill -9`` leaves either the old
file or the new one.  A file from a newer version is refused, never downgraded.

Tables (version 1):

``archive``       one row per archive identity (``archive_id``, or ``""`` and the title)
``record``        one row per marked record: bookmark flag, current note, stored label, the
                  time of its last change and ``seq`` (a tie-break for "newest first"),
                  ``search_key`` (folded label, note and tags, for the full-text filter)
``tag``           the record's tags (``key`` is the folded tag: one tag per spelling)
``revision``      earlier note texts that were replaced by another instance, cleared, much
                  shortened or met a different text in an import
``saved_search``  a name, the search text and the pane filters (a JSON object)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

#: ``PRAGMA application_id`` of a notebook: ASCII "KrmN".
APPLICATION_ID = 0x4B726D4E

_V1 = (
    """CREATE TABLE archive (
        pk INTEGER PRIMARY KEY,
        archive_id TEXT NOT NULL,
        title TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX archive_by_id ON archive (archive_id) WHERE archive_id <> ''",
    "CREATE UNIQUE INDEX archive_by_title ON archive (title) WHERE archive_id = ''",
    """CREATE TABLE record (
        pk INTEGER PRIMARY KEY,
        archive_pk INTEGER NOT NULL REFERENCES archive (pk),
        kind TEXT NOT NULL,
        ref_id TEXT NOT NULL,
        label TEXT,
        bookmarked INTEGER NOT NULL DEFAULT 0 CHECK (bookmarked IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        note_changed TEXT,
        note_writer TEXT NOT NULL DEFAULT '',
        changed TEXT NOT NULL,
        seq INTEGER NOT NULL,
        search_key TEXT NOT NULL DEFAULT '',
        UNIQUE (archive_pk, kind, ref_id)
    )""",
    "CREATE INDEX record_recent ON record (archive_pk, changed, seq)",
    "CREATE INDEX record_seq ON record (seq)",
    """CREATE TABLE tag (
        record_pk INTEGER NOT NULL REFERENCES record (pk) ON DELETE CASCADE,
        key TEXT NOT NULL,
        tag TEXT NOT NULL,
        added TEXT NOT NULL,
        PRIMARY KEY (record_pk, key)
    ) WITHOUT ROWID""",
    "CREATE INDEX tag_by_key ON tag (key)",
    """CREATE TABLE revision (
        pk INTEGER PRIMARY KEY,
        record_pk INTEGER NOT NULL REFERENCES record (pk) ON DELETE CASCADE,
        text TEXT NOT NULL,
        saved TEXT NOT NULL,
        reason TEXT NOT NULL
    )""",
    "CREATE INDEX revision_of ON revision (record_pk, pk)",
    """CREATE TABLE saved_search (
        pk INTEGER PRIMARY KEY,
        archive_pk INTEGER NOT NULL REFERENCES archive (pk),
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        filters TEXT NOT NULL,
        created TEXT NOT NULL,
        changed TEXT NOT NULL,
        UNIQUE (archive_pk, name)
    )""",
)

#: ``MIGRATIONS[v]``: the statements that take a version-``v`` notebook to version ``v + 1``.
MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1,)
#: The schema version this code writes.
SCHEMA_VERSION = len(MIGRATIONS)


class NotANotebook(Exception):
    """An SQLite file of another application (``application_id``, or tables of its own)."""


class NewerNotebook(Exception):
    """A notebook written by a newer version of the app (``user_version`` above ours)."""

    def __init__(self, version: int) -> None:
        super().__init__(
            f"notebook schema version {version} (this app reads up to {SCHEMA_VERSION})"
        )
        self.version = version


def identify(conn: sqlite3.Connection, latest: int = SCHEMA_VERSION) -> int:
    """The file's schema version; raises if it is not a notebook or is newer than ``latest``.

    A file with no ``application_id`` and no tables is an empty new notebook (version 0).
    """
    (app_id,) = conn.execute("PRAGMA application_id").fetchone()
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if app_id not in (0, APPLICATION_ID):
        raise NotANotebook(f"application_id {app_id:#x}")
    if app_id == 0:
        (tables,) = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        if tables or version:
            raise NotANotebook("an SQLite file with tables of its own")
    if version > latest:
        raise NewerNotebook(version)
    return int(version)


def migrate(
    conn: sqlite3.Connection, migrations: Sequence[Sequence[str]] = MIGRATIONS
) -> tuple[int, int]:
    """Bring the notebook to ``len(migrations)`` in one write transaction; ``(before, after)``.

    The transaction writes the header even when there is nothing to migrate (and then rolls
    back), so it doubles as the probe that the file can be written: a read-only file fails
    here, before anything is shown as saved, and a current notebook is left unchanged.
    ``conn`` must be in autocommit mode (``isolation_level=None``).

    Raises:
        NotANotebook, NewerNotebook: the file is not ours to change.
        sqlite3.Error: the file cannot be written (read-only, locked, damaged).
    """
    latest = len(migrations)
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = identify(conn, latest)  # again, under the write lock
        for version in range(before, latest):
            for statement in migrations[version]:
                conn.execute(statement)
        # Written even when current: in WAL mode BEGIN IMMEDIATE alone succeeds on a
        # read-only file, the first write does not.  Nothing to migrate: rolled back, so a
        # current notebook is not changed (and no sync is paid) by being opened.
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {latest}")
        conn.execute("COMMIT" if before < latest else "ROLLBACK")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return before, latest
