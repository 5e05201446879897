"""Open the notebook file: where it lives, its connection settings, and what to do when it is bad.

:func:`open_store` always returns a usable connection and says how it went
(:class:`~db.notebook.model.OpenOutcome`):

- a good notebook (or none yet): opened for writing, migrated to the current schema (``ok``);
- a damaged file, a file that is not SQLite, an SQLite file of another program, a notebook of a
  newer version: the file (with its ``-wal``/``-shm``) is renamed to a timestamped name beside
  it — kept, never deleted — and a fresh notebook is created (``moved_aside``);
- a read-only disk or folder: the notebook is opened read-only (``read_only``);
- locked by another program holding an exclusive lock: read-only, reads may come back empty
  while the lock lasts (``read_only``);
- a file that can be neither read nor moved aside, or a folder that cannot be created: an empty
  in-memory notebook, read-only (``read_only``).

Every write connection uses WAL, ``synchronous=FULL``, foreign keys and a busy timeout, so two
instances of the app share the file and a ``kill -9`` at any moment loses no committed write.
"""

from __future__ import annotations

import datetime
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db.errors import Text
from db.i18n import N_
from db.notebook import schema
from db.notebook.errors import NotebookUnavailable
from db.notebook.model import OpenOutcome

log = logging.getLogger(__name__)

#: Environment variable naming the notebook file (tests, portable installs).
ENV = "KREMLIN_ARCHIVE_NOTEBOOK"
APP_NAME = "kremlin-archive"
FILE_NAME = "notebook.sqlite"
#: How long a write waits for another instance's transaction before giving up (seconds).
BUSY_TIMEOUT = 2.0
_HEADER = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")

# Why a file is not used as it is.
DAMAGED = "damaged"
FOREIGN = "foreign"
NEWER = "newer"
LOCKED = "locked"
READ_ONLY = "read-only"

_MOVED: dict[str, str] = {
    DAMAGED: N_(
        "Your notebook {path} was damaged, so it was moved aside to {moved} (nothing was "
        "deleted) and a new, empty notebook was started."
    ),
    FOREIGN: N_(
        "The file {path} is not a notebook of this app, so it was moved aside to {moved} "
        "(nothing was deleted) and a new, empty notebook was started."
    ),
    NEWER: N_(
        "Your notebook {path} was written by a newer version of this app, so it was moved aside "
        "to {moved} (nothing was deleted) and a new, empty notebook was started."
    ),
}
_UNUSABLE: dict[str, str] = {
    DAMAGED: N_("The notebook {path} is damaged and cannot be used."),
    FOREIGN: N_("The file {path} is not a notebook of this app."),
    NEWER: N_("The notebook {path} was written by a newer version of this app."),
}
_READ_ONLY_TEXT = N_(
    "Your notebook {path} cannot be written (a read-only file, folder or disk), so it is open "
    "read-only: notes and bookmarks can be read but not changed."
)
_LOCKED_TEXT = N_(
    "Your notebook {path} is locked by another program, so it is open read-only in this "
    "session and changes cannot be saved."
)
_STUCK_TEXT = N_(
    "Your notebook {path} cannot be read and cannot be moved aside ({error}), so notes cannot "
    "be shown or saved in this session (nothing was changed)."
)
_FOLDER_TEXT = N_(
    "The notebook folder {path} cannot be created ({error}), so notes cannot be saved in this "
    "session."
)


@dataclass
class Opened:
    """The result of :func:`open_store`: a connection and how it was obtained."""

    conn: sqlite3.Connection
    outcome: OpenOutcome
    read_only: bool
    text: Text | None = None
    moved_to: Path | None = None


class _Refused(Exception):
    """The file is not used as it is; ``reason`` is one of the module's reason constants."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def default_path() -> Path:
    """``$KREMLIN_ARCHIVE_NOTEBOOK`` if set, else ``notebook.sqlite`` in the user data folder.

    The folder is platformdirs' ``user_data_path("kremlin-archive")``: ``~/.local/share/
    kremlin-archive`` on Linux, ``~/Library/Application Support/kremlin-archive`` on macOS,
    ``%LOCALAPPDATA%\\kremlin-archive`` on Windows.
    """
    chosen = os.environ.get(ENV)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only when the real folder is wanted

    return platformdirs.user_data_path(APP_NAME, False) / FILE_NAME


def configure(conn: sqlite3.Connection, busy_timeout: float) -> sqlite3.Connection:
    """Settings of every notebook connection."""
    conn.execute(f"PRAGMA busy_timeout = {max(int(busy_timeout * 1000), 0)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def _connect(target: str, busy_timeout: float, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(
        target, timeout=busy_timeout, isolation_level=None, check_same_thread=False, uri=uri
    )
    return configure(conn, busy_timeout)


def reason_of(exc: sqlite3.Error) -> str:
    """Which kind of trouble an SQLite error means."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return LOCKED
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return READ_ONLY
    if name.startswith(("SQLITE_IOERR", "SQLITE_FULL")):
        return READ_ONLY
    return DAMAGED  # SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_FORMAT, SQLITE_ERROR …


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _Refused(READ_ONLY, str(exc)) from exc
    if head and head != _HEADER:
        raise _Refused(FOREIGN if len(head) == len(_HEADER) else DAMAGED, "not an SQLite file")


def _probe(path: Path, busy_timeout: float) -> None:
    """Refuse another program's file or a newer notebook before opening it for writing.

    Read with ``immutable=1``: no lock, no ``-wal``/``-shm`` touched, nothing written, so a
    file that is not ours is moved aside exactly as it was.  Only the fixed header fields are
    trusted from this read: a page torn by another instance's checkpoint must not make a good
    notebook look damaged, so damage is judged by the locked writable open that follows.
    """
    _check_header(path)
    if not path.exists():
        return
    try:
        conn = _connect(path.resolve().as_uri() + "?mode=ro&immutable=1", busy_timeout, uri=True)
    except sqlite3.Error:
        return  # the writable open says why
    try:
        schema.identify(conn)
    except schema.NotANotebook as exc:
        raise _Refused(FOREIGN, str(exc)) from exc
    except schema.NewerNotebook as exc:
        raise _Refused(NEWER, str(exc)) from exc
    except sqlite3.Error:
        return
    finally:
        conn.close()


def _open_writable(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """The notebook at ``path`` for writing, migrated; raises :class:`_Refused` otherwise."""
    _probe(path, busy_timeout)
    try:
        conn = _connect(str(path), busy_timeout)
    except sqlite3.Error as exc:
        raise _Refused(reason_of(exc), str(exc)) from exc
    try:
        version = schema.identify(conn)
        if version:
            (check,) = conn.execute("PRAGMA quick_check").fetchone()
            if check != "ok":
                raise _Refused(DAMAGED, str(check))
        (mode,) = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if str(mode).lower() != "wal":
            raise _Refused(READ_ONLY, f"journal mode {mode}")
        conn.execute("PRAGMA synchronous = FULL")
        schema.migrate(conn)
    except schema.NotANotebook as exc:
        conn.close()
        raise _Refused(FOREIGN, str(exc)) from exc
    except schema.NewerNotebook as exc:
        conn.close()
        raise _Refused(NEWER, str(exc)) from exc
    except _Refused:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise _Refused(reason_of(exc), str(exc)) from exc
    return conn


def _verdict(conn: sqlite3.Connection) -> str | None:
    """Why a notebook opened for reading cannot be shown (None: it can)."""
    try:
        version = schema.identify(conn)
        if version != schema.SCHEMA_VERSION:
            return READ_ONLY  # an empty or older file we may not migrate: nothing to show
        (check,) = conn.execute("PRAGMA quick_check").fetchone()
    except schema.NotANotebook:
        return FOREIGN
    except schema.NewerNotebook:
        return NEWER
    except sqlite3.Error as exc:
        reason = reason_of(exc)
        return None if reason == LOCKED else reason
    return None if check == "ok" else DAMAGED


def _open_read_only(path: Path, reason: str, busy_timeout: float) -> sqlite3.Connection | None:
    """``path`` opened read-only (None when even that fails or it is not a readable notebook).

    On a read-only disk a WAL file cannot get its ``-shm`` index, so the last try is
    ``immutable=1``: safe there, since nobody can write the file; never used for a locked one.
    A locked file is taken as it is: reads may come back empty while the lock lasts.
    """
    base = path.resolve().as_uri() + "?mode=ro"
    uris = [base] if reason == LOCKED else [base, base + "&immutable=1"]
    for uri in uris:
        try:
            conn = _connect(uri, busy_timeout, uri=True)
        except sqlite3.Error:
            continue
        conn.execute("PRAGMA query_only = ON")
        if _verdict(conn) is None:
            return conn
        conn.close()
    return None


def _memory(busy_timeout: float) -> sqlite3.Connection:
    """An empty notebook in memory, for a session that can neither read nor save one."""
    conn = _connect(":memory:", busy_timeout)
    schema.migrate(conn)
    conn.execute("PRAGMA query_only = ON")
    return conn


def moved_aside_path(path: Path, reason: str, now: datetime.datetime) -> Path:
    """A free name beside ``path``: ``notebook.2026-12-05T10-11-12Z.damaged.sqlite``."""
    stamp = now.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H-%M-%SZ")
    for n in range(1, 1000):
        extra = "" if n == 1 else f"-{n}"
        candidate = path.with_name(f"{path.stem}.{stamp}{extra}.{reason}{path.suffix}")
        if not any(Path(f"{candidate}{s}").exists() for s in ("", *_SIDE_FILES)):
            return candidate
    raise FileExistsError(f"no free name beside {path}")


def move_aside(path: Path, reason: str, now: datetime.datetime) -> Path:
    """Rename ``path`` and its ``-wal``/``-shm``/``-journal`` to a free timestamped name.

    The side files go first, so an interrupted move never leaves the new fresh notebook
    next to an old ``-wal`` it would replay.  Returns the new name of the file itself.
    """
    target = moved_aside_path(path, reason, now)
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{target}{suffix}"))
    os.replace(path, target)
    log.warning("notebook %s (%s) moved aside to %s", path, reason, target)
    return target


def open_store(
    path: Path,
    *,
    repair: bool = True,
    busy_timeout: float = BUSY_TIMEOUT,
    now: datetime.datetime | None = None,
) -> Opened:
    """Open the notebook at ``path`` as well as can be; see the module docstring.

    Args:
        path: the notebook file (created with its folder if missing).
        repair: move a damaged, foreign or newer file aside and start afresh; when False,
            raise :class:`NotebookUnavailable` instead (for a path the user named).
        busy_timeout: seconds a locked file is waited for.
        now: the time stamped into a moved-aside name (default: now).
    """
    shown = str(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        text = Text(_FOLDER_TEXT, path=str(path.parent), error=exc.strerror or exc)
        return Opened(_memory(busy_timeout), OpenOutcome.READ_ONLY, True, text)
    try:
        return Opened(_open_writable(path, busy_timeout), OpenOutcome.OK, False)
    except _Refused as refused:
        log.info("notebook %s: %s (%s)", path, refused.reason, refused)
        reason = refused.reason
    if reason in (LOCKED, READ_ONLY):
        template = _LOCKED_TEXT if reason == LOCKED else _READ_ONLY_TEXT
        conn = _open_read_only(path, reason, busy_timeout)
        if conn is None and path.exists():
            reason = _classify_unreadable(path, busy_timeout)
        if conn is not None or reason in (LOCKED, READ_ONLY):
            text = Text(template, path=shown)
            return Opened(conn or _memory(busy_timeout), OpenOutcome.READ_ONLY, True, text)
    if not repair:
        raise NotebookUnavailable(Text(_UNUSABLE[reason], path=shown), reason)
    try:
        moved = move_aside(path, reason, now or datetime.datetime.now(datetime.UTC))
    except OSError as exc:
        text = Text(_STUCK_TEXT, path=shown, error=exc.strerror or exc)
        return Opened(_memory(busy_timeout), OpenOutcome.READ_ONLY, True, text)
    text = Text(_MOVED[reason], path=shown, moved=str(moved))
    try:
        conn = _open_writable(path, busy_timeout)
    except _Refused:
        return Opened(_memory(busy_timeout), OpenOutcome.READ_ONLY, True, text, moved)
    return Opened(conn, OpenOutcome.MOVED_ASIDE, False, text, moved)


def _classify_unreadable(path: Path, busy_timeout: float) -> str:
    """Why a file that refused writing cannot be read either: damaged, foreign or newer."""
    try:
        conn = _connect(path.resolve().as_uri() + "?mode=ro&immutable=1", busy_timeout, uri=True)
    except sqlite3.Error as exc:
        return reason_of(exc)
    try:
        return _verdict(conn) or READ_ONLY
    finally:
        conn.close()
