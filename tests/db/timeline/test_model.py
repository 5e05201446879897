"""The timeline's DTOs (db.timeline.model): a mark's days, key and sources; a slice's totals."""

from __future__ import annotations

from datetime import date

from db.dto import ClaimDTO, Labelled, Ref
from db.timeline import Bucket, Lane, Mark, TimelineSlice


def _claim(source: str) -> ClaimDTO:
    return ClaimDTO(
        "date", "1935-07-27", Labelled(Ref("source", source), source.upper()), None, None, None
    )


def test_a_marks_days_follow_its_precision() -> None:
    day = Mark("event", "event", Ref("event", "e"), "e", "1935-07-27", "day", "x")
    month = Mark("event", "event", Ref("event", "e"), "e", "1935-02", "month", "x")
    assert day.first == day.last == date(1935, 7, 27).toordinal()
    assert (month.first, month.last) == (
        date(1935, 2, 1).toordinal(),
        date(1935, 2, 28).toordinal(),
    )


def test_keys_tell_lanes_records_and_disputed_dates_apart() -> None:
    a = Mark("event", "event", Ref("event", "e"), "e", "1935-07-27", "day", "x")
    b = Mark("person:p", "event", Ref("event", "e"), "e", "1935-07-27", "day", "x")
    c = Mark("event", "event", Ref("event", "e"), "e", "1935-07-25", "day", "x", dispute="g")
    d = Mark("event", "event", Ref("event", "e"), "e", "1935-07-27", "day", "x", dispute="g")
    assert len({a.key, b.key, c.key, d.key}) == 4


def test_source_labels_are_each_source_once_in_claim_order() -> None:
    m = Mark(
        "event",
        "event",
        Ref("event", "e"),
        "e",
        "1935-07-27",
        "day",
        "x",
        (_claim("b"), _claim("a"), _claim("b")),
    )
    assert m.source_labels == ("B", "A")


def test_a_slice_totals_per_lane_and_buckets_cover_their_period() -> None:
    s = TimelineSlice((Lane("event", "Events"),), (), totals=(("event", 3),))
    assert (s.total("event"), s.total("death")) == (3, 0)
    b = Bucket("event", "1936", "year", 4)
    assert b.last - b.first + 1 == 366
