"""Open an archive read-only, after :mod:`db.gate` has proved it is one of ours and intact.

:func:`open_archive` runs the gate on a private connection, then hands out an :class:`Archive`:
a pooled SQLAlchemy engine whose every connection is read-only (``mode=ro``, ``query_only``)
and hardened the way the gate's was (:func:`db.gate.harden`).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.pool import QueuePool

from db import errors, gate
from db.gate import ArchiveInfo

__all__ = ["Archive", "ArchiveInfo", "open_archive"]

log = logging.getLogger(__name__)


def _connect(uri: str) -> sqlite3.Connection:
    conn = gate.harden(sqlite3.connect(uri, uri=True, check_same_thread=False))
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
            "sqlite+pysqlite://",
            creator=lambda: _connect(uri),
            poolclass=QueuePool,
            pool_size=4,
            max_overflow=4,
        )

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A pooled read-only Core connection."""
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def open_archive(path: Path | str) -> Archive:
    """Open ``path`` read-only after the full gate; raise :class:`ArchiveError` otherwise."""
    try:
        path = Path(path).expanduser()
    except RuntimeError as exc:  # "~nobody/…": no such home folder
        raise errors.ArchiveNotFound(Path(path), f"the path cannot be used ({exc})") from exc
    size = gate.stat_file(path)
    gate.check_header(path)
    gate.check_siblings(path)
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
    except (OSError, ValueError, RuntimeError) as exc:
        raise errors.ArchiveNotFound(path, f"the path cannot be used ({exc})") from exc
    try:
        conn = _connect(uri)
        try:
            checked, deep, full = gate.validate(conn, path, size)
            info = gate.read_info(conn, path, size, checked, deep, full)
        finally:
            conn.close()
    except errors.ArchiveError:
        raise
    except Exception as exc:  # the boundary: whatever a damaged file makes fail ends here
        log.info("refused %s: %s: %s", path, type(exc).__name__, exc)
        raise errors.ArchiveCorrupt.from_exception(path, exc) from exc
    return Archive(path, uri, info)
