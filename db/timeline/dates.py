"""Dates on the timeline as periods of days, and which claimed dates disagree (no SQL, no Qt).

A date is an ISO text at its precision: ``1935-07-27`` (a day), ``1935-07`` (a month) or
``1935`` (a year).  On the timeline it is a *period*: the ordinal days (``date.toordinal``) of
its first and last day, one day for a day, the whole month or year for the others; an empty
or malformed date is no period at all (it is counted as undated, never drawn).

Two claimed dates of one field *disagree* when neither contains the other: 27 and 25 July
1935 do, "1937" and "30 October 1937" do not (the year-only claim says less, not something
else).  The builder's density summary (:mod:`db.build.density`) and the read side share these
rules, so both count a record at the same date.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date

#: Kinds of mark, which are also the lanes of the timeline by kind (in lane order).
KINDS = ("event", "document", "sentence", "arrest", "death")
#: The claim field that dates each kind of mark (the person's own fields for arrest and death).
FIELD_OF = {
    "event": "date",
    "document": "date",
    "sentence": "date",
    "arrest": "arrest_date",
    "death": "death_date",
}
#: Precisions of a date, finest first.
PRECISIONS = ("day", "month", "year")
#: Letters of a date at each precision (``1935-07-27``, ``1935-07``, ``1935``).
LENGTHS = {"day": 10, "month": 7, "year": 4}
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
#: The years the timeline can show (as the archive contract allows).
FIRST_YEAR, LAST_YEAR = 1000, 2100


def precision_of(text: str) -> str | None:
    """``day``, ``month`` or ``year`` for a well-formed ISO date; None otherwise."""
    period = parse(text)
    return None if period is None else period[2]


#: Dates :func:`parse` remembers: a timeline's marks and buckets read each one's first and
#: last day at every paint (a year of days in three lanes is ~3,000 reads of ~1,100 dates).
PARSED_DATES = 8192


@functools.lru_cache(maxsize=PARSED_DATES)
def parse(text: str | None) -> tuple[int, int, str] | None:
    """``(first day, last day, precision)`` of an ISO date as ordinals; None when not a date.

    Only real calendar dates within :data:`FIRST_YEAR`..:data:`LAST_YEAR` pass, so nothing
    downstream meets a date it cannot draw.
    """
    if not text:
        return None
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    year = int(match.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    if match.group(2) is None:
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal(), "year"
    month = int(match.group(2))
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if match.group(3) is None:
        return date(year, month, 1).toordinal(), date(year, month, last).toordinal(), "month"
    day = int(match.group(3))
    if not 1 <= day <= last:
        return None
    first = date(year, month, day).toordinal()
    return first, first, "day"


def iso_day(ordinal: int) -> str:
    """``1935-07-27`` for an ordinal day (clamped to the years the timeline shows)."""
    lo = date(FIRST_YEAR, 1, 1).toordinal()
    hi = date(LAST_YEAR, 12, 31).toordinal()
    return date.fromordinal(min(max(ordinal, lo), hi)).isoformat()


def truncate(text: str, precision: str) -> str:
    """The bucket of ``text`` at a coarser ``precision``: ``1935-07-27`` → ``1935-07``."""
    return text[: LENGTHS[precision]]


def containing(day: str) -> tuple[str, str]:
    """The year and the month that contain a day: ``1935-07-27`` → (``1935``, ``1935-07``).

    A range query over ISO texts (``date BETWEEN lo AND hi``) finds every period that starts
    inside the range; the periods that start before ``lo`` and still cover it are exactly
    ``lo``'s own year and month.
    """
    return day[:4], day[:7]


def compatible(a: str, b: str) -> bool:
    """True when one date contains the other (``1937`` and ``1937-10-30``), or they are equal."""
    return a.startswith(b) or b.startswith(a)


def disputed(values: Iterable[str]) -> bool:
    """True when some two of ``values`` (valid dates) disagree: neither contains the other."""
    distinct = sorted(set(values))
    return any(not compatible(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1 :])


def primary(values: Sequence[str]) -> str | None:
    """The one date a summary counts for claims ``values`` (in claim order; invalid ones skipped).

    The value the most claims give; ties go to the finer precision, then the earlier date.
    Agreeing claims ("1937" beside "1937-10-30") count for the finest value they contain.
    """
    valid = [v for v in values if parse(v) is not None]
    if not valid:
        return None
    votes: dict[str, int] = {}
    for v in valid:
        votes[v] = votes.get(v, 0) + 1
    for v in list(votes):  # a coarser claim that contains a finer one votes for it too
        for w in votes:
            if w != v and w.startswith(v):
                votes[w] += valid.count(v)
    return min(votes, key=lambda v: (-votes[v], -len(v), v))
