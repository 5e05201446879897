"""ExportJob: one list export on the worker pool, with a progress dialog and Cancel.

The window keeps repainting while millions of rows are written: the rows are read and written
on a pool thread (:func:`app.list_export.export_list`), and the dialog's bar follows a counter
the writer updates every page, read by a timer on the GUI thread.  Cancel stops the writer at
the next page; it then removes its partial file, so a cancelled export leaves no file.

Signals:
    finished(int, object): rows written and the file's path.
    failed(str): what went wrong, for the user.
    cancelled(): the user cancelled; nothing was written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app import counts
from app.workers import Runner
from db.export import ExportCancelled, Progress
from db.i18n import _, ngettext

#: How often the dialog's bar is updated (ms).
TICK_MS = 100


class ExportJob(QObject):
    """Runs ``work(progress)`` on the pool and shows its progress; see the module doc."""

    finished = Signal(int, object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self, work: Callable[[Progress], int], path: Path, total: int, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._work = work
        self.path = path
        self._stop = threading.Event()
        self._written = 0
        label = ngettext(
            "Exporting {n} row to {file}…", "Exporting {n} rows to {file}…", total
        ).format(n=counts.number(total), file=path.name)
        self.dialog = QProgressDialog(label, _("Cancel"), 0, max(total, 1), parent)
        self.dialog.setObjectName("exportProgress")
        self.dialog.setWindowTitle(_("Export list"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self.cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._runner = Runner(self)
        self._runner.failed.connect(self._on_runner_failed)

    @property
    def written(self) -> int:
        """Rows written so far (as last reported by the writer)."""
        return self._written

    def start(self) -> None:
        """Start writing on the pool."""
        self.dialog.setValue(0)
        self._timer.start()
        self._runner.submit(self._run, self._on_done)

    @Slot()
    def cancel(self) -> None:
        """Stop at the next page; the partial file is removed."""
        self._stop.set()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the writer has finished (tests, shutdown)."""
        return self._runner.wait(msecs)

    def _progress(self, rows: int) -> bool:
        # Called on the pool thread: an int store, read by the GUI thread's timer.
        self._written = rows
        return not self._stop.is_set()

    def _run(self) -> int | None:
        try:
            return self._work(self._progress)
        except ExportCancelled:
            return None

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.dialog.setValue(min(self._written, self.dialog.maximum()))

    def _finish(self) -> None:
        self._timer.stop()
        self.dialog.reset()
        self.dialog.hide()

    def _on_done(self, rows: object) -> None:
        self._finish()
        if rows is None:
            self.cancelled.emit()
        else:
            assert isinstance(rows, int)
            self.finished.emit(rows, self.path)

    @Slot(object)
    def _on_runner_failed(self, exc: object) -> None:
        self._finish()
        if isinstance(exc, OSError):
            self.failed.emit(
                _("Could not write “{path}”: {reason}").format(
                    path=self.path, reason=exc.strerror or exc
                )
            )
        else:
            self.failed.emit(
                _("Could not export to “{path}”: {reason}").format(path=self.path, reason=exc)
            )
