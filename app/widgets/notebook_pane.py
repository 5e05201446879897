"""NotebookPane: everything the reader marked in the open archive, and their saved searches.

A filter bar (kind, tag, and a search over notes and tags), the table of marked records
(object name ``notebookPane``; orphans greyed), a count line, the saved searches
(``savedSearches``: a click runs one again) and the notebook's Export / Import buttons.  The
pane only shows and reports; :class:`app.actions.notebook.NotebookActions` reads and writes.

Signals:
    item_selected(object): the :class:`db.dto.Ref` of the record the user made current.
    filters_changed(): the kind, tag or search text changed (read them and refill).
    search_activated(object): a :class:`db.notebook.SavedSearch` to run again.
    search_delete_requested(int): the id of a saved search to delete.
    export_requested(): Export notebook….
    import_requested(): Import notes….
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.columns import cell_tooltip
from app.models.notebook_model import KIND_NAMES, NotebookColumn, NotebookModel, kind_name
from app.widgets.row_table import row_table
from db.dto import KINDS, Ref
from db.i18n import _, ngettext
from db.notebook import SavedSearch

#: Quiet time after typing in the notes search before the table is filtered.
SEARCH_DELAY_MS = 150


class NotebookPane(QWidget):
    """The Notebook tab."""

    item_selected = Signal(object)
    filters_changed = Signal()
    search_activated = Signal(object)
    search_delete_requested = Signal(int)
    export_requested = Signal()
    import_requested = Signal()

    noun = "notebook"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NotebookModel(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("notebookKindFilter")
        self.tag = QComboBox(self)
        self.tag.setObjectName("notebookTagFilter")
        self.tag.setMinimumContentsLength(12)
        self.tag.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.text = QLineEdit(self)
        self.text.setObjectName("notebookSearch")
        self.text.setClearButtonEnabled(True)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.filters_changed)
        self.text.textChanged.connect(lambda _t: self._delay.start())
        self.kind.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.tag.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())

        self.view = row_table(self, "notebookPane", self.model)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NotebookColumn.NOTE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(
            NotebookColumn.BOOKMARK, self.fontMetrics().horizontalAdvance("★") + 24
        )
        for column in (NotebookColumn.KIND, NotebookColumn.CHANGED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(NotebookColumn.RECORD, 210)
        header.resizeSection(NotebookColumn.TAGS, 140)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.view.activated.connect(self._on_activated)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("notebookPane_count")

        self.searches = QListWidget(self)
        self.searches.setObjectName("savedSearches")
        # A click runs a search; so does Enter (activation by the keyboard: a double-click's
        # activation would run it a second time).
        self.searches.itemClicked.connect(self._on_search_activated)
        self.searches.itemActivated.connect(self._on_search_key)
        self.searches_label = QLabel(self)
        self.searches_label.setBuddy(self.searches)
        self.delete_search = QPushButton(self)
        self.delete_search.setObjectName("deleteSavedSearchButton")
        self.delete_search.clicked.connect(self._on_delete_search)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportNotebookButton")
        self.export_button.clicked.connect(self.export_requested)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importNotebookButton")
        self.import_button.clicked.connect(self.import_requested)

        self.kind_label = QLabel(self)
        self.kind_label.setBuddy(self.kind)
        self.tag_label = QLabel(self)
        self.tag_label.setBuddy(self.tag)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        for w in (self.kind_label, self.kind, self.tag_label, self.tag):
            bar.addWidget(w)
        bar.addWidget(self.text, 1)

        table = QWidget(self)
        tbox = QVBoxLayout(table)
        tbox.setContentsMargins(0, 0, 0, 0)
        tbox.addLayout(bar)
        tbox.addWidget(self.view, 1)
        foot = QHBoxLayout()
        foot.setContentsMargins(4, 0, 4, 0)
        foot.addWidget(self.count_label, 1)
        foot.addWidget(self.export_button)
        foot.addWidget(self.import_button)
        tbox.addLayout(foot)

        saved = QWidget(self)
        sbox = QVBoxLayout(saved)
        sbox.setContentsMargins(4, 0, 4, 4)
        shead = QHBoxLayout()
        shead.addWidget(self.searches_label, 1)
        shead.addWidget(self.delete_search)
        sbox.addLayout(shead)
        sbox.addWidget(self.searches, 1)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("notebookSplitter")
        split.addWidget(table)
        split.addWidget(saved)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(split)
        self._tags: list[str] = []
        self._searches: list[SavedSearch] = []
        self._describe: Callable[[str, str], str] = lambda k, v: f"{k}={v}"
        self.retranslate()

    # -- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Words in the interface language now in use (the filters keep their choice)."""
        self.kind_label.setText(_("&Kind:"))
        self.tag_label.setText(_("&Tag:"))
        self.text.setPlaceholderText(_("Search your notes and tags…"))
        self.text.setAccessibleName(_("Search your notes and tags"))
        self.view.setAccessibleName(_("Your notebook"))
        self.view.setAccessibleDescription(
            _("The records you bookmarked, noted or tagged; Enter opens one")
        )
        self.searches_label.setText(_("&Saved searches (a click runs one again):"))
        self.searches.setAccessibleName(_("Saved searches"))
        self.delete_search.setText(_("&Delete search"))
        self.delete_search.setAccessibleName(_("Delete the saved search chosen"))
        self.export_button.setText(_("E&xport notebook…"))
        self.export_button.setToolTip(_("Save your notebook as Markdown, JSON or CSV"))
        self.export_button.setAccessibleName(_("Export notebook"))
        self.import_button.setText(_("&Import notes…"))
        self.import_button.setToolTip(
            _("Merge a notebook exported as JSON (yours or a colleague's) into yours")
        )
        self.import_button.setAccessibleName(_("Import notes"))
        with QSignalBlocker(self.kind):
            chosen = self.kind.currentData()
            self.kind.clear()
            self.kind.addItem(_("All kinds"), None)
            for kind in (*KINDS, "claim"):
                if kind in KIND_NAMES:
                    self.kind.addItem(kind_name(kind), kind)
            self.kind.setCurrentIndex(max(0, self.kind.findData(chosen)))
        self.kind.setAccessibleName(_("Kind of record"))
        self.tag.setAccessibleName(_("Tag"))
        self.set_tags(self._tags)
        self.show_searches(self._searches)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(NotebookColumn) - 1)
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- filters ----------------------------------------------------------------------------

    def kind_filter(self) -> str | None:
        """The kind chosen (None: all)."""
        value = self.kind.currentData()
        return value if isinstance(value, str) else None

    def tag_filter(self) -> str | None:
        """The tag chosen (None: all)."""
        value = self.tag.currentData()
        return value if isinstance(value, str) else None

    def text_filter(self) -> str | None:
        """The words searched in notes and tags (None: none)."""
        return self.text.text().strip() or None

    def set_tags(self, tags: Sequence[str]) -> None:
        """The tags the tag filter offers (the choice is kept while the tag exists)."""
        self._tags = list(tags)
        with QSignalBlocker(self.tag):
            chosen = self.tag.currentData()
            self.tag.clear()
            self.tag.addItem(_("All tags"), None)
            for tag in self._tags:
                self.tag.addItem(tag, tag)
            self.tag.setCurrentIndex(max(0, self.tag.findData(chosen)))

    # -- rows -------------------------------------------------------------------------------

    def show_entries(
        self,
        entries: Sequence[object],
        orphans: frozenset[Ref],
        labels: Mapping[Ref, str] | None = None,
    ) -> None:
        """Show the marked records (keeping the current one selected if it is still there);
        ``labels``: their names in the interface language now in use."""
        current = self.current_ref()
        with QSignalBlocker(self.view.selectionModel()):
            self.model.set_entries(entries, orphans, labels)  # type: ignore[arg-type]
            if current is not None:
                self.reveal(current)
        self._show_count()

    def current_ref(self) -> Ref | None:
        """The record of the current row."""
        entry = self.model.entry_at(self.view.currentIndex().row())
        return entry.ref if entry else None

    def reveal(self, ref: Ref | None) -> None:
        """Select ``ref``'s row if it is listed, without emitting :attr:`item_selected`."""
        row = self.model.row_of(ref) if ref is not None else None
        with QSignalBlocker(self.view.selectionModel()):
            if row is None:
                self.view.clearSelection()
                self.view.setCurrentIndex(QModelIndex())  # choosing the old row again opens it
                return
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _show_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(
            ngettext("{n} record in your notebook", "{n} records in your notebook", n).format(n=n)
        )

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.model.entry_at(current.row())
        if (
            entry is not None
            and not self.model.is_orphan(current.row())
            and entry.ref.kind in KINDS
        ):
            self.item_selected.emit(entry.ref)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        self._on_current_row_changed(index, QModelIndex())

    # -- saved searches ---------------------------------------------------------------------

    def show_searches(
        self,
        searches: Sequence[SavedSearch],
        describe: Callable[[str, str], str] | None = None,
    ) -> None:
        """List the saved searches (name; text and filters in the tooltip, each filter said
        by ``describe(key, value)`` — ``Role: defendant`` — when given)."""
        if describe is not None:
            self._describe = describe
        self.searches.clear()
        self._searches = list(searches)
        for search in searches:
            item = QListWidgetItem(search.name)
            item.setData(Qt.ItemDataRole.UserRole, search)
            detail = search.text
            if search.filters:
                said = (self._describe(k, v) for k, v in search.filters.items())
                detail += " · " + ", ".join(said)
            item.setToolTip(cell_tooltip(detail))
            self.searches.addItem(item)
        if not searches:
            hint = QListWidgetItem(
                _("No saved searches yet: Edit → Save search… (Ctrl+Shift+S) keeps one here.")
            )
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.searches.addItem(hint)
        self.delete_search.setEnabled(bool(searches))

    @Slot(QListWidgetItem)
    def _on_search_activated(self, item: QListWidgetItem) -> None:
        search = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(search, SavedSearch):
            self.search_activated.emit(search)

    @Slot(QListWidgetItem)
    def _on_search_key(self, item: QListWidgetItem) -> None:
        if QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self._on_search_activated(item)

    @Slot()
    def _on_delete_search(self) -> None:
        item = self.searches.currentItem()
        search = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(search, SavedSearch):
            self.search_delete_requested.emit(search.id)
