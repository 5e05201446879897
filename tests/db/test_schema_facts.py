"""The generated schema facts describe the bundled archive exactly (tables, columns, types)."""

from __future__ import annotations

import sqlite3

from db.schema_facts import EXPECTED_SCHEMA, SEARCH_TABLES, TABLE_COLUMNS
from tests.conftest import BUNDLED


def _connect() -> sqlite3.Connection:
    return sqlite3.connect(BUNDLED.resolve().as_uri() + "?mode=ro", uri=True)


def test_every_table_column_and_storage_class_is_the_bundled_archives() -> None:
    conn = _connect()
    try:
        for table, columns in TABLE_COLUMNS.items():
            info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            assert [c[1] for c in info] == [name for name, _, _ in columns], table
            for (_, _, declared, notnull, _, _), (name, integer, nullable) in zip(
                info, columns, strict=True
            ):
                assert (declared.upper() == "INTEGER") == integer, (table, name)
                assert (not notnull) == nullable or name == "pk", (table, name)
    finally:
        conn.close()


def test_the_search_tables_are_virtual_and_listed_in_the_schema() -> None:
    assert SEARCH_TABLES == ("person_fts", "text_fts")
    for name in SEARCH_TABLES:
        assert EXPECTED_SCHEMA[("table", name)].upper().startswith("CREATE VIRTUAL TABLE")
