"""The timeline drawing on its own (TimelineCanvas): the visible range keeps within bounds
whatever is asked, zoom keeps the day under the pointer, a click on a density bar zooms into
it, tooltips name marks and bars, and the keyboard stops at the first and last mark."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from app.charts import timeline_axis
from app.widgets.timeline_canvas import MIN_SPAN, TimelineCanvas
from db import Archive, timeline
from db.timeline import TimelineSlice
from tests.app.conftest import _delete
from tests.app.ui_texts import english

__all__ = ["english"]


@pytest.fixture(scope="module")
def year(archive: Archive) -> TimelineSlice:
    with archive.connect() as conn:
        return timeline.kind_slice(conn, "1935-01-01", "1935-12-31", "month", budget=60)


@pytest.fixture
def canvas(qtbot: QtBot, year: TimelineSlice, english: None) -> Iterator[TimelineCanvas]:
    c = TimelineCanvas()
    qtbot.addWidget(c)
    c.resize(900, 420)
    c.show()
    qtbot.waitExposed(c)
    c.set_content(year.lanes, year.marks, year.buckets)
    c.set_range(date(1935, 1, 1).toordinal(), date(1936, 1, 1).toordinal())
    yield c
    _delete([c])


@pytest.mark.parametrize(
    ("t0", "t1"),
    [
        (float("nan"), 5.0),
        (-1e15, 1e15),
        (800_000.0, 800_000.0),
        (timeline_axis.MAX_DAY + 10.0, timeline_axis.MAX_DAY + 20.0),
    ],
)
def test_the_range_stays_within_the_years_an_archive_may_hold(
    canvas: TimelineCanvas, t0: float, t1: float
) -> None:
    canvas.set_range(t0, t1)
    lo, hi = canvas.visible_range()
    assert timeline_axis.MIN_DAY <= lo < hi <= timeline_axis.MAX_DAY
    assert hi - lo >= MIN_SPAN
    canvas.grab()  # and it paints


def test_zoom_keeps_the_day_under_the_anchor(canvas: TimelineCanvas) -> None:
    frame = canvas.picture().frame
    x = frame.plot.left() + 100
    day = frame.day_at(x)
    canvas.zoom(3.0, x)
    assert canvas.picture().frame.day_at(x) == pytest.approx(day)


def _x_of(canvas: TimelineCanvas, key: str) -> float:
    return next(p for p in canvas.picture().placed if p.mark.key == key).shape.center().x()


def test_a_key_zoom_keeps_the_keyboards_mark_then_the_ringed_one_in_place(
    canvas: TimelineCanvas, qtbot: QtBot
) -> None:
    plot = canvas.picture().frame.plot
    shown = [
        p.mark
        for p in canvas.picture().placed
        if plot.left() + 20 < p.shape.center().x() < plot.right() - 20
    ]
    first, last = shown[0], shown[-1]  # near the left and the right: far from the middle
    canvas.set_focus_mark(last.key, reveal=False)
    canvas.set_current(first.ref)
    x = _x_of(canvas, last.key)
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert _x_of(canvas, last.key) == pytest.approx(x, abs=1.5)
    canvas.set_focus_mark(None, reveal=False)
    canvas.set_range(date(1935, 1, 1).toordinal(), date(1936, 1, 1).toordinal())
    x = _x_of(canvas, first.key)
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert _x_of(canvas, first.key) == pytest.approx(x, abs=1.5)


def test_a_click_on_a_density_bar_zooms_into_its_period(canvas: TimelineCanvas) -> None:
    frame = canvas.picture().frame
    lane = frame.lane_index("document")
    assert lane is not None
    march = QPointF(frame.x(date(1935, 3, 15).toordinal()), frame.band(lane).bottom() - 8)
    bucket = canvas.bucket_at(march)
    assert bucket is not None and bucket.date == "1935-03"
    assert canvas.tooltip_at(march) == f"Documents: {bucket.n} in March 1935"
    canvas.click(march)
    lo, hi = canvas.visible_range()
    assert lo == pytest.approx(date(1935, 3, 1).toordinal() - 0.5)
    assert hi == pytest.approx(date(1935, 4, 1).toordinal() + 0.5)


def test_a_marks_tooltip_names_it(canvas: TimelineCanvas) -> None:
    placed = next(p for p in canvas.picture().placed if p.mark.kind == "arrest")
    assert "Arrest of Boris Rosenfeld" in canvas.tooltip_at(placed.shape.center())
    assert canvas.tooltip_at(QPointF(2, 2)) == ""


def test_the_keyboard_stops_at_the_last_mark(canvas: TimelineCanvas, qtbot: QtBot) -> None:
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_End)
    last = canvas.focus_key()
    assert last == canvas.picture().placed[-1].mark.key
    with qtbot.assertNotEmitted(canvas.focus_moved):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.focus_key() == last
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.focus_key() == canvas.picture().placed[0].mark.key


def test_shift_arrows_pan_and_zero_asks_to_fit(canvas: TimelineCanvas, qtbot: QtBot) -> None:
    lo, hi = canvas.visible_range()
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert canvas.visible_range()[0] == pytest.approx(lo + (hi - lo) * 0.15)
    with qtbot.waitSignal(canvas.fit_requested):
        qtbot.keyClick(canvas, Qt.Key.Key_0)
