"""Density of the timeline from the build-time summary ``timeline_density``: counts per lane
and day, month or year in a range, the extent of the lanes, the undated records.

The summary holds a row per (lane, date) — a few thousand rows at any archive size — so
these reads cost the same on the bundled archive and on a 3-million-person one.  A damaged row
(not a date, a precision that does not match, a negative count) is skipped, never drawn.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, func, select

from db.schema import (
    Sentence,
    TimelineDensity,
)
from db.timeline import dates
from db.timeline.dates import KINDS, parse
from db.timeline.marks import covering, starting_in
from db.timeline.model import Bucket

# -- density --------------------------------------------------------------------------------


def summary_rows(
    conn: Connection, lanes: Sequence[str], lo: str, hi: str
) -> tuple[list[Bucket], list[Bucket]]:
    """Summary rows of ``lanes``: those covering ``lo`` (its month and year) and those
    starting in the range (bad rows skipped)."""
    base = select(
        TimelineDensity.lane, TimelineDensity.bucket, TimelineDensity.precision, TimelineDensity.n
    ).where(TimelineDensity.lane.in_(list(lanes)))
    out: tuple[list[Bucket], list[Bucket]] = ([], [])
    for part, cond in zip(
        out,
        (covering(TimelineDensity.bucket, lo), starting_in(TimelineDensity.bucket, lo, hi)),
        strict=True,
    ):
        for lane, bucket, precision, n in conn.execute(base.where(cond)):
            period = parse(bucket) if isinstance(bucket, str) else None
            # A damaged row (not a date, a wrong precision, a negative count) is no bucket.
            if period is None or period[2] != precision or not isinstance(n, int) or n < 0:
                continue
            part.append(Bucket(str(lane), bucket, precision, n))
    return out


def totals(conn: Connection, lo: str, hi: str, lanes: Sequence[str] = KINDS) -> dict[str, int]:
    """Marks per lane whose date covers or starts in the range, from the summary."""
    out = dict.fromkeys(lanes, 0)
    covering, starting = summary_rows(conn, lanes, lo, hi)
    for b in (*covering, *starting):
        out[b.lane] += b.n
    return out


def aggregate(rows: Iterable[Bucket], level: str, lanes: Sequence[str]) -> tuple[Bucket, ...]:
    """``rows`` summed per lane and ``level`` bucket; a coarser date keeps its own bucket."""
    rank = dates.PRECISIONS.index(level)
    merged: dict[tuple[str, str], int] = defaultdict(int)
    for b in rows:
        fine = dates.PRECISIONS.index(b.precision) < rank
        merged[(b.lane, b.date[: dates.LENGTHS[level]] if fine else b.date)] += b.n
    order = {lane: i for i, lane in enumerate(lanes)}
    return tuple(
        Bucket(lane, key, dates.precision_of(key) or level, n)
        for (lane, key), n in sorted(merged.items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))
    )


def density(
    conn: Connection, lo: str, hi: str, level: str, lanes: Sequence[str] = KINDS
) -> tuple[Bucket, ...]:
    """Counts per lane and ``level`` bucket (day, month or year) in the range.

    A date finer than ``level`` counts in its bucket at that level; a coarser one (a year
    while months are shown) stays a bucket of its own precision, drawn as a span.
    """
    covering, starting = summary_rows(conn, lanes, lo, hi)
    return aggregate([*covering, *starting], level, lanes)


def extent(conn: Connection, lanes: Sequence[str] = KINDS) -> tuple[str, str] | None:
    """First and last ISO day any of ``lanes`` covers (None: an empty timeline); index probes."""
    firsts: list[int] = []
    lasts: list[int] = []
    for lane in lanes:
        base = select(TimelineDensity.bucket).where(TimelineDensity.lane == lane)
        low = conn.execute(base.order_by(TimelineDensity.bucket).limit(1)).scalar()
        high = conn.execute(base.order_by(TimelineDensity.bucket.desc()).limit(1)).scalar()
        if low is None or high is None:
            continue
        # ISO texts sort by first day; the last day may be that of the latest date's own
        # month or year.
        cover = conn.execute(base.where(covering(TimelineDensity.bucket, str(high)))).scalars()
        period = parse(str(low))
        if period:
            firsts.append(period[0])
        for b in (high, *cover):
            period = parse(str(b))
            if period:
                lasts.append(period[1])
    if not firsts or not lasts:
        return None
    return dates.iso_day(min(firsts)), dates.iso_day(max(lasts))


def undated(conn: Connection) -> int:
    """Sentences whose date is unknown (events and documents always have one)."""
    stmt = select(func.count()).select_from(Sentence).where(Sentence.date.is_(None))
    return int(conn.execute(stmt).scalar() or 0)
