"""Dossier HTML (no Qt needed): structure of the case, footnotes, conflicts, escaping."""

# The ``russian`` fixture is imported, so test parameters "redefine" the import.
# ruff: noqa: F811

from __future__ import annotations

import dataclasses
import re

import pytest

from app.pages import dossier
from app.pages.markup import esc
from db import Archive, queries
from db.dto import ClaimDTO, Facts, PersonDetail, Ref, SourceDetail
from tests.app.pages.imports import qt_imports
from tests.app.pages.russian import (
    cyrillic_left,
    latin_left,
    russian,  # noqa: F401 (fixture)
    shown_data,
    text_nodes,
)

CSS = "body { }"


def _person(archive: Archive, person_id: str) -> PersonDetail:
    with archive.connect() as conn:
        detail = queries.person_detail(conn, person_id)
    assert detail is not None
    return detail


def _html(archive: Archive, person_id: str) -> str:
    return dossier.person_html(_person(archive, person_id), CSS)[1]


def test_the_module_imports_no_qt() -> None:
    assert qt_imports(dossier) == []


def test_person_dossier_names_both_scripts_and_the_case_chain(archive: Archive) -> None:
    html = _html(archive, "sinelobov-alexei")
    for text in (
        "Alexei Sinelobov",
        "Синелобов Алексей Иванович",
        "Arrest",
        "Charges",
        "1935 verdict",
        "Military Collegium",
        "Commutation",
        "10 years prison",
        "Later fate",
        "Conflicting claims",
        "Relations",
        "Timeline",
        "Documents naming this person",
        "Sources",
    ):
        assert text in html, text


#: Fact rows of a person dossier and the claim field behind each (None: no field of its own).
ROW_FIELDS = {
    "Name (Latin)": None,
    "Name (Cyrillic)": None,
    "Also written": None,
    "Life dates": None,
    "Sex": None,
    "Role in the case": None,
    "Nationality": "nationality",
    "Occupation": "occupation",
    "Organisation": "organisation",
    "Date of death": "death_date",
    "Later fate": "later_fate",
}


def _rows(html: str) -> dict[str, str]:
    """Label → the row's HTML, for the hanging fact rows (key facts and the case chain)."""
    out = {}
    for row in re.findall(r'<p class="(?:row|stage)">(.*?)</p>', html):
        label = re.match(r'<span class="[a-z]*label">([^<]*)</span>', row)
        assert label is not None
        out[label.group(1)] = row
    return out


def _listed(html: str) -> list[str]:
    """The numbered sources list: entry n - 1 is note n (label, then locator)."""
    items = html.split('<ol class="sources">', 1)[1].split("</ol>", 1)[0]
    return re.findall(r"<li>(.*?)</li>", items)


def _numbers(text: str) -> set[int]:
    out: set[int] = set()
    for part in text.replace("&nbsp;", " ").split(", "):
        first, _, last = part.partition("–")
        out.update(range(int(first), int(last or first) + 1))
    return out


def _cited(row: str) -> set[int]:
    return {
        n for marks in re.findall(r'<sup class="fn">([^<]*)</sup>', row) for n in _numbers(marks)
    }


def _entry(claim: ClaimDTO) -> str:
    return esc(claim.source.label) + (f", {esc(claim.locator)}" if claim.locator else "")


def _people(archive: Archive) -> list[PersonDetail]:
    with archive.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM person ORDER BY pk")]
        return [d for i in ids if (d := queries.person_detail(conn, i)) is not None]


def test_facts_without_claims_of_their_own_carry_no_marker(archive: Archive) -> None:
    for person in _people(archive):
        html = dossier.person_html(person, CSS)[1]
        for label, row in _rows(html).items():
            field = ROW_FIELDS.get(label, "?")
            if field is None or (field != "?" and person.facts.field(field) is None):
                assert _cited(row) == set(), (person.id, label)


def test_a_marked_fact_cites_only_the_claims_about_it(archive: Archive) -> None:
    marked = 0
    for person in _people(archive):
        html = dossier.person_html(person, CSS)[1]
        listed = _listed(html)
        for label, row in _rows(html).items():
            field = ROW_FIELDS.get(label)
            fc = person.facts.field(field) if field else None
            if fc is None or not _cited(row):
                continue
            marked += 1
            assert {listed[n - 1] for n in _cited(row)} <= {_entry(c) for c in fc.claims}
    assert marked >= 3


def test_markers_differ_from_line_to_line_and_match_each_fact(archive: Archive) -> None:
    person = _person(archive, "sinelobov-alexei")
    html = dossier.person_html(person, CSS)[1]
    rows, listed = _rows(html), _listed(html)
    occupation = person.facts.field("occupation")
    assert occupation is not None and person.occupation is not None
    shown = person.occupation.strip().casefold()
    same = [c for c in occupation.claims if shown.startswith((c.value or "?").strip().casefold())]
    assert same  # the record's value is (or begins with) what these sources claim
    assert {listed[n - 1] for n in _cited(rows["Occupation"])} == {_entry(c) for c in same}
    verdict = person.sentences[0]
    kind = verdict.facts.field("kind")
    expected = kind.claims if kind else ()
    assert {listed[n - 1] for n in _cited(rows["1935 verdict"])} == {
        _entry(c) for c in (*expected, *_dates(verdict.facts))
    }
    assert _cited(rows["Occupation"]) != _cited(rows["1935 verdict"])
    assert _cited(rows["Sex"]) == _cited(rows["Name (Latin)"]) == set()


def _dates(facts: Facts) -> tuple[ClaimDTO, ...]:
    fc = facts.field("date")
    tribunal = facts.field("tribunal")
    years = facts.field("years")
    return tuple(c for f in (fc, tribunal, years) if f for c in f.claims)


def test_the_record_sources_are_named_once_in_their_own_note(archive: Archive) -> None:
    person = _person(archive, "cherniavsky-mikhail")
    html = dossier.person_html(person, CSS)[1]
    notes = re.findall(r'<p class="recsrc">(.*?)</p>', html)
    assert len(notes) == 1
    listed = _listed(html)
    numbers = _numbers(re.search(r"notes? ([\d,–\s]+)\.", notes[0]).group(1))
    assert {listed[n - 1] for n in numbers} == {_entry(c) for c in person.facts.sources}


def test_each_sentence_names_its_own_sources_once(archive: Archive) -> None:
    person = _person(archive, "sinelobov-alexei")
    html = dossier.person_html(person, CSS)[1]
    lines = re.findall(r"Sources of this sentence: notes? ([\d,–\s]+)<", html)
    assert len(lines) == sum(1 for s in person.sentences if s.facts.sources)
    listed = _listed(html)
    for sentence, line in zip(person.sentences, lines, strict=True):
        assert {listed[n - 1] for n in _numbers(line)} == {
            _entry(c) for c in sentence.facts.sources
        }


def test_no_source_id_is_printed(archive: Archive) -> None:
    html = _html(archive, "cherniavsky-mikhail")
    visible = re.sub(r'href="[^"]*"', "", html)
    with archive.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM source")]
    assert [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", visible)] == []


def test_conflicting_claims_stand_side_by_side(archive: Archive) -> None:
    html = _html(archive, "sinelobov-alexei")
    section = html.split("<h2>Conflicting claims</h2>", 1)[1].split("<h2>", 1)[0]
    fate = section.split("later fate", 1)[1].split("</table>", 1)[0]
    heads = re.findall(r"<th(?: [^>]*)?>(.*?)</th>", fate)
    assert heads == ["shot", "death sentence commuted to 10 years&#x27; imprisonment"]


def test_disputed_verdict_date_shows_both_dates(archive: Archive) -> None:
    html = _html(archive, "mukhanova-ekaterina")
    assert "27 July 1935" in html and "25 July 1935" in html
    assert "sources disagree" in html


def test_sources_list_numbers_every_cited_source(archive: Archive) -> None:
    html = _html(archive, "kamenev-lev")
    cited = _cited(html)
    for note in re.findall(r"Sources of this (?:record|sentence): notes? ([\d,–\s]+)[.<]", html):
        cited |= _numbers(note)
    sources = html.split('<ol class="sources">', 1)[1].split("</ol>", 1)[0]
    listed = set(range(1, sources.count("<li>") + 1))  # an ordered list numbers 1..n
    assert cited == listed


def test_archive_text_is_escaped(archive: Archive) -> None:
    payload = '<img src="file:///etc/passwd"><b>bold</b>'
    detail = dataclasses.replace(
        _person(archive, "sinelobov-alexei"), summary=payload, name_ru=payload
    )
    html = dossier.person_html(detail, CSS)[1]
    assert "<img" not in html and "<b>bold" not in html
    assert html.count("&lt;img src=&quot;file:///etc/passwd&quot;&gt;&lt;b&gt;bold") >= 2


def test_person_without_sentence_says_so(archive: Archive) -> None:
    html = _html(archive, "agranov-yakov")
    assert "No sentence is recorded for this person." in html


def test_event_dossier_lists_participants_with_outcomes(archive: Archive) -> None:
    with archive.connect() as conn:
        event = queries.event_detail(conn, "ev-1935-vk-verdict")
        assert event is not None
        people = {
            p.item.ref.id: d
            for p in event.participants
            if (d := queries.person_detail(conn, p.item.ref.id)) is not None
        }
    title, html = dossier.event_html(event, CSS, people)
    assert title == "Event dossier: Military Collegium verdict"
    assert "Participants and their outcomes" in html and "Каменев" in html
    assert "death (Military Collegium, 27 July 1935)" in html
    assert "Documents of the date" in html and "Sources" in html


# -- in Russian ----------------------------------------------------------------------------


def _person_dossier(archive: Archive, person_id: str) -> tuple[str, set[str]]:
    """A person's dossier (with its timeline and documents) and the data it may show."""
    person = _person(archive, person_id)
    with archive.connect() as conn:
        events = queries.facts(conn, "event", [e.item.ref.id for e in person.events], LINKED)
        docs = queries.facts(conn, "document", [d.item.ref.id for d in person.documents], LINKED)
    _, html = dossier.person_html(person, CSS, events, docs)
    return html, shown_data(person, events, docs)


def _event_dossier(archive: Archive) -> tuple[str, set[str]]:
    with archive.connect() as conn:
        event = queries.event_detail(conn, "ev-1935-vk-verdict")
        assert event is not None
        people = {
            p.item.ref.id: d
            for p in event.participants
            if (d := queries.person_detail(conn, p.item.ref.id)) is not None
        }
        docs = queries.facts(conn, "document", [d.item.ref.id for d in event.documents], LINKED)
    return dossier.event_html(event, CSS, people, docs)[1], shown_data(event, people, docs)


def _document_dossier(archive: Archive) -> tuple[str, set[str]]:
    with archive.connect() as conn:
        doc = queries.document_detail(conn, "doc-5077")
        assert doc is not None
        events = queries.facts(conn, "event", [e.item.ref.id for e in doc.events], LINKED)
    return dossier.document_html(doc, CSS, events)[1], shown_data(doc, events)


def _source_dossier(archive: Archive) -> tuple[str, set[str]]:
    with archive.connect() as conn:
        source = queries.detail(conn, Ref("source", "koshel-kniga87"), 2000)
    assert isinstance(source, SourceDetail)
    return dossier.source_html(source, CSS)[1], shown_data(source)


LINKED = ("record", "date")
DOSSIERS = {
    "cherniavsky": lambda a: _person_dossier(a, "cherniavsky-mikhail"),
    "yenukidze": lambda a: _person_dossier(a, "yenukidze-avel"),
    "event": _event_dossier,
    "document": _document_dossier,
    "source": _source_dossier,
}


@pytest.mark.parametrize("which", list(DOSSIERS))
def test_a_russian_dossier_has_no_english_words_of_its_own(
    archive: Archive, russian: None, which: str
) -> None:
    html, data = DOSSIERS[which](archive)
    assert latin_left(text_nodes(html), data) == []


@pytest.mark.parametrize("which", list(DOSSIERS))
def test_an_english_dossier_has_no_russian_words_of_its_own(archive: Archive, which: str) -> None:
    html, data = DOSSIERS[which](archive)
    assert cyrillic_left(text_nodes(html), data) == ""


def test_a_russian_person_dossier_names_the_person_in_cyrillic_first(
    archive: Archive, russian: None
) -> None:
    person = _person(archive, "cherniavsky-mikhail")
    title, html = dossier.person_html(person, CSS)
    assert title == f"Досье: {person.name_ru} — {person.name_en}"
    assert f"<h1>{esc(person.name_ru)}</h1>" in html
    rows = list(_rows(html))
    assert rows.index("Имя (кириллица)") < rows.index("Имя (латиница)")
    for heading in ("Основные сведения", "Дело", "Противоречивые утверждения", "Источники"):
        assert f"<h2>{heading}</h2>" in html, heading
    note = re.findall(r'<p class="recsrc">(.*?)</p>', html)[0]
    assert re.match(r"Источники этой записи: сноски \d+–\d+\. ", note)


def test_a_russian_dossier_keeps_its_footnotes_apart(archive: Archive, russian: None) -> None:
    person = _person(archive, "sinelobov-alexei")
    html = dossier.person_html(person, CSS)[1]
    lines = re.findall(r"Источники этого приговора: сноск[аи] ([\d,–\s]+)<", html)
    assert len(lines) == sum(1 for s in person.sentences if s.facts.sources)
    assert "Суд:" in html and "Приговор:" in html


#: Russian plural forms: 1, 2–4 and 22–24, 5–20 and 25–30 …
PLURALS = [(1, 0), (2, 1), (5, 2), (11, 2), (21, 0), (22, 1), (25, 2)]


@pytest.mark.parametrize(("n", "form"), PLURALS)
def test_an_event_dossier_counts_in_russian(
    archive: Archive, russian: None, n: int, form: int
) -> None:
    with archive.connect() as conn:
        event = queries.event_detail(conn, "ev-1935-vk-verdict")
    assert event is not None
    event = dataclasses.replace(
        event,
        participants=event.participants[:1] * n,
        documents=event.documents[:1],
        documents_total=1 + n,
    )
    html = dossier.event_html(event, CSS)[1]
    took = ("Участвовал {} человек", "Участвовали {} человека", "Участвовали {} человек")[form]
    more = ("документ", "документа", "документов")[form]
    assert took.format(n) in html
    assert f"… и ещё {n} {more} этого дня." in html


def test_an_event_about_an_arrest_is_not_said_to_be_the_person_s_arrest(archive: Archive) -> None:
    """Stalin is linked, as an official, to "Sinelobov arrested; protocol sent to Stalin"."""
    with archive.connect() as conn:
        d = queries.person_detail(conn, "stalin-joseph")
    assert d is not None
    _title, html = dossier.person_html(d, "")
    assert "An event that speaks of arrests" in html and "(this person in it: official)" in html
    assert "Event: " not in html
