"""NotePanel on its own: tags split from one line, one autosave per burst of typing, flushes
on focus-out and before another record, a refused save written again, read-only mode, the
bookmark button, the tag completer after the last comma, and a language switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QStringListModel, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QCompleter
from pytestqt.qtbot import QtBot

from app import language
from app.widgets import note_panel
from app.widgets.note_panel import NotePanel, split_tags
from db.dto import Ref
from tests.app.ui_texts import english

__all__ = ["english"]

KAMENEV = Ref("person", "kamenev-lev")
KIROV = Ref("event", "ev-1934-kirov")

Edit = tuple[Ref, str]


@pytest.fixture
def panel(qtbot: QtBot, english: None, monkeypatch: pytest.MonkeyPatch) -> NotePanel:
    # A short quiet time keeps the waits short; keystrokes sent in one go are one burst
    # whatever its length (no events run between them).
    monkeypatch.setattr(note_panel, "AUTOSAVE_MS", 50)
    panel = NotePanel()
    qtbot.addWidget(panel)
    panel.resize(600, 300)
    panel.show_entry(KAMENEV, False, ["trial"], "first note")
    return panel


@pytest.fixture
def notes(panel: NotePanel) -> list[Edit]:
    """Every note_edited emission."""
    got: list[Edit] = []
    panel.note_edited.connect(lambda ref, text: got.append((ref, text)))
    return got


@pytest.fixture
def tag_edits(panel: NotePanel) -> list[tuple[Ref, list[str]]]:
    got: list[tuple[Ref, list[str]]] = []
    panel.tags_edited.connect(lambda ref, tags: got.append((ref, tags)))
    return got


def _focus_out(panel: NotePanel) -> None:
    """The editor loses the focus (sent straight to it: no window manager offscreen)."""
    QApplication.sendEvent(panel.editor, QFocusEvent(QEvent.Type.FocusOut))


# -- split_tags -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("trial, NKVD ,, trial", ["trial", "NKVD"]),
        ("", []),
        (" , ,  ", []),
        ("one", ["one"]),
        ("Trial,trial,TRIAL", ["Trial"]),  # case aside, the first spelling wins
        ("show  trial,show trial", ["show trial"]),  # inner spaces collapsed
        ("a\tb, a b", ["a b"]),
        ("Ёж, ёж, ЁЖ", ["Ёж"]),
        ("суд, Суд, НКВД", ["суд", "НКВД"]),
        ("x,", ["x"]),
        (",x", ["x"]),
    ],
)
def test_split_tags(text: str, tags: list[str]) -> None:
    assert split_tags(text) == tags


# -- autosave ---------------------------------------------------------------------------------


def test_a_burst_of_typing_is_one_save_after_the_quiet_time(
    qtbot: QtBot, panel: NotePanel, notes: list[Edit]
) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(panel.note_edited, timeout=30_000) as blocker:
        qtbot.keyClicks(panel.editor, ", then more")
        assert notes == []  # nothing saved while typing
    assert blocker.args == [KAMENEV, "first note, then more"]
    # A second burst: its save comes after anything the first could still have sent.
    qtbot.keyClicks(panel.editor, " and more")
    qtbot.waitUntil(lambda: len(notes) >= 2, timeout=30_000)
    assert notes == [
        (KAMENEV, "first note, then more"),
        (KAMENEV, "first note, then more and more"),
    ]
    panel.flush()  # nothing new to save
    assert len(notes) == 2


def test_losing_the_focus_saves_at_once(panel: NotePanel, notes: list[Edit]) -> None:
    panel.editor.setPlainText("typed, then tabbed away")
    _focus_out(panel)
    assert notes == [(KAMENEV, "typed, then tabbed away")]
    _focus_out(panel)  # nothing new
    assert len(notes) == 1


def test_an_unchanged_note_is_not_saved(panel: NotePanel, notes: list[Edit]) -> None:
    panel.editor.setPlainText("changed")
    panel.editor.setPlainText("first note")  # typed back to what was loaded
    panel.flush()
    _focus_out(panel)
    assert notes == []


def test_showing_another_record_saves_the_text_typed_first(
    panel: NotePanel, notes: list[Edit], tag_edits: list[tuple[Ref, list[str]]]
) -> None:
    panel.editor.setPlainText("typed just now")
    panel.tags.setText("trial, NKVD")
    panel.show_entry(KIROV, True, ["purge"], "Kirov's note")
    assert notes == [(KAMENEV, "typed just now")]
    assert tag_edits == [(KAMENEV, ["trial", "NKVD"])]
    assert panel.ref == KIROV
    assert panel.editor.toPlainText() == "Kirov's note" and panel.tags.text() == "purge"
    assert panel.bookmark.isChecked()
    panel.flush()  # the note just loaded is not a change
    assert len(notes) == 1


def test_loading_a_note_starts_no_autosave(
    qtbot: QtBot, panel: NotePanel, notes: list[Edit]
) -> None:
    panel.show_entry(KIROV, False, [], "loaded, not typed")
    # A later edit's single save carries only that edit: the load itself was never queued.
    with qtbot.waitSignal(panel.note_edited, timeout=30_000) as blocker:
        panel.editor.appendPlainText("typed")
    assert blocker.args == [KIROV, "loaded, not typed\ntyped"]
    assert len(notes) == 1


def test_a_refused_save_is_tried_again_with_the_same_text(
    panel: NotePanel, notes: list[Edit]
) -> None:
    panel.editor.setPlainText("on a full disk")
    panel.flush()
    panel.mark_unsaved()
    assert panel.saved.text() == "not saved"
    assert panel.editor.toPlainText() == "on a full disk"  # kept
    panel.flush()
    assert notes == [(KAMENEV, "on a full disk")] * 2
    panel.mark_saved()
    assert panel.saved.text() == "saved"
    panel.flush()
    assert len(notes) == 2


def test_typing_clears_the_saved_word(panel: NotePanel) -> None:
    panel.mark_saved()
    panel.editor.setPlainText("more")
    assert panel.saved.text() == ""


def test_nothing_is_saved_with_no_record_shown(
    panel: NotePanel, notes: list[Edit], tag_edits: list[tuple[Ref, list[str]]]
) -> None:
    panel.show_entry(None, False, [], "")
    assert not panel.isEnabled() and panel.ref is None
    panel.editor.setPlainText("nowhere to go")
    panel.tags.setText("x")
    panel.tags.editingFinished.emit()
    panel.flush()
    assert notes == [] and tag_edits == []


# -- tags -------------------------------------------------------------------------------------


def test_tags_are_saved_when_editing_finishes(
    panel: NotePanel, tag_edits: list[tuple[Ref, list[str]]]
) -> None:
    panel.tags.setText("trial,  NKVD , Trial")
    panel.tags.editingFinished.emit()
    assert tag_edits == [(KAMENEV, ["trial", "NKVD"])]
    panel.tags.setText("TRIAL, nkvd")  # the same tags, case aside
    panel.tags.editingFinished.emit()
    assert len(tag_edits) == 1


def test_clearing_the_tags_saves_no_tags(
    panel: NotePanel, tag_edits: list[tuple[Ref, list[str]]]
) -> None:
    panel.tags.clear()
    panel.tags.editingFinished.emit()
    assert tag_edits == [(KAMENEV, [])]


# -- read-only --------------------------------------------------------------------------------


def test_read_only_mode_only_shows(qtbot: QtBot, panel: NotePanel, notes: list[Edit]) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_read_only(True)
    assert panel.editor.isReadOnly() and panel.tags.isReadOnly()
    assert not panel.bookmark.isEnabled()
    qtbot.keyClicks(panel.editor, "typed")
    qtbot.keyClicks(panel.tags, ", typed")
    assert panel.editor.toPlainText() == "first note" and panel.tags.text() == "trial"
    panel.flush()
    assert notes == []
    panel.set_read_only(False)
    assert not panel.editor.isReadOnly() and not panel.tags.isReadOnly()
    assert panel.bookmark.isEnabled()
    qtbot.keyClicks(panel.editor, "typed")  # the same keys reach a writable editor
    assert panel.editor.toPlainText() != "first note"


# -- bookmark ---------------------------------------------------------------------------------


def test_the_bookmark_button_reports_each_toggle(panel: NotePanel) -> None:
    got: list[tuple[Ref, bool]] = []
    panel.bookmark_toggled.connect(lambda ref, on: got.append((ref, on)))
    assert panel.bookmark.text() == "Bookmark"
    panel.bookmark.click()
    assert got == [(KAMENEV, True)] and panel.bookmark.text() == "Bookmarked"
    panel.bookmark.click()
    assert got == [(KAMENEV, True), (KAMENEV, False)] and panel.bookmark.text() == "Bookmark"


def test_showing_a_bookmarked_record_does_not_report_a_toggle(panel: NotePanel) -> None:
    got: list[object] = []
    panel.bookmark_toggled.connect(lambda ref, on: got.append((ref, on)))
    panel.show_entry(KIROV, True, [], "")
    panel.show_entry(KAMENEV, False, [], "")
    assert got == []
    assert panel.bookmark.text() == "Bookmark"


def test_no_toggle_is_reported_without_a_record(panel: NotePanel) -> None:
    got: list[object] = []
    panel.bookmark_toggled.connect(lambda ref, on: got.append((ref, on)))
    panel.show_entry(None, False, [], "")
    panel.bookmark.toggle()
    assert got == []


# -- tag completion ---------------------------------------------------------------------------


@pytest.fixture
def completer(panel: NotePanel) -> QCompleter:
    panel.set_known_tags(["trial", "NKVD", "purge"])
    found = panel.tags.completer()
    assert found is not None
    return found


def _index_of(completer: QCompleter, word: str) -> object:
    model = completer.model()
    assert isinstance(model, QStringListModel)
    return model.index(model.stringList().index(word), 0)


@pytest.mark.parametrize(
    ("typed", "word"),
    [("nk", "nk"), ("trial, nk", "nk"), ("a, b,  pu ", "pu"), ("trial,", ""), ("", "")],
)
def test_completion_is_of_the_word_after_the_last_comma(
    completer: QCompleter, typed: str, word: str
) -> None:
    assert completer.splitPath(typed) == [word]


@pytest.mark.parametrize(
    ("typed", "chosen", "result"),
    [
        ("nk", "NKVD", "NKVD"),
        ("trial, nk", "NKVD", "trial, NKVD"),
        ("trial, NKVD, pu", "purge", "trial, NKVD, purge"),
    ],
)
def test_a_completion_keeps_the_tags_before_the_last_comma(
    panel: NotePanel, completer: QCompleter, typed: str, chosen: str, result: str
) -> None:
    panel.tags.setText(typed)
    assert completer.pathFromIndex(_index_of(completer, chosen)) == result  # type: ignore[arg-type]


def test_completion_is_case_aside_and_offers_known_tags(completer: QCompleter) -> None:
    completer.setCompletionPrefix(completer.splitPath("trial, nK")[0])
    assert completer.currentCompletion() == "NKVD"
    assert completer.completionCount() == 1


# -- language ---------------------------------------------------------------------------------


def test_the_panel_speaks_russian_after_a_switch(panel: NotePanel) -> None:
    assert panel.heading.text().startswith("My notes")
    panel.bookmark.setChecked(True)
    language.apply("ru")
    try:
        assert panel.heading.text().startswith("Мои заметки")
        assert panel.bookmark.text() == "В закладках"
        assert panel.editor.toPlainText() == "first note"  # what is shown stays
        panel.mark_unsaved()
        assert panel.saved.text() == "не сохранено"
    finally:
        language.apply("en")
    assert panel.heading.text().startswith("My notes")
    assert panel.bookmark.text() == "Bookmarked"


def test_every_interactive_part_has_a_name(panel: NotePanel) -> None:
    for widget in (panel.bookmark, panel.tags, panel.editor):
        assert widget.objectName() and widget.accessibleName()
    assert panel.objectName() == "notePanel"
    assert panel.tags_label.buddy() is panel.tags
    assert Qt.TextFormat.PlainText == panel.heading.textFormat()
