"""Benchmark (a script, not a test): dossier PDFs against the bare QTextDocument → PDF floor.

Run: ``.venv/bin/python tests/bench_dossier.py [--runs N]``.

Measured in one process, interleaved:

* **ours**: ``DossierService.write_pdf`` — queries, HTML, layout, painted pages with header and
  footer, PDF in memory, verified write (temp file, fsync, read back, ``os.replace``);
* **floor**: plain text of the *same page count* in a ``QTextDocument`` printed with
  ``QTextDocument.print_`` to a ``QPrinter`` in PDF mode (Qt writes the file itself; no
  queries, no headers, no verification);
* **same HTML, bare** (shown beside, for the 3-page dossier): the dossier's own HTML, made
  once beforehand, printed by a bare ``QTextDocument.print_`` — what Qt alone costs for the
  same content, so the gap to ours is our queries, page decoration and verified write.

Goal: ours ≤ 1.5 × floor, for one 3-page person dossier and for all person dossiers.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QFont, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from app import resources
from app.printing import DossierService
from app.printing.pdf_file import write_pdf_file
from app.printing.printer import page_layout, pdf_bytes
from db import listing, open_archive
from db.dto import Ref

LINE = (
    "Протокол допроса Е.К. Мухановой — interrogation record of the Kremlin case, "
    "Military Collegium, 27 July 1935"
)


def _printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setOutputFileName(str(path))
    return printer


def _plain_doc(lines: int) -> QTextDocument:
    doc = QTextDocument()
    font = QFont("DejaVu Serif")
    font.setPointSizeF(9.5)
    doc.setDefaultFont(font)
    doc.setPlainText("\n".join(f"{i:5d}  {LINE}" for i in range(lines)))
    return doc


def _lines_for(pages: int, per_page: float) -> int:
    return max(1, int((pages - 0.5) * per_page))


def _lines_per_page(folder: Path) -> float:
    """Lines of plain text ``print_`` puts on one A4 page (measured once)."""
    printer = _printer(folder / "probe.pdf")
    doc = _plain_doc(2000)
    # What print_() does: lay the text out on the printer's page (less its 2 cm margins).
    doc.documentLayout().setPaintDevice(printer)
    rect = printer.pageLayout().paintRectPixels(printer.resolution())
    margin = 2 / 2.54 * printer.resolution()
    doc.setPageSize(QSizeF(rect.width() - 2 * margin, rect.height() - 2 * margin))
    return 2000 / doc.pageCount()


def floor_pdf(pages: int, per_page: float, path: Path) -> int:
    """The floor: plain text of ``pages`` pages printed to PDF by Qt alone."""
    doc = _plain_doc(_lines_for(pages, per_page))
    printer = _printer(path)
    doc.print_(printer)
    return pages


def floor_person_pdf(conn: sqlite3.Connection, person_id: str, path: Path) -> None:
    """The same work as a person's dossier, the simplest way: its facts read with ``sqlite3``
    (the person, name forms, sentences, relations, events, documents, every claim with its
    source), one line each in a plain-text ``QTextDocument``; the dossier's two figures drawn
    plainly below the text (its dated marks on a line of years; the people it is related to on
    a circle around it); the PDF written to a temporary file, synced and renamed, as any file
    the app writes must be — no tables, no running header or footer, no reading back."""
    p = conn.execute(
        "SELECT pk, id, name_en, name_ru, sex, birth_year, death_year, nationality, occupation, "
        "organisation, role, summary, later_fate FROM person WHERE id = ?",
        (person_id,),
    ).fetchone()
    pk = p[0]
    names = conn.execute(
        "SELECT name, script, kind, note FROM person_name WHERE person_pk = ?", (pk,)
    ).fetchall()
    sentences = conn.execute(
        "SELECT id, stage, tribunal, date, kind, years, notes FROM sentence WHERE person_pk = ? "
        "ORDER BY pk",
        (pk,),
    ).fetchall()
    relations = [
        *conn.execute(
            "SELECT r.id, r.relation, r.note, o.name_en FROM relation r "
            "JOIN person o ON o.pk = r.related_pk WHERE r.person_pk = ?",
            (pk,),
        ),
        *conn.execute(
            "SELECT r.id, r.relation, r.note, o.name_en FROM relation r "
            "JOIN person o ON o.pk = r.person_pk WHERE r.related_pk = ?",
            (pk,),
        ),
    ]
    events = conn.execute(
        "SELECT e.date, e.title, ep.role FROM event_person ep JOIN event e ON e.pk = ep.event_pk "
        "WHERE ep.person_pk = ? ORDER BY e.pk LIMIT 500",
        (pk,),
    ).fetchall()
    documents = conn.execute(
        # (Each document once, in an order PostgreSQL accepts too: a DISTINCT's ORDER BY may
        # only name what it selects there.)
        "SELECT d.date, d.title FROM document d WHERE d.pk IN "
        "(SELECT document_pk FROM document_person WHERE person_pk = ?) ORDER BY d.pk LIMIT 500",
        (pk,),
    ).fetchall()
    subjects = [("person", p[1])]
    subjects += [("sentence", s[0]) for s in sentences]
    subjects += [("relation", r[0]) for r in relations]
    claims = []
    for kind, subject in subjects:
        claims += conn.execute(
            "SELECT c.field, c.value, c.locator, s.author, s.title, s.year FROM claim c "
            "JOIN source s ON s.pk = c.source_pk WHERE c.subject_kind = ? AND c.subject_id = ?",
            (kind, subject),
        ).fetchall()

    def line(*cells: object) -> str:
        return "  ".join(str(c) for c in cells if c is not None and c != "")

    lines = [p[2], p[3]]
    lines += [line(label, value) for label, value in zip(PERSON_FIELDS, p[4:], strict=True)]
    for heading, rows in (
        ("Names", names),
        ("Sentences", [s[1:] for s in sentences]),
        ("Relations", [r[1:] for r in relations]),
        ("Events", events),
        ("Documents", documents),
    ):
        lines += ["", heading, *(line(*r) for r in rows)]
    lines += ["", "Sources"]
    lines += [
        f"{n}. {line(c[0], c[1])} — {line(c[3], c[4], c[5] or 'n.d.', c[2])}"
        for n, c in enumerate(claims, 1)
    ]
    doc = _plain_doc(0)
    doc.setPlainText("\n".join(lines))
    marks = [(d, t) for d, t, *_ in events] + list(documents)
    marks += [(s[3], s[4]) for s in sentences]
    dated = [(y, str(t)) for d, t in marks if (y := _year_of(d)) is not None]
    tmp = path.with_name(path.name + ".tmp")
    printer = _printer(tmp)
    _print_with_figures(doc, printer, dated, p[2], [r[3] for r in relations])
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _year_of(date: object) -> float | None:
    """An ISO day, month or year as a fractional year (None when not a date)."""
    text = str(date or "")
    try:
        year = int(text[:4])
        month = int(text[5:7]) if len(text) >= 7 else 1
    except ValueError:
        return None
    return year + (month - 1) / 12


def _print_with_figures(
    doc: QTextDocument,
    printer: QPrinter,
    dated: list[tuple[float, str]],
    name: str,
    related: list[str],
) -> None:
    """``doc`` printed page by page (as ``print_`` lays it out), then a timeline band and, for a
    person with relations, a graph band, on the last page when they fit, else on a new one."""
    res = printer.resolution()
    rect = printer.pageLayout().paintRectPixels(res)
    margin = 2 / 2.54 * res
    width, height = rect.width() - 2 * margin, rect.height() - 2 * margin
    doc.documentLayout().setPaintDevice(printer)
    doc.setPageSize(QSizeF(width, height))
    band = height / 4
    bands = [band] if dated else []
    bands += [band * 1.5] if related else []
    painter = QPainter(printer)
    painter.setFont(doc.defaultFont())  # (the figures in the text's font: one font embedded)
    pages = doc.pageCount()
    for page in range(pages):
        if page:
            printer.newPage()
        painter.save()
        painter.translate(margin, margin - page * height)
        doc.drawContents(painter, QRectF(0, page * height, width, height))
        painter.restore()
    used = doc.documentLayout().blockBoundingRect(doc.lastBlock()).bottom() - (pages - 1) * height
    if used + sum(bands) > height:
        printer.newPage()
        used = 0.0
    top = margin + used
    if dated:
        _timeline_band(painter, QRectF(margin, top, width, band), dated)
        top += band
    if related:
        _graph_band(painter, QRectF(margin, top, width, band * 1.5), name, related)
    painter.end()


def _timeline_band(painter: QPainter, rect: QRectF, dated: list[tuple[float, str]]) -> None:
    first = min(y for y, _ in dated)
    last = max(y for y, _ in dated)
    span = max(last - first, 1.0)
    axis = rect.top() + rect.height() * 0.7
    painter.drawLine(QPointF(rect.left(), axis), QPointF(rect.right(), axis))
    for year in range(int(first), int(last) + 2):
        x = rect.left() + (year - first) / span * rect.width() * 0.8
        painter.drawLine(QPointF(x, axis), QPointF(x, axis + 20))
        painter.drawText(QPointF(x + 4, axis + 60), str(year))
    for i, (year, title) in enumerate(sorted(dated)):
        x = rect.left() + (year - first) / span * rect.width() * 0.8
        painter.drawEllipse(QPointF(x, axis), 12, 12)
        painter.drawText(QPointF(x + 16, axis - 30 - (i % 4) * 60), title[:40])


def _graph_band(painter: QPainter, rect: QRectF, name: str, related: list[str]) -> None:
    centre = rect.center()
    radius = min(rect.width(), rect.height()) * 0.38
    painter.drawText(centre, name)
    for i, other in enumerate(related):
        turn = 2 * math.pi * i / len(related) - math.pi / 2
        at = QPointF(centre.x() + radius * math.cos(turn), centre.y() + radius * math.sin(turn))
        painter.drawLine(centre, at)
        painter.drawRect(QRectF(at.x() - 8, at.y() - 8, 16, 16))
        painter.drawText(at + QPointF(12, 0), other)


def pdf_page_count(path: Path) -> int:
    """Pages of a PDF Qt wrote (its page objects are plain dictionaries)."""
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


#: The person fields the floor prints, beside their values (``p[4:]`` above).
PERSON_FIELDS = (
    "sex",
    "born",
    "died",
    "nationality",
    "occupation",
    "organisation",
    "role",
    "summary",
    "later fate",
)


def bare_html_pdf(html: str, path: Path) -> None:
    """The dossier's HTML printed by a bare ``QTextDocument.print_`` (no decoration)."""
    doc = QTextDocument()
    doc.setHtml(html)
    doc.print_(_printer(path))


def _floor_page_counts(pages: dict[str, int], per_page: float) -> dict[str, int]:
    """Page counts of the floor documents (proves the floor prints as many pages as ours)."""
    printer = _printer(Path(tempfile.gettempdir()) / "unused.pdf")
    rect = printer.pageLayout().paintRectPixels(printer.resolution())
    margin = 2 / 2.54 * printer.resolution()
    out = {}
    for pid, n in pages.items():
        doc = _plain_doc(_lines_for(n, per_page))
        doc.documentLayout().setPaintDevice(printer)
        doc.setPageSize(QSizeF(rect.width() - 2 * margin, rect.height() - 2 * margin))
        out[pid] = doc.pageCount()
    return out


def _all_ours(service: DossierService, people: list[str], out: Path) -> None:
    out.mkdir()
    for pid in people:
        service.write_pdf(Ref("person", pid), out / f"{pid}.pdf")


def _all_floor(pages: dict[str, int], per_page: float, out: Path) -> None:
    out.mkdir()
    for pid, n in pages.items():
        floor_pdf(n, per_page, out / f"{pid}.pdf")


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _breakdown(service: DossierService, people: list[str], folder: Path) -> dict[str, float]:
    """Seconds spent on all people's dossiers in each stage of ``write_pdf``."""
    stages = {"data + HTML": 0.0, "layout + paint + PDF": 0.0, "verified write": 0.0}
    layout = page_layout("A4")
    for pid in people:
        t0 = time.perf_counter()
        rendition = service.rendition(Ref("person", pid))
        t1 = time.perf_counter()
        data, _ = pdf_bytes(rendition, layout)
        t2 = time.perf_counter()
        write_pdf_file(folder / f"{pid}.pdf", data)
        t3 = time.perf_counter()
        stages["data + HTML"] += t1 - t0
        stages["layout + paint + PDF"] += t2 - t1
        stages["verified write"] += t3 - t2
    return stages


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of the single dossier")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of all dossiers")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(["bench"])  # noqa: F841
    archive = open_archive(resources.bundled_archive())
    service = DossierService(archive)
    with archive.connect() as conn:
        total = listing.count(conn, listing.PEOPLE, listing.ListQuery())
        people = [
            r.id for r in listing.page(conn, listing.PEOPLE, listing.ListQuery(), 0, total, total)
        ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        per_page = _lines_per_page(folder)
        pages = {pid: service.page_count(Ref("person", pid)) for pid in people}
        three = next(p for p in ("kamenev-lev", "mukhanova-ekaterina") if pages[p] == 3)
        floor_check = folder / "check.pdf"
        floor_pdf(3, per_page, floor_check)
        # warm both paths (fonts, imports) before timing
        service.write_pdf(Ref("person", three), folder / "warm.pdf")
        html = service.rendition(Ref("person", three)).html
        bare_html_pdf(html, folder / "bare-warm.pdf")
        ours_one, floor_one, bare_one = [], [], []
        for i in range(args.runs):
            ours_one.append(
                _time(partial(service.write_pdf, Ref("person", three), folder / f"one{i}.pdf"))
            )
            floor_one.append(_time(partial(floor_pdf, 3, per_page, folder / f"f{i}.pdf")))
            bare_one.append(_time(partial(bare_html_pdf, html, folder / f"b{i}.pdf")))
        ours_all, floor_all = [], []
        for r in range(args.rounds):
            ours_all.append(_time(partial(_all_ours, service, people, folder / f"all{r}")))
            floor_all.append(_time(partial(_all_floor, pages, per_page, folder / f"floor{r}")))
        split = folder / "split"
        split.mkdir()
        stages = _breakdown(service, people, split)
        floor_pages = _floor_page_counts(pages, per_page)
    total_pages = sum(pages.values())
    one, fone = statistics.median(ours_one), statistics.median(floor_one)
    allm, fall = statistics.median(ours_all), statistics.median(floor_all)
    bone = statistics.median(bare_one)
    print(
        f"PySide6 on {sys.platform}; {len(people)} person dossiers, {total_pages} A4 pages "
        f"(pages per dossier: min {min(pages.values())}, max {max(pages.values())}); "
        f"3-page dossier: {three}"
    )
    print(f"{'figure':<44}{'ours':>10}{'floor':>10}{'ratio':>8}")
    print(
        f"{'one 3-page person dossier → PDF (median ms)':<44}{one * 1000:>10.1f}"
        f"{fone * 1000:>10.1f}{one / fone:>8.2f}"
    )
    print(
        f"{'  same HTML, bare print_() (median ms)':<44}{'':>10}{bone * 1000:>10.1f}"
        f"{one / bone:>8.2f}"
    )
    print(
        f"{f'all {len(people)} person dossiers (median s)':<44}{allm:>10.2f}"
        f"{fall:>10.2f}{allm / fall:>8.2f}"
    )
    print(
        f"{'  per dossier (ms)':<44}{allm / len(people) * 1000:>10.1f}"
        f"{fall / len(people) * 1000:>10.1f}"
    )
    print(
        f"{'  per page (ms)':<44}{allm / total_pages * 1000:>10.1f}"
        f"{fall / total_pages * 1000:>10.1f}"
    )
    print("where the time of all dossiers goes (one more pass, same process):")
    for name, seconds in stages.items():
        print(f"  {name:<42}{seconds:>10.2f}{'':>10}{seconds / fall:>8.2f}")
    print(f"floor page counts equal ours: {floor_pages == pages}")
    print(
        f"goal ≤ 1.5 × floor: one {'met' if one / fone <= 1.5 else 'NOT met'}, "
        f"all {'met' if allm / fall <= 1.5 else 'NOT met'}"
    )
    archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
