"""Dialogs: every modal interaction of the app, each replaceable in tests.

No test ever opens a real modal: the fixtures give callables that answer from a queue and
record what would have been shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
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


def default_folder() -> Path:
    """Where a file dialog starts when it has no folder of its own yet: the user's documents
    folder if there is one, else the home folder (never the working directory)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class FolderMemory:
    """The last folder of each kind of file dialog (archives, lists, dossiers, charts…),
    kept in the settings file.

    Args:
        settings: where to keep them (None: for this run only).
    """

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings
        self._folders: dict[str, str] = {}

    def folder(self, key: str) -> Path:
        """The folder the ``key`` dialog last chose (default: :func:`default_folder`)."""
        value = self._folders.get(key)
        if value is None and self._settings is not None:
            stored = self._settings.value(f"dialogs/{key}/folder", "")
            value = stored if isinstance(stored, str) else None
        if value and Path(value).is_dir():
            return Path(value)
        return default_folder()

    def remember(self, key: str, path: Path) -> None:
        """``path`` was chosen in the ``key`` dialog: start there next time."""
        folder = str(path.expanduser().parent)
        self._folders[key] = folder
        if self._settings is not None:
            self._settings.setValue(f"dialogs/{key}/folder", folder)


@dataclass
class Dialogs:
    """Modal interactions, replaceable in tests (no real modal ever opens there).

    Every file dialog starts in the last folder its kind chose (``folders``), with a file
    name suggested from what is saved.
    """

    open_path: object = None  # Callable[[QWidget], Path | None]
    save_path: object = None  # Callable[[QWidget, str], Path | None]
    notify: object = None  # Callable[[QWidget, str, str], None]
    open_url: object = None  # Callable[[str], None]
    run_print: object = None  # Callable[[QWidget, QPrinter], bool] (the print dialog)
    run_preview: object = None  # Callable[[QPrintPreviewDialog], None]
    open_file: object = None  # Callable[[QWidget, str], Path | None] (title; not an archive)
    text_input: object = None  # Callable[[QWidget, str, str, str], str | None]
    folders: FolderMemory = field(default_factory=FolderMemory)

    def start_path(self, key: str, suggested: str = "") -> str:
        """Where the ``key`` file dialog opens: its last folder, with ``suggested`` in it."""
        folder = self.folders.folder(key)
        return str(folder / suggested) if suggested else str(folder)

    def _chosen(self, key: str, path: Path | None) -> Path | None:
        if path is not None:
            self.folders.remember(key, path)
        return path

    def ask_open(self, parent: QWidget) -> Path | None:
        """Ask for an archive file."""
        if callable(self.open_path):
            result: Path | None = self.open_path(parent)
            return self._chosen("archive", result)
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            _("Open archive"),
            self.start_path("archive"),
            _("Archives (*.sqlite *.db)") + ";;" + _("All files (*)"),
        )
        return self._chosen("archive", Path(name) if name else None)

    def ask_open_file(self, parent: QWidget, title: str, filters: str, key: str) -> Path | None:
        """Ask for a file to read (not an archive: a notebook export to import, …)."""
        if callable(self.open_file):
            result: Path | None = self.open_file(parent, title)
            return self._chosen(key, result)
        name, _filter = QFileDialog.getOpenFileName(
            parent, title, self.start_path(key), filters + ";;" + _("All files (*)")
        )
        return self._chosen(key, Path(name) if name else None)

    def ask_text(self, parent: QWidget, title: str, label: str, default: str = "") -> str | None:
        """Ask for one line of text (a name); None when cancelled or left empty."""
        if callable(self.text_input):
            answer: str | None = self.text_input(parent, title, label, default)
        else:
            from PySide6.QtWidgets import QInputDialog

            text, ok = QInputDialog.getText(parent, title, label, text=default)
            answer = text if ok else None
        return answer.strip() or None if answer is not None else None

    def ask_save(
        self, parent: QWidget, suggested: str, filters: str = "", key: str = "save"
    ) -> Path | None:
        """Ask where to save (a list export, a chart image); ``filters`` in Qt's form
        (default: CSV or JSON); ``key`` names the dialog's kind (its folder is remembered)."""
        if callable(self.save_path):
            result: Path | None = self.save_path(parent, suggested)
            return self._chosen(key, result)
        filters = filters or "CSV (*.csv);;JSON (*.json)"
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Save as"), self.start_path(key, suggested), filters
        )
        return self._chosen(key, Path(name) if name else None)

    def ask_export(self, parent: QWidget, suggested: str) -> tuple[Path, str] | None:
        """Ask where and how to export a list: (path, format key of app.list_export.FORMATS)."""
        from app.list_export import FORMATS, format_for

        if callable(self.save_path):
            result: Path | None = self._chosen("list", self.save_path(parent, suggested))
            return None if result is None else (result, format_for(result))
        filters = [f"{_(label)} (*{suffix})" for suffix, label in FORMATS.values()]
        name, chosen = QFileDialog.getSaveFileName(
            parent, _("Export list"), self.start_path("list", suggested), ";;".join(filters)
        )
        if not name:
            return None
        self.folders.remember("list", Path(name))
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
            result: Path | None = self._chosen("bibliography", self.save_path(parent, suggested))
            return None if result is None else (result, bibliography_format(result))
        filters = [f"{_(label)} (*{suffix})" for suffix, label in BIBLIOGRAPHY_FORMATS.values()]
        name, chosen = QFileDialog.getSaveFileName(
            parent,
            _("Export bibliography"),
            self.start_path("bibliography", suggested),
            ";;".join(filters),
        )
        if not name:
            return None
        self.folders.remember("bibliography", Path(name))
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
