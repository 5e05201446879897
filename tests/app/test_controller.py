"""ArchiveController: pages, labels, filter values and exports of the archive open now.

Opening another archive swaps the one holder, announces it, then releases the old archive's
connections; a refused file leaves the open archive in place with one error; a file replaced
on disk resets the views from the event loop, with one message.  Everything the controller
answers is checked against plain SQL (``sqlite3``) on the same file, or against an archive
built by ``db.build`` with one person renamed.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from app import language
from app.controller import ArchiveController
from app.models.columns import PEOPLE_COLUMNS
from db import build, listing, open_archive
from db.build import source_data
from db.dto import Ref
from db.listing import ListQuery
from tests.app.ui_texts import english
from tests.conftest import BUNDLED

__all__ = ["english"]

KAMENEV = Ref("person", "kamenev-lev")
RENAMED = "Lev Quuxberg"


def plain(html: str) -> str:
    """Rich text as the user reads it."""
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


@pytest.fixture(scope="module")
def sql() -> Iterator[sqlite3.Connection]:
    """Plain SQLite on the bundled file (immutable: nothing is written, not even a lock)."""
    conn = sqlite3.connect(f"file:{BUNDLED}?mode=ro&immutable=1", uri=True)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled data with Kamenev renamed, built by the project's builder."""
    data = source_data.load(build.DEFAULT_DATA)
    person = next(p for p in data.tables["people"] if p["id"] == KAMENEV.id)
    person["name_en"] = RENAMED
    source_data.validate(data)
    return build.write_source_data(data, tmp_path_factory.mktemp("renamed") / "renamed.sqlite")


@pytest.fixture
def controller(qapp: QApplication) -> Iterator[ArchiveController]:
    """A controller on its own open of the bundled archive (it closes what it holds)."""
    ctl = ArchiveController(open_archive(BUNDLED))
    yield ctl
    ctl.close()


@pytest.fixture(scope="module")
def reader(qapp: QApplication) -> Iterator[ArchiveController]:
    """One controller for the tests that only read (it never switches archives)."""
    ctl = ArchiveController(open_archive(BUNDLED))
    yield ctl
    ctl.close()


# -- opening another archive -----------------------------------------------------------------


def test_opening_another_archive_swaps_the_holder_and_announces_the_new_one(
    controller: ArchiveController, renamed: Path, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(controller.archive_changed, timeout=30_000) as changed:
        assert controller.open_path(renamed)
    assert changed.args == [controller.archive]
    assert controller.archive.path == renamed and controller.info.path == renamed
    with controller.holder.connect() as conn:
        name = conn.exec_driver_sql("SELECT name_en FROM person WHERE id = 'kamenev-lev'")
        assert name.scalar() == RENAMED


def test_the_old_archive_releases_its_connections_only_after_the_listeners_ran(
    controller: ArchiveController, renamed: Path
) -> None:
    old = controller.archive
    with old.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    pooled_while_announcing: list[int] = []
    controller.archive_changed.connect(
        lambda _new: pooled_while_announcing.append(old.engine.pool.checkedin())
    )
    controller.open_path(renamed)
    assert pooled_while_announcing == [1]
    assert old.engine.pool.checkedin() == 0


def test_a_refused_file_keeps_the_open_archive_and_emits_one_error(
    controller: ArchiveController, tmp_path: Path, qtbot: QtBot
) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not an archive", encoding="utf-8")
    before = controller.archive
    errors: list[tuple[str, str]] = []
    controller.error.connect(lambda title, message: errors.append((title, message)))
    with qtbot.assertNotEmitted(controller.archive_changed):
        assert not controller.open_path(bad)
    assert len(errors) == 1 and "notes.sqlite" in errors[0][1] and errors[0][0]
    assert controller.archive is before
    assert controller.label(KAMENEV) == "Lev Kamenev"


def test_a_file_replaced_on_disk_resets_the_views_from_the_event_loop_with_one_message(
    renamed: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "mine.sqlite"
    shutil.copyfile(BUNDLED, path)
    controller = ArchiveController(open_archive(path))
    try:
        assert controller.label(KAMENEV) == "Lev Kamenev"
        shutil.copyfile(renamed, tmp_path / "incoming.sqlite")
        os.replace(tmp_path / "incoming.sqlite", path)
        errors: list[tuple[str, str]] = []
        controller.error.connect(lambda title, message: errors.append((title, message)))
        with qtbot.waitSignal(controller.archive_changed, timeout=30_000) as changed:
            assert controller.page(Ref("event", "ev-1934-kirov")) is not None
            assert errors == []  # not from under the caller: queued to the event loop
        assert changed.args == [controller.archive]
        assert len(errors) == 1 and errors[0][0] == "Archive changed on disk"
        assert str(path) in errors[0][1]
        assert controller.label(KAMENEV) == RENAMED
    finally:
        controller.close()


# -- labels ----------------------------------------------------------------------------------


def test_labels_come_from_the_archive_open_now(
    controller: ArchiveController, renamed: Path
) -> None:
    assert controller.label(KAMENEV) == "Lev Kamenev"
    controller.open_path(renamed)
    assert controller.label(KAMENEV) == RENAMED


def test_a_label_is_read_from_the_archive_once(controller: ArchiveController) -> None:
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    engine = controller.archive.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        labels = [controller.label(Ref("event", "ev-1934-kirov")) for _ in range(3)]
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert len(set(labels)) == 1 and labels[0] != "ev-1934-kirov"
    assert len(statements) == 1


@pytest.mark.parametrize(
    ("ref", "table", "column"),
    [
        (Ref("person", "kamenev-lev"), "person", "name_en"),
        (Ref("event", "ev-1934-kirov"), "event", "title"),
        (Ref("document", "doc-5242"), "document", "title"),
        (Ref("source", "showtrials-catalog"), "source", "title"),
    ],
)
def test_a_label_is_the_items_name_or_title(
    reader: ArchiveController, sql: sqlite3.Connection, ref: Ref, table: str, column: str
) -> None:
    (expected,) = sql.execute(f"SELECT {column} FROM {table} WHERE id = ?", (ref.id,)).fetchone()
    assert reader.label(ref) == expected


def test_the_label_of_an_item_missing_from_the_archive_is_its_id(
    reader: ArchiveController,
) -> None:
    assert reader.label(Ref("person", "nobody-here")) == "nobody-here"


# -- pages -----------------------------------------------------------------------------------


def test_a_page_renders_the_item_and_lists_its_web_address(
    reader: ArchiveController, sql: sqlite3.Connection
) -> None:
    title, url = sql.execute("SELECT title, url FROM document WHERE id = 'doc-5242'").fetchone()
    page = reader.page(Ref("document", "doc-5242"))
    assert page is not None
    render, external = page
    assert external == [url]
    assert title in plain(render(frozenset()))


def test_a_person_page_has_no_web_address(reader: ArchiveController) -> None:
    page = reader.page(KAMENEV)
    assert page is not None and page[1] == []
    assert "Lev Kamenev" in plain(page[0](frozenset()))


def test_an_item_missing_from_the_archive_has_no_page(reader: ArchiveController) -> None:
    assert reader.page(Ref("document", "doc-0")) is None


def test_the_welcome_page_names_the_archive_and_counts_from_sql(
    reader: ArchiveController, sql: sqlite3.Connection
) -> None:
    text = plain(reader.welcome_page()(frozenset()))
    (people,) = sql.execute("SELECT count(*) FROM person").fetchone()
    (events,) = sql.execute("SELECT count(*) FROM event").fetchone()
    assert reader.info.title in text and reader.info.data_version in text
    assert f"{people:,} people" in text and f"{events:,} events" in text


def test_a_chart_bar_the_archive_has_no_count_for_has_no_page(
    reader: ArchiveController,
) -> None:
    assert reader.outcome_page("military-collegium", "term:99") is None
    assert reader.outcome_page("no-such-tribunal", "death") is None


# -- lists -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "key", "query"),
    [
        (listing.EVENTS, "year", "SELECT DISTINCT year FROM event ORDER BY year"),
        (listing.DOCUMENTS, "year", "SELECT DISTINCT year FROM document ORDER BY year"),
        (listing.DOCUMENTS, "doc_type", "SELECT DISTINCT doc_type FROM document ORDER BY 1"),
        (listing.PEOPLE, "role", "SELECT DISTINCT role FROM person ORDER BY 1"),
    ],
)
def test_filter_values_are_the_distinct_values_sql_finds(
    reader: ArchiveController,
    sql: sqlite3.Connection,
    spec: listing.ListSpec,
    key: str,
    query: str,
) -> None:
    assert reader.filter_values(spec, key) == [str(v) for (v,) in sql.execute(query)]


def test_person_pks_hold_every_spelling_the_search_matches(
    reader: ArchiveController, sql: sqlite3.Connection
) -> None:
    rosenfelds = {pk for (pk,) in sql.execute("SELECT pk FROM person WHERE id LIKE 'rozenfeld-%'")}
    found = reader.person_pks("Rozenfeld")
    assert len(rosenfelds) == 3 and rosenfelds <= set(found)
    assert len(found) == len(set(found))
    assert len(reader.person_pks("Rozenfeld", limit=1)) == 1


DEFENDANTS = ListQuery("name").with_filter("role", "defendant")
COLUMNS = [(c.attr, c.header) for c in PEOPLE_COLUMNS]


@pytest.mark.parametrize("name", ["people.csv", "people.json"])
def test_export_writes_the_rows_of_the_query_read_through_the_holder(
    reader: ArchiveController, sql: sqlite3.Connection, tmp_path: Path, name: str
) -> None:
    target = tmp_path / name
    n = reader.export(listing.PEOPLE, DEFENDANTS, target, COLUMNS)
    expected = [
        i
        for (i,) in sql.execute("SELECT id FROM person WHERE role = 'defendant' ORDER BY rank_name")
    ]
    text = target.read_text(encoding="utf-8-sig")
    if target.suffix == ".json":
        ids = [row["id"] for row in json.loads(text)["rows"]]
    else:
        ids = [row["id"] for row in csv.DictReader(text.splitlines())]
    assert ids == expected and n == len(expected) == 47


def test_an_export_that_cannot_replace_its_target_leaves_nothing_behind(
    reader: ArchiveController, tmp_path: Path
) -> None:
    target = tmp_path / "people.csv"
    target.mkdir()  # a folder of that name: the final rename fails
    with pytest.raises(OSError):
        reader.export(listing.PEOPLE, DEFENDANTS, target, COLUMNS)
    assert [p.name for p in tmp_path.iterdir()] == ["people.csv"] and target.is_dir()


def test_an_export_into_a_missing_folder_raises_and_creates_nothing(
    reader: ArchiveController, tmp_path: Path
) -> None:
    with pytest.raises(OSError):
        reader.export(listing.PEOPLE, DEFENDANTS, tmp_path / "gone" / "p.csv", COLUMNS)
    assert list(tmp_path.iterdir()) == []


def test_a_mid_size_archive_gets_its_quick_check_after_it_opens_and_gives_way_if_damaged(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import gate

    monkeypatch.setattr(gate, "DEEP_CHECK_LIMIT", 64 * 1024)  # the bundled copy is "mid-size"
    damaged = tmp_path / "mid.sqlite"
    data = bytearray(BUNDLED.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    rows_page = page_size * 40  # a page far from the schema, which the gate does not read
    data[rows_page + 8 : rows_page + 24] = b"\xff" * 16
    damaged.write_bytes(bytes(data))
    archive = open_archive(damaged)  # opens: its pages are checked after the first paint
    assert not archive.info.integrity_checked
    controller = ArchiveController(archive)
    messages: list[tuple[str, str]] = []
    controller.error.connect(lambda title, text: messages.append((title, text)))
    controller.check_in_background()
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    assert messages[0][0] == "The archive is damaged" and "integrity check failed" in messages[0][1]
    assert controller.archive.path == BUNDLED  # the bundled archive took its place
    controller.close()


def test_closing_interrupts_a_background_check_that_would_never_end(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    from db import contract_process, gate

    monkeypatch.setattr(gate, "CONTRACT_FULL_LIMIT", 0)  # the check runs in the background
    started = tmp_path / "started"
    endless = f"open({str(started)!r}, 'w').close(); import time; time.sleep(3600)"
    # A check over a giant file, as far as the app can tell.
    monkeypatch.setattr(contract_process, "command", lambda *_: [sys.executable, "-c", endless])
    controller = ArchiveController(open_archive(BUNDLED))
    messages: list[str] = []
    controller.error.connect(lambda _title, text: messages.append(text))
    controller.check_in_background()
    qtbot.waitUntil(started.exists, timeout=30_000)
    controller.close()  # returns: the checking process was ended, not waited for
    QApplication.processEvents()
    assert messages == []


def test_the_full_check_of_a_big_archive_runs_outside_the_window_s_process(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """It walks every row in Python: in-process it held the GIL every paint needs."""
    from db import contract, gate

    monkeypatch.setattr(gate, "CONTRACT_FULL_LIMIT", 0)
    calls: list[object] = []
    monkeypatch.setattr(contract, "full_problems", lambda *a, **k: calls.append(a) or [])
    damaged = tmp_path / "late.sqlite"
    shutil.copyfile(BUNDLED, damaged)
    with sqlite3.connect(damaged) as conn:
        conn.execute("UPDATE document SET date = '1935-02-30' WHERE pk = 7")
    controller = ArchiveController(open_archive(damaged))
    messages: list[str] = []
    controller.error.connect(lambda _title, text: messages.append(text))
    controller.check_in_background()
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    assert calls == []  # not this process's function: the child's
    assert "1935-02-30" in messages[0] and controller.contract_problems
    controller.close()


# -- language --------------------------------------------------------------------------------


def test_in_russian_a_person_is_labelled_by_the_cyrillic_name_and_the_archive_by_its_russian_title(
    controller: ArchiveController, sql: sqlite3.Connection, english: None
) -> None:
    ref = Ref("person", "kamenev-lev")
    english_label = controller.label(ref)
    assert controller.title() == "The Kremlin Affair, 1935"
    language.apply("ru")
    assert controller.label(ref) == english_label  # cached until told the language changed
    controller.forget_labels()
    (name_ru,) = sql.execute("SELECT name_ru FROM person WHERE id = 'kamenev-lev'").fetchone()
    assert controller.label(ref) == name_ru
    assert controller.title() == "Кремлёвское дело, 1935"
    assert controller.label(Ref("event", "ev-1934-kirov")) == reader_event_title(sql)


def reader_event_title(sql: sqlite3.Connection) -> str:
    (title,) = sql.execute("SELECT title FROM event WHERE id = 'ev-1934-kirov'").fetchone()
    return str(title)
