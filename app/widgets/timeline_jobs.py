"""The timeline view's loads, as plain functions a worker runs (no Qt, no widget state).

:func:`load_range` reads the lanes by kind for the visible days and one span more on each side
(so a pan does not load at once), with density where a lane holds more than the budget;
asked to fit, it first reads the archive's extent and shows all of it.  :func:`load_people`
reads one lane per person.  Each opens its own connection from the source (one per thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.archive_source import ArchiveSource
from app.charts import timeline_layout
from db import timeline
from db.timeline import TimelineSlice
from db.timeline.dates import iso_day, parse

#: A load covers the visible range and this many spans on each side (smooth panning).
MARGIN_SPANS = 1.0


@dataclass(frozen=True)
class RangeLoad:
    """What :func:`load_range` read: the days to show, the days and bucket size the slice
    covers, the archive's extent (None: nothing dated), and the slice."""

    lo: float
    hi: float
    loaded: tuple[float, float] | None
    level: str
    extent: tuple[float, float] | None
    slice: TimelineSlice


def _days(first: str | None, last: str | None) -> tuple[float, float] | None:
    a, b = parse(first), parse(last)
    return None if a is None or b is None else (float(a[0]), float(b[1] + 1))


def load_range(
    source: ArchiveSource, t0: float, t1: float, width: float, fit: bool, budget: int
) -> RangeLoad:
    """The lanes by kind around days ``t0``..``t1`` drawn ``width`` pixels wide (``fit``: the
    whole extent instead), lanes with more than ``budget`` marks as density."""
    with source.connect() as conn:
        found = timeline.extent(conn)
        extent = _days(*found) if found else None
        lo, hi = t0, t1
        if fit and extent is not None:
            pad = max((extent[1] - extent[0]) * timeline_layout.FIT_PADDING, 5)
            lo, hi = extent[0] - pad, extent[1] + pad
        level = timeline_layout.level_for(width, hi - lo)
        span = hi - lo
        first, last = iso_day(int(lo - span * MARGIN_SPANS)), iso_day(int(hi + span * MARGIN_SPANS))
        s = timeline.kind_slice(conn, first, last, level, budget=budget)
    return RangeLoad(lo, hi, _days(s.lo, s.hi), level, extent, s)


def load_people(source: ArchiveSource, people: Sequence[str]) -> TimelineSlice:
    """One lane per person of ``people`` (unknown ids left out)."""
    with source.connect() as conn:
        return timeline.person_slice(conn, people)
