"""The bundled archive is exactly what the build makes of resources/data."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from db import build
from db.build import side as side_build
from db.errors import BuildError
from db.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.conftest import BUNDLED


def test_rebuild_is_byte_identical_to_bundled_archive(tmp_path: Path) -> None:
    out = build.build(out=tmp_path / "rebuilt.sqlite")
    assert out.read_bytes() == BUNDLED.read_bytes(), (
        "resources/kremlin-affair.sqlite is stale: run `make archive` and commit it"
    )


def test_two_builds_are_identical(tmp_path: Path) -> None:
    a = build.build(out=tmp_path / "a.sqlite").read_bytes()
    b = build.build(out=tmp_path / "b.sqlite").read_bytes()
    assert a == b


def test_build_leaves_no_work_files(tmp_path: Path) -> None:
    build.build(out=tmp_path / "x.sqlite")
    assert [p.name for p in tmp_path.iterdir()] == ["x.sqlite"]


def test_a_failing_side_process_fails_the_build(tmp_path: Path) -> None:
    job = side_build.SideJob(tmp_path / "missing.sqlite", tmp_path / "side.sqlite", True)
    with pytest.raises(RuntimeError, match="side build failed"):
        job.wait()


def test_header_marks_rollback_journal_app_id_and_version() -> None:
    header = BUNDLED.read_bytes()[:100]
    assert header[18] == 1 and header[19] == 1  # rollback journal, not WAL
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION


def test_bundled_archive_passes_integrity_checks(tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(BUNDLED.read_bytes())
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    for fts in ("person_fts", "text_fts"):
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    conn.close()


def test_bad_reference_in_source_data_fails_the_build(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for f in build.DEFAULT_DATA.iterdir():
        (data / f.name).write_bytes(f.read_bytes())
    people = (data / "people.csv").read_text(encoding="utf-8")
    (data / "people.csv").write_text(
        people.replace("koshel-kniga87", "no-such-source", 1), encoding="utf-8"
    )
    problem = "people.csv:2: column 'source_ids': unknown id 'no-such-source'"
    with pytest.raises(BuildError, match=re.escape(problem)):
        build.build(data, tmp_path / "out.sqlite")
    assert not (tmp_path / "out.sqlite").exists()


def test_the_sort_name_puts_the_latin_surname_first() -> None:
    assert build.writer.sort_name("Mikhail Cherniavsky") == "Cherniavsky, Mikhail"
    assert build.writer.sort_name("M. S. Zhalybina-Bykova") == "Zhalybina-Bykova, M. S."
    assert build.writer.sort_name("Ryaskin") == "Ryaskin"
    assert build.writer.sort_name("Lajos O'Madyar") == "OMadyar, Lajos"  # no apostrophes
