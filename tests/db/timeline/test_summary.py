"""The density summary read back (db.timeline.summary) on the bundled archive: totals per lane
equal the lanes' dated records, coarser levels add up, the extent, and damaged rows skipped."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, text

from db import open_archive, timeline
from tests.conftest import BUNDLED
from tests.db.timeline.conftest import EVERYTHING


def _scalar(conn: Connection, sql: str) -> int:
    return int(conn.execute(text(sql)).scalar_one())


# -- density ------------------------------------------------------------------------------------


def test_density_totals_equal_the_lanes_dated_records(conn: Connection) -> None:
    sums = dict(conn.execute(text("SELECT lane, sum(n) FROM timeline_density GROUP BY lane")).all())
    assert sums == {
        "event": _scalar(conn, "SELECT count(*) FROM event"),
        "document": _scalar(conn, "SELECT count(*) FROM document"),
        "sentence": _scalar(conn, "SELECT count(date) FROM sentence"),
        "arrest": 1,
        "death": 9,
    }


def test_density_at_a_coarser_level_adds_up_and_keeps_coarser_dates_as_spans(
    conn: Connection,
) -> None:
    days = timeline.density(conn, *EVERYTHING, "day")
    months = timeline.density(conn, *EVERYTHING, "month")
    years = timeline.density(conn, *EVERYTHING, "year")
    for level in (days, months, years):
        assert sum(b.n for b in level) == sum(
            n for _lane, n in timeline.totals(conn, *EVERYTHING).items()
        )
    assert {b.precision for b in years} == {"year"}
    assert {b.precision for b in months} == {"month", "year"}  # 1988: a year stays a year
    assert [b for b in months if b.precision == "year"] == [
        b for b in days if b.precision == "year"
    ]


def test_the_extent_runs_from_the_first_to_the_last_day_covered(conn: Connection) -> None:
    assert timeline.extent(conn) == ("1933-06-04", "1988-12-31")
    assert timeline.extent(conn, ["arrest"]) == ("1935-01-27", "1935-01-27")


def test_a_damaged_summary_row_is_skipped_not_drawn(tmp_path: Path) -> None:
    copy = tmp_path / "a.sqlite"
    shutil.copyfile(BUNDLED, copy)
    db = sqlite3.connect(copy)
    db.execute("INSERT INTO timeline_density VALUES ('event', '1935-02-30', 'day', 5)")
    db.execute("INSERT INTO timeline_density VALUES ('event', '1935-03-03', 'month', 5)")
    db.execute("INSERT INTO timeline_density VALUES ('event', '1935-03-04', 'day', -5)")
    db.commit()
    db.close()
    damaged = open_archive(copy)
    try:
        with damaged.connect() as c:
            assert timeline.totals(c, *EVERYTHING)["event"] == 47
    finally:
        damaged.close()
