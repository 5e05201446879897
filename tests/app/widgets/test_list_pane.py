"""ListPane: filter combos, chips, selection and reveal of one list, checked against plain SQL.

Each pane is built alone on the bundled archive (a ``PagedTableModel`` and the pane, as the
app builds them).  The oracle is ``sqlite3`` on the same file: every combo value shows exactly
the rows, in the order, that a plain ``SELECT … WHERE column = value ORDER BY rank`` returns.
Chips (a chart bar's tribunal and outcome, a search's people) filter on top of the combos and
clear on their own; selecting a row announces its id, revealing an id never does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from app import language
from app.models.columns import DOCUMENT_COLUMNS, EVENT_COLUMNS, PEOPLE_COLUMNS
from app.models.paged_table import PagedTableModel
from app.widgets.list_pane import FilterSpec, ListPane
from db import Archive, listing, vocab
from db.listing import ListQuery
from tests.app.ui_texts import english
from tests.conftest import BUNDLED

__all__ = ["english"]

MakePane = Callable[[str], ListPane]
TABLES = {"person": "person", "event": "event", "document": "document"}
ORDER = {"person": "rank_name", "event": "rank_date", "document": "rank_date"}


@pytest.fixture(scope="module")
def sql() -> Iterator[sqlite3.Connection]:
    """Plain SQLite on the bundled file (immutable: nothing is written, not even a lock)."""
    conn = sqlite3.connect(f"file:{BUNDLED}?mode=ro&immutable=1", uri=True)
    yield conn
    conn.close()


def ids(sql: sqlite3.Connection, kind: str, where: str = "1", *args: object) -> list[str]:
    """Ids of ``kind`` matching ``where``, in the pane's default order."""
    query = f"SELECT id FROM {TABLES[kind]} WHERE {where} ORDER BY {ORDER[kind]}"
    return [i for (i,) in sql.execute(query, args)]


def shown(pane: ListPane) -> list[str]:
    model = pane.model
    return [str(model.id_at(r)) for r in range(model.rowCount())]


def combo(pane: ListPane, key: str) -> QComboBox:
    """The filter combo of ``key`` (found by its object name, as accessibility tools do)."""
    found = pane.findChild(QComboBox, f"{pane.view.objectName()}_{key}Filter")
    assert found is not None, key
    return found


def _filters(sql: sqlite3.Connection) -> dict[str, tuple[FilterSpec, ...]]:
    def distinct(table: str, column: str) -> tuple[tuple[str, str], ...]:
        rows = sql.execute(f"SELECT DISTINCT {column} FROM {table} ORDER BY 1")
        return tuple((str(v), str(v)) for (v,) in rows)

    return {
        "person": (
            FilterSpec("role", "Role", tuple(vocab.ROLES.items())),
            FilterSpec("tribunal", "Tribunal", tuple(vocab.TRIBUNALS.items())),
            FilterSpec("sentence_kind", "Sentence", tuple(vocab.SENTENCE_KINDS.items())),
        ),
        "event": (FilterSpec("year", "Year", distinct("event", "year")),),
        "document": (
            FilterSpec("doc_type", "Type", distinct("document", "doc_type")),
            FilterSpec("year", "Year", distinct("document", "year")),
        ),
    }


@pytest.fixture
def make_pane(qtbot: QtBot, archive: Archive, sql: sqlite3.Connection) -> MakePane:
    specs = {
        "person": (listing.PEOPLE, PEOPLE_COLUMNS, "people"),
        "event": (listing.EVENTS, EVENT_COLUMNS, "events"),
        "document": (listing.DOCUMENTS, DOCUMENT_COLUMNS, "documents"),
    }
    filters = _filters(sql)

    def make(kind: str) -> ListPane:
        spec, columns, noun = specs[kind]
        model = PagedTableModel(archive, spec, columns)
        model.set_query(ListQuery(spec.default_sort))
        pane = ListPane(model, f"{noun}Pane", noun, filters[kind])
        qtbot.addWidget(pane)
        pane.resize(900, 500)
        return pane

    return make


@pytest.fixture
def people(make_pane: MakePane) -> ListPane:
    return make_pane("person")


# -- combos ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "key"),
    [
        ("person", "role"),
        ("person", "tribunal"),
        ("person", "sentence_kind"),
        ("event", "year"),
        ("document", "doc_type"),
        ("document", "year"),
    ],
)
def test_every_combo_value_shows_exactly_the_rows_sql_finds(
    make_pane: MakePane, sql: sqlite3.Connection, kind: str, key: str
) -> None:
    pane = make_pane(kind)
    box = combo(pane, key)
    total = len(ids(sql, kind))
    for i in range(1, box.count()):
        value = box.itemData(i)
        pane.set_combo_filter(key, value)
        expected = ids(sql, kind, f"{key} = ?", value)
        assert shown(pane) == expected, value
        assert pane.count_label.text() == f"{len(expected):,} of {total:,} {pane.noun} shown"
    pane.set_combo_filter(key, None)
    assert shown(pane) == ids(sql, kind)


def test_two_combos_filter_together(people: ListPane, sql: sqlite3.Connection) -> None:
    people.set_combo_filter("role", "defendant")
    people.set_combo_filter("sentence_kind", "prison")
    expected = ids(sql, "person", "role = 'defendant' AND sentence_kind = 'prison'")
    assert shown(people) == expected and 0 < len(expected) < 47


def test_a_combo_change_announces_the_new_counts(people: ListPane, qtbot: QtBot) -> None:
    with qtbot.waitSignal(people.counts_changed, timeout=30_000) as counts:
        people.set_combo_filter("role", "witness")
    assert counts.args == [6, 99]


def test_a_new_filter_shows_its_first_rows_not_the_old_scroll_position(
    people: ListPane, qtbot: QtBot
) -> None:
    people.show()
    qtbot.waitExposed(people)
    people.view.scrollToBottom()
    bar = people.view.verticalScrollBar()
    assert bar.value() > 0
    people.set_combo_filter("role", "defendant")
    qtbot.waitUntil(lambda: people.model.query.filters == (("role", "defendant"),))
    assert bar.value() == 0  # the first matches are in view
    people.view.scrollToBottom()
    people.model.sort(0, Qt.SortOrder.DescendingOrder)  # a new order of the same rows
    qtbot.waitUntil(lambda: people.model.query.descending)
    assert bar.value() == bar.maximum()  # … keeps the reader where they were


def test_events_filter_by_year_and_show_dates_at_their_precision(make_pane: MakePane) -> None:
    pane = make_pane("event")
    model = pane.model
    dates = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "26 March 1935" in dates and "June 1935" in dates and "1988" in dates
    pane.set_combo_filter("year", "1937")
    assert model.rowCount() == 6
    assert all(model.index(r, 0).data().endswith("1937") for r in range(model.rowCount()))


def test_sorting_by_header_runs_a_new_sql_order(people: ListPane, sql: sqlite3.Connection) -> None:
    column = [c.sort_key for c in PEOPLE_COLUMNS].index("birth_year")
    people.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    expected = [
        i
        for (i,) in sql.execute(
            # Newest first; unknown years last (in name order), as they are ascending.
            "SELECT id FROM person ORDER BY birth_year IS NULL, birth_year DESC, "
            "CASE WHEN birth_year IS NULL THEN rank_name ELSE -rank_name END"
        )
    ]
    assert shown(people) == expected


def test_the_sort_indicator_follows_the_query_shown(people: ListPane) -> None:
    people.model.set_query(ListQuery("tribunal", descending=True))
    header = people.view.horizontalHeader()
    assert header.sortIndicatorSection() == [c.sort_key for c in PEOPLE_COLUMNS].index("tribunal")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_new_filter_options_replace_the_values_offered_and_select_all(
    make_pane: MakePane, qtbot: QtBot
) -> None:
    pane = make_pane("event")
    pane.set_combo_filter("year", "1937")
    with qtbot.assertNotEmitted(pane.model.query_changed):
        pane.set_filter_options(
            (
                FilterSpec("year", "Year", (("1999", "1999"), ("2001", "2001")), "All years"),
                FilterSpec("no_such_key", "Other", (("x", "x"),)),
            )
        )
    box = combo(pane, "year")
    assert [box.itemText(i) for i in range(box.count())] == ["All years", "1999", "2001"]
    assert box.currentIndex() == 0 and box.itemData(0) is None
    assert [box.itemData(i) for i in (1, 2)] == ["1999", "2001"]


# -- chips ----------------------------------------------------------------------------------


def test_extra_filters_show_a_chip_and_exactly_the_rows_sql_finds(
    people: ListPane, sql: sqlite3.Connection
) -> None:
    people.set_extra_filters(
        {"tribunal": "military-collegium", "outcome": "term:10"}, "Outcome — 10 yrs"
    )
    expected = ids(sql, "person", "tribunal = 'military-collegium' AND outcome = 'term:10'")
    assert shown(people) == expected and len(expected) == 3
    assert not people.chip.isHidden() and not people.chip_clear.isHidden()
    assert people.chip.text() == "Outcome — 10 yrs"


def test_a_long_chip_ends_in_an_ellipsis_instead_of_widening_the_pane(
    people: ListPane, qtbot: QtBot
) -> None:
    before = people.minimumSizeHint().width()
    long = "Search — «Протокол допроса Е.К. Мухановой с приложением акта»: 12 people"
    people.set_extra_filters({"tribunal": "military-collegium"}, long)
    assert not people.chip.isHidden()
    chip_room = people.chip.minimumWidth() + people.chip_clear.sizeHint().width() + 24
    assert people.minimumSizeHint().width() <= before + chip_room
    assert people.chip.text() == long and people.chip.toolTip() == long
    people.clear_extra_filters()


def test_extra_filters_reset_the_combo_of_the_same_key_and_keep_the_others(
    people: ListPane, sql: sqlite3.Connection
) -> None:
    people.set_combo_filter("tribunal", "unknown")
    people.set_combo_filter("role", "defendant")
    people.set_extra_filters({"tribunal": "military-collegium"}, "Military Collegium")
    assert combo(people, "tribunal").currentIndex() == 0
    assert combo(people, "role").currentData() == "defendant"
    assert shown(people) == ids(
        sql, "person", "tribunal = 'military-collegium' AND role = 'defendant'"
    )


def test_removing_the_chip_keeps_the_combo_filters(
    people: ListPane, sql: sqlite3.Connection
) -> None:
    people.set_combo_filter("role", "defendant")
    people.set_extra_filters({"outcome": "death"}, "Death")
    people.chip_clear.click()
    assert shown(people) == ids(sql, "person", "role = 'defendant'")
    assert people.chip.isHidden() and people.chip_clear.isHidden()


def test_a_pks_filter_shows_exactly_those_rows_in_the_pane_order(
    people: ListPane, sql: sqlite3.Connection
) -> None:
    pks = tuple(pk for (pk,) in sql.execute("SELECT pk FROM person WHERE birth_year < 1900"))
    people.set_pks_filter(pks, f"Search — {len(pks)} people")
    assert shown(people) == ids(sql, "person", "birth_year < 1900") and len(pks) > 2
    assert not people.chip.isHidden() and people.chip.text() == f"Search — {len(pks)} people"


def test_an_empty_pks_filter_shows_no_rows_and_none_removes_it(people: ListPane) -> None:
    people.set_pks_filter((), "Search — nothing")
    assert people.model.rowCount() == 0 and not people.chip.isHidden()
    people.set_pks_filter(None, "")
    assert people.model.rowCount() == 99 and people.chip.isHidden()


def test_a_search_chip_replaces_an_outcome_chip(people: ListPane, sql: sqlite3.Connection) -> None:
    people.set_extra_filters({"tribunal": "military-collegium", "outcome": "death"}, "Death")
    rosenfelds = tuple(pk for (pk,) in sql.execute("SELECT pk FROM person WHERE id LIKE 'roz%'"))
    people.set_pks_filter(rosenfelds, "Search — “Rozenfeld”: 3 people")
    assert shown(people) == ids(sql, "person", "id LIKE 'roz%'")


def test_an_outcome_chip_replaces_a_search_chip(people: ListPane, sql: sqlite3.Connection) -> None:
    rosenfelds = tuple(pk for (pk,) in sql.execute("SELECT pk FROM person WHERE id LIKE 'roz%'"))
    people.set_pks_filter(rosenfelds, "Search — “Rozenfeld”: 3 people")
    people.set_extra_filters({"tribunal": "military-collegium", "outcome": "death"}, "Death")
    assert shown(people) == ids(
        sql, "person", "tribunal = 'military-collegium' AND outcome = 'death'"
    )


def test_clearing_filters_resets_combos_chip_and_rows_but_not_the_sort(
    people: ListPane, sql: sqlite3.Connection
) -> None:
    people.model.set_query(ListQuery("role", descending=True))
    people.set_combo_filter("role", "witness")
    people.set_extra_filters({"outcome": "no-verdict"}, "No verdict")
    people.clear_filters()
    assert all(combo(people, k).currentIndex() == 0 for k in ("role", "tribunal", "sentence_kind"))
    assert people.chip.isHidden() and people.model.rowCount() == 99
    assert people.model.query == ListQuery("role", descending=True)


# -- selection ------------------------------------------------------------------------------


def test_selecting_a_row_announces_its_id(
    people: ListPane, sql: sqlite3.Connection, qtbot: QtBot
) -> None:
    expected = ids(sql, "person")
    with qtbot.waitSignal(people.item_selected, timeout=30_000) as selected:
        people.view.selectRow(5)
    assert selected.args == [expected[5]]
    people.show()
    people.view.setFocus()
    with qtbot.waitSignal(people.item_selected, timeout=30_000) as moved:
        qtbot.keyClick(people.view, Qt.Key.Key_Down)
    assert moved.args == [expected[6]] and people.current_id() == expected[6]


def test_reveal_selects_and_shows_the_row_of_an_id_without_announcing_it(
    make_pane: MakePane, sql: sqlite3.Connection, qtbot: QtBot
) -> None:
    pane = make_pane("document")
    pane.show()
    qtbot.waitExposed(pane)
    every = ids(sql, "document")
    row, last = len(every) - 1, every[-1]
    assert row >= PagedTableModel.PAGE_SIZE  # past the first page of rows
    with qtbot.assertNotEmitted(pane.item_selected):
        assert pane.reveal(last)
    assert pane.current_id() == last
    assert [i.row() for i in pane.view.selectionModel().selectedRows()] == [row]
    rect: QRect = pane.view.visualRect(pane.model.index(row, 0))
    assert pane.view.viewport().rect().intersects(rect)


def test_revealing_an_id_the_filter_hides_clears_the_selection(
    people: ListPane, qtbot: QtBot
) -> None:
    people.view.selectRow(0)
    people.set_combo_filter("role", "investigator")
    with qtbot.assertNotEmitted(people.item_selected):
        assert not people.reveal("kamenev-lev")
    assert people.current_id() is None
    assert people.view.selectionModel().selectedRows() == []


# -- busy -----------------------------------------------------------------------------------


def test_a_filter_computed_on_a_worker_says_so_until_its_rows_arrive(
    people: ListPane, qtbot: QtBot
) -> None:
    people.model.ASYNC_ROWS = 0  # this pane's filters run on a worker, like a big archive's
    viewport = people.view.viewport()
    with qtbot.waitSignal(people.counts_changed, timeout=30_000) as counts:
        people.set_combo_filter("role", "defendant")
        assert people.count_label.text() == "Filtering people…"
        assert viewport.cursor().shape() == Qt.CursorShape.BusyCursor
    assert counts.args == [47, 99]
    assert people.count_label.text() == "47 of 99 people shown"
    assert not viewport.testAttribute(Qt.WidgetAttribute.WA_SetCursor)


# -- language -------------------------------------------------------------------------------


def test_new_words_for_the_filters_keep_the_values_chosen(people: ListPane, qtbot: QtBot) -> None:
    people.set_combo_filter("role", "witness")
    before = people.model.query
    with qtbot.assertNotEmitted(people.model.query_changed):
        people.retitle_filters(
            (
                FilterSpec(
                    "role",
                    "Роль",
                    (("defendant", "обвиняемый"), ("witness", "свидетель")),
                    "Все роли",
                ),
            )
        )
    box = combo(people, "role")
    assert [box.itemText(i) for i in range(box.count())] == ["Все роли", "обвиняемый", "свидетель"]
    assert box.currentData() == "witness" and people.model.query == before
    label = people.findChild(QLabel, "peoplePane_roleLabel")
    assert label is not None and label.text() == "Роль:" and label.buddy() is box


def test_a_language_change_says_the_counts_again_with_russian_plurals(
    people: ListPane, english: None
) -> None:
    people.set_combo_filter("role", "defendant")
    assert people.count_label.text() == "47 of 99 people shown"
    language.apply("ru")
    assert people.count_label.text() == "Показано 47 из 99 человек"
    assert people.chip_clear.toolTip() == "Снять этот фильтр"


def test_the_name_in_the_readers_script_comes_first(people: ListPane, english: None) -> None:
    header = people.view.horizontalHeader()
    assert [header.logicalIndex(v) for v in (0, 1)] == [0, 1]  # Name, Name (Cyrillic)
    language.apply("ru")
    assert [header.logicalIndex(v) for v in (0, 1)] == [1, 0]
    assert header.sectionSize(1) == PEOPLE_COLUMNS[1].width  # a column keeps its width
    language.apply("en")
    assert [header.logicalIndex(v) for v in (0, 1)] == [0, 1]


def test_a_list_sorted_by_a_name_sorts_by_the_name_shown_first(
    people: ListPane, english: None
) -> None:
    people.model.sort(0, Qt.SortOrder.DescendingOrder)
    language.apply("ru")
    people.sort_by_reading_name()
    assert (people.model.query.sort, people.model.query.descending) == ("name_ru", True)
    people.model.sort(2)  # by role: a language change leaves it alone
    language.apply("en")
    people.sort_by_reading_name()
    assert people.model.query.sort == "role"
