"""The timeline's time axis (app.charts.timeline_axis): years, months or days by zoom, month
names in the reader's language, and a bounded number of ticks whatever range is asked for."""

from __future__ import annotations

from datetime import date

import pytest

from app import language
from app.charts import timeline_axis
from tests.app.ui_texts import english

__all__ = ["english"]

TEXT = 110.0  # width of "September 1935" in a usual UI font


def _days(a: date, b: date) -> tuple[float, float]:
    return float(a.toordinal()), float(b.toordinal())


def test_decades_show_years_only(english: None) -> None:
    t = timeline_axis.ticks(*_days(date(1930, 1, 1), date(1990, 1, 1)), 900, TEXT)
    assert t.unit == "year"
    labels = [tick.label for tick in t.major]
    assert "1935" in labels and "1940" in labels and "1936" not in labels


def test_a_year_or_two_shows_years_and_month_ticks(english: None) -> None:
    t = timeline_axis.ticks(*_days(date(1935, 1, 1), date(1936, 12, 31)), 1600, TEXT)
    assert t.unit == "month"
    assert [tick.label for tick in t.major] == ["1935", "1936"]
    assert "Mar" in [tick.label for tick in t.minor]


def test_a_month_shows_the_month_by_name_and_numbered_days(english: None) -> None:
    t = timeline_axis.ticks(*_days(date(1935, 7, 1), date(1935, 8, 1)), 900, TEXT)
    assert t.unit == "day"
    assert "July 1935" in [tick.label for tick in t.major]
    days = [tick.label for tick in t.minor]
    assert all(d and d.isdigit() for d in days) and {"10", "20"} <= set(days)


def test_months_are_named_whenever_their_measured_short_names_fit(english: None) -> None:
    # A dossier's figure: eight months over 300 pixels, 37 a month.  "Sep" (about 22 pixels
    # and the gap between labels) fits; guessed from the long label's width alone, it did not.
    span = _days(date(1935, 1, 1), date(1935, 9, 1))
    guessed = timeline_axis.ticks(*span, 300, TEXT)
    assert guessed.unit == "month" and not any(t.label for t in guessed.minor)
    measured = timeline_axis.ticks(*span, 300, TEXT, short_width=lambda: 22)
    assert [t.label for t in measured.minor][:3] == ["Jan", "Feb", "Mar"]
    # Names that do not fit are still left out.
    assert not any(t.label for t in timeline_axis.ticks(*span, 300, TEXT, lambda: 40).minor)


def test_english_month_names_are_cldrs_without_loading_it(english: None) -> None:
    from babel.dates import get_month_names

    for short, width in ((False, "wide"), (True, "abbreviated")):
        cldr = get_month_names(width, "stand-alone", locale="en")
        assert [timeline_axis.month_name(m, short) for m in range(1, 13)] == [
            str(cldr[m]) for m in range(1, 13)
        ]


def test_russian_months_are_named_in_russian(english: None) -> None:
    language.apply("ru")
    month = timeline_axis.ticks(*_days(date(1935, 7, 1), date(1935, 8, 1)), 900, TEXT)
    assert "июль 1935 г." in [tick.label for tick in month.major]
    year = timeline_axis.ticks(*_days(date(1935, 1, 1), date(1936, 12, 31)), 1600, TEXT)
    assert "март" in [tick.label for tick in year.minor]
    assert timeline_axis.month_name(1, short=True) == "янв."


@pytest.mark.parametrize(
    ("t0", "t1", "width"),
    [
        (timeline_axis.MIN_DAY - 10**6, timeline_axis.MAX_DAY + 10**6, 900),
        (timeline_axis.MIN_DAY, timeline_axis.MAX_DAY, 50),
        (date(1935, 7, 1).toordinal(), date(1935, 7, 3).toordinal(), 5000),
        (float("-1e12"), float("1e12"), 1200),
        (date(1935, 7, 1).toordinal(), date(1935, 7, 1).toordinal(), 900),
    ],
)
def test_any_range_gives_a_bounded_axis(t0: float, t1: float, width: float) -> None:
    t = timeline_axis.ticks(t0, t1, width, TEXT)
    assert len(t.major) + len(t.minor) <= 2 * width
