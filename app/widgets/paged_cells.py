"""PagedCellDelegate: a paged list's cells painted with one call into Python each.

Qt's own delegate asks the model for seven roles of every cell it paints (display, alignment,
font, colours, icon, check state): seven calls from C++ into Python per cell, 2.4 ms of a
6 ms paint of a 1600-px People pane. This delegate takes the cell's text from the model's
display strings (:meth:`PagedTableModel.display_row`, made once per row) and its alignment from
the column, gives marked cells their look (:mod:`app.widgets.cell_marks`), and lets the style
draw the item as Qt's delegate would — the same pixels, tests/app/widgets/test_paged_cells.py
compares them. A cell it cannot paint so (a row still on its way from a server, a first-column
cell with the reader's mark icon) goes through Qt's way, :meth:`MarkedCellDelegate.paint`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from app.models.paged_table import PagedTableModel
from app.widgets.cell_marks import MarkedCellDelegate

_ITEM = QStyle.ControlElement.CE_ItemViewItem
_FEATURE = QStyleOptionViewItem.ViewItemFeature


def _features(flags: int) -> QStyleOptionViewItem.ViewItemFeature:
    # What a table view gives a cell (QTableView::paintEvent): word wrap when the view wraps,
    # Alternate on odd rows when it alternates their colours; and a text, as Qt's delegate adds.
    features = _FEATURE.HasDisplay
    if flags & 1:
        features |= _FEATURE.Alternate
    if flags & 4:
        features |= _FEATURE.WrapText
    return features


#: The features of a cell by ``odd row + 2 * alternating + 4 * wrapping`` (odd rows count only
#: when the view alternates).
_FEATURES = tuple(_features(flags if flags & 2 else flags & ~1) for flags in range(8))


class PagedCellDelegate(MarkedCellDelegate):
    """Paints ``model``'s cells in ``view`` from the model's display strings.

    A cell's features are worked out from its row and the view's settings, as the table view
    sets them, instead of read from ``option`` (an enum made and hashed per cell): the view
    alternates by a row's visual index, which is its number while rows are never moved
    (:meth:`attach` keeps them so).

    Args:
        model: the paged model the view shows.
        view: the table view (the delegate's parent).
    """

    #: Rows whose marks are kept (a few screens); all are dropped when it is reached.
    MARKS_KEPT = 512

    def __init__(self, model: PagedTableModel, view: QTableView) -> None:
        super().__init__(model.columns, view)
        self._model = model
        self._view = view
        self._align = tuple(Qt.AlignmentFlag(c.alignment) for c in model.columns)
        self._page_size = model.PAGE_SIZE
        self._shown = model.shown_texts
        #: Row → (its display strings, what each cell stands for), made once per read row.
        self._marks: dict[int, tuple[tuple[str, ...], tuple[str | None, ...]]] = {}

    @classmethod
    def attach(cls, view: QTableView, model: PagedTableModel) -> PagedCellDelegate:
        """Paint every cell of ``view`` (which shows ``model``) with one such delegate."""
        delegate = cls(model, view)
        view.verticalHeader().setSectionsMovable(False)  # (a row's number is its place)
        view.setItemDelegate(delegate)
        return delegate

    def row_cells(self, row: int) -> tuple[tuple[str, ...], tuple[str | None, ...]] | None:
        """``row``'s display strings and what each of its cells stands for (a cell's mark,
        :meth:`marks`), or None while the row is still on its way (Qt's way paints it)."""
        number, offset = divmod(row, self._page_size)
        page = self._shown.get(number)
        texts = page[offset] if page is not None and offset < len(page) else None
        if texts is None:
            texts = self._model.display_row(row)
            if texts is None:
                return None
        marks = self._marks.get(row)
        if marks is None or marks[0] is not texts:  # (a row read again: new texts)
            if len(self._marks) >= self.MARKS_KEPT:
                self._marks.clear()
            marks = self._marks[row] = (texts, self.marks(texts))
        return marks

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        """How ``column``'s cells align their text."""
        return self._align[column]

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # ``option`` is the view's copy for this cell: it is filled in here, as Qt's delegate
        # fills its own copy in initStyleOption, and handed to the style.
        row = index.row()
        column = index.column()
        cells = self.row_cells(row)
        if cells is None or (column == 0 and self._model.mark_icon(row) is not None):
            super().paint(painter, option, index)
            return
        texts, marks = cells
        view = self._view
        option.text = texts[column]
        option.features = _FEATURES[
            (row & 1) | view.alternatingRowColors() << 1 | view.wordWrap() << 2
        ]
        option.displayAlignment = self._align[column]
        option.index = index  # type: ignore[assignment]
        # No style animations in item views (Qt's delegate does so too).
        option.styleObject = None  # type: ignore[assignment]
        mark = marks[column]
        if mark is not None:
            self.look(option, column, mark)
        view.style().drawControl(_ITEM, option, painter, view)
