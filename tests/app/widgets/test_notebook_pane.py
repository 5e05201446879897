"""NotebookPane on its own, fed entries and saved searches a real notebook in ``tmp_path``
wrote: the kind, tag and text filters, the current row kept across refills, reveal and orphan
rows that open nothing, the saved searches list (hostile names shown literally), the Export /
Import buttons, and the count line in English and Russian plurals."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from app import language
from app.widgets.notebook_pane import NotebookPane
from db.dto import Ref
from db.notebook import Entry, Notebook, SavedSearch, archive_key, claim_ref
from tests.app.ui_texts import english

__all__ = ["english"]

KEY = archive_key({"archive_id": "pane-test-archive", "title": "Pane test archive"})
KAMENEV = Ref("person", "kamenev-lev")
KIROV = Ref("event", "ev-1934-kirov")
PROTOCOL = Ref("document", "doc-protocol")
GONE = Ref("person", "no-such-person-any-more")
CLAIM = claim_ref(42)
HOSTILE = "<img src=file:///etc/passwd>"


@pytest.fixture
def notebook(tmp_path: Path) -> Iterator[Notebook]:
    nb = Notebook.open(tmp_path / "nb.sqlite")
    nb.set_bookmark(KEY, KAMENEV, True, label="Lev Kamenev")
    nb.add_tag(KEY, KAMENEV, "trial", label="Lev Kamenev")
    nb.set_note(KEY, KIROV, "Shot in the Smolny", label="Kirov murder")
    nb.set_note(KEY, PROTOCOL, "protocol", label="Protocol of 5 March")
    nb.set_note(KEY, GONE, "from an older data version", label="Ivan Gone")
    nb.set_note(KEY, CLAIM, "a claim noted", label="Born 1883")
    yield nb
    nb.close()


@pytest.fixture
def entries(notebook: Notebook) -> list[Entry]:
    return notebook.entries(KEY)


@pytest.fixture
def pane(qtbot: QtBot, english: None, entries: list[Entry]) -> NotebookPane:
    pane = NotebookPane()
    qtbot.addWidget(pane)
    pane.resize(1000, 600)
    pane.show_entries(entries, frozenset({GONE}))
    return pane


@pytest.fixture
def selected(pane: NotebookPane) -> list[object]:
    """Every item_selected emission."""
    got: list[object] = []
    pane.item_selected.connect(got.append)
    return got


def _row(pane: NotebookPane, ref: Ref) -> int:
    row = pane.model.row_of(ref)
    assert row is not None
    return row


def _many(entry: Entry, n: int) -> list[Entry]:
    """``n`` entries like ``entry`` on different records (for the count line)."""
    return [dataclasses.replace(entry, ref=Ref("person", f"p-{i}")) for i in range(n)]


def _searches(notebook: Notebook) -> list[SavedSearch]:
    notebook.save_search(KEY, "Defendants named Ivan", "Иван", {"role": "defendant"})
    notebook.save_search(KEY, "Kirov", "kirov", {})
    return notebook.saved_searches(KEY)


# -- filters ----------------------------------------------------------------------------------


def test_no_filter_at_first(pane: NotebookPane) -> None:
    assert (pane.kind_filter(), pane.tag_filter(), pane.text_filter()) == (None, None, None)
    assert pane.kind.itemText(0) == "All kinds" and pane.tag.itemText(0) == "All tags"
    kinds = [pane.kind.itemData(i) for i in range(pane.kind.count())]
    assert kinds == [None, "person", "event", "document", "source", "claim"]


def test_choosing_a_kind_asks_for_a_refill_once(qtbot: QtBot, pane: NotebookPane) -> None:
    with qtbot.waitSignal(pane.filters_changed, timeout=30_000):
        pane.kind.setCurrentIndex(pane.kind.findData("person"))
    assert pane.kind_filter() == "person"
    pane.kind.setCurrentIndex(0)
    assert pane.kind_filter() is None


def test_choosing_a_tag_asks_for_a_refill(qtbot: QtBot, pane: NotebookPane) -> None:
    pane.set_tags(["trial", "NKVD"])
    assert [pane.tag.itemText(i) for i in range(pane.tag.count())] == [
        "All tags",
        "trial",
        "NKVD",
    ]
    with qtbot.waitSignal(pane.filters_changed, timeout=30_000):
        pane.tag.setCurrentIndex(pane.tag.findData("NKVD"))
    assert pane.tag_filter() == "NKVD"


def test_new_tags_keep_the_tag_chosen_without_a_refill(qtbot: QtBot, pane: NotebookPane) -> None:
    pane.set_tags(["trial", "NKVD"])
    pane.tag.setCurrentIndex(pane.tag.findData("NKVD"))
    with qtbot.assertNotEmitted(pane.filters_changed):
        pane.set_tags(["purge", "NKVD", "trial"])
    assert pane.tag_filter() == "NKVD" and pane.tag.currentText() == "NKVD"


def test_a_tag_that_is_gone_falls_back_to_all_tags(pane: NotebookPane) -> None:
    pane.set_tags(["trial", "NKVD"])
    pane.tag.setCurrentIndex(pane.tag.findData("NKVD"))
    pane.set_tags(["trial"])
    assert pane.tag_filter() is None and pane.tag.currentIndex() == 0


def test_typing_a_search_asks_for_one_refill_after_the_delay(
    qtbot: QtBot, pane: NotebookPane
) -> None:
    got: list[str | None] = []
    pane.filters_changed.connect(lambda: got.append(pane.text_filter()))
    with qtbot.waitSignal(pane.filters_changed, timeout=30_000):
        for typed in ("m", "ma", "mar", "  march  "):  # one burst of typing
            pane.text.setText(typed)
        assert got == []  # not while typing
    # A second burst: its refill comes after anything the first could still have asked for.
    pane.text.setText("smolny")
    qtbot.waitUntil(lambda: len(got) >= 2, timeout=30_000)
    assert got == ["march", "smolny"]


def test_a_blank_search_is_no_search(pane: NotebookPane) -> None:
    pane.text.setText("   ")
    assert pane.text_filter() is None


# -- rows -------------------------------------------------------------------------------------


def test_rows_are_shown_and_counted(pane: NotebookPane, entries: list[Entry]) -> None:
    assert pane.model.rowCount() == len(entries) == 5
    assert pane.count_label.text() == "5 records in your notebook"
    assert pane.view.objectName() == "notebookPane"


def test_choosing_a_row_opens_its_record(pane: NotebookPane, selected: list[object]) -> None:
    pane.view.selectRow(_row(pane, KIROV))
    pane.view.selectRow(_row(pane, KAMENEV))
    assert selected == [KIROV, KAMENEV]


@pytest.mark.parametrize("ref", [GONE, CLAIM], ids=["orphan", "claim"])
def test_a_row_with_no_page_to_open_opens_nothing(
    pane: NotebookPane, selected: list[object], ref: Ref
) -> None:
    pane.view.selectRow(_row(pane, ref))
    pane.view.activated.emit(pane.model.index(_row(pane, ref), 2))
    assert selected == []
    assert pane.current_ref() == ref  # chosen all the same: nothing breaks


def test_enter_on_the_current_row_opens_it_again(
    pane: NotebookPane, selected: list[object]
) -> None:
    index = pane.model.index(_row(pane, KIROV), 2)
    pane.view.setCurrentIndex(index)
    pane.view.activated.emit(index)
    assert selected == [KIROV, KIROV]


def test_reveal_selects_the_row_without_opening_it(
    qtbot: QtBot, pane: NotebookPane, selected: list[object]
) -> None:
    with qtbot.assertNotEmitted(pane.item_selected):
        pane.reveal(KAMENEV)
    assert pane.current_ref() == KAMENEV
    assert [i.row() for i in pane.view.selectionModel().selectedRows()] == [_row(pane, KAMENEV)]
    assert selected == []


@pytest.mark.parametrize("ref", [None, Ref("person", "never-marked")])
def test_revealing_an_unlisted_record_clears_the_selection(
    pane: NotebookPane, selected: list[object], ref: Ref | None
) -> None:
    pane.reveal(KIROV)
    pane.reveal(ref)
    assert pane.view.selectionModel().selectedRows() == []
    assert selected == []


def test_after_revealing_an_unlisted_record_its_old_row_opens_again(
    pane: NotebookPane, selected: list[object]
) -> None:
    pane.view.selectRow(_row(pane, KIROV))
    pane.reveal(Ref("person", "never-marked"))  # the user went to a record not marked
    assert pane.current_ref() is None
    pane.view.selectRow(_row(pane, KIROV))  # and now chooses Kirov in the pane again
    assert selected == [KIROV, KIROV]


def test_a_refill_after_revealing_an_unlisted_record_selects_nothing(
    pane: NotebookPane, entries: list[Entry]
) -> None:
    pane.view.selectRow(_row(pane, KIROV))
    pane.reveal(Ref("person", "never-marked"))
    pane.show_entries(entries, frozenset({GONE}))  # the old current row is not brought back
    assert pane.view.selectionModel().selectedRows() == [] and pane.current_ref() is None


def test_a_refill_keeps_the_current_record_where_it_moved(
    qtbot: QtBot, pane: NotebookPane, entries: list[Entry], selected: list[object]
) -> None:
    pane.view.selectRow(_row(pane, KIROV))
    with qtbot.assertNotEmitted(pane.item_selected):
        pane.show_entries(list(reversed(entries)), frozenset({GONE}))
    assert _row(pane, KIROV) != entries.index(next(e for e in entries if e.ref == KIROV))
    assert pane.current_ref() == KIROV
    assert [i.row() for i in pane.view.selectionModel().selectedRows()] == [_row(pane, KIROV)]
    assert selected == [KIROV]


def test_a_refill_without_the_current_record_selects_nothing(
    pane: NotebookPane, entries: list[Entry]
) -> None:
    pane.view.selectRow(_row(pane, KIROV))
    pane.show_entries([e for e in entries if e.ref != KIROV], frozenset())
    assert pane.view.selectionModel().selectedRows() == []
    assert pane.count_label.text() == "4 records in your notebook"


def test_an_orphan_row_is_marked_as_gone(pane: NotebookPane) -> None:
    row = _row(pane, GONE)
    assert pane.model.is_orphan(row)
    assert pane.model.index(row, 2).data() == "Ivan Gone (no longer in this archive)"


# -- saved searches ---------------------------------------------------------------------------


def test_no_saved_searches_shows_a_hint_that_cannot_be_chosen(
    qtbot: QtBot, pane: NotebookPane
) -> None:
    pane.show_searches([])
    assert pane.searches.count() == 1
    hint = pane.searches.item(0)
    assert hint.text().startswith("No saved searches yet")
    assert not hint.flags() & Qt.ItemFlag.ItemIsSelectable
    assert not hint.flags() & Qt.ItemFlag.ItemIsEnabled
    assert not pane.delete_search.isEnabled()
    with qtbot.assertNotEmitted(pane.search_activated):
        pane.searches.itemClicked.emit(hint)
    pane.searches.setCurrentRow(0)
    assert pane.searches.selectedItems() == []


def test_a_click_on_a_saved_search_runs_it(
    qtbot: QtBot, pane: NotebookPane, notebook: Notebook
) -> None:
    searches = _searches(notebook)
    pane.show_searches(searches)
    pane.show()
    qtbot.waitExposed(pane)
    assert [pane.searches.item(i).text() for i in range(pane.searches.count())] == [
        "Defendants named Ivan",
        "Kirov",
    ]
    assert pane.delete_search.isEnabled()
    got: list[object] = []
    pane.search_activated.connect(got.append)
    item = pane.searches.item(0)
    qtbot.mouseClick(
        pane.searches.viewport(),
        Qt.MouseButton.LeftButton,
        pos=pane.searches.visualItemRect(item).center(),
    )
    assert got == [searches[0]]
    assert isinstance(got[0], SavedSearch) and dict(got[0].filters) == {"role": "defendant"}


def test_the_delete_button_asks_to_delete_the_search_chosen(
    qtbot: QtBot, pane: NotebookPane, notebook: Notebook
) -> None:
    searches = _searches(notebook)
    pane.show_searches(searches)
    with qtbot.assertNotEmitted(pane.search_delete_requested):
        pane.delete_search.click()  # nothing chosen yet
    pane.searches.setCurrentRow(1)
    with qtbot.waitSignal(pane.search_delete_requested, timeout=30_000) as blocker:
        pane.delete_search.click()
    assert blocker.args == [searches[1].id]


def test_a_hostile_saved_search_is_shown_literally(pane: NotebookPane, notebook: Notebook) -> None:
    notebook.save_search(KEY, HOSTILE, "<b>bold</b> & co", {"role": "<i>x</i>"})
    (search,) = notebook.saved_searches(KEY)
    pane.show_searches([search])
    item = pane.searches.item(0)
    assert item.text() == HOSTILE  # a list item is plain text
    tip = item.toolTip()
    assert "<img" not in tip and "<b>" not in tip and "<i>" not in tip
    assert tip == "<qt>&lt;b&gt;bold&lt;/b&gt; &amp; co · role=&lt;i&gt;x&lt;/i&gt;</qt>"


def test_a_huge_saved_search_tooltip_is_cut(pane: NotebookPane, entries: list[Entry]) -> None:
    search = SavedSearch(1, "long", "w" * 100_000, {}, entries[0].changed)
    pane.show_searches([search])
    assert len(pane.searches.item(0).toolTip()) < 600


def test_refilling_the_searches_replaces_them(pane: NotebookPane, notebook: Notebook) -> None:
    searches = _searches(notebook)
    pane.show_searches(searches)
    pane.show_searches(searches[:1])
    assert pane.searches.count() == 1
    item = pane.searches.item(0)
    assert isinstance(item, QListWidgetItem)
    assert item.data(Qt.ItemDataRole.UserRole) == searches[0]


# -- buttons ----------------------------------------------------------------------------------


def test_the_export_and_import_buttons_ask_for_them(qtbot: QtBot, pane: NotebookPane) -> None:
    with qtbot.waitSignal(pane.export_requested, timeout=30_000):
        pane.export_button.click()
    with qtbot.waitSignal(pane.import_requested, timeout=30_000):
        pane.import_button.click()


def test_every_interactive_part_has_a_name(pane: NotebookPane) -> None:
    for widget in (
        pane.kind,
        pane.tag,
        pane.text,
        pane.view,
        pane.searches,
        pane.delete_search,
        pane.export_button,
        pane.import_button,
    ):
        assert widget.objectName() and widget.accessibleName(), widget


# -- language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "english_line", "russian_line"),
    [
        (0, "0 records in your notebook", "0 записей в вашем блокноте"),
        (1, "1 record in your notebook", "1 запись в вашем блокноте"),
        (2, "2 records in your notebook", "2 записи в вашем блокноте"),
        (5, "5 records in your notebook", "5 записей в вашем блокноте"),
        (11, "11 records in your notebook", "11 записей в вашем блокноте"),
        (21, "21 records in your notebook", "21 запись в вашем блокноте"),
        (22, "22 records in your notebook", "22 записи в вашем блокноте"),
    ],
)
def test_the_count_line_in_english_and_russian(
    pane: NotebookPane, entries: list[Entry], n: int, english_line: str, russian_line: str
) -> None:
    pane.show_entries(_many(entries[0], n), frozenset())
    assert pane.count_label.text() == english_line
    language.apply("ru")
    try:
        assert pane.count_label.text() == russian_line
    finally:
        language.apply("en")
    assert pane.count_label.text() == english_line


def test_a_language_switch_keeps_the_filters_and_asks_for_no_refill(
    qtbot: QtBot, pane: NotebookPane
) -> None:
    pane.set_tags(["trial"])
    pane.kind.setCurrentIndex(pane.kind.findData("event"))
    pane.tag.setCurrentIndex(pane.tag.findData("trial"))
    with qtbot.assertNotEmitted(pane.filters_changed):
        language.apply("ru")
    try:
        assert (pane.kind_filter(), pane.tag_filter()) == ("event", "trial")
        assert pane.kind.currentText() == "событие" and pane.kind.itemText(0) == "Все виды"
        assert pane.tag.itemText(0) == "Все метки"
        heads = [pane.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
        assert heads == ["★", "Вид", "Запись"]
    finally:
        language.apply("en")
    assert pane.kind.currentText() == "event"


def test_a_pane_built_in_russian_speaks_russian(qtbot: QtBot, entries: list[Entry]) -> None:
    language.apply("ru")
    try:
        pane = NotebookPane()
        qtbot.addWidget(pane)
        pane.show_entries(entries[:1], frozenset())
        assert pane.count_label.text() == "1 запись в вашем блокноте"
        assert pane.searches.count() == 1  # the hint, in Russian
        assert pane.searches.item(0).text() != ""
    finally:
        language.apply("en")
    assert pane.searches.item(0).text().startswith("No saved searches yet")


def test_an_empty_index_is_no_record(pane: NotebookPane) -> None:
    pane.view.setCurrentIndex(QModelIndex())
    assert pane.current_ref() is None
