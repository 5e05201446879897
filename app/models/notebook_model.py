"""NotebookModel: the reader's marked records as a table (bookmark, kind, record, tags, note,
changed).

The notebook of one archive holds what one reader marked — hundreds of rows, not millions —
so the model holds its :class:`db.notebook.Entry` list whole and is refilled on every change.
Records the open archive no longer holds (orphans of an older data version) stay, named by
the label stored when they were marked and shown in grey italics with a tooltip saying so.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.models.columns import IdRole, cell_text, cell_tooltip
from db import vocab
from db.dto import Ref
from db.i18n import N_, _
from db.notebook import Entry

Index = QModelIndex | QPersistentModelIndex

#: Longest note excerpt a row shows (the whole note is in the detail view's editor).
EXCERPT = 160

#: Record kinds as the Kind column says them (English, marked; translated where shown).
KIND_NAMES = {
    "person": N_("person"),
    "event": N_("event"),
    "document": N_("document"),
    "source": N_("source"),
    "claim": N_("claim"),
}

#: The role that gives a row's :class:`db.dto.Ref` (None for a claim, which has no page).
RefRole = IdRole


class NotebookColumn(enum.IntEnum):
    """Columns of the Notebook pane."""

    BOOKMARK = 0
    KIND = 1
    RECORD = 2
    TAGS = 3
    NOTE = 4
    CHANGED = 5


HEADERS = {
    NotebookColumn.BOOKMARK: "★",
    NotebookColumn.KIND: N_("Kind"),
    NotebookColumn.RECORD: N_("Record"),
    NotebookColumn.TAGS: N_("Tags"),
    NotebookColumn.NOTE: N_("Note"),
    NotebookColumn.CHANGED: N_("Changed"),
}


def kind_name(kind: str) -> str:
    """``person`` → «лицо» in Russian (the Kind column)."""
    return _(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


class NotebookModel(QAbstractTableModel):
    """Marked records of the open archive, newest change first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._orphans: frozenset[Ref] = frozenset()
        self._labels: dict[Ref, str] = {}

    def set_entries(
        self,
        entries: Sequence[Entry],
        orphans: frozenset[Ref],
        labels: Mapping[Ref, str] | None = None,
    ) -> None:
        """Show ``entries``; ``orphans`` are those the open archive no longer holds;
        ``labels``: the records' names as the archive gives them now, in the interface
        language (else the label stored when they were marked)."""
        self.beginResetModel()
        self._entries = list(entries)
        self._orphans = orphans
        self._labels = dict(labels or {})
        self.endResetModel()

    def entry_at(self, row: int) -> Entry | None:
        """The entry of ``row``."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def is_orphan(self, row: int) -> bool:
        """True when the open archive no longer holds the record of ``row``."""
        entry = self.entry_at(row)
        return entry is not None and entry.ref in self._orphans

    def row_of(self, ref: Ref) -> int | None:
        """The row of ``ref``, if it is marked."""
        for row, entry in enumerate(self._entries):
            if entry.ref == ref:
                return row
        return None

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(NotebookColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or section not in range(len(NotebookColumn)):
            return None
        column = NotebookColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            head = HEADERS[column]
            return head if column == NotebookColumn.BOOKMARK else _(head)
        if role == Qt.ItemDataRole.ToolTipRole and column == NotebookColumn.BOOKMARK:
            return _("Bookmarked")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = NotebookColumn(index.column())
        orphan = entry.ref in self._orphans
        if role == RefRole:
            return entry.ref
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column, orphan)
        if role == Qt.ItemDataRole.ToolTipRole:
            if orphan and column == NotebookColumn.RECORD:
                return cell_tooltip(
                    _("{record} — no longer in this archive (kept in your notebook)").format(
                        record=entry.label or entry.ref.id
                    )
                )
            if column in (NotebookColumn.NOTE, NotebookColumn.RECORD, NotebookColumn.TAGS):
                return cell_tooltip(str(self._full(entry, column)))
            return None
        if role == Qt.ItemDataRole.FontRole and orphan:
            font = QFont(QApplication.font())
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and orphan:
            return QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NotebookColumn.BOOKMARK:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _full(self, entry: Entry, column: NotebookColumn) -> str:
        if column == NotebookColumn.NOTE:
            return entry.note
        if column == NotebookColumn.TAGS:
            return ", ".join(entry.tags)
        return self._label(entry)

    def _label(self, entry: Entry) -> str:
        return self._labels.get(entry.ref) or entry.label or entry.ref.id

    def _text(self, entry: Entry, column: NotebookColumn, orphan: bool) -> str:
        if column == NotebookColumn.BOOKMARK:
            return "★" if entry.bookmarked else ""
        if column == NotebookColumn.KIND:
            return kind_name(entry.ref.kind)
        if column == NotebookColumn.RECORD:
            label = cell_text(self._label(entry))
            return (
                _("{record} (no longer in this archive)").format(record=label) if orphan else label
            )
        if column == NotebookColumn.TAGS:
            return cell_text(", ".join(entry.tags))
        if column == NotebookColumn.NOTE:
            note = " ".join(entry.note.split())
            return cell_text(note[:EXCERPT] + ("…" if len(note) > EXCERPT else ""))
        local = entry.changed.astimezone()
        return f"{vocab.format_date(local.date().isoformat(), 'day')} {local:%H:%M}"
