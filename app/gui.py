"""Start the desktop application: arguments, logging, excepthook, archive, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app import resources
from app.settings import Settings
from app.widgets.main_window import MainWindow


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """GUI options: ``--archive PATH`` and ``--settings FILE``."""
    p = argparse.ArgumentParser(
        prog="kremlin-archive",
        description="Kremlin Affair archive viewer. Commands: "
        "info, show, search, stats, dossier "
        "(see kremlin-archive COMMAND --help).",
    )
    p.add_argument(
        "--archive",
        type=Path,
        default=None,
        help="archive file to open (default: the bundled archive)",
    )
    p.add_argument(
        "--settings",
        type=Path,
        default=None,
        help="settings file to use (default: the per-user settings)",
    )
    return p.parse_args(list(argv))


def run(argv: Sequence[str]) -> int:
    """Run the GUI until the main window closes."""
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("KremlinArchive")
    app.setApplicationName("Kremlin Affair Archive")
    # Show the window first (Qt only), then import the data layer and fill it: SQLAlchemy's
    # import alone costs about as much as the whole bare window.
    settings = Settings(args.settings)
    window = MainWindow()
    if (geometry := settings.geometry) is not None:
        window.restoreGeometry(geometry)
    window.setWindowTitle("Kremlin Affair Archive")
    window.statusBar().showMessage("Opening the archive…")
    window.show()
    app.processEvents()

    import platformdirs

    from app.errors import ExceptHook, message_box_notifier, setup_logging

    logs = setup_logging(Path(platformdirs.user_log_dir("kremlin-archive", False)))
    hook = ExceptHook(message_box_notifier(window), logs.path)
    hook.install()
    try:
        return _open_and_run(app, window, settings, args.archive)
    finally:
        hook.uninstall()
        logs.close()


def _open_and_run(
    app: QApplication, window: MainWindow, settings: Settings, requested: Path | None
) -> int:
    """Open the archive (offering the bundled one for a bad ``--archive``) and run."""
    from PySide6.QtWidgets import QMessageBox

    from app.bootstrap import build_app
    from db import ArchiveError, open_archive

    path = requested or resources.bundled_archive()
    try:
        archive = open_archive(path)
    except ArchiveError as exc:
        if requested is None:
            QMessageBox.critical(window, exc.title, exc.message)
            return 3
        answer = QMessageBox.question(
            window, exc.title, f"{exc.message}\n\nOpen the bundled archive instead?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return 3
        try:
            archive = open_archive(resources.bundled_archive())
        except ArchiveError as again:
            QMessageBox.critical(window, again.title, again.message)
            return 3
    parts = build_app(archive, settings, window=window)
    window.statusBar().clearMessage()
    try:
        return int(app.exec())
    finally:
        parts.controller.close()
