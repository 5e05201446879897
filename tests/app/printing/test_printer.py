"""Page breaks of dossier PDFs: no line printed twice, no heading left at the foot of a page.

Qt paints a page by clipping the whole layout, and its text layout also draws the line just
above the clip; the printer splits paragraphs at page breaks so that line is not in the PDF
twice (hidden, but copied, searched and read aloud).  Qt has no "keep with next" either: the
printer moves a heading that would end a page to the next one.  The running header and footer
read in the interface's language.
"""

# Fixtures are imported from conftest_dossier, so their parameters "redefine" the imports.
# ruff: noqa: F811

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.printing import DossierService
from app.printing.printer import PageDecor, page_number
from db import Archive, vocab
from db.dto import Ref
from tests.app.pages.russian import russian  # noqa: F401 (fixture)
from tests.app.printing.dossier_fixtures import (
    PRINT_DATE,
    dossier_service,  # noqa: F401 (fixture)
    needs_poppler,
    pdf_page_texts,
    pdf_text,
)

pytestmark = needs_poppler

#: Multi-page dossiers whose breaks fall inside paragraphs, list items and tables.
REFS = [
    Ref("person", "kamenev-lev"),
    Ref("person", "mukhanova-ekaterina"),
    Ref("person", "yenukidze-avel"),
    Ref("event", "ev-1935-vk-verdict"),
    None,
]


#: The footer's three parts (pdftotext may run them into the last line of the page), in
#: English and in Russian.
_FOOTER = re.compile(
    r"The Kremlin Affair, 1935 · data version [\w.]+"
    r"|page \d+ of \d+|printed \d+ \w+ \d{4}"
    r"|Кремлёвское дело, 1935 · версия данных [\w.]+"
    r"|стр\. \d+ из \d+|напечатано \d+ \w+ \d{4}( г\.)?"
)


def _body_lines(text: str) -> list[str]:
    """A page's text lines without the running header (first line) and the footer."""
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.strip())
    body = [_FOOTER.sub("", line).strip() for line in lines[header + 1 :]]
    return [line for line in body if line]


Printed = Callable[[Ref | None, str], list[str]]


@pytest.fixture(scope="module")
def printed(archive: Archive, qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """Each page's text of a dossier printed in a size, in the current language: printed once
    for all the tests that read it."""
    from db import i18n

    service = DossierService(archive, today=lambda: PRINT_DATE)
    folder = tmp_path_factory.mktemp("printed")
    pages: dict[tuple[Ref | None, str, str], list[str]] = {}

    def texts(ref: Ref | None, size: str) -> list[str]:
        key = (ref, size, i18n.language())
        if key not in pages:
            path = folder / f"{ref.id if ref else 'case'}-{size}-{key[2]}.pdf"
            service.write_pdf(ref, path, size)
            pages[key] = pdf_page_texts(path)
            assert len(pages[key]) >= 2
        return pages[key]

    return texts


@pytest.mark.parametrize("size", ["A4", "Letter"])
@pytest.mark.parametrize("ref", REFS, ids=lambda r: r.id if r else "case")
def test_no_line_is_printed_on_both_sides_of_a_break(
    dossier_service: DossierService, printed: Printed, ref: Ref | None, size: str
) -> None:
    pages = printed(ref, size)
    for page in range(1, len(pages)):
        before = _body_lines(pages[page - 1])[-4:]
        after = _body_lines(pages[page])[:4]
        # A table's header row is repeated on purpose; any other line must not be.
        repeated = [line for line in after if line in before and len(line) > 25]
        assert repeated == [], f"page {page} → {page + 1}"


@pytest.mark.parametrize("size", ["A4", "Letter"])
@pytest.mark.parametrize("ref", REFS, ids=lambda r: r.id if r else "case")
def test_no_heading_ends_a_page(
    dossier_service: DossierService, printed: Printed, ref: Ref | None, size: str
) -> None:
    _, page_html = dossier_service.html_for(ref) if ref else dossier_service.case_html()
    headings = {
        html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
        for h in re.findall(r"<h[2-4][^>]*>(.*?)</h[2-4]>", page_html)
    }
    pages = printed(ref, size)
    for page in range(1, len(pages)):
        last = _body_lines(pages[page - 1])[-1]
        assert last not in headings, f"page {page} ends with the heading {last!r}"


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("size", ["A4", "Letter"])
@pytest.mark.parametrize("ref", REFS[:3], ids=lambda r: r.id)
def test_no_figure_is_parted_from_its_caption(
    dossier_service: DossierService, printed: Printed, ref: Ref, size: str, lang: str
) -> None:
    """A figure whose caption would go overleaf, even in part, goes overleaf with it (and
    its heading): a page never opens with a caption's words."""
    from app.language import apply

    apply(lang)
    try:
        _, page_html = dossier_service.html_for(ref, {})  # with its figures, as printed
        pages = printed(ref, size)
    finally:
        apply("en")
    captions = [
        "".join(html.unescape(c).split())
        for c in re.findall(r"<p class='note' align='center'>(.*?)</p>", page_html)
    ]
    assert captions
    for page in range(1, len(pages)):
        first = "".join(_body_lines(pages[page])[0].split())
        parted = len(first) >= 15 and any(first in c for c in captions)  # not a heading
        assert not parted, f"page {page + 1} opens with {first!r}"


@pytest.mark.parametrize("ref", [Ref("person", "kamenev-lev"), None], ids=["kamenev", "case"])
def test_russian_pages_break_cleanly(
    dossier_service: DossierService, printed: Printed, ref: Ref | None, russian: None
) -> None:
    """Russian words are longer and wider: the breaks are mended all the same."""
    _, page_html = dossier_service.html_for(ref) if ref else dossier_service.case_html()
    headings = {
        html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
        for h in re.findall(r"<h[2-4][^>]*>(.*?)</h[2-4]>", page_html)
    }
    pages = printed(ref, "A4")
    for page in range(1, len(pages)):
        before = _body_lines(pages[page - 1])
        after = _body_lines(pages[page])
        assert before[-1] not in headings, f"page {page} ends with the heading {before[-1]!r}"
        repeated = [line for line in after[:4] if line in before[-4:] and len(line) > 25]
        assert repeated == [], f"page {page} → {page + 1}"


def _all_refs() -> list[Ref]:
    from app import resources
    from db import listing, open_archive

    archive = open_archive(resources.bundled_archive())
    try:
        with archive.connect() as conn:
            refs = []
            for kind, spec in (("person", listing.PEOPLE), ("event", listing.EVENTS)):
                total = listing.count(conn, spec, listing.ListQuery())
                refs += [
                    Ref(kind, row.id)
                    for row in listing.page(conn, spec, listing.ListQuery(), 0, total, total)
                ]
    finally:
        archive.close()
    return refs


@pytest.mark.parametrize(
    "size",
    # Every dossier of the archive twice is a campaign: A4 by default, Letter with the slow ones
    # (the sample tests above print Letter on every run).
    ["A4", pytest.param("Letter", marks=pytest.mark.slow)],
)
def test_every_person_and_event_dossier_prints_whole(
    dossier_service: DossierService, tmp_path: Path, size: str
) -> None:
    """The page-break mending changes the layout: nothing may go missing on any dossier.

    (A table margin once made Qt skip everything after a moved heading: headings, the
    timeline and the sources list were simply not drawn.)
    """
    for ref in _all_refs():
        _, page_html = dossier_service.html_for(ref)
        headings = [html.unescape(h) for h in re.findall(r"<h2>(.*?)</h2>", page_html)]
        listed = page_html.split('<ol class="sources">', 1)[1].split("</ol>", 1)[0]
        sources = [html.unescape(s) for s in re.findall(r"<li>(.*?)</li>", listed)]
        path = tmp_path / f"{ref.id}-{size}.pdf"
        dossier_service.write_pdf(ref, path, size)
        text = pdf_text(path)  # one pdftotext run, pages apart by form feeds
        _assert_every_word_printed(ref, page_html, text)
        # Compared without spaces and hyphens: lines wrap (and pdftotext joins "a-\nb" as "ab").
        squeezed = "".join(text.split()).replace("-", "")
        missing = [h for h in headings if "".join(h.split()).replace("-", "") not in squeezed]
        assert missing == [], f"{ref.id}: headings not printed: {missing}"
        # The last entry may break across pages (a running footer between its halves).
        last = "".join(sources[-1].split()).replace("-", "")
        assert last[:24] in squeezed and last[-12:] in squeezed, f"{ref.id}: last source missing"
        assert len(re.findall(r"^\s*\d+\.\s", text, re.M)) >= len(sources), ref.id


def _words(text: str) -> Counter[str]:
    # Hyphens dropped (pdftotext joins "a-" + "b" at a line end as "ab"); very long tokens
    # (addresses) may be wrapped anywhere and are left out.
    # Letters and digits apart: a note marker ("unknown" + "1") may or may not touch its word.
    return Counter(
        w for w in re.findall(r"[^\W\d_]+|\d+", text.replace("-", "").casefold()) if len(w) <= 30
    )


def _assert_every_word_printed(ref: Ref, page_html: str, text: str) -> None:
    """Every word of the laid-out dossier (``page_html``) is in the PDF's ``text`` as often as
    in the dossier."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(page_html)
    pages = [p for p in text.split("\f") if p.strip()]
    body = "\n".join("\n".join(_body_lines(p)) for p in pages)
    short = _words(doc.toPlainText()) - _words(body)
    # A word hyphenated across a page break comes out of pdftotext as two words.
    squeezed = "".join(body.replace("-", "").casefold().split())
    short = Counter({w: n for w, n in short.items() if w not in squeezed})
    assert not short, f"{ref.id}: words missing from the PDF: {dict(short.most_common(8))}"


# -- running header and footer -------------------------------------------------------------

DECOR = PageDecor(
    "Person dossier: X",
    "The Kremlin Affair, 1935",
    "2026.12.1",
    date(2026, 1, 2),
    "Кремлёвское дело, 1935",
)


def test_the_footer_reads_in_english() -> None:
    assert DECOR.footer_left() == "The Kremlin Affair, 1935 · data version 2026.12.1"
    assert DECOR.footer_right() == "printed 2 January 2026"
    assert page_number(3, 7) == "page 3 of 7"


def test_the_footer_reads_in_russian_with_the_russian_title(russian: None) -> None:
    assert DECOR.footer_left() == "Кремлёвское дело, 1935 · версия данных 2026.12.1"
    assert DECOR.footer_right() == f"напечатано {vocab.format_date('2026-01-02', 'day')}"
    assert "2 января 2026" in DECOR.footer_right()
    assert page_number(3, 7) == "стр. 3 из 7"


def test_an_archive_without_a_russian_title_keeps_its_own(russian: None) -> None:
    plain = PageDecor("t", "Other archive", "1", date(2026, 1, 2))
    assert plain.footer_left() == "Other archive · версия данных 1"


#: The least room between a hanging label and its value, in CSS pixels.
LABEL_GAP_PX = 6


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_label_put_beside_its_value_fits_the_column_in_the_print_face(
    dossier_service: DossierService, lang: str, tmp_path: Path
) -> None:
    """A label the rows measure as fitting (a tab before its value) is narrower than the hanging
    column in the real print face, with a gap; a wider one would push its value to the next tab
    stop, out of line."""
    from PySide6.QtGui import QFont, QFontMetricsF, QPdfWriter

    from app.language import apply
    from app.pages.markup import ROW_INDENT_PX
    from app.printing.fonts import print_family

    writer = QPdfWriter(str(tmp_path / "metrics.pdf"))
    writer.setResolution(96)  # CSS pixels
    metrics = {}
    for css, points in (("label", 8.5), ("stagelabel", 9.0)):  # their sizes in dossier.css
        face = QFont(print_family())
        face.setPointSizeF(points)
        metrics[css] = QFontMetricsF(face, writer)
    apply(lang)
    try:
        labels: set[tuple[str, str]] = set()
        for ref in [*REFS, Ref("person", "yagoda-genrikh")]:
            _, page_html = dossier_service.html_for(ref) if ref else dossier_service.case_html()
            found = re.findall(r'<span class="(\w+)">((?:(?!</span>).)*)</span>\t', page_html)
            labels |= {(css, html.unescape(re.sub("<[^>]+>", "", text))) for css, text in found}
    finally:
        apply("en")
    assert {css for css, _ in labels} == set(metrics)
    assert len(labels) > 20
    too_wide = {
        label: round(metrics[css].horizontalAdvance(label))
        for css, label in labels
        if metrics[css].horizontalAdvance(label) > ROW_INDENT_PX - LABEL_GAP_PX
    }
    assert too_wide == {}
