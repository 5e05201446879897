"""open_archive and Archive: every gate step runs before anything is handed out and refuses
without creating a file; every pooled connection is read-only twice over (mode=ro and
query_only) and hardened like the gate's; pooled connections are reused and closed with the
archive.  (The gate's own checks: tests/db/test_gate.py; odd file names:
tests/hardening/test_special_paths.py.)"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import DataError, OperationalError

from db import Archive, errors, gate, open_archive
from db.engine import read_only
from db.schema import APPLICATION_ID
from tests.conftest import BUNDLED


def _listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _copy(folder: Path, name: str = "a.sqlite") -> Path:
    path = folder / name
    path.write_bytes(BUNDLED.read_bytes())
    return path


def _edit(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    for sql in statements:
        conn.execute(sql)
    conn.close()
    return path


def _journal(d: Path) -> Path:
    path = _copy(d)
    (d / "a.sqlite-journal").write_bytes(gate.JOURNAL_MAGIC + bytes(504))
    return path


@pytest.fixture(scope="module")
def opened() -> Iterator[Archive]:
    """A handle on the bundled archive of this module's own (its tests close it freely:
    a closed Archive opens new connections on demand)."""
    a = open_archive(BUNDLED)
    yield a
    a.close()


def test_bundled_archive_opens_with_its_metadata(opened: Archive) -> None:
    info = opened.info
    assert info.title == "The Kremlin Affair, 1935"
    assert info.counts["person"] == 99
    assert info.path == BUNDLED
    assert info.size_bytes == os.path.getsize(BUNDLED)
    assert info.integrity_checked and info.deep_checked


def test_a_path_given_as_text_opens_the_same_file() -> None:
    a = open_archive(str(BUNDLED))
    a.close()
    assert a.path == BUNDLED


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda d: d / "missing.sqlite", errors.ArchiveNotFound, "no such file"),
        (lambda d: _edit(d / "o.sqlite", "CREATE TABLE t (x)"), errors.ArchiveForeign, "not a"),
        (_journal, errors.ArchiveUnsupported, "interrupted write"),
        (
            lambda d: _edit(_copy(d), "DROP TABLE tally"),
            errors.ArchiveCorrupt,
            "'tally' is missing",
        ),
        (
            lambda d: _edit(_copy(d), "DELETE FROM meta WHERE key = 'title'"),
            errors.ArchiveCorrupt,
            "metadata is incomplete",
        ),
    ],
    ids=["stat", "header", "siblings", "schema", "meta"],
)
def test_every_gate_step_refuses_through_open_archive_creating_nothing(
    tmp_path: Path, make: Callable[[Path], Path], error: type[errors.ArchiveError], words: str
) -> None:
    target = make(tmp_path)
    before = _listing(tmp_path)
    with pytest.raises(error) as info:
        open_archive(target)
    assert words in info.value.message
    assert str(target) in info.value.message
    assert _listing(tmp_path) == before  # nothing created next to the input


def test_a_home_folder_that_does_not_exist_is_not_found() -> None:
    with pytest.raises(errors.ArchiveNotFound, match="the path cannot be used"):
        open_archive("~no-such-user-kremlin/archive.sqlite")


def test_truncated_archive_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "cut.sqlite"
    path.write_bytes(BUNDLED.read_bytes()[: 64 * 1024])
    with pytest.raises(errors.ArchiveCorrupt) as info:
        open_archive(path)
    assert info.value.family != errors.UNEXPECTED.key


def test_a_file_with_our_header_and_no_database_behind_it_is_corrupt(tmp_path: Path) -> None:
    # The header passes step 2; SQLite then fails on the pages: a low-level error, classified.
    data = bytearray(BUNDLED.read_bytes()[:100]) + bytes(4096 - 100)
    data[68:72] = APPLICATION_ID.to_bytes(4, "big")
    path = tmp_path / "hollow.sqlite"
    path.write_bytes(bytes(data))
    with pytest.raises(errors.ArchiveCorrupt) as info:
        open_archive(path)
    assert info.value.family == "malformed"
    assert str(path) in info.value.message


def test_connections_are_read_only(opened: Archive) -> None:
    with opened.connect() as conn, pytest.raises(OperationalError, match="readonly"):
        conn.exec_driver_sql("DELETE FROM person")


def test_connections_stay_read_only_when_query_only_is_switched_off(opened: Archive) -> None:
    with opened.connect() as conn:
        conn.exec_driver_sql("PRAGMA query_only = OFF")
        try:
            with pytest.raises(OperationalError, match="attempt to write a readonly database"):
                conn.exec_driver_sql("DELETE FROM person")  # mode=ro still refuses
        finally:
            conn.invalidate()  # this connection is not returned to the pool
    opened.close()


def test_connections_are_hardened_like_the_gate(opened: Archive) -> None:
    with opened.connect() as conn:
        assert conn.exec_driver_sql("SELECT CAST(x'ff41' AS TEXT)").scalar() == "\ufffdA"
        assert conn.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
        with pytest.raises(DataError, match="too big"):
            conn.exec_driver_sql(f"SELECT zeroblob({gate.FIELD_LIMIT + 1})").all()


def test_returned_connections_are_reused_from_the_pool(opened: Archive) -> None:
    with opened.connect() as conn, opened.connect() as other:
        pair = [conn.connection.dbapi_connection, other.connection.dbapi_connection]
        assert pair[0] is not pair[1]  # two at once: two connections
    for _ in range(3):
        with opened.connect() as conn:
            assert any(conn.connection.dbapi_connection is raw for raw in pair)


def test_close_closes_the_pooled_connections(opened: Archive) -> None:
    with opened.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
    opened.close()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        raw.execute("SELECT 1")


def test_a_plain_read_only_connection_reads_and_never_writes() -> None:
    conn = read_only(BUNDLED)
    try:
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] > 0
        assert conn.execute("PRAGMA query_only").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("CREATE TABLE x (y)")
    finally:
        conn.close()
