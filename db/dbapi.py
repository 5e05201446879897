"""One way to run raw SQL on either engine: SQLite's placeholders, any DBAPI connection.

The search, the gate's contract probes and the first page run hand-written SQL on the DBAPI
connection under SQLAlchemy (SQLAlchemy rows cost more than the queries at this scale).  They
are written once, with SQLite's ``?`` and ``:name`` placeholders; :class:`PgConnection` runs
the same text on a psycopg connection by rewriting the placeholders (``%s`` / ``%(name)s``)
outside string literals, once per statement text.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from typing import Any, Protocol


class RawConnection(Protocol):
    """What the raw-SQL code needs: ``execute`` (returning a cursor) and ``close``."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any:
        """Run one statement; ``?`` / ``:name`` placeholders."""
        ...

    def close(self) -> None:
        """Close the connection."""
        ...


_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|::|\?|:[A-Za-z_]\w*|%")


@lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """``sql`` with ``?`` → ``%s``, ``:name`` → ``%(name)s`` and ``%`` → ``%%`` outside quotes."""

    def swap(m: re.Match[str]) -> str:
        tok = m.group()
        if tok == "?":
            return "%s"
        if tok == "%":
            return "%%"
        if tok.startswith(":") and tok != "::":
            return f"%({tok[1:]})s"
        return tok.replace("%", "%%")  # psycopg reads % inside literals too

    return _TOKEN.sub(swap, sql)


class PgConnection:
    """A psycopg connection that takes SQLite-style SQL (see the module docstring)."""

    postgres = True

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        """Run ``sql`` (``?``/``:name`` placeholders) and return the psycopg cursor."""
        if not parameters:
            return self.conn.execute(sql)  # no parameters: psycopg takes the text as it is
        if isinstance(parameters, list):
            parameters = tuple(parameters)
        return self.conn.execute(to_pyformat(sql), parameters)

    def close(self) -> None:
        """Close the psycopg connection."""
        self.conn.close()


def is_postgres(conn: object) -> bool:
    """True for a :class:`PgConnection`."""
    return getattr(conn, "postgres", False) is True


def raw_of(conn: Any) -> Any:
    """The raw connection under a SQLAlchemy ``Connection`` (or ``conn`` itself), wrapped so
    SQLite-style SQL runs on it."""
    if isinstance(conn, (sqlite3.Connection, PgConnection)):
        return conn
    driver = conn.connection.driver_connection
    if isinstance(driver, sqlite3.Connection):
        return driver
    return PgConnection(driver)


def database_errors() -> tuple[type[BaseException], ...]:
    """The exception classes a database call may raise (psycopg's only when it is loaded)."""
    import sys

    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)
