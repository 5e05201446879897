"""An export runs on the worker with a progress dialog; Cancel stops it and leaves no file."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.export_job import ExportJob
from db.export import ExportCancelled, Progress
from tests.app.ui_texts import russian

__all__ = ["russian"]


def test_a_finished_export_reports_its_rows_and_path(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[int] = []

    def work(progress: Progress) -> int:
        for n in range(0, 5000, 1000):
            assert progress(n)
            seen.append(n)
        return 5000

    job = ExportJob(work, tmp_path / "x.csv", 5000, parent)
    with qtbot.waitSignal(job.finished, timeout=30_000) as done:
        job.start()
    assert done.args == [5000, tmp_path / "x.csv"]
    assert seen == [0, 1000, 2000, 3000, 4000] and job.written == 4000
    assert job.dialog.objectName() == "exportProgress" and not job.dialog.isVisible()


def test_cancel_stops_the_writer_at_its_next_page(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started, pages = threading.Event(), []

    def work(progress: Progress) -> int:
        n = 0
        while progress(n):
            pages.append(n)
            started.set()
            n += 1000
            threading.Event().wait(0.001)  # a page of writing (never a timing assertion)
        raise ExportCancelled

    job = ExportJob(work, tmp_path / "x.csv", 10_000_000, parent)
    with qtbot.waitSignal(job.cancelled, timeout=30_000):
        job.start()
        assert started.wait(30)
        button = job.dialog.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        button.click()  # the dialog's Cancel button
    assert pages and job.written == pages[-1] + 1000  # stopped at the next page


def test_a_write_failure_is_one_message(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(_progress: Progress) -> int:
        raise PermissionError(13, "Permission denied")

    job = ExportJob(work, tmp_path / "x.csv", 10, parent)
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        job.start()
    assert failed.args == [f"Could not write “{tmp_path / 'x.csv'}”: Permission denied"]


def test_the_progress_dialog_speaks_russian_with_plural_rows(
    qtbot: QtBot, tmp_path: Path, russian: None
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    for total, words in (
        (1, "1 строки"),
        (2, "2 строк"),
        (21, "21 строки"),
        (1234, "1\u00a0234 строк"),
    ):
        job = ExportJob(lambda _progress: 0, tmp_path / "люди.csv", total, parent)
        assert job.dialog.labelText() == f"Экспорт {words} в люди.csv…"
        assert job.dialog.windowTitle() == "Экспорт списка"
        button = job.dialog.findChild(QPushButton)
        assert button is not None and button.text() == "Отмена"
