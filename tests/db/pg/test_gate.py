"""The server gate refuses what the file gate refuses, with the same words; no password leaks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from db import errors, open_archive
from db.pg.url import SCHEMA
from tests.conftest_pg import build_bundled, database_name, load_archive
from tests.pgserver import Server


@pytest.fixture(scope="module")
def loaded(pg_cluster: Server, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """(reader URL, superuser URL) of a bundled archive this module may damage and repair."""
    _file, reader, admin = load_archive(
        pg_cluster, "gate", build_bundled, tmp_path_factory.mktemp("pg-gate")
    )
    return reader, admin


@contextmanager
def changed(server: Server, admin: str, do: str, undo: str) -> Iterator[None]:
    dbname = admin.rsplit("/", 1)[1]
    server.psql(f"SET search_path TO {SCHEMA}; {do}", dbname=dbname)
    try:
        yield
    finally:
        server.psql(f"SET search_path TO {SCHEMA}; {undo}", dbname=dbname)


def test_an_intact_archive_opens_with_its_facts(loaded: tuple[str, str], archive: object) -> None:
    reader, _admin = loaded
    a = open_archive(reader)
    try:
        assert a.server and a.info.server
        assert a.info.counts == archive.info.counts  # type: ignore[attr-defined]
        assert a.info.title == archive.info.title  # type: ignore[attr-defined]
        assert "@" in a.info.path.name and a.info.location.startswith("postgresql://")
        assert ":" not in a.info.location.split("//", 1)[1].split("@", 1)[0]  # no password
    finally:
        a.close()


def test_a_database_without_an_archive_is_foreign(pg_database: str) -> None:
    with pytest.raises(errors.ArchiveForeign) as caught:
        open_archive(pg_database)
    assert "holds no Kremlin Affair archive" in caught.value.message


#: (damage done as the superuser, its repair, the refusal's class, family and words).
DAMAGE = {
    "newer schema": (
        "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
        "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
        errors.ArchiveVersionMismatch,
        "version",
        "archive schema version 99; this program reads version 2",
    ),
    "missing search index": (
        "ALTER TABLE text_fts RENAME TO text_fts_gone",
        "ALTER TABLE text_fts_gone RENAME TO text_fts",
        errors.ArchiveCorrupt,
        "missing-table",
        "the search index 'text_fts' is missing",
    ),
    "counts that do not match the rows": (
        "UPDATE meta SET value = '100' WHERE key = 'person_count'",
        "UPDATE meta SET value = '99' WHERE key = 'person_count'",
        errors.ArchiveCorrupt,
        "contract",
        "the metadata says 100 rows of 'person'",
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_archive_is_refused_with_the_file_gates_words(
    pg_cluster: Server, loaded: tuple[str, str], damage: str
) -> None:
    reader, admin = loaded
    do, undo, error, family, words = DAMAGE[damage]
    with changed(pg_cluster, admin, do, undo), pytest.raises(error) as caught:
        open_archive(reader)
    assert caught.value.family == family
    assert words in caught.value.message


def test_a_wrong_password_is_one_message_without_the_password(
    pg_cluster: Server, loaded: tuple[str, str]
) -> None:
    reader, _admin = loaded
    user = reader.split("//", 1)[1].split(":", 1)[0]
    wrong = pg_cluster.url(reader.rsplit("/", 1)[1], user=user, password="Wr0ngSecret")
    with pytest.raises(errors.ArchiveUnreachable) as caught:
        open_archive(wrong)
    assert "Wr0ngSecret" not in caught.value.message and "Wr0ngSecret" not in str(caught.value)
    assert "refused this user name or password" in caught.value.message


def test_no_server_at_the_address_is_one_message(pg_cluster: Server) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(errors.ArchiveUnreachable) as caught:
        open_archive(f"postgresql://someone:Secret99@127.0.0.1:{port}/{database_name('none')}")
    assert "Secret99" not in caught.value.message
    assert caught.value.title


def test_the_reader_can_write_nothing(pg_cluster: Server, loaded: tuple[str, str]) -> None:
    import sqlalchemy

    reader, _admin = loaded
    a = open_archive(reader)
    try:
        for sql in (
            "UPDATE meta SET value = 'x' WHERE key = 'title'",
            "CREATE TABLE kremlin_archive.x (a int)",
            "SET TRANSACTION READ WRITE; UPDATE meta SET value = 'x' WHERE key = 'title'",
        ):
            with a.connect() as conn, pytest.raises(sqlalchemy.exc.DBAPIError) as caught:
                conn.exec_driver_sql(sql)
            assert "read-only" in str(caught.value) or "permission denied" in str(caught.value)
        # Even outside the app's read-only transactions the role itself may not write.
        import psycopg

        from db.pg.url import libpq_url

        with psycopg.connect(libpq_url(reader)) as raw, pytest.raises(psycopg.Error) as again:
            raw.execute(f"UPDATE {SCHEMA}.meta SET value = 'x' WHERE key = 'title'")
        assert "permission denied" in str(again.value)
    finally:
        a.close()
