"""Dates on the timeline (db.timeline.dates): periods of days, precision, and which claimed
dates disagree — the rules the builder's density summary and the read side share."""

from __future__ import annotations

from datetime import date

import pytest

from db.timeline import dates


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("1935-07-27", date(1935, 7, 27), date(1935, 7, 27), "day"),
        ("1935-02", date(1935, 2, 1), date(1935, 2, 28), "month"),
        ("1936-02", date(1936, 2, 1), date(1936, 2, 29), "month"),
        ("1988", date(1988, 1, 1), date(1988, 12, 31), "year"),
    ],
)
def test_a_date_is_the_period_of_days_its_precision_covers(
    text: str, first: date, last: date, precision: str
) -> None:
    assert dates.parse(text) == (first.toordinal(), last.toordinal(), precision)
    assert dates.precision_of(text) == precision


@pytest.mark.parametrize(
    "text",
    [None, "", "unknown", "1935-13", "1935-02-30", "35-07-27", "0999", "2101", "1935-7-1", "1935 "],
)
def test_what_is_not_a_calendar_date_in_range_is_no_period(text: str | None) -> None:
    assert dates.parse(text) is None


def test_the_covering_periods_of_a_day_are_its_year_and_month() -> None:
    assert dates.containing("1935-07-27") == ("1935", "1935-07")
    assert dates.truncate("1935-07-27", "month") == "1935-07"
    assert dates.iso_day(date(1935, 7, 27).toordinal()) == "1935-07-27"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["1935-07-27", "1935-07-25"], True),
        (["1935-01-27", "1935-01-27", "1935-01-31"], True),
        (["1937-10-30", "1937"], False),  # the year-only claim says less, not something else
        (["1937-10-10", "1940"], True),
        (["1935-03", "1935-03-26"], False),
        (["1935-07-27"], False),
        ([], False),
    ],
)
def test_claimed_dates_disagree_when_neither_contains_the_other(
    values: list[str], expected: bool
) -> None:
    assert dates.disputed(values) is expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["1935-01-27", "1935-01-27", "1935-01-27", "1935-01-31"], "1935-01-27"),
        (["1937-10-30", "1937"], "1937-10-30"),  # the year votes for the day it contains
        (["1935-07-25", "1935-07-27"], "1935-07-25"),  # a tie: the earlier
        (["1935-03", "1935-04-02"], "1935-04-02"),  # a tie: the finer
        (["1935-03 (apparently)", "1935-02"], "1935-02"),  # not a date: no vote
        (["soon"], None),
    ],
)
def test_the_primary_date_is_the_one_most_claims_give(
    values: list[str], expected: str | None
) -> None:
    assert dates.primary(values) == expected
