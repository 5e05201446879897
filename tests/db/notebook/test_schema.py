"""The notebook's schema versions: the migration runner takes an empty file (version 0) to the
current version in one transaction, carries data through a later migration, and refuses a
newer notebook or another program's file without changing it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.notebook.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    NewerNotebook,
    NotANotebook,
    identify,
    migrate,
)

TABLES = {"archive", "record", "tag", "revision", "saved_search"}
#: A pretend version 2, to prove the runner carries a notebook (and its data) forward.
V2 = (*MIGRATIONS, ("ALTER TABLE record ADD COLUMN colour TEXT NOT NULL DEFAULT ''",))


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    c = sqlite3.connect(tmp_path / "n.sqlite", isolation_level=None)
    yield c
    c.close()


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {n for (n,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}


def _pragma(conn: sqlite3.Connection, name: str) -> int:
    return int(conn.execute(f"PRAGMA {name}").fetchone()[0])


def test_an_empty_file_is_migrated_from_version_0(conn: sqlite3.Connection) -> None:
    assert identify(conn) == 0
    assert migrate(conn) == (0, SCHEMA_VERSION) == (0, 1)
    assert _tables(conn) == TABLES
    assert _pragma(conn, "application_id") == APPLICATION_ID
    assert _pragma(conn, "user_version") == SCHEMA_VERSION


def test_a_current_notebook_is_left_as_it_is(conn: sqlite3.Connection) -> None:
    migrate(conn)
    schema_before = conn.execute("SELECT sql FROM sqlite_schema ORDER BY name").fetchall()
    assert migrate(conn) == (1, 1)
    assert conn.execute("SELECT sql FROM sqlite_schema ORDER BY name").fetchall() == schema_before


def test_a_later_migration_carries_the_data_forward(conn: sqlite3.Connection) -> None:
    migrate(conn)
    conn.execute("INSERT INTO archive (archive_id, title) VALUES ('a', 'A')")
    conn.execute(
        "INSERT INTO record (archive_pk, kind, ref_id, note, changed, seq) "
        "VALUES (1, 'person', 'p', 'kept', '2026-01-01T00:00:00.000000Z', 1)"
    )
    assert migrate(conn, V2) == (1, 2)
    assert conn.execute("SELECT note, colour FROM record").fetchall() == [("kept", "")]
    assert _pragma(conn, "user_version") == 2


def test_a_failing_migration_leaves_the_old_version(conn: sqlite3.Connection) -> None:
    migrate(conn)
    broken = (*MIGRATIONS, ("ALTER TABLE record ADD COLUMN x TEXT", "THIS IS NOT SQL"))
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, broken)
    assert _pragma(conn, "user_version") == 1
    assert "x" not in {r[1] for r in conn.execute("PRAGMA table_info(record)")}


def test_a_newer_notebook_is_refused_unchanged(conn: sqlite3.Connection) -> None:
    migrate(conn, V2)
    with pytest.raises(NewerNotebook) as newer:
        migrate(conn)
    assert newer.value.version == 2
    assert _pragma(conn, "user_version") == 2 and "colour" in {
        r[1] for r in conn.execute("PRAGMA table_info(record)")
    }


@pytest.mark.parametrize(
    "setup",
    [
        "PRAGMA application_id = 1234",
        "CREATE TABLE accounts (id INTEGER PRIMARY KEY)",
        "PRAGMA user_version = 7",
    ],
)
def test_another_programs_file_is_refused_unchanged(conn: sqlite3.Connection, setup: str) -> None:
    conn.execute(setup)
    before = (_pragma(conn, "application_id"), _pragma(conn, "user_version"), _tables(conn))
    with pytest.raises(NotANotebook):
        migrate(conn)
    assert (_pragma(conn, "application_id"), _pragma(conn, "user_version"), _tables(conn)) == before


def test_two_connections_migrating_at_once_migrate_once(tmp_path: Path) -> None:
    a = sqlite3.connect(tmp_path / "n.sqlite", isolation_level=None)
    b = sqlite3.connect(tmp_path / "n.sqlite", isolation_level=None)
    try:
        assert identify(a) == identify(b) == 0  # both saw an empty file
        assert migrate(a) == (0, 1)
        assert migrate(b) == (1, 1)  # b re-reads the version under the write lock
    finally:
        a.close()
        b.close()
