"""DetailActions: the detail view, its pane, the trail and a chart figure follow the current item.

Built alone around a main window, the navigator, a controller on the bundled archive and
the three list panes; each slot is called as its signal would call it.  An item shows its
page, switches to its pane and selects its row; an item the archive lacks falls back to
the welcome page with a status message; an item the pane's filter hides is still shown,
with a message; the breadcrumb and Back/Forward follow the history.
"""

from __future__ import annotations

import pytest

from app.actions.detail import DetailActions
from app.controller import ArchiveController
from app.navigation import Navigator
from app.widgets.list_pane import ListPane
from app.widgets.main_window import MainWindow
from db.dto import Ref


@pytest.fixture
def navigator(window: MainWindow) -> Navigator:
    return Navigator(window)


@pytest.fixture
def actions(
    window: MainWindow,
    navigator: Navigator,
    controller: ArchiveController,
    panes: dict[str, ListPane],
) -> DetailActions:
    return DetailActions(window, navigator, controller, panes)


def test_an_item_shows_its_page_in_its_pane_with_its_row_selected(
    actions: DetailActions, window: MainWindow, panes: dict[str, ListPane]
) -> None:
    actions.show_current(Ref("document", "doc-5242"))
    assert window.detail.ref == Ref("document", "doc-5242")
    assert "Приговор Военной Коллегии" in window.detail.plain_text()
    assert window.tabs.currentWidget() is panes["document"]
    assert panes["document"].current_id() == "doc-5242"


def test_a_source_shows_its_page_and_leaves_the_tab_alone(
    actions: DetailActions, window: MainWindow, panes: dict[str, ListPane]
) -> None:
    window.tabs.setCurrentWidget(panes["event"])
    actions.show_current(Ref("source", "showtrials-catalog"))
    assert "SOURCE" in window.detail.plain_text()
    assert window.tabs.currentWidget() is panes["event"]


def test_an_item_the_archive_lacks_shows_the_welcome_page_and_says_so(
    actions: DetailActions, window: MainWindow, controller: ArchiveController
) -> None:
    actions.show_current(Ref("person", "kamenev-lev"))
    actions.show_current(Ref("person", "no-such-person"))
    assert window.detail.ref is None
    assert controller.info.title in window.detail.plain_text()
    assert window.statusBar().currentMessage() == "No person “no-such-person” in this archive"


def test_an_item_the_pane_filter_hides_is_shown_and_the_status_says_why_no_row_is_selected(
    actions: DetailActions, window: MainWindow, panes: dict[str, ListPane]
) -> None:
    people = panes["person"]
    people.set_combo_filter("role", "investigator")
    actions.show_current(Ref("person", "kamenev-lev"))
    assert "Lev Kamenev" in window.detail.plain_text()
    assert people.current_id() is None and people.model.rowCount() == 9
    assert "not among the rows" in window.statusBar().currentMessage()


def test_the_trail_and_back_forward_follow_the_history(
    actions: DetailActions, window: MainWindow, navigator: Navigator
) -> None:
    for ref in (Ref("person", "kamenev-lev"), Ref("document", "doc-5242")):
        navigator.go(ref)
    navigator.back()
    actions.show_history()
    assert not window.back_action.isEnabled() and window.forward_action.isEnabled()
    assert window.breadcrumb.text() == "<b>Lev Kamenev</b>"
    navigator.forward()
    actions.show_history()
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()
    assert window.breadcrumb.text().startswith('<a href="history:0">Lev Kamenev</a> › <b>Приговор')


def test_a_published_chart_bar_shows_every_sources_figure(
    actions: DetailActions, window: MainWindow
) -> None:
    actions.show_published_figure("military-collegium", "death")
    page = window.detail.plain_text()
    assert "Published: 2" in page
    assert "kapchenko-polbio: 1" in page and "koshel-kniga87: 2" in page
    assert window.detail.ref is None


def test_a_chart_bar_without_a_count_leaves_the_page_shown(
    actions: DetailActions, window: MainWindow
) -> None:
    actions.show_current(Ref("person", "kamenev-lev"))
    actions.show_published_figure("military-collegium", "term:99")
    assert window.detail.ref == Ref("person", "kamenev-lev")
    assert "Lev Kamenev" in window.detail.plain_text()


def test_the_dossier_actions_name_the_items_label_or_the_case(
    actions: DetailActions, window: MainWindow, controller: ArchiveController
) -> None:
    actions.name_dossier_target(Ref("event", "ev-1934-kirov"))
    label = controller.label(Ref("event", "ev-1934-kirov"))
    assert window.print_action.statusTip() == f"Dossier of {label}" and label != "ev-1934-kirov"
    actions.name_dossier_target(None)
    assert window.print_action.text() == "&Print case summary…"
