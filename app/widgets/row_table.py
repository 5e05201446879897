"""row_table: a read-only table of whole rows, set up the one way the panes' lists are.

The timeline's and the graph's list twins and the Notebook pane show small models as rows
chosen one at a time: rows selected whole, no word wrap, fixed row height from the font, no
row numbers, Tab leaving the table (not moving between cells), interactive column widths.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def row_table(parent: QWidget, name: str, model: QAbstractItemModel) -> QTableView:
    """A :class:`QTableView` named ``name`` showing ``model``, set up as above."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(parent.fontMetrics().height() + 8)
    rows.hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view
