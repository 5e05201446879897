"""The timeline's list twin (TimelineListModel): marks and density rows in time order, each
cell words a screen reader can say, the item behind each row, and the model tester's checks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from app import language
from app.widgets.timeline_list import ItemRole, TimelineColumn, TimelineListModel
from db import Archive, timeline
from db.timeline import Bucket, Mark, TimelineSlice
from tests.app.ui_texts import english

__all__ = ["english"]


@pytest.fixture(scope="module")
def july(archive: Archive) -> TimelineSlice:
    with archive.connect() as conn:
        return timeline.kind_slice(conn, "1935-07-01", "1935-07-31", "day", budget=5)


@pytest.fixture
def model(july: TimelineSlice, english: None) -> TimelineListModel:
    m = TimelineListModel()
    m.set_items(july.lanes, july.marks, july.buckets)
    return m


def test_the_model_passes_the_model_tester(
    model: TimelineListModel, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(model)


def test_rows_are_marks_and_density_bars_in_time_order(
    model: TimelineListModel, july: TimelineSlice
) -> None:
    items = [model.data(model.index(r, 0), ItemRole) for r in range(model.rowCount())]
    assert len(items) == len(july.marks) + len(july.buckets)
    assert [i.first for i in items] == sorted(i.first for i in items)
    assert any(isinstance(i, Bucket) for i in items) and any(isinstance(i, Mark) for i in items)


def test_a_density_row_says_its_count(model: TimelineListModel) -> None:
    row = next(r for r in range(model.rowCount()) if isinstance(model.item(r), Bucket))
    assert model.index(row, TimelineColumn.KIND).data() == "density"
    assert model.index(row, TimelineColumn.WHAT).data() == "Sentences: 16 on 27 July 1935"


def test_row_of_finds_a_mark_by_its_key(model: TimelineListModel, july: TimelineSlice) -> None:
    mark = july.marks[0]
    row = model.row_of(mark.key)
    assert row is not None and model.item(row) == mark
    assert model.row_of("nothing") is None and model.item(10**6) is None


def test_tooltips_list_a_disputes_sources(model: TimelineListModel) -> None:
    row = next(
        r
        for r in range(model.rowCount())
        if isinstance(model.item(r), Mark) and model.item(r).dispute  # type: ignore[union-attr]
    )
    tip = model.index(row, TimelineColumn.WHAT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Sources disagree on this date:" in tip


def test_retranslate_says_the_words_in_russian(model: TimelineListModel) -> None:
    language.apply("ru")
    model.retranslate()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Дата"
    assert model.index(0, TimelineColumn.PRECISION).data() == "до дня"
