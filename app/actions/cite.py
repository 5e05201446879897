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

from app import bibliography_export, counts
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
from db.i18n import N_, _, ngettext, pgettext

log = logging.getLogger(__name__)

#: Names of the styles as the status bar says them (translated where shown).
STYLE_NAMES = {"chicago": N_("Chicago"), "gost": N_("GOST R 7.0.5")}


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
            return _("the archive")
        if ref == cite.CHART:
            return _("the outcome chart")
        # TRANSLATORS: an item named in a sentence ("Copy a citation of “Lev Kamenev”").
        return _("“{item}”").format(item=self._controller.label(ref))

    def _sources_of(self, ref: Ref | None) -> str:
        """``the sources of …`` (a phrase of its own: languages decline "of" differently)."""
        if ref is None:
            return pgettext("sources of", "the sources of the archive")
        if ref == cite.CHART:
            return pgettext("sources of", "the sources of the outcome chart")
        return pgettext("sources of", "the sources of “{item}”").format(
            item=self._controller.label(ref)
        )

    @Slot()
    def show_target(self) -> None:
        """Name what the citation actions act on in their tooltips (the item, tab or language
        changed)."""
        ref = self.target()
        what = self._target_label(ref)
        w = self._window
        w.set_citation_target(what)
        w.export_record_bibliography_action.setEnabled(ref is not None)
        tip = _("Save {sources} as BibTeX, RIS or CSL-JSON").format(sources=self._sources_of(ref))
        w.export_record_bibliography_action.setStatusTip(tip)
        w.export_record_bibliography_action.setToolTip(tip)

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
        self.cite(self.target())

    def cite(self, ref: Ref | None) -> None:
        """Put a citation of ``ref`` (None: the archive) in the chosen style on the clipboard
        (also what a row's or a link's Copy citation does)."""
        style = self._settings.citation_style
        path = self._controller.info.path
        archive = self._controller.archive
        if self._controller.info.server:  # no file to hash
            self._copy(archive, ref, style, None)
            return
        if self._digest.busy:
            self._window.statusBar().showMessage(_("Hashing the archive file for the citation…"))
        self._digest.request(path, lambda digest: self._copy(archive, ref, style, digest))

    def _copy(self, archive: object, ref: Ref | None, style: str, digest: str | None) -> None:
        if archive is not self._controller.archive:
            return  # another archive was opened while its file was hashed
        try:
            with self._controller.holder.connect() as conn:
                text = cite.record(
                    conn, ref, style, self.today(), digest, self._controller.info.cited_as
                )
        except cite.UnknownRecord as exc:
            self._dialogs.show(self._window, _("Nothing to cite"), str(exc))
            return
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        what = self._target_label(ref)
        name = _(STYLE_NAMES[style]) if style in STYLE_NAMES else style
        if digest:
            message = _("Copied a {style} citation of {what}").format(style=name, what=what)
        else:
            message = _(
                "Copied a {style} citation of {what} (without the file's SHA-256: it could "
                "not be read)"
            ).format(style=name, what=what)
        self._window.statusBar().showMessage(message, 8000)
        self.citation_copied.emit(text)

    # -- bibliographies ------------------------------------------------------------------

    @Slot()
    def export_all_sources(self) -> None:
        """File → Export bibliography: every source of the archive."""
        self._export(counts.file_stem("sources"), bibliography_export.every_source, None)

    @Slot()
    def export_record_sources(self) -> None:
        """File → Export bibliography of the item shown: the sources it cites."""
        ref = self.target()
        if ref is None:
            self._window.statusBar().showMessage(_("No item is shown: nothing to export"), 5000)
            return
        name = "chart" if ref == cite.CHART else ref.id
        self._export(f"{name}-sources", bibliography_export.cited_by(ref), ref)

    @Slot()
    def export_listed_sources(self) -> None:
        """The Sources pane's button: the sources it lists, in its order and filter."""
        if self._sources is None:
            return
        query = self._sources.model.query
        self._export(
            counts.file_stem("sources"), bibliography_export.listed(query), bool(query.filters)
        )

    @Slot()
    def export_listed_if_shown(self) -> None:
        """File → Export list on the Sources tab: the listed sources as a bibliography."""
        if self._sources is not None and self._window.tabs.currentWidget() is self._sources:
            self.export_listed_sources()

    def _writing_message(self, what: Ref | bool | None) -> str:
        """``Writing a bibliography of every source…``: ``what`` is None (every source), True
        (the sources listed) or the record whose sources are written."""
        if what is None or what is False:
            return _("Writing a bibliography of every source…")
        if what is True:
            return _("Writing a bibliography of the sources listed…")
        return _("Writing a bibliography of {sources}…").format(sources=self._sources_of(what))

    def _export(
        self, stem: str, choice: bibliography_export.Choice, what: Ref | bool | None
    ) -> None:
        if self._writer.busy:
            self._window.statusBar().showMessage(_("A bibliography is being written…"), 5000)
            return
        answer = self._dialogs.ask_bibliography(self._window, safe_file_name(stem, ".bib"))
        if answer is None:
            return
        path, fmt = answer
        source = self._controller.holder

        def work() -> tuple[Path, int]:
            return path, bibliography_export.export_bibliography(source, path, fmt, choice)

        self._window.statusBar().showMessage(self._writing_message(what))
        self._writing = path
        self._writer.submit(work, self._on_written)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until a bibliography being written is done (tests, shutdown)."""
        return self._writer.wait(msecs)

    def _on_written(self, result: object) -> None:
        assert isinstance(result, tuple)
        path, n = result
        self._window.statusBar().showMessage(
            ngettext("Wrote {n} source to {path}", "Wrote {n} sources to {path}", n).format(
                n=counts.number(n), path=path
            ),
            8000,
        )
        self.bibliography_written.emit(path, n)

    @Slot(object)
    def _on_writer_failed(self, exc: object) -> None:
        self._window.statusBar().clearMessage()
        if isinstance(exc, OSError):
            message = _("Could not write “{path}”: {reason}").format(
                path=self._writing, reason=exc.strerror or exc
            )
        else:
            message = _("Could not export the bibliography: {reason}").format(reason=exc)
        self._dialogs.show(self._window, _("Export failed"), message)
