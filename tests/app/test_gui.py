"""Starting the GUI: the real run() path, a bad --archive offers the bundled one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from app import gui


@pytest.fixture
def no_event_loop(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[QTableView]:
    """Replace app.exec with a check of the window, and close it; logs go to tmp_path."""
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *_a, **_k: str(tmp_path / "log"))
    seen: list[QTableView] = []

    def fake_exec() -> int:
        for widget in QApplication.topLevelWidgets():
            view = widget.findChild(QTableView, "peoplePane")
            if view is not None and widget.isVisible():
                seen.append(view)
                assert view.model().rowCount() == 99
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    return seen


def test_run_shows_the_bundled_archive(
    qtbot: QtBot, tmp_path: Path, no_event_loop: list[QTableView]
) -> None:
    assert gui.run(["--settings", str(tmp_path / "s.ini")]) == 0
    assert len(no_event_loop) == 1
    assert (tmp_path / "log" / "kremlin-archive.log").exists()


def test_bad_archive_argument_offers_the_bundled_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_event_loop: list[QTableView]
) -> None:
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    bad = tmp_path / "colleague.sqlite"
    bad.write_text("not an archive")
    code = gui.run(["--archive", str(bad), "--settings", str(tmp_path / "s.ini")])
    assert code == 0 and len(no_event_loop) == 1
    assert len(asked) == 1 and "colleague.sqlite" in asked[0]
