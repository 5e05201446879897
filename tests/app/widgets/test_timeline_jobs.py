"""The timeline view's loads (app.widgets.timeline_jobs), run directly on the bundled archive:
a fitted load shows the whole extent, a range load covers a span more on each side at the
bucket size its width suits, and a person load has their lane."""

from __future__ import annotations

from datetime import date

from app.widgets import timeline_jobs
from db import Archive


def _day(text: str) -> float:
    return float(date.fromisoformat(text).toordinal())


def test_a_fitted_load_shows_the_archives_whole_extent(archive: Archive) -> None:
    r = timeline_jobs.load_range(archive, 0, 0, 800, fit=True, budget=2000)
    assert r.extent == (_day("1933-06-04"), _day("1989-01-01"))
    assert r.lo < _day("1933-06-04") and r.hi > _day("1989-01-01")
    assert r.level == "year"
    assert {m.subject for m in r.slice.marks} >= {"ev-1934-kirov", "ev-1988-publication"}


def test_a_range_load_covers_one_span_more_on_each_side(archive: Archive) -> None:
    lo, hi = _day("1935-03-01"), _day("1935-04-01")
    r = timeline_jobs.load_range(archive, lo, hi, 900, fit=False, budget=2000)
    assert (r.lo, r.hi) == (lo, hi) and r.level == "day"
    assert r.loaded == (lo - 31, hi + 32)  # to the end of its last day
    assert r.slice.lo == "1935-01-29" and r.slice.hi == "1935-05-02"


def test_a_person_load_has_their_lane(archive: Archive) -> None:
    s = timeline_jobs.load_people(archive, ["kamenev-lev"])
    assert [lane.key for lane in s.lanes] == ["person:kamenev-lev"] and s.marks
