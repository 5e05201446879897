"""Dates of the invented records: ordinal days around 1935 written as ISO text or prose.

Generated dates are ordinal days (``date.toordinal``); a few thousand distinct days occur at
any archive size, so their text forms are cached.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from db import vocab

#: 1 January 1935, the year of the case, as an ordinal day.
DAY0 = date(1935, 1, 1).toordinal()


@lru_cache(maxsize=65536)
def iso(day: int, precision: str = "day") -> str:
    """``1935-03-12``, ``1935-03`` or ``1935`` for an ordinal day at ``precision``."""
    text = date.fromordinal(day).isoformat()
    return text if precision == "day" else text[:7] if precision == "month" else text[:4]


@lru_cache(maxsize=65536)
def day_text(day: int) -> str:
    """``12 March 1935`` for an ordinal day."""
    return vocab.format_date(iso(day), "day")


@lru_cache(maxsize=4096)
def year_of(day: int) -> int:
    """The calendar year of an ordinal day."""
    return date.fromordinal(day).year


def years_ru(n: int) -> str:
    """Dative ``годам``/``году`` after a number: 1 году, 2 годам, 5 годам."""
    return "году" if n % 10 == 1 and n % 100 != 11 else "годам"
