"""The paged lists' delegate paints what Qt's own delegate paints, pixel for pixel, without
asking the model for each cell's roles.

Each pane is built as the app builds it (a ``PagedTableModel`` over the bundled archive and its
``ListPane``); the reference picture is the same view painted the way it was before this
delegate: Qt's delegate, with the grey-marks delegate on the marked columns.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStyledItemDelegate
from pytestqt.qtbot import QtBot

from app import language
from app.widgets.cell_marks import MarkedCellDelegate
from app.widgets.list_pane import ListPane
from app.widgets.paged_cells import PagedCellDelegate
from db import Archive
from db.listing import ListQuery
from tests.app.conftest import ModelCalls
from tests.app.ui_texts import english
from tests.app.widgets.list_panes import KINDS, bookmark_rows, shown_pane

__all__ = ["english"]


def _picture(pane: ListPane) -> QImage:
    pane.view.viewport().repaint()
    return pane.view.viewport().grab().toImage()


def _qt_way(pane: ListPane) -> QImage:
    """The view painted by Qt's delegate (grey marks on the marked columns), then ours back."""
    ours = pane.view.itemDelegate()
    plain = QStyledItemDelegate(pane.view)
    pane.view.setItemDelegate(plain)
    MarkedCellDelegate.install(pane.view, pane.model.columns)
    try:
        return _picture(pane)
    finally:
        for column in range(pane.model.columnCount()):
            pane.view.setItemDelegateForColumn(column, None)  # type: ignore[arg-type]
        pane.view.setItemDelegate(ours)


def test_every_list_pane_paints_its_cells_with_it(qtbot: QtBot, archive: Archive) -> None:
    for kind in KINDS:
        pane = shown_pane(qtbot, archive, kind)
        assert isinstance(pane.view.itemDelegate(), PagedCellDelegate)
        assert all(
            pane.view.itemDelegateForColumn(c) is None for c in range(pane.model.columnCount())
        )


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_cells_look_as_qts_delegate_paints_them(
    qtbot: QtBot, archive: Archive, english: None, kind: str, lang: str
) -> None:
    language.apply(lang)
    pane = shown_pane(qtbot, archive, kind)
    view = pane.view
    # Selected rows (one of them the current), alternate rows, unknown and not-applicable
    # cells, years shown as “?”: whatever the first screen of each list holds.
    selection = view.selectionModel()
    for row in (1, 4, 5):
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.select(pane.model.index(row, 0), flags)
    view.setCurrentIndex(pane.model.index(4, 1))
    ours = _picture(pane)
    assert not ours.isNull()
    assert ours == _qt_way(pane)


@pytest.mark.parametrize("alternating", [True, False])
@pytest.mark.parametrize("wrapping", [True, False])
def test_a_cells_features_follow_the_views_settings_and_its_row(
    qtbot: QtBot, archive: Archive, english: None, alternating: bool, wrapping: bool
) -> None:
    # The delegate works a cell's features out from its row and the view (not from the
    # option): alternate colours on odd rows only when the view alternates, wrapped text only
    # when it wraps; scrolled to an odd row so the top row is an alternate one.
    pane = shown_pane(qtbot, archive, "person")
    view = pane.view
    view.setAlternatingRowColors(alternating)
    view.setWordWrap(wrapping)
    # Names too long for the column, rows tall enough for three lines: wrapped or elided.
    view.setColumnWidth(0, 60)
    view.verticalHeader().setDefaultSectionSize(3 * view.fontMetrics().lineSpacing() + 8)
    # A style sheet gives alternate items their own colours: the text colour is the item's
    # (the option's Alternate feature), the background the view's row panel.
    view.setStyleSheet("QTableView::item:alternate { background: #c8d8ff; color: #a00000; }")
    view.scrollTo(pane.model.index(7, 0), view.ScrollHint.PositionAtTop)
    assert view.rowAt(0) == 7
    ours = _picture(pane)
    assert ours == _qt_way(pane)


def test_a_marked_row_shows_its_icon_as_qts_delegate_does(
    qtbot: QtBot, archive: Archive, english: None
) -> None:
    pane = shown_pane(qtbot, archive, "person")
    model = pane.model
    bookmark_rows(model, (2, 3))
    ours = _picture(pane)
    assert ours == _qt_way(pane)
    pane.model.set_marks(None, {}, {})
    assert _picture(pane) != ours  # the icons were there to see


def test_a_paint_asks_the_model_no_roles_of_its_cells(
    qtbot: QtBot, archive: Archive, model_calls: ModelCalls
) -> None:
    pane = shown_pane(qtbot, archive, "person")
    model = pane.model
    shown = pane.view.rowAt(pane.view.viewport().height() - 1) + 1
    before, rows = model_calls.of(model), model_calls.rows[id(model)]
    _picture(pane)
    # A row's strings are made by the first of its cells painted (one call per row) …
    assert model_calls.rows[id(model)] - rows == shown
    # … and the next paint looks every cell up in them: no display_row() or data() call,
    # no read (the first column still asks for the reader's mark icon).
    rows = model_calls.rows[id(model)]
    after_first = model_calls.of(model)
    _picture(pane)
    assert model_calls.of(model) == after_first
    assert model_calls.rows[id(model)] == rows
    assert after_first[1] == before[1]  # (no role asked by the first paint either)
    # Qt's delegate asks several roles of each cell it paints.
    cells = shown * model.columnCount()
    _qt_way(pane)
    fetches, asked = model_calls.of(model)
    assert fetches == after_first[0] and asked - after_first[1] >= 5 * cells


def test_a_filtered_or_sorted_list_is_painted_from_its_new_texts(
    qtbot: QtBot, archive: Archive, english: None
) -> None:
    # The delegate keeps the model's dict of display strings: a new query empties it in place,
    # so the rows of the new query are painted, never the last query's strings.
    pane = shown_pane(qtbot, archive, "person")
    model = pane.model
    delegate = pane.view.itemDelegate()
    assert isinstance(delegate, PagedCellDelegate)
    before = _picture(pane)
    model.set_query(ListQuery(model.query.sort, descending=True))
    assert delegate._shown is model.shown_texts
    after = _picture(pane)
    assert after != before and after == _qt_way(pane)
    model.set_query(ListQuery(model.query.sort, filters=(("role", "defendant"),)))
    filtered = _picture(pane)
    assert filtered != before and filtered == _qt_way(pane)


def test_a_row_read_again_is_painted_from_its_new_texts(
    qtbot: QtBot, archive: Archive, english: None
) -> None:
    pane = shown_pane(qtbot, archive, "person")
    english_picture = _picture(pane)
    english_texts = pane.model.display_row(0)
    language.apply("ru")
    pane.model.retranslate()  # pages dropped: every row is read again, in Russian
    russian = _picture(pane)
    russian_texts = pane.model.display_row(0)
    assert russian_texts != english_texts
    assert russian != english_picture
    assert russian == _qt_way(pane)
    language.apply("en")
    pane.model.retranslate()
    assert pane.model.display_row(0) == english_texts
    assert _picture(pane) == _qt_way(pane)
