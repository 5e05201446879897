"""The relationship graph as a table: one row per edge, for the keyboard and screen readers.

Columns: from, to, the relation as a sentence naming both (the vocabulary's own sentence: in
Russian a relation's words alone would read the wrong way round between two names), category,
sources (documents for a co-mention).  The
rows are the graph's edges in its own order (ego graphs are small: at most a few hundred), all
formatted when the graph is set; :data:`EdgeIdRole` gives a row's edge id.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from app.models.columns import DISPLAY_LIMIT, cell_tooltip
from app.models.readonly_table import ReadOnlyTable
from db.graph import EgoGraph, GraphEdge, category_label
from db.i18n import N_

#: Role returning the edge id of a row.
EdgeIdRole = Qt.ItemDataRole.UserRole + 1


class EdgeColumn(IntEnum):
    """Columns of :class:`NetworkEdgesModel`."""

    FROM = 0
    TO = 1
    RELATION = 2
    CATEGORY = 3
    SOURCES = 4


HEADERS = (N_("From"), N_("To"), N_("Relation"), N_("Kind of tie"), N_("Sources"))

Index = QModelIndex | QPersistentModelIndex


class NetworkEdgesModel(ReadOnlyTable):
    """The edges of one ego graph (empty before the first)."""

    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._graph: EgoGraph | None = None
        self._rows: list[tuple[str, ...]] = []

    def set_graph(self, graph: EgoGraph | None) -> None:
        """Show the edges of ``graph`` (None: none)."""
        self.beginResetModel()
        self._graph = graph
        self._rows = self._format()
        self.endResetModel()

    def retranslate(self) -> None:
        """Words and names in the interface language now in use."""
        self._rows = self._format()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(EdgeColumn) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(EdgeColumn) - 1)

    def _format(self) -> list[tuple[str, ...]]:
        g = self._graph
        if g is None:
            return []
        rows: list[tuple[str, ...]] = []
        for e in g.edges:
            sentence = g.sentence_of(e)[:DISPLAY_LIMIT]
            rows.append(
                (
                    g.label_of(e.source)[:DISPLAY_LIMIT],
                    g.label_of(e.target)[:DISPLAY_LIMIT],
                    sentence,
                    category_label(e.category),
                    str(len(e.sources)),
                )
            )
        return rows

    def edge_at(self, row: int) -> GraphEdge | None:
        """The edge of ``row``."""
        if self._graph is None or not 0 <= row < len(self._graph.edges):
            return None
        return self._graph.edges[row]

    def row_of(self, edge_id: str) -> int:
        """The row of ``edge_id`` (-1: not shown)."""
        if self._graph is None:
            return -1
        return next((i for i, e in enumerate(self._graph.edges) if e.id == edge_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(row[EdgeColumn.RELATION])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == EdgeColumn.SOURCES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == EdgeIdRole:
            edge = self.edge_at(index.row())
            return edge.id if edge is not None else None
        return None
