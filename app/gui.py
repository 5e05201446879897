"""Start the desktop application: arguments, QApplication, archive, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app import resources


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """GUI options: ``--archive PATH``."""
    p = argparse.ArgumentParser(prog="kremlin-archive",
                                description="Kremlin Affair archive viewer. Commands: "
                                "info, show (see kremlin-archive COMMAND --help).")
    p.add_argument("--archive", type=Path, default=None,
                   help="archive file to open (default: the bundled archive)")
    return p.parse_args(list(argv))


def run(argv: Sequence[str]) -> int:
    """Run the GUI until the main window closes."""
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.bootstrap import build_main_window
    from db import ArchiveError, open_archive

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("KremlinArchive")
    app.setApplicationName("Kremlin Affair Archive")
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
        archive = open_archive(resources.bundled_archive())
    window = build_main_window(archive)
    window.show()
    return int(app.exec())
