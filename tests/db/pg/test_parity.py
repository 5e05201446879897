"""Same answers on both engines: the bundled archive and a generated one, file vs server.

The battery (:mod:`tests.db.pg.parity`) asks what the app asks — list pages in every sort
and direction, every filter, detail pages, the chart, the timeline, graphs, citations and
searches in every spelling — of the SQLite file and of its copy on a real PostgreSQL server,
read by a role that can write nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db import open_archive
from db.engine import Archive
from db.search import find
from tests.conftest import BUNDLED
from tests.conftest_pg import load_archive
from tests.db.pg.parity import QUERIES, answers, differences
from tests.pgserver import Server

#: Generated archives (people, every n-th record asked about): the default suite's is big
#: enough that one- and two-letter name ranges pass the search's 4,000-row cut; 100k people
#: (half a minute to build and load) run with ``-m slow``.
SYNTH_SIZES = [
    pytest.param((15_000, 501), id="15k"),
    pytest.param((100_000, 3001), id="100k", marks=pytest.mark.slow),
]


@pytest.fixture(autouse=True)
def exact_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Search counts are exact up to the cap (no time budget): the answers, not the machine's
    speed, are compared."""
    monkeypatch.setattr(find, "COUNT_BUDGET_S", 3600.0)


@pytest.fixture(scope="module", params=SYNTH_SIZES)
def pg_synth(
    request: pytest.FixtureRequest, pg_cluster: Server, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, str, int]]:
    """A generated archive as a file and on the server, and how sparsely to sample it."""
    from db.synth.archive import build_synthetic

    people, sample = request.param
    path, url, _admin = load_archive(
        pg_cluster,
        f"synth{people}",
        lambda out: build_synthetic(people, out, 1, keep_search_text=True),
        tmp_path_factory.mktemp("pg-synth"),
    )
    yield path, url, sample


@pytest.fixture(scope="module")
def file_answers(archive: Archive) -> list[tuple[str, object]]:
    """The bundled file's answers to the battery, asked once for the tests that compare them."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(find, "COUNT_BUDGET_S", 3600.0)
        return list(answers(archive))


def _pair(file: Path | str, url: str) -> tuple[Archive, Archive]:
    return open_archive(file), open_archive(url)


def test_the_bundled_archive_answers_the_same_on_both_engines(
    file_answers: list[tuple[str, object]], pg_bundled: str
) -> None:
    server = open_archive(pg_bundled)
    try:
        asked, differ = differences(file_answers, server)
    finally:
        server.close()
    assert asked > 800
    assert differ == []


def test_the_battery_is_not_empty_and_tells_archives_apart(
    archive: Archive, file_answers: list[tuple[str, object]]
) -> None:
    given = dict(file_answers)
    found = [q for q in QUERIES if given[f"search {q!r}"].groups]  # type: ignore[attr-defined]
    assert len(found) > len(QUERIES) // 2
    assert given["person count"] == archive.info.counts["person"]


def test_a_generated_archive_answers_the_same(pg_synth: tuple[Path, str, int]) -> None:
    path, url, sample = pg_synth
    file, server = _pair(path, url)
    try:
        assert server.info.counts == file.info.counts
        assert server.info.meta["archive_id"] == file.info.meta["archive_id"]
        asked, differ = differences(file, server, sample)
    finally:
        file.close()
        server.close()
    assert asked > 250
    assert differ == []


def test_the_benchmark_dossier_floor_runs_on_both_engines(
    archive: Archive, pg_bundled: str, tmp_path: Path, qapp: object
) -> None:
    """``make bench --server`` measures the dossier floor on PostgreSQL too: its SQL must run
    there (a DISTINCT ordered by a column it did not select stopped the whole run)."""
    from db import listing
    from tests import bench_dossier
    from tests.benchmark import raw_connection

    with archive.connect() as conn:
        total = listing.count(conn, listing.PEOPLE, listing.ListQuery())
        people = [
            r.id for r in listing.page(conn, listing.PEOPLE, listing.ListQuery(), 0, 8, total)
        ]
    for target in (BUNDLED, pg_bundled):
        raw = raw_connection(target)
        try:
            for pid in people:
                out = tmp_path / f"{'pg' if target == pg_bundled else 'file'}-{pid}.pdf"
                bench_dossier.floor_person_pdf(raw, pid, out)
                assert out.stat().st_size > 1000
        finally:
            raw.close()
    for pid in people:
        file_pages = bench_dossier.pdf_page_count(tmp_path / f"file-{pid}.pdf")
        assert bench_dossier.pdf_page_count(tmp_path / f"pg-{pid}.pdf") == file_pages, pid
