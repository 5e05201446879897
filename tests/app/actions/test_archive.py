"""ArchiveActions: File → Open and Open recent, the window title and Help → About.

The actions are built alone around a main window, a controller on its own open of the
bundled archive (opening another closes it), settings in ``tmp_path`` and the fake dialogs.
"Another archive" is a byte copy of the bundled one under another name (valid, and its name
shows).  Facts in the title and About come from ``resources/data/archive.toml`` and SQL.
"""

from __future__ import annotations

import shutil
import sqlite3
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import __version__
from app.actions.archive import ArchiveActions
from app.archive_digest import ArchiveDigest
from app.controller import ArchiveController
from app.settings import Settings
from app.widgets.main_window import MainWindow
from db import build, open_archive
from tests.app.conftest import FakeDialogs
from tests.conftest import BUNDLED, sha256

META = tomllib.loads((build.DEFAULT_DATA / "archive.toml").read_text(encoding="utf-8"))


@dataclass
class Rig:
    actions: ArchiveActions
    window: MainWindow
    controller: ArchiveController
    settings: Settings
    dialogs: FakeDialogs


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two valid archives besides the bundled one (byte copies under other names)."""
    folder = tmp_path_factory.mktemp("archives")
    first, second = folder / "first copy.sqlite", folder / "second.sqlite"
    for path in (first, second):
        shutil.copyfile(BUNDLED, path)
    return first, second


@pytest.fixture
def rig(window: MainWindow, tmp_path: Path, fake_dialogs: FakeDialogs) -> Iterator[Rig]:
    """ArchiveActions around a controller on its own open of the bundled archive."""
    controller = ArchiveController(open_archive(BUNDLED), window)
    settings = Settings(tmp_path / "settings.ini")
    actions = ArchiveActions(window, controller, settings, fake_dialogs.dialogs())
    yield Rig(actions, window, controller, settings, fake_dialogs)
    controller.close()


def test_open_asks_for_a_file_opens_it_and_remembers_it(
    rig: Rig, copies: tuple[Path, Path]
) -> None:
    rig.dialogs.open_answers.append(copies[0])
    rig.actions.ask_open()
    assert rig.controller.archive.path == copies[0]
    assert rig.settings.recent_archives == [str(copies[0])]


def test_cancelling_the_open_dialog_keeps_the_archive(rig: Rig, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(rig.controller.archive_changed):
        rig.actions.ask_open()
    assert rig.controller.archive.path == BUNDLED
    assert rig.settings.recent_archives == [] and rig.dialogs.messages == []


def test_a_refused_archive_is_not_remembered(rig: Rig, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert not rig.actions.open_path(bad)
    assert rig.settings.recent_archives == []
    assert rig.controller.archive.path == BUNDLED


def test_the_recent_menu_lists_archives_newest_first_and_opens_the_one_chosen(
    rig: Rig, copies: tuple[Path, Path]
) -> None:
    for path in copies:
        rig.actions.open_path(path)
    rig.actions.fill_recent_menu()
    entries = rig.window.recent_menu.actions()
    assert [a.text() for a in entries] == [str(copies[1]), str(copies[0])]
    entries[1].trigger()
    assert rig.controller.archive.path == copies[0]
    assert rig.settings.recent_archives == [str(copies[0]), str(copies[1])]


def test_filling_the_recent_menu_again_lists_each_archive_once(
    rig: Rig, copies: tuple[Path, Path]
) -> None:
    rig.actions.open_path(copies[0])
    for _ in range(3):
        rig.actions.fill_recent_menu()
    assert [a.text() for a in rig.window.recent_menu.actions()] == [str(copies[0])]


def test_an_empty_recent_menu_shows_a_disabled_placeholder(rig: Rig) -> None:
    rig.actions.fill_recent_menu()
    (entry,) = rig.window.recent_menu.actions()
    assert entry.text() == "(none)" and not entry.isEnabled()


def test_the_title_names_the_archive_and_its_file(rig: Rig, copies: tuple[Path, Path]) -> None:
    rig.actions.show_title()
    assert rig.window.windowTitle() == (
        f"{META['title']} — {BUNDLED.name} — Kremlin Affair Archive"
    )
    rig.actions.open_path(copies[0])
    rig.actions.show_title()
    assert rig.window.windowTitle() == (
        f"{META['title']} — first copy.sqlite — Kremlin Affair Archive"
    )


def test_about_names_version_archive_data_version_and_counts_from_sql(rig: Rig) -> None:
    rig.actions.show_about()
    ((title, text),) = rig.dialogs.messages
    assert title == "About Kremlin Affair Archive"
    assert f"Kremlin Affair Archive {__version__}" in text
    assert META["title"] in text and f"Data version {META['data_version']}" in text
    assert str(BUNDLED) in text
    conn = sqlite3.connect(f"file:{BUNDLED}?mode=ro&immutable=1", uri=True)
    try:
        for table, noun in (
            ("person", "people"),
            ("event", "events"),
            ("document", "documents"),
            ("source", "sources"),
            ("claim", "claims"),
        ):
            (n,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            assert f"{n:,} {noun}" in text
    finally:
        conn.close()


def test_about_gives_the_files_sha256_and_how_to_cite_the_archive(rig: Rig) -> None:
    rig.actions.show_about()
    ((_, text),) = rig.dialogs.messages
    digest = sha256(BUNDLED)
    assert f"SHA-256 of the archive file: {digest}" in text
    how = text.split("How to cite this archive (Chicago):\n", 1)[1].split("\n", 1)[0]
    assert how.startswith(f"{META['title']}. Database, data version {META['data_version']}.")
    assert f"File {BUNDLED.name}." in how and how.endswith(f"SHA-256 {digest}.")


def test_about_of_a_big_archive_waits_for_its_hash_off_the_gui_thread(
    window: MainWindow, tmp_path: Path, fake_dialogs: FakeDialogs, qtbot: QtBot
) -> None:
    controller = ArchiveController(open_archive(BUNDLED), window)
    try:
        digest = ArchiveDigest(window, sync_limit=0)
        actions = ArchiveActions(
            window, controller, Settings(tmp_path / "s.ini"), fake_dialogs.dialogs(), digest
        )
        actions.show_about()
        assert fake_dialogs.messages == [] and digest.busy
        qtbot.waitUntil(lambda: len(fake_dialogs.messages) == 1, timeout=30_000)
        assert sha256(BUNDLED) in fake_dialogs.messages[0][1]
    finally:
        controller.close()


def test_about_cites_the_archive_in_the_style_chosen(rig: Rig) -> None:
    rig.settings.citation_style = "gost"
    rig.actions.show_about()
    ((_, text),) = rig.dialogs.messages
    how = text.split("How to cite this archive (GOST R 7.0.5):\n", 1)[1].split("\n", 1)[0]
    assert "[Электронный ресурс]" in how
