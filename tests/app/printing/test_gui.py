"""GUI helpers: export, print and preview, with their dialogs passed in (no real modal)."""

# Fixtures are imported from conftest_dossier, so their parameters "redefine" the imports.
# ruff: noqa: F811

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.printing import DossierService, export_dossier_pdf, preview_dossier, print_dossier
from app.printing.gui import PreviewPainter, suggested_file_name
from db.dto import Ref
from tests.app.pages.russian import russian  # noqa: F401 (fixture)
from tests.app.printing.dossier_fixtures import (
    dossier_service,  # noqa: F401 (fixture)
    listing,
    needs_poppler,
    pdf_pages,
    pdf_text,
)

PERSON = Ref("person", "mukhanova-ekaterina")


class Errors:
    """Collects the error messages a helper would have shown."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(self, parent: QWidget | None, title: str, message: str) -> None:
        self.shown.append((title, message))


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@needs_poppler
def test_export_writes_the_chosen_file(
    dossier_service: DossierService, parent: QWidget, tmp_path: Path
) -> None:
    asked: list[str] = []

    def ask(_: QWidget | None, suggested: str) -> Path:
        asked.append(suggested)
        return tmp_path / "chosen.pdf"

    errors = Errors()
    written = export_dossier_pdf(
        parent, dossier_service, PERSON, ask_path=ask, show_error=errors, page_size="Letter"
    )
    assert written == tmp_path / "chosen.pdf" and errors.shown == []
    assert asked == ["mukhanova-ekaterina.pdf"]
    assert "Муханова" in pdf_text(written)


def test_export_cancelled_writes_nothing(
    dossier_service: DossierService, parent: QWidget, tmp_path: Path
) -> None:
    errors = Errors()
    assert (
        export_dossier_pdf(
            parent, dossier_service, PERSON, ask_path=lambda *_: None, show_error=errors
        )
        is None
    )
    assert errors.shown == [] and listing(tmp_path) == []


def test_export_failure_shows_one_error(
    dossier_service: DossierService, parent: QWidget, tmp_path: Path
) -> None:
    errors = Errors()
    target = tmp_path / "missing" / "x.pdf"
    assert (
        export_dossier_pdf(
            parent, dossier_service, PERSON, ask_path=lambda *_: target, show_error=errors
        )
        is None
    )
    assert len(errors.shown) == 1
    title, message = errors.shown[0]
    assert title == "Export PDF failed" and "does not exist" in message and str(target) in message
    assert listing(tmp_path) == []


def test_case_summary_is_suggested_as_its_own_file() -> None:
    assert suggested_file_name(None) == "case-summary.pdf"


@needs_poppler
def test_print_to_pdf_file_goes_through_the_verified_writer(
    dossier_service: DossierService, parent: QWidget, tmp_path: Path
) -> None:
    target = tmp_path / "printed.pdf"

    def choose_file(_: QWidget | None, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    errors = Errors()
    assert print_dossier(parent, dossier_service, PERSON, run_dialog=choose_file, show_error=errors)
    assert errors.shown == [] and pdf_pages(target) >= 2
    assert "page 1 of" in pdf_text(target, 1)


@needs_poppler
def test_print_to_pdf_file_keeps_the_chosen_page_range(
    dossier_service: DossierService, parent: QWidget, tmp_path: Path
) -> None:
    target = tmp_path / "page-two.pdf"
    total = dossier_service.page_count(PERSON)
    assert total >= 2

    def second_page_only(_: QWidget | None, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 2)
        return True

    assert print_dossier(
        parent, dossier_service, PERSON, run_dialog=second_page_only, show_error=Errors()
    )
    assert pdf_pages(target) == 1
    assert f"page 2 of {total}" in pdf_text(target, 1)


def test_print_to_unwritable_file_reports_it(
    dossier_service: DossierService, parent: QWidget, tmp_path: Path
) -> None:
    def choose_file(_: QWidget | None, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "missing" / "x.pdf"))
        return True

    errors = Errors()
    assert not print_dossier(
        parent, dossier_service, PERSON, run_dialog=choose_file, show_error=errors
    )
    assert [t for t, _ in errors.shown] == ["Print failed"]


def test_print_cancelled_prints_nothing(dossier_service: DossierService, parent: QWidget) -> None:
    errors = Errors()
    assert not print_dossier(
        parent, dossier_service, PERSON, run_dialog=lambda *_: False, show_error=errors
    )
    assert errors.shown == []


def test_preview_paints_every_page(
    dossier_service: DossierService, parent: QWidget, qtbot: QtBot
) -> None:
    shown: list[QPrintPreviewDialog] = []
    dialog = preview_dossier(
        parent,
        dossier_service,
        Ref("person", "kamenev-lev"),
        run_dialog=shown.append,
        show_error=Errors(),
    )
    assert dialog is not None and shown == [dialog]
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().startswith("Print preview — Person dossier: Lev Kamenev")
    preview = dialog.findChild(QPrintPreviewWidget)
    painter = dialog.findChild(PreviewPainter)
    assert preview is not None and painter is not None
    preview.updatePreview()
    qtbot.waitUntil(lambda: preview.pageCount() > 0)
    assert preview.pageCount() == painter.pages >= 2


def test_preview_of_unknown_item_shows_an_error(
    dossier_service: DossierService, parent: QWidget
) -> None:
    errors = Errors()
    assert (
        preview_dossier(
            parent,
            dossier_service,
            Ref("event", "nothing"),
            run_dialog=lambda d: None,
            show_error=errors,
        )
        is None
    )
    assert len(errors.shown) == 1


def test_an_export_failure_is_reported_in_russian(
    dossier_service: DossierService, parent: QWidget, tmp_path: Path, russian: None
) -> None:
    errors = Errors()
    target = tmp_path / "missing" / "x.pdf"
    export_dossier_pdf(
        parent, dossier_service, PERSON, ask_path=lambda *_: target, show_error=errors
    )
    [(title, message)] = errors.shown
    assert title == "Не удалось экспортировать PDF"
    assert message == (
        f"Не удалось сохранить досье в файл\n{target}\n\nпапки {target.parent} не существует."
    )
