"""SourcesActions: the pane's filter values from the archive, its counts, a new archive."""

from __future__ import annotations

import pytest

from app import language
from app.actions.sources import SourcesActions, language_name
from app.controller import ArchiveController
from app.models.sources_model import SourcesModel
from app.widgets.main_window import MainWindow
from app.widgets.sources_pane import SourcesPane
from tests.app.ui_texts import english

__all__ = ["english"]


@pytest.fixture
def pane(window: MainWindow, controller: ArchiveController) -> SourcesPane:
    model = SourcesModel(controller.holder, window)
    model.reload()
    pane = SourcesPane(model, window)
    window.add_pane(pane, "Sources", "Ctrl+5")
    return pane


@pytest.fixture
def actions(window: MainWindow, controller: ArchiveController, pane: SourcesPane) -> SourcesActions:
    a = SourcesActions(window, controller, pane)
    a.fill_filters()
    return a


def _options(pane: SourcesPane, key: str) -> list[tuple[object, str]]:
    combo = pane.combos[key]
    return [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]


def test_the_combos_offer_the_kinds_and_languages_of_the_archive(
    actions: SourcesActions, pane: SourcesPane
) -> None:
    assert _options(pane, "kind") == [
        (None, "All kinds"),
        ("archive", "archive"),
        ("article", "article"),
        ("book", "book"),
        ("encyclopedia", "encyclopedia"),
    ]
    assert _options(pane, "language") == [
        (None, "All languages"),
        ("en", "English (en)"),
        ("ru", "Russian (ru)"),
    ]


def test_a_language_code_without_a_name_shows_as_it_is() -> None:
    assert language_name("xx") == "xx" and language_name("de") == "German (de)"


def test_a_new_archive_shows_every_source_unfiltered(
    actions: SourcesActions, pane: SourcesPane
) -> None:
    pane.set_filter("kind", "book")
    pane.model.sort(2)
    actions.reset_for_new_archive()
    assert pane.model.query.filters == () and pane.model.query.sort == "author"
    assert pane.model.rowCount() == 126
    assert pane.combos["kind"].currentIndex() == 0 and pane.combos["kind"].count() == 5


def test_a_language_change_names_kinds_and_languages_anew_keeping_the_filter(
    actions: SourcesActions, pane: SourcesPane, window: MainWindow, english: None
) -> None:
    pane.set_filter("language", "ru")
    window.tabs.setCurrentWidget(pane)
    language.apply("ru")
    actions.retranslate()
    assert _options(pane, "language") == [
        (None, "Все языки"),
        ("en", "английский (en)"),
        ("ru", "русский (ru)"),
    ]
    assert ("book", "книга") in _options(pane, "kind")
    assert pane.combos["language"].currentData() == "ru"
