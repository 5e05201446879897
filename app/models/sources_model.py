"""SourcesModel: the archive's sources for the Sources pane, paged from SQL with a bounded cache.

The model holds the row count and at most :attr:`SourcesModel.MAX_PAGES` pages of
:data:`db.sources.PAGE_SIZE` rows; a page is one ``ORDER BY … LIMIT … OFFSET`` query
(:mod:`db.sources`).  Sorting asks SQL for the new order (``sort()`` is reimplemented: no proxy
model), filters by kind and language likewise.  A source table is small in every real archive,
so reads are synchronous; a hostile archive with millions of sources still costs one page of
memory.

Signals:
    query_changed(object): the :class:`db.sources.SourceQuery` now shown (after a reset).
    total_changed(int, int): rows shown, sources in the archive.
"""

from __future__ import annotations

from collections import OrderedDict
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.archive_source import ArchiveSource
from app.models.columns import ColumnSpec, IdRole, RowRole, cell_text, cell_tooltip
from app.models.source_vocab import kind_label, language_label
from db import sources, vocab
from db.i18n import N_, _
from db.sources import SourceQuery, SourceRow

Index = QModelIndex | QPersistentModelIndex


class SourceColumn(IntEnum):
    """Columns of the Sources pane."""

    AUTHOR = 0
    TITLE = 1
    YEAR = 2
    KIND = 3
    LANGUAGE = 4
    FACTS = 5


COLUMNS = (
    ColumnSpec("author", N_("Author"), "author", width=170),
    ColumnSpec("title", N_("Title"), "title", width=310),
    ColumnSpec("year", N_("Year"), "year", align_right=True, width=50),
    ColumnSpec("kind", N_("Kind"), "kind", width=130),
    ColumnSpec("language", N_("Language"), "language", width=85),
    ColumnSpec("facts", N_("Facts"), "facts", align_right=True, width=60),
)

#: What the Facts column counts: :data:`db.sources.FACTS_MEANING`, marked for translation here
#: (the pane shows it; a test keeps the two the same).
FACTS_MEANING = N_(
    "Facts this source supports: its field-level claims (a date, a sentence, a figure) "
    "plus the records that name it among their sources."
)


def _text(row: SourceRow, column: SourceColumn) -> str:
    """A cell: archive text as stored; kind and language as words of the interface language."""
    value = getattr(row, COLUMNS[column].attr)
    if value is None:
        return ""
    if column == SourceColumn.KIND:
        return cell_text(kind_label(str(value)))
    if column == SourceColumn.LANGUAGE:
        return cell_text(language_label(str(value)))
    return cell_text(str(value))


class SourcesModel(QAbstractTableModel):
    """Sources in the current sort and filter, fetched a page at a time."""

    MAX_PAGES = 8

    query_changed = Signal(object)
    total_changed = Signal(int, int)

    def __init__(self, source: ArchiveSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive = source
        self._query = SourceQuery()
        self._total = 0
        self._table_total = 0
        self._pages: OrderedDict[int, list[SourceRow]] = OrderedDict()
        #: Page reads so far (tests count them: the cache must keep them bounded).
        self.fetches = 0

    # -- state ----------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[ColumnSpec, ...]:
        """Column specs in display order."""
        return COLUMNS

    @property
    def query(self) -> SourceQuery:
        """The sort and filters shown."""
        return self._query

    @property
    def total(self) -> int:
        """Rows shown."""
        return self._total

    @property
    def table_total(self) -> int:
        """Sources in the archive."""
        return self._table_total

    def set_query(self, query: SourceQuery) -> None:
        """Show ``query``'s rows (one count query; pages are read when painted)."""
        with self._archive.connect() as conn:
            total = sources.count(conn, query)
            table_total = sources.total(conn)
        self.beginResetModel()
        self._query, self._total, self._table_total = query, total, table_total
        self._pages.clear()
        self.endResetModel()
        self.query_changed.emit(query)
        self.total_changed.emit(total, table_total)

    def reload(self) -> None:
        """Read the archive the source holds now, in the default sort with no filter."""
        self.set_query(SourceQuery())

    # -- rows -----------------------------------------------------------------------------

    def _page(self, number: int) -> list[SourceRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        with self._archive.connect() as conn:
            page = sources.page(conn, self._query, number * sources.PAGE_SIZE)
        self.fetches += 1
        self._pages[number] = page
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def row(self, row: int) -> SourceRow | None:
        """The row at index ``row`` (None outside the list)."""
        if not 0 <= row < self._total:
            return None
        page = self._page(row // sources.PAGE_SIZE)
        offset = row % sources.PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def id_at(self, row: int) -> str | None:
        """The source id of row ``row``."""
        item = self.row(row)
        return None if item is None else item.id

    def row_of(self, source_id: str) -> int | None:
        """The row showing ``source_id`` (None: absent or filtered out)."""
        with self._archive.connect() as conn:
            return sources.position(conn, self._query, source_id)

    # -- Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        column = SourceColumn(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if COLUMNS[column].align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, IdRole, RowRole):
            return None
        item = self.row(index.row())
        if item is None:
            return None
        if role == IdRole:
            return item.id
        if role == RowRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == SourceColumn.FACTS:
                return f"{vocab.format_number(item.facts)} — {_(FACTS_MEANING)}"
            return cell_tooltip(_text(item, column)) or None
        return _text(item, column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section].header)
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == SourceColumn.FACTS:
                return _(FACTS_MEANING)
            return _("Sort by {column}").format(column=_(COLUMNS[section].header).lower())
        return None

    def retranslate(self) -> None:
        """Show headers, kinds and languages in the interface language now in use (the pages
        hold archive values only: nothing cached is in the old language)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, len(COLUMNS) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A new SQL order (the view's header click)."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort, self._query.descending):
            self.set_query(self._query.sorted_by(key, descending))

    def set_filter(self, key: str, value: str | None) -> None:
        """Show only sources whose ``key`` (kind, language) is ``value`` (None: every one)."""
        query = self._query.with_filter(key, value)
        if query != self._query:
            self.set_query(query)
