"""Drawing a timeline with a QPainter: lanes, time axis, marks, spans, disputes and density.

:func:`paint_timeline` draws onto any paint device — the interactive view, a PNG, an SVG, a
PDF, later a dossier's vector figure — from plain DTOs and a palette, and returns a
:class:`Picture` telling where each mark went (hit tests, keyboard moves).  Nothing here reads
the archive or keeps state between calls.

A day is a point, a month or a year a bar over its whole period; each kind has its own hue and
its own shape (circle, square, triangle, diamond, downward triangle), so kinds stay apart
without colour too.  The marks of one disputed date are joined by a dashed arc that never runs
through a label, and each is labelled with the source that gives it.  Density buckets are bars
whose height is their count relative to the lane's largest.  Colours come from the palette
(light or dark).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QRegion,
)

from app.charts import timeline_axis
from app.charts.timeline_layout import (
    LABEL_SHARE,
    MARK_LABEL_MAX,
    RADIUS,
    Frame,
    Picture,
    Placed,
    fit_range,
    lanes_of,
    make_frame,
    place,
)
from db import vocab
from db.dto import Ref
from db.i18n import _
from db.timeline import KINDS, Bucket, Lane, Mark

#: Hue of each kind of mark (degrees); lightness follows the palette.
KIND_HUES = {"event": 212, "document": 32, "sentence": 350, "arrest": 275, "death": 160}


def is_dark(palette: QPalette) -> bool:
    """True when the palette's window colour is dark."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def kind_colour(kind: str, palette: QPalette) -> QColor:
    """The colour of a kind of mark, readable on the palette's base colour."""
    hue = KIND_HUES.get(kind, 0) / 360.0
    return QColor.fromHslF(hue, 0.62, 0.68 if is_dark(palette) else 0.40)


# -- painting ---------------------------------------------------------------------------------


def _shape_path(kind: str, r: QRectF) -> QPainterPath:
    """The kind's shape in ``r``: circle, square, triangle, diamond, downward triangle."""
    path = QPainterPath()
    c = r.center()
    if kind == "event":
        path.addEllipse(r)
    elif kind == "document":
        path.addRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
    elif kind == "sentence":
        path.addPolygon(QPolygonF([QPointF(c.x(), r.top()), r.bottomRight(), r.bottomLeft()]))
        path.closeSubpath()
    elif kind == "arrest":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), r.top() - 1),
                    QPointF(r.right() + 1, c.y()),
                    QPointF(c.x(), r.bottom() + 1),
                    QPointF(r.left() - 1, c.y()),
                ]
            )
        )
        path.closeSubpath()
    else:
        path.addPolygon(QPolygonF([r.topLeft(), r.topRight(), QPointF(c.x(), r.bottom())]))
        path.closeSubpath()
    return path


def _paint_lanes(
    painter: QPainter, frame: Frame, palette: QPalette, metrics: QFontMetricsF
) -> None:
    base = palette.color(QPalette.ColorRole.Base)
    alternate = palette.color(QPalette.ColorRole.AlternateBase)
    text = palette.color(QPalette.ColorRole.Text)
    painter.fillRect(frame.rect, base)
    for i, lane in enumerate(frame.lanes):
        band = frame.band(i)
        if i % 2:
            painter.fillRect(band, alternate)
        kind = lane.key if lane.key in KINDS else None
        x = band.left() + 6
        if kind is not None and lane.label:  # a lane without a name has no column for it
            glyph = QRectF(x, band.center().y() - RADIUS, 2 * RADIUS, 2 * RADIUS)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(kind_colour(kind, palette))
            painter.drawPath(_shape_path(kind, glyph))
            x += 2 * RADIUS + 6
        painter.setPen(text)
        room = frame.label_width - (x - band.left()) - 6
        shown = metrics.elidedText(lane.label, Qt.TextElideMode.ElideRight, max(room, 0.0))
        painter.drawText(
            QRectF(x, band.top(), max(room, 0.0), band.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            shown,
        )
    line = QColor(text)
    line.setAlphaF(0.35)
    painter.setPen(QPen(line, 1))
    p = frame.plot
    painter.drawLine(QPointF(p.left(), frame.rect.top()), QPointF(p.left(), frame.rect.bottom()))
    painter.drawLine(QPointF(frame.rect.left(), p.top()), QPointF(frame.rect.right(), p.top()))


def _paint_axis(
    painter: QPainter, frame: Frame, palette: QPalette, font: QFont, metrics: QFontMetricsF
) -> None:
    p = frame.plot
    text = palette.color(QPalette.ColorRole.Text)
    grid, faint = QColor(text), QColor(text)
    grid.setAlphaF(0.28)
    faint.setAlphaF(0.10)
    sample = metrics.horizontalAdvance(timeline_axis.month_label(1935, 9))

    def short() -> float:
        return max(
            metrics.horizontalAdvance(timeline_axis.month_name(m, True)) for m in range(1, 13)
        )

    t = timeline_axis.ticks(frame.t0, frame.t1, p.width(), sample, short)
    top = frame.rect.top() + 3
    line_h = metrics.height()
    painter.save()
    painter.setClipRect(QRectF(p.left(), frame.rect.top(), p.width(), frame.rect.height()))
    bold = QFont(font)
    bold.setBold(True)
    # The period the left edge lies in keeps its label there until the next one takes over.
    before = [tick for tick in t.major if tick.day <= frame.t0 and tick.label]
    if before:
        label = before[-1].label or ""
        room = min((frame.x(k.day) for k in t.major if k.day > frame.t0), default=p.right())
        room -= p.left() + 8
        if room > 24:
            painter.setFont(bold)
            painter.setPen(text)
            shown = QFontMetricsF(bold).elidedText(label, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QPointF(p.left() + 3, top + line_h - metrics.descent()), shown)
            painter.setFont(font)
    # Lines of one colour are drawn together (one pen each, not one per tick), then labels.
    # Only the ticks inside the plot: the clip would hide the others, but they would still be
    # recorded in a dossier's figure and written to its PDF (a year's twelve months around a
    # fortnight's axis).
    plot_left, plot_top, plot_bottom, plot_right = p.left(), p.top(), p.bottom(), p.right()
    minor = [
        (x, tick.label)
        for tick in t.minor
        if plot_left - 1 <= (x := frame.x(tick.day)) <= plot_right + 1
    ]
    major = [
        (x, tick) for tick in t.major if plot_left - 1 <= (x := frame.x(tick.day)) <= plot_right + 1
    ]
    painter.setPen(QPen(faint, 1))
    painter.drawLines([QLineF(x, plot_top, x, plot_bottom) for x, _ in minor])
    painter.setPen(QPen(grid, 1))
    painter.drawLines([QLineF(x, plot_top - 4, x, plot_top) for x, _ in minor])
    painter.setPen(text)
    baseline = top + line_h * 2 - metrics.descent()
    for x, name in minor:
        # A label that would run past the plot is left out, not clipped: clipped text still
        # lands in a PDF (copied, searched) past the page's margin.
        if name and x + 3 + metrics.horizontalAdvance(name) <= plot_right:
            painter.drawText(QPointF(x + 3, baseline), name)
    # The major lines after the minor labels (a label running onto one stays under it).
    painter.setPen(QPen(grid, 1))
    painter.drawLines([QLineF(x, top, x, plot_bottom) for x, _ in major])
    painter.setPen(text)
    painter.setFont(bold)
    bold_metrics = QFontMetricsF(bold)
    for x, tick in major:
        fits = x + 3 + bold_metrics.horizontalAdvance(tick.label or "") <= plot_right
        if tick.label and tick.day > frame.t0 and fits:
            painter.drawText(QPointF(x + 3, top + line_h - metrics.descent()), tick.label)
    painter.restore()


def _paint_density(
    painter: QPainter,
    frame: Frame,
    buckets: Sequence[Bucket],
    palette: QPalette,
    metrics: QFontMetricsF,
    level: str | None,
) -> None:
    """Bars of the lane's finest buckets (height: count relative to the lane's largest, room
    kept for the count above), and under them, as pale bands, the coarser periods (a year
    among months: the marks known only to the year).

    A load holds a span more on each side of the view (for panning), so a bucket wholly
    outside the plot is not drawn (the clip would hide it); the largest count still comes
    from all of the lane's buckets, so a bar keeps its height as the view moves.
    """
    rank = {p: i for i, p in enumerate(("day", "month", "year"))}
    finest: dict[str, int] = {}
    for b in buckets:
        finest[b.lane] = min(finest.get(b.lane, 9), rank.get(b.precision, 9))
    if level is not None:  # a lane whose buckets are all coarser than the level: bands only
        finest = dict.fromkeys(finest, rank.get(level, 0))
    top: dict[str, int] = defaultdict(int)
    spans: list[Bucket] = []
    bars: list[Bucket] = []
    for b in buckets:
        if rank.get(b.precision) == finest[b.lane]:
            top[b.lane] = max(top[b.lane], b.n)
            bars.append(b)
        else:
            spans.append(b)
    text = palette.color(QPalette.ColorRole.Text)
    line = metrics.height()
    left, right = frame.plot.left(), frame.plot.right()
    # A count is written on a bar with room for it; no count is narrower than one digit.
    narrowest = min(metrics.horizontalAdvance(d) for d in "0123456789") + 4
    bands: dict[str, QRectF | None] = {}
    colours: dict[str, QColor] = {}
    painter.save()
    # Bars are upright rectangles: on whole pixels, without antialiasing, which cost ~15 µs a
    # bar (a year of days in three lanes is over a thousand; on paper it changes nothing).
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for b, is_span in itertools.chain(((b, True) for b in spans), ((b, False) for b in bars)):
        if not b.n:
            continue
        x0, x1 = frame.x(b.first), frame.x(b.last + 1)
        if x1 < left or x0 > right:
            continue
        if b.lane not in bands:
            index = frame.lane_index(b.lane)
            bands[b.lane] = None if index is None else frame.band(index).adjusted(0, 4, 0, -4)
            colours[b.lane] = kind_colour(b.lane, palette)
        band = bands[b.lane]
        if band is None:
            continue
        colour = QColor(colours[b.lane])
        width = max(x1 - x0 - 1, 1.0)
        if is_span:
            h = band.height() * 0.3
            colour.setAlphaF(0.25)
            painter.fillRect(QRectF(x0, band.bottom() - h, width, h), colour)
            continue
        h = max((band.height() - line - 2) * b.n / max(top[b.lane], 1), 1.5)
        bar = QRectF(x0, band.bottom() - h, width, h)
        colour.setAlphaF(0.85)
        painter.fillRect(bar, colour)
        if width < narrowest:
            continue
        label = vocab.format_number(b.n)
        if width >= metrics.horizontalAdvance(label) + 4:
            painter.setPen(text)
            painter.drawText(
                QRectF(x0, bar.top() - line - 1, width, line),
                int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter),
                label,
            )
    painter.restore()
    _paint_span_notes(painter, frame, spans, palette, metrics)


def _paint_span_notes(
    painter: QPainter,
    frame: Frame,
    spans: Sequence[Bucket],
    palette: QPalette,
    metrics: QFontMetricsF,
) -> None:
    """One line per lane at the plot's left edge naming its pale bands' periods and counts
    (``1935: 929 · March 1935: 488``), on the base colour so it stays readable over bars."""
    notes: dict[str, list[str]] = defaultdict(list)
    for b in spans:
        notes[b.lane].append(
            f"{vocab.format_date(b.date, b.precision)}: {vocab.format_number(b.n)}"
        )
    base = QColor(palette.color(QPalette.ColorRole.Base))
    base.setAlphaF(0.8)
    for lane, parts in notes.items():
        index = frame.lane_index(lane)
        if index is None:
            continue
        band = frame.band(index)
        room = frame.plot.width() - 8
        shown = metrics.elidedText(" · ".join(parts), Qt.TextElideMode.ElideRight, room)
        box = QRectF(
            frame.plot.left() + 2,
            band.bottom() - metrics.height() - 6,
            metrics.horizontalAdvance(shown) + 6,
            metrics.height() + 2,
        )
        painter.fillRect(box, base)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), shown)


#: How far above the higher of its marks a dispute's arc is drawn (its control points; the
#: arc's top is three quarters of it): clear of a label beside the marks (half a row high).
DISPUTE_LIFT = 16.0
#: Labels too narrow for a word are not written (see :func:`label_box`).
MIN_LABEL = 24.0
#: Room between two rows' labels that a dispute's arc is kept out of as well (pixels).
ROW_GAP = 5.0


def label_box(placed: Placed, right: float = float("inf")) -> QRectF | None:
    """Where the label of ``placed`` is written: cut at ``right`` (the plot's edge); None when
    it has no label or too little room for one."""
    if placed.label is None:
        return None
    room = min(placed.label.width(), right - placed.label.left())
    if room < MIN_LABEL:
        return None
    return QRectF(placed.label.left(), placed.label.top(), room, placed.label.height())


def dispute_arcs(placed: Sequence[Placed]) -> list[tuple[Placed, QPainterPath]]:
    """The arcs joining the marks of each disputed date, left to right: from one mark's centre
    up, over and down into the next one's, rising and falling beside the marks, where no label
    is (the first mark of each arc goes with it, for its colour)."""
    groups: dict[str, list[Placed]] = defaultdict(list)
    for p in placed:
        if p.mark.dispute:
            groups[p.mark.dispute].append(p)
    arcs = []
    for items in groups.values():
        if len(items) < 2:
            continue
        items.sort(key=lambda p: p.shape.center().x())
        for a, b in itertools.pairwise(items):
            start, end = a.shape.center(), b.shape.center()
            path = QPainterPath(start)
            top = min(start.y(), end.y()) - DISPUTE_LIFT
            path.cubicTo(QPointF(start.x(), top), QPointF(end.x(), top), end)
            arcs.append((a, path))
    return arcs


def _paint_disputes(
    painter: QPainter, placed: Sequence[Placed], palette: QPalette, plot: QRectF
) -> None:
    """Dashed arcs between a dispute's marks in ``plot``, left out where a label is written:
    a label the arc would cross stays readable (the marks are drawn over the arcs)."""
    arcs = dispute_arcs(placed)
    if not arcs:
        return
    painter.save()
    clip = QRegion(plot.toAlignedRect())
    for p in placed:
        box = label_box(p, plot.right())
        if box is not None:
            # With the gap to the rows above and below: the dashes left between two rows of
            # labels read, at a glance, as a line struck through them.
            gap = ROW_GAP / 2
            clip -= QRegion(box.adjusted(-1, -gap, 1, gap).toAlignedRect())
    painter.setClipRegion(clip, Qt.ClipOperation.IntersectClip)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for a, path in arcs:
        painter.setPen(QPen(kind_colour(a.mark.kind, palette), 1.5, Qt.PenStyle.DashLine))
        painter.drawPath(path)
    painter.restore()


def _paint_marks(
    painter: QPainter,
    placed: Sequence[Placed],
    palette: QPalette,
    metrics: QFontMetricsF,
    current: Ref | None,
    focus: str | None,
    right: float = float("inf"),
) -> None:
    text = palette.color(QPalette.ColorRole.Text)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    base = palette.color(QPalette.ColorRole.Base)
    for p in placed:
        colour = kind_colour(p.mark.kind, palette)
        if p.mark.precision == "day":
            painter.setPen(QPen(base, 1))
            painter.setBrush(QBrush(colour))
            painter.drawPath(_shape_path(p.mark.kind, p.shape))
        else:
            fill = QColor(colour)
            fill.setAlphaF(0.35)
            painter.setPen(QPen(colour, 1.2))
            painter.setBrush(QBrush(fill))
            painter.drawRoundedRect(p.shape, 2, 2)
    for p in placed:
        # Labels end at the plot's right edge (clipped text would still be in a PDF).
        box = label_box(p, right)
        if box is None:
            continue
        painter.setPen(text)
        shown = metrics.elidedText(p.text, Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter), shown)
    for p in placed:
        ring = p.shape.adjusted(-3, -3, 3, 3)
        if current is not None and p.mark.ref == current:
            painter.setPen(QPen(highlight, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(ring, 4, 4)
        if focus is not None and p.mark.key == focus:
            painter.setPen(QPen(text, 1.2, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(ring.adjusted(-2, -2, 2, 2))


def paint_timeline(
    painter: QPainter,
    rect: QRectF,
    marks: Sequence[Mark],
    palette: QPalette,
    *,
    lanes: Sequence[Lane] | None = None,
    start: float | None = None,
    end: float | None = None,
    buckets: Sequence[Bucket] = (),
    current: Ref | None = None,
    focus: str | None = None,
    level: str | None = None,
    label_max: float = MARK_LABEL_MAX,
    label_share: float = LABEL_SHARE,
) -> Picture:
    """Draw a timeline of ``marks`` (and density ``buckets``) into ``rect``.

    ``lanes`` default to the lanes the marks name; ``start``/``end`` (ordinal days) to the
    range that fits everything.  ``current`` marks the item shown elsewhere (a ring in the
    highlight colour) and ``focus`` the keyboard's mark (by :attr:`Mark.key`).  The painter's
    font is used; its state is restored afterwards.
    ``level`` is the
    bucket size drawn as bars (the density's level); coarser buckets are pale bands (by
    default, each lane's finest buckets are its bars).  ``label_max``: the widest a mark's
    label may be (a figure on paper lets them run to the plot's edge); ``label_share``: the
    most of ``rect``'s width the lane names may take (the first part of a broken axis takes
    the names' room of the whole figure).
    """
    if start is None or end is None:
        start, end = fit_range(marks, buckets)
    lanes = tuple(lanes) if lanes is not None else lanes_of(marks, buckets)
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(rect)
        font = QFont(painter.font())
        metrics = QFontMetricsF(font, painter.device())
        frame = make_frame(rect, lanes, start, end, metrics, label_share)
        _paint_lanes(painter, frame, palette, metrics)
        if not lanes:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(
                rect, int(Qt.AlignmentFlag.AlignCenter), _("Nothing dated to show here.")
            )
            return Picture(frame)
        _paint_axis(painter, frame, palette, font, metrics)
        placed = place(frame, marks, metrics, label_max)
        painter.setClipRect(frame.plot)
        _paint_density(painter, frame, buckets, palette, metrics, level)
        _paint_disputes(painter, placed, palette, frame.plot)
        _paint_marks(painter, placed, palette, metrics, current, focus, frame.plot.right())
        return Picture(frame, placed)
    finally:
        painter.restore()
