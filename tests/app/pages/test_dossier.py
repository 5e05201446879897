"""Dossier HTML (no Qt needed): structure of the case, footnotes, conflicts, escaping."""

from __future__ import annotations

import dataclasses
import re

from app.pages import dossier
from db import Archive, queries
from db.dto import PersonDetail
from tests.app.pages.imports import qt_imports

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


def test_every_key_fact_carries_a_note_marker(archive: Archive) -> None:
    html = _html(archive, "mukhanova-ekaterina")
    facts = html.split("<h2>Key facts</h2>", 1)[1].split("<h2>", 1)[0]
    rows = re.findall(r'<p class="row">.*?</p>', facts)
    assert len(rows) >= 7
    assert all('<sup class="fn">' in row for row in rows)


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
    cited = {
        int(n)
        for marks in re.findall(r'<sup class="fn">([^<]*)</sup>', html)
        for part in marks.replace("&nbsp;", " ").split(", ")
        for n in (range(int(part.split("–")[0]), int(part.split("–")[-1]) + 1))
    }
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
