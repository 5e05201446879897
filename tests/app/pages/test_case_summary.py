"""The case summary page: overview counts, published totals beside the people named, tallies,
outcome table (and chart slot), timeline, convicts — and footnotes that point at the right source.

Built from the bundled archive's own DTOs (the same queries the dossier service runs); the
page is read back with :mod:`html.parser`.  Counts are compared with plain SQL on the file.
"""

# The ``russian`` fixture is imported, so test parameters "redefine" the import.
# ruff: noqa: F811

from __future__ import annotations

import dataclasses
import re
import sqlite3

import pytest

from app.pages import case_summary
from app.pages.case_summary import CHART_HEIGHT, CHART_URL, CHART_WIDTH, CaseData, case_html
from db import Archive, listing, queries
from db.dto import EventRow
from db.vocab import TRIBUNALS
from tests.app.pages.html_tree import Element, parse
from tests.app.pages.imports import qt_imports
from tests.app.pages.russian import (
    cyrillic_left,
    latin_left,
    russian,  # noqa: F401 (fixture)
    shown_data,
    text_nodes,
)
from tests.conftest import BUNDLED

CSS = "body { font-size: 10pt; }"
HOSTILE = '<img src=x> "q" &amp;'
SHOWN_EVENTS = 10
CONVICTS = ("kamenev-lev", "sinelobov-alexei", "mukhanova-ekaterina")


@pytest.fixture(scope="module")
def data(archive: Archive) -> CaseData:
    """The case data of the bundled archive: 10 of its events and 3 of its convicts."""
    with archive.connect() as conn:
        tallies = queries.tallies(conn)
        total = listing.count(conn, listing.EVENTS, listing.ListQuery())
        rows = listing.page(conn, listing.EVENTS, listing.ListQuery("date"), 0, SHOWN_EVENTS, total)
        facts = queries.facts(conn, "event", [r.id for r in rows], ("record", "date"))
        convicts = [queries.person_detail(conn, p) for p in CONVICTS]
        outcomes = queries.outcome_counts(conn)
    by_tribunal = _sql("SELECT tribunal, count(*) FROM person WHERE tribunal != 'none' GROUP BY 1")
    return CaseData(
        title=archive.info.title,
        title_ru=archive.info.meta.get("title_ru"),
        counts=archive.info.counts,
        tallies=tallies,
        outcomes=outcomes,
        events=[(r, facts[r.id]) for r in rows if isinstance(r, EventRow)],
        events_total=total,
        convicts=[c for c in convicts if c is not None],
        convicts_by_tribunal=dict(by_tribunal),
        sources={t.source.ref.id: t.source for t in tallies},
    )


def _sql(query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute(query).fetchall()


def _page(data: CaseData) -> Element:
    return parse(case_html(data, CSS)[1])


@pytest.fixture(scope="module")
def tree(data: CaseData) -> Element:
    return _page(data)


def _sources(tree: Element) -> list[str]:
    """Labels of the numbered sources list, in order (note n is entry n - 1)."""
    return [li.text() for li in tree.find("ol", cls="sources").all("li")]


def _marks(cell: Element) -> list[int]:
    """Note numbers of every marker in ``cell``."""
    out: list[int] = []
    for sup in cell.all("sup", cls="fn"):
        for part in sup.text().replace("\xa0", " ").split(", "):
            first, _, last = part.partition("–")
            out.extend(range(int(first), int(last or first) + 1))
    return out


def _body_rows(table: Element) -> list[list[Element]]:
    head = table.find("thead").all("tr")
    return [tr.all("td") for tr in table.all("tr") if tr not in head]


def test_title_and_headings_name_the_case(data: CaseData, tree: Element) -> None:
    title, _ = case_html(data, CSS)
    assert title == "The Kremlin Affair, 1935 — case summary"
    assert tree.find("title").text() == title
    assert tree.find("h1").text() == "The Kremlin Affair, 1935"
    assert tree.find("p", cls="cyr").text() == "Кремлёвское дело, 1935"
    assert [h.text() for h in tree.all("h2")][:2] == ["Overview", "Published tallies"]


def test_overview_counts_equal_the_tables(tree: Element) -> None:
    counts = {
        label: _sql(f"SELECT count(*) FROM {table}")[0][0]
        for label, table in [
            ("people", "person"),
            ("events", "event"),
            ("case-file documents", "document"),
            ("sources", "source"),
            ("sourced claims", "claim"),
            ("published tallies", "tally"),
        ]
    }
    overview = tree.section("Overview").find("table")
    assert overview.rows() == [["In this archive", "Count"]] + [
        [label, f"{n:,}"] for label, n in counts.items()
    ]


def test_counts_missing_from_the_archive_info_are_left_out(data: CaseData) -> None:
    page = _page(dataclasses.replace(data, counts={"person": 1234}))
    assert page.section("Overview").find("table").rows() == [
        ["In this archive", "Count"],
        ["people", "1,234"],
    ]


def test_published_totals_stand_beside_the_people_named(data: CaseData, tree: Element) -> None:
    table = tree.section("Overview").all("table")[1]
    rows = {r[0]: r for r in table.rows()[1:]}
    for tribunal, n in data.convicts_by_tribunal.items():
        assert rows[TRIBUNALS[tribunal]][2] == f"{n:,}"
    assert rows["all tribunals"][2] == f"{sum(data.convicts_by_tribunal.values()):,}"
    totals = [t for t in data.tallies if t.category == "total" and t.tribunal == "all"]
    assert rows["all tribunals"][1].startswith(str(totals[0].count))


def test_a_tribunal_without_a_published_total_says_so(data: CaseData) -> None:
    page = _page(dataclasses.replace(data, convicts_by_tribunal={"nkvd-troika": 4}))
    rows = {r[0]: r[1:] for r in page.section("Overview").all("table")[1].rows()}
    assert rows["NKVD troika"] == ["no published total", "4"]


def test_every_tally_has_one_row_citing_its_own_source(data: CaseData, tree: Element) -> None:
    table = tree.section("Published tallies").find("table")
    rows = _body_rows(table)
    sources = _sources(tree)
    assert len(rows) == len(data.tallies) == _sql("SELECT count(*) FROM tally")[0][0]
    for tally, cells in zip(data.tallies, rows, strict=True):
        shown = "not visible" if tally.count is None else str(tally.count)
        assert cells[2].text() == shown
        assert cells[1].text().startswith(tally.label)
        assert "fnum" in cells[3].classes
        assert [sources[int(n) - 1] for n in cells[3].text().split(", ")] == [tally.source.label]


def test_outcome_table_has_one_row_per_bar_pair(data: CaseData, tree: Element) -> None:
    rows = _body_rows(tree.section("How the sentences fell").find("table"))
    sources = _sources(tree)
    assert len(rows) == len(data.outcomes)
    for outcome, cells in zip(data.outcomes, rows, strict=True):
        assert cells[0].text() == TRIBUNALS[outcome.tribunal]
        assert cells[3].text() == f"{outcome.named:,}"
        if outcome.published is None:
            assert cells[2].text() == "—"
        else:
            assert cells[2].find("span", cls="em").text() == str(outcome.published)
            assert [sources[n - 1] for n in _marks(cells[2])] == [
                data.sources[s].label for s, _ in outcome.published_by
            ]


def test_the_chart_slot_is_there_only_when_asked_for(data: CaseData, tree: Element) -> None:
    img = tree.section("How the sentences fell").find("img")
    assert img.attrs == {"src": CHART_URL, "width": str(CHART_WIDTH), "height": str(CHART_HEIGHT)}
    without = _page(dataclasses.replace(data, with_chart=False))
    assert without.all("img") == []


def test_timeline_lists_the_events_shown_and_counts_the_rest(data: CaseData, tree: Element) -> None:
    section = tree.section("Timeline of events")
    lines = section.all("p", cls="dated")
    assert [p.text().split("\t")[0] for p in lines] == [e.date for e, _ in data.events]
    more = data.events_total - SHOWN_EVENTS
    assert (
        section.find("p", cls="muted").text() == f"… and {more} more events (see the Events pane)."
    )


@pytest.mark.parametrize(
    ("people", "words"),
    [(0, ""), (1, " — 1 person of the archive"), (1234, " — 1,234 people of the archive")],
)
def test_timeline_counts_the_people_of_an_event(data: CaseData, people: int, words: str) -> None:
    row, facts = data.events[0]
    event = dataclasses.replace(row, people=people, title="Arrest")
    page = _page(dataclasses.replace(data, events=[(event, facts)], events_total=1))
    line = page.section("Timeline of events").find("p", cls="dated")
    assert re.sub(r"[\d,\xa0–]+$", "", line.text()) == f"{row.date}\tArrest{words}"
    assert page.section("Timeline of events").all("p", cls="muted") == []


def test_timeline_cites_each_event_by_its_sources(data: CaseData, tree: Element) -> None:
    lines = tree.section("Timeline of events").all("p", cls="dated")
    sources = _sources(tree)
    for (_, facts), line in zip(data.events, lines, strict=True):
        date = facts.field("date")
        cited = {c.source.label for c in (*facts.sources, *(date.claims if date else ()))}
        assert {sources[n - 1] for n in _marks(line)} == cited


def test_convicts_table_counts_every_convict_and_lists_the_first(
    data: CaseData, tree: Element
) -> None:
    total = _sql("SELECT count(*) FROM person WHERE tribunal != 'none'")[0][0]
    heading = [h.text() for h in tree.all("h2") if h.text().startswith("Convicts")]
    assert heading == [f"Convicts named in the archive ({total})"]
    section = tree.section("Convicts named")
    assert [r[0] for r in section.find("table").rows()[1:]] == [p.name_en for p in data.convicts]
    assert section.find("p", cls="muted").text() == (
        f"… and {total - len(CONVICTS)} more (see the People pane)."
    )


def test_every_note_marker_points_into_the_sources_list(tree: Element) -> None:
    cited = set(_marks(tree))
    cited |= {
        int(n)
        for td in tree.all("td", cls="fnum")
        for n in td.text().split(", ")
        if n  # a tally table cell: plain numbers
    }
    assert cited == set(range(1, len(_sources(tree)) + 1))


def test_archive_text_shows_literally(data: CaseData) -> None:
    tally = dataclasses.replace(data.tallies[0], label=HOSTILE, note=HOSTILE)
    event, facts = data.events[0]
    page = _page(
        dataclasses.replace(
            data,
            title=HOSTILE,
            title_ru=HOSTILE,
            tallies=[tally],
            events=[(dataclasses.replace(event, title=HOSTILE), facts)],
            with_chart=False,
        )
    )
    assert page.all("img") == []
    assert page.find("h1").text() == HOSTILE and page.find("p", cls="cyr").text() == HOSTILE
    assert page.find("title").text() == f"{HOSTILE} — case summary"
    tally_row = _body_rows(page.section("Published tallies").find("table"))[0]
    assert tally_row[1].text() == f"{HOSTILE}\n{HOSTILE}"
    assert HOSTILE in page.section("Timeline of events").text()


def test_the_module_imports_no_qt() -> None:
    assert qt_imports(case_summary) == []


# -- in Russian ----------------------------------------------------------------------------


def _case_data(archive: Archive) -> tuple[CaseData, set[str]]:
    """The case data read in the language now in use, and the data its page may show."""
    with archive.connect() as conn:
        tallies = queries.tallies(conn)
        total = listing.count(conn, listing.EVENTS, listing.ListQuery())
        rows = listing.page(conn, listing.EVENTS, listing.ListQuery("date"), 0, SHOWN_EVENTS, total)
        facts = queries.facts(conn, "event", [r.id for r in rows], ("record", "date"))
        convicts = [c for p in CONVICTS if (c := queries.person_detail(conn, p)) is not None]
        outcomes = queries.outcome_counts(conn)
    by_tribunal = _sql("SELECT tribunal, count(*) FROM person WHERE tribunal != 'none' GROUP BY 1")
    data = CaseData(
        title=archive.info.title,
        title_ru=archive.info.meta.get("title_ru"),
        counts=archive.info.counts,
        tallies=tallies,
        outcomes=outcomes,
        events=[(r, facts[r.id]) for r in rows if isinstance(r, EventRow)],
        events_total=total,
        convicts=convicts,
        convicts_by_tribunal=dict(by_tribunal),
        sources={t.source.ref.id: t.source for t in tallies},
    )
    shown = shown_data(data.title, data.title_ru, tallies, outcomes, rows, facts, convicts)
    return data, shown


def test_the_russian_case_summary_has_no_english_words_of_its_own(
    archive: Archive, russian: None
) -> None:
    data, shown = _case_data(archive)
    assert latin_left(text_nodes(case_html(data, CSS)[1]), shown) == []


def test_the_english_case_summary_has_no_russian_words_of_its_own(archive: Archive) -> None:
    data, shown = _case_data(archive)
    assert cyrillic_left(text_nodes(case_html(data, CSS)[1]), shown) == ""


def test_the_russian_case_summary_heads_with_the_russian_title(
    archive: Archive, russian: None
) -> None:
    data, _ = _case_data(archive)
    title, html = case_html(data, CSS)
    tree = parse(html)
    assert title == "Кремлёвское дело, 1935 — сводка по делу"
    assert tree.find("h1").text() == "Кремлёвское дело, 1935"
    assert tree.find("p", cls="cyr").text() == "The Kremlin Affair, 1935"
    assert [h.text() for h in tree.all("h2")][:2] == ["Обзор", "Опубликованные подсчёты"]
    overview = tree.section("Обзор").find("table").rows()
    assert overview[0] == ["В архиве", "Число"] and overview[1][0] == "люди"
    convicts = tree.section("Осуждённые, названные в архиве").find("table")
    assert convicts.rows()[0][:2] == ["Имя", "Имя (латиница)"]
    assert [r[0] for r in convicts.rows()[1:]] == [p.name_ru for p in data.convicts]


def test_the_english_convicts_table_names_its_columns_in_english(tree: Element) -> None:
    table = tree.section("Convicts named").find("table")
    assert table.rows()[0][:2] == ["Name", "Name (Cyrillic)"]


#: Russian plural forms: 1, 2–4 and 22–24, 5–20 and 25–30 …
PLURALS = [(1, 0), (2, 1), (5, 2), (11, 2), (21, 0), (22, 1), (25, 2)]


@pytest.mark.parametrize(("n", "form"), PLURALS)
def test_the_timeline_counts_people_and_events_in_russian(
    data: CaseData, russian: None, n: int, form: int
) -> None:
    row, facts = data.events[0]
    event = dataclasses.replace(row, people=n, title="Arrest")
    page = _page(dataclasses.replace(data, events=[(event, facts)], events_total=1 + n))
    section = page.section("Хронология событий")
    people = ("человек", "человека", "человек")[form]
    events = ("событие", "события", "событий")[form]
    assert f"Arrest — в архиве {n} {people}" in section.find("p", cls="dated").text()
    assert section.find("p", cls="muted").text() == (
        f"… и ещё {n} {events} (см. панель «События»)."
    )
