"""Print, preview and export dossiers from the GUI: the dialogs around :class:`DossierService`.

Every dialog is reached through a parameter with a working default (``ask_path``,
``run_dialog``, ``show_error``), so tests drive these functions without a modal dialog and
without patching anything global.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Slot
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from app.filenames import safe_file_name
from app.printing.pdf_file import PdfWriteError
from app.printing.printer import RenderError, Rendition, page_layout, paint
from app.printing.service import DossierNotFound, DossierService
from db.dto import Ref
from db.i18n import _

AskPath = Callable[[QWidget | None, str], Path | None]
ShowError = Callable[[QWidget | None, str, str], None]
RunPrintDialog = Callable[[QWidget | None, QPrinter], bool]
RunPreview = Callable[[QPrintPreviewDialog], None]


def ask_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Ask where to save the PDF (None: cancelled); adds ``.pdf`` when no suffix is given."""
    name, _chosen = QFileDialog.getSaveFileName(
        parent, _("Export dossier as PDF"), suggested, _("PDF files (*.pdf)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".pdf")


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A modal error message."""
    QMessageBox.critical(parent, title, message)


def run_print_dialog(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog; True when the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print dossier"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def run_preview(dialog: QPrintPreviewDialog) -> None:
    """Show the preview modally, then let Qt delete it."""
    dialog.exec()
    dialog.deleteLater()


def default_page_size() -> str:
    """Letter where the locale measures in US units, A4 elsewhere."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if imperial else "A4"


def suggested_file_name(ref: Ref | None) -> str:
    """``sinelobov-alexei.pdf``; ``case-summary.pdf`` for the case summary."""
    return safe_file_name("case-summary" if ref is None else ref.id, ".pdf")


def export_dossier_pdf(
    parent: QWidget | None,
    service: DossierService,
    ref: Ref | None,
    *,
    ask_path: AskPath = ask_pdf_path,
    show_error: ShowError = show_error,
    page_size: str | None = None,
) -> Path | None:
    """Ask for a file and write the dossier of ``ref`` (None: case summary) there as PDF.

    Returns the written path, or None when cancelled or failed (the error was shown).
    """
    path = ask_path(parent, suggested_file_name(ref))
    if path is None:
        return None
    try:
        return service.write_pdf(ref, path, page_size or default_page_size())
    except PdfWriteError as exc:
        show_error(
            parent,
            _("Export PDF failed"),
            _("The dossier could not be saved as\n{path}\n\n{reason}.").format(
                path=exc.path, reason=exc.message
            ),
        )
        return None


def print_dossier(
    parent: QWidget | None,
    service: DossierService,
    ref: Ref | None,
    *,
    run_dialog: RunPrintDialog = run_print_dialog,
    show_error: ShowError = show_error,
    printer: QPrinter | None = None,
) -> bool:
    """Print the dossier of ``ref`` through the system print dialog; True when printed.

    "Print to file" (PDF) goes through the verified writer, so a failed file is reported.
    """
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(default_page_size()))
    if not run_dialog(parent, printer):
        return False
    ranged = printer.printRange() == QPrinter.PrintRange.PageRange
    first, last = (printer.fromPage(), printer.toPage()) if ranged else (1, 0)
    try:
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            service.write_pdf_layout(
                ref, Path(printer.outputFileName()), printer.pageLayout(), first, last
            )
            return True
        rendition = service.rendition(ref)
        printer.setDocName(rendition.title)
        paint(printer, rendition, first, last)
    except PdfWriteError as exc:
        show_error(
            parent,
            _("Print failed"),
            _("The dossier could not be printed to\n{path}\n\n{reason}.").format(
                path=exc.path, reason=exc.message
            ),
        )
        return False
    except (RenderError, DossierNotFound) as exc:
        show_error(
            parent,
            _("Print failed"),
            _("The dossier could not be printed: {reason}.").format(reason=exc),
        )
        return False
    if printer.printerState() == QPrinter.PrinterState.Error:
        show_error(
            parent,
            _("Print failed"),
            _("The printer reported an error; nothing may have been printed."),
        )
        return False
    return True


class PreviewPainter(QObject):
    """Paints a prepared dossier whenever a print preview asks (``paintRequested``)."""

    def __init__(
        self,
        rendition: Rendition,
        printer: QPrinter,
        show_error: ShowError,
        parent: QPrintPreviewDialog,
    ) -> None:
        super().__init__(parent)
        self._rendition = rendition
        self.printer = printer  # the preview dialog does not own its printer: keep it alive
        self._show_error = show_error
        self._dialog = parent
        self.pages = 0

    @Slot(QPrinter)
    def paint(self, printer: QPrinter) -> None:
        """Draw every page on the preview's printer."""
        try:
            self.pages = paint(printer, self._rendition)
        except RenderError as exc:
            self._show_error(self._dialog, _("Print preview failed"), str(exc))


def preview_dossier(
    parent: QWidget | None,
    service: DossierService,
    ref: Ref | None,
    *,
    run_dialog: RunPreview = run_preview,
    show_error: ShowError = show_error,
) -> QPrintPreviewDialog | None:
    """Show the dossier of ``ref`` in a print preview; returns the dialog (None: failed)."""
    try:
        rendition = service.rendition(ref)
    except DossierNotFound as exc:
        show_error(parent, _("Print preview failed"), f"{exc}.")
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(default_page_size()))
    printer.setDocName(rendition.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_("Print preview — {title}").format(title=rendition.title))
    painter = PreviewPainter(rendition, printer, show_error, dialog)
    dialog.paintRequested.connect(painter.paint)
    run_dialog(dialog)
    return dialog
