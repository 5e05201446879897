"""The People pane's first rows, painted before the rest of the application is imported.

Start-up at 3M people was dominated by imports (SQLAlchemy, the search and print layers), not
by reading: the first page is two index probes.  So :func:`app.gui.run` shows the window,
opens the archive through the gate (``sqlite3`` only), and puts the first page of People —
read by :func:`db.first_page.first_people_page` in the saved sort order — into a plain table
in the People tab.  :func:`app.bootstrap.build_app` then imports and builds everything else,
and :meth:`app.widgets.main_window.MainWindow.add_pane` replaces this table by the real pane,
which shows the same rows.  Input that arrives meanwhile waits in Qt's queue and reaches the
real pane.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import counts
from app.models.columns import (
    PEOPLE_COLUMNS,
    TEXT_ALIGNMENT_ROLE,
    name_columns_in_reading_order,
    value_text,
)
from app.widgets.cell_marks import MarkedCellDelegate
from app.widgets.column_layout import ColumnLayout
from db.engine import Archive
from db.first_page import first_people_page
from db.i18n import _


class FirstRows(QWidget):
    """A read-only table of the first People rows, laid out like the People pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleFirstRows")
        self.model = QStandardItemModel(0, len(PEOPLE_COLUMNS), self)
        #: People in the archive (None: not read yet).
        self.total: int | None = None
        self.view = QTableView(self)
        self.view.setObjectName("peopleFirstRowsView")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        vh = self.view.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vh.hide()
        hh = self.view.horizontalHeader()
        hh.setHighlightSections(False)
        for i, col in enumerate(PEOPLE_COLUMNS):
            self.view.setColumnWidth(i, col.width)
        # The pane's look and widths, so nothing moves when the real pane replaces this one.
        MarkedCellDelegate.install(self.view, PEOPLE_COLUMNS)
        # No column chooser on the header: the real pane, which has it, comes in moments.
        self.columns = ColumnLayout(self.view, PEOPLE_COLUMNS, self._cell_text, chooser=False)
        # Where the pane's filter combos will be, so the rows do not move when they arrive.
        bar = QWidget(self)
        bar.setFixedHeight(QComboBox().sizeHint().height())
        self.count_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.retranslate()

    def retranslate(self) -> None:
        """Headers and the count in the interface language now in use."""
        self.model.setHorizontalHeaderLabels([_(c.header) for c in PEOPLE_COLUMNS])
        self.view.setAccessibleName(_("People list (loading)"))
        if self.total is not None:
            self.count_label.setText(counts.items("people", self.total))
        pair = name_columns_in_reading_order(PEOPLE_COLUMNS)  # as the People pane shows them
        header = self.view.horizontalHeader()
        if pair is not None and header.visualIndex(pair[0]) > header.visualIndex(pair[1]):
            header.swapSections(header.visualIndex(pair[0]), header.visualIndex(pair[1]))

    def _cell_text(self, row: int, column: int) -> str:
        item = self.model.item(row, column)
        return "" if item is None else item.text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.columns.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.columns.fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rows_that_fit(self, height: int) -> int:
        """How many rows a view of ``height`` pixels shows (plus one partly visible)."""
        return max(1, height // self.view.verticalHeader().defaultSectionSize() + 1)

    def fill(self, archive: Archive, sort: str, descending: bool, limit: int) -> int:
        """Read and show the first ``limit`` people in this order; returns how many there are."""
        conn = archive.raw()
        try:
            total, rows = first_people_page(conn, sort, descending, limit)
        finally:
            conn.close()
        for row in rows:
            items = []
            for col in PEOPLE_COLUMNS:
                value = row[col.attr]
                item = QStandardItem(value_text(value))
                item.setData(col.alignment, TEXT_ALIGNMENT_ROLE)
                items.append(item)
            self.model.appendRow(items)
        self.total = total
        self.count_label.setText(counts.items("people", total))
        self.columns.fit()
        return total
