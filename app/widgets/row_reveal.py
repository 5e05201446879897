"""Select and show one row of a table view without announcing it (shared by the list panes)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker
from PySide6.QtWidgets import QAbstractItemView, QTableView


def reveal_row(view: QTableView, row: int | None) -> bool:
    """Make ``row`` current, selected and centred (no selection signals); None clears the
    selection.  Returns whether a row is shown."""
    selection = view.selectionModel()
    with QSignalBlocker(selection):
        if row is None:
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            view.viewport().update()
            return False
        index = view.model().index(row, 0)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
    view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
    view.viewport().update()
    return True
