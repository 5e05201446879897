"""OutputActions: print, preview and export dossiers as PDF; save the outcome chart and the
relationship graph."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.dialogs import Dialogs
from app.filenames import safe_file_name
from app.part_files import write_text
from app.printing import DossierService, export_dossier_pdf, preview_dossier, print_dossier
from app.printing.gui import suggested_file_name
from app.widgets.chart_pane import ChartPane
from app.widgets.main_window import MainWindow
from app.widgets.network_view import NetworkView
from app.widgets.timeline_view import TimelineView
from db.dto import Ref
from db.i18n import _


def _figure_filters(*more: str) -> str:
    """The save dialog's formats of a drawn view: PNG, SVG, PDF, JSON, then ``more``."""
    return ";;".join(
        (
            _("PNG images (*.png)"),
            _("SVG images (*.svg)"),
            _("PDF (*.pdf)"),
            _("JSON data (*.json)"),
            *more,
        )
    )


class _TimelineFile:
    """Saves the timeline in the format its file's suffix names."""

    def __init__(self, view: TimelineView) -> None:
        self._view = view

    def save(self, path: Path) -> Path:
        suffix = path.suffix.casefold()
        if suffix == ".svg":
            self._view.export_svg(path)
        elif suffix == ".pdf":
            self._view.export_pdf(path)
        elif suffix == ".json":
            write_text(path, self._view.to_json())
        else:
            path = path if suffix == ".png" else path.with_suffix(".png")
            self._view.export_png(path)
        return path


class OutputActions(QObject):
    """File → Print, Print preview, Export PDF, Case summary and Save outcome chart.

    Dossiers act on what the detail view shows (None: the case summary).

    Args:
        window: the main window (detail view, status bar).
        dossiers: the dossier service of the archive holder.
        chart: the outcome chart pane.
        dialogs: print/preview dialogs, file names, error messages.
        network: the relationship graph pane (Save graph).
        timeline: the timeline pane (Save timeline).
    """

    def __init__(
        self,
        window: MainWindow,
        dossiers: DossierService,
        chart: ChartPane,
        dialogs: Dialogs,
        network: NetworkView | None = None,
        timeline: TimelineView | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._dossiers = dossiers
        self._chart = chart
        self._dialogs = dialogs
        self._network = network
        self._timeline = timeline

    def _error(self, _parent: QWidget | None, title: str, message: str) -> None:
        self._dialogs.show(self._window, title, message)

    @Slot()
    def print_shown(self) -> None:
        """Print the dossier of the item shown.

        The printer is named after the record before the dialog opens, so "Print to file"
        suggests ``cherniavsky-mikhail.pdf`` (Qt's dialog makes its file name from it).
        """
        d = self._dialogs
        kwargs = {"run_dialog": d.run_print} if callable(d.run_print) else {}
        ref = self._window.detail.ref
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(suggested_file_name(ref))
        print_dossier(
            self._window,
            self._dossiers,
            ref,
            show_error=self._error,
            printer=printer,
            **kwargs,
        )

    @Slot()
    def preview_shown(self) -> None:
        """Print preview of the dossier of the item shown."""
        self._preview(self._window.detail.ref)

    @Slot()
    def preview_case_summary(self) -> None:
        """Print preview of the case summary."""
        self._preview(None)

    def _preview(self, ref: Ref | None) -> None:
        d = self._dialogs
        kwargs = {"run_dialog": d.run_preview} if callable(d.run_preview) else {}
        preview_dossier(self._window, self._dossiers, ref, show_error=self._error, **kwargs)

    @Slot()
    def export_shown_pdf(self) -> None:
        """Save the dossier of the item shown as a PDF file."""
        self._export_pdf(self._window.detail.ref)

    @Slot()
    def export_case_summary_pdf(self) -> None:
        """File → Export case summary as PDF: straight to a file (``case-summary.pdf``),
        whatever the detail view shows."""
        self._export_pdf(None)

    def _export_pdf(self, ref: Ref | None) -> None:
        w = self._window
        path = export_dossier_pdf(
            w,
            self._dossiers,
            ref,
            ask_path=lambda _parent, name: self._dialogs.ask_save(
                w, name, _("PDF (*.pdf)"), key="dossier"
            ),
            show_error=self._error,
        )
        if path is not None:
            w.statusBar().showMessage(_("Dossier saved to {path}").format(path=path), 8000)

    def save_view(self, view: object, stem: str, filters: str, key: str) -> Path | None:
        """Ask where to save a view that has ``save(path)`` (the graph, the timeline) and save
        it; the suffix chosen names the format.  A refusal is one message."""
        w = self._window
        path = self._dialogs.ask_save(w, safe_file_name(stem, ".png"), filters, key=key)
        if path is None:
            return None
        save = getattr(view, "save", None)
        if not callable(save):
            return None
        try:
            written = save(path)
        except OSError as exc:
            self._dialogs.show(w, _("Could not save"), str(exc))
            return None
        where = written if isinstance(written, Path) else path
        w.statusBar().showMessage(_("Saved to {path}").format(path=where), 8000)
        return where

    @Slot()
    def save_graph(self) -> None:
        """Save the relationship graph as PNG, SVG, PDF, JSON or GraphML."""
        view = self._network
        if view is None:
            return
        filters = _figure_filters(_("GraphML (*.graphml)"))
        self.save_view(view, view.suggested_name(), filters, "graph")

    @Slot()
    def save_timeline(self) -> None:
        """File → Save timeline…: the timeline as shown, as PNG, SVG, PDF (vector) or JSON."""
        view = self._timeline
        if view is None:
            return
        self.save_view(_TimelineFile(view), _("timeline"), _figure_filters(), "timeline")

    @Slot()
    def save_chart(self) -> None:
        """Save the outcome chart as PNG or SVG."""
        w = self._window
        path = self._dialogs.ask_save(
            w,
            safe_file_name(_("outcomes"), ".png"),
            _("PNG images (*.png);;SVG images (*.svg)"),
            key="chart",
        )
        if path is None:
            return
        try:
            self._chart.save_image(path)
        except OSError as exc:
            self._dialogs.show(w, _("Could not save the chart"), str(exc))
            return
        w.statusBar().showMessage(_("Chart saved to {path}").format(path=path), 8000)
