"""Raw SQL written once with SQLite placeholders runs on psycopg's as well."""

from __future__ import annotations

import sqlite3

from db.dbapi import PgConnection, database_errors, is_postgres, raw_of, to_pyformat


def test_placeholders_are_rewritten_outside_literals_only() -> None:
    sql = "SELECT ':x', \"?\", a::text FROM t WHERE b = ? AND c = :pk AND d LIKE 'a%' AND e % 2"
    assert to_pyformat(sql) == (
        "SELECT ':x', \"?\", a::text FROM t WHERE b = %s AND c = %(pk)s AND d LIKE 'a%%' AND e %% 2"
    )


def test_quotes_doubled_inside_literals_do_not_end_them() -> None:
    assert to_pyformat("SELECT 'it''s ?' , ?") == "SELECT 'it''s ?' , %s"


def test_an_sqlite_connection_is_used_as_it_is(archive: object) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        assert raw_of(conn) is conn
        assert not is_postgres(conn)
    finally:
        conn.close()
    with archive.connect() as sa:  # type: ignore[attr-defined]
        assert isinstance(raw_of(sa), sqlite3.Connection)


def test_psycopg_errors_count_once_psycopg_is_loaded() -> None:
    import psycopg

    assert psycopg.Error in database_errors()
    assert sqlite3.Error in database_errors()


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def execute(self, sql: str, params: object = None) -> str:
        self.calls.append((sql, params))
        return "cursor"

    def close(self) -> None:
        self.calls.append(("close", None))


def test_pg_connection_passes_parameters_in_psycopg_style() -> None:
    rec = _Recorder()
    conn = PgConnection(rec)
    assert is_postgres(conn)
    conn.execute("SELECT ?, ?", [1, 2])
    conn.execute("SELECT :a", {"a": 1})
    conn.execute("SELECT '50%'")  # no parameters: sent as written
    conn.close()
    assert rec.calls == [
        ("SELECT %s, %s", (1, 2)),
        ("SELECT %(a)s", {"a": 1}),
        ("SELECT '50%'", None),
        ("close", None),
    ]
