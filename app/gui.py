"""Start the desktop application: arguments, logging, excepthook, archive, main window."""

from __future__ import annotations

import argparse
import difflib
import gc
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

# Before any other import: see its docstring.
from app import pyside_imports  # noqa: F401

# isort: split
from app import resources
from app.language import start_language
from app.settings import Settings
from app.widgets.main_window import MainWindow
from db import gate, i18n
from db.i18n import N_, _
from db.pg.url import archive_target

if TYPE_CHECKING:
    from db.engine import Archive

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str], lang: str | None = None) -> argparse.Namespace:
    """GUI options: ``--archive PATH`` and ``--settings FILE`` (help and errors in ``lang``,
    else in the system's language, argparse's own words too)."""
    from app import cli

    i18n.set_language(lang or i18n.system_language())
    with cli.argparse_in_language():  # argparse looks its words up while it builds and parses
        p = _parser()
        args, extra = p.parse_known_args(list(argv))
        if extra and not extra[0].startswith("-"):  # a mistyped command, not the GUI's option
            close = difflib.get_close_matches(extra[0], cli.COMMANDS, n=1)
            p.error(
                _("unknown command “{name}”; did you mean “{close}”?").format(
                    name=extra[0], close=close[0]
                )
                if close
                else _("unknown command “{name}” (the commands: {commands})").format(
                    name=extra[0], commands=", ".join(cli.COMMANDS)
                )
            )
        if extra:
            p.error(_("unrecognized arguments: %s") % " ".join(extra))
    return args


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kremlin-archive",
        description=_(
            "Kremlin Affair archive viewer. Commands: info, show, search, stats, dossier, "
            "export, cite, notes, timeline, graph (see kremlin-archive COMMAND --help); "
            "--lang ru before or after a command answers in Russian."
        ),
    )
    p.add_argument(
        "--archive",
        type=archive_target,
        default=None,
        help=_(
            "archive file, or postgresql:// address of an archive on a server, to open "
            "(default: the bundled archive)"
        ),
    )
    p.add_argument(
        "--settings",
        type=Path,
        default=None,
        help=_("settings file to use (default: the per-user settings)"),
    )
    # Taken out of the arguments before they get here (app.__main__): listed for --help.
    p.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        help=_("interface language for this session (default: the one chosen last time)"),
    )
    return p


#: Exit status when no window can be shown (argparse's usage errors are 2, archives 3).
NO_DISPLAY_EXIT = 4


def _wayland_reachable(env: Mapping[str, str]) -> bool:
    # What libwayland-client tries: a socket handed over, else $WAYLAND_DISPLAY (default
    # "wayland-0") under $XDG_RUNTIME_DIR, or an absolute path.
    if env.get("WAYLAND_SOCKET"):
        return True
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    if os.path.isabs(name):
        return os.path.exists(name)
    runtime = env.get("XDG_RUNTIME_DIR", "")
    return bool(runtime) and os.path.exists(os.path.join(runtime, name))


def no_display(env: Mapping[str, str], platform: str) -> str | None:
    """Why no window can be shown here, or None.

    On Linux and the BSDs Qt shows windows through an X server or a Wayland compositor; with
    neither to reach (an SSH session, a container) it stops the process with its own message,
    which names a missing library rather than the missing display.  Only what is sure to fail
    is refused: an X display named in ``DISPLAY`` or a Wayland socket anywhere libwayland looks
    for one lets Qt try.  Other platforms, and Qt's platforms that need no display
    (``offscreen``, ``vnc``, ``eglfs`` …), are left to Qt.
    """
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    # QT_QPA_PLATFORM may be a list to try in turn ("wayland;xcb"), each with options.
    names = [e.split(":", 1)[0] for e in env.get("QT_QPA_PLATFORM", "").split(";") if e]
    for name in names or [""]:
        if name.startswith("wayland"):
            reachable = _wayland_reachable(env)
        elif name in ("", "xcb"):
            # Unset: Qt picks Wayland in a Wayland session, else X.
            reachable = bool(env.get("DISPLAY")) or _wayland_reachable(env)
        else:
            return None  # a platform that needs no display, or one left to Qt
        if reachable:
            return None
    return _(
        "no display to show the window on: no X display (DISPLAY) or Wayland compositor can "
        "be reached. Start it in a desktop session; the commands (kremlin-archive --help) "
        "need none."
    )


def run(argv: Sequence[str], lang: str | None = None) -> int:
    """Run the GUI until the main window closes; ``lang`` (``--lang``) is this session's
    language, whatever the settings say (View → Language still switches and remembers)."""
    args = parse_args(argv, lang)
    existing = QApplication.instance()
    if not isinstance(existing, QApplication):
        problem = no_display(os.environ, sys.platform)
        if problem is not None:
            print(f"kremlin-archive: {problem}", file=sys.stderr)
            return NO_DISPLAY_EXIT
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("KremlinArchive")
    app.setApplicationName("Kremlin Affair Archive")
    app.setDesktopFileName("kremlin-archive")  # matches resources/kremlin-archive.desktop
    # Show the window first (Qt only), open the archive and paint the first People rows with
    # sqlite3 alone, then import the rest: SQLAlchemy's import alone costs about as much as
    # the whole bare window.
    settings = Settings(args.settings)
    start_language(settings, lang)  # before the first text: the window is built in it
    window = MainWindow(complete=False)  # the rest once the first rows are painted
    if (geometry := settings.geometry) is not None:
        window.restoreGeometry(geometry)
    window.setWindowTitle(_("Kremlin Affair Archive"))
    window.statusBar().showMessage(_("Opening the archive…"))
    window.show()
    if isinstance(args.archive, str) or gate.slow_to_open(
        args.archive or resources.bundled_archive()
    ):
        app.processEvents()  # paint the window now: the checks take a moment

    archive = _open(window, args.archive)
    if archive is None:
        return 3
    # Before the logging and the except hook (~14 ms of imports): a failure here is kept
    # and logged once they are installed; the real pane shows the rows either way.
    failure = _show_first_rows(window, archive, settings)

    import platformdirs

    from app.errors import ExceptHook, message_box_notifier, setup_logging

    logs = setup_logging(Path(platformdirs.user_log_dir("kremlin-archive", False)))
    hook = ExceptHook(message_box_notifier(window), logs.path)
    hook.install()
    if failure is not None:
        log.warning("the first rows were not shown", exc_info=failure)
    try:
        from app.bootstrap import build_app  # the rest of the app: SQLAlchemy, search, printing

        parts = build_app(archive, settings, window=window)
        window.statusBar().clearMessage()
        # What start-up made lives as long as the window: out of the cyclic collector's way.
        # A full collection walked every one of these objects (47 ms at 3M people, on
        # whichever thread allocated: the GUI froze that long in the middle of a filter).
        gc.freeze()
        parts.controller.archive_changed.connect(_refreeze)
        try:
            return int(app.exec())
        finally:
            parts.controller.close()
    finally:
        hook.uninstall()
        logs.close()


def _refreeze(_archive: object) -> None:
    """Another archive replaced the first: what held the old one may now be garbage in cycles,
    which frozen objects never are; collect it once (the switch is a pause anyway) and
    freeze what is left."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _open(window: MainWindow, requested: Path | str | None) -> Archive | None:
    """Open the archive (offering the bundled one for a bad ``--archive``); None = give up."""
    from PySide6.QtWidgets import QMessageBox

    from db import ArchiveError, open_archive

    path = requested or resources.bundled_archive()
    try:
        return open_archive(path)
    except ArchiveError as exc:
        if requested is None:
            QMessageBox.critical(window, exc.title, exc.message)
            return None
        answer = QMessageBox.question(
            window,
            exc.title,
            "\n\n".join((exc.message, _("Open the bundled archive instead?"))),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            return open_archive(resources.bundled_archive())
        except ArchiveError as again:
            QMessageBox.critical(window, again.title, again.message)
            return None


def _show_first_rows(
    window: MainWindow, archive: Archive, settings: Settings
) -> BaseException | None:
    """Paint the first People rows before ``build_app`` imports the rest (see
    :mod:`app.first_rows`); returns what went wrong, if anything, for the log — the real
    pane reads and reports the same rows."""
    from app.first_rows import FirstRows
    from app.window_state import PANE_NAMES

    try:
        first = FirstRows()
        window.show_first_rows(first, N_("People"))
        default = "name_ru" if i18n.language() == "ru" else "name"  # as build_app sorts
        sort, descending = settings.sort(PANE_NAMES["person"]) or (default, False)
        first.fill(archive, sort, descending, first.rows_that_fit(window.height()))
        window.repaint()  # the whole window, rows included, in one paint
    except Exception as exc:  # the boundary: never stop the start for a preview
        return exc
    return None
