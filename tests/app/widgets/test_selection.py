"""Selected rows read from the selection's ranges: counts and row lists for single rows, gaps,
overlaps, cells in several columns, Select All, the limit, and a view with no selection model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView
from pytestqt.qtbot import QtBot

from app.widgets import selection
from app.widgets.selection import SELECTION_LIMIT

Flag = QItemSelectionModel.SelectionFlag
ROWS = 40
COLUMNS = 3


def _view(qtbot: QtBot, rows: int = ROWS) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(rows, COLUMNS, view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return view


def _select(
    view: QTableView,
    top: int,
    bottom: int,
    flags: QItemSelectionModel.SelectionFlag = Flag.Select | Flag.Rows,
    column: int = 0,
) -> None:
    model = view.model()
    chosen = QItemSelection(model.index(top, column), model.index(bottom, column))
    view.selectionModel().select(chosen, flags)


@pytest.fixture
def view(qtbot: QtBot) -> QTableView:
    return _view(qtbot)


def test_nothing_selected_is_no_rows(view: QTableView) -> None:
    assert (selection.count(view), selection.rows(view)) == (0, [])


def test_one_row(view: QTableView) -> None:
    view.selectRow(7)
    assert (selection.count(view), selection.rows(view)) == (1, [7])


def test_ranges_with_gaps_are_listed_in_order(view: QTableView) -> None:
    _select(view, 20, 21)
    _select(view, 2, 4)
    _select(view, 30, 30)
    assert selection.count(view) == 6
    assert selection.rows(view) == [2, 3, 4, 20, 21, 30]


@pytest.mark.parametrize(
    ("ranges", "expected"),
    [
        ([(2, 6), (4, 9)], list(range(2, 10))),  # overlapping
        ([(4, 9), (2, 6)], list(range(2, 10))),  # the same, chosen the other way round
        ([(2, 9), (4, 5)], list(range(2, 10))),  # one inside the other
        ([(2, 4), (5, 7)], list(range(2, 8))),  # touching
        ([(3, 3), (3, 3)], [3]),  # the same row twice
    ],
)
def test_overlapping_ranges_count_each_row_once(
    view: QTableView, ranges: list[tuple[int, int]], expected: list[int]
) -> None:
    model = view.model()
    chosen = QItemSelection()
    for top, bottom in ranges:
        # QItemSelection.select keeps overlapping ranges apart (the model's select merges).
        chosen.select(model.index(top, 0), model.index(bottom, COLUMNS - 1))
    view.selectionModel().select(chosen, Flag.ClearAndSelect)
    assert view.selectionModel().selection().count() == len(ranges)  # really overlapping
    assert selection.count(view) == len(expected)
    assert selection.rows(view) == expected


def test_cells_in_several_columns_of_one_row_are_one_row(view: QTableView) -> None:
    _select(view, 5, 8, Flag.Select, column=0)
    _select(view, 6, 10, Flag.Select, column=2)
    assert selection.count(view) == 6
    assert selection.rows(view) == [5, 6, 7, 8, 9, 10]


def test_a_row_taken_out_of_a_range_is_left_out(view: QTableView) -> None:
    _select(view, 0, 9)
    _select(view, 4, 4, Flag.Deselect | Flag.Rows)
    assert selection.count(view) == 9
    assert selection.rows(view) == [0, 1, 2, 3, 5, 6, 7, 8, 9]


def test_select_all_is_every_row(view: QTableView) -> None:
    view.selectAll()
    assert selection.count(view) == ROWS
    assert selection.rows(view) == list(range(ROWS))


def test_select_all_over_more_rows_than_the_limit_stops_at_it(qtbot: QtBot) -> None:
    rows = SELECTION_LIMIT + 2_500
    view = _view(qtbot, rows)
    view.selectAll()
    assert selection.count(view) == rows  # counted from the one range, not walked
    taken = selection.rows(view)
    assert len(taken) == SELECTION_LIMIT and taken == list(range(SELECTION_LIMIT))


@pytest.mark.parametrize(
    ("limit", "expected"),
    [(1, [2]), (3, [2, 3, 4]), (4, [2, 3, 4, 20]), (5, [2, 3, 4, 20, 21]), (99, [2, 3, 4, 20, 21])],
)
def test_a_limit_is_respected_across_ranges(
    view: QTableView, limit: int, expected: list[int]
) -> None:
    _select(view, 2, 4)
    _select(view, 20, 21)
    assert selection.rows(view, limit=limit) == expected
    assert selection.count(view) == 5  # the count is never limited


def test_a_limit_of_zero_gives_no_rows(view: QTableView) -> None:
    view.selectRow(3)
    assert selection.rows(view, limit=0) == []


def test_a_view_without_a_selection_model_has_nothing_selected(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    assert view.selectionModel() is None
    assert (selection.count(view), selection.rows(view)) == (0, [])
