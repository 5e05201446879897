"""CiteActions on the whole app: Copy citation of what is shown, its style, bibliographies.

The clipboard is the real one of the offscreen platform; the access date is fixed; the
expected text is the data layer's citation with the bundled file's real SHA-256, and the
parts a reader needs (title, data version, record id, date, digest) are checked by eye too.
Bibliography files are read back with the parsers a reference manager would use.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path

import bibtexparser
import pytest
import rispy
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app import archive_digest
from app.bootstrap import App
from app.models.sources_model import SourceColumn
from db import Archive, cite, sources
from db.dto import Ref
from db.sources import SourceQuery
from tests.app.conftest import FakeDialogs
from tests.app.ui_texts import english
from tests.conftest import BUNDLED, sha256

__all__ = ["english"]

MakeApp = Callable[..., App]
TODAY = datetime.date(2026, 12, 4)
RECORDS = [
    Ref("person", "cherniavsky-mikhail"),
    Ref("event", "ev-1935-vk-verdict"),
    Ref("document", "doc-5242"),
    Ref("source", "koshel-kniga87"),
    cite.CHART,
]


def _show(app: App, ref: Ref) -> None:
    if ref == cite.CHART:
        app.window.tabs.setCurrentWidget(app.chart)
    else:
        app.navigator.go(ref)


def _copy(app: App) -> str:
    app.cite_actions.today = lambda: TODAY
    QGuiApplication.clipboard().clear()
    app.window.copy_citation_action.trigger()
    return QGuiApplication.clipboard().text()


def _expected(archive: Archive, ref: Ref | None, style: str) -> str:
    with archive.connect() as conn:
        return cite.record(conn, ref, style, TODAY, sha256(BUNDLED), BUNDLED.name)


@pytest.mark.parametrize("ref", RECORDS, ids=lambda r: r.kind)
def test_copy_citation_puts_the_chicago_text_on_the_clipboard(
    make_app: MakeApp, archive: Archive, ref: Ref
) -> None:
    app = make_app()
    _show(app, ref)
    text = _copy(app)
    assert text == _expected(archive, ref, "chicago")
    info = archive.info
    for part in (
        f"In {info.title}.",
        f"data version {info.data_version}.",
        f"{ref.kind}/{ref.id}",
        "Accessed December 4, 2026.",
        f"SHA-256 {sha256(BUNDLED)}.",
    ):
        assert part in text, part


@pytest.mark.parametrize("ref", RECORDS, ids=lambda r: r.kind)
def test_copy_citation_puts_the_gost_text_on_the_clipboard(
    make_app: MakeApp, archive: Archive, ref: Ref
) -> None:
    app = make_app()
    app.window.citation_style_actions["gost"].trigger()
    _show(app, ref)
    text = _copy(app)
    assert text == _expected(archive, ref, "gost")
    for part in (
        "[Электронный ресурс]",
        f"Версия данных {archive.info.data_version}",
        f"{ref.kind}/{ref.id}",
        "(дата обращения: 04.12.2026)",
        f"SHA-256: {sha256(BUNDLED)}",
    ):
        assert part in text, part


def test_the_chart_is_cited_only_while_its_tab_is_current(make_app: MakeApp) -> None:
    app = make_app()
    app.navigator.go(Ref("person", "kamenev-lev"))
    app.window.tabs.setCurrentWidget(app.chart)
    assert app.cite_actions.target() == cite.CHART
    app.window.tabs.setCurrentWidget(app.panes["person"])
    assert app.cite_actions.target() == Ref("person", "kamenev-lev")


def test_with_nothing_shown_the_archive_is_cited(make_app: MakeApp, archive: Archive) -> None:
    app = make_app()
    assert app.window.detail.ref is None
    assert _copy(app) == _expected(archive, None, "chicago")


def test_the_style_choice_persists_in_settings(
    make_app: MakeApp, archive: Archive, tmp_path: Path
) -> None:
    settings = tmp_path / "kept.ini"
    first = make_app(settings)
    assert first.window.citation_style_actions["chicago"].isChecked()
    first.window.citation_style_actions["gost"].trigger()
    assert first.settings.citation_style == "gost"
    first.settings.sync()
    again = make_app(settings)
    assert again.window.citation_style_actions["gost"].isChecked()
    assert not again.window.citation_style_actions["chicago"].isChecked()
    again.navigator.go(Ref("person", "kamenev-lev"))
    assert _copy(again) == _expected(archive, Ref("person", "kamenev-lev"), "gost")


def test_a_big_archive_is_hashed_off_the_gui_thread(
    make_app: MakeApp, archive: Archive, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_digest, "SYNC_LIMIT", 0)  # every file counts as big
    app = make_app()
    app.cite_actions.today = lambda: TODAY
    app.navigator.go(Ref("event", "ev-1935-vk-verdict"))
    with qtbot.waitSignal(app.cite_actions.citation_copied, timeout=30_000) as copied:
        app.window.copy_citation_action.trigger()
        assert app.digest.busy  # the answer comes from the worker
    expected = _expected(archive, Ref("event", "ev-1935-vk-verdict"), "chicago")
    assert copied.args == [expected]
    assert QGuiApplication.clipboard().text() == expected


def test_the_actions_name_what_they_cite(make_app: MakeApp) -> None:
    app = make_app()
    w = app.window
    assert not w.export_record_bibliography_action.isEnabled()
    app.navigator.go(Ref("person", "kamenev-lev"))
    assert "Lev Kamenev" in w.copy_citation_action.toolTip()
    assert w.export_record_bibliography_action.isEnabled()
    w.tabs.setCurrentWidget(app.chart)
    assert "outcome chart" in w.copy_citation_action.toolTip()


# -- bibliographies ---------------------------------------------------------------------------


def _entries(path: Path) -> list[str]:
    """The ids of a bibliography file, read by the parser of its format."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return [item["id"] for item in json.loads(text)]
    if path.suffix == ".ris":
        return [entry["id"] for entry in rispy.loads(text)]
    return [entry["ID"] for entry in bibtexparser.loads(text).entries]


def _export(app: App, qtbot: QtBot, trigger: Callable[[], None]) -> tuple[Path, int]:
    with qtbot.waitSignal(app.cite_actions.bibliography_written, timeout=30_000) as written:
        trigger()
    path, n = written.args
    assert isinstance(path, Path)
    return path, n


@pytest.mark.parametrize("name", ["all.bib", "all.ris", "all.json"])
def test_every_source_exports_in_each_format(
    make_app: MakeApp, fake_dialogs: FakeDialogs, qtbot: QtBot, tmp_path: Path, name: str
) -> None:
    app = make_app()
    fake_dialogs.save_answers.append(tmp_path / name)
    path, n = _export(app, qtbot, app.window.export_bibliography_action.trigger)
    assert path == tmp_path / name and n == 126
    assert len(_entries(path)) == 126
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize("ref", [Ref("person", "cherniavsky-mikhail"), cite.CHART], ids=str)
def test_the_record_shown_exports_the_sources_it_cites(
    make_app: MakeApp,
    archive: Archive,
    fake_dialogs: FakeDialogs,
    qtbot: QtBot,
    tmp_path: Path,
    ref: Ref,
) -> None:
    app = make_app()
    _show(app, ref)
    fake_dialogs.save_answers.append(tmp_path / "cited.ris")
    path, n = _export(app, qtbot, app.window.export_record_bibliography_action.trigger)
    with archive.connect() as conn:
        cited = cite.cited_source_ids(conn, ref)
    assert 0 < n == len(cited) < 126
    assert len(_entries(path)) == n


def test_the_sources_pane_exports_what_it_lists(
    make_app: MakeApp, archive: Archive, fake_dialogs: FakeDialogs, qtbot: QtBot, tmp_path: Path
) -> None:
    app = make_app()
    app.window.tabs.setCurrentWidget(app.sources)
    app.sources.set_filter("language", "en")
    app.sources.view.sortByColumn(SourceColumn.YEAR, Qt.SortOrder.AscendingOrder)
    fake_dialogs.save_answers.append(tmp_path / "english.json")
    path, n = _export(app, qtbot, app.sources.export_button.click)
    query = SourceQuery("year").with_filter("language", "en")
    assert app.sources.model.query == query
    with archive.connect() as conn:
        expected = sources.ids(conn, query)
    assert n == len(expected) == app.sources.model.rowCount() < 126
    items = json.loads(path.read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == expected  # the pane's rows, in its order
    assert all(i["language"] == "en" for i in items)


def test_export_list_on_the_sources_tab_exports_the_bibliography(
    make_app: MakeApp, fake_dialogs: FakeDialogs, qtbot: QtBot, tmp_path: Path
) -> None:
    app = make_app()
    app.window.tabs.setCurrentWidget(app.sources)
    fake_dialogs.save_answers.append(tmp_path / "list.bib")
    path, n = _export(app, qtbot, app.window.export_action.trigger)
    assert n == len(_entries(path)) == 126


def test_a_failed_export_says_why_and_leaves_no_file(
    make_app: MakeApp, fake_dialogs: FakeDialogs, qtbot: QtBot, tmp_path: Path
) -> None:
    app = make_app()
    target = tmp_path / "missing-folder" / "all.bib"
    fake_dialogs.save_answers.append(target)
    app.window.export_bibliography_action.trigger()
    qtbot.waitUntil(lambda: bool(fake_dialogs.messages), timeout=30_000)
    title, message = fake_dialogs.messages[-1]
    assert title == "Export failed" and str(target) in message
    assert not target.exists()


def test_cancelling_the_file_dialog_writes_nothing(
    make_app: MakeApp, fake_dialogs: FakeDialogs, qtbot: QtBot, tmp_path: Path
) -> None:
    app = make_app()
    with qtbot.assertNotEmitted(app.cite_actions.bibliography_written):
        app.window.export_bibliography_action.trigger()  # no answer queued: cancelled
    assert list(tmp_path.glob("*.bib")) == []


def test_the_citation_actions_name_their_target_in_the_interface_language(
    make_app: Callable[..., App], english: None
) -> None:
    app = make_app()
    w = app.window
    w.tabs.setCurrentWidget(app.chart)
    assert w.copy_citation_action.toolTip() == "Copy a citation of the outcome chart"
    app.language.switch("ru")
    assert w.copy_citation_action.toolTip() == "Копировать ссылку на диаграмму приговоров"
    assert w.export_record_bibliography_action.statusTip() == (
        "Сохранить источники диаграммы приговоров в формате BibTeX, RIS или CSL-JSON"
    )
    app.navigator.go(Ref("person", "kamenev-lev"))
    assert "«Каменев" in w.copy_citation_action.toolTip()
    app.language.switch("en")


def test_an_unchosen_style_follows_the_interface_language(
    make_app: Callable[..., App], archive: Archive, english: None
) -> None:
    app = make_app()
    styles = app.window.citation_style_actions
    assert styles["chicago"].isChecked()
    app.language.switch("ru")
    try:
        assert styles["gost"].isChecked() and not styles["chicago"].isChecked()
        app.navigator.go(Ref("person", "kamenev-lev"))
        assert _copy(app) == _expected(archive, Ref("person", "kamenev-lev"), "gost")
    finally:
        app.language.switch("en")
    assert styles["chicago"].isChecked()
