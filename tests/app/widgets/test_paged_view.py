"""The paged lists' table paints what ``QTableView`` paints, pixel for pixel, with no call from
C++ into Python per cell.

Each pane is built as the app builds it (a ``PagedTableModel`` over the bundled archive and its
``ListPane``).  The reference picture is the same view, in the same state, painted by
``QTableView.paintEvent`` with the same delegate (the way it was painted before this view).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QPointF, QRect, Qt
from PySide6.QtGui import QHoverEvent, QImage
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from app import language
from app.widgets.list_pane import ListPane
from app.widgets.paged_cells import PagedCellDelegate
from app.widgets.paged_view import PagedTableView
from db import Archive
from db.listing import ListQuery
from tests.app.ui_texts import english
from tests.app.widgets.list_panes import KINDS, bookmark_rows, shown_pane

__all__ = ["english"]


@pytest.fixture
def delegate_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, int]]]:
    """The cells the delegate was asked to paint, as (row, column)."""
    calls: list[tuple[int, int]] = []
    paint = PagedCellDelegate.paint

    def counted(self: PagedCellDelegate, painter, option, index) -> None:  # type: ignore[no-untyped-def]
        calls.append((index.row(), index.column()))
        paint(self, painter, option, index)

    monkeypatch.setattr(PagedCellDelegate, "paint", counted)
    yield calls


def _ours(pane: ListPane, area: QRect | None = None) -> QImage:
    viewport = pane.view.viewport()
    viewport.repaint() if area is None else viewport.repaint(area)
    return viewport.grab().toImage()


def _qt_way(pane: ListPane, monkeypatch: pytest.MonkeyPatch) -> QImage:
    """The same view painted by QTableView.paintEvent."""
    with monkeypatch.context() as m:
        m.setattr(PagedTableView, "_own_paint", lambda self, delegate: False)
        return _ours(pane)


def _select(pane: ListPane, rows: tuple[int, ...], current: tuple[int, int]) -> None:
    view = pane.view
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        view.selectionModel().select(pane.model.index(row, 0), flags)
    view.setCurrentIndex(pane.model.index(*current))


def test_every_list_pane_has_it(qtbot: QtBot, archive: Archive) -> None:
    for kind in KINDS:
        assert isinstance(shown_pane(qtbot, archive, kind).view, PagedTableView)


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_it_paints_what_qt_paints(
    qtbot: QtBot,
    archive: Archive,
    english: None,
    monkeypatch: pytest.MonkeyPatch,
    delegate_calls: list[tuple[int, int]],
    kind: str,
    lang: str,
) -> None:
    # Selected rows, the current cell with the focus, alternate rows, grid, unknown and
    # not-applicable cells: whatever the first screen of each list holds.
    language.apply(lang)
    pane = shown_pane(qtbot, archive, kind)
    _select(pane, (1, 4, 5), (4, 1))
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)  # (the focus ring shows in an active window)
    pane.view.setFocus()
    assert pane.view.hasFocus()
    ours = _ours(pane)
    assert delegate_calls == []  # no cell went through the delegate …
    theirs = _qt_way(pane, monkeypatch)
    assert delegate_calls  # … as every cell does in Qt's paint
    assert not ours.isNull() and ours == theirs


@pytest.mark.parametrize(
    "setting",
    ["no grid", "no alternating", "wrapped", "dotted grid", "moved and hidden columns"],
)
def test_the_views_settings_are_painted_as_qt_paints_them(
    qtbot: QtBot,
    archive: Archive,
    english: None,
    monkeypatch: pytest.MonkeyPatch,
    setting: str,
) -> None:
    pane = shown_pane(qtbot, archive)
    view = pane.view
    header = view.horizontalHeader()
    if setting == "no grid":
        view.setShowGrid(False)
    elif setting == "no alternating":
        view.setAlternatingRowColors(False)
    elif setting == "wrapped":
        view.setWordWrap(True)
        view.setColumnWidth(0, 60)
        view.verticalHeader().setDefaultSectionSize(3 * view.fontMetrics().lineSpacing() + 8)
    elif setting == "dotted grid":
        view.setGridStyle(Qt.PenStyle.DotLine)
    else:
        header.moveSection(0, 3)
        header.hideSection(2)
    view.scrollTo(pane.model.index(7, 0), QTableView.ScrollHint.PositionAtTop)
    assert view.rowAt(0) == 7  # an odd row on top: the alternate colours start shifted
    _select(pane, (8, 9), (9, 3))
    assert _ours(pane) == _qt_way(pane, monkeypatch)


def test_a_part_of_the_view_is_painted_as_qt_paints_it(
    qtbot: QtBot, archive: Archive, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Scrolling by a few pixels repaints a strip: a dirty area that starts and ends inside
    # rows and columns.  Painted over Qt's whole picture, it leaves the picture unchanged.
    pane = shown_pane(qtbot, archive)
    _select(pane, (2,), (2, 0))
    theirs = _qt_way(pane, monkeypatch)
    strip = QRect(37, 11, 300, 45)
    with monkeypatch.context() as m:
        m.setattr(PagedTableView, "paintEvent", QTableView.paintEvent)
        pane.view.viewport().repaint()
    assert _ours(pane, strip) == theirs


def test_the_hovered_cell_is_painted_as_qt_paints_it(
    qtbot: QtBot, archive: Archive, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fusion draws no hover of its own; a style sheet does, as a Windows style would.
    pane = shown_pane(qtbot, archive)
    view = pane.view
    view.setStyleSheet("QTableView::item:hover { background: #ffd0d0; }")
    viewport = view.viewport()
    viewport.setAttribute(Qt.WidgetAttribute.WA_Hover)
    where = QPointF(view.columnViewportPosition(1) + 5, view.rowViewportPosition(3) + 5)
    for kind in (QEvent.Type.HoverEnter, QEvent.Type.HoverMove):
        QApplication.sendEvent(viewport, QHoverEvent(kind, where, where, QPointF(-1, -1)))
    ours = _ours(pane)
    assert ours == _qt_way(pane, monkeypatch)
    QApplication.sendEvent(
        viewport, QHoverEvent(QEvent.Type.HoverLeave, QPointF(-1, -1), where, QPointF(-1, -1))
    )
    left = _ours(pane)
    assert left != ours  # (the hover was there to see)
    assert left == _qt_way(pane, monkeypatch)


def test_a_marked_row_is_painted_by_the_delegate_as_qt_paints_it(
    qtbot: QtBot,
    archive: Archive,
    english: None,
    monkeypatch: pytest.MonkeyPatch,
    delegate_calls: list[tuple[int, int]],
) -> None:
    pane = shown_pane(qtbot, archive)
    model = pane.model
    bookmark_rows(model, (2, 3))
    ours = _ours(pane)
    # Only the two icons' cells went through the delegate (and Qt's way, for the icon).
    assert sorted(delegate_calls) == [(2, 0), (3, 0)]
    assert ours == _qt_way(pane, monkeypatch)


def test_a_view_it_does_not_know_is_painted_by_qt(
    qtbot: QtBot, archive: Archive, english: None, delegate_calls: list[tuple[int, int]]
) -> None:
    pane = shown_pane(qtbot, archive)
    pane.view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    _ours(pane)
    assert delegate_calls  # QTableView's paint, through the delegate
    delegate_calls.clear()
    pane.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    pane.view.verticalHeader().hideSection(1)
    _ours(pane)
    assert delegate_calls


def test_an_empty_list_paints_nothing_but_its_background(
    qtbot: QtBot, archive: Archive, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = shown_pane(qtbot, archive)
    pane.model.set_query(ListQuery(pane.model.query.sort, filters=(("role", "no such role"),)))
    assert pane.model.rowCount() == 0
    QApplication.processEvents()  # (the scroll bar goes: the viewport widens)
    assert _ours(pane) == _qt_way(pane, monkeypatch)


def test_a_row_still_on_its_way_is_painted_by_the_delegate_as_qt_paints_it(
    qtbot: QtBot,
    archive: Archive,
    english: None,
    monkeypatch: pytest.MonkeyPatch,
    delegate_calls: list[tuple[int, int]],
) -> None:
    # On a server a row's strings come from a worker: until they do, its cells are Qt's way
    # (the model answers no text), and no text of the cell painted before is left in them.
    pane = shown_pane(qtbot, archive)
    model = pane.model
    waiting = 3
    row_cells, data = PagedCellDelegate.row_cells, type(model).data

    def cells(self: PagedCellDelegate, row: int):  # type: ignore[no-untyped-def]
        return None if row == waiting else row_cells(self, row)

    def no_text(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        return None if index.row() == waiting else data(self, index, role)

    monkeypatch.setattr(PagedCellDelegate, "row_cells", cells)
    monkeypatch.setattr(type(model), "data", no_text)
    ours = _ours(pane)
    assert {row for row, _column in delegate_calls} == {waiting}
    assert ours == _qt_way(pane, monkeypatch)
