"""SourcesPane: every source of the archive, with kind and language filters and an export button.

The table (object name ``sourcesPane``) shows a :class:`SourcesModel`, configured like the other
list panes (fixed row height, no word wrap, interactive header, sorting by SQL).  Choosing a
row becomes :attr:`SourcesPane.item_selected`; :meth:`SourcesPane.reveal` selects a source
without emitting it.

Signals:
    item_selected(str): the id of the source the user made current.
    counts_changed(int, int): rows shown, sources in the archive.
    export_requested(): the user asked for a bibliography of the sources shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import counts
from app.models.sources_model import SourceColumn, SourcesModel
from app.widgets.row_reveal import reveal_row
from db.i18n import N_, _

#: The filters of the pane: key of db.sources.FILTERS → (label, "every value"), translated
#: where shown.
FILTERS = {
    "kind": (N_("Kind"), N_("All kinds")),
    "language": (N_("Language"), N_("All languages")),
}


class SourcesPane(QWidget):
    """The Sources tab: filter bar, table, count line."""

    item_selected = Signal(str)
    counts_changed = Signal(int, int)
    export_requested = Signal()

    noun = "sources"

    def __init__(self, model: SourcesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.combos: dict[str, QComboBox] = {}
        self._labels: dict[str, QLabel] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for key in FILTERS:
            combo = QComboBox(self)
            combo.setObjectName(f"sourcesPane_{key}Filter")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.addItem("")
            combo.currentIndexChanged.connect(self._on_combo_changed)
            label = QLabel(self)
            label.setObjectName(f"sourcesPane_{key}Label")
            label.setBuddy(combo)
            bar.addWidget(label)
            bar.addWidget(combo)
            self.combos[key] = combo
            self._labels[key] = label
        bar.addStretch(1)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("sourcesPane_export")
        self.export_button.clicked.connect(self.export_requested)
        bar.addWidget(self.export_button)

        self.view = QTableView(self)
        self.view.setObjectName("sourcesPane")
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
        # The title takes the room left (a wide pane would otherwise stretch the Facts count).
        hh.setSectionResizeMode(SourceColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        hh.setStretchLastSection(False)
        hh.setSortIndicatorShown(True)
        hh.setHighlightSections(False)
        for i, col in enumerate(model.columns):
            self.view.setColumnWidth(i, col.width)
        self._sync_sort_indicator()
        self.view.setSortingEnabled(True)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("sourcesPane_count")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        model.total_changed.connect(self._on_total_changed)
        model.modelReset.connect(self._sync_sort_indicator)
        self.retranslate()

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the pane's own texts in the interface language now in use (the combos' values
        come from :class:`app.actions.sources.SourcesActions`)."""
        for key, (label, everything) in FILTERS.items():
            self._labels[key].setText(_("{field}:").format(field=_(label)))
            self.combos[key].setItemText(0, _(everything))
            self.combos[key].setAccessibleName(
                _("Filter by {field}").format(field=_(label).lower())
            )
        self.export_button.setText(_("Export bibliography…"))
        self.export_button.setToolTip(
            _("Save the sources listed here, in this order, as BibTeX, RIS or CSL-JSON")
        )
        self.view.setAccessibleName(_("{pane} list").format(pane=counts.title(self.noun)))
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- filters --------------------------------------------------------------------------

    def set_filter_options(
        self, key: str, options: Sequence[tuple[str, str]], current: str | None = None
    ) -> None:
        """Offer ``options`` (value, text) in filter ``key``'s combo, ``current`` selected."""
        combo = self.combos[key]
        with QSignalBlocker(combo):
            while combo.count() > 1:
                combo.removeItem(1)
            for value, text in options:
                combo.addItem(text, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))

    def set_filter(self, key: str, value: str | None) -> None:
        """Select ``value`` in filter ``key``'s combo (None: all), which applies it."""
        combo = self.combos[key]
        index = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(index, 0))

    @Slot()
    def clear_filters(self) -> None:
        """Show every source."""
        for combo in self.combos.values():
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        self._apply_filters()

    @Slot(int)
    def _on_combo_changed(self, _index: int) -> None:
        self._apply_filters()

    def _apply_filters(self) -> None:
        query = self.model.query
        for key, combo in self.combos.items():
            query = query.with_filter(key, combo.currentData())
        if query != self.model.query:
            self.model.set_query(query)

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

    def reveal(self, source_id: str) -> bool:
        """Select and scroll to ``source_id`` without emitting :attr:`item_selected`."""
        if self.current_id() == source_id:
            return True
        return reveal_row(self.view, self.model.row_of(source_id))

    def reveal_at(self, source_id: str, row: int) -> bool:
        """:meth:`reveal` with the row already read (on a worker); -1: not shown."""
        if self.current_id() == source_id:
            return True
        return reveal_row(self.view, None if row < 0 else row)

    # -- counts and sort indicator ----------------------------------------------------------

    @Slot(int, int)
    def _on_total_changed(self, shown: int, total: int) -> None:
        self._show_counts()
        self.counts_changed.emit(shown, total)

    def _show_counts(self) -> None:
        model = self.model
        self.count_label.setText(counts.shown_of(self.noun, model.total, model.table_total))

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
