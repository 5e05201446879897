"""ReadOnlyTable: the parts every small, fully loaded, read-only table model shares.

The timeline's list twin, the graph's edge list and the Notebook pane each hold a few hundred
rows in a Python list and show them read-only, under headers written in English and
translated where shown.  Subclasses set :attr:`HEADERS`, keep their rows in ``self._rows`` and
answer :meth:`data`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from db.i18n import _

Index = QModelIndex | QPersistentModelIndex


class ReadOnlyTable(QAbstractTableModel):
    """Rows in ``self._rows``; columns and their headers from :attr:`HEADERS`."""

    #: Column headers, English marked with ``N_`` (translated where shown).
    HEADERS: ClassVar[Sequence[str]] = ()

    _rows: Sequence[Any]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return _(self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
