"""MainWindow: named actions with their shortcuts, the breadcrumb, dossier labels, mouse buttons.

The window is built alone (no archive): these are its own promises.  Every action the app
connects has a stable object name, a menu entry and a shortcut no other action shares; the
breadcrumb shows archive labels as text and reports only its own ``history:N`` links; the
mouse back/forward buttons trigger Back/Forward wherever they are pressed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QTextBrowser, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app import language
from app.bootstrap import App
from app.widgets.main_window import MainWindow
from tests.app.ui_texts import english, russian

__all__ = ["english", "russian"]

K = QKeySequence.StandardKey


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    return w


def test_a_window_completed_later_is_the_window_built_at_once(qtbot: QtBot) -> None:
    """gui.run builds the window without its detail view, palette and help (the first rows are
    painted in between), then completes it: the same window in the end."""
    whole, later = MainWindow(), MainWindow(complete=False)
    qtbot.addWidget(whole)
    qtbot.addWidget(later)
    assert not later.completed and later.findChild(QTextBrowser) is None
    assert later.menuBar().actions() and later.toolbar.actions()  # the chrome is all there
    later.complete()
    later.complete()  # once only
    assert later.completed and len(later.findChildren(QTextBrowser, "detailView")) == 1
    for w in (whole, later):
        assert w.right_split.widget(0) is w.detail
        assert w.left_split.orientation() == w.right_split.orientation() == Qt.Orientation.Vertical
        assert w.splitter.orientation() == Qt.Orientation.Horizontal
        assert w.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
        assert w.breadcrumb.textFormat() == Qt.TextFormat.RichText
    assert [a.objectName() for a in later.menu_actions()] == [
        a.objectName() for a in whole.menu_actions()
    ]
    assert [a.shortcuts() for a in later.actions()] == [a.shortcuts() for a in whole.actions()]
    assert _action(later, "openAction").shortcut() == QKeySequence(K.Open)
    assert _action(later, "exportAction").shortcut() == QKeySequence("Ctrl+E")


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def _menu_actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_actions(sub)
        else:
            yield action


@pytest.mark.parametrize(
    ("name", "shortcut"),
    [
        ("openAction", K.Open),
        ("exportAction", "Ctrl+E"),
        ("printAction", K.Print),
        ("printPreviewAction", None),
        ("exportPdfAction", "Ctrl+Shift+E"),
        ("caseSummaryAction", None),
        ("saveChartAction", None),
        ("quitAction", K.Quit),
        ("backAction", "Alt+Left"),
        ("forwardAction", "Alt+Right"),
        ("findAction", K.Find),
        ("searchFilterAction", "Ctrl+Shift+F"),
        ("clearFiltersAction", "Ctrl+Shift+L"),
        ("aboutAction", None),
        ("copyCitationAction", "Ctrl+Shift+C"),
        ("exportBibliographyAction", None),
        ("exportRecordBibliographyAction", None),
        ("chicagoStyleAction", None),
        ("gostStyleAction", None),
        ("paletteAction", "Ctrl+K"),
        ("helpAction", K.HelpContents),
        ("shortcutsAction", None),
        ("copyRowsAction", K.Copy),
    ],
)
def test_each_action_has_its_object_name_and_shortcut(
    window: MainWindow, name: str, shortcut: str | QKeySequence.StandardKey | None
) -> None:
    expected = QKeySequence() if shortcut is None else QKeySequence(shortcut)
    assert _action(window, name).shortcut() == expected


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    for title, key in (("People", "Ctrl+1"), ("Events", "Ctrl+2"), ("Outcomes", "Ctrl+4")):
        window.add_pane(QWidget(), title, key)
    keys = [
        a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()
    ]
    assert len(keys) >= 12
    assert len(keys) == len(set(keys)), sorted(keys)


def test_every_named_action_has_a_menu_entry(window: MainWindow) -> None:
    window.add_pane(QWidget(), "People", "Ctrl+1")
    in_menus = {
        a.objectName()
        for top in window.menuBar().actions()
        if isinstance(menu := top.menu(), QMenu)
        for a in _menu_actions(menu)
    }
    named = {
        a.objectName()
        for a in window.findChildren(QAction)
        if a.objectName() and not a.objectName().startswith("_q_")  # Qt's own (clear buttons)
    }
    assert {"showPeopleAction", "backAction", "aboutAction"} <= named
    assert named - in_menus == set()


def test_a_pane_gets_a_tab_and_a_go_action_that_shows_it(window: MainWindow) -> None:
    first, second = QWidget(), QWidget()
    window.add_pane(first, "People", "Ctrl+1")
    action = window.add_pane(second, "Outcome chart", "Ctrl+4")
    assert action.objectName() == "showOutcomechartAction"
    assert action.shortcut() == QKeySequence("Ctrl+4")
    assert window.tabs.tabText(1) == "Outcome chart"
    assert window.tabs.currentWidget() is first
    action.trigger()
    assert window.tabs.currentWidget() is second


def test_panes_added_together_are_retranslated_and_ordered_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    for name in ("retranslate", "fix_tab_order"):
        real = getattr(window, name)
        monkeypatch.setattr(window, name, lambda real=real, name=name: (calls.append(name), real()))
    with window.adding_panes():
        actions = [window.add_pane(QWidget(), title, "") for title in ("People", "Events")]
        assert calls == []
    assert calls == ["retranslate", "fix_tab_order"]
    assert [a.text() for a in actions] == ["&People", "&Events"]  # translated at the end
    window.add_pane(QWidget(), "Sources", "")  # alone: at once
    assert calls == ["retranslate", "fix_tab_order"] * 2


# -- breadcrumb -----------------------------------------------------------------------------

HOSTILE = '<img src="file:///etc/passwd"> & <a href="x">'


def test_the_breadcrumb_shows_labels_as_text_and_links_all_but_the_current(
    window: MainWindow,
) -> None:
    window.set_breadcrumb([(3, "Lev Kamenev", False), (4, HOSTILE, True)])
    html = window.breadcrumb.text()
    assert '<a href="history:3">Lev Kamenev</a>' in html
    assert "<img" not in html and 'href="x"' not in html and "&lt;img" in html
    assert window.breadcrumb.textFormat() == Qt.TextFormat.RichText
    assert html.count("<a ") == 1 and "<b>" in html


def test_a_long_breadcrumb_label_is_cut_to_thirty_characters(window: MainWindow) -> None:
    window.set_breadcrumb([(0, "Приговор Военной Коллегии Верховного Суда СССР", True)])
    assert window.breadcrumb.text() == "<b>Приговор Военной Коллегии Ве…</b>"


def test_a_long_trail_keeps_its_newest_entries_and_gives_the_oldest_as_an_ellipsis(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    names = ["Olga Kameneva", "Спецсообщение Я.С. Агранова Н.И.", "Alexei Sinelobov"]
    trail = [(i, name, False) for i, name in enumerate(names * 3)]
    window.set_breadcrumb([*trail, (9, "Ekaterina Mukhanova", True)])
    qtbot.waitUntil(lambda: window.breadcrumb.text().startswith("… › "))
    html = window.breadcrumb.text()
    assert html.endswith("<b>Ekaterina Mukhanova</b>")  # the page shown is never the one cut
    assert '<a href="history:8">Alexei Sinelobov</a>' in html and "history:0" not in html
    width = window.breadcrumb.fontMetrics().horizontalAdvance
    assert width(re.sub("<[^>]+>", "", html)) <= window.breadcrumb.width()
    window.breadcrumb.resize(4000, window.breadcrumb.height())  # room for all of it
    assert "history:0" in window.breadcrumb.text()


def test_a_trail_set_while_hidden_is_fitted_when_shown(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1280, 720)
    trail = [(i, f"A person with a long name {i}", False) for i in range(12)]
    window.set_breadcrumb([*trail, (12, "Ekaterina Mukhanova", True)])
    assert not window.breadcrumb.text().startswith("…")  # no width yet: all of it
    window.show()
    qtbot.waitExposed(window)
    assert window.breadcrumb.text().startswith("… › ")
    assert window.breadcrumb.text().endswith("<b>Ekaterina Mukhanova</b>")


@pytest.mark.parametrize("link", ["history:0", "history:2", "history:17"])
def test_a_breadcrumb_link_emits_its_history_index(
    window: MainWindow, qtbot: QtBot, link: str
) -> None:
    with qtbot.waitSignal(window.breadcrumb_clicked, timeout=30_000) as clicked:
        window.breadcrumb.linkActivated.emit(link)
    assert clicked.args == [int(link.removeprefix("history:"))]


@pytest.mark.parametrize(
    "link",
    ["history:", "history:-1", "history:2x", "archive://person/x", "file:///etc"],
)
def test_other_breadcrumb_links_emit_nothing(window: MainWindow, qtbot: QtBot, link: str) -> None:
    with qtbot.assertNotEmitted(window.breadcrumb_clicked):
        window.breadcrumb.linkActivated.emit(link)


# -- dossier target -------------------------------------------------------------------------


def test_the_dossier_actions_name_the_item_shown(window: MainWindow) -> None:
    window.set_dossier_target("Lev <Kamenev>")
    texts = [a.text() for a in (window.print_action, window.preview_action)]
    assert texts == ["&Print dossier…", "Print pre&view of the dossier…"]
    assert window.export_pdf_action.text() == "Export dossier as PD&F…"
    assert window.print_action.statusTip() == "Dossier of Lev <Kamenev>"
    assert window.export_pdf_action.toolTip() == "Export dossier as PDF — Dossier of Lev <Kamenev>"


def test_without_an_item_the_dossier_actions_name_the_case_summary(window: MainWindow) -> None:
    window.set_dossier_target("Lev Kamenev")
    window.set_dossier_target(None)
    assert window.print_action.text() == "&Print case summary…"
    assert window.preview_action.text() == "Print pre&view of the case summary…"
    assert window.export_pdf_action.text() == "Export case summary as PD&F…"
    assert "Kamenev" not in window.export_pdf_action.toolTip()
    assert "case summary" in window.print_action.statusTip()


# -- mouse buttons, closing -----------------------------------------------------------------


@pytest.fixture
def filtering(window: MainWindow, qapp: QApplication) -> Iterator[MainWindow]:
    """The window filters the application's events, as the app installs it."""
    window.show()
    window.back_action.setEnabled(True)
    window.forward_action.setEnabled(True)
    qapp.installEventFilter(window)
    yield window
    qapp.removeEventFilter(window)


@pytest.mark.parametrize(
    ("button", "expected"),
    [
        (Qt.MouseButton.BackButton, ["back"]),
        (Qt.MouseButton.ForwardButton, ["forward"]),
        (Qt.MouseButton.LeftButton, []),
    ],
)
def test_the_mouse_side_buttons_go_back_and_forward_over_any_child(
    filtering: MainWindow, qtbot: QtBot, button: Qt.MouseButton, expected: list[str]
) -> None:
    w = filtering
    seen: list[str] = []
    w.back_action.triggered.connect(lambda: seen.append("back"))
    w.forward_action.triggered.connect(lambda: seen.append("forward"))
    qtbot.mouseClick(w.detail.viewport(), button, pos=QPoint(10, 10))
    assert seen == expected


def test_closing_the_window_announces_it(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    with qtbot.waitSignal(window.closing, timeout=30_000):
        window.close()


# -- citations ------------------------------------------------------------------------------


def test_the_edit_menu_copies_a_citation_and_offers_the_styles(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&File", "&Edit"]
    edit = list(_menu_actions(window.edit_menu))
    assert [a.objectName() for a in edit] == [
        "copyRowsAction",
        "copyCitationAction",
        "chicagoStyleAction",
        "gostStyleAction",
        "",  # a separator
        "bookmarkAction",
        "saveSearchAction",
    ]


def test_one_citation_style_is_checked_at_a_time(window: MainWindow) -> None:
    styles = window.citation_style_actions
    assert set(styles) == {"chicago", "gost"}
    window.set_citation_style("gost")
    assert styles["gost"].isChecked() and not styles["chicago"].isChecked()
    styles["chicago"].trigger()
    assert styles["chicago"].isChecked() and not styles["gost"].isChecked()
    window.set_citation_style("unknown")  # ignored
    assert styles["chicago"].isChecked()


def test_the_file_menu_exports_bibliographies(window: MainWindow) -> None:
    names = [a.objectName() for a in window.file_menu.actions()]
    assert "exportBibliographyAction" in names and "exportRecordBibliographyAction" in names


def test_the_detail_context_menu_keeps_copy_and_adds_copy_citation(window: MainWindow) -> None:
    window.detail.setPlainText("Mikhail Cherniavsky")
    menu = window.detail_context_menu(QPoint(5, 5))
    try:
        actions = list(_menu_actions(menu))
        names = [a.objectName() for a in actions]
        assert "copyCitationAction" in names and "gostStyleAction" in names
        assert any("Copy" in a.text() and a is not window.copy_citation_action for a in actions)
        assert window.detail.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    finally:
        menu.deleteLater()


# -- language -------------------------------------------------------------------------------


def test_view_language_offers_each_language_in_its_own_name(window: MainWindow) -> None:
    menu = window.findChild(QMenu, "languageMenu")
    assert menu is not None and menu in [a.menu() for a in window.view_menu.actions()]
    assert [(a.text(), a.data(), a.isCheckable()) for a in menu.actions()] == [
        ("English", "en", True),
        ("Русский", "ru", True),
    ]
    window.set_language("ru")
    window.set_language("en")
    assert [a.isChecked() for a in menu.actions()] == [True, False]


def test_a_language_change_retranslates_menus_tabs_and_what_the_window_was_told(
    window: MainWindow, english: None
) -> None:
    pane = QWidget()
    window.add_pane(pane, "People", "Ctrl+1")
    window.set_dossier_target("Каменев Лев Борисович")
    window.set_citation_target("the outcome chart")
    language.apply("ru")  # Qt delivers LanguageChange: the window retranslates itself
    assert [a.text() for a in window.menuBar().actions()] == [
        "&Файл",
        "&Правка",
        "П&ереход",
        "&Вид",
        "&Справка",
    ]
    assert window.tabs.tabText(0) == "Люди"
    assert window.findChild(QAction, "showPeopleAction").text() == "&Люди"  # type: ignore[union-attr]
    assert window.print_action.text() == "&Печать досье…"
    assert window.print_action.statusTip() == "Досье: Каменев Лев Борисович"
    assert window.open_action.toolTip() == "Открыть другой файл архива"
    assert window.quit_action.toolTip() == "Выход"  # no tip of its own: Qt shows the text
    language.apply("en")
    assert window.file_menu.title() == "&File" and window.tabs.tabText(0) == "People"
    assert window.print_action.statusTip() == "Dossier of Каменев Лев Борисович"
    assert window.copy_citation_action.toolTip() == "Copy a citation of the outcome chart"


def test_the_toolbar_shows_the_actions_in_russian(window: MainWindow, russian: None) -> None:
    window.set_dossier_target(None)
    buttons = [
        b.text() for b in window.toolbar.findChildren(QToolButton) if b.defaultAction() is not None
    ]
    assert buttons[:3] == ["Назад", "Вперёд", "Открыть архив"]  # tool buttons drop the "…"
    assert "Печать сводки по делу" in buttons


# -- the search panel above the panes ----------------------------------------------------------


def test_the_search_results_take_room_only_while_there_is_a_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QLineEdit

    from app.widgets.search_panel import SearchPanel

    panel = SearchPanel(window)
    window.set_search_panel(panel)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    box = panel.findChild(QLineEdit, "searchBox")
    assert box is not None
    empty = window.left_split.sizes()
    assert empty[0] <= box.height() + 2  # only the box: the panes have the rest
    box.setText("Каменев")
    qtbot.waitUntil(lambda: window.left_split.sizes()[0] > 4 * box.height())
    box.setText("")
    qtbot.waitUntil(lambda: window.left_split.sizes() == empty)


def test_a_search_shows_several_hits_in_the_smallest_window(
    qtbot: QtBot, make_app: Callable[..., App]
) -> None:
    # Twelve lines of room showed one hit of "Mukhanova"'s fifty at 1280×720 (a new user's
    # trial), over a list of two rows that had the rest of the column.
    from PySide6.QtWidgets import QLineEdit, QTreeView

    app = make_app()
    window = app.window
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    box = window.findChild(QLineEdit, "searchBox")
    view = window.findChild(QTreeView, "searchResults")
    assert box is not None and view is not None
    box.setText("Mukhanova")
    qtbot.waitUntil(lambda: view.model().rowCount() == 4)  # people, events, documents, sources
    qtbot.waitUntil(lambda: window.left_split.sizes()[0] > 4 * box.height())
    rows, index = [], view.model().index(0, 0)
    while index.isValid():  # the groups' headings and their hits, as drawn from the top
        rows.append(view.visualRect(index))
        index = view.indexBelow(index)
    assert len(rows) > 50
    whole = [r for r in rows if view.viewport().rect().contains(r)]
    assert len(whole) >= 6  # a group's heading and five hits at least
    assert window.left_split.sizes()[1] >= window.left_split.sizes()[0]  # the list keeps half


def _searched(qtbot: QtBot, make_app: Callable[..., App], text: str) -> tuple[App, Any]:
    """The app at 1280×720 with ``text`` searched and its results open; the search box."""
    from PySide6.QtWidgets import QLineEdit

    app = make_app()
    window = app.window
    window.resize(1280, 720)
    qtbot.waitExposed(window)
    box = window.findChild(QLineEdit, "searchBox")
    assert box is not None
    box.setText(text)
    qtbot.waitUntil(lambda: window.left_split.sizes()[0] > 4 * box.height())
    return app, box


def test_a_figure_tab_takes_most_of_the_column_from_the_results(
    qtbot: QtBot, make_app: Callable[..., App]
) -> None:
    """New-user trial: with "Mukhanova"'s results open at 1280×720 the Network tab had 150 px
    and its names could not be read.  Above a figure the results keep a quarter of the
    column; back on a list they have the room they had."""
    app, box = _searched(qtbot, make_app, "Mukhanova")
    window = app.window
    over_list = window.left_split.sizes()
    total = sum(over_list)
    for figure in (app.network, app.timeline, app.chart):
        window.tabs.setCurrentWidget(figure)
        results, rest = window.left_split.sizes()
        assert results <= total // 4 < results + 2 * box.height()  # a quarter, no less
        assert rest >= 3 * results
    window.tabs.setCurrentWidget(app.panes["person"])
    assert window.left_split.sizes() == over_list


def test_the_results_height_the_reader_chose_over_a_list_is_kept(
    qtbot: QtBot, make_app: Callable[..., App]
) -> None:
    """A figure tab's quarter is the window's cut, not the reader's choice: the height the
    reader dragged the results to over a list comes back after a figure and a new search."""
    app, box = _searched(qtbot, make_app, "Mukhanova")
    window = app.window
    total = sum(window.left_split.sizes())
    chosen = total // 3
    window.left_split.setSizes([chosen, total - chosen])
    chosen = window.left_split.sizes()[0]
    window.tabs.setCurrentWidget(app.network)
    assert window.left_split.sizes()[0] <= total // 4
    window.tabs.setCurrentWidget(app.panes["person"])
    assert window.left_split.sizes()[0] == chosen
    box.setText("")
    qtbot.waitUntil(lambda: window.left_split.sizes()[0] < 2 * box.height())
    box.setText("Kamenev")
    qtbot.waitUntil(lambda: window.left_split.sizes()[0] > 4 * box.height())
    assert window.left_split.sizes()[0] == chosen


def test_the_file_menu_names_each_command_once_with_or_without_an_item_shown(
    qtbot: QtBot, make_app: Callable[..., App]
) -> None:
    """New-user trial: with no record shown, the File menu had "Export case summary as PDF…"
    twice (Export PDF acts on the case summary then, and so does the summary's own entry)."""
    from PySide6.QtWidgets import QMenu

    from db.dto import Ref

    app = make_app()
    window = app.window
    menu = next(
        a.menu()
        for a in window.menuBar().actions()
        if isinstance(a.menu(), QMenu) and window.open_action in a.menu().actions()
    )

    def shown() -> list[str]:
        return [a.text().replace("&", "") for a in menu.actions() if a.isVisible() and a.text()]

    assert len(shown()) == len(set(shown()))
    assert not window.case_summary_pdf_action.isVisible()
    app.navigator.go(Ref("person", "mukhanova-ekaterina"))
    qtbot.waitUntil(lambda: window.case_summary_pdf_action.isVisible())
    assert "Export dossier as PDF…" in shown() and "Export case summary as PDF…" in shown()
    assert len(shown()) == len(set(shown()))


def test_tab_goes_in_visual_order(make_app: Callable[..., App]) -> None:
    """Search box → its results (when shown) → pane tabs → filters → table → detail view."""
    window = make_app().window
    names = [w.objectName() for w in window.focus_chain()]
    expected = [
        "searchBox",
        "qt_tabwidget_tabbar",
        "peoplePane_roleFilter",
        "peoplePane",
        "detailView",
    ]
    positions = [names.index(n) for n in expected]
    assert positions == sorted(positions), names
    if "searchResults" in names:
        assert names.index("searchBox") < names.index("searchResults") < positions[1]


def test_tab_really_walks_that_order(qtbot: QtBot, make_app: Callable[..., App]) -> None:
    window = make_app().window
    window.activateWindow()
    qtbot.waitActive(window)
    chain = window.focus_chain()
    chain[0].setFocus(Qt.FocusReason.TabFocusReason)
    visited = [window.focusWidget()]
    for _ in range(len(chain) - 1):
        qtbot.keyClick(window, Qt.Key.Key_Tab)  # delivered to the widget with the focus
        visited.append(window.focusWidget())
    assert [w.objectName() for w in visited] == [w.objectName() for w in chain]
