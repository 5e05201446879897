"""Page breaks of dossier PDFs: no line printed twice, no heading left at the foot of a page.

Qt paints a page by clipping the whole layout, and its text layout also draws the line just
above the clip; the printer splits paragraphs at page breaks so that line is not in the PDF
twice (hidden, but copied, searched and read aloud).  Qt has no "keep with next" either: the
printer moves a heading that would end a page to the next one.
"""

# Fixtures are imported from conftest_dossier, so their parameters "redefine" the imports.
# ruff: noqa: F811

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from app.printing import DossierService
from db.dto import Ref
from tests.app.conftest_dossier import (
    dossier_service,  # noqa: F401 (fixture)
    needs_poppler,
    pdf_pages,
    pdf_text,
)

pytestmark = needs_poppler

#: Multi-page dossiers whose breaks fall inside paragraphs, list items and tables.
REFS = [Ref("person", "kamenev-lev"), Ref("person", "mukhanova-ekaterina"),
        Ref("person", "yenukidze-avel"), Ref("event", "ev-1935-vk-verdict"), None]


_FOOTER = re.compile(r"^(.* · data version .*|page \d+ of \d+|printed \d+ \w+ \d{4})$")


def _body_lines(path: Path, page: int) -> list[str]:
    """A page's text lines without the running header (first line) and the footer."""
    lines = [line.strip() for line in pdf_text(path, page).splitlines() if line.strip()]
    return [line for line in lines[1:] if not _FOOTER.match(line)]


def _pages(service: DossierService, ref: Ref | None, size: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{ref.id if ref else 'case'}-{size}.pdf"
    service.write_pdf(ref, path, size)
    assert pdf_pages(path) >= 2
    return path


@pytest.mark.parametrize("size", ["A4", "Letter"])
@pytest.mark.parametrize("ref", REFS, ids=lambda r: r.id if r else "case")
def test_no_line_is_printed_on_both_sides_of_a_break(
        dossier_service: DossierService, tmp_path: Path, ref: Ref | None, size: str) -> None:
    path = _pages(dossier_service, ref, size, tmp_path)
    for page in range(1, pdf_pages(path)):
        before = _body_lines(path, page)[-4:]
        after = _body_lines(path, page + 1)[:4]
        # A table's header row is repeated on purpose; any other line must not be.
        repeated = [line for line in after if line in before and len(line) > 25]
        assert repeated == [], f"page {page} → {page + 1}"


@pytest.mark.parametrize("size", ["A4", "Letter"])
@pytest.mark.parametrize("ref", REFS, ids=lambda r: r.id if r else "case")
def test_no_heading_ends_a_page(dossier_service: DossierService, tmp_path: Path,
                                ref: Ref | None, size: str) -> None:
    _, page_html = (dossier_service.html_for(ref) if ref else dossier_service.case_html())
    headings = {html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
                for h in re.findall(r"<h[2-4][^>]*>(.*?)</h[2-4]>", page_html)}
    path = _pages(dossier_service, ref, size, tmp_path)
    for page in range(1, pdf_pages(path)):
        last = _body_lines(path, page)[-1]
        assert last not in headings, f"page {page} ends with the heading {last!r}"
