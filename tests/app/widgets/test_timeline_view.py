"""The timeline pane on the bundled archive, driven like a reader: the list twin passes the model
tester and holds what the drawing holds; a click, an arrow key or a list row emits the mark's
Ref; zoom and pan change the visible range and load only around it; the current item is ringed;
lanes by kind or by person; a language switch speaks Russian; exports are valid files."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QWheelEvent
from PySide6.QtSvg import QSvgRenderer
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import language
from app.charts import timeline_axis
from app.widgets.timeline_list import ItemRole, TimelineColumn
from app.widgets.timeline_view import TimelineView
from db import Archive, open_archive, synth, timeline
from db.dto import Ref
from db.timeline import Mark
from tests.app.conftest import _delete
from tests.app.ui_texts import english

__all__ = ["english"]


@pytest.fixture
def view(qtbot: QtBot, archive: Archive) -> Iterator[TimelineView]:
    """The pane at about 60 % of a 1600×1000 window, showing the bundled archive."""
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(960, 760)
    v.show()
    qtbot.waitExposed(v)
    with qtbot.waitSignal(v.loaded, timeout=30_000):
        v.set_source(archive)
    yield v
    v.wait()
    _delete([v])


def _settle(qtbot: QtBot, v: TimelineView) -> None:
    """Wait until no load is in flight (a zoom or pan starts one at once)."""
    qtbot.waitUntil(lambda: not v._runner.busy, timeout=30_000)


def _mark(v: TimelineView, subject: str, date: str | None = None) -> Mark:
    return next(
        m for m in v.canvas.marks() if m.subject == subject and (date is None or m.date == date)
    )


def _centre(v: TimelineView, mark: Mark) -> QPoint:
    placed = next(p for p in v.canvas.picture().placed if p.mark.key == mark.key)
    return placed.shape.center().toPoint()


# -- the list twin ------------------------------------------------------------------------------


def test_the_list_model_passes_the_model_tester(
    view: TimelineView, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(view.model)


def test_the_list_holds_the_marks_the_drawing_holds(view: TimelineView) -> None:
    rows = [view.model.item(r) for r in range(view.model.rowCount())]
    assert {m.key for m in rows if isinstance(m, Mark)} == {m.key for m in view.canvas.marks()}
    assert view.list.objectName() == "timelineList" and view.list.isVisible()
    assert view.list.accessibleName() == "Timeline list"


def test_a_list_row_says_date_precision_kind_and_the_sources_of_a_dispute(
    view: TimelineView,
) -> None:
    row = view.model.row_of(_mark(view, "ev-1935-vk-verdict", "1935-07-25").key)
    assert row is not None
    cells = [view.model.index(row, c).data() for c in TimelineColumn]
    assert cells[:5] == [
        "25 July 1935",
        "to the day",
        "Events",
        "event",
        "Military Collegium verdict",
    ]
    assert "Бессмертный барак" in cells[TimelineColumn.SOURCES]
    month = view.model.row_of(_mark(view, "ev-1935-june-plenum").key)
    assert month is not None
    assert view.model.index(month, TimelineColumn.DATE).data() == "June 1935"
    assert view.model.index(month, TimelineColumn.PRECISION).data() == "to the month"
    # an undisputed mark names its record's sources too (the column was empty but for disputes)
    plenum = _mark(view, "ev-1935-june-plenum")
    cell = view.model.index(month, TimelineColumn.SOURCES).data()
    assert plenum.sources and cell.split("; ") == [s.label for s in plenum.sources]


def test_choosing_a_list_row_emits_its_ref(view: TimelineView, qtbot: QtBot) -> None:
    mark = _mark(view, "ev-1934-kirov")
    row = view.model.row_of(mark.key)
    assert row is not None
    with qtbot.waitSignal(view.item_activated) as blocker:
        view.list.selectRow(row)
    assert blocker.args == [Ref("event", "ev-1934-kirov")]
    assert view.canvas.focus_key() == mark.key


# -- clicks and keys ----------------------------------------------------------------------------


def test_clicking_a_mark_emits_its_ref(view: TimelineView, qtbot: QtBot) -> None:
    view.set_visible_range("1935-07-20", "1935-07-31")
    _settle(qtbot, view)
    mark = _mark(view, "ev-1935-vk-verdict", "1935-07-25")
    with qtbot.waitSignal(view.item_activated) as blocker:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=_centre(view, mark))
    assert blocker.args == [Ref("event", "ev-1935-vk-verdict")]
    row = view.list.currentIndex().row()
    assert view.model.data(view.model.index(row, 0), ItemRole) == mark


def test_clicking_a_sentence_opens_its_person(view: TimelineView, qtbot: QtBot) -> None:
    view.set_visible_range("1937-08-15", "1937-08-25")
    _settle(qtbot, view)
    mark = _mark(view, "s-peterson-rudolf-1937")
    with qtbot.waitSignal(view.item_activated) as blocker:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=_centre(view, mark))
    assert blocker.args == [Ref("person", "peterson-rudolf")]


def test_the_arrow_keys_move_between_marks_in_time(view: TimelineView, qtbot: QtBot) -> None:
    view.canvas.setFocus()
    order = [p.mark for p in view.canvas.picture().placed]
    with qtbot.waitSignal(view.item_activated):
        view.canvas.set_focus_mark(order[3].key)
        qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert view.canvas.focus_key() == order[4].key
    with qtbot.waitSignal(view.item_activated) as blocker:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Left)
    assert view.canvas.focus_key() == order[3].key and blocker.args == [order[3].ref]
    assert view.list.currentIndex().row() == view.model.row_of(order[3].key)


def test_up_and_down_move_to_the_nearest_mark_of_the_next_lane(
    view: TimelineView, qtbot: QtBot
) -> None:
    view.canvas.set_focus_mark(_mark(view, "ev-1935-rozenfeld-arrests").key)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Down)
    focus = next(m for m in view.canvas.marks() if m.key == view.canvas.focus_key())
    assert focus.lane == "document"
    qtbot.keyClick(view.canvas, Qt.Key.Key_Up)
    focus = next(m for m in view.canvas.marks() if m.key == view.canvas.focus_key())
    assert focus.lane == "event"


def test_enter_opens_the_mark_in_focus(view: TimelineView, qtbot: QtBot) -> None:
    view.canvas.set_focus_mark(_mark(view, "doc-5077", "1935-03-27").key)
    with qtbot.waitSignal(view.item_activated) as blocker:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert blocker.args == [Ref("document", "doc-5077")]


# -- zoom and pan --------------------------------------------------------------------------------


def _span(v: TimelineView) -> float:
    t0, t1 = v.canvas.visible_range()
    return t1 - t0


def test_plus_and_minus_zoom_in_and_out_by_their_steps(view: TimelineView, qtbot: QtBot) -> None:
    before = _span(view)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    assert _span(view) == pytest.approx(before / 1.25)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Minus)
    assert _span(view) == pytest.approx(before)
    view.zoom_in_button.click()
    assert _span(view) == pytest.approx(before / 2)


def _shows(v: TimelineView, day: str) -> bool:
    t0, t1 = v.canvas.visible_range()
    return t0 <= date.fromisoformat(day).toordinal() < t1


def test_zooming_in_from_the_fit_stays_on_the_case_not_the_empty_middle(
    view: TimelineView, qtbot: QtBot
) -> None:
    # Fitted, the archive runs from the 1920s to a 1989 rehabilitation: the middle of the
    # axis is empty years, and three zooms around it showed 1944 to 1947, nothing drawn.
    view.fit_all()
    _settle(qtbot, view)
    t0, t1 = view.canvas.visible_range()
    middle = date.fromordinal(int((t0 + t1) / 2))
    assert not 1934 <= middle.year <= 1936
    for _ in range(3):
        view.zoom_in_button.click()
        _settle(qtbot, view)
    assert _shows(view, "1935-03-01")  # where most marks are
    assert len([p for p in view.canvas.picture().placed if p.label is not None]) > 10


def test_the_wheel_zooms_around_the_pointer(view: TimelineView) -> None:
    frame = view.canvas.picture().frame
    x = frame.plot.left() + frame.plot.width() * 0.25
    day = frame.day_at(x)
    event = QWheelEvent(
        QPointF(x, 200),
        QPointF(view.canvas.mapToGlobal(QPoint(int(x), 200))),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    before = _span(view)
    view.canvas.wheelEvent(event)
    assert _span(view) == pytest.approx(before / 1.25)
    assert view.canvas.picture().frame.day_at(x) == pytest.approx(day)


def test_a_drag_pans_and_fit_all_shows_the_whole_case(view: TimelineView, qtbot: QtBot) -> None:
    start = view.canvas.visible_range()
    assert view.visible_range()[0] < "1933-06-04" and view.visible_range()[1] > "1988-12-31"
    centre = view.canvas.rect().center()
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(view.canvas, centre + QPoint(-200, 0))
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=centre + QPoint(-200, 0))
    assert view.canvas.visible_range()[0] > start[0] + 1
    view.fit_button.click()
    assert view.canvas.visible_range() == pytest.approx(start)


def test_zooming_in_loads_only_around_the_visible_range(view: TimelineView, qtbot: QtBot) -> None:
    view.set_visible_range("1935-03-01", "1935-03-31")
    _settle(qtbot, view)
    s = view.slice()
    assert s is not None and s.lo is not None and s.hi is not None
    assert "1935-01-01" <= s.lo <= "1935-02-01" and "1935-04-30" <= s.hi <= "1935-05-31"
    assert s.total("document") < 292 and s.total("event") < 47
    assert all(m.dispute or (m.date[:7] >= s.lo[:7] and m.date <= s.hi) for m in s.marks)


def test_a_dense_lane_comes_as_bars_until_zoomed_in(qtbot: QtBot, tmp_path: Path) -> None:
    archive = open_archive(synth.build_synthetic(600, tmp_path / "s.sqlite", seed=5).path)
    v = TimelineView()
    qtbot.addWidget(v)
    v.budget = 40
    v.resize(960, 700)
    v.show()
    try:
        with qtbot.waitSignal(v.loaded, timeout=30_000):
            v.set_source(archive)
        s = v.slice()
        assert s is not None and set(s.dense) >= {"event", "document", "sentence"}
        assert all(len([m for m in s.marks if m.lane == lane]) == 0 for lane in s.dense)
        assert v.model.rowCount() == len(s.buckets) + len(s.marks)
        assert "counts per" in v.status.text()
        first = s.buckets[0]
        v.set_visible_range(first.date[:7], first.date[:7])  # one month
        _settle(qtbot, v)
        narrow = v.slice()
        assert narrow is not None and narrow is not s
        for lane in ("event", "document", "sentence"):
            assert len({m.subject for m in narrow.marks if m.lane == lane}) <= 40
    finally:
        v.wait()
        archive.close()
        _delete([v])


# -- current item and lanes ----------------------------------------------------------------------


def _ring_pixels(v: TimelineView, mark: Mark) -> int:
    image = v.canvas.grab().toImage()
    highlight = v.canvas.palette().color(QPalette.ColorRole.Highlight)
    shape = next(p for p in v.canvas.picture().placed if p.mark.key == mark.key).shape
    ring = shape.adjusted(-4, -4, 4, 4).toRect()
    n = 0
    for x in range(ring.left(), ring.right() + 1):
        for y in (ring.top(), ring.top() + 1, ring.bottom() - 1, ring.bottom()):
            c = QColor(image.pixel(x, y))
            if abs(c.hue() - highlight.hue()) < 12 and c.saturation() > 80:
                n += 1
    return n


def test_the_current_item_is_ringed_and_chosen_in_the_list(
    view: TimelineView, qtbot: QtBot
) -> None:
    view.set_visible_range("1934-11-20", "1934-12-10")
    _settle(qtbot, view)
    kirov = _mark(view, "ev-1934-kirov")
    assert _ring_pixels(view, kirov) == 0
    with qtbot.assertNotEmitted(view.item_activated):
        view.set_current(Ref("event", "ev-1934-kirov"))
    assert view.canvas.current() == Ref("event", "ev-1934-kirov")
    assert _ring_pixels(view, kirov) > 10
    assert view.list.currentIndex().row() == view.model.row_of(kirov.key)


def test_a_zoom_loads_at_once_and_zooms_during_a_load_ask_once_more(
    view: TimelineView, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No delay before a range loads (issue 14: the user waited 120 ms after every zoom), and
    zooms while a load is on its way wait for its answer, then load the newest range once."""
    submitted: list[int] = []
    submit = view._runner.submit

    def counted(fn: Callable[[], Any], on_result: Callable[[Any], None]) -> int:
        submitted.append(1)
        return submit(fn, on_result)

    monkeypatch.setattr(view._runner, "submit", counted)
    view.set_visible_range("1935-07-01", "1935-07-31")  # from years to days: a new level
    assert len(submitted) == 1 and view._runner.busy  # in the same call: no timer ran
    for year in ("1920", "1960"):
        view.set_visible_range(f"{year}-01-01", f"{year}-12-31")
    assert len(submitted) == 1  # the answer in flight is not delivered before the event loop
    _settle(qtbot, view)
    assert len(submitted) == 2  # one more, for where the view is now
    assert view._loaded is not None
    lo, hi, level = view._loaded
    t0, t1 = view.canvas.visible_range()
    assert lo <= t0 and t1 <= hi and level == view.canvas.level()
    view.set_visible_range("1961-01-01", "1961-12-31")  # a year on: loaded, same level
    assert len(submitted) == 2 and not view._runner.busy


def test_person_lanes_follow_the_current_person(view: TimelineView, qtbot: QtBot) -> None:
    view.set_current(Ref("person", "rozenfeld-boris"))
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.set_mode("person")
    assert [lane.key for lane in view.canvas.lanes()] == ["person:rozenfeld-boris"]
    assert {m.date for m in view.canvas.marks() if m.kind == "arrest"} == {
        "1935-01-27",
        "1935-01-31",
    }
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.set_current(Ref("person", "kamenev-lev"))
    assert [lane.key for lane in view.canvas.lanes()] == ["person:kamenev-lev"]
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.set_people(["kamenev-lev", "cherniavsky-mikhail", "nobody"])
    assert view.mode() == "people" and len(view.canvas.lanes()) == 2
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.set_people([])
    assert view.mode() == "kind" and len(view.canvas.lanes()) == 5


def test_back_on_the_lanes_by_kind_the_days_shown_are_kept(
    view: TimelineView, qtbot: QtBot
) -> None:
    view.set_current(Ref("person", "mukhanova-ekaterina"))
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.set_mode("person")
    assert view.status.text() == f"{len(view.canvas.marks())} dated marks"
    view.set_visible_range("1934-12-01", "1935-02-28")
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.set_mode("kind")
    assert view.visible_range() == ("1934-12-01", "1935-03-01")
    assert any(m.subject == "ev-1934-kirov" for m in view.canvas.marks())


def test_without_a_person_the_person_mode_says_what_to_do(view: TimelineView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.set_mode("person")
    assert view.canvas.lanes() == ()
    assert "Choose a person" in view.status.text()


def test_reload_reads_a_new_archive(view: TimelineView, qtbot: QtBot, tmp_path: Path) -> None:
    other = open_archive(synth.build_synthetic(150, tmp_path / "s.sqlite", seed=6).path)
    try:
        with qtbot.waitSignal(view.loaded, timeout=30_000):
            view.set_source(other)
        assert not any(m.subject == "ev-1934-kirov" for m in view.canvas.marks())
        assert view.canvas.marks()
    finally:
        view.wait()
        other.close()


# -- language -------------------------------------------------------------------------------


def test_a_language_switch_retranslates_lanes_axis_list_and_marks(
    view: TimelineView, qtbot: QtBot, english: None
) -> None:
    view.set_visible_range("1935-07-01", "1935-07-31")
    _settle(qtbot, view)
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        language.apply("ru")
    assert [lane.label for lane in view.canvas.lanes()][:3] == ["События", "Документы", "Приговоры"]
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Дата"
    assert view.lanes_label.text() == "&Дорожки:" and view.fit_button.text() == "Показать всё"
    row = view.model.row_of(_mark(view, "ev-1935-vk-verdict", "1935-07-27").key)
    assert row is not None
    assert view.model.index(row, TimelineColumn.DATE).data() == "27 июля 1935 г."
    sentence = _mark(view, "s-cherniavsky-mikhail-1935")
    assert sentence.label.startswith("Чернявский")
    frame = view.canvas.picture().frame
    ticks = timeline_axis.ticks(frame.t0, frame.t1, frame.plot.width(), 120)
    assert "июль 1935 г." in [t.label for t in ticks.major]
    language.apply("en")
    _settle(qtbot, view)
    assert view.canvas.lanes()[0].label == "Events"


# -- export --------------------------------------------------------------------------------------


def test_exports_are_valid_files(view: TimelineView, tmp_path: Path) -> None:
    view.export_png(tmp_path / "t.png")
    image = QImage(str(tmp_path / "t.png"))
    assert not image.isNull() and image.size() == view.canvas.size()
    view.export_svg(tmp_path / "t.svg")
    root = ET.parse(tmp_path / "t.svg").getroot()
    assert root.tag.endswith("svg")
    assert QSvgRenderer(str(tmp_path / "t.svg")).isValid()
    assert "Timeline, 1930-" in (tmp_path / "t.svg").read_text(encoding="utf-8")
    view.export_pdf(tmp_path / "t.pdf")
    data = (tmp_path / "t.pdf").read_bytes()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.pdf", "t.png", "t.svg"]


def test_the_json_export_round_trips(view: TimelineView) -> None:
    text = view.to_json()
    assert timeline.slice_from_json(text) == view.slice()
    assert len(json.loads(text)["marks"]) == len(view.canvas.marks())


def test_an_export_to_a_missing_folder_raises_a_readable_oserror(
    view: TimelineView, tmp_path: Path
) -> None:
    with pytest.raises(OSError, match="Cannot save the timeline"):
        view.export_png(tmp_path / "missing" / "t.png")
    with pytest.raises(OSError, match="does not exist"):
        view.export_pdf(tmp_path / "missing" / "t.pdf")


def test_a_hidden_timeline_reads_nothing_until_it_is_shown(qtbot: QtBot, archive: Archive) -> None:
    v = TimelineView()
    qtbot.addWidget(v)
    v.set_source(archive)  # at start-up the pane is built hidden, behind the People tab
    assert v.slice() is None and not v._runner.busy
    with qtbot.waitSignal(v.loaded, timeout=10_000):
        v.show()
    assert v.slice() is not None
