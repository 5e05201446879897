"""User-facing errors: archive problems get a clear message; bugs get a logged traceback.

:class:`ExceptHook` replaces ``sys.excepthook`` while the GUI runs: an unexpected exception
is logged with its traceback (to the log file under the user's log folder) and shown in ONE
dialog — further exceptions while that dialog is open are only logged — and the app keeps
running.  The dialog function is injectable so tests never open a real modal.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("kremlin_archive")

#: shows (title, message) to the user.
Notifier = Callable[[str, str], None]


def message_box_notifier(parent: QWidget | None) -> Notifier:
    """A notifier that shows a warning QMessageBox."""
    def notify(title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)
    return notify


def setup_logging(folder: Path | None) -> Path | None:
    """Log to ``folder/kremlin-archive.log`` (and stderr); returns the log file path."""
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    path = None
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "kremlin-archive.log"
            handlers.append(logging.FileHandler(path, encoding="utf-8"))
        except OSError:
            path = None
    logging.basicConfig(level=logging.INFO, handlers=handlers,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return path


class ExceptHook:
    """Logs unexpected exceptions and shows one dialog at a time."""

    def __init__(self, notify: Notifier, log_path: Path | None = None) -> None:
        self._notify = notify
        self._log_path = log_path
        self._showing = False
        self._previous = sys.excepthook
        self.count = 0

    def install(self) -> None:
        """Become ``sys.excepthook``."""
        sys.excepthook = self

    def uninstall(self) -> None:
        """Restore the previous hook."""
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        self.count += 1
        text = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unexpected error:\n%s", text)
        if self._showing:
            return
        self._showing = True
        try:
            where = f"\n\nDetails were written to {self._log_path}." if self._log_path else ""
            self._notify("Unexpected error",
                         f"Something went wrong: {kind.__name__}: {exc}.{where}\n\n"
                         "The archive was not changed; you can keep working.")
        finally:
            self._showing = False
