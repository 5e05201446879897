"""row_table: whole rows, one at a time, no row numbers, Tab leaves the table."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget
from pytestqt.qtbot import QtBot

from app.widgets.row_table import row_table


def test_a_row_table_is_set_up_for_choosing_rows(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    model = QStandardItemModel(0, 2, parent)
    model.appendRow([QStandardItem("a"), QStandardItem("b")])
    view = row_table(parent, "someList", model)
    assert view.objectName() == "someList" and view.model() is model
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert not view.wordWrap() and not view.tabKeyNavigation()
    assert view.verticalHeader().isHidden()
    assert view.verticalHeader().defaultSectionSize() == parent.fontMetrics().height() + 8
    resize = view.horizontalHeader().sectionResizeMode(0)
    assert resize == QHeaderView.ResizeMode.Interactive
