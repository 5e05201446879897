"""SourcesModel: rows from SQL a page at a time, SQL sorting, filters, a bounded page cache."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import language
from app.models.columns import IdRole, RowRole
from app.models.sources_model import COLUMNS, FACTS_MEANING, SourceColumn, SourcesModel
from db import Archive, sources
from db.sources import SourceQuery
from tests.app.ui_texts import english

__all__ = ["english"]


@pytest.fixture
def model(archive: Archive, qtbot: QtBot) -> SourcesModel:
    m = SourcesModel(archive)
    m.reload()
    return m


def _ids(model: SourcesModel) -> list[str]:
    return [model.index(r, 0).data(IdRole) for r in range(model.rowCount())]


def test_the_model_passes_the_model_tester(model: SourcesModel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(model)


def test_one_row_per_source_of_the_archive(model: SourcesModel, archive: Archive) -> None:
    with archive.connect() as conn:
        total = sources.total(conn)
    assert model.rowCount() == model.total == model.table_total == total == 126
    assert len(set(_ids(model))) == total


def test_cells_show_author_title_year_kind_language_and_facts(model: SourcesModel) -> None:
    row = model.row_of("koshel-kniga87")
    assert row is not None
    cells = [model.index(row, c).data() for c in range(len(COLUMNS))]
    item = model.index(row, 0).data(RowRole)
    assert cells == [
        "Пётр Кошель",
        "История российского сыска (page 87)",
        "",
        "book",
        "Russian",  # kinds and languages in words of the interface language
        str(item.facts),
    ]
    assert item.facts > 0


def test_a_header_click_sorts_in_sql(model: SourcesModel, archive: Archive) -> None:
    with archive.connect() as conn:
        by_year = sources.ids(conn, SourceQuery("year", descending=True))
    before = _ids(model)
    with_signal = []
    model.query_changed.connect(with_signal.append)
    model.sort(SourceColumn.YEAR, Qt.SortOrder.DescendingOrder)
    assert _ids(model) == by_year != before
    assert with_signal == [SourceQuery("year", descending=True)]


def test_sorting_the_same_way_again_reads_nothing(model: SourcesModel) -> None:
    model.sort(SourceColumn.TITLE)
    _ids(model)
    fetches = model.fetches
    model.sort(SourceColumn.TITLE)
    _ids(model)
    assert model.fetches == fetches


def test_a_filter_shows_the_sources_sql_finds(model: SourcesModel, archive: Archive) -> None:
    model.set_filter("language", "en")
    with archive.connect() as conn:
        expected = sources.ids(conn, SourceQuery().with_filter("language", "en"))
    assert _ids(model) == expected and 0 < model.total < model.table_total


def test_pages_are_read_once_and_the_cache_is_bounded(model: SourcesModel) -> None:
    model.MAX_PAGES = 1  # this model only: two pages of rows, one kept
    _ids(model)
    assert model.fetches == 2  # 126 rows in pages of 64
    _ids(model)
    assert model.fetches == 4  # the first page was dropped and read again
    assert len(model._pages) == 1


def test_the_facts_header_says_what_it_counts(model: SourcesModel) -> None:
    tip = model.headerData(
        SourceColumn.FACTS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert tip == sources.FACTS_MEANING and "claims" in tip and "records" in tip
    cell = model.index(0, SourceColumn.FACTS).data(Qt.ItemDataRole.ToolTipRole)
    assert cell.endswith(sources.FACTS_MEANING)


def test_text_tooltips_are_escaped(model: SourcesModel) -> None:
    tips = [model.index(r, SourceColumn.TITLE).data(Qt.ItemDataRole.ToolTipRole) for r in range(3)]
    assert all(t.startswith("<qt>") for t in tips)
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is not None


def test_rows_outside_the_list_have_no_id(model: SourcesModel) -> None:
    assert model.id_at(-1) is None and model.id_at(model.rowCount()) is None
    assert model.row_of("no-such-source") is None


def test_the_facts_meaning_is_the_data_layers_marked_for_translation() -> None:
    assert FACTS_MEANING == sources.FACTS_MEANING


def test_in_russian_headers_kinds_and_languages_are_russian(
    model: SourcesModel, qtbot: QtBot, english: None
) -> None:
    row = model.row_of("koshel-kniga87")
    assert row is not None
    language.apply("ru")
    with qtbot.waitSignal(model.headerDataChanged), qtbot.waitSignal(model.dataChanged):
        model.retranslate()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers == ["Автор", "Название", "Год", "Вид", "Язык", "Факты"]
    cells = [model.index(row, c).data() for c in (SourceColumn.KIND, SourceColumn.LANGUAGE)]
    assert cells == ["книга", "русский"]
    tip = model.headerData(
        SourceColumn.FACTS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert tip.startswith("Факты, которые подтверждает источник")
