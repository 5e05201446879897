"""Timeline geometry (app.charts.timeline_layout): the frame maps days to pixels and back, marks
stack in rows without overlapping, rows sit in the middle of their lane, ranges fit the marks,
and the zoom picks day, month or year buckets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from app.charts import timeline_layout
from db.dto import Ref
from db.timeline import Lane, Mark

pytestmark = pytest.mark.usefixtures("qapp")

LANES = (Lane("event", "Events"), Lane("document", "Documents"))


def _mark(day: str, subject: str, lane: str = "event") -> Mark:
    return Mark(lane, lane, Ref(lane, subject), subject, day, "day", f"label {subject}")


def _frame(days: tuple[date, date]) -> timeline_layout.Frame:
    metrics = QFontMetricsF(QFont())
    return timeline_layout.make_frame(
        QRectF(0, 0, 1000, 400), LANES, days[0].toordinal(), days[1].toordinal(), metrics
    )


def test_days_map_to_pixels_and_back() -> None:
    frame = _frame((date(1935, 7, 1), date(1935, 8, 1)))
    plot = frame.plot
    assert frame.x(frame.t0) == plot.left() and frame.x(frame.t1) == pytest.approx(plot.right())
    x = frame.x(date(1935, 7, 20).toordinal())
    assert frame.day_at(x) == pytest.approx(date(1935, 7, 20).toordinal())
    assert frame.lane_index("document") == 1 and frame.lane_index("death") is None


def test_marks_on_the_same_day_stack_in_rows_without_overlap() -> None:
    frame = _frame((date(1935, 7, 1), date(1935, 8, 1)))
    marks = [_mark("1935-07-27", f"e{i}") for i in range(4)]
    placed = timeline_layout.place(frame, marks, QFontMetricsF(QFont()))
    tops = sorted(p.shape.top() for p in placed)
    assert len(set(tops)) == 4
    band = frame.band(0)
    middle = (tops[0] + tops[-1]) / 2 + timeline_layout.RADIUS
    assert middle == pytest.approx(band.center().y(), abs=timeline_layout.ROW_HEIGHT)


def test_a_day_with_more_marks_than_rows_says_how_many_have_no_label() -> None:
    """Sixteen verdicts on 27 July 1935 had four labels and nothing said there were twelve
    more (new-user trial): the last label still written that day counts them."""
    frame = _frame((date(1935, 7, 1), date(1935, 8, 1)))
    rows = max(1, int((frame.band(0).height() - 4) // timeline_layout.ROW_HEIGHT))
    crowd = [_mark("1935-07-27", f"v{i:02}") for i in range(rows + 5)]
    alone = [_mark("1935-07-10", "a"), _mark("1935-07-12", "b")]
    placed = timeline_layout.place(frame, crowd + alone, QFontMetricsF(QFont()))
    day = [p for p in placed if p.mark.date == "1935-07-27"]
    unlabelled = sum(1 for p in day if p.label is None)
    counted = [p for p in day if p.text.startswith("+")]
    assert unlabelled >= 5 and len(counted) == 1 and counted[0].label is not None
    assert counted[0].text == f"+{unlabelled} · label {counted[0].mark.subject}"
    assert all(not p.text.startswith("+") for p in placed if p.mark.date != "1935-07-27")


def test_a_label_is_cut_where_the_next_mark_of_its_row_begins() -> None:
    frame = _frame((date(1935, 7, 1), date(1935, 7, 11)))
    placed = timeline_layout.place(
        frame, [_mark("1935-07-02", "a"), _mark("1935-07-03", "b")], QFontMetricsF(QFont())
    )
    first = next(p for p in placed if p.mark.subject == "a")
    second = next(p for p in placed if p.mark.subject == "b")
    if first.shape.top() == second.shape.top() and first.label is not None:
        assert first.label.right() <= second.shape.left()


def test_fit_range_pads_the_marks_and_an_empty_timeline_shows_1935() -> None:
    lo, hi = timeline_layout.fit_range([_mark("1935-01-01", "a"), _mark("1935-12-31", "b")])
    assert lo < date(1935, 1, 1).toordinal() and hi > date(1936, 1, 1).toordinal()
    empty = timeline_layout.fit_range([])
    assert date.fromordinal(int(empty[0])).year == 1935


@pytest.mark.parametrize(("days", "level"), [(30, "day"), (365, "month"), (365 * 40, "year")])
def test_the_zoom_picks_the_bucket_size(days: int, level: str) -> None:
    assert timeline_layout.level_for(900, days) == level


def test_a_disputed_mark_is_labelled_with_its_source() -> None:
    m = Mark("event", "event", Ref("event", "e"), "e", "1935-07-25", "day", "Verdict", dispute="g")
    assert timeline_layout.mark_text(m) == "Verdict — no source gives this date"


def test_lanes_without_names_leave_no_label_column() -> None:
    metrics = QFontMetricsF(QFont())
    days = date(1935, 1, 1).toordinal(), date(1936, 1, 1).toordinal()
    rect = QRectF(0, 0, 640, 170)
    named = timeline_layout.make_frame(rect, [Lane("p", "Ekaterina Mukhanova")], *days, metrics)
    bare = timeline_layout.make_frame(rect, [Lane("p", "")], *days, metrics)
    assert named.label_width >= timeline_layout.LABEL_MIN
    assert bare.label_width == timeline_layout.NO_LABEL_WIDTH
    assert bare.plot.width() > named.plot.width()


def test_a_label_may_be_as_wide_as_it_is_asked_to_be() -> None:
    frame = _frame((date(1935, 7, 1), date(1935, 8, 1)))
    metrics = QFontMetricsF(QFont())
    long = Mark("event", "event", Ref("event", "x"), "x", "1935-07-02", "day", "word " * 60)
    (cut,) = timeline_layout.place(frame, [long], metrics)
    (whole,) = timeline_layout.place(frame, [long], metrics, label_max=2000)
    assert cut.label is not None and whole.label is not None
    assert cut.label.width() == timeline_layout.MARK_LABEL_MAX
    assert whole.label.width() == pytest.approx(metrics.horizontalAdvance(long.label) + 2)
