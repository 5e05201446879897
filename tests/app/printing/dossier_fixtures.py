"""Fixtures and helpers shared by the dossier tests (imported by them; not a conftest).

* ``dossier_service``: a :class:`DossierService` on the bundled archive, print date fixed;
* ``hostile_archive``: an archive built by ``db.build`` from a copy of ``resources/data`` with
  an HTML payload and a very long name written into Sinelobov's record;
* ``pdf_text``/``pdf_pages``/``pdf_page_size``: poppler's view of a written PDF;
* ``mounted_tmpfs``: a small tmpfs (read-only or tiny) where the test runs as root.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app import resources
from app.printing import DossierService
from db import Archive, open_archive
from db.build import build

PRINT_DATE = date(2026, 1, 2)
PAYLOAD = '<img src="file:///etc/passwd"><b>bold</b>'
LONG_NAME = "Alexei " + "Verylongdoublebarrelledsurname" * 6 + " Sinelobov"
LONG_OCCUPATION = "x" * 400  # one unbroken word far wider than a page

#: Mark for tests that read PDFs back with poppler (``make test`` installs it).
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


@pytest.fixture
def dossier_service(archive: Archive, qapp: QApplication) -> DossierService:
    """Dossiers of the bundled archive, printed on a fixed date."""
    return DossierService(archive, today=lambda: PRINT_DATE)


@pytest.fixture(scope="module")
def hostile_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """An archive whose Sinelobov record carries markup, a long name and an unbroken word."""
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(resources.ROOT / "data", data)
    people = data / "people.csv"
    with people.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or ())
        rows = list(reader)
    for row in rows:
        if row["id"] == "sinelobov-alexei":
            row["summary"] = f"Before {PAYLOAD} after."
            row["name_en"] = LONG_NAME
            row["occupation"] = LONG_OCCUPATION
    with people.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields)
        writer.writeheader()
        writer.writerows(rows)
    archive = open_archive(build(data, root / "hostile.sqlite"))
    yield archive
    archive.close()


def pdf_text(path: Path, page: int | None = None) -> str:
    """Text of a PDF (one page, 1-based, if given), as pdftotext extracts it."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def pdf_page_texts(path: Path) -> list[str]:
    """Each page's text (one pdftotext run: it ends every page with a form feed)."""
    return pdf_text(path).split("\f")[:-1]


def flat(text: str) -> str:
    """Text with all whitespace removed (lines wrap wherever the layout breaks them)."""
    return "".join(text.split())


def pdf_info(path: Path) -> dict[str, str]:
    """``pdfinfo`` fields."""
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pdf_pages(path: Path) -> int:
    """Number of pages."""
    return int(pdf_info(path)["Pages"])


def pdf_page_size(path: Path) -> tuple[float, float]:
    """Page size in points: ``Page size: 595.276 x 841.89 pts (A4)``."""
    words = pdf_info(path)["Page size"].split()
    return float(words[0]), float(words[2])


def listing(folder: Path) -> list[str]:
    """Names in a folder, hidden temporary files included."""
    return sorted(p.name for p in folder.iterdir())


def _mount(target: Path, options: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True
    )
    return done.returncode == 0


@pytest.fixture
def mounted_tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path | None]]:
    """``mount(options)`` → a fresh tmpfs folder, or None where mounting is not possible."""
    mounted: list[Path] = []

    def mount(options: str) -> Path | None:
        target = tmp_path / f"mnt{len(mounted)}"
        target.mkdir()
        if not _mount(target, options):
            return None
        mounted.append(target)
        return target

    yield mount
    for target in reversed(mounted):
        subprocess.run(["umount", str(target)], check=True)
