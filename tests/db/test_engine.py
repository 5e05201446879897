"""open_archive: read-only, and every kind of wrong file gets its own clear error."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from db import errors, open_archive
from tests.conftest import BUNDLED


def _listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _foreign_sqlite(path: Path, app_id: int = 0, version: int = 0) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


def test_bundled_archive_opens_with_metadata(archive: object) -> None:
    info = open_archive(BUNDLED).info
    assert info.title == "The Kremlin Affair, 1935"
    assert info.counts["person"] == 99
    assert info.integrity_checked


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda d: d / "missing.sqlite", errors.ArchiveNotFound, "no such file"),
        (lambda d: d, errors.ArchiveNotAFile, "folder"),
        (
            lambda d: (d / "empty.sqlite", (d / "empty.sqlite").write_bytes(b""))[0],
            errors.ArchiveEmpty,
            "empty",
        ),
        (
            lambda d: (d / "notes.txt", (d / "notes.txt").write_text("hello\n"))[0],
            errors.ArchiveNotSQLite,
            "text file",
        ),
        (
            lambda d: _foreign_sqlite(d / "other.sqlite"),
            errors.ArchiveForeign,
            "not a Kremlin Affair archive",
        ),
    ],
    ids=["missing", "directory", "zero-bytes", "text-file", "foreign-sqlite"],
)
def test_wrong_paths_are_rejected_with_their_own_message(
    tmp_path: Path, make: object, error: type[errors.ArchiveError], words: str
) -> None:
    target = make(tmp_path)  # type: ignore[operator]
    before = _listing(tmp_path)
    with pytest.raises(error) as info:
        open_archive(target)
    assert words in info.value.message
    assert str(target) in info.value.message
    assert _listing(tmp_path) == before  # nothing created next to the input


def test_wrong_schema_version_is_rejected(tmp_path: Path) -> None:
    from db.schema import APPLICATION_ID

    path = _foreign_sqlite(tmp_path / "old.sqlite", APPLICATION_ID, 99)
    with pytest.raises(errors.ArchiveVersionMismatch, match="version 99"):
        open_archive(path)


def test_wal_mode_archive_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "wal.sqlite"
    path.write_bytes(BUNDLED.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    with pytest.raises(errors.ArchiveUnsupported, match="WAL"):
        open_archive(path)


def test_our_header_with_missing_table_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(BUNDLED.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE tally")
    conn.commit()
    conn.close()
    with pytest.raises(errors.ArchiveCorrupt, match="'tally' is missing"):
        open_archive(path)


def test_truncated_archive_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "cut.sqlite"
    path.write_bytes(BUNDLED.read_bytes()[: 64 * 1024])
    with pytest.raises(errors.ArchiveError):
        open_archive(path)


def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    with pytest.raises(errors.ArchiveNotAFile, match="pipe"):
        open_archive(fifo)


@pytest.mark.parametrize(
    "name", ["a#b.sqlite", "what?.sqlite", "100%.sqlite", "with space.sqlite", "Кремль.sqlite"]
)
def test_odd_file_names_open_exactly_that_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BUNDLED.read_bytes())
    a = open_archive(path)
    with a.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == 99
    a.close()
    assert _listing(tmp_path) == {name}


def test_connections_are_read_only(archive: object) -> None:
    from sqlalchemy.exc import OperationalError

    a = open_archive(BUNDLED)
    with a.connect() as conn, pytest.raises(OperationalError):
        conn.exec_driver_sql("DELETE FROM person")
    a.close()
