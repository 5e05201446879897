"""Unknown and not-applicable values look alike in every list pane: grey italic "unknown"
(«неизвестно»; a grey “?” in a year column), a grey dash where nothing applies; other cells
and unmarked columns as given."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from app import language
from app.models.columns import PEOPLE_COLUMNS
from app.models.paged_table import PagedTableModel
from app.widgets.cell_marks import MarkedCellDelegate, cell_mark
from db import Archive, listing
from db.listing import ListQuery
from tests.app.ui_texts import english

__all__ = ["english"]

TRIBUNAL = [c.attr for c in PEOPLE_COLUMNS].index("tribunal")
BORN = [c.attr for c in PEOPLE_COLUMNS].index("birth_year")
NAME = [c.attr for c in PEOPLE_COLUMNS].index("name")


def _option(qtbot: QtBot, row: list[str], column: int) -> QStyleOptionViewItem:
    model = QStandardItemModel(0, len(PEOPLE_COLUMNS))
    model.appendRow([QStandardItem(text) for text in row])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = MarkedCellDelegate(PEOPLE_COLUMNS, view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    delegate.initStyleOption(option, model.index(0, column))
    return option


def _row(**cells: str) -> list[str]:
    return [cells.get(c.attr, "x") for c in PEOPLE_COLUMNS]


@pytest.mark.parametrize(
    ("text", "mark"),
    [("", "unknown"), ("unknown", "unknown"), ("—", "none"), ("1913", None), ("death", None)],
)
def test_what_a_cell_stands_for(english: None, text: str, mark: str | None) -> None:
    assert cell_mark(text) == mark


@pytest.mark.parametrize(
    ("cells", "column", "shown"),
    [({"tribunal": "unknown"}, TRIBUNAL, "unknown"), ({}, BORN, "?")],
)
def test_unknown_reads_unknown_in_grey_italics_and_a_year_a_grey_question_mark(
    qtbot: QtBot, english: None, cells: dict[str, str], column: int, shown: str
) -> None:
    option = _option(qtbot, _row(**cells, birth_year=""), column)
    assert option.text == shown and option.font.italic()
    grey = option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert option.palette.color(QPalette.ColorRole.Text) == grey


def test_nothing_applies_reads_a_grey_dash_upright(qtbot: QtBot, english: None) -> None:
    option = _option(qtbot, _row(tribunal="—"), TRIBUNAL)
    assert option.text == "—" and not option.font.italic()


def test_known_values_and_unmarked_columns_are_left_alone(qtbot: QtBot, english: None) -> None:
    known = _option(qtbot, _row(tribunal="Military Collegium"), TRIBUNAL)
    assert known.text == "Military Collegium" and not known.font.italic()
    name = _option(qtbot, _row(name="unknown"), NAME)  # archive text, not a mark
    assert name.text == "unknown" and not name.font.italic()


def test_in_russian_unknown_reads_neizvestno(qtbot: QtBot, english: None) -> None:
    language.apply("ru")
    option = _option(qtbot, _row(tribunal=""), TRIBUNAL)
    assert option.text == "неизвестно" and option.font.italic()
    assert _option(qtbot, _row(birth_year=""), BORN).text == "?"  # the year's “?” everywhere


def test_an_unknown_year_says_unknown_in_its_tooltip(archive: Archive, english: None) -> None:
    people_model = PagedTableModel(archive, listing.PEOPLE, PEOPLE_COLUMNS)
    people_model.set_query(ListQuery("name"))
    died = [c.attr for c in PEOPLE_COLUMNS].index("death_year")
    row = next(r for r in range(people_model.rowCount()) if not people_model.index(r, died).data())
    tip = people_model.index(row, died).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "unknown"


def test_only_the_marked_columns_call_into_python_to_paint(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(0, len(PEOPLE_COLUMNS)))
    MarkedCellDelegate.install(view, PEOPLE_COLUMNS)
    ours = [
        i
        for i in range(len(PEOPLE_COLUMNS))
        if isinstance(view.itemDelegateForColumn(i), MarkedCellDelegate)
    ]
    assert ours == [i for i, c in enumerate(PEOPLE_COLUMNS) if c.marks]
    assert {TRIBUNAL, BORN} <= set(ours) and NAME not in ours
    assert not isinstance(view.itemDelegate(), MarkedCellDelegate)
    assert len({id(view.itemDelegateForColumn(i)) for i in ours}) == 1  # one, shared
