"""The builder's side job (db.build.side): from the staged records of the real build it writes the
claims and search keys the archive then holds, the same whether it runs in-process or in a
second process, without touching the staging file; its tables are defined exactly as the
archive's; and a cancelled job leaves no process behind."""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from db import gate
from db.build import DEFAULT_DATA, build
from db.build import side as side_build
from db.schema import Base
from tests.conftest import BUNDLED


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").replace('"', "").split())


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = _ro(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def stage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the staging file of a real build of resources/data (caught as the side job
    is handed it; the build itself then runs on unchanged)."""
    folder = tmp_path_factory.mktemp("side")
    copy = folder / "stage.sqlite"
    real = side_build.SideJob

    def catching(stage: Path, out: Path, parallel: bool) -> side_build.SideJob:
        shutil.copyfile(stage, copy)
        return real(stage, out, parallel)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(side_build, "SideJob", catching)
        build(DEFAULT_DATA, folder / "built.sqlite")
    assert copy.stat().st_size > 0
    return copy


@pytest.fixture(scope="module")
def in_process(stage: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("side-in") / "side.sqlite"
    side_build.SideJob(stage, out, parallel=False).wait()
    return out


def test_the_side_claims_are_the_archives_claims(in_process: Path) -> None:
    query = "SELECT * FROM claim ORDER BY pk"
    claims = _rows(in_process, query)
    assert len(claims) == 1082
    assert claims == _rows(BUNDLED, query)


def test_the_side_search_keys_are_the_archives_vocabulary_and_words(in_process: Path) -> None:
    assert _rows(in_process, "SELECT * FROM vocab ORDER BY rowid") == _rows(
        BUNDLED, "SELECT * FROM search_vocab"
    )
    assert _rows(in_process, "SELECT key FROM words ORDER BY rowid") == _rows(
        BUNDLED, "SELECT key FROM search_words"
    )


def test_every_staged_person_gets_search_keys(in_process: Path, stage: Path) -> None:
    snos = [r[0] for r in _rows(in_process, "SELECT sno FROM person_keys ORDER BY sno")]
    assert snos == [r[0] for r in _rows(stage, "SELECT rowid FROM stg_person ORDER BY rowid")]


def test_a_second_process_writes_the_same_side_database(
    in_process: Path, stage: Path, tmp_path: Path
) -> None:
    out = tmp_path / "side.sqlite"
    side_build.SideJob(stage, out, parallel=True).wait()
    assert out.read_bytes() == in_process.read_bytes()


def test_the_side_job_reads_the_staging_file_without_changing_it(
    stage: Path, tmp_path: Path
) -> None:
    before = stage.read_bytes()
    side_build.run(stage, tmp_path / "side.sqlite")
    assert stage.read_bytes() == before
    assert {p.name for p in tmp_path.iterdir()} == {"side.sqlite"}


def test_table_ddl_is_what_the_archive_holds_for_every_table() -> None:
    expected = gate.expected_schema()
    for (kind, name), sql in expected.items():
        if kind != "table" or name not in Base.metadata.tables:
            continue
        create, indexes = side_build.table_ddl(name)
        assert _normal(create) == sql
        index_sql = {_normal(s) for s in indexes}
        named = {
            s
            for (k, _), s in expected.items()
            if k == "index" and s.startswith("CREATE") and f" ON {name} (" in s
        }
        assert index_sql == named, name


def test_the_side_claim_table_is_defined_like_the_archives(in_process: Path) -> None:
    side = {
        (t, n): _normal(s)
        for t, n, s in _rows(in_process, "SELECT type, name, sql FROM sqlite_schema")
        if n == "claim" or n.startswith("ix_claim")
    }
    expected = {k: v for k, v in gate.expected_schema().items() if k in side}
    assert side == expected
    # the table and its indexes: by source, by subject, the dated claims (the timeline's)
    assert ("table", "claim") in side and len(side) == 4


def test_a_side_job_on_a_missing_staging_file_fails_in_process(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        side_build.SideJob(tmp_path / "missing.sqlite", tmp_path / "side.sqlite", False)


def test_a_cancelled_side_job_leaves_no_process_behind(stage: Path, tmp_path: Path) -> None:
    job = side_build.SideJob(stage, tmp_path / "side.sqlite", parallel=True)
    job.cancel()
    assert [p for p in multiprocessing.active_children() if p.name == "side-build"] == []
    job.wait()  # nothing left to wait for: returns at once, without an error
