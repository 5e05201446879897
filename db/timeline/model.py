"""The timeline's data-transfer objects: lanes, marks, density buckets and one loaded slice.

Frozen values with no database handle, so they cross threads and Qt signals.  Labels are in the
interface language of the moment they were read (a language switch reads them again).
"""

from __future__ import annotations

from dataclasses import dataclass

from db.dto import ClaimDTO, Labelled, Ref
from db.timeline.dates import parse


@dataclass(frozen=True, slots=True)
class Lane:
    """One row of the timeline: a kind of mark (``event``…) or one person (``person:<id>``)."""

    key: str
    label: str
    ref: Ref | None = None  # the person of a person lane


class _Dated:
    """``first``/``last``: the ordinals of the first and last day of ``self.date`` (0 when it
    is no date; see :func:`db.timeline.dates.parse`)."""

    __slots__ = ()
    date: str

    @property
    def first(self) -> int:
        """Ordinal of the first day."""
        period = parse(self.date)
        return period[0] if period else 0

    @property
    def last(self) -> int:
        """Ordinal of the last day (the first for a day)."""
        period = parse(self.date)
        return period[1] if period else 0


@dataclass(frozen=True, slots=True)
class Mark(_Dated):
    """One dated thing on the timeline: a day is a point, a month or a year a span.

    ``ref`` is what a click opens (the event, the document, or the person a sentence, an
    arrest or a death belongs to).  ``claims`` are the sources' claims that give this date
    (each with its source's label); ``sources`` the record's own sources.  Marks of one
    disputed date share ``dispute`` (one mark per claimed date), None for an undisputed one.
    """

    lane: str
    kind: str  # event | document | sentence | arrest | death
    ref: Ref
    subject: str  # id of the record dated: event, document, sentence or person
    date: str  # ISO at its precision: 1935-07-27, 1935-07, 1935
    precision: str  # day | month | year
    label: str
    claims: tuple[ClaimDTO, ...] = ()
    sources: tuple[Labelled, ...] = ()
    dispute: str | None = None

    @property
    def key(self) -> str:
        """Unique within a slice: lane, record and (for a disputed date) the date claimed."""
        base = f"{self.lane}|{self.kind}/{self.subject}"
        return f"{base}#{self.date}" if self.dispute else base

    @property
    def source_labels(self) -> tuple[str, ...]:
        """Labels of the sources that claim this date, each once, in claim order."""
        return tuple(dict.fromkeys(c.source.label for c in self.claims))


@dataclass(frozen=True, slots=True)
class Bucket(_Dated):
    """How many marks of a lane fall in one day, month or year (``date`` at ``precision``)."""

    lane: str
    date: str
    precision: str
    n: int


@dataclass(frozen=True, slots=True)
class TimelineSlice:
    """What one load returns: the lanes, and per lane marks or (where too many) density.

    ``lo``/``hi`` are the ISO days the slice covers (None: everything); ``undated`` counts the
    records of these lanes that have no date (never drawn); ``totals`` the marks each lane
    holds in the range (from the density summary); ``dense`` the lanes shown as density
    because they hold more than the budget of single marks; ``truncated`` the lanes whose
    marks hit the LIMIT.
    """

    lanes: tuple[Lane, ...]
    marks: tuple[Mark, ...]
    buckets: tuple[Bucket, ...] = ()
    lo: str | None = None
    hi: str | None = None
    undated: int = 0
    totals: tuple[tuple[str, int], ...] = ()
    dense: tuple[str, ...] = ()
    truncated: tuple[str, ...] = ()
    mode: str = "kind"  # kind | person
    level: str = "month"  # the bucket precision of ``buckets``
    hidden_people: int = 0  # people asked for beyond the lanes a person timeline shows

    def total(self, lane: str) -> int:
        """Marks of ``lane`` in the range (0 when the lane has none)."""
        return dict(self.totals).get(lane, 0)
