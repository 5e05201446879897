"""PagedTableModel: a list pane's rows paged from SQL with a bounded cache.

The model never holds the table.  Unfiltered, it knows only the row count and asks the data
layer for rank ranges; filtered, it holds the ordered primary keys of the subset
(``array('q')``, 8 bytes a row) and fetches pages of them by key.  Pages of
:attr:`PAGE_SIZE` rows live in an LRU of at most :attr:`MAX_PAGES`; a row's display strings
are made once, when it is first shown, and kept with its page (:meth:`display_row`, what the
list's delegate paints from).  Sorting runs a new SQL order (build-time rank columns), never a
proxy model.

Signals:
    query_changed(object): the ListQuery now shown (after a reset).
    total_changed(int, int): rows shown, rows in the whole table.
    rows_arrived(int, int): rows read on a worker are there (a server archive's pages).
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon

from app.archive_source import ArchiveSource
from app.models.columns import (
    TEXT_ALIGNMENT_ROLE,
    ColumnSpec,
    IdRole,
    RowRole,
    cell_tooltip,
    value_text,
)
from app.workers import Runner
from db import listing
from db.dto import ListRow
from db.first_page import UNKNOWN
from db.i18n import _
from db.listing import ListQuery, ListSpec

Index = QModelIndex | QPersistentModelIndex
#: Computes (total, pks or None) for a query; runs on a worker for big archives.
Snapshot = tuple[int, "array[int] | None"]


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_ROLES = frozenset(
    (_DISPLAY, _TOOLTIP, TEXT_ALIGNMENT_ROLE, _DECORATION, int(IdRole), int(RowRole))
)
#: Reads the reader's marks of some ids of the model's kind: id → words (``bookmarked``,
#: ``noted``, ``tagged``, space-separated); unmarked ids are absent.
MarksReader = Callable[[Sequence[str]], dict[str, str]]


class PagedTableModel(QAbstractTableModel):
    """Rows of one entity kind in the current sort and filter, fetched page by page."""

    #: Rows per page: a jump or a filter's first page reads one or two pages, ~10 µs per row
    #: made into a DTO, so a page a little over two screens keeps that time short.
    PAGE_SIZE = 64
    #: Pages kept (8,192 rows); the least recently used goes first.
    MAX_PAGES = 128
    #: Filtered snapshots of tables larger than this are computed on a worker thread.
    ASYNC_ROWS = 50_000
    #: Longest wait of a big filter's full read for its first page to be painted (seconds).
    FIRST_PAINT_WAIT_S = 0.5

    query_changed = Signal(object)
    total_changed = Signal(int, int)
    #: Rows first..last arrived from a worker (a server's pages, see :meth:`row_at`).
    rows_arrived = Signal(int, int)

    def __init__(
        self,
        source: ArchiveSource,
        spec: ListSpec,
        columns: Sequence[ColumnSpec],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._archive = source
        #: Runs a function once the view has painted what it shows now (the list pane sets
        #: it); None: nothing paints this model, the function runs at once.
        self.after_next_paint: Callable[[Callable[[], None]], None] | None = None
        self._spec = spec
        self._columns = tuple(columns)
        self._query = ListQuery(sort=spec.default_sort)
        self._total = 0
        self._table_total = 0
        self._pks: array[int] | None = None
        self._pages: OrderedDict[int, list[ListRow]] = OrderedDict()
        #: The reader's marks (bookmark, note, tags) of each cached page's ids.
        self._marks: dict[int, dict[str, str]] = {}
        #: What each cell of a cached page's rows shows, made when a row is first shown.
        self._texts: dict[int, list[tuple[str, ...] | None]] = {}
        self._read_marks: MarksReader | None = None
        self._mark_icons: dict[str, QIcon] = {}
        self._mark_words: dict[str, str] = {}
        #: Big filters run here, busy until every match is known: first their first page
        #: (with its rows), then the key snapshot (see :meth:`request_query`).
        self.runner = Runner(self)
        self._wanted: ListQuery | None = None
        self._partial = False
        #: On a server, pages missing at paint time are read here (see :meth:`row_at`):
        #: numbers wanted and not yet asked for, and the numbers of the read in flight.
        self.page_runner = Runner(self)
        self._missing: set[int] = set()
        self._in_flight: frozenset[int] = frozenset()

    # -- state ----------------------------------------------------------------------------

    @property
    def spec(self) -> ListSpec:
        """What this model lists."""
        return self._spec

    @property
    def columns(self) -> tuple[ColumnSpec, ...]:
        """Column specs in display order."""
        return self._columns

    @property
    def query(self) -> ListQuery:
        """The sort and filters currently shown."""
        return self._query

    @property
    def total(self) -> int:
        """Rows currently shown."""
        return self._total

    @property
    def table_total(self) -> int:
        """Rows in the whole table (unfiltered)."""
        return self._table_total

    def reload(self) -> None:
        """Show the archive the source holds now, with the default query."""
        self.apply(
            ListQuery(sort=self._spec.default_sort),
            *self.compute(ListQuery(sort=self._spec.default_sort)),
        )

    def compute(self, query: ListQuery) -> Snapshot:
        """Count (and for filtered views, the key snapshot) of ``query``; thread-safe."""
        with self._archive.connect() as conn:
            if not query.filtered:
                return listing.count(conn, self._spec, query), None
            pks = listing.snapshot(conn, self._spec, query)
            return len(pks), pks

    def set_query(self, query: ListQuery) -> None:
        """Show ``query`` now (synchronously)."""
        self.apply(query, *self.compute(query))

    def _remote(self) -> bool:
        """True on a server archive: no statement on the GUI thread after start-up."""
        return bool(getattr(self._archive.info, "server", False))

    def request_query(self, query: ListQuery) -> None:
        """Show ``query``: at once when cheap, else on workers (the newest request wins).

        A filter on a big table is shown in two steps, one after the other on the worker
        stream: its first page with its rows (a few index entries) as soon as it is read,
        then every match (the key snapshot, which also gives the count) appended below
        without a reset.  Not side by side: the two would share one GIL, and the first page
        is what the user waits for.
        """
        if query.filtered and (self._table_total > self.ASYNC_ROWS or self._remote()):
            self._wanted = query
            self.runner.submit(
                lambda: self._head(query), lambda rows: self._apply_head(query, rows)
            )
        else:
            self._wanted = None
            self.runner.cancel()
            self.set_query(query)

    def _head(self, query: ListQuery) -> list[ListRow]:
        with self._archive.connect() as conn:
            return listing.head(conn, self._spec, query, self.PAGE_SIZE)

    def _apply_head(self, query: ListQuery, rows: object) -> None:
        if query != self._wanted or not isinstance(rows, list):
            return  # a newer request
        pks = array("q", (row.pk for row in rows))
        complete = len(pks) < self.PAGE_SIZE  # the head is every match: nothing more to come
        if complete:
            self._wanted = None
        self.apply(query, len(pks), pks, partial=not complete, first_page=rows)
        if not complete:
            # Every match is read next, on the worker, but only once the first page has been
            # painted: a worker reading rows meanwhile takes the GIL from the paint's calls
            # into Python (measured: twice the paint's time at 1M people).
            painted = threading.Event()
            if self.after_next_paint is None:
                painted.set()
            else:
                self.after_next_paint(painted.set)

            def every_match() -> Snapshot:
                painted.wait(self.FIRST_PAINT_WAIT_S)  # no GIL held while waiting
                return self.compute(query)

            self.runner.submit(every_match, lambda result: self._apply_full(query, *result))

    def _apply_full(self, query: ListQuery, total: int, pks: array[int] | None) -> None:
        if query != self._wanted:
            return
        self._wanted = None
        if not self._partial or query != self._query or pks is None:
            self.apply(query, total, pks)
            return
        # The first page is on screen: the rest goes below it, with no reset (the scroll
        # position, the selection and the painted rows stay).
        self._partial = False
        shown = self._total
        self._pks = pks
        if total > shown:
            self.beginInsertRows(QModelIndex(), shown, total - 1)
            self._total = total
            self.endInsertRows()
        self.total_changed.emit(self._total, self._table_total)

    @property
    def partial(self) -> bool:
        """True while only the first page of a big filter is known (the rest is coming)."""
        return self._partial

    def apply(
        self,
        query: ListQuery,
        total: int,
        pks: array[int] | None,
        partial: bool = False,
        first_page: list[ListRow] | None = None,
    ) -> None:
        """Reset to a computed snapshot (called on the GUI thread); ``partial``: its head,
        whose rows (``first_page``) were read with it."""
        self._partial = partial
        self.beginResetModel()
        self._query = query
        self._total = total
        self._pks = pks
        self._pages.clear()
        self._marks.clear()
        self._texts.clear()
        if first_page is not None:
            self._pages[0] = first_page
        self._missing.clear()
        self._in_flight = frozenset()
        self.page_runner.cancel()
        if not query.filtered:
            self._table_total = total
        elif not self._table_total:  # (known on a server: its pane opened unfiltered)
            with self._archive.connect() as conn:
                self._table_total = listing.count(conn, self._spec, ListQuery(query.sort))
        self.endResetModel()
        self.query_changed.emit(query)
        self.total_changed.emit(self._total, self._table_total)

    # -- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    # No flags() here: Qt's own (enabled, selectable, never a parent) is what a row needs, and
    # the table view asks it of every cell it paints — one call into Python less per cell.

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(self._columns[section].header)
        if role == Qt.ItemDataRole.ToolTipRole:
            col = self._columns[section]
            header = _(col.header)
            return _("Sort by {column}").format(column=header.lower()) if col.sort_key else header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for tooltips, size hints, accessibility and the cells the list's delegate leaves
        # to Qt (see app.widgets.paged_cells), many times a paint: plain int roles, no enums.
        if role not in _ROLES or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < self._total:
            return None
        col = self._columns[index.column()]
        if role == TEXT_ALIGNMENT_ROLE:
            return col.alignment
        if role == _DECORATION:
            return self.mark_icon(number) if index.column() == 0 else None
        row = self.row_at(number)
        if row is None:
            return None
        if role == IdRole:
            return row.id
        if role == RowRole:
            return row
        if role == _DISPLAY:
            texts = self.display_row(number)
            return None if texts is None else texts[index.column()]
        value = getattr(row, col.attr)
        text = "" if value is None else str(value)
        if role == _TOOLTIP:
            if not text and col.short_unknown:
                return _(UNKNOWN)  # the cell shows only “?”
            if index.column() == 0 and self._read_marks is not None:
                marks = self._marks_of(number)
                if marks:
                    said = ", ".join(self._mark_words.get(w, w) for w in marks.split())
                    return cell_tooltip(f"{text} — {said}")
        return cell_tooltip(text)

    @property
    def shown_texts(self) -> dict[int, list[tuple[str, ...] | None]]:
        """Page number → what each of its rows shows (None where not made yet): the strings
        :meth:`display_row` keeps. The same dict for the model's life, emptied and refilled
        in place: a delegate may keep it and look a painted cell up without a call."""
        return self._texts

    def display_row(self, row: int) -> tuple[str, ...] | None:
        """What each cell of ``row`` shows, in column order (:func:`value_text`);
        None while its page is on its way from a server.

        Made once per row while its page is cached: the list's delegate paints from it, and
        :meth:`data` answers the display role with it.
        """
        number, offset = divmod(row, self.PAGE_SIZE)
        texts = self._texts.get(number)
        if texts is not None and offset < len(texts):
            shown = texts[offset]
            if shown is not None:
                return shown
        item = self.row_at(row) if 0 <= row < self._total else None
        if item is None:
            return None
        shown = tuple(value_text(getattr(item, col.attr)) for col in self._columns)
        texts = self._texts.get(number)
        if texts is None:
            page = self._pages.get(number)
            if page is None:  # (dropped by the read that brought this row: keep nothing)
                return shown
            texts = self._texts[number] = [None] * len(page)
        texts[offset] = shown
        return shown

    def retranslate(self) -> None:
        """Show the rows and headers in the interface language now in use.

        Cached pages hold labels made in the old language (roles, tribunals, sentences,
        dates): they are dropped and the visible rows read again.
        """
        self._pages.clear()
        self._marks.clear()
        self._texts.clear()
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._total:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._total - 1, len(self._columns) - 1)
            )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        q = self._query
        self.request_query(ListQuery(key, descending, q.filters, q.pks))

    # -- the reader's marks ----------------------------------------------------------------

    def set_marks(
        self, read: MarksReader | None, icons: dict[str, QIcon], words: dict[str, str]
    ) -> None:
        """Show the reader's marks as an icon in the first column: ``read`` gives them for a
        page's ids (one query per page shown), ``icons`` and ``words`` (tooltip) per mark;
        the first mark of a row (bookmarked, noted, tagged) chooses its icon."""
        self._read_marks = read
        self._mark_icons = dict(icons)
        self._mark_words = dict(words)
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """The marks changed: read them again for the rows shown."""
        self._marks.clear()
        if self._total:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self._total - 1, 0),
                [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole],
            )

    def _marks_of(self, row: int) -> str:
        number = row // self.PAGE_SIZE
        page_marks = self._marks.get(number)
        page = self._pages.get(number)
        if page_marks is None:
            if page is None or self._read_marks is None:
                return ""
            page_marks = self._read_marks([r.id for r in page])
            self._marks[number] = page_marks
        if not page_marks:  # most pages: nothing of theirs is marked
            return ""
        item = self.row_at(row)
        return page_marks.get(item.id, "") if item is not None else ""

    def mark_icon(self, row: int) -> QIcon | None:
        """The icon of the reader's first mark on ``row`` (shown in the first column)."""
        if self._read_marks is None:
            return None
        if self.row_at(row) is None:  # the page is read first: its marks come with it
            return None
        marks = self._marks_of(row)
        return self._mark_icons.get(marks.split()[0]) if marks else None

    # -- paging ---------------------------------------------------------------------------

    def row_at(self, row: int) -> ListRow | None:
        """The DTO of ``row``, fetching its page on a cache miss.

        On a server the miss is answered None (the cell stays blank for a moment) and the
        page is read on :attr:`page_runner`; its rows are announced with ``dataChanged``.
        """
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            if self._remote():
                self._want_page(number)
                return None
            page = self._fetch(number)
            self._keep(number, page)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def _keep(self, number: int, page: list[ListRow]) -> None:
        self._pages[number] = page
        while len(self._pages) > self.MAX_PAGES:
            dropped, _rows = self._pages.popitem(last=False)
            self._marks.pop(dropped, None)
            self._texts.pop(dropped, None)

    def _want_page(self, number: int) -> None:
        if number in self._in_flight or number in self._missing:
            return
        first = not self._missing
        self._missing.add(number)
        if first:  # one read for every page this paint misses
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self, self._read_missing)

    def _read_missing(self) -> None:
        numbers = sorted(self._missing | self._in_flight)[: self.MAX_PAGES // 2]
        self._missing.clear()
        archive = getattr(self._archive, "archive", self._archive)
        if not numbers or getattr(archive, "closed", False):
            return  # nothing to read, or the window is closing
        self._in_flight = frozenset(numbers)
        query, total = self._query, self._total

        def work() -> list[tuple[int, list[ListRow]]]:
            return [(n, self._fetch(n)) for n in numbers]

        def done(pages: list[tuple[int, list[ListRow]]]) -> None:
            self._in_flight = frozenset()
            if query != self._query or total != self._total:
                return  # another query is shown now
            for number, page in pages:
                self._keep(number, page)
                first = number * self.PAGE_SIZE
                last = min(first + len(page), self._total) - 1
                if last >= first:
                    self.dataChanged.emit(
                        self.index(first, 0), self.index(last, len(self._columns) - 1)
                    )
                    self.rows_arrived.emit(first, last)

        self.page_runner.submit(work, done)

    def _fetch(self, number: int) -> list[ListRow]:
        start = number * self.PAGE_SIZE
        limit = min(self.PAGE_SIZE, self._total - start)
        with self._archive.connect() as conn:
            if self._pks is None:
                return listing.page(conn, self._spec, self._query, start, limit, self._total)
            return listing.rows_by_pks(conn, self._spec, self._pks[start : start + limit])

    @property
    def cached_pages(self) -> int:
        """Pages currently cached (never more than MAX_PAGES)."""
        return len(self._pages)

    def row_of(self, item_id: str) -> int | None:
        """Row index of ``item_id`` in the current view, or None if it is not shown."""
        with self._archive.connect() as conn:
            if self._pks is None:
                return listing.position(conn, self._spec, self._query, item_id, self._total)
            pk = listing.pk_of(conn, self._spec, item_id)
        if pk is None:
            return None
        try:
            return self._pks.index(pk)
        except ValueError:
            return None

    def id_at(self, row: int) -> str | None:
        """Text id of the item at ``row``."""
        item = self.row_at(row) if 0 <= row < self._total else None
        return None if item is None else item.id
