"""The timeline summary (db.build.density) written by the builder for every archive — the
bundled one and a synthetic one built by the same writer — and schema version 2: its sums per
lane are the lanes' dated records, an archive of schema version 1 is refused, and a cached
synthetic archive built by the code before it is rebuilt, not reused."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import errors, open_archive, synth, timeline
from db.build import density
from db.schema import SCHEMA_VERSION
from db.synth import codehash
from tests.conftest import BUNDLED

LANE_SQL = {
    "event": "SELECT count(*) FROM event",
    "document": "SELECT count(*) FROM document",
    "sentence": "SELECT count(*) FROM sentence WHERE date IS NOT NULL",
    "death": "SELECT count(*) FROM person WHERE death_year IS NOT NULL "
    "OR id IN (SELECT subject_id FROM claim WHERE field = 'death_date')",
    "arrest": "SELECT count(DISTINCT subject_id) FROM claim WHERE field = 'arrest_date'",
}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 400-person synthetic archive built by the writer the bundled archive uses."""
    out = tmp_path_factory.mktemp("synth") / "synth-400.sqlite"
    return synth.build_synthetic(400, out, seed=4).path


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


@pytest.fixture(params=["bundled", "synthetic"])
def built(request: pytest.FixtureRequest, synthetic: Path) -> Iterator[sqlite3.Connection]:
    conn = _ro(BUNDLED if request.param == "bundled" else synthetic)
    yield conn
    conn.close()


def test_each_lanes_counts_add_up_to_its_dated_records(built: sqlite3.Connection) -> None:
    sums = dict(built.execute("SELECT lane, sum(n) FROM timeline_density GROUP BY lane"))
    for lane, sql in LANE_SQL.items():
        assert sums.get(lane, 0) == built.execute(sql).fetchone()[0], lane


def test_each_row_is_a_date_at_its_precision_with_a_positive_count(
    built: sqlite3.Connection,
) -> None:
    rows = built.execute("SELECT lane, bucket, precision, n FROM timeline_density").fetchall()
    assert rows
    for lane, bucket, precision, n in rows:
        assert lane in timeline.KINDS
        assert timeline.dates.precision_of(bucket) == precision
        assert n > 0


def test_the_counts_are_those_the_builder_computes_again(built: sqlite3.Connection) -> None:
    stored = {
        (lane, b): n for lane, b, n in built.execute("SELECT lane, bucket, n FROM timeline_density")
    }
    assert stored == dict(density.counts(built))


def test_events_are_counted_by_date_and_precision(built: sqlite3.Connection) -> None:
    per_date = dict(built.execute("SELECT date, count(*) FROM event GROUP BY date"))
    stored = dict(built.execute("SELECT bucket, n FROM timeline_density WHERE lane = 'event'"))
    assert stored == per_date


def test_a_disputed_arrest_counts_once_at_the_date_most_sources_give() -> None:
    conn = _ro(BUNDLED)
    try:
        rows = conn.execute(
            "SELECT bucket, n FROM timeline_density WHERE lane = 'arrest'"
        ).fetchall()
    finally:
        conn.close()
    assert rows == [("1935-01-27", 1)]


def test_the_synthetic_archive_reads_back_through_the_timeline(synthetic: Path) -> None:
    archive = open_archive(synthetic)
    try:
        with archive.connect() as conn:
            first, last = timeline.extent(conn) or ("", "")
            s = timeline.kind_slice(conn, first, last, "month", budget=50)
            for lane in s.dense:
                assert sum(b.n for b in s.buckets if b.lane == lane) == s.total(lane)
            sparse = [k for k in s.totals if k[0] not in s.dense and k[1]]
            for lane, n in sparse:
                subjects = {m.subject for m in s.marks if m.lane == lane}
                assert len(subjects) == n
    finally:
        archive.close()


# -- schema version 2 ---------------------------------------------------------------------


def test_the_schema_version_is_2_and_the_bundled_archive_has_it() -> None:
    assert SCHEMA_VERSION == 2
    assert int.from_bytes(BUNDLED.read_bytes()[60:64], "big") == 2


def test_an_archive_of_schema_version_1_is_refused_with_both_versions(tmp_path: Path) -> None:
    old = tmp_path / "v1.sqlite"
    shutil.copyfile(BUNDLED, old)
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with pytest.raises(errors.ArchiveVersionMismatch) as info:
        open_archive(old)
    assert "archive schema version 1; this program reads version 2" in info.value.message


def test_the_synthetic_cache_fingerprint_covers_the_summary_and_the_schema() -> None:
    modules = {
        p.relative_to(Path(codehash.__file__).parents[1]).as_posix()
        for p in codehash.build_modules()
    }
    assert {"build/density.py", "timeline/dates.py", "schema.py", "build/writer.py"} <= modules


def test_a_cached_archive_without_the_summary_is_rebuilt(tmp_path: Path) -> None:
    path = synth.cached_archive(120, seed=9, cache_dir=tmp_path)
    conn = sqlite3.connect(path)  # make it look like one built by the code before version 2
    conn.execute("DROP TABLE timeline_density")
    conn.execute("UPDATE meta SET value = 'built-before-v2' WHERE key = 'synth_fingerprint'")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    assert synth.cached_archive(120, seed=9, cache_dir=tmp_path) == path
    conn = _ro(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM timeline_density").fetchone()[0] > 0
    finally:
        conn.close()
