"""ColumnLayout: a list's column widths sized to its rows, and the header's column chooser.

Until the user drags a column edge (or a saved header is restored), the widths follow the
rows the list shows and the room the view has (:func:`app.models.columns.fitted_widths`):
the Cyrillic name and the years keep the width of their widest cell, the other columns give
way so the list needs no sideways scrolling.  A right click on the header offers every column
as a checkable entry; the last one shown cannot be hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Slot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QTableView

from app.models.columns import ColumnSpec, fitted_widths
from app.widgets.cell_marks import SHORT_UNKNOWN, cell_mark
from db.first_page import UNKNOWN
from db.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

#: Rows measured for the natural widths (the first page the view shows anyway).
SAMPLE_ROWS = 256
#: Widest a column grows to fit its cells, in average character widths (``keep`` columns
#: excepted: a Cyrillic name is never cut).
MAX_CHARS = 48


class ColumnLayout(QObject):
    """Fits the columns of ``view`` and offers the header's column chooser.

    Args:
        view: the list's table view.
        columns: its columns, in the model's order.
        cell: the text a cell shows (row number, column number), for measuring.
        chooser: offer the column chooser on a right click of the header.
    """

    def __init__(
        self,
        view: QTableView,
        columns: tuple[ColumnSpec, ...],
        cell: Callable[[int, int], str],
        *,
        chooser: bool = True,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._columns = columns
        self._cell = cell
        #: True while the widths follow the rows (False once the user set one).
        self.automatic = True
        self._fitting = False
        #: True while a mouse button is down on the header (a drag of a column edge).
        self._pressed = False
        header = view.horizontalHeader()
        if chooser:
            from PySide6.QtCore import Qt

            header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            header.customContextMenuRequested.connect(self._on_header_menu_requested)
        header.sectionResized.connect(self._on_section_resized)
        header.viewport().installEventFilter(self)

    # -- widths ---------------------------------------------------------------------------

    def _natural(self) -> tuple[list[int], list[int], list[int]]:
        """(natural, minimum, header) width of every column, from the first rows."""
        view, header = self._view, self._view.horizontalHeader()
        cells = QFontMetrics(view.font())
        style = view.style()
        pad = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 2)
        rows = min(view.model().rowCount(), SAMPLE_ROWS)
        unknown = cells.horizontalAdvance(_(UNKNOWN))
        short = cells.horizontalAdvance(SHORT_UNKNOWN)
        natural, minimum, heads = [], [], []
        for i, col in enumerate(self._columns):
            head = header.sectionSizeFromContents(i).width()
            widest = 0
            for r in range(rows):
                text = self._cell(r, i)
                if col.marks and cell_mark(text) == "unknown":
                    widest = max(widest, short if col.short_unknown else unknown)
                else:
                    widest = max(widest, cells.horizontalAdvance(text))
            if not col.keep:
                widest = min(widest, cells.averageCharWidth() * MAX_CHARS)
            natural.append(max(head, widest + pad))
            minimum.append(
                head if col.keep else max(head, cells.averageCharWidth() * col.min_chars)
            )
            heads.append(head)
        return natural, minimum, heads

    def available(self) -> int:
        """Pixels the columns may take without scrolling sideways (a vertical scroll bar's
        room is always kept: most lists have one)."""
        view = self._view
        bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
        return max(0, view.width() - 2 * view.frameWidth() - bar)

    @Slot()
    def fit(self) -> None:
        """Size the shown columns to their rows and the room there is (automatic only)."""
        if not self.automatic or not self._view.isVisible():
            return
        header = self._view.horizontalHeader()
        shown = [i for i in range(len(self._columns)) if not header.isSectionHidden(i)]
        if not shown:
            return
        natural, minimum, heads = self._natural()
        widths = fitted_widths(
            tuple(self._columns[i] for i in shown),
            [natural[i] for i in shown],
            [minimum[i] for i in shown],
            self.available(),
            [heads[i] for i in shown],
        )
        self._fitting = True
        try:
            for i, width in zip(shown, widths, strict=True):
                header.resizeSection(i, width)
        finally:
            self._fitting = False

    @Slot(int, int, int)
    def _on_section_resized(self, _index: int, _old: int, _new: int) -> None:
        if self._pressed and not self._fitting:  # the user dragged a column edge
            self.automatic = False

    # -- column chooser --------------------------------------------------------------------

    def hidden(self) -> list[str]:
        """The attributes of the columns hidden now."""
        header = self._view.horizontalHeader()
        return [c.attr for i, c in enumerate(self._columns) if header.isSectionHidden(i)]

    def set_hidden(self, attrs: list[str]) -> None:
        """Hide exactly the columns named (one at least stays shown)."""
        hide = {i for i, c in enumerate(self._columns) if c.attr in attrs}
        if len(hide) >= len(self._columns):
            return
        for i in range(len(self._columns)):
            self.set_shown(i, i not in hide)

    def set_shown(self, column: int, shown: bool) -> None:
        """Show or hide one column (never the last one shown)."""
        header = self._view.horizontalHeader()
        if not shown and header.count() - header.hiddenSectionCount() <= 1:
            return
        self._fitting = True
        try:
            header.setSectionHidden(column, not shown)
        finally:
            self._fitting = False
        self.fit()

    def menu(self) -> QMenu:
        """The header's context menu: every column, checked when shown."""
        header = self._view.horizontalHeader()
        from PySide6.QtGui import QAction  # the chooser: not needed for the first rows
        from PySide6.QtWidgets import QMenu

        menu = QMenu(header)
        menu.setObjectName(f"{self._view.objectName()}_columnMenu")
        menu.setTitle(_("Columns"))
        shown = header.count() - header.hiddenSectionCount()
        for i, col in enumerate(self._columns):
            action = QAction(_(col.header), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(header.isSectionHidden(i) or shown > 1)
            action.setStatusTip(_("Show or hide the {column} column").format(column=_(col.header)))
            action.toggled.connect(lambda on, c=i: self.set_shown(c, on))
            menu.addAction(action)
        return menu

    @Slot(QPoint)
    def _on_header_menu_requested(self, pos: QPoint) -> None:
        menu = self.menu()
        menu.exec(self._view.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    # -- header tooltips ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self._pressed = True
        elif kind == QEvent.Type.MouseButtonRelease:
            self._pressed = False
        if kind == QEvent.Type.ToolTip:
            return self._tooltip(event)
        return super().eventFilter(watched, event)

    def _tooltip(self, event: QEvent) -> bool:
        from PySide6.QtGui import QHelpEvent  # only for a header tooltip, not every event
        from PySide6.QtWidgets import QToolTip

        if isinstance(event, QHelpEvent):
            header = self._view.horizontalHeader()
            section = header.logicalIndexAt(event.pos())
            if 0 <= section < len(self._columns) and self._columns[section].tip:
                QToolTip.showText(event.globalPos(), _(self._columns[section].tip), header)
                return True
        return False  # not a column with a tip: the header shows its own
