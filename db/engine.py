"""Open an archive read-only, after :mod:`db.gate` has proved it is one of ours and intact.

:func:`open_archive` runs the gate on a private connection, then hands out an :class:`Archive`:
a pooled SQLAlchemy engine whose every connection is read-only (``mode=ro``, ``query_only``)
and hardened the way the gate's was (:func:`db.gate.harden`).  The gate and
:meth:`Archive.raw` use ``sqlite3`` alone; SQLAlchemy is imported when the engine is first
used, so the window's first rows are painted before that import (see :mod:`app.first_rows`).

A ``postgresql://`` target opens the archive on a server instead (:class:`ServerArchive`):
the same interface, every connection in a read-only transaction
(``default_transaction_read_only``) with the archive schema first on its search path, checked
by :mod:`db.pg.gate`.  A connection the server dropped is noticed before use (pre-ping) and
replaced.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db import errors, gate, verified
from db.errors import Text
from db.gate import ArchiveInfo
from db.i18n import N_

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

__all__ = ["Archive", "ArchiveInfo", "open_archive"]

log = logging.getLogger(__name__)


def _connect(uri: str) -> sqlite3.Connection:
    conn = gate.harden(sqlite3.connect(uri, uri=True, check_same_thread=False))
    conn.execute("PRAGMA query_only = ON")
    return conn


def read_only(path: Path) -> sqlite3.Connection:
    """A plain ``sqlite3`` connection to the archive file, as the engine's are: read-only,
    hardened (:func:`db.gate.harden`), ``query_only``."""
    return _connect(path.resolve().as_uri() + "?mode=ro")


class Archive:
    """An open, validated, read-only archive: an engine plus the facts of :class:`ArchiveInfo`.

    Callers own their connections and sessions (``with archive.connect() as conn``), one per
    thread and per user action, as the SQLAlchemy docs recommend.
    """

    #: True for :class:`ServerArchive`.
    server = False

    def __init__(self, path: Path, uri: str, info: ArchiveInfo) -> None:
        self.path = path
        self.info = info
        self._uri = uri
        self._engine: Engine | None = None
        #: True once :meth:`close` ran (late background reads then stay away).
        self.closed = False

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

    def raw(self) -> Any:
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
        self.closed = True
        if self._engine is not None:
            self._engine.dispose()


#: Options of every server connection: the archive schema first, read-only transactions, and
#: a statement timeout so a stuck query cannot hold a worker forever.
def _server_options() -> str:
    from db.pg.url import SCHEMA

    return (
        f"-c search_path={SCHEMA},public -c default_transaction_read_only=on "
        "-c statement_timeout=60000 -c plan_cache_mode=force_custom_plan "
        # A streamed (server-side) cursor plans for all its rows, as a plain query does.
        "-c cursor_tuple_fraction=1 "
        "-c application_name=kremlin-archive"
    )


class ServerArchive(Archive):
    """An archive in a PostgreSQL schema (:mod:`db.pg`): the same interface as a file's."""

    server = True

    def __init__(self, target: str, info: ArchiveInfo) -> None:
        super().__init__(info.path, "", info)
        self._target = target

    @property
    def location(self) -> str:
        """The server address without its password."""
        return self.info.location

    @property
    def engine(self) -> Engine:
        """The pooled engine (psycopg 3), pre-pinging so a restarted server is reconnected."""
        if self._engine is None:
            from sqlalchemy import create_engine

            from db.pg.url import sqlalchemy_url

            self._engine = create_engine(
                sqlalchemy_url(self._target),
                connect_args={"options": _server_options(), "connect_timeout": 10},
                pool_size=4,
                max_overflow=4,
                pool_pre_ping=True,
            )
        return self._engine

    def raw(self) -> Any:
        """A new private read-only connection taking SQLite-style SQL (:mod:`db.dbapi`)."""
        import psycopg

        from db.dbapi import PgConnection
        from db.pg.url import libpq_url

        conn = psycopg.connect(
            libpq_url(self._target), options=_server_options(), connect_timeout=10
        )
        return PgConnection(conn)


#: What libpq says when a connection fails → the reader's words for it (libpq speaks English).
_CONNECT_FAILURES = (
    ("password authentication failed", N_("the server refused this user name or password")),
    ("no password supplied", N_("the server asks for a password (put it in ~/.pgpass)")),
    ("connection refused", N_("no PostgreSQL server answers at this address")),
    ("could not translate host name", N_("the server's name cannot be found")),
    ("failed to resolve host", N_("the server's name cannot be found")),
    ("timeout expired", N_("the server did not answer in time")),
    ("does not exist", N_("the server has no such database or user")),
)


def _unreachable(exc: BaseException, target: str, where: str) -> Text:
    """One line for a failed connection, in the reader's language, with libpq's own words."""
    from db.pg.url import scrub

    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    said = scrub((lines[0] if lines else type(exc).__name__).replace(target, where), target)
    said = said.removeprefix("connection failed: ")
    whole = " ".join(lines).lower()
    for needle, words in _CONNECT_FAILURES:
        if needle in whole:
            return Text(N_("{reason} ({detail})"), reason=Text(words), detail=said)
    return Text(N_("the connection failed ({detail})"), detail=said)


def open_server(target: str) -> ServerArchive:
    """Open the archive on the PostgreSQL server ``target`` after the server gate."""
    import psycopg

    from db.dbapi import PgConnection
    from db.pg import gate as pg_gate
    from db.pg.url import label, libpq_url, redact, scrub

    where = redact(target)
    try:
        conn = psycopg.connect(libpq_url(target), options=_server_options(), connect_timeout=10)
    except psycopg.Error as exc:
        raise errors.ArchiveUnreachable(where, _unreachable(exc, target, where)) from exc
    except ValueError as exc:  # libpq refused the address itself
        raise errors.ArchiveUnreachable(where, scrub(str(exc), target)) from exc
    try:
        raw = PgConnection(conn)
        pg_gate.check(raw, where)
        info = pg_gate.read_info(raw, where, label(target))
    except errors.ArchiveError:
        raise
    except psycopg.errors.QueryCanceled as exc:  # the statement timeout: a busy or locked server
        raise errors.ArchiveUnreachable(
            where, Text(N_("the server did not answer in time"))
        ) from exc
    except psycopg.OperationalError as exc:  # the connection broke while the gate read
        raise errors.ArchiveUnreachable(where, _unreachable(exc, target, where)) from exc
    except psycopg.Error as exc:
        log.info("refused %s: %s: %s", where, type(exc).__name__, scrub(str(exc), target))
        raise errors.ArchiveCorrupt.from_exception(where, exc) from exc
    finally:
        conn.close()
    return ServerArchive(target, info)


def open_archive(path: Path | str) -> Archive:
    """Open ``path`` (or a ``postgresql://`` address) read-only after the full gate; raise
    :class:`ArchiveError` otherwise."""
    if isinstance(path, str) and ("://" in path or path[:8].lower().startswith("postgres")):
        from db.pg.url import is_server, scrub

        if is_server(path):
            return open_server(path)
        if "://" in path:  # a mistyped address: named without its password, never a file
            raise errors.ArchiveNotFound(
                scrub(path, path),
                Text(N_("this is no file, and archives on a server start with postgresql://")),
            )
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
        seen = verified.fingerprint(path, gate.limits())
        conn = _connect(uri)
        try:
            if verified.passed(seen):  # unchanged since it passed every check in this process
                checked = deep = full = True
            else:
                checked, deep, full = gate.validate(conn, path, size)
                if checked and deep and full and verified.fingerprint(path, gate.limits()) == seen:
                    verified.remember(seen)
            info = gate.read_info(conn, path, size, checked, deep, full)
        finally:
            conn.close()
    except errors.ArchiveError:
        raise
    except Exception as exc:  # the boundary: whatever a damaged file makes fail ends here
        log.info("refused %s: %s: %s", path, type(exc).__name__, exc)
        raise errors.ArchiveCorrupt.from_exception(path, exc) from exc
    return Archive(path, uri, info)
