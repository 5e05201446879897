"""User-facing errors: archive problems get a clear message; bugs get a logged traceback.

:class:`ExceptHook` replaces ``sys.excepthook`` while the GUI runs: an unexpected exception
is logged with its traceback (to the log file under the user's log folder) and shown in ONE
dialog — further exceptions while that dialog is open, and repeats of a fault already shown,
are only logged — and the app keeps running.  The dialog function is injectable so tests
never open a real modal.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from db import errors as db_errors
from db.i18n import _

log = logging.getLogger("kremlin_archive")

#: shows (title, message) to the user.
Notifier = Callable[[str, str], None]


def message_box_notifier(parent: QWidget | None) -> Notifier:
    """A notifier that shows a warning QMessageBox."""

    def notify(title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)

    return notify


class LogSetup:
    """The log handlers the GUI installs, removed and closed again by :meth:`close`."""

    def __init__(self, folder: Path | None) -> None:
        self.path: Path | None = None
        # The terminal gets warnings and errors; the file gets the whole story (a library's
        # "Loading dictionaries" is not news to someone who started the window from a shell).
        terminal = logging.StreamHandler(sys.stderr)
        terminal.setLevel(logging.WARNING)
        self.handlers: list[logging.Handler] = [terminal]
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self.path = folder / "kremlin-archive.log"
                self.handlers.append(logging.FileHandler(self.path, encoding="utf-8"))
            except OSError:
                self.path = None
        formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        root = logging.getLogger()
        for handler in self.handlers:
            handler.setFormatter(formatter)
            root.addHandler(handler)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)

    def close(self) -> None:
        """Detach and close every handler (the log file is flushed)."""
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()


def setup_logging(folder: Path | None) -> LogSetup:
    """Log to ``folder/kremlin-archive.log`` (from INFO) and stderr (from WARNING) until
    ``.close()``."""
    return LogSetup(folder)


class ExceptHook:
    """Logs unexpected exceptions and shows one dialog per distinct fault.

    A fault that repeats (``data()`` raising on every repaint, a paint event on every frame)
    is shown once and logged in full once, then counted in the log at 10, 100, 1000 …
    repeats, so the user is not trapped under a stream of dialogs.  Exceptions raised on
    another thread are only logged: a dialog may be shown from the GUI thread alone.  Errors
    reading the archive (SQLite, damaged text) get the plain-words message of their family
    from :mod:`db.errors` instead of a bug report.
    """

    def __init__(self, notify: Notifier, log_path: Path | None = None) -> None:
        self._notify = notify
        self._log_path = log_path
        self._showing = False
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._seen: dict[tuple[str, str], int] = {}
        self.count = 0

    def install(self) -> None:
        """Become ``sys.excepthook`` (and log exceptions of Python threads)."""
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        """Restore the previous hooks."""
        if sys.excepthook is self:
            sys.excepthook = self._previous
        if threading.excepthook == self._thread_hook:
            threading.excepthook = self._previous_thread_hook

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self(args.exc_type, args.exc_value, args.exc_traceback)

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        self.count += 1
        frames = traceback.extract_tb(tb)
        origin = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
        signature = (kind.__name__, origin)
        repeats = self._seen[signature] = self._seen.get(signature, 0) + 1
        if repeats == 1:
            text = "".join(traceback.format_exception(kind, exc, tb))
            log.error("unexpected error:\n%s", text)
        elif repeats in (10, 100, 1000) or repeats % 10_000 == 0:
            log.error(
                "the same error again (%d times so far): %s: %s at %s",
                repeats,
                kind.__name__,
                exc,
                origin,
            )
        if (
            repeats > 1
            or self._showing
            or threading.current_thread() is not threading.main_thread()
        ):
            return
        self._showing = True
        try:
            self._notify(*self._dialog(kind, exc))
        finally:
            self._showing = False

    def _dialog(self, kind: type[BaseException], exc: BaseException) -> tuple[str, str]:
        where = (
            "\n\n" + _("Details were written to {path}.").format(path=self._log_path)
            if self._log_path
            else ""
        )
        lost = server_lost(exc)
        if lost is not None:
            return (
                _("Archive server not reachable"),
                _(
                    "The archive server cannot be reached now ({detail}). What is on screen "
                    "stays; the next action tries again."
                ).format(detail=lost),
            )
        family = db_errors.classify(exc)
        if _from_database(exc) and family is not db_errors.UNEXPECTED:
            return (
                _("Cannot read the archive"),
                _("Reading the archive failed: {problem}.").format(problem=family.problem)
                + where
                + "\n\n"
                + _("The archive was not changed; other pages may still work."),
            )
        return (
            _("Unexpected error"),
            _("Something went wrong: {error}: {text}.").format(
                error=kind.__name__, text=db_errors.text_of(exc)
            )
            + where
            + "\n\n"
            + _("The archive was not changed; you can keep working."),
        )


def server_lost(exc: BaseException) -> str | None:
    """The first line of a lost or refused connection to an archive's PostgreSQL server (no
    password in it), or None for anything else."""
    orig = getattr(exc, "orig", exc)
    psycopg = sys.modules.get("psycopg")
    if psycopg is None or not isinstance(orig, psycopg.OperationalError):
        return None
    from db.pg.url import scrub

    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return scrub(lines[0] if lines else type(orig).__name__).removeprefix("connection failed: ")


def _from_database(exc: BaseException) -> bool:
    """``sqlite3`` errors, and SQLAlchemy's wrappers of them once SQLAlchemy is imported.

    Looked up in ``sys.modules`` so that installing the hook does not import SQLAlchemy (the
    first rows are painted before that import).
    """
    if isinstance(exc, sqlite3.Error):
        return True
    sa_exc = sys.modules.get("sqlalchemy.exc")
    return sa_exc is not None and isinstance(exc, sa_exc.DBAPIError)
