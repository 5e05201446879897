"""PagedTableView: a paged list's table, painted with a few calls into Python per row.

``QTableView`` paints a cell by calling its delegate, and a delegate written in Python is one
call from C++ into Python per cell, with the cell's style option wrapped for it; the model's
``rowCount`` and ``columnCount`` are asked once more each for the cell's index.  A jump to a
far part of 3 million people repaints every cell of the pane: 252 cells at 1600×1000, 7.3 ms,
against 3.2 ms for the same cells in a view and a model all in C++.

This view's :meth:`paintEvent` walks the rows and columns itself, as ``QTableView::paintEvent``
does, and hands each cell to the style with one option that it fills in (the same state, panel
and item the view and :class:`~app.widgets.paged_cells.PagedCellDelegate` would give it): no
call from C++ into Python per cell (the same 252 cells: 4.8-5.1 ms).  The pixels are Qt's
own; tests/app/widgets/test_paged_view.py compares them with the view painted by Qt.  A cell
the delegate cannot paint so (a row still on its way, the reader's mark icon) is painted by the
delegate, and a view set up in a way this paint does not know (another delegate, hidden or
moved rows, right to left, drag and drop) is painted by ``QTableView``.  These views never
span cells.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QEvent, QItemSelectionRange, QLineF, QObject, QRect, Qt
from PySide6.QtGui import QColor, QHoverEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.models.paged_table import PagedTableModel
from app.widgets.paged_cells import PagedCellDelegate

_ITEM = QStyle.ControlElement.CE_ItemViewItem
_ROW_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewRow
_STATE = QStyle.StateFlag
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate


class PagedTableView(QTableView):
    """The table of a list pane, whose model is a paged model painted by a
    :class:`PagedCellDelegate` (see the module's docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The cell under the mouse, as (row, column), when the style asks for hover events.
        self._hover: tuple[int, int] | None = None

    def viewportEvent(self, event: QEvent) -> bool:
        # The cell under the mouse, followed as QAbstractItemView follows it (its own is not
        # public); a style that draws hovered items sets the viewport's WA_Hover.
        kind = event.type()
        if kind in (QEvent.Type.HoverEnter, QEvent.Type.HoverMove) and isinstance(
            event, QHoverEvent
        ):
            index = self.indexAt(event.position().toPoint())
            self._hover = (index.row(), index.column()) if index.isValid() else None
        elif kind == QEvent.Type.HoverLeave:
            self._hover = None
        return super().viewportEvent(event)

    def _own_paint(self, delegate: QObject) -> bool:
        """Whether this view's paint can stand in for ``QTableView``'s."""
        model = self.model()
        return (
            isinstance(delegate, PagedCellDelegate)
            and self.isLeftToRight()
            and not self.verticalHeader().sectionsHidden()
            and not self.verticalHeader().sectionsMoved()
            and self.dragDropMode() == QAbstractItemView.DragDropMode.NoDragDrop
            and model is not None
            and all(self.itemDelegateForColumn(c) is None for c in range(model.columnCount()))
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        delegate = self.itemDelegate()
        if not self._own_paint(delegate):
            super().paintEvent(event)
            return
        assert isinstance(delegate, PagedCellDelegate)
        painter = QPainter(self.viewport())
        try:
            self._paint(painter, event, delegate)
        finally:
            painter.end()

    def _paint(self, painter: QPainter, event: QPaintEvent, delegate: PagedCellDelegate) -> None:
        model = self.model()
        assert isinstance(model, PagedTableModel)
        cell = model.createIndex  # (a cell known to exist: no rowCount()/columnCount() asked)
        rows_header, columns_header = self.verticalHeader(), self.horizontalHeader()
        if columns_header.count() == 0 or rows_header.count() == 0:
            return
        style = self.style()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        base_state = option.state
        if base_state & _STATE.State_Enabled:
            # (Qt's own flags: every cell is enabled.)
            option.palette.setCurrentColorGroup(QPalette.ColorGroup.Normal)
        # What Qt's paint hands a delegate: the view's option with no cell's text in it yet.
        blank = QStyleOptionViewItem(option)
        option.styleObject = None  # type: ignore[assignment]  # (no style animations)
        even = option.features & ~_ALTERNATE
        odd = even | _ALTERNATE if self.alternatingRowColors() else even
        rect = option.rect  # (the option's own: set in place for each cell)
        show_grid = self.showGrid()
        grid = 1 if show_grid else 0
        right_edge = columns_header.length() - columns_header.offset() - 1
        bottom_edge = rows_header.length() - rows_header.offset() - 1
        # A cell's state: the view's, selected or not, and the hovered and focused cells' own.
        plain, chosen = base_state, base_state | _STATE.State_Selected
        last = plain
        special: dict[tuple[int, int], QStyle.StateFlag] = {}
        if self._hover is not None:
            special[self._hover] = _STATE.State_MouseOver
        current = self.currentIndex()
        if (self.hasFocus() or self.viewport().hasFocus()) and current.isValid():
            key = (current.row(), current.column())
            special[key] = special.get(key, _STATE.State_None) | _STATE.State_HasFocus
        draw_primitive, draw_control = style.drawPrimitive, style.drawControl
        # (Both are Qt lists, iterable in Python; the type stubs do not say so.)
        ranges = cast(Iterable[QItemSelectionRange], self.selectionModel().selection())
        selected = [(r.top(), r.bottom(), r.left(), r.right()) for r in ranges]
        for dirty in cast(Iterable[QRect], event.region()):
            dirty.setBottom(min(dirty.bottom(), bottom_edge))
            dirty.setRight(min(dirty.right(), right_edge))
            if not dirty.isValid():
                continue
            left = columns_header.visualIndexAt(dirty.left())
            right = columns_header.visualIndexAt(dirty.right())
            left = 0 if left == -1 else left
            right = columns_header.count() - 1 if right == -1 else right
            top = rows_header.visualIndexAt(dirty.top())
            bottom = rows_header.visualIndexAt(dirty.bottom())
            bottom = rows_header.count() - 1 if bottom == -1 else bottom
            if top == -1 or top > bottom:
                continue
            columns = self._columns(left, right, grid, delegate)
            # (Rows are never hidden or moved here: a row's visual index is its number.)
            for row in range(top, bottom + 1):
                y = self.rowViewportPosition(row)
                height = self.rowHeight(row) - grid
                option.features = odd if row & 1 else even
                cells = delegate.row_cells(row)
                icon = cells is not None and model.mark_icon(row) is not None
                spans = [(lo, hi) for top_, bottom_, lo, hi in selected if top_ <= row <= bottom_]
                for column, x, width, align in columns:
                    if spans and any(lo <= column <= hi for lo, hi in spans):
                        state = chosen
                    else:
                        state = plain
                    extra = special.get((row, column)) if special else None
                    if extra is not None:
                        state = state | extra
                    if state is not last:
                        option.state = last = state
                    rect.setRect(x, y, width, height)
                    draw_primitive(_ROW_PANEL, option, painter, self)
                    if cells is None or (column == 0 and icon):
                        given = QStyleOptionViewItem(blank)
                        given.rect, given.state = QRect(rect), state
                        given.features = option.features
                        delegate.paint(painter, given, cell(row, column))
                        continue
                    texts, marks = cells
                    option.text = texts[column]
                    option.displayAlignment = align
                    option.index = cell(row, column)  # (as Qt's delegate sets it)
                    mark = marks[column]
                    if mark is None:
                        draw_control(_ITEM, option, painter, self)
                    else:
                        marked = QStyleOptionViewItem(option)
                        delegate.look(marked, column, mark)
                        draw_control(_ITEM, marked, painter, self)
            if show_grid:
                self._paint_grid(painter, blank, dirty, top, bottom, columns, grid)

    def _columns(
        self, left: int, right: int, grid: int, delegate: PagedCellDelegate
    ) -> list[tuple[int, int, int, Qt.AlignmentFlag]]:
        """The shown columns of visual indexes ``left..right``, in visual order: (column, its
        left edge in the viewport, its width less the grid's line, its text's alignment)."""
        header = self.horizontalHeader()
        columns = []
        for visual in range(left, right + 1):
            column = header.logicalIndex(visual)
            if not header.isSectionHidden(column):
                x = self.columnViewportPosition(column)
                columns.append(
                    (column, x, self.columnWidth(column) - grid, delegate.alignment(column))
                )
        return columns

    def _paint_grid(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        dirty: QRect,
        top: int,
        bottom: int,
        columns: list[tuple[int, int, int, Qt.AlignmentFlag]],
        grid: int,
    ) -> None:
        """The grid of ``dirty``'s rows ``top..bottom`` and ``columns``, as QTableView's
        (``option``: the view's, as it asks the style for the grid's colour)."""
        style = self.style()
        colour = QColor.fromRgba(
            style.styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self) & 0xFFFFFFFF
        )
        old = painter.pen()
        painter.setPen(QPen(colour, 1, self.gridStyle()))
        # The lines of QTableView's grid, in its order, drawn with one call.
        lines = []
        left, right = dirty.left() + 0.5, dirty.right() + 0.5
        for row in range(top, bottom + 1):
            y = self.rowViewportPosition(row) + self.rowHeight(row) - grid + 0.5
            lines.append(QLineF(left, y, right, y))
        upper, lower = dirty.top() + 0.5, dirty.bottom() + 0.5
        for _column, x, width, _align in columns:
            edge = x + width + 0.5
            lines.append(QLineF(edge, upper, edge, lower))
        painter.drawLines(lines)
        always = style.styleHint(QStyle.StyleHint.SH_Table_AlwaysDrawLeftTopGridLines, option, self)
        if always and self.horizontalHeader().isHidden():
            y = self.rowViewportPosition(top)
            if y == dirty.top():
                painter.drawLine(dirty.left(), y, dirty.right(), y)
        if always and self.verticalHeader().isHidden() and columns:
            x = columns[0][1]
            if x == dirty.left():
                painter.drawLine(x, dirty.top(), x, dirty.bottom())
        painter.setPen(old)
