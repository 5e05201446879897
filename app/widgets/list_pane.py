"""ListPane: filter bar + table view + count line for one kind of item.

The view shows a :class:`PagedTableModel`; it is configured for millions of rows (fixed row
height from the font, no word wrap, interactive header, no resize-to-contents).  The pane
turns selection into :attr:`item_selected` and reveals an id on request without re-emitting.

Signals:
    item_selected(str): the id of the row the user made current.
    counts_changed(int, int): rows shown, rows in the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import counts
from app.models.columns import cell_text, name_columns_in_reading_order
from app.models.paged_table import PagedTableModel
from app.widgets.column_layout import SAMPLE_ROWS, ColumnLayout
from app.widgets.elided_label import ElidedLabel
from app.widgets.paged_cells import PagedCellDelegate
from app.widgets.paged_view import PagedTableView
from app.widgets.row_reveal import reveal_row
from db.i18n import _
from db.listing import ListQuery

#: Characters of a filter chip's words kept however narrow the pane (the rest end in "…").
CHIP_MIN_CHARS = 10


@dataclass(frozen=True)
class FilterSpec:
    """A filter combo: db filter key, label, (value, text) options and the text of "every
    value" — all in the interface language of the moment they were made (the actions make
    them again on a language switch: :meth:`ListPane.retitle_filters`)."""

    key: str
    label: str
    options: tuple[tuple[str, str], ...]
    everything: str = ""
    #: what the values are, where the label alone does not say (the combo's and label's
    #: tooltip)
    tip: str = ""


class ListPane(QWidget):
    """One list pane (People, Events or Documents)."""

    item_selected = Signal(str)
    counts_changed = Signal(int, int)

    def __init__(
        self,
        model: PagedTableModel,
        view_name: str,
        noun: str,
        filters: tuple[FilterSpec, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        #: What the pane lists, as a noun key of :mod:`app.counts` (``people`` …).
        self.noun = noun
        self._combos: dict[str, QComboBox] = {}
        self._labels: dict[str, QLabel] = {}
        self._chip_keys: set[str] = set()
        self._filters_shown: tuple[object, ...] = ((), None)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for spec in filters:
            combo = QComboBox(self)
            combo.setObjectName(f"{view_name}_{spec.key}Filter")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self._fill_combo(combo, spec)
            combo.currentIndexChanged.connect(self._on_combo_changed)
            label = QLabel(self)
            label.setObjectName(f"{view_name}_{spec.key}Label")
            label.setBuddy(combo)
            self._label_filter(label, combo, spec)
            bar.addWidget(label)
            bar.addWidget(combo)
            self._combos[spec.key] = combo
            self._labels[spec.key] = label
        bar.addStretch(1)
        # The chip ends in "…" where the row has no room for it (its whole text the tooltip):
        # a long one («Поиск — «Протокол допроса Е.К. Мухановой»: 12 человек») widened the
        # pane's least width and squeezed the page beside it to a column of broken words.
        self.chip = ElidedLabel(self)
        self.chip.setObjectName(f"{view_name}_chip")
        self.chip.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.chip.setMinimumWidth(self.fontMetrics().averageCharWidth() * CHIP_MIN_CHARS)
        self.chip.setStyleSheet(
            "QLabel { background: #e8eef8; border-radius: 3px; padding: 1px 6px; }"
        )
        self.chip.hide()
        self.chip_clear = QToolButton(self)
        self.chip_clear.setText("✕")
        self.chip_clear.setObjectName(f"{view_name}_chipClear")
        self.chip_clear.hide()
        self.chip_clear.clicked.connect(self.clear_extra_filters)
        bar.addWidget(self.chip)
        bar.addWidget(self.chip_clear)

        self.view = PagedTableView(self)
        self.view.setObjectName(view_name)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        vh = self.view.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vh.hide()
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(False)  # the widths are fitted; a year column never stretches
        hh.setSortIndicatorShown(True)
        hh.setHighlightSections(False)
        for i, col in enumerate(model.columns):
            self.view.setColumnWidth(i, col.width)
        PagedCellDelegate.attach(self.view, model)
        #: Column widths fitted to the rows, and the header's column chooser.
        self.columns = ColumnLayout(self.view, model.columns, self._cell_text)
        # Indicator first: enabling sorting re-sorts by whatever the indicator says.
        self._sync_sort_indicator()
        self.view.setSortingEnabled(True)
        hh.sortIndicatorChanged.connect(self._on_sort_indicator_changed)

        self.count_label = QLabel(self)
        self.count_label.setObjectName(f"{view_name}_count")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        model.total_changed.connect(self._on_total_changed)
        model.runner.busy_changed.connect(self._on_busy_changed)
        model.query_changed.connect(self._on_query_changed)
        model.modelReset.connect(self._sync_sort_indicator)
        model.rows_arrived.connect(self._on_rows_arrived)
        self._after_paint: list[Callable[[], None]] = []
        model.after_next_paint = self._run_after_next_paint
        self.retranslate()

    # -- after a paint ----------------------------------------------------------------------

    def _run_after_next_paint(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` once the rows have been painted (at once if the rows are not shown).

        The viewport is watched only while something waits: no Python call for its other
        events (every mouse move, every scroll's paint)."""
        viewport = self.view.viewport()
        if not viewport.isVisible():
            fn()
            return
        if not self._after_paint:
            viewport.installEventFilter(self)
        self._after_paint.append(fn)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After a paint of the rows, run what waited for it (a zero timer started during the
        paint fires when it is over)."""
        if self._after_paint and event.type() == QEvent.Type.Paint:
            waiting, self._after_paint = self._after_paint, []
            watched.removeEventFilter(self)
            for fn in waiting:
                QTimer.singleShot(0, self, fn)
        return super().eventFilter(watched, event)

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the pane's own texts in the interface language now in use (filter texts come
        from the actions: :meth:`retitle_filters`)."""
        self.chip_clear.setToolTip(_("Remove this filter"))
        self.chip_clear.setAccessibleName(_("Remove this filter"))
        # TRANSLATORS: the accessible name of a list pane's table, e.g. "People list".
        self.view.setAccessibleName(_("{pane} list").format(pane=counts.title(self.noun)))
        self.order_name_columns()
        self._show_counts()
        self.columns.fit()  # headers and labels have other widths in another language

    def order_name_columns(self) -> None:
        """Show the name in the reader's script first (the Cyrillic one in Russian); the two
        name columns swap places, every other column stays where the user put it."""
        pair = name_columns_in_reading_order(self.model.columns)
        if pair is None:
            return
        header = self.view.horizontalHeader()
        first, other = header.visualIndex(pair[0]), header.visualIndex(pair[1])
        if first > other:
            header.swapSections(first, other)

    def sort_by_reading_name(self) -> None:
        """A list sorted by a name sorts by the name shown first now (the language changed);
        any other sort stays."""
        pair = name_columns_in_reading_order(self.model.columns)
        q = self.model.query
        keys = {self.model.columns[i].sort_key for i in pair} if pair else set()
        if pair is None or q.sort not in keys:
            return
        wanted = self.model.columns[pair[0]].sort_key
        if wanted is not None and wanted != q.sort:
            self.model.request_query(ListQuery(wanted, q.descending, q.filters, q.pks))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- columns --------------------------------------------------------------------------

    def _cell_text(self, row: int, column: int) -> str:
        """What a cell shows, for measuring (read from the row, not through ``data()``)."""
        item = self.model.row_at(row)
        value = None if item is None else getattr(item, self.model.columns[column].attr)
        return "" if value is None else cell_text(str(value))

    @Slot(int, int)
    def _on_rows_arrived(self, first: int, _last: int) -> None:
        # A server's first page came after the columns were fitted to rows not read yet.
        if first < SAMPLE_ROWS:
            self.columns.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.columns.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.columns.fit()

    def restore_header(self, state: QByteArray) -> bool:
        """Column widths, order and sort indicator as saved; False (nothing changed) when the
        state is unusable or was saved for other columns."""
        header = self.view.horizontalHeader()
        before = header.saveState()
        if not header.restoreState(state) or header.count() != len(self.model.columns):
            header.restoreState(before)
            return False
        self.columns.automatic = False
        self.order_name_columns()  # saved in another language, maybe
        self._sync_sort_indicator()
        return True

    @Slot(int, Qt.SortOrder)
    def _on_sort_indicator_changed(self, section: int, _order: Qt.SortOrder) -> None:
        # A click on a column that cannot be sorted leaves the indicator where the order is.
        columns = self.model.columns
        if 0 <= section < len(columns) and columns[section].sort_key is None:
            self._sync_sort_indicator()

    # -- remembered filters ------------------------------------------------------------------

    def combo_filters(self) -> dict[str, str]:
        """The values chosen in the filter combos (key → value; "all" is left out)."""
        return {
            key: str(combo.currentData())
            for key, combo in self._combos.items()
            if combo.currentData() is not None
        }

    def set_combo_filters(self, filters: dict[str, str]) -> None:
        """Choose these values in the filter combos (one new query; unknown values skipped)."""
        query = self.model.query
        for key, combo in self._combos.items():
            index = combo.findData(filters[key]) if key in filters else 0
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(index, 0))
            query = query.with_filter(key, combo.currentData())
        if query != self.model.query:
            self.model.request_query(query)

    def set_chip_text(self, description: str) -> None:
        """Say again what the chip filters (the language changed); its filter stays."""
        self.chip.setText(description)

    # -- filters --------------------------------------------------------------------------

    @Slot(int)
    def _on_combo_changed(self, _index: int) -> None:
        query = self.model.query
        for key, combo in self._combos.items():
            query = query.with_filter(key, combo.currentData())
        self.model.request_query(query)

    def set_extra_filters(
        self, filters: dict[str, str], description: str, replace_all: bool = False
    ) -> None:
        """Apply several chip filters at once (e.g. tribunal + outcome); they replace the chip's
        earlier filters (a search's keys too), as the one chip names only these.
        ``replace_all``: every other filter goes too (the combos show "all"), so the pane
        shows exactly what the chip says (a chart bar's people)."""
        query = self.model.query
        for key in self._chip_keys:
            query = query.with_filter(key, None)
        kept = () if replace_all else query.filters
        query = ListQuery(query.sort, query.descending, kept, None)
        for key, combo in self._combos.items():
            if key in filters or replace_all:
                with QSignalBlocker(combo):
                    combo.setCurrentIndex(0)
        for key, value in filters.items():
            query = query.with_filter(key, value)
        self._chip_keys = set(filters)
        self.chip.setText(description)
        self.chip.show()
        self.chip_clear.show()
        self.model.request_query(query)

    def set_pks_filter(self, pks: tuple[int, ...] | None, description: str) -> None:
        """Restrict the pane to these primary keys (e.g. the current search); they replace the
        chip's earlier filters (a chart bar's tribunal and outcome too)."""
        q = self.model.query
        for key in self._chip_keys:
            q = q.with_filter(key, None)
        self._chip_keys = set()
        self.chip.setText(description)
        self.chip.setVisible(pks is not None)
        self.chip_clear.setVisible(pks is not None)
        self.model.request_query(ListQuery(q.sort, q.descending, q.filters, pks))

    @Slot()
    def clear_extra_filters(self) -> None:
        """Remove the chip filters (chart bar / search)."""
        query = self.model.query
        for key in self._chip_keys:
            query = query.with_filter(key, None)
        self._chip_keys = set()
        query = ListQuery(query.sort, query.descending, query.filters, None)
        self.chip.hide()
        self.chip_clear.hide()
        self.model.request_query(query)

    @staticmethod
    def _fill_combo(combo: QComboBox, spec: FilterSpec) -> None:
        combo.addItem(spec.everything or _("All"))
        for value, text in spec.options:
            combo.addItem(text, value)

    @staticmethod
    def _label_filter(label: QLabel, combo: QComboBox, spec: FilterSpec) -> None:
        # TRANSLATORS: the label before a filter combo, e.g. "Role:".
        label.setText(_("{field}:").format(field=spec.label))
        # TRANSLATORS: the accessible name of a filter combo, e.g. "Filter by role".
        combo.setAccessibleName(_("Filter by {field}").format(field=spec.label.lower()))
        for widget in (label, combo):
            widget.setToolTip(spec.tip)

    def describe_filter(self, key: str, value: str) -> str | None:
        """A filter value in the words its combo shows: ``Role: defendant`` (None: no such
        filter here)."""
        combo, label = self._combos.get(key), self._labels.get(key)
        if combo is None or label is None:
            return None
        index = combo.findData(value)
        shown = combo.itemText(index) if index >= 0 else value
        name = label.text().replace("&", "").rstrip(": ")
        return _("{filter}: {value}").format(filter=name, value=shown)

    def retitle_filters(self, filters: tuple[FilterSpec, ...]) -> None:
        """Show ``filters``' words (another language); the values chosen stay chosen."""
        for spec in filters:
            combo = self._combos.get(spec.key)
            if combo is None:
                continue
            chosen = combo.currentData()
            with QSignalBlocker(combo):
                combo.clear()
                self._fill_combo(combo, spec)
                index = combo.findData(chosen) if chosen is not None else 0
                combo.setCurrentIndex(max(index, 0))
            self._label_filter(self._labels[spec.key], combo, spec)

    def set_filter_options(self, filters: tuple[FilterSpec, ...]) -> None:
        """Offer ``filters``' values (another archive was opened); every combo shows all."""
        for spec in filters:
            combo = self._combos.get(spec.key)
            if combo is None:
                continue
            with QSignalBlocker(combo):
                combo.clear()
                self._fill_combo(combo, spec)
                combo.setCurrentIndex(0)

    @Slot()
    def clear_filters(self) -> None:
        """Remove every filter."""
        for combo in self._combos.values():
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        self._chip_keys = set()
        self.chip.hide()
        self.chip_clear.hide()
        q = self.model.query
        self.model.request_query(ListQuery(q.sort, q.descending))

    def set_combo_filter(self, key: str, value: str | None) -> None:
        """Select a filter value in its combo (applies it)."""
        combo = self._combos[key]
        index = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(index, 0))

    # -- selection ------------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = self.model.id_at(current.row()) if current.isValid() else None
        if item_id is not None:
            self.item_selected.emit(item_id)

    def current_id(self) -> str | None:
        """Id of the current row."""
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def reveal(self, item_id: str) -> bool:
        """Select and scroll to ``item_id`` without emitting item_selected."""
        if self.current_id() == item_id:
            return True
        return reveal_row(self.view, self.model.row_of(item_id))

    def reveal_at(self, item_id: str, row: int) -> bool:
        """:meth:`reveal` with the row already read (on a worker); -1: not shown."""
        if self.current_id() == item_id:
            return True
        return reveal_row(self.view, None if row < 0 else row)

    # -- counts and sort indicator ----------------------------------------------------------

    @Slot(int, int)
    def _on_total_changed(self, shown: int, total: int) -> None:
        if self.model.partial:  # the first page of a big filter; every match is coming
            self.count_label.setText(counts.filtering(self.noun, shown))
        else:
            self.count_label.setText(counts.shown_of(self.noun, shown, total))
            self.view.viewport().unsetCursor()  # every row is known, whatever still runs
        self.counts_changed.emit(shown, total)

    def _show_counts(self) -> None:
        """The count line again, in the language now in use."""
        model = self.model
        if model.partial:
            self.count_label.setText(counts.filtering(self.noun, model.total))
        elif model.runner.busy:
            self.count_label.setText(counts.filtering(self.noun))
        else:
            self.count_label.setText(counts.shown_of(self.noun, model.total, model.table_total))

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        # Filters of big archives run on a worker: say so, keep the old rows usable.
        if busy:
            if not self.model.partial:  # else the first page on screen says what is coming
                self.count_label.setText(counts.filtering(self.noun))
            self.view.viewport().setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.view.viewport().unsetCursor()

    @Slot(object)
    def _on_query_changed(self, query: object) -> None:
        self._sync_sort_indicator()
        if isinstance(query, ListQuery):
            shown = (query.filters, query.pks)
            if shown != self._filters_shown:
                # another set of rows: show its first ones, not the scroll position of the
                # last (rows 30–47 of 48, the first matches hidden above)
                self._filters_shown = shown
                self.view.scrollToTop()

    @Slot()
    def _sync_sort_indicator(self) -> None:
        q = self.model.query
        header = self.view.horizontalHeader()
        for i, col in enumerate(self.model.columns):
            if col.sort_key == q.sort:
                order = (
                    Qt.SortOrder.DescendingOrder if q.descending else Qt.SortOrder.AscendingOrder
                )
                with QSignalBlocker(header):
                    header.setSortIndicator(i, order)
                return
