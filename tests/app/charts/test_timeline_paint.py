"""Painting the timeline (app.charts.timeline_paint) onto images: every mark placed in its lane,
days as points and months as spans, a dispute's marks joined and labelled with their sources,
density bars, the current item ringed, hit tests, and colours from a light or dark palette."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from app.charts import timeline_layout, timeline_paint
from app.charts.timeline_layout import Picture
from db import Archive, timeline
from db.dto import Ref
from db.timeline import Bucket, Lane, TimelineSlice

RECT = QRectF(0, 0, 1400, 600)
pytestmark = pytest.mark.usefixtures("qapp")  # fonts and palettes need the application


@pytest.fixture(scope="module")
def july(archive: Archive) -> TimelineSlice:
    with archive.connect() as conn:
        return timeline.kind_slice(conn, "1935-06-01", "1935-08-31", "day")


def _paint(
    s: TimelineSlice, palette: QPalette | None = None, **kw: object
) -> tuple[QImage, Picture]:
    image = QImage(RECT.size().toSize(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    try:
        picture = timeline_paint.paint_timeline(
            painter,
            RECT,
            s.marks,
            palette or QApplication.palette(),
            lanes=s.lanes,
            start=kw.pop("start", float(date(1935, 6, 25).toordinal())),  # type: ignore[arg-type]
            end=kw.pop("end", float(date(1935, 8, 2).toordinal())),  # type: ignore[arg-type]
            buckets=s.buckets,
            **kw,  # type: ignore[arg-type]
        )
    finally:
        painter.end()
    return image, picture


def test_every_mark_is_placed_inside_its_lane(july: TimelineSlice) -> None:
    _image, picture = _paint(july)
    assert {p.mark.key for p in picture.placed} == {m.key for m in july.marks}
    for p in picture.placed:
        index = picture.frame.lane_index(p.mark.lane)
        assert index is not None
        band = picture.frame.band(index)
        assert band.top() <= p.shape.center().y() <= band.bottom()


def test_a_day_is_a_point_and_a_month_a_span_over_the_month(july: TimelineSlice) -> None:
    _image, picture = _paint(july)
    frame = picture.frame
    plenum = next(p for p in picture.placed if p.mark.subject == "ev-1935-june-plenum")
    assert plenum.shape.left() == pytest.approx(frame.x(date(1935, 6, 1).toordinal()))
    assert plenum.shape.right() == pytest.approx(frame.x(date(1935, 7, 1).toordinal()))
    kirov = next(p for p in picture.placed if p.mark.subject == "ev-1935-oso-verdict")
    assert kirov.shape.width() == 2 * timeline_layout.RADIUS


def test_a_disputes_marks_are_labelled_with_their_sources(july: TimelineSlice) -> None:
    _image, picture = _paint(july)
    verdict = [p for p in picture.placed if p.mark.subject == "ev-1935-vk-verdict"]
    assert len(verdict) == 2
    texts = {p.mark.date: p.text for p in verdict}
    # what first (a cut label still says it), then whose date it is
    assert texts["1935-07-25"] == (
        "Military Collegium verdict (according to Бессмертный барак, Муханова Екатерина "
        "Константиновна)"
    )
    assert texts["1935-07-27"].startswith("Military Collegium verdict (according to Пётр Кошель")
    assert texts["1935-07-27"].endswith("and 5 more)")


def _hue_pixels(image: QImage, box: QRectF, colour: QColor, skip: list[QRectF]) -> int:
    """Pixels of ``colour``'s hue in ``box`` (antialiased too), outside the ``skip`` areas."""
    area = box.toAlignedRect().intersected(image.rect())
    n = 0
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            if any(r.contains(x + 0.5, y + 0.5) for r in skip):
                continue
            c = QColor(image.pixel(x, y))
            n += c.hslSaturation() > 40 and abs(c.hslHue() - colour.hslHue()) <= 12
    return n


def test_a_disputes_arc_joins_its_marks_around_the_labels_not_through_them(
    july: TimelineSlice,
) -> None:
    image, picture = _paint(july)
    right = picture.frame.plot.right()
    arcs = timeline_paint.dispute_arcs(picture.placed)
    # the verdict's two dates, in the events' and in the sentences' lane
    assert {a.mark.kind for a, _path in arcs} >= {"event", "sentence"}
    marks = [p.shape.adjusted(-2, -2, 2, 2) for p in picture.placed]
    for a, path in arcs:
        colour = timeline_paint.kind_colour(a.mark.kind, QApplication.palette())
        # Drawn: in its colour, outside the marks it joins.
        assert _hue_pixels(image, path.boundingRect(), colour, marks) > 10, a.mark.key
        # Not through any label of its lane (the old straight line struck them out).
        for p in picture.placed:
            box = timeline_paint.label_box(p, right)
            if box is not None and p.mark.lane == a.mark.lane:
                assert _hue_pixels(image, box, colour, marks) == 0, (a.mark.key, p.text)


def test_a_hit_test_finds_the_mark_under_the_pointer(july: TimelineSlice) -> None:
    _image, picture = _paint(july)
    target = next(p for p in picture.placed if p.mark.subject == "ev-1935-pb-punishments")
    hit = picture.at(target.shape.center())
    assert hit is not None and hit.mark == target.mark
    assert picture.at(picture.frame.rect.topLeft()) is None


def test_the_current_item_is_ringed_in_the_highlight_colour(july: TimelineSlice) -> None:
    palette = QApplication.palette()
    highlight = palette.color(QPalette.ColorRole.Highlight)
    plain, picture = _paint(july)
    ringed, _ = _paint(july, current=Ref("event", "ev-1935-oso-verdict"))
    shape = next(p for p in picture.placed if p.mark.subject == "ev-1935-oso-verdict").shape
    y = int(shape.top() - 3)
    row = range(int(shape.left()) - 2, int(shape.right()) + 3)

    def count(image: QImage) -> int:
        return sum(QColor(image.pixel(x, y)).hue() == highlight.hue() for x in row)

    assert count(ringed) > count(plain)


def test_density_bars_are_drawn_in_their_lane(archive: Archive) -> None:
    with archive.connect() as conn:
        s = timeline.kind_slice(conn, "1935-01-01", "1935-12-31", "month", budget=10)
    image, picture = _paint(
        s, start=float(date(1935, 1, 1).toordinal()), end=float(date(1936, 1, 1).toordinal())
    )
    band = picture.frame.band(picture.frame.lane_index("document") or 0)
    march = picture.frame.x(date(1935, 3, 15).toordinal())
    colour = timeline_paint.kind_colour("document", QApplication.palette())
    bottom = QColor(image.pixel(int(march), int(band.bottom() - 6)))
    assert abs(bottom.hue() - colour.hue()) < 15


class _CountingPainter(QPainter):
    """A painter that keeps every rectangle it is asked to fill (each density bar is one)."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.filled: list[QRectF] = []

    def fillRect(self, *args: object) -> None:
        rect = args[0]
        self.filled.append(QRectF(rect) if isinstance(rect, QRectF) else QRectF())
        super().fillRect(*args)  # type: ignore[call-overload]


def _density(buckets: tuple[Bucket, ...], start: date, end: date) -> list[QRectF]:
    """The rectangles filled painting ``buckets`` (one lane) with ``start``..``end`` in view."""
    image = QImage(RECT.size().toSize(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = _CountingPainter(image)
    try:
        timeline_paint.paint_timeline(
            painter,
            RECT,
            (),
            QApplication.palette(),
            lanes=(Lane("event", "Events"),),
            start=float(start.toordinal()),
            end=float(end.toordinal()),
            buckets=buckets,
            level="day",
        )
    finally:
        painter.end()
    return painter.filled[1:]  # (the first is the lanes' background)


def test_a_density_paint_draws_the_bars_in_view_only_at_the_heights_of_the_whole_load() -> None:
    # A load holds a span more on each side of the view: 90 days, the middle 30 shown, and the
    # busiest day of the load before the view.
    june = date(1935, 6, 1)
    days = [june + timedelta(days=d) for d in range(90)]
    counts = [1000 if d == 10 else 10 + d % 7 for d in range(90)]
    buckets = tuple(
        Bucket("event", day.isoformat(), "day", n) for day, n in zip(days, counts, strict=True)
    )
    july = _density(buckets, date(1935, 7, 1), date(1935, 7, 31))
    assert 30 <= len(july) <= 32  # the days in view (one cut at each edge), not all 90
    # Heights are relative to the busiest day of the whole load (1,000), not of the view (16).
    june_view = _density(buckets, date(1935, 6, 1), date(1935, 6, 30))
    tallest = max(r.height() for r in june_view)
    assert max(r.height() for r in july) == pytest.approx(tallest * 16 / 1000, rel=0.01)


def test_colours_follow_a_dark_palette() -> None:
    light, dark = QPalette(QColor("#f0f0f0")), QPalette(QColor("#202020"))
    assert not timeline_paint.is_dark(light) and timeline_paint.is_dark(dark)
    for kind in timeline.KINDS:
        a, b = timeline_paint.kind_colour(kind, light), timeline_paint.kind_colour(kind, dark)
        assert a.hue() == b.hue() and b.lightness() > a.lightness()


def test_nothing_to_draw_says_so() -> None:
    image, picture = _paint(TimelineSlice((), ()))
    assert picture.placed == [] and not image.isNull()
