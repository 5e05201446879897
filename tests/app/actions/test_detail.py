"""DetailActions: the detail view, its pane, the trail and a chart figure follow the current item.

Built alone around a main window, the navigator, a controller on the bundled archive and
the three list panes; each slot is called as its signal would call it.  An item shows its
page, switches to its pane and selects its row; an item the archive lacks falls back to
the welcome page with a status message; an item the pane's filter hides is still shown,
with a message; the breadcrumb and Back/Forward follow the history.
"""

from __future__ import annotations

import re

import pytest

from app import language
from app.actions.detail import DetailActions
from app.controller import ArchiveController
from app.models.sources_model import SourcesModel
from app.navigation import Navigator
from app.widgets.list_pane import ListPane
from app.widgets.main_window import MainWindow
from app.widgets.sources_pane import SourcesPane
from db import Archive, queries
from db.dto import Ref
from tests.app.ui_texts import english

__all__ = ["english"]

#: A sample of every kind of page: the visible text of none may show a source's id.
SAMPLE = [
    Ref("person", "cherniavsky-mikhail"),
    Ref("person", "kamenev-lev"),
    Ref("person", "sinelobov-alexei"),
    Ref("person", "mukhanova-ekaterina"),
    Ref("person", "yenukidze-avel"),
    Ref("event", "ev-1935-vk-verdict"),
    Ref("event", "ev-1935-mukhanova-8mar"),
    Ref("event", "ev-1934-kirov"),
    Ref("document", "doc-5242"),
    Ref("document", "doc-5077"),
    Ref("document", "doc-5003"),
    Ref("source", "koshel-kniga87"),
    Ref("source", "showtrials-catalog"),
    Ref("source", "kapchenko-polbio"),
]


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
    assert "Политическая биография Сталина в 3-х томах, том 2 (page 531): 1" in page
    assert "Пётр Кошель, История российского сыска (page 87): 2" in page
    assert "koshel-kniga87" not in page  # the id stays in the link's address
    assert window.detail.ref is None


def test_the_breadcrumb_names_the_published_figures_shown(
    actions: DetailActions, window: MainWindow, navigator: Navigator
) -> None:
    navigator.go(Ref("person", "kamenev-lev"))
    actions.show_current(navigator.current)
    actions.show_history()
    actions.show_published_figure("military-collegium", "death")
    crumb = window.breadcrumb.text()
    assert crumb.startswith('<a href="history:0">Lev Kamenev</a> › <b>Figures: ')
    assert "<b>Lev Kamenev</b>" not in crumb  # the person is no longer what is shown
    actions.show_current(navigator.current)  # back to an item of the history
    actions.show_history()
    assert window.breadcrumb.text() == "<b>Lev Kamenev</b>"


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


@pytest.fixture
def sources_pane(window: MainWindow, controller: ArchiveController) -> SourcesPane:
    model = SourcesModel(controller.holder, window)
    model.reload()
    pane = SourcesPane(model, window)
    window.add_pane(pane, "Sources", "Ctrl+5")
    return pane


def test_with_a_sources_pane_a_source_is_revealed_there(
    window: MainWindow,
    navigator: Navigator,
    controller: ArchiveController,
    panes: dict[str, ListPane],
    sources_pane: SourcesPane,
) -> None:
    actions = DetailActions(window, navigator, controller, panes, sources_pane)
    actions.show_current(Ref("source", "koshel-kniga87"))
    assert window.tabs.currentWidget() is sources_pane
    assert sources_pane.current_id() == "koshel-kniga87"
    assert "История российского сыска" in window.detail.plain_text()


def _source_ids(archive: Archive) -> re.Pattern[str]:
    with archive.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM source")]
    words = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({words})(?![\w-])")


def test_no_page_shows_a_source_id(
    actions: DetailActions, window: MainWindow, archive: Archive
) -> None:
    ids = _source_ids(archive)
    assert ids.findall("as [koshel-kniga87] says") == ["koshel-kniga87"]  # it would be seen
    for ref in SAMPLE:
        actions.show_current(ref)
        assert window.detail.ref == ref
        page = window.detail.plain_text()
        assert ids.findall(page) == [], ref
    with archive.connect() as conn:
        bars = [c for c in queries.outcome_counts(conn) if c.published is not None]
    assert bars
    for bar in bars:
        actions.show_published_figure(bar.tribunal, bar.outcome)
        page = window.detail.plain_text()
        assert "PUBLISHED FIGURE" in page
        assert ids.findall(page) == [], (bar.tribunal, bar.outcome)


def test_a_language_change_shows_the_same_item_again_without_a_history_step(
    actions: DetailActions,
    navigator: Navigator,
    window: MainWindow,
    controller: ArchiveController,
    english: None,
) -> None:
    navigator.history_changed.connect(actions.show_history)
    navigator.current_changed.connect(actions.show_current)
    navigator.go(Ref("event", "ev-1934-kirov"))
    navigator.go(Ref("person", "kamenev-lev"))
    english_page = window.detail.plain_text()
    assert "Lev Kamenev" in window.breadcrumb.text()
    with_history: list[object] = []
    navigator.history_changed.connect(lambda: with_history.append(True))
    language.apply("ru")
    controller.forget_labels()
    actions.retranslate()
    assert window.detail.ref == Ref("person", "kamenev-lev") and with_history == []
    assert window.detail.plain_text() != english_page
    assert "Каменев" in window.breadcrumb.text()  # the Cyrillic name leads in Russian
    assert navigator.history == (Ref("event", "ev-1934-kirov"), Ref("person", "kamenev-lev"))


def test_a_missing_item_is_named_by_its_kind_in_russian(
    actions: DetailActions, window: MainWindow, english: None
) -> None:
    language.apply("ru")
    actions.show_current(Ref("document", "no-such-doc"))
    assert window.statusBar().currentMessage() == "В этом архиве нет документа «no-such-doc»"
