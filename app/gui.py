"""Start the desktop application: arguments, logging, excepthook, archive, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app import resources


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """GUI options: ``--archive PATH`` and ``--settings FILE``."""
    p = argparse.ArgumentParser(prog="kremlin-archive",
                                description="Kremlin Affair archive viewer. Commands: "
                                "info, show, search, stats, dossier "
                                "(see kremlin-archive COMMAND --help).")
    p.add_argument("--archive", type=Path, default=None,
                   help="archive file to open (default: the bundled archive)")
    p.add_argument("--settings", type=Path, default=None,
                   help="settings file to use (default: the per-user settings)")
    return p.parse_args(list(argv))


def run(argv: Sequence[str]) -> int:
    """Run the GUI until the main window closes."""
    args = parse_args(argv)
    import platformdirs
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.bootstrap import build_app
    from app.errors import ExceptHook, message_box_notifier, setup_logging
    from app.settings import Settings
    from db import ArchiveError, open_archive

    log_path = setup_logging(Path(platformdirs.user_log_dir("kremlin-archive", False)))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("KremlinArchive")
    app.setApplicationName("Kremlin Affair Archive")
    hook = ExceptHook(message_box_notifier(None), log_path)
    hook.install()
    path = args.archive or resources.bundled_archive()
    try:
        archive = open_archive(path)
    except ArchiveError as exc:
        if args.archive is None:
            QMessageBox.critical(None, exc.title, exc.message)
            return 3
        answer = QMessageBox.question(
            None, exc.title, f"{exc.message}\n\nOpen the bundled archive instead?")
        if answer != QMessageBox.StandardButton.Yes:
            return 3
        try:
            archive = open_archive(resources.bundled_archive())
        except ArchiveError as again:
            QMessageBox.critical(None, again.title, again.message)
            return 3
    parts = build_app(archive, Settings(args.settings))
    parts.window.show()
    try:
        return int(app.exec())
    finally:
        parts.controller.close()
        hook.uninstall()
