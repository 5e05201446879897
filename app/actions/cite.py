"""CiteActions: Copy citation (Chicago, GOST R 7.0.5) and the bibliography exports.

What is cited is what the user looks at: the outcome chart when the Outcomes tab is current,
otherwise the item the detail view shows (a person, event, document or source), or the archive
as a whole when it shows none.  A citation names the archive's title, data version, the
record's id, the date it was read and the SHA-256 of the archive file (:class:`ArchiveDigest`:
a big file is hashed off the GUI thread, once).  Bibliographies (every source, the sources of
the item shown, or the sources the Sources pane lists) are read and written on the worker pool,
atomically (:mod:`app.bibliography_export`).

Signals:
    citation_copied(str): the text put on the clipboard.
    bibliography_written(object, int): the file written and how many sources it holds.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app import bibliography_export
from app.archive_digest import ArchiveDigest
from app.controller import ArchiveController
from app.dialogs import Dialogs
from app.filenames import safe_file_name
from app.settings import Settings
from app.widgets.main_window import MainWindow
from app.widgets.sources_pane import SourcesPane
from app.workers import Runner
from db import cite
from db.dto import Ref

log = logging.getLogger(__name__)

#: Names of the styles as the status bar says them.
STYLE_NAMES = {"chicago": "Chicago", "gost": "GOST R 7.0.5"}


class CiteActions(QObject):
    """Edit → Copy citation and Citation style; File → Export bibliography (and the pane's).

    Args:
        window: the main window (detail view, tabs, actions, status bar).
        controller: the archive holder.
        settings: where the chosen style is remembered.
        dialogs: file dialogs and messages.
        digest: the archive file's SHA-256, computed once.
        chart: the Outcomes tab's widget (the chart is cited while it is current).
        sources: the Sources pane (its list can be exported).
        today: the date a citation says the archive was accessed.
    """

    citation_copied = Signal(str)
    bibliography_written = Signal(object, int)

    def __init__(
        self,
        window: MainWindow,
        controller: ArchiveController,
        settings: Settings,
        dialogs: Dialogs,
        digest: ArchiveDigest,
        chart: QWidget | None = None,
        sources: SourcesPane | None = None,
        today: Callable[[], datetime.date] = datetime.date.today,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._settings = settings
        self._dialogs = dialogs
        self._digest = digest
        self._chart = chart
        self._sources = sources
        #: The date citations say the archive was accessed (tests fix it).
        self.today = today
        self._writer = Runner(self)
        self._writer.failed.connect(self._on_writer_failed)
        self._writing: Path | None = None

    # -- what is cited --------------------------------------------------------------------

    def target(self) -> Ref | None:
        """What Copy citation cites: the chart, the item shown, or None (the whole archive)."""
        if self._chart is not None and self._window.tabs.currentWidget() is self._chart:
            return cite.CHART
        return self._window.detail.ref

    def _target_label(self, ref: Ref | None) -> str:
        if ref is None:
            return "the archive"
        if ref == cite.CHART:
            return "the outcome chart"
        return f"“{self._controller.label(ref)}”"

    @Slot()
    def show_target(self) -> None:
        """Name what the citation actions act on in their tooltips (the item or tab changed)."""
        ref = self.target()
        what = self._target_label(ref)
        w = self._window
        w.copy_citation_action.setStatusTip(f"Copy a citation of {what}")
        w.copy_citation_action.setToolTip(f"Copy a citation of {what}")
        w.export_record_bibliography_action.setEnabled(ref is not None)
        w.export_record_bibliography_action.setStatusTip(
            f"Save the sources {what} cites as BibTeX, RIS or CSL-JSON"
        )

    # -- style ----------------------------------------------------------------------------

    @Slot()
    def show_style(self) -> None:
        """Check the remembered style in Edit → Citation style."""
        self._window.set_citation_style(self._settings.citation_style)

    def set_style(self, style: str) -> None:
        """Use ``style`` from now on (remembered between runs)."""
        if style not in cite.STYLES:
            return
        self._settings.citation_style = style
        self._window.set_citation_style(style)

    # -- copy -----------------------------------------------------------------------------

    @Slot()
    def copy_citation(self) -> None:
        """Put the citation of :meth:`target` in the chosen style on the clipboard."""
        ref = self.target()
        style = self._settings.citation_style
        path = self._controller.info.path
        archive = self._controller.archive
        if self._digest.busy:
            self._window.statusBar().showMessage("Hashing the archive file for the citation…")
        self._digest.request(path, lambda digest: self._copy(archive, ref, style, digest))

    def _copy(self, archive: object, ref: Ref | None, style: str, digest: str | None) -> None:
        if archive is not self._controller.archive:
            return  # another archive was opened while its file was hashed
        try:
            with self._controller.holder.connect() as conn:
                text = cite.record(
                    conn, ref, style, self.today(), digest, self._controller.info.path.name
                )
        except cite.UnknownRecord as exc:
            self._dialogs.show(self._window, "Nothing to cite", str(exc))
            return
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        what = self._target_label(ref)
        missing = "" if digest else " (without the file's SHA-256: it could not be read)"
        self._window.statusBar().showMessage(
            f"Copied a {STYLE_NAMES.get(style, style)} citation of {what}{missing}", 8000
        )
        self.citation_copied.emit(text)

    # -- bibliographies ------------------------------------------------------------------

    @Slot()
    def export_all_sources(self) -> None:
        """File → Export bibliography: every source of the archive."""
        self._export("sources", bibliography_export.every_source, "every source")

    @Slot()
    def export_record_sources(self) -> None:
        """File → Export bibliography of the item shown: the sources it cites."""
        ref = self.target()
        if ref is None:
            self._window.statusBar().showMessage("No item is shown: nothing to export", 5000)
            return
        name = "chart" if ref == cite.CHART else ref.id
        what = f"the sources of {self._target_label(ref)}"
        self._export(f"{name}-sources", bibliography_export.cited_by(ref), what)

    @Slot()
    def export_listed_sources(self) -> None:
        """The Sources pane's button: the sources it lists, in its order and filter."""
        if self._sources is None:
            return
        query = self._sources.model.query
        what = "every source" if not query.filters else "the sources listed"
        self._export("sources", bibliography_export.listed(query), what)

    @Slot()
    def export_listed_if_shown(self) -> None:
        """File → Export list on the Sources tab: the listed sources as a bibliography."""
        if self._sources is not None and self._window.tabs.currentWidget() is self._sources:
            self.export_listed_sources()

    def _export(self, stem: str, choice: bibliography_export.Choice, what: str) -> None:
        if self._writer.busy:
            self._window.statusBar().showMessage("A bibliography is being written…", 5000)
            return
        answer = self._dialogs.ask_bibliography(self._window, safe_file_name(stem, ".bib"))
        if answer is None:
            return
        path, fmt = answer
        source = self._controller.holder

        def work() -> tuple[Path, int]:
            return path, bibliography_export.export_bibliography(source, path, fmt, choice)

        self._window.statusBar().showMessage(f"Writing a bibliography of {what}…")
        self._writing = path
        self._writer.submit(work, self._on_written)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until a bibliography being written is done (tests, shutdown)."""
        return self._writer.wait(msecs)

    def _on_written(self, result: object) -> None:
        assert isinstance(result, tuple)
        path, n = result
        self._window.statusBar().showMessage(
            f"Wrote {n:,} source{'s' if n != 1 else ''} to {path}", 8000
        )
        self.bibliography_written.emit(path, n)

    @Slot(object)
    def _on_writer_failed(self, exc: object) -> None:
        self._window.statusBar().clearMessage()
        if isinstance(exc, OSError):
            message = f"Could not write “{self._writing}”: {exc.strerror or exc}"
        else:
            message = f"Could not export the bibliography: {exc}"
        self._dialogs.show(self._window, "Export failed", message)
