"""Detail-view pages: cutting and expanding long fields, the pages of every kind of item, the
app's own link schemes only, and archive text that always shows literally.

Pages are built from the bundled archive's DTOs (edited with ``dataclasses.replace`` where a
case is missing from it) and read back with :mod:`html.parser`; the hostile-text tests also lay
the page out in Qt's rich-text engine, which is what the detail view shows.
"""

# The ``russian`` fixture is imported, so test parameters "redefine" the import.
# ruff: noqa: F811

from __future__ import annotations

import dataclasses
import html
import html.parser
import re
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication

from app.pages.detail import (
    EXPAND_STEP,
    TEXT_LIMIT,
    WORD_LIMIT,
    document_html,
    esc,
    event_html,
    external_links,
    outcome_html,
    person_html,
    renderer,
    source_html,
    welcome_html,
)
from app.pages.markup import format_value
from db import Archive, i18n, queries, vocab
from db.dto import (
    Detail,
    DocumentDetail,
    EventDetail,
    OutcomeCount,
    PersonDetail,
    Ref,
    SourceDetail,
    TallyRow,
)
from tests.app.pages.html_tree import parse
from tests.app.pages.russian import (
    cyrillic_left,
    latin_left,
    russian,  # noqa: F401 (fixture)
    shown_data,
    text_nodes,
)
from tests.hardening.richtext import anchors, images, normal, rendered

HOSTILE = "<img src=x> \"quoted\" &amp; <a href='file:///etc/passwd'>x</a>"
ITEMS = {
    "person": "sinelobov-alexei",
    "event": "ev-1935-vk-verdict",
    "document": "doc-10040",
    "source": "koshel-kniga87",
}


#: Further items by name: a person with known years, an event dated to a year only.
MORE = {"kamenev": Ref("person", "kamenev-lev"), "1988": Ref("event", "ev-1988-publication")}


@pytest.fixture(scope="module")
def items(archive: Archive) -> dict[str, Detail]:
    """The detail DTOs of :data:`ITEMS` (by kind) and :data:`MORE` (by name)."""
    refs = {kind: Ref(kind, ident) for kind, ident in ITEMS.items()} | MORE
    out: dict[str, Detail] = {}
    with archive.connect() as conn:
        for key, ref in refs.items():
            item = queries.detail(conn, ref)
            assert item is not None
            out[key] = item
    return out


@pytest.fixture(scope="module")
def tallies(archive: Archive) -> list[TallyRow]:
    with archive.connect() as conn:
        return queries.tallies(conn)


@pytest.fixture(scope="module")
def outcomes(archive: Archive) -> list[OutcomeCount]:
    with archive.connect() as conn:
        return queries.outcome_counts(conn)


def _person(items: dict[str, Detail], key: str = "person") -> PersonDetail:
    item = items[key]
    assert isinstance(item, PersonDetail)
    return item


def _event(items: dict[str, Detail], key: str = "event") -> EventDetail:
    item = items[key]
    assert isinstance(item, EventDetail)
    return item


def _document(items: dict[str, Detail]) -> DocumentDetail:
    item = items["document"]
    assert isinstance(item, DocumentDetail)
    return item


def _source(items: dict[str, Detail]) -> SourceDetail:
    item = items["source"]
    assert isinstance(item, SourceDetail)
    return item


def _facts(page: str) -> dict[str, str]:
    """The label → value rows of a page's key-facts table."""
    return {row[0]: row[1] for row in parse(page).find("table").rows()}


def _app_link(href: str) -> bool:
    """True for the app's own schemes: ``archive://kind/id``, ``expand://field/N``,
    ``external:N``."""
    return (
        Ref.from_uri(href) is not None
        or re.fullmatch(r"expand://\w+/\d+", href) is not None
        or re.fullmatch(r"external:\d+", href) is not None
    )


def _hostile(item: Detail) -> Detail:
    """``item`` with its free-text fields holding hostile markup (the long ones are cut)."""
    long = HOSTILE * 200
    if isinstance(item, PersonDetail):
        return dataclasses.replace(
            item, name_en=HOSTILE, name_ru=HOSTILE, summary=long, occupation=HOSTILE
        )
    if isinstance(item, EventDetail):
        return dataclasses.replace(item, title=HOSTILE, summary=long, date_label=HOSTILE)
    if isinstance(item, DocumentDetail):
        return dataclasses.replace(item, title=long, collection=HOSTILE, url=HOSTILE)
    return dataclasses.replace(item, title=HOSTILE, note=long, author=HOSTILE, url=HOSTILE)


# -- esc: cutting and expanding ------------------------------------------------------------


def test_hostile_text_is_escaped_not_cut() -> None:
    tree = parse(f"<p>{esc(HOSTILE, 'summary')}</p>")
    assert tree.find("p").all() == [] and tree.text() == HOSTILE


def test_text_of_exactly_the_limit_is_shown_whole() -> None:
    text = "ab " * (TEXT_LIMIT // 3)
    assert esc(text, "summary") == text


def test_longer_text_is_cut_with_a_show_all_link() -> None:
    text = "<b> " * 1000  # 4000 characters, each word an escape
    tree = parse(esc(text, "summary"))
    assert tree.links() == [("expand://summary/1", "… show all (1,000 more characters)")]
    assert tree.text() == text[:TEXT_LIMIT] + " … show all (1,000 more characters)"


def test_without_a_key_the_cut_says_so_without_a_link() -> None:
    tree = parse(esc("x " * TEXT_LIMIT))
    assert tree.links() == []
    assert tree.text().endswith(f" … ({TEXT_LIMIT:,} more characters)")


def test_an_expanded_field_that_fits_one_part_shows_whole() -> None:
    text = "word " * 10_000
    assert esc(text, "summary", frozenset({"summary"})) == text
    assert esc(text, "summary", frozenset({"summary/1"})) == text


def test_expanding_another_field_changes_nothing() -> None:
    text = "word " * 1000
    assert esc(text, "summary", frozenset({"later_fate/1"})) == esc(text, "summary")


def test_a_huge_field_offers_to_show_it_in_parts() -> None:
    text = "w " * (EXPAND_STEP + 1)  # 2 × 100,001 characters: three parts
    assert parse(esc(text, "note")).links() == [
        ("expand://note/1", f"… show it in 3 parts ({len(text) - TEXT_LIMIT:,} more characters)")
    ]


def test_parts_of_a_huge_field_link_to_their_neighbours() -> None:
    text = "w " * (EXPAND_STEP + 1)
    links = [parse(esc(text, "note", frozenset({f"note/{n}"}))).links() for n in (1, 2, 3)]
    assert links == [
        [("expand://note/2", "part 2 of 3 →")],
        [("expand://note/1", "← part 1 of 3"), ("expand://note/3", "part 3 of 3 →")],
        [("expand://note/2", "← part 2 of 3")],
    ]


def test_the_parts_of_a_huge_field_join_into_the_whole_text() -> None:
    text = "".join(f"{n}<&> " for n in range(40_000))  # ~350,000 characters, many escapes
    count = -(-len(text) // EXPAND_STEP)
    parts = []
    for n in range(1, count + 1):
        tree = parse(esc(text, "note", frozenset({f"note/{n}"})))
        for a in tree.all("a"):
            a.children.clear()  # the part links are not field text
        shown = tree.text().replace("\u200b", "").removesuffix(f" (part {count} of {count})")
        parts.append(shown.removeprefix(" … ").removesuffix(" … "))
    assert count == 4 and "".join(parts) == text


def test_a_part_beyond_the_last_shows_the_last() -> None:
    text = "w " * (EXPAND_STEP + 1)
    assert esc(text, "note", frozenset({"note/9"})) == esc(text, "note", frozenset({"note/3"}))


def test_long_unbroken_runs_get_break_hints_but_never_inside_an_entity() -> None:
    text = "&<" * 100 + " short " + "x" * WORD_LIMIT
    out = esc(text)
    assert re.search(r"&[#\w]*\u200b", out) is None
    assert html.unescape(out.replace("\u200b", "")) == text
    first_run = html.unescape(out.split(" ")[0]).split("\u200b")
    assert [len(chunk) for chunk in first_run] == [WORD_LIMIT, WORD_LIMIT, 40]
    assert out.endswith(" short " + "x" * WORD_LIMIT)  # a run of WORD_LIMIT is left alone


# -- pages ---------------------------------------------------------------------------------


def test_person_page_heads_with_both_scripts_and_key_facts(items: dict[str, Detail]) -> None:
    p = _person(items, "kamenev")
    tree = parse(person_html(p))
    assert tree.find("p", cls="kind").text() == "PERSON"
    assert tree.find("h1").text() == p.name_en == "Lev Kamenev"
    assert tree.find("p", cls="sub").text() == p.name_ru
    facts = _facts(person_html(p))
    assert facts["Life"] == "1883 – 1936"
    assert facts["Role in the case"] == "defendant"


def test_a_person_of_unknown_years_has_no_life_row(items: dict[str, Detail]) -> None:
    p = _person(items)
    assert (p.birth_year, p.death_year) == (None, None)
    assert "Life" not in _facts(person_html(p))
    one_year = dataclasses.replace(p, death_year=1937)
    assert _facts(person_html(one_year))["Life"] == "? – 1937"


def test_person_page_links_every_event_and_document(items: dict[str, Detail]) -> None:
    p = _person(items, "kamenev")
    tree = parse(person_html(p))
    for heading, refs in (("Events", p.events), ("Documents naming this person", p.documents)):
        links = tree.section(heading).links()
        assert links == [(r.item.ref.uri(), r.item.label) for r in refs]


def test_person_page_states_each_relation_with_a_link(items: dict[str, Detail]) -> None:
    p = _person(items)
    entries = parse(person_html(p)).section("Relations").find("ul").all("li")
    relations = [li for li in entries if li.links()]
    assert len(relations) == len(p.relations)
    for r, li in zip(p.relations, relations, strict=True):
        assert li.text().split("\n")[0].startswith(r.sentence(p.name_en))
        assert li.links()[0] == (r.other.ref.uri(), r.other.label)


def test_a_person_without_sentence_says_so(items: dict[str, Detail]) -> None:
    p = dataclasses.replace(_person(items), sentences=())
    assert parse(person_html(p)).section("Sentences").text() == "No sentence recorded."


def test_disputed_fields_show_every_value_with_its_sources(items: dict[str, Detail]) -> None:
    p = _person(items)
    section = parse(person_html(p)).section("Where the sources disagree")
    tables = section.all("table", cls="dispute")
    assert len(tables) == len(p.facts.disputed) >= 2
    for fc, table in zip(p.facts.disputed, tables, strict=True):
        values = [row[0].split("\n")[0] for row in table.rows()[1:]]
        assert values == list(fc.values)
        assert {href for href, _ in table.links()} == {c.source.ref.uri() for c in fc.claims}


def test_each_note_of_a_claim_stands_under_the_sources_that_give_it(
    items: dict[str, Detail],
) -> None:
    # The verdict's death sentences: five sources say 2, three of them with notes of their
    # own; one cell of notes beside the list did not say which source said what.
    e = _event(items)
    section = parse(event_html(e)).section("Where the sources disagree")
    noted = 0
    for fc, table in zip(e.facts.disputed, section.all("table", cls="dispute"), strict=True):
        cells = {row[0].split("\n")[0]: row[1] for row in table.rows()[1:]}
        assert all(len(row) == 2 for row in table.rows())  # claim | sources with their notes
        for c in fc.claims:
            if not c.note:
                continue
            noted += 1
            cell = cells[format_value(fc.field, c.value or None)]
            start = cell.index(c.source.label)
            end = cell.index(c.note, start)  # the note comes after its source …
            between = cell[start:end]
            others = [d for d in fc.claims if d.value == c.value and d.note != c.note]
            assert not any(d.source.label in between for d in others)  # … before any other's
    assert noted >= 3


def test_a_source_page_writes_dates_and_its_language_as_the_rest_of_the_app(
    archive: Archive,
) -> None:
    # It said "date: 1935-03-26" and "Language: ru" where every other view says
    # "26 March 1935" and "Russian" (a new-user review).
    with archive.connect() as conn:
        d = queries.detail(conn, Ref("source", "showtrials-catalog"))
    assert isinstance(d, SourceDetail)
    tree = parse(source_html(d))
    names = {"ru": "Russian", "en": "English"}
    assert f"Language{names[d.language]}" in tree.text()
    cited = tree.section(f"Facts citing this source ({d.citations_total})").text()
    dated = [c for c in d.citations if c.field == "date" and c.value]
    assert dated and not re.search(r"\b1[89]\d\d-\d\d-\d\d\b", cited)
    assert all(format_value("date", c.value) in cited for c in dated)


def test_event_page_lists_participants_with_their_role(items: dict[str, Detail]) -> None:
    e = _event(items)
    section = parse(event_html(e)).section("Participants")
    assert section.links() == [(p.item.ref.uri(), p.item.label) for p in e.participants]
    assert all(
        f"({p.role})" in li.text() for p, li in zip(e.participants, section.all("li"), strict=True)
    )


def test_event_page_says_when_it_lists_only_the_first_documents(items: dict[str, Detail]) -> None:
    e = _event(items)
    shown = len(e.documents)
    tree = parse(event_html(dataclasses.replace(e, documents_total=shown + 500)))
    headings = [h.text() for h in tree.all("h2")]
    assert f"Documents of that date (first {shown} of {shown + 500})" in headings
    assert "Documents of that date" in [h.text() for h in parse(event_html(e)).all("h2")]


def test_a_month_event_lists_the_documents_of_its_month(items: dict[str, Detail]) -> None:
    e = dataclasses.replace(_event(items), precision="month")
    assert "Documents of that month" in [h.text() for h in parse(event_html(e)).all("h2")]


def test_a_year_event_does_not_speak_of_its_month(items: dict[str, Detail]) -> None:
    e = _event(items, "1988")
    assert e.precision == "year"
    assert not any("month" in h.text() for h in parse(event_html(e)).all("h2"))


def test_an_event_without_participants_says_so(items: dict[str, Detail]) -> None:
    e = dataclasses.replace(_event(items), participants=())
    assert parse(event_html(e)).section("Participants").text() == "No participants recorded."


def test_document_page_links_named_persons_and_marks_unlinked_ones(
    items: dict[str, Detail],
) -> None:
    d = _document(items)
    entries = parse(document_html(d)).section("Persons named in the title").all("li")
    assert len(entries) == len(d.named)
    for (written, person), li in zip(d.named, entries, strict=True):
        assert li.text().startswith(f"{written} → ")
        if person is None:
            assert li.links() == [] and "not linked to a person" in li.text()
        else:
            assert li.links() == [(person.ref.uri(), person.label)]


def test_document_address_is_an_external_link_to_its_url(items: dict[str, Detail]) -> None:
    d = _document(items)
    tree = parse(document_html(d))
    [(href, shown)] = [link for link in tree.links() if link[0].startswith("external:")]
    assert href == "external:0" and shown.replace("\u200b", "") == d.url
    assert external_links(d) == [d.url]


def test_a_document_without_address_has_no_external_link(items: dict[str, Detail]) -> None:
    d = dataclasses.replace(_document(items), url=None)
    tree = parse(document_html(d))
    assert [h for h, _ in tree.links() if not h.startswith("archive://")] == []
    assert "Online text" not in _facts(document_html(d))


def test_source_page_lists_its_tallies_and_citations(items: dict[str, Detail]) -> None:
    s = _source(items)
    tree = parse(source_html(s))
    tallies = tree.section("Figures this source publishes").find("table").rows()[1:]
    assert [row[1:3] for row in tallies] == [
        [t.label, "not visible" if t.count is None else str(t.count)] for t in s.tallies
    ]
    cited = tree.section(f"Facts citing this source ({s.citations_total})").all("li")
    assert [li.links()[0][0] for li in cited] == [c.subject.ref.uri() for c in s.citations]


def test_source_page_counts_the_citations_not_listed(items: dict[str, Detail]) -> None:
    s = _source(items)
    more = dataclasses.replace(s, citations_total=len(s.citations) + 44)
    assert parse(source_html(more)).find("p", cls="note").text() == "… and 44 more."
    assert parse(source_html(s)).all("p", cls="note") == []


def test_a_source_without_author_says_it_is_not_shown(items: dict[str, Detail]) -> None:
    s = dataclasses.replace(_source(items), author=None)
    assert _facts(source_html(s))["Author"] == "not shown"


def test_outcome_page_explains_a_published_figure(
    outcomes: list[OutcomeCount], tallies: list[TallyRow]
) -> None:
    count = outcomes[0]
    tree = parse(outcome_html(count, tallies))
    assert tree.find("h1").text() == "death — Military Collegium"
    assert (
        tree.find("p", cls="sub").text()
        == f"Published: {count.published}; named in this archive: {count.named}"
    )
    labels = {t.source.ref.id: t.source.label for t in tallies}
    items = tree.find("ul").all("li")
    assert [li.text() for li in items] == [f"{labels[src]}: {n}" for src, n in count.published_by]
    assert [li.find("a").attrs["href"] for li in items] == [
        f"archive://source/{src}" for src, _ in count.published_by
    ]
    rows = tree.section("The sources' tallies").find("table").rows()[1:]
    own = [t for t in tallies if t.tribunal == count.tribunal]
    assert [r[1] for r in rows] == [t.label for t in own] and len(own) < len(tallies)


def test_outcome_page_says_when_no_source_publishes_a_figure() -> None:
    count = OutcomeCount("unknown", "death", "death", 0, 3, None, ())
    tree = parse(outcome_html(count, []))
    assert tree.find("p", cls="sub").text() == (
        "Published: no source publishes a figure; named in this archive: 3"
    )


def test_welcome_page_counts_the_archive_with_separators() -> None:
    tree = parse(welcome_html(HOSTILE, "2026.1", {"person": 99, "claim": 1048, "tally": 5}))
    assert tree.find("h1").text() == HOSTILE
    assert tree.find("p", cls="sub").text() == "Data version 2026.1"
    assert [li.text() for li in tree.find("ul").all("li")] == [
        "99 people",
        "0 events",
        "0 case-file documents",
        "0 sources",
        "1,048 sourced claims",
    ]


@pytest.mark.parametrize(
    ("kind", "builder"),
    [
        ("person", person_html),
        ("event", event_html),
        ("document", document_html),
        ("source", source_html),
    ],
)
def test_renderer_builds_the_page_of_the_items_kind(
    items: dict[str, Detail], kind: str, builder: Callable[[Detail, frozenset[str]], str]
) -> None:
    item = _hostile(items[kind])  # long fields, so that expanding one changes the page
    expanded = frozenset({"title", "summary", "note"})
    assert renderer(item)(expanded) == builder(item, expanded) != builder(item, frozenset())


@pytest.mark.parametrize("kind", ["person", "event"])
def test_people_and_events_have_no_external_links(items: dict[str, Detail], kind: str) -> None:
    assert external_links(items[kind]) == []


def test_a_source_page_opens_the_sources_url(items: dict[str, Detail]) -> None:
    s = _source(items)
    assert [h for h, _ in parse(source_html(s)).links() if h.startswith("external:")] == [
        "external:0"
    ]
    assert external_links(s) == [s.url]


# -- every page: own link schemes, hostile text --------------------------------------------


@pytest.mark.parametrize("kind", list(ITEMS))
def test_pages_link_only_with_the_apps_own_schemes(items: dict[str, Detail], kind: str) -> None:
    links = parse(renderer(items[kind])(frozenset())).links()
    assert links and all(_app_link(href) for href, _ in links)


@pytest.mark.parametrize("kind", list(ITEMS))
def test_hostile_archive_text_shows_literally_in_qt(
    qapp: QApplication, items: dict[str, Detail], kind: str
) -> None:
    page = renderer(_hostile(items[kind]))(frozenset())
    doc = rendered(page)
    assert images(doc) == 0 and doc.requests == []
    assert all(_app_link(href) for href in anchors(doc))
    assert normal(HOSTILE) in normal(doc.toPlainText())
    assert parse(page).all("img") == []


# -- in Russian ----------------------------------------------------------------------------

#: Pages checked in both languages: a person, the person with most claims, an event with many
#: participants, a document with claims of its own, a source.
PAGES = [
    Ref("person", "cherniavsky-mikhail"),
    Ref("person", "yenukidze-avel"),
    Ref("event", "ev-1935-vk-verdict"),
    Ref("document", "doc-5077"),
    Ref("source", "koshel-kniga87"),
]


def _detail(archive: Archive, ref: Ref) -> Detail:
    with archive.connect() as conn:
        item = queries.detail(conn, ref)
    assert item is not None
    return item


@pytest.mark.parametrize("ref", PAGES, ids=str)
def test_a_russian_page_has_no_english_words_of_its_own(
    archive: Archive, russian: None, ref: Ref
) -> None:
    item = _detail(archive, ref)
    page = renderer(item)(frozenset())
    assert latin_left(text_nodes(page), shown_data(item)) == []


@pytest.mark.parametrize("ref", PAGES, ids=str)
def test_an_english_page_has_no_russian_words_of_its_own(archive: Archive, ref: Ref) -> None:
    item = _detail(archive, ref)
    page = renderer(item)(frozenset())
    assert cyrillic_left(text_nodes(page), shown_data(item)) == ""


def test_a_russian_person_page_heads_with_the_cyrillic_name(
    archive: Archive, russian: None
) -> None:
    p = _detail(archive, Ref("person", "cherniavsky-mikhail"))
    assert isinstance(p, PersonDetail)
    tree = parse(person_html(p))
    assert tree.find("p", cls="kind").text() == "ПЕРСОНАЛИЯ"
    assert tree.find("h1").text() == p.name_ru and tree.find("p", cls="sub").text() == p.name_en
    facts = _facts(person_html(p))
    assert {"Роль в деле", "Годы жизни", "Пол", "Род занятий"} <= set(facts)
    assert [h.text() for h in tree.all("h2")][:3] == ["Приговоры", "Дальнейшая судьба", "Имена"]


def test_a_page_built_before_a_switch_reads_in_the_new_language(archive: Archive) -> None:
    p = _detail(archive, Ref("person", "cherniavsky-mikhail"))  # queried in English
    assert isinstance(p, PersonDetail)
    english = person_html(p)
    i18n.set_language("ru")
    try:
        russian_page = person_html(p)
        verdict = p.sentences[0]
        assert vocab.format_date(verdict.iso, verdict.precision) in russian_page
    finally:
        i18n.set_language("en")
    assert "Sentences" in english and "Sentences" not in russian_page
    assert "Приговоры" in russian_page and person_html(p) == english


#: Russian plural forms: 1, 2–4 and 22–24, 5–20 and 25–30 …
PLURALS = [(1, 0), (2, 1), (5, 2), (11, 2), (21, 0), (22, 1), (25, 2)]


@pytest.mark.parametrize(("n", "form"), PLURALS)
def test_welcome_counts_take_the_russian_plural(russian: None, n: int, form: int) -> None:
    counts = dict.fromkeys(("person", "event", "document", "source", "claim"), n)
    tree = parse(welcome_html("The Kremlin Affair", "1", counts, "Кремлёвское дело"))
    words = [
        ("человек", "человека", "человек"),
        ("событие", "события", "событий"),
        ("документ дела", "документа дела", "документов дела"),
        ("источник", "источника", "источников"),
        ("утверждение источников", "утверждения источников", "утверждений источников"),
    ]
    assert [li.text() for li in tree.find("ul").all("li")] == [f"{n} {w[form]}" for w in words]
    assert tree.find("h1").text() == "Кремлёвское дело"


@pytest.mark.parametrize(("n", "form"), PLURALS)
def test_claim_tables_count_sources_in_russian(
    archive: Archive, russian: None, n: int, form: int
) -> None:
    p = _detail(archive, Ref("person", "cherniavsky-mikhail"))
    assert isinstance(p, PersonDetail)
    fc = p.facts.disputed[0]
    many = dataclasses.replace(fc, claims=(fc.claims[0],) * n)
    facts = dataclasses.replace(p.facts, fields=(many,))
    page = person_html(dataclasses.replace(p, facts=facts))
    word = ("источник", "источника", "источников")[form]
    assert f"{n} {word}" in parse(page).section("Другие утверждения источников").text()


def test_the_welcome_page_keeps_the_english_title_in_english() -> None:
    tree = parse(welcome_html("The Kremlin Affair", "1", {}, "Кремлёвское дело"))
    assert tree.find("h1").text() == "The Kremlin Affair"


def test_a_russian_outcome_page_explains_the_figure(
    russian: None, outcomes: list[OutcomeCount], tallies: list[TallyRow]
) -> None:
    count = outcomes[0]
    page = outcome_html(count, tallies)
    assert latin_left(text_nodes(page), shown_data(count, tallies)) == []
    assert parse(page).find("p", cls="sub").text().startswith("Опубликовано: ")


class _Text(html.parser.HTMLParser):
    """The visible text nodes of a page (the style sheet left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._style = self._style or tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._style = self._style and tag != "style"

    def handle_data(self, data: str) -> None:
        if not self._style and data.strip():
            self.nodes.append(data.strip())


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_claim_fields_show_human_labels_never_their_keys(archive: Archive, lang: str) -> None:
    """Every page with a claim names its fields in words: no ``later_fate``, no bare
    ``kind`` or ``record`` (issue 17: "kind — Sourced claims:", "— the record")."""
    import csv
    from pathlib import Path

    with Path("resources/data/claims.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    keys = {r["field"] for r in rows} | {"record"}
    bare = {"kind", "record"}
    builders = {
        "person": (queries.person_detail, person_html),
        "event": (queries.event_detail, event_html),
        "document": (queries.document_detail, document_html),
        "source": (queries.source_detail, source_html),
    }
    subjects = {(r["subject_kind"], r["subject_id"]) for r in rows}
    subjects |= {("source", r["source_id"]) for r in rows}
    i18n.set_language(lang)
    try:
        pages = 0
        with archive.connect() as conn:
            for kind, item in sorted(subjects):
                if kind not in builders:
                    continue
                query, page = builders[kind]
                d = query(conn, item)  # type: ignore[operator]
                if d is None:
                    continue
                parser = _Text()
                parser.feed(page(d))  # type: ignore[operator]
                pages += 1
                for node in parser.nodes:
                    words = set(re.findall(r"[\w]+", node))
                    leaked = {k for k in keys if "_" in k and k in words}
                    assert not leaked, (kind, item, node)
                    assert node.strip(" —:") not in bare, (kind, item, node)
                    assert not node.startswith(tuple(f"{k} —" for k in bare)), (kind, item, node)
                    assert not node.endswith(("— the record", "— kind")), (kind, item, node)
        assert pages > 50
    finally:
        i18n.set_language("en")


def test_a_sentence_kind_claim_is_headed_kind_of_sentence(archive: Archive) -> None:
    with archive.connect() as conn:
        d = queries.person_detail(conn, "cherniavsky-mikhail")
    assert d is not None
    assert "<b>Kind of sentence</b>: what the sources say" in person_html(d)


def test_claimed_relation_kinds_read_as_words(archive: Archive) -> None:
    """Sources disagree on a relation's kind: the claims table says it in words."""
    with archive.connect() as conn:
        d = queries.detail(conn, Ref("person", "rozenfeld-nina"))
    assert d is not None
    page = person_html(d)  # type: ignore[arg-type]
    assert "former-sister-in-law" not in page
    assert "former sister-in-law of" in page


def test_sex_and_name_forms_read_as_words(archive: Archive) -> None:
    with archive.connect() as conn:
        d = queries.detail(conn, Ref("person", "cherniavsky-mikhail"))
    assert d is not None
    page = person_html(d)  # type: ignore[arg-type]
    assert "male" in page and "(Latin, English form" in page and "(Cyrillic, Russian form" in page
    assert "latn" not in page and "cyrl" not in page


def test_a_womans_role_reads_in_her_form_in_russian(archive: Archive) -> None:
    from db import i18n

    with archive.connect() as conn:
        gogua = queries.detail(conn, Ref("person", "gogua-irina"))
        kamenev = queries.detail(conn, Ref("person", "kamenev-lev"))
    assert isinstance(gogua, PersonDetail) and gogua.sex == "F"
    assert isinstance(kamenev, PersonDetail)
    i18n.set_language("ru")
    try:
        assert "обвиняемая" in person_html(gogua) and "обвиняемый" not in person_html(gogua)
        assert "обвиняемый" in person_html(kamenev)
    finally:
        i18n.set_language("en")


def test_a_womans_part_in_an_event_reads_in_her_form_in_russian(archive: Archive) -> None:
    from db import i18n

    with archive.connect() as conn:
        event = queries.detail(conn, Ref("event", "ev-1935-mukhanova-8mar"))
        person = queries.detail(conn, Ref("person", "mukhanova-ekaterina"))
    assert isinstance(event, EventDetail) and isinstance(person, PersonDetail)
    parts = {p.item.ref.id: (p.role, p.sex) for p in event.participants}
    assert parts["mukhanova-ekaterina"] == ("accused", "F")
    assert parts["kamenev-lev"] == ("accused", "M")
    i18n.set_language("ru")
    try:
        page = event_html(event)
        assert "Константиновна)</a> <span class='src'>(обвиняемая)" in page
        assert "Лев Борисович)</a> <span class='src'>(обвиняемый)" in page
        assert "(обвиняемая)" in person_html(person)  # her own events, on her page
    finally:
        i18n.set_language("en")
    assert "(accused)" in event_html(event)
