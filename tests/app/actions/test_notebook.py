"""The reader's notebook in the window: bookmark, note, tags and saved searches, driven through
the real widgets on the bundled archive, then a second app instance on the same store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import App
from app.models.notebook_model import NotebookColumn
from db.dto import Ref
from db.notebook import Notebook
from tests.app.conftest import FakeDialogs
from tests.app.printing.dossier_fixtures import needs_poppler, pdf_text

MakeApp = Callable[..., App]
KAMENEV = Ref("person", "kamenev-lev")
KIROV = Ref("event", "ev-1934-kirov")


def _type_note(qtbot: QtBot, app: App, text: str) -> None:
    editor = app.note_panel.editor
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def test_a_note_typed_is_saved_without_a_save_button(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    app.navigator.go(KAMENEV)
    _type_note(qtbot, app, "Check the <b>protocol</b> of 1935")
    # Saved after the quiet time, with no button pressed.
    qtbot.waitUntil(lambda: app.notebook.entry(KAMENEV) is not None, timeout=30_000)
    entry = app.notebook.entry(KAMENEV)
    assert entry is not None and entry.note == "Check the <b>protocol</b> of 1935"
    assert entry.label == "Lev Kamenev"
    assert app.note_panel.saved.text() == "saved"


def test_moving_to_another_record_saves_the_note_at_once(make_app: MakeApp) -> None:
    app = make_app()
    app.navigator.go(KAMENEV)
    app.note_panel.editor.setPlainText("typed just now")
    app.navigator.go(KIROV)  # before the autosave timer: the note is flushed on the way
    assert app.notebook.entry(KAMENEV).note == "typed just now"  # type: ignore[union-attr]
    assert app.note_panel.ref == KIROV and app.note_panel.editor.toPlainText() == ""
    app.navigator.back()
    assert app.note_panel.editor.toPlainText() == "typed just now"


def test_ctrl_d_bookmarks_and_the_list_marks_the_row(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    app.navigator.go(KAMENEV)
    assert app.window.bookmark_action.shortcut().toString() == "Ctrl+D"
    app.window.bookmark_action.trigger()
    assert app.notebook.entry(KAMENEV).bookmarked  # type: ignore[union-attr]
    assert app.window.bookmark_action.isChecked() and app.note_panel.bookmark.isChecked()
    people = app.panes["person"].model
    row = people.row_of("kamenev-lev")
    assert row is not None
    index = people.index(row, 0)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert index.data(Qt.ItemDataRole.ToolTipRole).endswith("— bookmarked</qt>")
    other = people.index(0 if row else 1, 0)
    assert other.data(Qt.ItemDataRole.DecorationRole) is None
    app.window.bookmark_action.trigger()  # again: the bookmark goes
    assert app.notebook.entry(KAMENEV) is None  # nothing left of it in the notebook
    assert people.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_tags_are_saved_completed_and_filter_the_notebook_pane(make_app: MakeApp) -> None:
    app = make_app()
    app.navigator.go(KAMENEV)
    app.note_panel.tags.setText("trial,  Trial , NKVD")
    app.note_panel.tags.editingFinished.emit()
    assert app.notebook.entry(KAMENEV).tags == ("NKVD", "trial")  # type: ignore[union-attr]
    app.navigator.go(KIROV)
    app.note_panel.tags.setText("nkvd")
    app.note_panel.tags.editingFinished.emit()
    completer = app.note_panel.tags.completer()
    assert set(completer.model().stringList()) == {"NKVD", "trial"}  # type: ignore[attr-defined]
    pane = app.notebook_pane
    assert pane.model.rowCount() == 2
    pane.tag.setCurrentIndex(pane.tag.findData("trial"))
    assert pane.model.rowCount() == 1 and pane.model.entry_at(0).ref == KAMENEV  # type: ignore[union-attr]


def test_the_notebook_pane_lists_searches_and_opens_records(
    qtbot: QtBot, make_app: MakeApp
) -> None:
    app = make_app()
    app.navigator.go(KAMENEV)
    app.note_panel.editor.setPlainText("interrogated twice in March")
    app.navigator.go(KIROV)
    app.window.bookmark_action.trigger()
    pane = app.notebook_pane
    app.window.tabs.setCurrentWidget(pane)
    assert pane.view.objectName() == "notebookPane"
    assert [pane.model.entry_at(r).ref for r in range(2)] == [KIROV, KAMENEV]  # type: ignore[union-attr]
    pane.text.setText("march")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    assert pane.model.index(0, NotebookColumn.NOTE).data() == "interrogated twice in March"
    pane.view.selectRow(0)
    assert app.navigator.current == KAMENEV
    assert pane.count_label.text() == "1 record in your notebook"


def test_a_saved_search_runs_again_with_its_filters(
    make_app: MakeApp, fake_dialogs: FakeDialogs
) -> None:
    app = make_app()
    answers = ["Defendants named Ivan"]
    app.dialogs.text_input = lambda *_a: answers.pop(0)
    people = app.panes["person"]
    people.set_combo_filter("role", "defendant")
    app.search.set_text("Иван")
    app.window.save_search_action.trigger()
    (saved,) = app.notebook.saved_searches()
    assert saved.name == "Defendants named Ivan" and saved.text == "Иван"
    assert dict(saved.filters) == {"role": "defendant"}
    app.search.set_text("")
    people.clear_filters()
    item = app.notebook_pane.searches.item(0)
    app.notebook_pane.searches.itemClicked.emit(item)
    assert app.search.text() == "Иван"
    assert people.combo_filters() == {"role": "defendant"}
    app.search.wait()


def test_restart_shows_everything_again_on_the_same_store(
    qtbot: QtBot, make_app: MakeApp, tmp_path: Path
) -> None:
    first = make_app(tmp_path / "one.ini")
    first.navigator.go(KAMENEV)
    first.note_panel.editor.setPlainText("kept across restarts")
    first.note_panel.tags.setText("trial")
    first.note_panel.tags.editingFinished.emit()
    first.window.bookmark_action.trigger()
    first.window.close()  # the note still in the editor is flushed on close

    second = make_app(tmp_path / "one.ini")
    second.navigator.go(KAMENEV)
    panel = second.note_panel
    assert panel.editor.toPlainText() == "kept across restarts"
    assert panel.tags.text() == "trial" and panel.bookmark.isChecked()
    assert second.notebook_pane.model.rowCount() == 1


def test_a_second_instance_s_save_shows_when_the_window_is_activated(make_app: MakeApp) -> None:
    app = make_app()
    app.navigator.go(KAMENEV)
    other = Notebook.open()  # another running instance on the same store
    other.set_note(app.notebook.key, KAMENEV, "written elsewhere", label="Lev Kamenev")
    other.close()
    app.window.activated.emit()
    assert app.note_panel.editor.toPlainText() == "written elsewhere"
    assert app.notebook_pane.model.rowCount() == 1


def test_orphans_are_kept_and_named_never_dropped(make_app: MakeApp) -> None:
    app = make_app()
    gone = Ref("person", "no-such-person-any-more")
    app.notebook.notebook.set_note(
        app.notebook.key, gone, "from an older data version", label="Ivan Gone"
    )
    app.notebook.changed.emit(None)
    pane = app.notebook_pane
    row = pane.model.row_of(gone)
    assert row is not None and pane.model.is_orphan(row)
    assert (
        pane.model.index(row, NotebookColumn.RECORD).data()
        == "Ivan Gone (no longer in this archive)"
    )
    pane.view.selectRow(row)
    assert app.navigator.current != gone  # nothing to open, and nothing breaks


def test_export_writes_markdown_with_citations_and_a_colleague_imports_the_json(
    make_app: MakeApp,
    fake_dialogs: FakeDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(tmp_path / "mine.ini")
    app.navigator.go(KAMENEV)
    app.note_panel.editor.setPlainText("# not a heading\n[not](a link)")
    app.note_panel.flush()
    md = tmp_path / "mine.md"
    fake_dialogs.save_answers.append(md)
    app.window.export_notebook_action.trigger()
    text = md.read_text(encoding="utf-8")
    assert "Lev Kamenev" in text and "\n# not a heading" not in text
    js = tmp_path / "mine.json"
    fake_dialogs.save_answers.append(js)
    app.window.export_notebook_action.trigger()
    assert json.loads(js.read_text(encoding="utf-8"))
    # A colleague's app, with a notebook of its own, imports the JSON (twice: no duplicates).
    monkeypatch.setenv("KREMLIN_ARCHIVE_NOTEBOOK", str(tmp_path / "colleague.sqlite"))
    colleague = make_app(tmp_path / "colleague.ini")
    colleague.dialogs.open_file = lambda *_a: js
    colleague.window.import_notebook_action.trigger()
    colleague.window.import_notebook_action.trigger()
    entry = colleague.notebook.entry(KAMENEV)
    assert entry is not None and entry.note == "# not a heading\n[not](a link)"
    assert colleague.notebook_pane.model.rowCount() == 1
    assert colleague.window.statusBar().currentMessage().startswith("Imported notes on")


def test_a_broken_import_says_so_once_and_changes_nothing(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    app.dialogs.open_file = lambda *_a: bad
    app.window.import_notebook_action.trigger()
    assert len(fake_dialogs.messages) == 1 and fake_dialogs.messages[0][0] == "Import failed"
    assert app.notebook.entries() == []


def test_a_read_only_notebook_keeps_the_text_and_says_so_once(
    make_app: MakeApp, fake_dialogs: FakeDialogs, own_notebook: Path
) -> None:
    app = make_app()
    app.navigator.go(KAMENEV)
    app.notebook.notebook.read_only = True  # type: ignore[misc]
    app.note_panel.editor.setPlainText("typed on a read-only disk")
    app.note_panel.flush()
    app.note_panel.editor.setPlainText("typed on a read-only disk, more")
    app.note_panel.flush()
    assert len(fake_dialogs.messages) == 1
    assert fake_dialogs.messages[0][0] == "Not saved in your notebook"
    assert app.note_panel.editor.toPlainText() == "typed on a read-only disk, more"
    assert app.note_panel.saved.text() == "not saved"


@pytest.mark.parametrize("lang", ["ru"])
def test_the_notebook_speaks_russian(make_app: MakeApp, lang: str) -> None:
    from app import language

    app = make_app()
    language.apply(lang)
    QApplication.processEvents()
    try:
        assert app.note_panel.heading.text().startswith("Мои заметки")
        assert app.notebook_pane.count_label.text().endswith("в вашем блокноте")
        assert app.window.bookmark_action.text() == "&Закладка на показанную запись"
    finally:
        language.apply("en")


@needs_poppler
def test_dossiers_include_the_reader_s_notes_only_when_asked(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    app.navigator.go(KAMENEV)
    app.note_panel.editor.setPlainText("My <b>own</b> reading of the protocol " + "x" * 300)
    off = tmp_path / "off.pdf"
    fake_dialogs.save_answers.append(off)
    app.window.export_pdf_action.trigger()
    assert "Reader" not in pdf_text(off)  # off by default: the dossier is the archive's
    assert not app.window.include_notes_action.isChecked()
    app.window.include_notes_action.trigger()
    on = tmp_path / "on.pdf"
    fake_dialogs.save_answers.append(on)
    app.window.export_pdf_action.trigger()
    text = pdf_text(on)
    assert "Reader’s notes" in text and "not part of the archive" in text
    assert "My <b>own</b> reading" in text  # the note text, literally


def test_reader_notes_html_escapes_and_breaks_long_words() -> None:
    from app.pages.dossier import WORD_LIMIT, reader_notes_html

    html = reader_notes_html("<img src=file:///etc/passwd>\n\n" + "y" * 1000, ["<t>"], False)
    assert "<img" not in html and "&lt;img" in html and "&lt;t&gt;" in html
    import re

    assert max(len(run) for run in re.findall("y+", html)) == WORD_LIMIT


def test_a_filtered_tag_that_disappears_falls_back_to_every_tag(make_app: MakeApp) -> None:
    app = make_app()
    app.navigator.go(KAMENEV)
    app.note_panel.tags.setText("trial")
    app.note_panel.tags.editingFinished.emit()
    app.navigator.go(KIROV)
    app.window.bookmark_action.trigger()
    pane = app.notebook_pane
    pane.tag.setCurrentIndex(pane.tag.findData("trial"))
    assert pane.model.rowCount() == 1
    app.navigator.go(KAMENEV)
    app.note_panel.tags.setText("")
    app.note_panel.tags.editingFinished.emit()
    assert pane.tag_filter() is None and pane.model.rowCount() == 1
    assert pane.model.entry_at(0).ref == KIROV  # type: ignore[union-attr]


def test_the_notebook_names_records_in_the_language_shown(make_app: MakeApp) -> None:
    from app import language

    app = make_app()
    app.navigator.go(KAMENEV)
    app.window.bookmark_action.trigger()  # stored with its English label
    record = app.notebook_pane.model.index(0, NotebookColumn.RECORD)
    assert record.data() == "Lev Kamenev"
    app.language.switch("ru")
    try:
        record = app.notebook_pane.model.index(0, NotebookColumn.RECORD)
        assert record.data().startswith("Каменев")
    finally:
        app.language.switch("en")
        language.apply("en")


def test_a_saved_search_s_tooltip_says_its_filters_in_words(make_app: MakeApp) -> None:
    app = make_app()
    app.notebook.save_search("Defendants", "Иван", {"role": "defendant"})
    item = app.notebook_pane.searches.item(0)
    assert "Role: defendant" in item.toolTip() and "role=" not in item.toolTip()
