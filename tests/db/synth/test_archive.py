"""``build_synthetic``: a reproducible file, the same in parallel, readable by the data layer.

Also :func:`meta_for` (the file says it is invented data and which code built it) and what a
failed build leaves behind (nothing).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import listing, open_archive, queries, synth
from db.synth.archive import meta_for
from db.synth.progress import BuildReport
from tests.db.synth.conftest import BUILT_PEOPLE


def test_same_seed_and_size_give_a_byte_identical_file(built: Path, tmp_path: Path) -> None:
    again = synth.build_synthetic(BUILT_PEOPLE, tmp_path / "again.sqlite", seed=1).path
    assert again.read_bytes() == built.read_bytes()


def test_a_parallel_build_writes_the_same_file(built: Path, tmp_path: Path) -> None:
    again = synth.build_synthetic(BUILT_PEOPLE, tmp_path / "p.sqlite", seed=1, parallel=True)
    assert again.path.read_bytes() == built.read_bytes()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> BuildReport:
    """A 300-person build with the default settings (seed 2)."""
    return synth.build_synthetic(300, tmp_path_factory.mktemp("small") / "s.sqlite", seed=2)


def test_a_small_build_runs_in_this_process_only(small: BuildReport) -> None:
    assert small.child_rss_mib is None


def test_the_report_counts_the_rows_and_bytes_of_the_file_it_wrote(small: BuildReport) -> None:
    assert small.size == small.path.stat().st_size
    conn = sqlite3.connect(small.path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        for table in ("person", "event", "document", "tally", "sentence", "relation"):
            count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert small.rows[table] == count, table
    finally:
        conn.close()
    assert small.rows["person"] == 300


def test_the_file_stores_the_metadata_of_a_synthetic_build(sql: sqlite3.Connection) -> None:
    stored = dict(sql.execute("SELECT key, value FROM meta").fetchall())
    expected = meta_for(BUILT_PEOPLE, 1)
    assert {k: stored[k] for k in expected} == expected
    assert stored["synthetic"] == "1" and stored["synth_fingerprint"] == synth.fingerprint()


@pytest.mark.parametrize(
    ("people", "seed", "title", "title_ru", "version"),
    [
        (
            3_000_000,
            7,
            "Synthetic archive: 3,000,000 invented people (seed 7)",
            "Синтетический архив: 3 000 000 вымышленных лиц",
            "synth-3000000-seed7",
        ),
        (
            999,
            2,
            "Synthetic archive: 999 invented people (seed 2)",
            "Синтетический архив: 999 вымышленных лиц",
            "synth-999-seed2",
        ),
    ],
)
def test_metadata_names_the_size_and_seed(
    people: int, seed: int, title: str, title_ru: str, version: str
) -> None:
    meta = meta_for(people, seed)
    assert (meta["title"], meta["title_ru"], meta["data_version"]) == (title, title_ru, version)
    assert "invented" in meta["description"] and meta["synthetic"] == "1"


def test_a_failed_build_leaves_no_file_behind(tmp_path: Path) -> None:
    out = tmp_path / "never.sqlite"
    with pytest.raises(ValueError, match="at least one person"):
        synth.build_synthetic(0, out, seed=1)
    assert list(tmp_path.iterdir()) == []


def test_open_archive_accepts_it_and_the_queries_work(built: Path, sql: sqlite3.Connection) -> None:
    archive = open_archive(built)
    try:
        assert archive.info.counts["person"] == BUILT_PEOPLE
        disputed_person = sql.execute(
            "SELECT subject_id FROM claim WHERE subject_kind = 'person' "
            "AND field = 'birth_year' LIMIT 1"
        ).fetchone()[0]
        doc_id = sql.execute(
            "SELECT id FROM document WHERE doc_type = 'confrontation_protocol' LIMIT 1"
        ).fetchone()[0]
        event_id = sql.execute(
            "SELECT id FROM event WHERE title LIKE 'Military Collegium%' LIMIT 1"
        ).fetchone()[0]
        with archive.connect() as conn:
            spec, query = listing.PEOPLE, listing.ListQuery(sort="name_ru")
            assert listing.count(conn, spec, query) == BUILT_PEOPLE
            page = listing.page(conn, spec, query, 0, 50, BUILT_PEOPLE)
            assert len(page) == 50
            oso = query.with_filter("tribunal", "special-board-oso")
            pks = listing.snapshot(conn, spec, oso)
            assert 0 < len(pks) == listing.count(conn, spec, oso)
            assert len(listing.rows_by_pks(conn, spec, pks[:20])) == 20

            person = queries.person_detail(conn, disputed_person)
            assert person is not None and person.names
            birth = person.facts.field("birth_year")
            assert birth is not None and len(birth.values) == 2

            document = queries.document_detail(conn, doc_id)
            assert document is not None
            assert len([p for _, p in document.named if p is not None]) == 2

            event = queries.event_detail(conn, event_id)
            assert event is not None and event.participants

            source = queries.source_detail(conn, "tally-archive")
            assert source is not None and source.tallies
    finally:
        archive.close()
