"""NotebookModel on entries a real notebook in ``tmp_path`` wrote: the model tester, orphans
in grey italics with their stored label, note excerpts on one line, hostile text shown
literally and bounded, kind names and headers in Russian, and row/entry look-ups."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import language
from app.models.columns import TOOLTIP_LIMIT
from app.models.notebook_model import (
    EXCERPT,
    NotebookColumn,
    NotebookModel,
    RefRole,
    kind_name,
)
from db import vocab
from db.dto import Ref
from db.notebook import Entry, Notebook, archive_key, claim_ref
from tests.app.ui_texts import english

__all__ = ["english"]

# Orphans' fonts and colours come from the application (the model tester asks for them).
pytestmark = pytest.mark.usefixtures("qapp")

KEY = archive_key({"archive_id": "model-test-archive", "title": "Model test archive"})
KAMENEV = Ref("person", "kamenev-lev")
KIROV = Ref("event", "ev-1934-kirov")
PROTOCOL = Ref("document", "doc-protocol")
GONE = Ref("person", "no-such-person-any-more")
CLAIM = claim_ref(42)
HOSTILE_HTML = "<img src=file:///etc/passwd>"
CONTROL = "bell\x07 escape\x1b[31m red"
HUGE_WORD = "x" * 200_000

Col = NotebookColumn
Role = Qt.ItemDataRole


class Ticker:
    """A clock one minute on per reading (newest first never ties)."""

    def __init__(self) -> None:
        self.now = datetime.datetime(1937, 3, 5, 9, 0, tzinfo=datetime.UTC)

    def __call__(self) -> datetime.datetime:
        self.now += datetime.timedelta(minutes=1)
        return self.now


@pytest.fixture
def notebook(tmp_path: Path) -> Iterator[Notebook]:
    nb = Notebook.open(tmp_path / "nb.sqlite", clock=Ticker())
    yield nb
    nb.close()


def _fill(nb: Notebook) -> list[Entry]:
    """Five marked records (one an orphan, one a claim), newest change first."""
    nb.set_bookmark(KEY, KAMENEV, True, label="Lev Kamenev")
    nb.add_tag(KEY, KAMENEV, "trial", label="Lev Kamenev")
    nb.add_tag(KEY, KAMENEV, "NKVD", label="Lev Kamenev")
    nb.set_note(KEY, KIROV, "Shot in the\nSmolny\t corridor", label="Kirov murder")
    nb.set_note(KEY, PROTOCOL, "long " * 100, label="Protocol of 5 March")
    nb.set_note(KEY, GONE, "from an older data version", label="Ivan Gone")
    nb.set_note(KEY, CLAIM, "a claim noted", label="Born 1883")
    return nb.entries(KEY)


@pytest.fixture
def entries(notebook: Notebook) -> list[Entry]:
    return _fill(notebook)


@pytest.fixture
def model(entries: list[Entry]) -> NotebookModel:
    model = NotebookModel()
    model.set_entries(entries, frozenset({GONE}))
    return model


def _row(model: NotebookModel, ref: Ref) -> int:
    row = model.row_of(ref)
    assert row is not None
    return row


def _cell(model: NotebookModel, ref: Ref, column: Col, role: int = Role.DisplayRole) -> object:
    return model.index(_row(model, ref), column).data(role)


def _one(nb: Notebook, ref: Ref, note: str, label: str | None = None) -> NotebookModel:
    nb.set_note(KEY, ref, note, label=label)
    model = NotebookModel()
    model.set_entries(nb.entries(KEY), frozenset())
    return model


# -- the model as Qt sees it ------------------------------------------------------------------


def test_the_filled_model_passes_the_model_tester(
    qtmodeltester: ModelTester, model: NotebookModel
) -> None:
    assert model.rowCount() == 5
    qtmodeltester.check(model)


def test_the_empty_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(NotebookModel())


def test_the_model_tester_passes_with_hostile_notes(
    qtmodeltester: ModelTester, notebook: Notebook
) -> None:
    notebook.set_note(KEY, KAMENEV, HUGE_WORD)
    notebook.set_note(KEY, KIROV, CONTROL, label=HOSTILE_HTML)
    model = NotebookModel()
    model.set_entries(notebook.entries(KEY), frozenset({KIROV}))
    qtmodeltester.check(model)


def test_refilling_resets_the_model_once(qtbot: QtBot, entries: list[Entry]) -> None:
    model = NotebookModel()
    with qtbot.waitSignal(model.modelReset, timeout=30_000):
        model.set_entries(entries, frozenset())
    assert model.rowCount() == len(entries)
    model.set_entries([], frozenset())
    assert model.rowCount() == 0 and model.entry_at(0) is None


def test_a_child_index_has_no_rows_or_columns(model: NotebookModel) -> None:
    parent = model.index(0, 0)
    assert model.rowCount(parent) == 0 and model.columnCount(parent) == 0
    assert model.columnCount() == len(NotebookColumn)
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert model.data(QModelIndex()) is None


# -- rows -------------------------------------------------------------------------------------


def test_rows_are_newest_change_first(model: NotebookModel) -> None:
    refs = [model.entry_at(row).ref for row in range(model.rowCount())]  # type: ignore[union-attr]
    assert refs == [CLAIM, GONE, PROTOCOL, KIROV, KAMENEV]


def test_row_of_and_entry_at_agree(model: NotebookModel, entries: list[Entry]) -> None:
    for row, entry in enumerate(entries):
        assert model.row_of(entry.ref) == row
        assert model.entry_at(row) == entry
        assert model.index(row, Col.NOTE).data(RefRole) == entry.ref


@pytest.mark.parametrize("row", [-1, 5, 10_000])
def test_a_row_out_of_range_has_no_entry(model: NotebookModel, row: int) -> None:
    assert model.entry_at(row) is None and not model.is_orphan(row)


def test_an_unmarked_record_has_no_row(model: NotebookModel) -> None:
    assert model.row_of(Ref("person", "never-marked")) is None
    assert model.row_of(Ref("event", KAMENEV.id)) is None  # same id, another kind


# -- cells ------------------------------------------------------------------------------------


def test_a_bookmarked_row_shows_a_centred_star(model: NotebookModel) -> None:
    assert _cell(model, KAMENEV, Col.BOOKMARK) == "★"
    assert _cell(model, KIROV, Col.BOOKMARK) == ""
    assert _cell(model, KAMENEV, Col.BOOKMARK, Role.TextAlignmentRole) == (
        Qt.AlignmentFlag.AlignCenter
    )
    assert _cell(model, KAMENEV, Col.BOOKMARK, Role.ToolTipRole) is None


def test_tags_are_listed_with_commas(english: None, model: NotebookModel) -> None:
    assert _cell(model, KAMENEV, Col.TAGS) == "NKVD, trial"
    assert _cell(model, KAMENEV, Col.TAGS, Role.ToolTipRole) == "<qt>NKVD, trial</qt>"
    assert _cell(model, KIROV, Col.TAGS) == ""


def test_the_record_column_names_the_stored_label(english: None, model: NotebookModel) -> None:
    assert _cell(model, KAMENEV, Col.RECORD) == "Lev Kamenev"
    assert _cell(model, KAMENEV, Col.RECORD, Role.ToolTipRole) == "<qt>Lev Kamenev</qt>"
    assert _cell(model, KAMENEV, Col.KIND) == "person"
    assert _cell(model, CLAIM, Col.KIND) == "claim"


def test_a_record_without_a_label_is_named_by_its_id(notebook: Notebook) -> None:
    model = _one(notebook, KIROV, "no label given")
    assert model.index(0, Col.RECORD).data() == KIROV.id


def test_the_changed_column_shows_the_local_day_and_time(
    english: None, model: NotebookModel
) -> None:
    entry = model.entry_at(0)
    assert entry is not None
    local = entry.changed.astimezone()
    day = vocab.format_date(local.date().isoformat(), "day")
    assert model.index(0, Col.CHANGED).data() == f"{day} {local:%H:%M}"
    assert "1937" in day


def test_headers_name_the_columns(english: None, model: NotebookModel) -> None:
    horizontal = Qt.Orientation.Horizontal
    heads = [model.headerData(c, horizontal) for c in Col]
    assert heads == ["★", "Kind", "Record", "Tags", "Note", "Changed"]
    assert model.headerData(Col.BOOKMARK, horizontal, Role.ToolTipRole) == "Bookmarked"
    assert model.headerData(Col.NOTE, horizontal, Role.ToolTipRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(len(Col), horizontal) is None


# -- orphans ----------------------------------------------------------------------------------


def test_an_orphan_keeps_its_label_and_says_it_is_gone(english: None, model: NotebookModel) -> None:
    row = _row(model, GONE)
    assert model.is_orphan(row)
    assert _cell(model, GONE, Col.RECORD) == "Ivan Gone (no longer in this archive)"
    tip = _cell(model, GONE, Col.RECORD, Role.ToolTipRole)
    assert tip == "<qt>Ivan Gone — no longer in this archive (kept in your notebook)</qt>"
    assert _cell(model, GONE, Col.NOTE) == "from an older data version"  # kept, not dropped


def test_an_orphan_is_grey_italic_and_the_others_are_not(model: NotebookModel) -> None:
    for column in Col:
        font = _cell(model, GONE, column, Role.FontRole)
        colour = _cell(model, GONE, column, Role.ForegroundRole)
        assert isinstance(font, QFont) and font.italic()
        assert isinstance(colour, QColor)
        assert colour == QApplication.palette().color(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
        )
        assert _cell(model, KAMENEV, column, Role.FontRole) is None
        assert _cell(model, KAMENEV, column, Role.ForegroundRole) is None
    assert not model.is_orphan(_row(model, KAMENEV))


def test_an_orphan_without_a_label_is_named_by_its_id(english: None, notebook: Notebook) -> None:
    notebook.set_note(KEY, GONE, "no label stored")
    model = NotebookModel()
    model.set_entries(notebook.entries(KEY), frozenset({GONE}))
    assert model.index(0, Col.RECORD).data() == f"{GONE.id} (no longer in this archive)"
    assert GONE.id in model.index(0, Col.RECORD).data(Role.ToolTipRole)


# -- note excerpts ----------------------------------------------------------------------------


def test_a_short_note_shows_whole_on_one_line(model: NotebookModel) -> None:
    assert _cell(model, KIROV, Col.NOTE) == "Shot in the Smolny corridor"
    tip = _cell(model, KIROV, Col.NOTE, Role.ToolTipRole)
    assert tip == "<qt>Shot in the\nSmolny\t corridor</qt>"  # the tooltip keeps the lines


def test_a_long_note_is_cut_to_the_excerpt(model: NotebookModel) -> None:
    shown = _cell(model, PROTOCOL, Col.NOTE)
    assert isinstance(shown, str)
    assert len(shown) == EXCERPT + 1 and shown.endswith("…")
    assert shown.startswith("long long")


@pytest.mark.parametrize(
    "note",
    ["line one\nline two", "a\r\nb\rc", "para\u2029graph\u2028line", "tab\tand\x0bvertical\x0c"],
)
def test_an_excerpt_is_one_line_whatever_the_line_ends(notebook: Notebook, note: str) -> None:
    model = _one(notebook, KAMENEV, note)  # kept: an index does not keep its model alive
    shown = model.index(0, Col.NOTE).data()
    assert not any(ch in shown for ch in "\n\r\t\x0b\x0c\u2028\u2029")
    assert "  " not in shown


# -- hostile text -----------------------------------------------------------------------------


def test_html_in_a_note_is_shown_as_text(notebook: Notebook) -> None:
    model = _one(notebook, KAMENEV, HOSTILE_HTML, label="<b>bold</b> & co")
    note = model.index(0, Col.NOTE)
    assert note.data() == HOSTILE_HTML  # a cell is plain text: shown as typed
    assert note.data(Role.ToolTipRole) == "<qt>&lt;img src=file:///etc/passwd&gt;</qt>"
    record = model.index(0, Col.RECORD)
    assert record.data() == "<b>bold</b> & co"
    assert record.data(Role.ToolTipRole) == "<qt>&lt;b&gt;bold&lt;/b&gt; &amp; co</qt>"


def test_html_in_an_orphan_s_label_is_escaped(english: None, notebook: Notebook) -> None:
    notebook.set_note(KEY, GONE, "x", label=HOSTILE_HTML)
    model = NotebookModel()
    model.set_entries(notebook.entries(KEY), frozenset({GONE}))
    tip = model.index(0, Col.RECORD).data(Role.ToolTipRole)
    assert "<img" not in tip and "&lt;img src=file:///etc/passwd&gt;" in tip


def test_html_in_a_tag_is_escaped(notebook: Notebook) -> None:
    notebook.add_tag(KEY, KAMENEV, "<i>x</i>")
    model = NotebookModel()
    model.set_entries(notebook.entries(KEY), frozenset())
    assert model.index(0, Col.TAGS).data() == "<i>x</i>"
    assert model.index(0, Col.TAGS).data(Role.ToolTipRole) == "<qt>&lt;i&gt;x&lt;/i&gt;</qt>"


def test_control_bytes_in_a_note_are_kept_literally(notebook: Notebook) -> None:
    model = _one(notebook, KAMENEV, CONTROL)
    assert model.index(0, Col.NOTE).data() == CONTROL
    assert model.index(0, Col.NOTE).data(Role.ToolTipRole) == f"<qt>{CONTROL}</qt>"


def test_a_200000_character_word_is_cut_in_the_cell_and_the_tooltip(
    notebook: Notebook,
) -> None:
    model = _one(notebook, KAMENEV, HUGE_WORD)
    assert notebook.note(KEY, KAMENEV) == HUGE_WORD  # stored whole
    shown = model.index(0, Col.NOTE).data()
    assert shown == "x" * EXCERPT + "…"
    tip = model.index(0, Col.NOTE).data(Role.ToolTipRole)
    assert len(tip) == len("<qt></qt>") + TOOLTIP_LIMIT + 1 and tip.endswith("…</qt>")


def test_a_huge_note_with_markup_is_cut_before_it_is_escaped(notebook: Notebook) -> None:
    model = _one(notebook, KAMENEV, "<" * 200_000)
    assert model.index(0, Col.NOTE).data() == "<" * EXCERPT + "…"
    tip = model.index(0, Col.NOTE).data(Role.ToolTipRole)
    assert tip == "<qt>" + "&lt;" * TOOLTIP_LIMIT + "…</qt>"


# -- language ---------------------------------------------------------------------------------


def test_kinds_and_headers_speak_russian(english: None, model: NotebookModel) -> None:
    language.apply("ru")
    try:
        kinds = [_cell(model, ref, Col.KIND) for ref in (KAMENEV, KIROV, PROTOCOL, CLAIM)]
        assert kinds == ["лицо", "событие", "документ", "утверждение"]
        heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in Col]
        assert heads == ["★", "Вид", "Запись", "Метки", "Примечание", "Изменено"]
        assert _cell(model, GONE, Col.RECORD) == "Ivan Gone (больше нет в архиве)"
        assert "1937 г." in str(_cell(model, KAMENEV, Col.CHANGED))
    finally:
        language.apply("en")
    assert _cell(model, KAMENEV, Col.KIND) == "person"


def test_an_unknown_kind_is_shown_as_it_is(english: None) -> None:
    assert kind_name("person") == "person"
    assert kind_name("manuscript") == "manuscript"
