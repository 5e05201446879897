"""Loading a built file into a server: every row, the search in PostgreSQL's form, atomically."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest

from db import open_archive
from db.pg.load import archive_tables, load
from db.pg.url import SCHEMA, libpq_url
from tests.conftest_pg import build_bundled


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_bundled(tmp_path_factory.mktemp("pg-load") / "bundled.sqlite")


def _pg_count(url: str, table: str) -> int:
    with psycopg.connect(libpq_url(url)) as conn:
        row = conn.execute(f"SELECT count(*) FROM {SCHEMA}.{table}").fetchone()
        assert row is not None
        return int(row[0])


def test_every_table_arrives_whole(built: Path, pg_database: str) -> None:
    counts = load(built, pg_database)
    src = sqlite3.connect(built)
    try:
        tables = archive_tables(src)
        assert "person" in tables and "search_vocab" in tables
        assert not any(t.startswith(("person_fts", "text_fts", "kept_")) for t in tables)
        for table in tables:
            n = src.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert counts[table] == n == _pg_count(pg_database, table), table
        kept = src.execute("SELECT count(*) FROM kept_text_body").fetchone()[0]
    finally:
        src.close()
    assert _pg_count(pg_database, "text_fts") == kept
    assert _pg_count(pg_database, "person_fts") == counts["person"]


def test_text_keeps_the_files_code_point_order(built: Path, pg_database: str) -> None:
    load(built, pg_database)
    src = sqlite3.connect(built)
    try:
        want = [r[0] for r in src.execute("SELECT key FROM search_vocab ORDER BY key LIMIT 500")]
    finally:
        src.close()
    with psycopg.connect(libpq_url(pg_database)) as conn:
        got = [
            r[0]
            for r in conn.execute(f"SELECT key FROM {SCHEMA}.search_vocab ORDER BY key LIMIT 500")
        ]
    assert got == want


def test_loading_again_replaces_the_archive_in_one_step(built: Path, pg_database: str) -> None:
    load(built, pg_database)
    load(built, pg_database)
    with psycopg.connect(libpq_url(pg_database)) as conn:
        schemas = {r[0] for r in conn.execute("SELECT nspname FROM pg_namespace")}
    assert SCHEMA in schemas and f"{SCHEMA}_new" not in schemas
    a = open_archive(pg_database)
    try:
        assert a.info.counts["person"] == _pg_count(pg_database, "person")
    finally:
        a.close()


def test_a_failed_load_leaves_the_archive_that_was_there(
    built: Path, pg_database: str, tmp_path: Path
) -> None:
    load(built, pg_database)
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(built.read_bytes())
    conn = sqlite3.connect(broken)
    conn.execute("DROP TABLE kept_text_body")  # a file not written for the server
    conn.commit()
    conn.close()
    with pytest.raises(sqlite3.OperationalError):
        load(broken, pg_database)
    a = open_archive(pg_database)  # the first archive, whole
    try:
        assert a.info.counts["person"] == _pg_count(pg_database, "person") > 0
    finally:
        a.close()


def test_a_reader_holding_the_archive_delays_the_switch_not_the_build(
    built: Path, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.pg import load as loading

    load(built, pg_database)
    monkeypatch.setattr(loading, "SWAP_LOCK_TIMEOUT", "100ms")
    monkeypatch.setattr(loading, "SWAP_TRIES", 2)
    reader = psycopg.connect(libpq_url(pg_database))  # a reader mid-transaction
    try:
        reader.execute(f"SELECT count(*) FROM {SCHEMA}.person").fetchone()
        with pytest.raises(loading.SwapRefused, match="run the build again"):
            load(built, pg_database)
        # The reader's archive is whole; the new one waits beside it.
        assert reader.execute(f"SELECT count(*) FROM {SCHEMA}.person").fetchone()[0] > 0
    finally:
        reader.close()
    with psycopg.connect(libpq_url(pg_database)) as conn:
        schemas = {r[0] for r in conn.execute("SELECT nspname FROM pg_namespace")}
    assert {SCHEMA, f"{SCHEMA}_new"} <= schemas
    load(built, pg_database)  # with the reader gone the switch goes through
    a = open_archive(pg_database)
    a.close()
