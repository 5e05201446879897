"""OutputActions: print, preview and export PDF of the item shown, and save the outcome chart.

Built alone around a main window, the dossier service and the outcome chart of a controller
on the bundled archive, with fake dialogs.  The print and preview dialogs are the
``Dialogs`` seams ``run_print``/``run_preview`` (the print seam picks "print to PDF file" in
``tmp_path``, the preview seam keeps the dialog unshown), so no modal opens.  Each action
acts on what the detail view shows (nothing shown: the case summary); a failure reaches the
user as one message through the dialogs and leaves no file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from app.actions.output import OutputActions
from app.controller import ArchiveController
from app.dialogs import Dialogs
from app.printing import DossierService
from app.widgets.chart_pane import ChartPane
from app.widgets.main_window import MainWindow
from db.dto import Ref
from tests.app.conftest import FakeDialogs
from tests.app.printing.dossier_fixtures import needs_poppler, pdf_text

KAMENEV = Ref("person", "kamenev-lev")


@dataclass
class Rig:
    actions: OutputActions
    window: MainWindow
    controller: ArchiveController
    dialogs: Dialogs
    fake: FakeDialogs

    def show(self, ref: Ref) -> None:
        """Put ``ref``'s page in the detail view (what the user is looking at)."""
        page = self.controller.page(ref)
        assert page is not None
        self.window.detail.show_page(ref, *page)


@pytest.fixture
def rig(window: MainWindow, controller: ArchiveController, fake_dialogs: FakeDialogs) -> Rig:
    chart = ChartPane(window)
    chart.set_source(controller.holder)
    dialogs = fake_dialogs.dialogs()
    actions = OutputActions(window, DossierService(controller.holder), chart, dialogs)
    return Rig(actions, window, controller, dialogs, fake_dialogs)


def print_to(target: Path, jobs: list[str]) -> Callable[[QWidget | None, QPrinter], bool]:
    """A print dialog where the user picks "print to file" ``target`` (the job is recorded)."""

    def run(_parent: QWidget | None, printer: QPrinter) -> bool:
        jobs.append(printer.docName())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    return run


# -- export PDF -----------------------------------------------------------------------------


@needs_poppler
def test_export_pdf_writes_the_dossier_of_the_item_shown(rig: Rig, tmp_path: Path) -> None:
    rig.show(KAMENEV)
    target = tmp_path / "kamenev.pdf"
    rig.fake.save_answers.append(target)
    rig.actions.export_shown_pdf()
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert "Lev Kamenev" in pdf_text(target, 1)
    assert rig.fake.messages == []
    assert rig.window.statusBar().currentMessage() == f"Dossier saved to {target}"


def test_export_pdf_to_a_missing_folder_reports_and_writes_nothing(
    rig: Rig, tmp_path: Path
) -> None:
    rig.show(KAMENEV)
    rig.fake.save_answers.append(tmp_path / "missing" / "x.pdf")
    rig.actions.export_shown_pdf()
    assert len(rig.fake.messages) == 1 and "PDF" in rig.fake.messages[0][0]
    assert not (tmp_path / "missing").exists()


# -- print ----------------------------------------------------------------------------------


@needs_poppler
def test_print_sends_the_dossier_of_the_item_shown_to_the_print_dialog(
    rig: Rig, tmp_path: Path
) -> None:
    event = Ref("event", "ev-1934-kirov")
    rig.show(event)
    target = tmp_path / "printed.pdf"
    jobs: list[str] = []
    rig.dialogs.run_print = print_to(target, jobs)
    rig.actions.print_shown()
    assert len(jobs) == 1 and rig.fake.messages == []
    assert "Kirov" in rig.controller.label(event) and "Kirov" in pdf_text(target, 1)


def test_a_cancelled_print_dialog_prints_nothing(rig: Rig, tmp_path: Path) -> None:
    asked: list[QPrinter] = []

    def cancel(_parent: QWidget | None, printer: QPrinter) -> bool:
        asked.append(printer)
        return False

    rig.dialogs.run_print = cancel
    rig.actions.print_shown()
    assert len(asked) == 1 and rig.fake.messages == [] and list(tmp_path.iterdir()) == []


def test_a_print_that_cannot_be_written_is_reported_once(rig: Rig, tmp_path: Path) -> None:
    rig.show(KAMENEV)
    rig.dialogs.run_print = print_to(tmp_path / "missing" / "x.pdf", [])
    rig.actions.print_shown()
    assert [title for title, _ in rig.fake.messages] == ["Print failed"]
    assert not (tmp_path / "missing").exists()


# -- preview --------------------------------------------------------------------------------


def test_preview_shows_the_dossier_of_the_item_shown(rig: Rig) -> None:
    rig.show(KAMENEV)
    dialogs: list[QPrintPreviewDialog] = []
    rig.dialogs.run_preview = dialogs.append
    rig.actions.preview_shown()
    (dialog,) = dialogs
    assert dialog.windowTitle().startswith("Print preview — Person dossier: Lev Kamenev")
    assert rig.fake.messages == []


def test_the_case_summary_preview_is_the_case_even_while_an_item_is_shown(rig: Rig) -> None:
    rig.show(KAMENEV)
    dialogs: list[QPrintPreviewDialog] = []
    rig.dialogs.run_preview = dialogs.append
    rig.actions.preview_case_summary()
    (dialog,) = dialogs
    assert "Kremlin" in dialog.windowTitle() and "Kamenev" not in dialog.windowTitle()
    assert rig.fake.messages == []


# -- outcome chart --------------------------------------------------------------------------


def test_save_chart_writes_the_image_the_user_named(rig: Rig, tmp_path: Path) -> None:
    target = tmp_path / "outcomes.png"
    rig.fake.save_answers.append(target)
    rig.actions.save_chart()
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert [p.name for p in tmp_path.iterdir()] == ["outcomes.png"]
    assert rig.window.statusBar().currentMessage() == f"Chart saved to {target}"


def test_a_chart_that_cannot_be_saved_is_reported_once(rig: Rig, tmp_path: Path) -> None:
    rig.fake.save_answers.append(tmp_path / "outcomes.jpg")
    rig.actions.save_chart()
    ((title, message),) = rig.fake.messages
    assert title == "Could not save the chart" and ".png or .svg" in message
    assert list(tmp_path.iterdir()) == []


def test_cancelling_the_chart_file_dialog_saves_nothing(rig: Rig, tmp_path: Path) -> None:
    rig.actions.save_chart()
    assert rig.fake.messages == [] and list(tmp_path.iterdir()) == []
    assert rig.window.statusBar().currentMessage() == ""


# -- file names from the record ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "name"),
    [(Ref("person", "cherniavsky-mikhail"), "cherniavsky-mikhail.pdf"), (None, "case-summary.pdf")],
)
def test_print_names_the_file_after_the_record_before_the_dialog_opens(
    rig: Rig, ref: Ref | None, name: str
) -> None:
    if ref is not None:
        rig.show(ref)
    names: list[str] = []

    def cancel(_parent: QWidget | None, printer: QPrinter) -> bool:
        names.append(printer.docName())  # Qt's dialog makes "Print to file" from it
        return False

    rig.dialogs.run_print = cancel
    rig.actions.print_shown()
    assert names == [name]


def test_export_pdf_suggests_the_records_file_name(rig: Rig) -> None:
    rig.show(Ref("person", "cherniavsky-mikhail"))
    asked: list[str] = []
    rig.dialogs.save_path = lambda _parent, suggested: asked.append(suggested)
    rig.actions.export_shown_pdf()
    assert asked == ["cherniavsky-mikhail.pdf"]


@needs_poppler
def test_the_case_summary_exports_straight_to_pdf_while_an_item_is_shown(
    rig: Rig, tmp_path: Path
) -> None:
    rig.show(KAMENEV)
    asked: list[str] = []
    target = tmp_path / "case.pdf"

    def answer(_parent: object, suggested: str) -> Path:
        asked.append(suggested)
        return target

    rig.dialogs.save_path = answer
    rig.actions.export_case_summary_pdf()
    assert asked == ["case-summary.pdf"]
    assert target.read_bytes().startswith(b"%PDF-")
    assert "Kremlin" in pdf_text(target, 1)
    assert rig.window.case_summary_pdf_action.text() == "Export case summary as P&DF…"
