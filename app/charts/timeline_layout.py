"""Where a timeline's things go: the frame (lane label column, axis band, plot area over a
range of days), each mark's shape and label, and the density bucket size for a zoom.

Pure geometry from DTOs and font metrics, shared by the painter
(:func:`app.charts.timeline_paint.paint_timeline`) and the interactive canvas, which uses the
same placement for hit tests and keyboard moves without painting.  A day is a point; a month
or a year a bar over its whole period.  In each lane a mark goes to the first row where it
overlaps neither the mark before it nor that mark's label; the rows in use sit in the middle
of the lane.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from db.i18n import _
from db.timeline import KIND_LANES, KINDS, Bucket, Lane, Mark

#: Radius of a day's point, height of a row of marks, in pixels.
RADIUS = 5.0
ROW_HEIGHT = 17.0
#: Lane label column: at least, at most (pixels), and at most this part of the width.
LABEL_MIN, LABEL_MAX, LABEL_SHARE = 70.0, 220.0, 0.22
#: Longest label drawn beside a mark, in pixels.
MARK_LABEL_MAX = 240.0
#: Width of the label column when no lane has a name.
NO_LABEL_WIDTH = 6.0
#: Padding of the range fitted around marks, as a share of their span; at least this many days.
FIT_PADDING, FIT_MIN_DAYS = 0.05, 10


@dataclass(frozen=True)
class Frame:
    """Where time and lanes go in a rectangle: the lane label column, the axis band on top,
    and the plot area, over days ``t0``..``t1`` (ordinals, fractional).

    Frozen, ``rect`` included: it is never changed in place (:meth:`x` keeps what it read
    of it); a new rectangle is a new frame (:func:`make_frame`).
    """

    rect: QRectF
    t0: float
    t1: float
    lanes: tuple[Lane, ...]
    label_width: float
    axis_height: float

    @property
    def plot(self) -> QRectF:
        """The area marks are drawn in."""
        r = self.rect
        return QRectF(
            r.left() + self.label_width,
            r.top() + self.axis_height,
            max(r.width() - self.label_width, 1.0),
            max(r.height() - self.axis_height, 1.0),
        )

    @cached_property
    def _x_terms(self) -> tuple[float, float, float]:
        # (the plot's left, its width, the days it spans): x() runs for every tick and mark.
        p = self.plot
        return p.left(), p.width(), max(self.t1 - self.t0, 1e-9)

    def x(self, day: float) -> float:
        """The x of the start of ``day``."""
        left, width, span = self._x_terms
        return left + (day - self.t0) * width / span

    def day_at(self, x: float) -> float:
        """The day (fractional ordinal) at ``x``."""
        p = self.plot
        return self.t0 + (x - p.left()) * (self.t1 - self.t0) / max(p.width(), 1e-9)

    def band(self, index: int) -> QRectF:
        """The band of lane ``index`` across the plot and label column."""
        p = self.plot
        h = p.height() / max(len(self.lanes), 1)
        return QRectF(self.rect.left(), p.top() + index * h, self.rect.width(), h)

    def lane_index(self, key: str) -> int | None:
        """Index of the lane ``key`` (None when not shown)."""
        return next((i for i, lane in enumerate(self.lanes) if lane.key == key), None)


@dataclass
class Placed:
    """A mark as drawn: its shape's bounds, and where its label went (None: no room)."""

    mark: Mark
    shape: QRectF
    label: QRectF | None = None
    text: str = ""


@dataclass
class Picture:
    """What :func:`paint_timeline` drew: the frame and every placed mark, in time order."""

    frame: Frame
    placed: list[Placed] = field(default_factory=list)

    def at(self, point: QPointF, slop: float = 3.0) -> Placed | None:
        """The mark under ``point`` (the topmost, nearest its centre), or None."""
        hits = [
            p for p in self.placed if p.shape.adjusted(-slop, -slop, slop, slop).contains(point)
        ]
        if not hits:
            return None
        return min(hits, key=lambda p: abs(p.shape.center().x() - point.x()))


def fit_range(marks: Iterable[Mark], buckets: Iterable[Bucket] = ()) -> tuple[float, float]:
    """Days to show so that every mark and bucket fits, with a little room on both sides."""
    firsts: list[int] = []
    lasts: list[int] = []
    items: list[Mark | Bucket] = [*marks, *buckets]
    for item in items:
        firsts.append(item.first)
        lasts.append(item.last + 1)
    if not firsts:
        first = date(1935, 1, 1).toordinal()  # the year of the case
        return float(first), float(first + 365)
    lo, hi = min(firsts), max(lasts)
    pad = max((hi - lo) * FIT_PADDING, FIT_MIN_DAYS / 2)
    return lo - pad, hi + pad


def lanes_of(marks: Iterable[Mark], buckets: Iterable[Bucket] = ()) -> tuple[Lane, ...]:
    """Lanes for marks drawn without a lane list: the kinds in their order, then any others."""
    keys = dict.fromkeys([m.lane for m in marks] + [b.lane for b in buckets])
    kinds = [Lane(k, KIND_LANES[k]) for k in KINDS if k in keys]
    return (*kinds, *(Lane(k, k) for k in keys if k not in KINDS))


def make_frame(
    rect: QRectF,
    lanes: Sequence[Lane],
    t0: float,
    t1: float,
    metrics: QFontMetricsF,
    label_share: float = LABEL_SHARE,
) -> Frame:
    """The frame for ``lanes`` in ``rect`` (label column sized to the labels, at most
    ``label_share`` of the width)."""
    widest = max((metrics.horizontalAdvance(lane.label) for lane in lanes), default=0.0)
    label_width = min(max(widest + 28, LABEL_MIN), LABEL_MAX, rect.width() * label_share)
    if lanes and not widest:  # lanes without names (one person's own figure): no column
        label_width = NO_LABEL_WIDTH
    axis_height = math.ceil(metrics.height() * 2 + 10)
    return Frame(rect, t0, t1, tuple(lanes), label_width, axis_height)


# -- placing ----------------------------------------------------------------------------------


def mark_text(mark: Mark) -> str:
    """What is written beside a mark: its label; for a disputed date, the label and the
    source(s) giving that date (each of the claim's marks says whose date it is)."""
    if mark.dispute:
        sources = mark.source_labels
        if not sources:
            return _("{label} — no source gives this date").format(label=mark.label)
        # What first, then whose date it is: a cut label still says what the mark is (its
        # tooltip and the list name every source).
        if len(sources) == 1:
            return _("{label} (according to {source})").format(label=mark.label, source=sources[0])
        return _("{label} (according to {source} and {n} more)").format(
            label=mark.label, source=sources[0], n=len(sources) - 1
        )
    return mark.label


def place(
    frame: Frame, marks: Sequence[Mark], metrics: QFontMetricsF, label_max: float = MARK_LABEL_MAX
) -> list[Placed]:
    """Shapes and labels of ``marks`` in ``frame``: each lane's marks go to the first row of
    the lane where they do not overlap the mark (and label) before them.  A label is at most
    ``label_max`` wide (and is cut where the next mark of its row begins)."""
    by_lane: dict[str, list[Mark]] = defaultdict(list)
    for m in marks:
        by_lane[m.lane].append(m)
    placed: list[Placed] = []
    for index, lane in enumerate(frame.lanes):
        band = frame.band(index)
        rows = max(1, int((band.height() - 4) // ROW_HEIGHT))
        ends = [-math.inf] * rows
        last: list[Placed | None] = [None] * rows
        lane_items: list[tuple[Placed, int]] = []
        for m in sorted(by_lane.get(lane.key, ()), key=lambda m: (m.first, m.last, m.key)):
            x0, x1 = frame.x(m.first), frame.x(m.last + 1)
            if m.precision == "day":
                cx = (x0 + x1) / 2
                shape = QRectF(cx - RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
            else:
                shape = QRectF(x0, -4, max(x1 - x0, 3.0), 8)
            row = next((r for r in range(rows) if ends[r] <= shape.left() - 2), None)
            if row is None:
                row = min(range(rows), key=lambda r: ends[r])
            before = last[row]
            if before is not None and before.label is not None:
                room = shape.left() - 4 - before.label.left()
                before.label.setWidth(max(room, 0.0))
                if room < 24:
                    before.label = None
            text = mark_text(m)
            want = min(metrics.horizontalAdvance(text) + 2, label_max)
            # A mark left of the plot gets no label: its cut words would help nobody.
            label: QRectF | None = None
            if shape.center().x() >= frame.plot.left():
                label = QRectF(shape.right() + 4, -metrics.height() / 2, want, metrics.height())
            item = Placed(m, shape, label, text)
            lane_items.append((item, row))
            last[row] = item
            ends[row] = label.right() if label is not None else shape.right()
        _count_unlabelled([item for item, _row in lane_items])
        # The rows in use sit in the middle of the lane's band.
        used = 1 + max((row for _item, row in lane_items), default=0)
        top = band.top() + max(2.0, (band.height() - used * ROW_HEIGHT) / 2)
        for item, row in lane_items:
            dy = top + ROW_HEIGHT * (row + 0.5)
            item.shape.translate(0, dy)
            if item.label is not None:
                item.label.translate(0, dy)
            placed.append(item)
    placed.sort(key=lambda p: (p.mark.first, p.shape.top(), p.mark.key))
    return placed


def _count_unlabelled(items: Sequence[Placed]) -> None:
    """Marks of one day crowd each other's labels out (16 verdicts on 27 July 1935): the last
    label of the day that is still written says how many of that day's marks have none."""
    by_day: dict[float, list[Placed]] = defaultdict(list)
    for item in items:
        if item.mark.precision == "day":
            by_day[item.mark.first].append(item)
    for day in by_day.values():
        hidden = sum(1 for item in day if item.label is None)
        shown = [item for item in day if item.label is not None]
        if hidden and shown:
            # TRANSLATORS: a timeline mark's label, after the number of marks of the same day
            # whose labels had no room (the list under the timeline names them all).
            shown[-1].text = _("+{n} · {label}").format(n=hidden, label=shown[-1].text)


def level_for(width: float, days: float) -> str:
    """The density bucket that suits ``days`` over ``width`` pixels: a day when a day gets 3
    pixels or more, a month when a month gets 4, else a year."""
    ppd = width / max(days, 1e-9)
    if ppd >= 3:
        return "day"
    if ppd * 30 >= 4:
        return "month"
    return "year"


def frame_level(frame: Frame) -> str:
    """The bucket precision that suits the frame's zoom: day, month or year."""
    return level_for(frame.plot.width(), frame.t1 - frame.t0)
