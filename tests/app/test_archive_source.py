"""ArchiveHolder: one reference the GUI swaps; every next ``connect()`` reads the new archive.

The oracle for "which archive does this connection read" is SQLite itself: ``PRAGMA
database_list`` names the file a connection has open, and a person renamed in an archive
built by ``db.build`` tells the two contents apart.  Both a plain :class:`db.Archive` and a
holder of one satisfy :class:`ArchiveSource`: a consumer written against the protocol (a list
model) reads the same rows from either.  A file replaced on disk under the holder is opened
again through the gate (or, when it no longer passes, the bundled archive takes its place),
and the owner is told once.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import Connection

from app.archive_source import ArchiveHolder
from app.models.columns import PEOPLE_COLUMNS
from app.models.paged_table import PagedTableModel
from db import Archive, build, listing, open_archive
from db.build import source_data
from tests.conftest import BUNDLED

RENAMED = "Lev Quuxberg"


def file_of(conn: Connection) -> Path:
    """The database file a connection reads, as SQLite reports it."""
    rows = conn.exec_driver_sql("PRAGMA database_list").fetchall()
    return Path(next(row[2] for row in rows if row[1] == "main"))


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """A second valid archive: a byte copy of the bundled one under another name."""
    path = tmp_path_factory.mktemp("source") / "other.sqlite"
    shutil.copyfile(BUNDLED, path)
    archive = open_archive(path)
    yield archive
    archive.close()


def test_after_a_swap_the_next_connection_reads_the_new_archive(
    archive: Archive, other: Archive
) -> None:
    holder = ArchiveHolder(archive)
    with holder.connect() as conn:
        assert file_of(conn) == BUNDLED.resolve()
    holder.swap(other)
    with holder.connect() as conn:
        assert file_of(conn) == other.path.resolve()
    assert holder.archive is other and holder.info is other.info


def test_a_connection_opened_before_the_swap_keeps_reading_the_old_archive(
    archive: Archive, other: Archive
) -> None:
    holder = ArchiveHolder(archive)
    with holder.connect() as before:
        holder.swap(other)
        with holder.connect() as after:
            assert file_of(before) == BUNDLED.resolve()
            assert file_of(after) == other.path.resolve()


def test_swap_hands_back_the_old_archive_still_open_for_the_caller_to_close(
    archive: Archive, other: Archive
) -> None:
    holder = ArchiveHolder(other)
    with holder.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    pooled = other.engine.pool.checkedin()
    old = holder.swap(archive)
    assert old is other
    assert pooled >= 1 and other.engine.pool.checkedin() == pooled  # not disposed


def test_a_list_model_reads_the_same_rows_from_an_archive_and_from_its_holder(
    archive: Archive, qapp: QApplication
) -> None:
    direct = PagedTableModel(archive, listing.PEOPLE, PEOPLE_COLUMNS)
    held = PagedTableModel(ArchiveHolder(archive), listing.PEOPLE, PEOPLE_COLUMNS)
    for model in (direct, held):
        model.set_query(listing.ListQuery("birth_year", descending=True))
    ids = [direct.id_at(r) for r in range(direct.rowCount())]
    assert len(ids) == 99
    assert [held.id_at(r) for r in range(held.rowCount())] == ids


# -- a file replaced on disk -----------------------------------------------------------------


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid archive with other content: Kamenev renamed, built by the project's builder."""
    data = source_data.load(build.DEFAULT_DATA)
    next(p for p in data.tables["people"] if p["id"] == "kamenev-lev")["name_en"] = RENAMED
    source_data.validate(data)
    return build.write_source_data(data, tmp_path_factory.mktemp("renamed") / "renamed.sqlite")


def kamenev(conn: Connection) -> str:
    return str(conn.exec_driver_sql("SELECT name_en FROM person WHERE id = 'kamenev-lev'").scalar())


class Replacements:
    """The owner's ``on_replaced``: records (old, new, message)."""

    def __init__(self) -> None:
        self.calls: list[tuple[Archive, Archive, str]] = []

    def __call__(self, old: Archive, new: Archive, message: str) -> None:
        self.calls.append((old, new, message))


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[ArchiveHolder, Replacements, Path]]:
    """A holder of a private copy of the bundled archive, and what it tells its owner."""
    path = tmp_path / "mine.sqlite"
    shutil.copyfile(BUNDLED, path)
    told = Replacements()
    holder = ArchiveHolder(open_archive(path), told)
    yield holder, told, path
    for old, _new, _message in told.calls:
        old.close()
    holder.archive.close()


def test_an_unchanged_file_is_never_opened_again(
    held: tuple[ArchiveHolder, Replacements, Path],
) -> None:
    holder, told, _path = held
    first = holder.archive
    for _ in range(3):
        with holder.connect() as conn:
            assert kamenev(conn) == "Lev Kamenev"
    assert holder.archive is first and told.calls == []


def test_a_file_replaced_on_disk_is_opened_again_and_the_owner_told_once(
    held: tuple[ArchiveHolder, Replacements, Path], renamed: Path, tmp_path: Path
) -> None:
    holder, told, path = held
    before = holder.archive
    shutil.copyfile(renamed, tmp_path / "incoming.sqlite")
    os.replace(tmp_path / "incoming.sqlite", path)
    with holder.connect() as conn:
        assert kamenev(conn) == RENAMED
    with holder.connect() as conn:
        assert kamenev(conn) == RENAMED
    ((old, new, message),) = told.calls
    assert old is before and new is holder.archive and new.path == path
    assert str(path) in message and "opened again" in message


def test_a_replaced_file_that_fails_the_gate_gives_way_to_the_bundled_archive(
    held: tuple[ArchiveHolder, Replacements, Path], tmp_path: Path
) -> None:
    holder, told, path = held
    (tmp_path / "junk").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    os.replace(tmp_path / "junk", path)
    with holder.connect() as conn:
        assert file_of(conn) == BUNDLED.resolve()
    ((_old, new, message),) = told.calls
    assert new.path.resolve() == BUNDLED.resolve()
    assert str(path) in message and "bundled archive is open instead" in message


def test_without_an_owner_the_holder_closes_the_archive_it_replaced(
    renamed: Path, tmp_path: Path
) -> None:
    path = tmp_path / "mine.sqlite"
    shutil.copyfile(BUNDLED, path)
    holder = ArchiveHolder(open_archive(path))
    old = holder.archive
    with old.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    assert old.engine.pool.checkedin() == 1
    shutil.copyfile(renamed, tmp_path / "incoming.sqlite")
    os.replace(tmp_path / "incoming.sqlite", path)
    try:
        with holder.connect() as conn:
            assert kamenev(conn) == RENAMED
        assert old.engine.pool.checkedin() == 0
    finally:
        holder.archive.close()
