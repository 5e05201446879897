"""ContextMenus: a row's menu (Open, Open in new history branch, Copy text, Copy id, Copy
citation, Export selection), a detail link's entries, Edit → Copy as TSV, and a right press
that opens nothing by itself — on the whole app built by ``make_app``."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QTableView
from pytestqt.qtbot import QtBot

from app.actions.context_menus import _cell, rows_as_tsv
from app.bootstrap import App
from app.widgets import selection
from db.dto import Ref
from tests.app.conftest import FakeDialogs
from tests.app.ui_texts import english

__all__ = ["english"]

MakeApp = Callable[..., App]
KAMENEV = Ref("person", "kamenev-lev")


def _point(view: QTableView, row: int) -> QPoint:
    return view.visualRect(view.model().index(row, 0)).center()


def _row_menu(app: App, kind: str, item_id: str) -> QMenu:
    pane = app.panes[kind] if kind != "source" else app.sources
    row = pane.model.row_of(item_id)
    assert row is not None
    pane.view.scrollTo(pane.model.index(row, 0))
    menu = app.context_menus.row_menu(kind, _point(pane.view, row))
    assert menu is not None
    return menu


def _entry(menu: QMenu, name: str) -> QAction:
    action = next((a for a in menu.actions() if a.objectName() == name), None)
    assert action is not None, [a.objectName() for a in menu.actions()]
    return action


def test_a_row_menu_offers_every_entry(make_app: MakeApp, english: None) -> None:
    menu = _row_menu(make_app(), "person", "kamenev-lev")
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Open",
        "Open in new history branch",
        "Copy text",
        "Copy id",
        "Copy citation",
        "Export selection…",
    ]
    assert menu.defaultAction() is _entry(menu, "openItemAction")


def test_copy_id_puts_the_row_id_on_the_clipboard(make_app: MakeApp) -> None:
    app = make_app()
    _entry(_row_menu(app, "person", "kamenev-lev"), "copyIdAction").trigger()
    assert QGuiApplication.clipboard().text() == "kamenev-lev"
    _entry(_row_menu(app, "source", "koshel-kniga87"), "copyIdAction").trigger()
    assert QGuiApplication.clipboard().text() == "koshel-kniga87"


def test_copy_text_copies_the_row_as_it_shows(make_app: MakeApp) -> None:
    app = make_app()
    _entry(_row_menu(app, "person", "kamenev-lev"), "copyTextAction").trigger()
    cells = QGuiApplication.clipboard().text().split("\t")
    assert "Kamenev, Lev" in cells and "\n" not in QGuiApplication.clipboard().text()


def test_copy_citation_of_a_row_cites_that_record(make_app: MakeApp) -> None:
    app = make_app()
    app.cite_actions.today = lambda: datetime.date(2026, 1, 2)
    _entry(_row_menu(app, "event", "ev-1935-vk-verdict"), "copyRefCitationAction").trigger()
    text = QGuiApplication.clipboard().text()
    assert "ev-1935-vk-verdict" in text
    assert app.navigator.current is None  # citing opened nothing


def test_open_and_open_in_a_new_branch(make_app: MakeApp) -> None:
    app = make_app()
    nav = app.navigator
    nav.go(KAMENEV)
    nav.go(Ref("event", "ev-1935-vk-verdict"))
    nav.back()
    _entry(_row_menu(app, "person", "sinelobov-alexei"), "openBranchAction").trigger()
    assert nav.current == Ref("person", "sinelobov-alexei")
    assert nav.can_go_forward()  # the event is still ahead
    nav.back()
    assert nav.current == KAMENEV
    _entry(_row_menu(app, "document", "doc-10040"), "openItemAction").trigger()
    assert nav.current == Ref("document", "doc-10040")
    assert not nav.can_go_forward()


def test_a_right_press_on_a_row_opens_nothing(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    view = app.panes["person"].view
    qtbot.mousePress(view.viewport(), Qt.MouseButton.RightButton, pos=_point(view, 3))
    assert app.navigator.current is None
    # Released, or QTest keeps the right button down for every later test of this process (a
    # chart click in another module then came with both buttons held and named the wrong bar).
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.RightButton, pos=_point(view, 3))
    assert app.navigator.current is None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_point(view, 3))
    assert app.navigator.current is not None


def test_export_selection_writes_only_the_rows_chosen(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    target = tmp_path / "one.csv"
    fake_dialogs.save_answers.append(target)
    _entry(_row_menu(app, "person", "kamenev-lev"), "exportSelectionAction").trigger()
    with target.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 2 and "kamenev-lev" in rows[1]


def test_export_selection_of_a_source_writes_its_bibliography(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    target = tmp_path / "one.bib"
    fake_dialogs.save_answers.append(target)
    _entry(_row_menu(app, "source", "koshel-kniga87"), "exportSelectionAction").trigger()
    assert target.read_text(encoding="utf-8").count("@") == 1


def test_a_link_in_the_detail_view_gets_its_own_entries(make_app: MakeApp, english: None) -> None:
    app = make_app()
    app.navigator.go(KAMENEV)
    detail = app.window.detail
    cursor = detail.document().find("Zinoviev")  # a person linked from Kamenev's page
    assert not cursor.isNull()
    pos = detail.cursorRect(cursor).center()
    assert detail.anchorAt(pos).startswith("archive://")
    menu = app.window.detail_context_menu(pos)
    names = [a.objectName() for a in menu.actions()]
    assert names[:2] == ["openItemAction", "openBranchAction"]
    _entry(menu, "copyIdAction").trigger()
    linked = Ref.from_uri(detail.anchorAt(pos))
    assert linked is not None and QGuiApplication.clipboard().text() == linked.id
    _entry(menu, "copyLinkTextAction").trigger()
    assert "Zinoviev" in QGuiApplication.clipboard().text()
    _entry(menu, "openItemAction").trigger()
    assert app.navigator.current == linked
    assert "copyCitationAction" in [a.objectName() for a in menu.actions()]  # still there


def test_off_a_link_the_detail_menu_is_qt_s_own_plus_citation(make_app: MakeApp) -> None:
    app = make_app()
    menu = app.window.detail_context_menu(QPoint(1, 1))
    assert "openItemAction" not in [a.objectName() for a in menu.actions()]


def test_edit_copy_copies_the_selected_row_of_the_focused_list(
    qtbot: QtBot, make_app: MakeApp
) -> None:
    app = make_app()
    app.window.activateWindow()
    qtbot.waitActive(app.window)
    pane = app.panes["person"]
    row = pane.model.row_of("kamenev-lev")
    assert row is not None
    pane.view.selectRow(row)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == rows_as_tsv(pane.view, [row])
    assert QGuiApplication.clipboard().text().startswith("Kamenev, Lev\t")


def test_clipboard_cells_are_one_line_and_never_formulas() -> None:
    assert _cell("=SUM(A1)") == "'=SUM(A1)"
    assert _cell("two\nlines\tand\x1bescape") == "two lines and escape"
    assert _cell(None) == ""


def test_shift_click_selects_many_rows_which_copy_and_export_take_in_order(
    qtbot: QtBot, make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    pane = app.panes["person"]
    view = pane.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_point(view, 2))
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        _point(view, 5),
    )
    assert selection.rows(view) == [2, 3, 4, 5]
    assert app.window.status.text() == "4 people selected"
    app.context_menus.copy_focused_rows("person")
    assert QGuiApplication.clipboard().text() == rows_as_tsv(view, [2, 3, 4, 5])
    target = tmp_path / "four.csv"
    fake_dialogs.save_answers.append(target)
    app.context_menus.export_rows("person", selection.rows(view))
    with target.open(encoding="utf-8-sig") as f:
        ids = [r[0] for r in list(csv.reader(f))[1:]]
    assert ids == [pane.model.id_at(r) for r in (2, 3, 4, 5)]


def test_a_selection_over_the_limit_copies_the_first_rows_and_says_so(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    view = app.panes["person"].view
    view.selectAll()
    assert selection.count(view) == 99
    monkeypatch.setattr(selection, "SELECTION_LIMIT", 10)
    assert selection.rows(view) == list(range(10))
    app.context_menus.copy_focused_rows("person")
    assert QGuiApplication.clipboard().text() == rows_as_tsv(view, list(range(10)))
    assert app.window.statusBar().currentMessage().startswith("Only the first 10 selected rows")
    monkeypatch.undo()
    view.selectionModel().select(
        view.model().index(3, 0),
        QItemSelectionModel.SelectionFlag.Deselect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert selection.count(view) == 98 and 3 not in selection.rows(view)
