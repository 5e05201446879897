"""TimelineListModel: the timeline's marks and density bars as table rows (its accessible twin).

One row per mark the view holds (date as words, precision, lane, kind, label, and for a
disputed date the sources that give it) and one per density bar, in time order — what a
screen reader or the keyboard walks instead of the drawing.  Small (the view holds a few
thousand rows at most) and fully loaded; no database access here.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.charts import timeline_text
from app.models.readonly_table import ReadOnlyTable
from db.i18n import N_, _
from db.timeline import KIND_LANES, Bucket, Lane, Mark

#: The role that returns the row's Mark or Bucket.
ItemRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class TimelineColumn(IntEnum):
    """Columns of the list."""

    DATE = 0
    PRECISION = 1
    LANE = 2
    KIND = 3
    WHAT = 4
    SOURCES = 5


HEADERS = (N_("Date"), N_("Precision"), N_("Lane"), N_("Kind"), N_("What"), N_("Sources"))


class TimelineListModel(ReadOnlyTable):
    """The rows of :class:`app.widgets.timeline_view.TimelineView`'s list."""

    HEADERS = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Mark | Bucket] = []
        self._lanes: dict[str, str] = {}
        self._cells: list[tuple[str, ...]] = []
        self._row_of: dict[str, int] = {}

    def set_items(
        self, lanes: Sequence[Lane], marks: Sequence[Mark], buckets: Sequence[Bucket]
    ) -> None:
        """Show ``marks`` and ``buckets`` (merged in time order)."""
        self.beginResetModel()
        self._lanes = {lane.key: lane.label for lane in lanes}
        items: list[Mark | Bucket] = [*marks, *buckets]
        order = {key: n for n, key in enumerate(self._lanes)}
        items.sort(key=lambda i: (i.first, i.last, order.get(i.lane, len(order))))
        self._rows = items
        self._format()
        self._row_of = {i.key: n for n, i in enumerate(items) if isinstance(i, Mark)}
        self.endResetModel()

    def retranslate(self) -> None:
        """Words again in the language now in use (the items themselves are kept)."""
        self._format()
        if self._rows:
            last = self.index(len(self._rows) - 1, len(TimelineColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(TimelineColumn) - 1)

    def _format(self) -> None:
        self._cells = [self._cells_of(i) for i in self._rows]

    def _cells_of(self, item: Mark | Bucket) -> tuple[str, ...]:
        date = timeline_text.date_text(item.date, item.precision)
        precision = timeline_text.precision_text(item.precision)
        lane = self._lanes.get(item.lane, KIND_LANES.get(item.lane, item.lane))
        if isinstance(item, Mark):
            return (
                date,
                precision,
                lane,
                timeline_text.kind_name(item.kind),
                item.label,
                timeline_text.sources_text(item),
            )
        return (date, precision, lane, _("density"), timeline_text.bucket_text(item), "")

    # -- lookups ---------------------------------------------------------------------------

    def item(self, row: int) -> Mark | Bucket | None:
        """The mark or bucket of ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int | None:
        """Row of the mark with :attr:`Mark.key` ``key``."""
        return self._row_of.get(key)

    # -- Qt model --------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            item = self._rows[index.row()]
            if isinstance(item, Mark):
                group = [m for m in self._rows if isinstance(m, Mark) and m.dispute == item.dispute]
                return timeline_text.mark_tooltip(item, group if item.dispute else ())
            return timeline_text.bucket_text(item)
        if role == ItemRole:
            return self._rows[index.row()]
        return None
