"""The figures of a person's dossier: their small timeline and their relationship graph.

Both are drawn by the same painting code as the Timeline and Network tabs, recorded as vector
figures (:mod:`app.printing.figures`), on a paper palette (dark text on white, whatever the
screen's theme).  A person with no dated mark gets no timeline, one with no relation no
graph: an empty figure would say nothing.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from functools import cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyleFactory
from sqlalchemy import Connection

from app.printing.figures import Figure, record
from app.printing.fonts import print_family
from db.dto import Facts, PersonDetail
from db.i18n import _
from db.timeline import Bucket, Lane, Mark

Dated = Mark | Bucket

#: Figure sizes in CSS pixels (the page's text is about 640 wide on A4 and Letter).
TIMELINE_SIZE = (640.0, 170.0)
#: A person's timeline with more marks than this is drawn taller (:data:`CROWDED_HEIGHT`):
#: the case's months then have rows enough for each mark's label.
CROWDED_MARKS, CROWDED_HEIGHT = 8, 240.0
GRAPH_SIZE = (640.0, 430.0)
CASE_TIMELINE_SIZE = (640.0, 330.0)
#: Point size of the figures' words.
FIGURE_PT = 7.5
#: Room after the last mark for its label, as a share of the marks' span.
LABEL_ROOM = 0.45
#: A gap between marks longer than this many days breaks the time axis: the case's months
#: keep their room beside a sentence two years on and a rehabilitation decades later (one
#: linear axis from 1935 to 1957 squeezed thirteen interrogations into a few millimetres).
BREAK_GAP_DAYS = 365
#: Parts of a broken axis at most (the widest gaps break it), the least share of the width a
#: part gets, and the gap between parts (pixels).
MAX_PARTS = 3
MIN_SHARE = 0.2
BREAK_PX = 14.0


def axis_parts(items: Sequence[Dated]) -> list[list[Dated]]:
    """``items`` in date order, split at the gaps longer than :data:`BREAK_GAP_DAYS` (the
    :data:`MAX_PARTS` − 1 widest of them)."""
    ordered = sorted(items, key=lambda m: (m.first, m.last))
    if not ordered:
        return []
    gaps: list[tuple[int, int]] = []  # (days, index of the first item after the gap)
    reach = ordered[0].last
    for i in range(1, len(ordered)):
        gap = ordered[i].first - reach
        if gap > BREAK_GAP_DAYS:
            gaps.append((gap, i))
        reach = max(reach, ordered[i].last)
    cuts = sorted(i for _gap, i in sorted(gaps, reverse=True)[: MAX_PARTS - 1])
    bounds = [0, *cuts, len(ordered)]
    return [ordered[a:b] for a, b in itertools.pairwise(bounds)]


def _shares(parts: Sequence[Sequence[Dated]]) -> list[float]:
    """Each part's share of the width: by the square root of its marks (a crowded month gets
    the room), at least :data:`MIN_SHARE`."""
    weights = [len(part) ** 0.5 for part in parts]
    shares = [w / sum(weights) for w in weights]
    short = [s < MIN_SHARE for s in shares]
    rest = sum(s for s, low in zip(shares, short, strict=True) if not low)
    room = 1.0 - MIN_SHARE * sum(short)
    return [MIN_SHARE if low else s * room / rest for s, low in zip(shares, short, strict=True)]


#: Days a later part of a broken axis shows at least, and before its first mark.
LATER_DAYS, LATER_LEAD = 400, 20


def _span(items: Sequence[Dated], later: bool) -> tuple[float, float]:
    """The days a part of the axis shows: its items, with room after the last for its label
    (``later``: a part after a break, which starts just before its first mark and shows a
    year or more, so that its few labels have the part's width)."""
    from app.charts.timeline_layout import fit_range

    marks = [m for m in items if isinstance(m, Mark)]
    buckets = [b for b in items if isinstance(b, Bucket)]
    start, end = fit_range(marks, buckets)
    if later:
        start = float(min(m.first for m in items) - LATER_LEAD)
        end = max(end, start + LATER_DAYS)
    return start, end + (end - start) * LABEL_ROOM


def _broken(parts: Sequence[Sequence[Dated]]) -> str:
    """What a caption adds when the figure's axis is broken (nothing when it is not)."""
    if len(parts) < 2:
        return ""
    return " " + _("Two slashes // mark years left out of the axis.")


def paint_broken_timeline(
    painter: QPainter,
    rect: QRectF,
    marks: Sequence[Mark],
    palette: QPalette,
    lanes: Sequence[Lane],
    buckets: Sequence[Bucket] = (),
    level: str | None = None,
    parts: Sequence[Sequence[Dated]] | None = None,
) -> None:
    """A timeline on paper: on one axis, or on parts of one where the dates fall far apart
    (``parts``: :func:`axis_parts` of the marks and buckets, if the caller has them already;
    the later parts without lane names, two slashes between).  Marks' labels may run to the
    edge of their part."""
    from app.charts.timeline_layout import LABEL_MAX, LABEL_MIN, LABEL_SHARE
    from app.charts.timeline_paint import paint_timeline

    parts = list(axis_parts([*marks, *buckets]) if parts is None else parts)
    if not parts:
        parts = [[]]
    metrics = QFontMetricsF(painter.font())
    # the lane names' column: as wide as on an unbroken figure, all of it the first part's
    widest = max((metrics.horizontalAdvance(lane.label) for lane in lanes), default=0.0)
    names = min(max(widest + 28, LABEL_MIN), LABEL_MAX, rect.width() * LABEL_SHARE)
    names = names if len(parts) > 1 and widest else 0.0
    width = rect.width() - names - BREAK_PX * (len(parts) - 1)
    left = rect.left()
    axis_y = rect.top() + metrics.height() * 2 + 10
    for n, (items, share) in enumerate(
        zip(parts, _shares(parts) if parts[0] else [1.0], strict=True)
    ):
        extra = names if n == 0 else 0.0
        side = QRectF(left, rect.top(), width * share + extra, rect.height())
        side_marks = [m for m in items if isinstance(m, Mark)] if items else list(marks)
        side_buckets = [b for b in items if isinstance(b, Bucket)] if items else list(buckets)
        start, end = _span(items, later=n > 0) if items else (None, None)
        paint_timeline(
            painter, side, side_marks, palette,
            lanes=list(lanes) if n == 0 else [Lane(lane.key, "") for lane in lanes],
            start=start, end=end, buckets=side_buckets, level=level, label_max=side.width(),
            label_share=min(1.0, (names or side.width() * LABEL_SHARE) / side.width()),
        )  # fmt: skip
        left = side.right() + BREAK_PX
        if n:  # the break before this part: two slashes on the axis line
            painter.save()
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1.2))
            x = side.left() - BREAK_PX / 2
            for dx in (-3.0, 3.0):
                painter.drawLine(QPointF(x + dx - 2, axis_y + 5), QPointF(x + dx + 2, axis_y - 5))
            painter.restore()


@cache
def _fusion_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")  # (a style made for its palette alone: once)
    return style.standardPalette() if style is not None else QPalette()


def paper_palette() -> QPalette:
    """A light palette (Fusion's own), so a figure prints dark on white in a dark session."""
    return QPalette(_fusion_palette())  # a copy: the caller may change it


def _font() -> QFont:
    font = QFont(print_family())
    font.setPointSizeF(FIGURE_PT)
    return font


def person_figures(
    conn: Connection,
    person_id: str,
    related: bool = True,
    known: tuple[PersonDetail, Mapping[str, Facts], Mapping[str, Facts]] | None = None,
) -> dict[str, tuple[Figure, str]]:
    """name → (figure, caption) for the dossier of ``person_id``.

    ``related``: False when the caller knows the person has no relation (its detail read
    none): there is no graph to draw, and its reads are skipped.  ``known``: the person's
    detail and the ``record`` and ``date`` claims of their events and documents, when the
    caller has read them: the timeline is made from them instead of read again.
    """
    from app.charts.network_layout import layout, node_sizes
    from app.charts.network_paint import paint_graph
    from db import graph, timeline

    palette, font = paper_palette(), _font()
    out: dict[str, tuple[Figure, str]] = {}
    tl = timeline.person_slice_of(*known) if known is not None else None
    if tl is None:
        tl = timeline.person_slice(conn, [person_id])
    if tl.marks:
        # One person's own lane needs no name (the dossier is theirs): its column goes to the
        # marks, and their labels may run to the figure's edge.
        lanes = [Lane(lane.key, "") for lane in tl.lanes] if len(tl.lanes) == 1 else tl.lanes
        marks = tl.marks
        parts = axis_parts(marks)  # once, for the drawing and its caption

        def draw_timeline(painter: QPainter, rect: QRectF) -> None:
            painter.setFont(font)
            paint_broken_timeline(painter, rect, marks, palette, lanes, parts=parts)

        caption = _(
            "Dated marks of this person; a month or a year is a span, disputed dates are "
            "one mark per claim."
        )
        width, height = TIMELINE_SIZE
        if len(marks) > CROWDED_MARKS:
            height = CROWDED_HEIGHT
        out["timeline"] = (record(width, height, draw_timeline), caption + _broken(parts))
    ego = graph.ego_graph(conn, person_id, hops=1) if related else None
    if ego is not None and ego.edges:
        positions = layout(ego, node_sizes(ego, font))

        def draw_graph(painter: QPainter, rect: QRectF) -> None:
            painter.setFont(font)
            paint_graph(painter, rect, ego, positions, palette, font)

        out["graph"] = (
            record(*GRAPH_SIZE, draw_graph),
            _(
                "Relations of this person in the archive: green family, red investigation, "
                "blue hierarchy, purple alleged conspiracy, brown other ties; dashed: alleged "
                "or disputed; an arrow A → B reads “A is brother of B” or “A is interrogated "
                "by B”."
            ),
        )
    return out


def case_timeline(conn: Connection) -> tuple[Figure, str] | None:
    """The whole case on one time axis, lanes by kind, for the case summary (None: nothing
    dated).  A big archive's crowded lanes are drawn as counts per month (the archive's
    ``timeline_density`` table), as on the Timeline tab."""
    from db import timeline

    span = timeline.extent(conn)
    if span is None:
        return None
    tl = timeline.kind_slice(conn, span[0], span[1], level="month")
    if not tl.marks and not tl.buckets:
        return None
    palette, font = paper_palette(), _font()

    parts = axis_parts([*tl.marks, *tl.buckets])  # once, for the drawing and its caption

    def draw(painter: QPainter, rect: QRectF) -> None:
        painter.setFont(font)
        paint_broken_timeline(
            painter, rect, tl.marks, palette, tl.lanes, tl.buckets, "month", parts
        )

    caption = _(
        "Events, documents, sentences, arrests and deaths of the whole case; a month or a "
        "year is a span, disputed dates are one mark per claim, undated records are not drawn."
    )
    return record(*CASE_TIMELINE_SIZE, draw), caption + _broken(parts)
