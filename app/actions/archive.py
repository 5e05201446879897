"""ArchiveActions: open another archive (by dialog or from the recent list), title and About."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot

from app import counts
from app.archive_digest import ArchiveDigest
from app.controller import ArchiveController
from app.dialogs import Dialogs
from app.settings import Settings
from app.widgets.main_window import MainWindow
from db import Archive, ArchiveInfo, cite
from db.i18n import _
from db.pg.url import archive_target, is_server, redact, scrub


class ArchiveActions(QObject):
    """File → Open, Open recent, the window title and Help → About.

    Args:
        window: the main window (title, recent menu).
        controller: the archive holder; it swaps archives and reports refusals.
        settings: where the recent archives are remembered.
        dialogs: the file dialog and the About message.
        digest: the archive file's SHA-256 for About (its own when not given).
        today: the access date of the "how to cite" line.
    """

    def __init__(
        self,
        window: MainWindow,
        controller: ArchiveController,
        settings: Settings,
        dialogs: Dialogs,
        digest: ArchiveDigest | None = None,
        today: Callable[[], datetime.date] = datetime.date.today,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._settings = settings
        self._dialogs = dialogs
        self._digest = digest or ArchiveDigest(self)
        self._today = today

    @Slot()
    def ask_open(self) -> None:
        """File → Open archive…"""
        path = self._dialogs.ask_open(self._window)
        if path is not None:
            self.open_path(path)

    @Slot()
    def ask_open_server(self) -> None:
        """File → Open archive on a server…: a ``postgresql://`` address (its password, if
        typed, is used for this connection only and never kept)."""
        text = self._dialogs.ask_text(
            self._window,
            _("Open archive on a server"),
            _(
                "PostgreSQL address, e.g. postgresql://reader@archive.example.org/kremlin\n"
                "(passwords are best kept in ~/.pgpass; they are never saved here)"
            ),
            "postgresql://",
        )
        if text is None:
            return
        if not is_server(text):
            self._dialogs.show(
                self._window,
                _("Not a server address"),
                _("“{text}” does not start with postgresql://").format(text=scrub(text, text)),
            )
            return
        self.open_path(text)

    def open_path(self, path: Path | str) -> bool:
        """Open another archive (the current one stays open on failure)."""
        ok = self._controller.open_path(path)
        if ok:
            # A server address is remembered without its password.
            self._settings.add_recent_archive(redact(path) if isinstance(path, str) else path)
        return ok

    @Slot()
    def fill_recent_menu(self) -> None:
        """File → Open recent lists the remembered archives."""
        menu = self._window.recent_menu
        menu.clear()
        for text in self._settings.recent_archives:
            action = menu.addAction(text)
            action.triggered.connect(
                lambda _checked=False, p=text: self.open_path(archive_target(p))
            )
        if menu.isEmpty():
            menu.addAction(_("(none)")).setEnabled(False)

    @Slot()
    def show_title(self) -> None:
        """The window title names the archive open now."""
        info = self._controller.info
        # TRANSLATORS: the window title: the archive's own title, its file, the program.
        self._window.setWindowTitle(
            _("{title} — {file} — Kremlin Affair Archive").format(
                title=self._controller.title(), file=info.path.name
            )
        )

    @Slot(str, str)
    def report_refusal(self, title: str, message: str) -> None:
        """An archive was refused: one message (the open one stays)."""
        self._dialogs.show(self._window, title, message)

    @Slot()
    def show_about(self) -> None:
        """Help → About: version, archive, counts, the file's SHA-256 and how to cite it (in
        the citation style chosen).

        The digest of a big archive is computed off the GUI thread: the box then opens when it
        is known (once per file; later it comes from the cache).
        """
        info = self._controller.info
        archive = self._controller.archive
        if info.server:  # no file to hash
            self._show_about(archive, info, None)
            return
        self._digest.request(info.path, lambda digest: self._show_about(archive, info, digest))

    def _show_about(self, archive: Archive, info: ArchiveInfo, digest: str | None) -> None:
        from app import __version__

        if archive is not self._controller.archive:
            return  # another archive was opened while this one was hashed
        numbers = ", ".join(
            counts.items(noun, info.counts.get(kind, 0))
            for kind, noun in (
                ("person", "people"),
                ("event", "events"),
                ("document", "documents"),
                ("source", "sources"),
                ("claim", "claims"),
            )
        )
        style = self._settings.citation_style  # Edit → Citation style
        with self._controller.holder.connect() as conn:
            how = cite.record(conn, None, style, self._today(), digest, info.cited_as)
        how_heading = (
            _("How to cite this archive (GOST R 7.0.5):")
            if style == "gost"
            else _("How to cite this archive (Chicago):")
        )
        self._dialogs.show(
            self._window,
            _("About Kremlin Affair Archive"),
            "\n\n".join(
                (
                    _("Kremlin Affair Archive {version}").format(version=__version__),
                    "\n".join(
                        (
                            self._controller.title(),
                            _("Data version {data} (schema {schema})").format(
                                data=info.data_version, schema=info.schema_version
                            ),
                            numbers,
                        )
                    ),
                    "\n".join(
                        (
                            _("Archive: {path}").format(path=info.location),
                            _("SHA-256 of the archive file: {sha}").format(
                                sha=digest or _("could not be read")
                            )
                            if not info.server
                            else _("On a PostgreSQL server (read-only connection)"),
                        )
                    ),
                    f"{how_heading}\n{how}",
                    _(
                        "Every fact cites its sources: see the Sources tab (Ctrl+5) and the "
                        "sources of each record. Edit → Copy citation (Ctrl+Shift+C) cites the "
                        "item shown."
                    ),
                )
            ),
        )
