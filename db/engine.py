"""Open an archive read-only, after proving it is one of ours and intact.

The gate, in order (each step names the path and the problem when it fails):

1. the path exists, is a regular file (not a folder, FIFO or device — checked with ``stat``
   *before* SQLite sees it, because ``connect()`` on a FIFO hangs), is readable and not empty;
2. the 100-byte header says SQLite, rollback journal (not WAL), our ``application_id`` and our
   ``user_version``;
3. SQLite opens it through ``Path.as_uri() + "?mode=ro"`` (never creates a file, whatever
   characters the name holds) with ``trusted_schema`` off so no function runs from a view;
4. ``PRAGMA quick_check`` (for files up to :data:`QUICK_CHECK_LIMIT`), the expected tables
   and columns, and the FTS5 index's own ``integrity-check``, all under a time limit.

Every failure type this can produce — ``sqlite3.Error``, ``OSError``, ``UnicodeDecodeError``,
``MemoryError`` — ends as a :class:`db.errors.ArchiveError`.
"""

from __future__ import annotations

import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from db import errors
from db.schema import APPLICATION_ID, SCHEMA_VERSION, Base

SQLITE_MAGIC = b"SQLite format 3\x00"
#: Larger files skip the full-scan quick_check at open (it would cost seconds at 3M people).
QUICK_CHECK_LIMIT = 256 * 1024 * 1024
#: Wall-clock budget of the validation queries; a hostile schema cannot stall the gate.
GATE_SECONDS = 3.0
FTS_TABLES = ("person_fts", "text_fts")
#: Files up to this size get FTS5's full integrity-check on an in-memory copy.
FTS_CHECK_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class ArchiveInfo:
    """What ``kremlin-archive info`` and Help → About show."""

    path: Path
    title: str
    data_version: str
    schema_version: int
    counts: dict[str, int]
    size_bytes: int
    integrity_checked: bool
    meta: dict[str, str] = field(default_factory=dict)


def _tolerant_text(data: bytes) -> str:
    # Damaged archives may hold invalid UTF-8; show replacement characters instead of failing.
    return data.decode("utf-8", errors="replace")


def _connect(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.text_factory = _tolerant_text
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    return conn


class Archive:
    """An open, validated, read-only archive: an engine plus the facts of :class:`ArchiveInfo`.

    Callers own their connections and sessions (``with archive.connect() as conn``), one per
    thread and per user action, as the SQLAlchemy docs recommend.
    """

    def __init__(self, path: Path, uri: str, info: ArchiveInfo) -> None:
        self.path = path
        self.info = info
        self.engine: Engine = create_engine(
            "sqlite+pysqlite://", creator=lambda: _connect(uri), poolclass=QueuePool,
            pool_size=4, max_overflow=4)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A pooled read-only Core connection."""
        with self.engine.connect() as conn:
            yield conn

    def session(self) -> Session:
        """A new ORM session (use as a context manager)."""
        return self._sessions()

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def _stat(path: Path) -> int:
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise errors.ArchiveNotFound(path, "no such file") from exc
    except PermissionError as exc:
        raise errors.ArchiveUnreadable(path, "permission denied") from exc
    except (OSError, ValueError) as exc:  # ENAMETOOLONG, ELOOP, embedded NUL …
        raise errors.ArchiveNotFound(path, f"the path cannot be used ({exc})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise errors.ArchiveNotAFile(path, "this is a folder, not an archive file")
    if not stat.S_ISREG(st.st_mode):
        raise errors.ArchiveNotAFile(path, "this is a device, pipe or socket, not a file")
    if st.st_size == 0:
        raise errors.ArchiveEmpty(path, "the file is empty (0 bytes)")
    return st.st_size


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except PermissionError as exc:
        raise errors.ArchiveUnreadable(path, "permission denied") from exc
    except OSError as exc:
        raise errors.ArchiveUnreadable(path, f"the file cannot be read ({exc.strerror})") from exc
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        kind = "a text file" if _looks_like_text(header) else "not a database"
        raise errors.ArchiveNotSQLite(path, f"this is {kind}, not a Kremlin Affair archive")
    if header[18] == 2 or header[19] == 2:
        raise errors.ArchiveUnsupported(
            path, "the archive uses write-ahead logging (WAL); archives must be published in "
            "rollback-journal mode so they can be opened read-only")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise errors.ArchiveForeign(
            path, "this is an SQLite database, but not a Kremlin Affair archive")
    version = int.from_bytes(header[60:64], "big")
    if version != SCHEMA_VERSION:
        raise errors.ArchiveVersionMismatch(
            path, f"archive schema version {version}; this program reads version "
            f"{SCHEMA_VERSION}")


def _looks_like_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in data


def _validate(conn: sqlite3.Connection, path: Path, size: int) -> bool:
    deadline = time.monotonic() + GATE_SECONDS
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        checked = size <= QUICK_CHECK_LIMIT
        if checked:
            result = conn.execute("PRAGMA quick_check").fetchall()
            if result != [("ok",)]:
                first = str(result[0][0]) if result else "no answer"
                raise errors.ArchiveCorrupt(path, f"the integrity check failed ({first})")
        objects = {name: kind for name, kind in conn.execute(
            "SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view')")}
        for table in Base.metadata.sorted_tables:
            if objects.get(table.name) != "table":
                raise errors.ArchiveCorrupt(path, f"the table '{table.name}' is missing")
            present = {row[1] for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
            missing = [c.name for c in table.columns if c.name not in present]
            if missing:
                raise errors.ArchiveCorrupt(
                    path, f"the table '{table.name}' lacks column(s) {', '.join(missing)}")
        for fts in FTS_TABLES:
            if objects.get(fts) != "table":
                raise errors.ArchiveCorrupt(path, f"the search index '{fts}' is missing")
            # Cheap probe: a damaged FTS5 table often fails as soon as it is queried.
            conn.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH 'a' LIMIT 1").fetchall()
        if size <= FTS_CHECK_LIMIT:
            _check_fts_in_memory(path, deadline)
        return checked
    finally:
        conn.set_progress_handler(None, 0)


def _check_fts_in_memory(path: Path, deadline: float) -> None:
    # SQLite 3.40's quick_check does not look inside FTS5, and FTS5's own integrity-check is
    # an INSERT, which a read-only connection refuses: run it on a private in-memory copy.
    mem = sqlite3.connect(":memory:")
    try:
        mem.execute("PRAGMA trusted_schema = OFF")
        mem.deserialize(path.read_bytes())
        mem.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        for fts in FTS_TABLES:
            mem.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    except sqlite3.Error as exc:
        if "interrupted" in str(exc):
            raise
        raise errors.ArchiveCorrupt(path, f"the search index is damaged ({exc})") from exc
    finally:
        mem.close()


def _read_info(conn: sqlite3.Connection, path: Path, size: int, checked: bool) -> ArchiveInfo:
    meta = {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}
    try:
        counts = {k.removesuffix("_count"): int(v) for k, v in meta.items()
                  if k.endswith("_count")}
        info = ArchiveInfo(path, meta["title"], meta["data_version"],
                           int(meta["schema_version"]), counts, size, checked, meta)
    except (KeyError, ValueError) as exc:
        raise errors.ArchiveCorrupt(path, f"the archive metadata is incomplete ({exc})") from exc
    if "person" not in counts:
        raise errors.ArchiveCorrupt(path, "the archive metadata has no person count")
    return info


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if "interrupted" in text:
        return "checking the archive took too long (it may be damaged or hostile)"
    if "not a database" in text:
        return "the file is damaged (SQLite says: file is not a database)"
    if isinstance(exc, UnicodeDecodeError):
        return "the archive contains text that is not valid UTF-8"
    if isinstance(exc, MemoryError):
        return "the archive is too damaged to read (out of memory)"
    return f"the file is damaged or unreadable ({text})"


def open_archive(path: Path | str) -> Archive:
    """Open ``path`` read-only after the full gate; raise :class:`ArchiveError` otherwise."""
    path = Path(path).expanduser()
    size = _stat(path)
    _check_header(path)
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
    except (OSError, ValueError) as exc:
        raise errors.ArchiveNotFound(path, f"the path cannot be used ({exc})") from exc
    try:
        conn = _connect(uri)
        try:
            checked = _validate(conn, path, size)
            info = _read_info(conn, path, size, checked)
        finally:
            conn.close()
    except errors.ArchiveError:
        raise
    except (sqlite3.Error, OSError, UnicodeDecodeError, MemoryError, ValueError,
            OverflowError) as exc:
        raise errors.ArchiveCorrupt(path, _describe(exc)) from exc
    return Archive(path, uri, info)
