"""SourcesPane: the table, its filter combos, selection out and reveal in, the export button."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app import language
from app.models.sources_model import SourceColumn, SourcesModel
from app.widgets.sources_pane import SourcesPane
from db import Archive, sources
from db.sources import SourceQuery
from tests.app.ui_texts import english

__all__ = ["english"]


@pytest.fixture
def pane(archive: Archive, qtbot: QtBot) -> SourcesPane:
    model = SourcesModel(archive)
    model.reload()
    p = SourcesPane(model)
    qtbot.addWidget(p)
    p.set_filter_options("kind", [(k, k) for k in ("archive", "article", "book", "encyclopedia")])
    p.set_filter_options("language", [("en", "English (en)"), ("ru", "Russian (ru)")])
    return p


def test_the_table_is_named_for_tests_and_lists_every_source(pane: SourcesPane) -> None:
    assert pane.view.objectName() == "sourcesPane"
    assert pane.view.model().rowCount() == 126


def test_choosing_a_kind_and_a_language_filters_together(
    pane: SourcesPane, archive: Archive, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(pane.counts_changed) as counted:
        pane.set_filter("kind", "book")
    books = counted.args
    pane.set_filter("language", "en")
    query = SourceQuery().with_filter("kind", "book").with_filter("language", "en")
    with archive.connect() as conn:
        expected = sources.count(conn, query)
    assert pane.model.query == query and pane.model.rowCount() == expected
    assert books[1] == 126 and expected < books[0] < 126
    assert pane.count_label.text() == f"{expected} of 126 sources shown"


def test_clearing_the_filters_shows_every_source_again(pane: SourcesPane) -> None:
    pane.set_filter("language", "ru")
    pane.clear_filters()
    assert pane.model.query.filters == () and pane.model.rowCount() == 126
    assert all(c.currentIndex() == 0 for c in pane.combos.values())


def test_new_filter_options_keep_the_value_chosen(pane: SourcesPane) -> None:
    pane.set_filter("kind", "book")
    pane.set_filter_options("kind", [("book", "book"), ("film", "film")], "book")
    assert pane.combos["kind"].currentData() == "book" and pane.combos["kind"].count() == 3


def test_selecting_a_row_emits_its_source_id(pane: SourcesPane, qtbot: QtBot) -> None:
    with qtbot.waitSignal(pane.item_selected) as chosen:
        pane.view.selectRow(5)
    assert chosen.args == [pane.model.id_at(5)]


def test_revealing_a_source_selects_it_without_emitting(pane: SourcesPane, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(pane.item_selected):
        assert pane.reveal("koshel-kniga87")
    assert pane.current_id() == "koshel-kniga87"


def test_revealing_a_source_the_filter_hides_clears_the_selection(pane: SourcesPane) -> None:
    pane.reveal("koshel-kniga87")
    pane.set_filter("language", "en")
    assert not pane.reveal("koshel-kniga87")
    assert pane.current_id() is None


def test_the_header_shows_the_sql_sort(pane: SourcesPane) -> None:
    pane.view.sortByColumn(SourceColumn.YEAR, pane.view.horizontalHeader().sortIndicatorOrder())
    assert pane.model.query.sort == "year"
    assert pane.view.horizontalHeader().sortIndicatorSection() == SourceColumn.YEAR


def test_the_export_button_asks_for_an_export(pane: SourcesPane, qtbot: QtBot) -> None:
    with qtbot.waitSignal(pane.export_requested):
        pane.export_button.click()


def test_a_language_change_retranslates_labels_button_and_count(
    pane: SourcesPane, english: None
) -> None:
    pane.set_filter("kind", "book")
    language.apply("ru")
    label = pane.findChild(QLabel, "sourcesPane_kindLabel")
    assert label is not None and label.text() == "Вид:"
    assert pane.combos["kind"].itemText(0) == "Все виды"
    assert pane.combos["kind"].currentData() == "book"  # the filter stays
    assert pane.export_button.text() == "Экспорт библиографии…"
    n = pane.model.total
    assert pane.count_label.text() == f"Показано {n} из 126 источников"
