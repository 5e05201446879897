"""Dossier PDFs read back with poppler: content, page decoration, paper sizes, fonts, escaping."""

# Fixtures are imported from conftest_dossier, so their parameters "redefine" the imports.
# ruff: noqa: F811

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.printing import DossierNotFound, DossierService
from db import Archive, queries, timeline, vocab
from db.dto import Ref
from tests.app.pages.russian import (
    ALLOWED_LATIN,
    russian,  # noqa: F401 (fixture)
    shown_data,
)
from tests.app.printing.dossier_fixtures import (
    LONG_NAME,
    LONG_OCCUPATION,
    PAYLOAD,
    PRINT_DATE,
    dossier_service,  # noqa: F401 (fixture)
    flat,
    hostile_archive,  # noqa: F401 (fixture)
    needs_poppler,
    pdf_info,
    pdf_page_size,
    pdf_page_texts,
    pdf_pages,
    pdf_text,
)

pytestmark = needs_poppler

SINELOBOV = Ref("person", "sinelobov-alexei")
MUKHANOVA = Ref("person", "mukhanova-ekaterina")


def _write(service: DossierService, ref: Ref | None, tmp_path: Path, size: str = "A4") -> Path:
    name = f"{ref.id if ref else 'case'}-{size}.pdf"
    return service.write_pdf(ref, tmp_path / name, size)


def test_person_dossier_pdf_has_both_scripts_tribunal_sentence_claims_and_sources(
    dossier_service: DossierService, tmp_path: Path
) -> None:
    text = pdf_text(_write(dossier_service, SINELOBOV, tmp_path))
    for expected in (
        "Alexei Sinelobov",
        "Синелобов Алексей Иванович",
        "Military Collegium",
        "Sentence: death",
        "10 years prison",
        "Conflicting claims",
        "Sources",
    ):
        assert expected in text, expected
    body = flat(text)
    assert flat("shot") in body
    assert flat("death sentence commuted to 10 years' imprisonment") in body
    assert re.search(r"^1\.\s*$|^1\. ", text, re.MULTILINE)  # the numbered sources list


def test_disputed_verdict_dates_both_printed(
    dossier_service: DossierService, tmp_path: Path
) -> None:
    text = pdf_text(_write(dossier_service, MUKHANOVA, tmp_path))
    assert "27 July 1935" in text and "25 July 1935" in text
    assert "Муханова Екатерина Константиновна" in text


def test_every_page_has_header_and_footer(dossier_service: DossierService, tmp_path: Path) -> None:
    path = _write(dossier_service, Ref("person", "kamenev-lev"), tmp_path)
    texts = pdf_page_texts(path)
    total = len(texts)
    assert total == pdf_pages(path) >= 2
    for page, text in enumerate(texts, 1):
        assert "Person dossier: Lev Kamenev" in text
        assert f"page {page} of {total}" in text
        assert "The Kremlin Affair, 1935 · data version" in text
        assert f"printed {PRINT_DATE.day} January 2026" in text


@pytest.mark.parametrize(("size", "points"), [("A4", (595.3, 841.9)), ("Letter", (612, 792))])
def test_paper_sizes(
    dossier_service: DossierService, tmp_path: Path, size: str, points: tuple[float, float]
) -> None:
    path = _write(dossier_service, SINELOBOV, tmp_path, size)
    width, height = pdf_page_size(path)
    assert width == pytest.approx(points[0], abs=0.5)
    assert height == pytest.approx(points[1], abs=0.5)
    assert "Синелобов" in pdf_text(path)


@pytest.mark.parametrize("ref", [SINELOBOV, None], ids=["person", "case"])
def test_one_bundled_font_is_embedded(
    dossier_service: DossierService, tmp_path: Path, ref: Ref | None
) -> None:
    path = _write(dossier_service, ref, tmp_path)
    out = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    # One face, embedded: the bundled print build (no fallback font for any character).
    assert len(out) == 1
    name, rest = out[0].split(maxsplit=1)
    assert name.endswith("DejaVuSerifPrint")
    assert " yes " in rest


def test_case_summary_has_tallies_chart_table_timeline_and_convicts(
    dossier_service: DossierService, tmp_path: Path
) -> None:
    path = _write(dossier_service, None, tmp_path)
    text = pdf_text(path)
    for expected in (
        "The Kremlin Affair, 1935",
        "Кремлёвское дело, 1935",
        "Overview",
        "Published tallies",
        "convicted in the Kremlin case (total)",
        "к расстрелу (death)",
        "Published (each source)",
        "Named in archive",
        "Timeline of events",
        "Military Collegium verdict",
        "Convicts named",
        "Sources",
    ):
        assert expected in text, expected
    assert flat("Каменев (Розенфельд) Лев Борисович") in flat(text)  # wraps in its column
    assert "110" in text
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert len(images) >= 1  # the outcome chart


def test_event_dossier_pdf(dossier_service: DossierService, tmp_path: Path) -> None:
    text = pdf_text(_write(dossier_service, Ref("event", "ev-1935-vk-verdict"), tmp_path))
    assert "Military Collegium verdict" in text and "Participants and their outcomes" in text
    assert "Lev Kamenev" in text


def test_injected_markup_prints_literally_and_loads_nothing(
    hostile_archive: Archive, qapp: QApplication, tmp_path: Path
) -> None:
    service = DossierService(hostile_archive)
    path = service.write_pdf(SINELOBOV, tmp_path / "hostile.pdf")
    assert flat(PAYLOAD) in flat(pdf_text(path))
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert images == []


def test_long_name_and_unbroken_word_wrap_inside_the_page(
    hostile_archive: Archive, qapp: QApplication, tmp_path: Path
) -> None:
    service = DossierService(hostile_archive)
    path = service.write_pdf(SINELOBOV, tmp_path / "long.pdf")
    text = flat(pdf_text(path))
    assert flat(LONG_NAME) in text and LONG_OCCUPATION in text
    width, _ = pdf_page_size(path)
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
    assert right_edges and max(right_edges) <= width - 18 / 25.4 * 72 + 1


@pytest.mark.parametrize(
    "ref",
    [
        SINELOBOV,
        Ref("event", "ev-1935-vk-verdict"),
        Ref("document", "doc-4868"),
        Ref("source", "koshel-kniga87"),
        None,
    ],
    ids=["person", "event", "document", "source", "case"],
)
def test_every_heading_reaches_the_pdf(
    dossier_service: DossierService, tmp_path: Path, ref: Ref | None
) -> None:
    html = dossier_service.html_for(ref)[1] if ref else dossier_service.case_html()[1]
    headings = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[123]>(.*?)</h[123]>", html)]
    text = flat(pdf_text(_write(dossier_service, ref, tmp_path)).replace("&amp;", "&"))
    missing = [h for h in headings if flat(h.replace("&amp;", "&")) not in text]
    assert len(headings) >= 3 and missing == []


# -- footnotes per fact, and no internal ids -------------------------------------------------

#: Printed in every dossier sample below: none may show a source's id.
PRINT_SAMPLE = [
    Ref("person", "cherniavsky-mikhail"),
    Ref("person", "kamenev-lev"),
    SINELOBOV,
    MUKHANOVA,
    Ref("person", "yenukidze-avel"),
    Ref("event", "ev-1935-vk-verdict"),
    Ref("event", "ev-1935-mukhanova-8mar"),
    Ref("event", "ev-1934-kirov"),
    Ref("document", "doc-5242"),
    Ref("document", "doc-5077"),
    Ref("document", "doc-5003"),
    Ref("source", "koshel-kniga87"),
    Ref("source", "showtrials-catalog"),
    Ref("source", "kapchenko-polbio"),
    None,
]


def _layout_text(path: Path) -> str:
    """The PDF's text in reading layout: a fact row's label, value and marker stay together."""
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _squeezed(text: str) -> str:
    # Lines wrap anywhere, and pdftotext joins "a-" + "b" at a line end as "ab".
    return "".join(text.split()).replace("-", "")


def _row_texts(page_html: str) -> list[str]:
    """The visible text of each hanging fact row, markers included, in order."""
    rows = re.findall(r'<p class="(?:row|stage)">(.*?)</p>', page_html)
    return [html.unescape(re.sub(r"<[^>]+>", "", r)) for r in rows]


@pytest.mark.parametrize("ref", [SINELOBOV, Ref("person", "yenukidze-avel")], ids=str)
def test_each_printed_fact_carries_its_own_markers(
    dossier_service: DossierService, tmp_path: Path, ref: Ref
) -> None:
    _, page_html = dossier_service.html_for(ref)
    printed = _squeezed(_layout_text(_write(dossier_service, ref, tmp_path)))
    # Each row as the page has it, markers included, and no further note number after it
    # (only a row label such as "1935 verdict" may follow with a digit).
    rows = _row_texts(page_html)
    labels = "|".join(re.escape(_squeezed(r.split("\t", 1)[0])) for r in rows)
    for row in rows:
        after = rf"(?:(?![\d,–])|(?={labels}))"
        assert re.search(re.escape(_squeezed(row)) + after, printed), row
    markers = re.findall(r'<sup class="fn">([^<]*)</sup>', page_html)
    assert len(set(markers)) >= 2  # the markers differ from line to line


def test_the_record_sources_are_printed_once_as_their_own_note(
    dossier_service: DossierService, tmp_path: Path
) -> None:
    text = _layout_text(_write(dossier_service, Ref("person", "cherniavsky-mikhail"), tmp_path))
    assert text.count("Sources of this record:") == 1
    flat = _squeezed(text)
    for label, value in (("Sex", "male"), ("Nationality", "Belarusian")):
        # No number after the value: the next row's label follows at once.
        assert re.search(re.escape(label + value) + r"[A-Z]", flat), label


@pytest.mark.parametrize("ref", PRINT_SAMPLE, ids=lambda r: "case" if r is None else r.id)
def test_no_printed_dossier_shows_a_source_id(
    dossier_service: DossierService, archive: Archive, tmp_path: Path, ref: Ref | None
) -> None:
    with archive.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM source")]
    text = pdf_text(_write(dossier_service, ref, tmp_path))
    assert len(text) > 200
    shown = [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
    assert shown == []


# -- in Russian ----------------------------------------------------------------------------

#: Dossiers printed in Russian: a person, the person with the most claims, the case summary.
RUSSIAN_SAMPLE = [Ref("person", "cherniavsky-mikhail"), Ref("person", "yenukidze-avel"), None]


def _printed_data(service: DossierService, archive: Archive, ref: Ref | None) -> set[str]:
    """What a dossier of ``ref`` may print as it is: archive data, vocabulary, the footer's."""
    info = archive.info
    extra = {info.title, info.meta.get("title_ru") or "", info.data_version}
    if ref is None:
        data = service._case_data(with_chart=False)
        with archive.connect() as conn:  # the whole-case timeline figure names its marks
            span = timeline.extent(conn)
            assert span is not None
            marks = timeline.kind_slice(conn, span[0], span[1], level="month").marks
        drawn = {m.label for m in marks} | {s.label for m in marks for s in m.sources}
        return (
            extra
            | drawn
            | shown_data(
                data.title, data.tallies, data.outcomes, data.events, data.convicts, data.sources
            )
        )
    with archive.connect() as conn:
        person = queries.person_detail(conn, ref.id)
        assert person is not None
        events = queries.facts(conn, "event", [e.item.ref.id for e in person.events])
        docs = queries.facts(conn, "document", [d.item.ref.id for d in person.documents])
    return extra | shown_data(person, events, docs)


def _foreign_words(text: str, data: set[str], script: str) -> list[str]:
    """Words of ``script`` in a PDF's text that no data string holds (lines wrap anywhere,
    so a word may be a piece of a data word; pdftotext joins "Gardin-" + "Geyer")."""
    words = set(re.findall(script, text))
    joined = "\n".join(data)
    known = set(re.findall(script, joined + joined.replace("-", ""))) | ALLOWED_LATIN
    return sorted(w for w in words if w not in known and w not in joined.replace("-", ""))


@pytest.mark.parametrize("ref", RUSSIAN_SAMPLE, ids=lambda r: "case" if r is None else r.id)
def test_a_russian_pdf_has_no_english_words_of_its_own(
    dossier_service: DossierService, archive: Archive, russian: None, tmp_path: Path, ref: Ref
) -> None:
    path = _write(dossier_service, ref, tmp_path)
    data = _printed_data(dossier_service, archive, ref)
    assert _foreign_words(pdf_text(path), data, r"[A-Za-z]+") == []
    # Longer Russian words are wrapped, never drawn past the right margin.
    width, _ = pdf_page_size(path)
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
    assert right_edges and max(right_edges) <= width - 18 / 25.4 * 72 + 1


@pytest.mark.parametrize("ref", RUSSIAN_SAMPLE, ids=lambda r: "case" if r is None else r.id)
def test_an_english_pdf_has_no_russian_words_of_its_own(
    dossier_service: DossierService, archive: Archive, tmp_path: Path, ref: Ref
) -> None:
    text = pdf_text(_write(dossier_service, ref, tmp_path))
    data = _printed_data(dossier_service, archive, ref)
    assert _foreign_words(text, data, r"[\u0400-\u04ff]+") == []


def test_every_russian_page_has_its_header_and_footer(
    dossier_service: DossierService, russian: None, tmp_path: Path
) -> None:
    path = _write(dossier_service, Ref("person", "cherniavsky-mikhail"), tmp_path)
    total = pdf_pages(path)
    title = "Досье: Чернявский Михаил Кондратьевич — Mikhail Cherniavsky"
    printed = vocab.format_date(PRINT_DATE.isoformat(), "day")
    assert total >= 2 and pdf_info(path)["Title"] == title
    texts = pdf_page_texts(path)
    assert len(texts) == total
    for page, text in enumerate(texts, 1):
        assert title in text
        assert f"стр. {page} из {total}" in text
        assert "Кремлёвское дело, 1935 · версия данных" in text
        assert f"напечатано {printed}" in text and "января 2026" in printed


def test_the_russian_case_summary_pdf_heads_with_the_russian_title(
    dossier_service: DossierService, russian: None, tmp_path: Path
) -> None:
    text = pdf_text(_write(dossier_service, None, tmp_path))
    assert text.lstrip().startswith("Кремлёвское дело, 1935 — сводка по делу")
    for expected in ("Обзор", "Опубликованные подсчёты", "Хронология событий", "Источники"):
        assert expected in text, expected


def test_a_missing_record_is_reported_in_russian(
    dossier_service: DossierService, russian: None
) -> None:
    with pytest.raises(DossierNotFound, match="в этом архиве нет записи «nobody» \\(лицо\\)"):
        dossier_service.html_for(Ref("person", "nobody"))


def test_a_person_dossier_asks_no_question_twice(qapp: QApplication) -> None:
    """The detail, the timeline and the dossier's own lists share their reads: no statement
    runs twice with the same values, and the timeline is made from the detail (its own
    queries, by date, do not run).  Every statement costs a round trip on a server.  (The
    relations graph reads the claims of every tie it draws, the person's own among them,
    which the detail has read too: that one repeat is left.)"""
    from sqlalchemy import event

    from db import open_archive
    from tests.conftest import BUNDLED

    archive = open_archive(BUNDLED)
    asked: list[tuple[str, str]] = []

    def note(_conn: object, _cursor: object, sql: str, params: object, *_rest: object) -> None:
        asked.append((sql, repr(params)))

    event.listen(archive.engine, "before_cursor_execute", note)
    try:
        service = DossierService(archive)
        for pid in ("kamenev-lev", "yenukidze-avel", "mukhanova-ekaterina"):
            asked.clear()
            rendition = service.rendition(Ref("person", pid))
            assert "timeline" in rendition.figures, pid
            repeated = {q for q in asked if asked.count(q) > 1}
            assert all("'relation'" in params for _sql, params in repeated), (pid, repeated)
            assert not [sql for sql, _ in asked if "ORDER BY event.date" in sql], pid
            assert len(asked) <= 17, (pid, len(asked))  # 23-25 before the reads were shared
    finally:
        archive.close()


def test_the_case_summary_counts_as_convicts_only_those_with_a_known_court_or_sentence(
    dossier_service: DossierService,
) -> None:
    """Unknown is not "convicted": a verdict record with neither court nor sentence (Olga
    Kameneva's: no source read names either) is said in a line of its own, not listed."""
    import sqlite3

    from tests.conftest import BUNDLED

    with sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True) as conn:
        convicted, unknown = conn.execute(
            "SELECT sum(NOT (tribunal = 'unknown' AND sentence_kind = 'unknown')),"
            " sum(tribunal = 'unknown' AND sentence_kind = 'unknown')"
            " FROM person WHERE tribunal != 'none'"
        ).fetchone()
    assert unknown > 0
    raw = dossier_service.case_html()[1]
    page = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
    assert f"Convicts named in the archive ({convicted})" in page
    assert f"Not listed: {unknown} more people of the case, whose verdict records" in page
    # the overview says where they went (the chart and stats count them as tribunal unknown)
    assert f"+ {unknown} with neither court nor sentence known" in page
    listed = page.split(f"Convicts named in the archive ({convicted})")[1]
    assert "Olga Kameneva" not in listed.split("Not listed")[0]
    # a later sentence in doubt (Sinelobov's commutation) says so where it is listed
    (row,) = re.findall(r"<tr>(?:(?!</tr>).)*Alexei Sinelobov(?:(?!</tr>).)*</tr>", raw)
    assert "confidence low" in row


def test_the_russian_case_summary_lists_convicts_in_the_cyrillic_alphabet(
    dossier_service: DossierService, russian: None
) -> None:
    raw = dossier_service.case_html()[1]
    section = raw.split("Осуждённые, названные в архиве")[1]
    rows = re.findall(r"<tr><td>(.*?)</td><td>.*?</td><td>(.*?)</td>", section)
    collegium = [html.unescape(name) for name, court in rows if "Военная коллегия" in court]
    assert len(collegium) > 5
    assert collegium == sorted(collegium, key=lambda n: n.replace("ё", "е").casefold())
