"""Faults injected into a slot, a model's data(), a paint event and worker threads.

Each is logged with its traceback; each GUI-thread fault shows exactly one dialog (even when it
repeats on every repaint); worker faults show none; and the app keeps responding.  The app's
own :class:`app.errors.ExceptHook` is installed for the test, so these exceptions go to it —
pytest-qt's capture stays on for everything else.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.bootstrap import App
from app.errors import ExceptHook
from app.models.paged_table import PagedTableModel
from db.dto import Ref

MakeApp = Callable[..., App]


class Exploding(QWidget):
    """A status-bar widget whose paint event raises (on every paint)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        raise RuntimeError("injected paint fault")


@pytest.fixture
def hook(caplog: pytest.LogCaptureFixture) -> Iterator[tuple[ExceptHook, list[tuple[str, str]]]]:
    """The app's hook with a recording notifier, installed for one test."""
    shown: list[tuple[str, str]] = []
    h = ExceptHook(lambda title, message: shown.append((title, message)))
    caplog.set_level(logging.INFO)
    h.install()
    try:
        yield h, shown
    finally:
        h.uninstall()


def _logged_tracebacks(caplog: pytest.LogCaptureFixture, words: str) -> int:
    return sum(
        1
        for r in caplog.records
        if words in r.getMessage() + (r.exc_text or "")
        and ("Traceback" in r.getMessage() or r.exc_info is not None)
    )


def _responding(app: App, qtbot: QtBot) -> None:
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=30_000)
    app.navigator.go(Ref("person", "kamenev-lev"))
    assert "Kamenev" in app.window.detail.plain_text()


def test_a_slot_fault_is_logged_shown_once_and_survived(
    make_app: MakeApp,
    qtbot: QtBot,
    hook: tuple[ExceptHook, list[tuple[str, str]]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    h, shown = hook
    app = make_app()

    def broken_slot() -> None:
        raise RuntimeError("injected slot fault")

    app.window.about_action.triggered.connect(broken_slot)
    for _ in range(3):
        QTimer.singleShot(0, app.window.about_action.trigger)
    qtbot.waitUntil(lambda: h.count == 3, timeout=30_000)
    faults = [m for t, m in shown if "injected slot fault" in m]
    assert len(faults) == 1 and len(shown) == 1  # three raises, one dialog
    assert _logged_tracebacks(caplog, "injected slot fault") == 1
    _responding(app, qtbot)


def test_a_data_fault_repeating_on_every_repaint_shows_one_dialog(
    make_app: MakeApp,
    qtbot: QtBot,
    hook: tuple[ExceptHook, list[tuple[str, str]]],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    h, shown = hook
    app = make_app()
    original = PagedTableModel.display_row

    def display_row(self: PagedTableModel, row: int) -> Any:
        # What the list's delegate paints every cell from.
        if row == 0:
            raise RuntimeError("injected data fault")
        return original(self, row)

    monkeypatch.setattr(PagedTableModel, "display_row", display_row)
    view = app.panes["person"].view
    for _ in range(5):
        view.viewport().update()
        qtbot.wait(30)
    qtbot.waitUntil(lambda: h.count >= 2, timeout=30_000)
    monkeypatch.setattr(PagedTableModel, "display_row", original)
    assert [m for _, m in shown if "injected data fault" in m] == [shown[0][1]]
    assert _logged_tracebacks(caplog, "injected data fault") == 1
    _responding(app, qtbot)


def test_a_paint_fault_is_logged_shown_once_and_survived(
    make_app: MakeApp,
    qtbot: QtBot,
    hook: tuple[ExceptHook, list[tuple[str, str]]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    h, shown = hook
    app = make_app()
    bomb = Exploding()
    bomb.setMinimumSize(20, 10)
    app.window.statusBar().addWidget(bomb)
    bomb.show()
    for _ in range(4):
        bomb.update()
        qtbot.wait(30)
    qtbot.waitUntil(lambda: h.count >= 2, timeout=30_000)
    bomb.hide()
    assert len([m for _, m in shown if "injected paint fault" in m]) == 1
    assert _logged_tracebacks(caplog, "injected paint fault") == 1
    _responding(app, qtbot)


def test_worker_faults_are_logged_without_a_dialog(
    make_app: MakeApp,
    qtbot: QtBot,
    hook: tuple[ExceptHook, list[tuple[str, str]]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    h, shown = hook
    app = make_app()
    runner = app.panes["person"].model.runner

    def task() -> None:
        raise RuntimeError("injected worker fault")

    with qtbot.waitSignal(runner.failed, timeout=30_000) as failed:
        runner.submit(task, lambda _result: None)
    assert isinstance(failed.args[0], RuntimeError)
    assert any(r.exc_info and "injected worker fault" in str(r.exc_info[1]) for r in caplog.records)

    def thread_body() -> None:
        raise RuntimeError("injected thread fault")

    thread = threading.Thread(target=thread_body)
    thread.start()
    thread.join()
    assert _logged_tracebacks(caplog, "injected thread fault") == 1
    assert h.count == 1  # the Python thread went through the hook …
    assert shown == []  # … and neither fault opened a dialog off the GUI thread
    _responding(app, qtbot)


def test_archive_read_errors_get_their_family_message(
    hook: tuple[ExceptHook, list[tuple[str, str]]],
) -> None:
    h, shown = hook
    try:
        raise sqlite3.DatabaseError("database disk image is malformed")
    except sqlite3.DatabaseError as exc:
        h(type(exc), exc, exc.__traceback__)
    assert shown == [("Cannot read the archive", shown[0][1])]
    assert "the file is damaged" in shown[0][1]
