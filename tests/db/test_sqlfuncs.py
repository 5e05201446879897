"""``nocase``: ASCII-only case folding, spelled for each engine."""

from __future__ import annotations

from sqlalchemy import column, select
from sqlalchemy.dialects import postgresql, sqlite

from db.sqlfuncs import nocase


def test_sqlite_uses_its_nocase_collation() -> None:
    sql = str(select(nocase(column("title"))).compile(dialect=sqlite.dialect()))
    assert "title COLLATE NOCASE" in sql


def test_postgresql_folds_a_to_z_and_compares_code_points() -> None:
    sql = str(select(nocase(column("title"))).compile(dialect=postgresql.dialect()))
    assert "translate(title, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')" in sql
    assert 'COLLATE "C"' in sql


def test_it_orders_like_sqlite_nocase(archive: object) -> None:
    import sqlite3

    words = ["b", "B", "a", "Ä", "ä", "A", "Z", "_"]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (w TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(w,) for w in words])
    by_sqlite = [r[0] for r in conn.execute("SELECT w FROM t ORDER BY w COLLATE NOCASE, w")]
    table = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
    assert by_sqlite == sorted(words, key=lambda w: (w.translate(table), w))
