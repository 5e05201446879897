"""Starting the GUI: the real run() path, a bad --archive offers the bundled one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import gui


def test_run_shows_the_bundled_archive(
    qtbot: QtBot, tmp_path: Path, no_event_loop: list[int]
) -> None:
    assert gui.run(["--settings", str(tmp_path / "s.ini")]) == 0
    assert no_event_loop == [99]
    assert (tmp_path / "log" / "kremlin-archive.log").exists()


def test_what_start_up_made_is_frozen_before_the_event_loop_runs(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_event_loop: list[int]
) -> None:
    """A full collection no longer walks the window's objects (a 47 ms freeze at 3M)."""
    import gc

    from PySide6.QtWidgets import QApplication

    order: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: order.append("freeze"))
    shown = QApplication.exec  # no_event_loop's look at the window

    def exec_() -> int:
        order.append("exec")
        return int(shown())

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_))
    assert gui.run(["--settings", str(tmp_path / "s.ini")]) == 0
    assert order == ["freeze", "exec"] and no_event_loop == [99]


def test_another_archive_lets_the_old_one_be_collected_then_freezes_again(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_event_loop: list[int]
) -> None:
    import gc
    import shutil

    from PySide6.QtWidgets import QApplication

    from app.controller import ArchiveController
    from app.widgets.main_window import MainWindow
    from tests.conftest import BUNDLED

    order: list[str] = []
    for name in ("freeze", "unfreeze", "collect"):
        monkeypatch.setattr(gc, name, lambda n=name: order.append(n))
    other = tmp_path / "colleague.sqlite"
    shutil.copyfile(BUNDLED, other)
    shown = QApplication.exec

    def exec_() -> int:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        order.append("exec")
        controller = window.findChild(ArchiveController)
        assert controller is not None and controller.open_path(other)
        return int(shown())

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_))
    assert gui.run(["--settings", str(tmp_path / "s.ini")]) == 0
    assert order == ["freeze", "exec", "unfreeze", "collect", "freeze"]


def test_bad_archive_argument_offers_the_bundled_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_event_loop: list[int]
) -> None:
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    bad = tmp_path / "colleague.sqlite"
    bad.write_text("not an archive")
    code = gui.run(["--archive", str(bad), "--settings", str(tmp_path / "s.ini")])
    assert code == 0 and no_event_loop == [99]
    assert len(asked) == 1 and "colleague.sqlite" in asked[0]


def test_the_help_names_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    from app import cli, gui

    with pytest.raises(SystemExit):
        gui.parse_args(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    listed = text.split("Commands: ", 1)[1].split(" (see", 1)[0]
    assert sorted(listed.split(", ")) == sorted(cli.COMMANDS)
    assert "--lang {en,ru} interface language for this session" in text


def test_the_russian_help_has_argparse_s_words_in_russian_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app import gui
    from db import i18n

    try:
        with pytest.raises(SystemExit):
            gui.parse_args(["--help"], "ru")
    finally:
        i18n.set_language("en")
    text = capsys.readouterr().out
    assert text.startswith("использование: kremlin-archive")
    assert "параметры:" in text and "показать эту справку и выйти" in text
    assert "usage" not in text and "options:" not in text and "show this help" not in text


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["serch", "Kamenev"], "unknown command “serch”; did you mean “search”?"),
        (["bogus"], "unknown command “bogus” (the commands: info, show,"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_a_mistyped_command_is_named_with_the_one_meant(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    from app import gui

    with pytest.raises(SystemExit) as stopped:
        gui.parse_args(argv, "en")
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert said in err.splitlines()[-1]  # the usage, then the one message


@pytest.mark.parametrize(
    ("env", "platform", "refused"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "/nonexistent/wayland-9"}, "linux", True),
        ({"WAYLAND_SOCKET": "5"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb:nomitshm"}, "freebsd14", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "linux", False),
        ({}, "darwin", False),
        ({}, "win32", False),
    ],
)
def test_a_window_is_refused_only_where_no_display_can_be_reached(
    env: dict[str, str], platform: str, refused: bool
) -> None:
    assert (gui.no_display(env, platform) is not None) is refused


@pytest.mark.parametrize("platform", ["", "wayland"])
def test_a_wayland_socket_in_the_runtime_folder_is_a_display(tmp_path: Path, platform: str) -> None:
    """libwayland finds "wayland-0" under $XDG_RUNTIME_DIR without WAYLAND_DISPLAY (a session
    started by a systemd unit): Qt may show the window there, so it is not refused."""
    import socket

    env = {"XDG_RUNTIME_DIR": str(tmp_path), "QT_QPA_PLATFORM": platform}
    assert gui.no_display(env, "linux") is not None
    with socket.socket(socket.AF_UNIX) as compositor:
        compositor.bind(str(tmp_path / "wayland-0"))
        assert gui.no_display(env, "linux") is None
        assert gui.no_display({**env, "WAYLAND_DISPLAY": "wayland-1"}, "linux") is not None


def test_without_a_display_the_window_says_so_in_one_line(tmp_path: Path) -> None:
    """Qt itself would stop the process (SIGABRT) naming a library, not the display."""
    import os
    import subprocess
    import sys

    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "XDG_RUNTIME_DIR", "QT_QPA_PLATFORM")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    env["LANGUAGE"] = env["LC_ALL"] = "ru_RU.UTF-8"
    done = subprocess.run(
        [sys.executable, "-m", "app", "--settings", str(tmp_path / "s.ini")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == gui.NO_DISPLAY_EXIT, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kremlin-archive: "), done.stderr
    assert "DISPLAY" in lines[0] and "Wayland" in lines[0] and "--help" in lines[0]
    assert "дисплея" in lines[0]  # in the system's language, as --help is
    assert not (tmp_path / "s.ini").exists()  # nothing was started


def test_lang_chooses_this_sessions_language_and_leaves_the_saved_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_event_loop: list[int]
) -> None:
    from PySide6.QtWidgets import QApplication

    from app.__main__ import main
    from app.settings import Settings
    from db import i18n

    ini = tmp_path / "s.ini"
    Settings(ini).language = "en"
    titles: list[str] = []
    look = QApplication.exec

    def exec_() -> int:
        titles.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
        return int(look())

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_))
    try:
        assert main(["--lang", "ru", "--settings", str(ini)]) == 0
        assert any("Архив «Кремлёвского дела»" in t for t in titles), titles
        assert i18n.language() == "ru" and no_event_loop == [99]
        assert Settings(ini).language == "en"  # --lang is for this session only
    finally:
        i18n.set_language("en")
