"""Dates of the invented records: ordinal days written as ISO text at a precision, or as prose,
and the dative of "year" after a number."""

from __future__ import annotations

from datetime import date

import pytest

from db.synth.dates import DAY0, day_text, iso, year_of, years_ru


def day(y: int, m: int, d: int) -> int:
    return date(y, m, d).toordinal()


def test_day_zero_is_the_first_of_january_1935() -> None:
    assert date.fromordinal(DAY0) == date(1935, 1, 1)


@pytest.mark.parametrize(
    ("ordinal", "precision", "text"),
    [
        (day(1935, 3, 12), "day", "1935-03-12"),
        (day(1935, 3, 12), "month", "1935-03"),
        (day(1935, 3, 12), "year", "1935"),
        (day(1936, 1, 1), "day", "1936-01-01"),
        (day(1937, 8, 5), "month", "1937-08"),
        (day(1934, 12, 31), "year", "1934"),
    ],
)
def test_iso_text_is_cut_to_the_precision(ordinal: int, precision: str, text: str) -> None:
    assert iso(ordinal, precision) == text


def test_iso_defaults_to_day_precision() -> None:
    assert iso(DAY0 + 70) == "1935-03-12"


@pytest.mark.parametrize(
    ("ordinal", "text"),
    [
        (day(1935, 3, 12), "12 March 1935"),
        (day(1935, 1, 1), "1 January 1935"),
        (day(1938, 11, 18), "18 November 1938"),
    ],
)
def test_day_text_is_english_prose(ordinal: int, text: str) -> None:
    assert day_text(ordinal) == text


@pytest.mark.parametrize(
    ("ordinal", "year"),
    [(DAY0, 1935), (DAY0 - 1, 1934), (DAY0 + 364, 1935), (DAY0 + 365, 1936)],
)
def test_year_of_gives_the_calendar_year(ordinal: int, year: int) -> None:
    assert year_of(ordinal) == year


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (1, "году"),
        (21, "году"),
        (101, "году"),
        (11, "годам"),
        (111, "годам"),
        (2, "годам"),
        (5, "годам"),
        (10, "годам"),
        (25, "годам"),
    ],
)
def test_years_take_the_dative_singular_only_after_a_final_one(n: int, word: str) -> None:
    assert years_ru(n) == word
