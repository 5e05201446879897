"""Dialogs: every modal interaction of the app, each replaceable in tests.

No test ever opens a real modal: the fixtures give callables that answer from a queue and
record what would have been shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.i18n import N_, _

#: Bibliography formats (``db.cite.FORMATS``) → (file suffix, description), for file dialogs
#: (descriptions translated where shown).
BIBLIOGRAPHY_FORMATS = {
    "bibtex": (".bib", "BibTeX"),
    "ris": (".ris", N_("RIS (Zotero, EndNote, Mendeley)")),
    "csl-json": (".json", "CSL-JSON"),
}


def bibliography_format(path: Path) -> str:
    """The bibliography format a file name asks for by its suffix (BibTeX if none matches)."""
    suffix = path.suffix.casefold()
    return next((k for k, (s, _label) in BIBLIOGRAPHY_FORMATS.items() if s == suffix), "bibtex")


@dataclass
class Dialogs:
    """Modal interactions, replaceable in tests (no real modal ever opens there)."""

    open_path: object = None  # Callable[[QWidget], Path | None]
    save_path: object = None  # Callable[[QWidget, str], Path | None]
    notify: object = None  # Callable[[QWidget, str, str], None]
    open_url: object = None  # Callable[[str], None]
    run_print: object = None  # Callable[[QWidget, QPrinter], bool] (the print dialog)
    run_preview: object = None  # Callable[[QPrintPreviewDialog], None]

    def ask_open(self, parent: QWidget) -> Path | None:
        """Ask for an archive file."""
        if callable(self.open_path):
            result: Path | None = self.open_path(parent)
            return result
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            _("Open archive"),
            "",
            _("Archives (*.sqlite *.db)") + ";;" + _("All files (*)"),
        )
        return Path(name) if name else None

    def ask_save(self, parent: QWidget, suggested: str, filters: str = "") -> Path | None:
        """Ask where to save (a list export, a chart image); ``filters`` in Qt's form
        (default: CSV or JSON)."""
        if callable(self.save_path):
            result: Path | None = self.save_path(parent, suggested)
            return result
        filters = filters or "CSV (*.csv);;JSON (*.json)"
        name, _filter = QFileDialog.getSaveFileName(parent, _("Save as"), suggested, filters)
        return Path(name) if name else None

    def ask_export(self, parent: QWidget, suggested: str) -> tuple[Path, str] | None:
        """Ask where and how to export a list: (path, format key of app.list_export.FORMATS)."""
        from app.list_export import FORMATS, format_for

        if callable(self.save_path):
            result: Path | None = self.save_path(parent, suggested)
            return None if result is None else (result, format_for(result))
        filters = [f"{_(label)} (*{suffix})" for suffix, label in FORMATS.values()]
        name, chosen = QFileDialog.getSaveFileName(
            parent, _("Export list"), suggested, ";;".join(filters)
        )
        if not name:
            return None
        fmt = next((k for k, f in zip(FORMATS, filters, strict=True) if f == chosen), None)
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(FORMATS[fmt or "csv-bom"][0])
        return path, format_for(path, fmt)

    def ask_bibliography(self, parent: QWidget, suggested: str) -> tuple[Path, str] | None:
        """Ask where and in which format to save a bibliography: (path, format of db.cite).

        A typed suffix (``.bib``, ``.ris``, ``.json``) decides the format; a name without one
        gets the chosen filter's format and suffix.  A given ``save_path`` callable answers
        by file name, the format then following its suffix.
        """
        if callable(self.save_path):
            result: Path | None = self.save_path(parent, suggested)
            return None if result is None else (result, bibliography_format(result))
        filters = [f"{_(label)} (*{suffix})" for suffix, label in BIBLIOGRAPHY_FORMATS.values()]
        name, chosen = QFileDialog.getSaveFileName(
            parent, _("Export bibliography"), suggested, ";;".join(filters)
        )
        if not name:
            return None
        fmt = next(
            (k for k, f in zip(BIBLIOGRAPHY_FORMATS, filters, strict=True) if f == chosen), None
        )
        path = Path(name)
        known = {suffix for suffix, _label in BIBLIOGRAPHY_FORMATS.values()}
        if path.suffix.casefold() in known:  # a typed suffix says the format
            return path, bibliography_format(path)
        return path.with_name(path.name + BIBLIOGRAPHY_FORMATS[fmt or "bibtex"][0]), fmt or "bibtex"

    def show(self, parent: QWidget, title: str, message: str) -> None:
        """Tell the user something."""
        if callable(self.notify):
            self.notify(parent, title, message)
        else:
            QMessageBox.information(parent, title, message)

    def external(self, address: str) -> None:
        """Open a web address in the system browser."""
        if callable(self.open_url):
            self.open_url(address)
        else:
            QDesktopServices.openUrl(QUrl(address))
