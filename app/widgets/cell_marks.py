"""One look for unknown and not-applicable values in every list pane.

The rows say it in words (:data:`db.first_page.UNKNOWN`, :data:`db.first_page.NOT_APPLICABLE`,
or an empty year); :class:`MarkedCellDelegate` shows them alike in the columns marked
``marks``: *unknown* («неизвестно») in grey italics (a grey “?” in the year columns, as the detail
view's “1901 – ?”, with “unknown” as its tooltip), an em dash in grey where nothing applies.
Only the look changes: the rows, their exports and their order stay what the data layer made.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.models.columns import ColumnSpec
from db.first_page import NOT_APPLICABLE, UNKNOWN
from db.i18n import _

#: How a year column shows an unknown year (the detail view's “1901 – ?”).
SHORT_UNKNOWN = "?"


def cell_mark(text: str) -> str | None:
    """``"unknown"``, ``"none"`` or None: what a marked column's cell ``text`` stands for."""
    if not text or text == _(UNKNOWN):
        return "unknown"
    if text == NOT_APPLICABLE:
        return "none"
    return None


class MarkedCellDelegate(QStyledItemDelegate):
    """Paints the cells of ``marks`` columns that hold no known value in one grey style.

    Args:
        columns: the view's columns, in the model's order.
        parent: the view.
    """

    def __init__(self, columns: tuple[ColumnSpec, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marked = frozenset(i for i, c in enumerate(columns) if c.marks)
        self._short = frozenset(i for i, c in enumerate(columns) if c.short_unknown)
        #: The view's palette (its cache key) and the same with grey text, made once.
        self._grey: tuple[int, QPalette] | None = None

    @classmethod
    def install(cls, view: QAbstractItemView, columns: tuple[ColumnSpec, ...]) -> None:
        """Paint ``view``'s ``marks`` columns with one such delegate; the other columns keep
        Qt's own (no call into Python for each of their cells on every paint)."""
        delegate = cls(columns, view)
        for i in sorted(delegate._marked):
            view.setItemDelegateForColumn(i, delegate)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.column() in self._marked:
            mark = cell_mark(option.text)
            if mark is not None:
                self.look(option, index.column(), mark)

    def marks(self, texts: tuple[str, ...]) -> tuple[str | None, ...]:
        """What each cell of a row that shows ``texts`` stands for (:func:`cell_mark`; None in
        the columns not marked)."""
        return tuple(
            cell_mark(text) if column in self._marked else None for column, text in enumerate(texts)
        )

    def look(self, option: QStyleOptionViewItem, column: int, mark: str) -> None:
        """Give ``option``, a cell of ``column`` that stands for ``mark``, the mark's look."""
        palette = option.palette
        key = palette.cacheKey()
        if self._grey is None or self._grey[0] != key:
            grey = QPalette(palette)
            grey.setColor(
                QPalette.ColorRole.Text,
                palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text),
            )
            self._grey = (key, grey)
        option.palette = self._grey[1]
        if mark == "unknown":
            option.text = SHORT_UNKNOWN if column in self._short else _(UNKNOWN)
            option.font.setItalic(True)
        else:
            option.text = NOT_APPLICABLE
