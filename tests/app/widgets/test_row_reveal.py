"""reveal_row: a row made current and selected without selection signals; None clears."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from app.widgets.row_reveal import reveal_row


def _view(qtbot: QtBot) -> QTableView:
    model = QStandardItemModel()
    for i in range(50):
        model.appendRow([QStandardItem(f"row {i}")])
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    return view


def test_a_row_is_selected_and_current_and_no_selection_signal_is_sent(qtbot: QtBot) -> None:
    view = _view(qtbot)
    changes: list[object] = []
    view.selectionModel().currentRowChanged.connect(lambda *a: changes.append(a))
    view.selectionModel().selectionChanged.connect(lambda *a: changes.append(a))
    assert reveal_row(view, 30)
    assert view.currentIndex().row() == 30
    assert [i.row() for i in view.selectionModel().selectedRows()] == [30]
    assert changes == []


def test_none_clears_the_selection(qtbot: QtBot) -> None:
    view = _view(qtbot)
    reveal_row(view, 3)
    assert not reveal_row(view, None)
    assert not view.currentIndex().isValid()
    assert view.selectionModel().selectedRows() == []
