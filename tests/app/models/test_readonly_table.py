"""ReadOnlyTable: headers translated from HEADERS, rows from _rows, nothing editable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from app import language
from app.models.readonly_table import Index, ReadOnlyTable
from db.i18n import N_


class _Two(ReadOnlyTable):
    HEADERS = (N_("Date"), N_("Sources"))

    def __init__(self) -> None:
        super().__init__()
        self._rows = [("1935", "a"), ("1936", "b"), ("1937", "c")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self._rows[index.row()][index.column()]
        return None


def test_a_read_only_table_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = _Two()
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    flags = model.flags(model.index(1, 1))
    assert not flags & Qt.ItemFlag.ItemIsEditable and flags & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_headers_speak_the_interface_language(qapp: object) -> None:
    model = _Two()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    assert model.headerData(5, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    language.apply("ru")
    try:
        assert model.headerData(1, Qt.Orientation.Horizontal) == "Источники"
    finally:
        language.apply("en")
