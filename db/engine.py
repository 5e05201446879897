"""Open an archive read-only, after :mod:`db.gate` has proved it is one of ours and intact.

:func:`open_archive` runs the gate on a private connection, then hands out an :class:`Archive`:
a pooled SQLAlchemy engine whose every connection is read-only (``mode=ro``, ``query_only``)
and hardened the way the gate's was (:func:`db.gate.harden`).  The gate and
:meth:`Archive.raw` use ``sqlite3`` alone; SQLAlchemy is imported when the engine is first
used, so the window's first rows are painted before that import (see :mod:`app.first_rows`).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from db import errors, gate
from db.gate import ArchiveInfo

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

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
        self._uri = uri
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        """The pooled engine (SQLAlchemy is imported on first use)."""
        if self._engine is None:
            from sqlalchemy import create_engine
            from sqlalchemy.pool import QueuePool

            uri = self._uri
            self._engine = create_engine(
                "sqlite+pysqlite://",
                creator=lambda: _connect(uri),
                poolclass=QueuePool,
                pool_size=4,
                max_overflow=4,
            )
        return self._engine

    def raw(self) -> sqlite3.Connection:
        """A new private read-only ``sqlite3`` connection, hardened like the pooled ones.

        The caller closes it.  Used where SQLAlchemy is not imported yet (the first rows).
        """
        return _connect(self._uri)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A pooled read-only Core connection."""
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        """Release every pooled connection."""
        if self._engine is not None:
            self._engine.dispose()


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
