"""The timeline's time axis: which dates get a tick and a label at a given zoom.

Zoomed out, the axis labels years (every 1, 2, 5, 10 … years, as many as fit); further in,
years with a tick per month and the month's short name where it fits («янв.», «февр.» in
Russian); further still, months by name and year («март 1935 г.») with days numbered.  Every
loop here is bounded by the pixels of the axis, whatever the range asked for.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from db import vocab
from db.i18n import language
from db.timeline.dates import FIRST_YEAR, LAST_YEAR

#: The days an axis may show (the years the archive contract allows).
MIN_DAY = date(FIRST_YEAR, 1, 1).toordinal()
MAX_DAY = date(LAST_YEAR, 12, 31).toordinal() + 1
#: Room a label needs beyond its text, in pixels.
LABEL_GAP = 14.0
_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
_DAY_STEPS = (1, 2, 5, 10, 15)


@dataclass(frozen=True, slots=True)
class Tick:
    """A position on the axis (an ordinal day, the start of a day) and its label, if any."""

    day: int
    label: str | None


@dataclass(frozen=True, slots=True)
class Ticks:
    """Major ticks (labelled on the axis's upper line, drawn as grid lines) and minor ones."""

    major: tuple[Tick, ...]
    minor: tuple[Tick, ...]
    unit: str  # year | month | day: the finest unit that has ticks


@cache
def _month_names(lang: str, short: bool) -> tuple[str, ...]:
    if lang == "en":
        # CLDR's own English names (a test compares them), without loading Babel's data for
        # them: ~4 MiB for 24 words, in every English session that shows or prints a timeline.
        return tuple(m[:3] for m in vocab.ENGLISH_MONTHS) if short else vocab.ENGLISH_MONTHS
    from babel.dates import get_month_names  # not at import: Babel's CLDR load is ~20 ms

    names = get_month_names("abbreviated" if short else "wide", "stand-alone", locale=lang)
    return tuple(str(names[i]) for i in range(1, 13))


def month_name(month: int, short: bool = False) -> str:
    """The month's name on its own in the reader's language: ``March``/«март», short
    ``Mar``/«март»."""
    return _month_names(language(), short)[month - 1]


def month_label(year: int, month: int) -> str:
    """``March 1935`` / «март 1935 г.»."""
    return vocab.format_date(f"{year:04d}-{month:02d}", "month")


def _years(t0: float, t1: float) -> range:
    first = max(FIRST_YEAR, date.fromordinal(int(max(t0, MIN_DAY))).year)
    last = min(LAST_YEAR, date.fromordinal(int(min(t1, MAX_DAY - 1))).year)
    return range(first, last + 1)


def _months(t0: float, t1: float) -> list[tuple[int, int]]:
    out = []
    for y in _years(t0, t1):
        out += [(y, m) for m in range(1, 13)]
    return out


def ticks(
    t0: float,
    t1: float,
    width: float,
    text_width: float,
    short_width: Callable[[], float] | None = None,
) -> Ticks:
    """Ticks for days ``t0``..``t1`` drawn over ``width`` pixels.

    ``text_width`` is the width of a typical long label (``"September 1935"``) in the axis
    font: labels are spaced so that none overlaps.  ``short_width`` measures the widest short
    month name (``Sep``) in that font (else it is guessed from ``text_width``): months are
    named whenever that fits.  It is asked only at a zoom that shows months, as the names
    come from CLDR (Babel's data, ~4 MiB once loaded).
    """
    t0, t1 = max(t0, MIN_DAY), min(t1, MAX_DAY)
    if t1 <= t0 or width <= 0:
        return Ticks((), (), "year")
    ppd = width / (t1 - t0)
    year_px = ppd * 365.25
    year_text = text_width * 0.35 + LABEL_GAP
    if year_px < max(year_text, text_width * 0.6):
        step = next((s for s in _YEAR_STEPS if s * year_px >= year_text), _YEAR_STEPS[-1])
        major, minor = [], []
        for y in _years(t0, t1):
            day = date(y, 1, 1).toordinal()
            if y % step == 0:
                major.append(Tick(day, str(y)))
            elif year_px >= 4:
                minor.append(Tick(day, None))
        return Ticks(tuple(major), tuple(minor), "year")
    month_px = ppd * 365.25 / 12
    if month_px < text_width + LABEL_GAP:
        short = month_px >= (text_width * 0.3 if short_width is None else short_width()) + LABEL_GAP
        major = [Tick(date(y, 1, 1).toordinal(), str(y)) for y in _years(t0, t1)]
        minor = [
            Tick(date(y, m, 1).toordinal(), month_name(m, True) if short else None)
            for y, m in _months(t0, t1)
            if m != 1 or short
        ]
        return Ticks(tuple(major), tuple(minor), "month")
    major = [Tick(date(y, m, 1).toordinal(), month_label(y, m)) for y, m in _months(t0, t1)]
    day_step = next((s for s in _DAY_STEPS if s * ppd >= text_width * 0.2 + LABEL_GAP), 0)
    minor = []
    if day_step:
        first = math.floor(t0)
        last = math.ceil(t1)
        for day in range(first, last + 1):
            d = date.fromordinal(min(max(day, MIN_DAY), MAX_DAY - 1))
            if d.day != 1 and (day_step == 1 or (d.day % day_step == 0 and d.day <= 30)):
                minor.append(Tick(day, str(d.day)))
    return Ticks(tuple(major), tuple(minor), "day")
