"""Dossiers: print, preview and export a person, an event, or the whole case as footnoted pages.

Public API (stable; the main window and the command line call these):

* :class:`DossierService` — ``html_for(ref)``, ``case_html()``, ``write_pdf(ref, path, size)``;
* :class:`PdfWriteError` — every failure to write a PDF, with a message for the user;
* :func:`print_dossier`, :func:`preview_dossier`, :func:`export_dossier_pdf` — GUI helpers.
"""

from __future__ import annotations

from app.printing.gui import export_dossier_pdf, preview_dossier, print_dossier
from app.printing.pdf_file import PdfWriteError
from app.printing.service import DossierNotFound, DossierService

__all__ = [
    "DossierNotFound",
    "DossierService",
    "PdfWriteError",
    "export_dossier_pdf",
    "preview_dossier",
    "print_dossier",
]
