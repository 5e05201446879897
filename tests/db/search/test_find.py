"""The search engine on the bundled archive: groups, counts, explanations, folding, safety."""

from __future__ import annotations

import shutil
import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, event

from db import Archive
from db.dto import Ref
from db.search import find
from db.search.find import COUNT_CAP, SearchResults, person_pks, search
from db.search.translit import MAX_QUERY_CHARS, MAX_TERMS
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def conn(archive: Archive) -> Iterator[Connection]:
    with archive.connect() as c:
        yield c


def _refs(results: SearchResults) -> list[tuple[str, str]]:
    return [(h.ref.kind, h.ref.id) for h in results.hits]


def _emphasised(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_groups_come_in_order_with_counts(conn: Connection) -> None:
    r = search(conn, "Ежов")
    assert [g.kind for g in r.groups] == ["person", "event", "document", "source"]
    assert [g.title for g in r.groups] == ["People", "Events", "Documents", "Sources"]
    for g in r.groups:
        assert 0 < len(g.hits) <= 20 and g.count >= len(g.hits)
        assert g.count_label == (f"{g.count}+" if g.more else str(g.count))


def test_why_names_the_system_and_spans_mark_the_spelling(conn: Connection) -> None:
    hit = search(conn, "Jeschow").hits[0]
    assert hit.ref.id == "yezhov-nikolai"
    assert hit.why == "German spelling Jeschow of Ежов"
    assert _emphasised(hit.why, hit.why_spans) == ["Jeschow"]
    assert _emphasised(hit.label, hit.label_spans) == ["Ежов"]


def test_why_for_scholarly_spelling_keeps_its_diacritics(conn: Connection) -> None:
    hit = search(conn, "Ezov").hits[0]
    assert "Ežov" in _emphasised(hit.why, hit.why_spans)
    assert hit.why.endswith("of Ежов")


def test_typo_ranks_below_the_exact_name(conn: Connection) -> None:
    people = search(conn, "Korolkov").group("person")
    assert people is not None
    assert [h.ref.id for h in people.hits] == ["korolkov-mikhail", "korolev-b-p"]
    assert people.hits[0].rank < people.hits[1].rank
    assert people.hits[1].why.startswith("one letter off from ")


def test_typo_says_which_name_it_is_one_letter_off(conn: Connection) -> None:
    hit = search(conn, "Yenukldze").hits[0]
    assert hit.why == "one letter off from Yenukidze"
    assert _emphasised(hit.why, hit.why_spans) == ["Yenukidze"]


def test_short_words_get_no_typo_matches(conn: Connection) -> None:
    assert search(conn, "Kagen").group("person") is None  # Kagan is 5 letters


def test_gender_forms_explain_themselves(conn: Connection) -> None:
    people = search(conn, "Kameneva").group("person")
    assert people is not None
    lev = next(h for h in people.hits if h.ref.id == "kamenev-lev")
    assert lev.why == "feminine or genitive form Kameneva of Kamenev"
    skalova = next(h for h in search(conn, "Скалов").hits if h.ref.id == "skalova-nadezhda")
    assert skalova.why == "masculine form Скалов of Скалова"


def test_declined_form_explains_itself(conn: Connection) -> None:
    hit = search(conn, "Мухановой").hits[0]
    assert hit.ref.id == "mukhanova-ekaterina"
    assert hit.why == "declined form Мухановой of Муханова"


def test_initials_must_fit_given_name_and_patronymic_in_order(conn: Connection) -> None:
    people = search(conn, "Н.Б. Розенфельд").group("person")
    assert people is not None
    # Only he has the name with those initials; the others after him are people whose texts
    # speak of the Rozenfelds (in English), as they are for "N.B. Rozenfeld".
    assert people.hits[0].ref.id == "rozenfeld-nikolai"
    assert "initials Н. Б." in people.hits[0].why
    assert all("initials" not in h.why for h in people.hits[1:])
    assert _refs(search(conn, "N.B. Rozenfeld")) == _refs(search(conn, "Н.Б. Розенфельд"))


def test_declined_title_words_find_documents(conn: Connection) -> None:
    docs = search(conn, "Чернявского").group("document")
    assert docs is not None and docs.count >= 5
    first = docs.hits[0]
    assert "Чернявского" in _emphasised(first.label, first.label_spans)


def test_latin_query_lists_documents_naming_the_person(conn: Connection) -> None:
    docs = search(conn, "Rozenfeld N. B.").group("document")
    assert docs is not None
    assert any("names Н.Б. Розенфельда" in h.why for h in docs.hits)


def test_occupations_organisations_events_and_sources_are_searchable(conn: Connection) -> None:
    r = search(conn, "librarian")
    people = r.group("person")
    assert people is not None and people.count >= 5
    assert people.hits[0].why.startswith("occupation: ")
    assert _emphasised(people.hits[0].why, people.hits[0].why_spans)[0].lower() == "librarian"
    assert r.group("event") is not None
    assert search(conn, "Academia publishing").group("person") is not None
    sources = search(conn, "Кошель").group("source")
    assert sources is not None and sources.count >= 3


def test_counts_are_capped_and_flagged(conn: Connection) -> None:
    docs = search(conn, "Протокол", limit=5).group("document")
    assert docs is not None and len(docs.hits) == 5
    assert 5 < docs.count <= COUNT_CAP


# -- ё/е, composed/decomposed: identical results -----------------------------------------------

_YO = [
    "Королёв",
    "Семён Гендин",
    "Пётр Озеров",
    "Ёжов",
    "Королёв Б. П.",
    "Гендин Семён Григорьевич",
    "Озеров Пётр Иванович",
    "Пётр Кошель",
    "Семён",
    "Пётр",
]
PAIRS = (
    [(w, w.replace("ё", "е").replace("Ё", "Е")) for w in _YO]
    + [(w, unicodedata.normalize("NFD", w)) for w in _YO[:6]]
    + [
        ("Сергей Седов", unicodedata.normalize("NFD", "Сергей Седов")),
        ("Троцкий", "Троцкии"),
        ("Ježow", unicodedata.normalize("NFD", "Ježow")),
        ("КОРОЛЁВ", "королев"),
    ]
)


def test_there_are_twenty_folding_pairs() -> None:
    assert len(PAIRS) == 20


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"{i}" for i in range(len(PAIRS))])
def test_folding_pairs_give_identical_results(conn: Connection, a: str, b: str) -> None:
    ra, rb = search(conn, a), search(conn, b)
    assert _refs(ra) == _refs(rb)
    assert [(g.kind, g.count) for g in ra.groups] == [(g.kind, g.count) for g in rb.groups]
    assert ra.hits, f"{a!r} should find something"


# -- safety ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        '"',
        '""',
        "*",
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "NEAR(",
        "keys:ежов",
        "body : x",
        "^ежов",
        "ежов*",
        "(ежов",
        "ежов)",
        "-ежов",
        "a+b",
        "\x00",
        "\ud800ежов",
        "🙂",
        "e\u0301",
        "\u202eвожЕ",
        "\ufeffЕжов",
        "C++",
        "58-8",
        "'",
        "Rozenfel'd",
        "\t\n",
        "{}[]",
        "😀" * 300,
    ],
)
def test_hostile_text_never_raises(conn: Connection, text: str) -> None:
    r = search(conn, text)
    assert r.error is None
    person_pks(conn, text)


def _statements(conn: Connection, text: str) -> tuple[SearchResults, list[str]]:
    """Search ``text``; the results and the SQL statements the search ran."""
    ran: list[str] = []

    def record(*args: object) -> None:
        ran.append(str(args[2]))

    event.listen(conn, "before_cursor_execute", record)
    try:
        return search(conn, text), ran
    finally:
        event.remove(conn, "before_cursor_execute", record)


def test_long_query_is_shortened_and_answered_fast(conn: Connection) -> None:
    text = "Ежов " * 8000  # 40,000 characters
    r, ran = _statements(conn, text)
    assert len(r.query) <= MAX_QUERY_CHARS
    assert any("shortened" in n for n in r.notices)
    # fast as a count: the long text costs exactly the work of its shortened form
    short, short_ran = _statements(conn, r.query)
    assert ran == short_ran
    assert r.groups == short.groups


def test_too_many_words_are_cut_to_the_term_cap(conn: Connection) -> None:
    text = " ".join(f"слово{i}" for i in range(40))
    r = search(conn, text)
    assert any(str(MAX_TERMS) in n for n in r.notices)


def test_lone_surrogates_are_replaced(conn: Connection) -> None:
    r = search(conn, "Ежов\udc00")
    assert "\udc00" not in r.query
    assert r.hits and r.hits[0].ref.id == "yezhov-nikolai"


def test_damaged_search_tables_give_an_error_line_not_an_exception(tmp_path: Path) -> None:
    copy = tmp_path / "damaged.sqlite"
    shutil.copy(BUNDLED, copy)
    w = sqlite3.connect(copy)
    w.execute("DROP TABLE search_vocab")
    w.commit()
    w.close()
    conn = sqlite3.connect(copy)
    r = search(conn, "Ежов")
    assert r.error is not None and "search_vocab" in r.error
    assert person_pks(conn, "Ежов") == []
    conn.close()


# -- person_pks --------------------------------------------------------------------------------


def _pk(conn: Connection, ident: str) -> int:
    from sqlalchemy import text

    return int(conn.execute(text("SELECT pk FROM person WHERE id = :i"), {"i": ident}).scalar_one())


def test_person_pks_best_tier_first(conn: Connection) -> None:
    assert person_pks(conn, "Korolkov") == [_pk(conn, "korolkov-mikhail"), _pk(conn, "korolev-b-p")]
    assert person_pks(conn, "Tschernjawski") == [_pk(conn, "cherniavsky-mikhail")]


def test_person_pks_limit_and_empty(conn: Connection) -> None:
    assert person_pks(conn, "") == []
    assert len(person_pks(conn, "librarian", limit=3)) == 3
    assert person_pks(conn, "librarian", limit=0) == []
    everyone = person_pks(conn, "Rozenfeld")
    assert set(person_pks(conn, "Rozenfeld", limit=2)) <= set(everyone)


# -- every text, not only names -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "item", "why"),
    [
        ("commuted", "person", "sinelobov-alexei", "later fate: death sentence commuted"),
        ("commuted", "source", "wikimili-kremlin-plot", "note:"),
        ("110", "source", "enwiki-kremlin-plot", "published figure: investigated by the NKVD: 110"),
        ("110", "event", "ev-1935-vk-verdict", "death sentences:"),
        ("Trotskyist", "person", "cherniavsky-mikhail", "summary:"),
        ("Trotskyist", "event", "ev-1935-ryaskin-protocol", "summary:"),
    ],
)
def test_words_of_every_text_find_the_records_that_say_them(
    archive: Archive, text: str, kind: str, item: str, why: str
) -> None:
    with archive.connect() as conn:
        results = search(conn, text, 25)
    group = results.group(kind)
    assert group is not None, results
    hit = next(h for h in group.hits if h.ref == Ref(kind, item))
    assert why in hit.why
    emphasised = [hit.why[a:b].casefold() for a, b in hit.why_spans]
    assert any(e.startswith(text.casefold()[:5]) for e in emphasised), (hit.why, emphasised)


def test_a_claim_about_a_sentence_is_found_on_its_person(archive: Archive) -> None:
    with archive.connect() as conn:
        stated = conn.exec_driver_sql(
            "SELECT c.value, p.id FROM claim c JOIN sentence s ON s.id = c.subject_id "
            "JOIN person p ON p.pk = s.person_pk WHERE c.subject_kind = 'sentence' "
            "AND c.value GLOB '*[a-z][a-z][a-z][a-z][a-z][a-z][a-z]*' ORDER BY c.pk LIMIT 1"
        ).one()
        word = max(str(stated[0]).split(), key=len).strip(".,;:'\"()")
        results = search(conn, word, 50)
    people = results.group("person")
    assert people is not None and Ref("person", str(stated[1])) in [h.ref for h in people.hits]


def test_results_read_in_russian(conn: Connection) -> None:
    from db import i18n

    i18n.set_language("ru")
    try:
        results = search(conn, "Jeschow")
    finally:
        i18n.set_language("en")
    people = results.group("person")
    assert people is not None and people.title == "Люди"
    assert [g.title for g in results.groups][:2] == ["Люди", "События"]
    hit = people.hits[0]
    assert hit.label == "Ежов Николай Иванович (Nikolai Yezhov)"
    assert hit.why == "немецкое написание Jeschow фамилии Ежов"
    assert _emphasised(hit.label, hit.label_spans) == ["Ежов"]
    assert hit.detail == "должностное лицо"
    events = results.group("event")
    assert events is not None
    # The title says "Yezhov": the German spelling finds the name in either script.
    assert (
        events.hits[0].why == "заглавие: Yezhov; участник: Ежов Николай Иванович (должностное лицо)"
    )


def test_a_bare_surname_lists_the_papers_of_every_person_of_that_name(conn: Connection) -> None:
    """ "Rozenfeld": four people of that name (Kamenev among them); the documents naming the
    fourth, Nina (16, written "Н.А. Розенфельд"), are listed with the others'."""
    from sqlalchemy import text as sql

    results = search(conn, "Rozenfeld", limit=100)
    documents = next(g for g in results.groups if g.kind == "document")
    ids = {h.ref.id for h in documents.hits}
    nina = {
        r[0]
        for r in conn.execute(
            sql(
                "SELECT d.id FROM document d JOIN document_person dp ON dp.document_pk = d.pk "
                "JOIN person p ON p.pk = dp.person_pk WHERE p.id = 'rozenfeld-nina'"
            )
        )
    }
    assert nina and nina <= ids
    assert documents.count == len(documents.hits)


def test_people_cut_at_the_limit_with_text_hits_are_counted_as_at_least(archive: Archive) -> None:
    """ "Yenukidze" finds him by name and five more by their summaries.  Cut at three, the
    heading says "3+", not "3": the names' own count cannot count the rest (the command line's
    --limit showed "People (3)" beside the other groups' totals)."""
    with archive.connect() as conn:
        whole = next(g for g in search(conn, "Yenukidze", limit=50).groups if g.kind == "person")
        cut = next(g for g in search(conn, "Yenukidze", limit=3).groups if g.kind == "person")
    assert len(whole.hits) > 3 and whole.count_label == str(len(whole.hits))
    assert len(cut.hits) == 3 and cut.count_label == "3+"


#: Names, words of facts and numbers: groups cut by the limit in every way the search cuts.
COUNTED = (
    "Иванова", "Енукидзе", "mukhanova", "kamenev", "1935", "rozenfeld", "commuted", "110",
    "Trotskyist", "Ягода", "cleaners", "NKVD", "Avel", "Kremlin", "library", "Сталин",
    "zinoviev", "Jeschow", "Agranov", "Military Collegium",
)  # fmt: skip


@pytest.mark.parametrize("text", COUNTED)
def test_a_count_with_few_hits_asked_for_is_the_whole_count_or_says_at_least(
    conn: Connection, text: str
) -> None:
    """A group's heading never says an exact number that asking for every hit contradicts
    (new-user trial: `search mukhanova --limit 2` said "People (2)" of twelve; "Иванова" said
    "Events (124)" with few asked for and 126 with all): with fewer hits asked for it says the
    same number, or a smaller one marked "+"."""
    whole = {g.kind: g for g in search(conn, text, limit=COUNT_CAP).groups}
    assert whole and not any(g.more for g in whole.values())  # (the bundled archive: all counted)
    for limit in (1, 2, 3, 5, 10, 25):
        for group in search(conn, text, limit=limit).groups:
            full = whole[group.kind]
            assert group.count <= full.count, (limit, group.kind)
            assert group.more or group.count == full.count, (limit, group.kind, group.count_label)


# -- either script ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [("Yenukidze", "Енукидзе"), ("Ezhov", "Ежов"), ("Kameneva", "Каменева"), ("Yagoda", "Ягода")],
)
def test_a_name_finds_the_same_records_in_either_script(
    conn: Connection, latin: str, cyrillic: str
) -> None:
    # English summaries write "Yenukidze", Russian document titles "Енукидзе": a name typed
    # in either script finds the texts of both.
    a, b = search(conn, latin, limit=COUNT_CAP), search(conn, cyrillic, limit=COUNT_CAP)
    assert sorted(_refs(a)) == sorted(_refs(b))
    assert [(g.kind, g.count) for g in a.groups] == [(g.kind, g.count) for g in b.groups]


def test_a_latin_name_finds_a_russian_title_and_says_so(conn: Connection) -> None:
    results = search(conn, "Yenukidze", limit=COUNT_CAP)
    docs = results.group("document")
    assert docs is not None
    # Not linked to the person, only named in its title ("по “делу Енукидзе”").
    hit = next(h for h in docs.hits if h.ref == Ref("document", "doc-4834"))
    assert _emphasised(hit.label, hit.label_spans) == ["Енукидзе"]
    assert results.other_script[0] == "енукидзе"


def test_a_cyrillic_name_finds_an_english_summary_and_says_so(conn: Connection) -> None:
    results = search(conn, "Енукидзе", limit=COUNT_CAP)
    people = results.group("person")
    assert people is not None
    hit = next(h for h in people.hits if h.ref == Ref("person", "gogua-irina"))
    assert "Yenukidze" in _emphasised(hit.why, hit.why_spans)
    assert "yenukidze" in results.other_script


@pytest.mark.parametrize("text", ["Енуки", "протокол", "Ен", "Yenuki", "commuted"])
def test_only_a_whole_name_is_searched_in_the_other_script(conn: Connection, text: str) -> None:
    # A name being typed, a common word, a short prefix: the word as typed, nothing more
    # ("мост" must not find English "most").
    assert search(conn, text).other_script == ()


@pytest.mark.parametrize("text", ["Енукидзе", "Yenukidze", "Ежов", "Kamenev", "Muhanova"])
def test_a_few_hits_asked_for_are_still_the_best_ranked(conn: Connection, text: str) -> None:
    # Matches come from the index in its own order; the best (words in the title) must not be
    # lost behind the first ones when only three hits are shown (the CLI's --limit 3 dropped
    # the Politburo resolution "… тов. Енукидзе" from the sources for three notes).
    few, all_ = search(conn, text, limit=3), search(conn, text, limit=COUNT_CAP)
    for group in all_.groups:
        if group.kind == "person":
            continue
        shown = few.group(group.kind)
        assert shown is not None
        assert shown.hits[0].rank == group.hits[0].rank, (group.kind, shown.hits[0])
        assert (shown.count, shown.more) == (group.count, group.more)


@pytest.mark.parametrize("text", ["Енукидзе", "Kamenev"])
def test_a_spent_counting_budget_still_counts_a_short_last_chunk_exactly(
    conn: Connection, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    # A machine so busy that the counting budget is gone before the first look at the clock:
    # a group whose matches all came in the first chunk is still counted exactly ("11", not
    # "11+": the suite once failed under load this way).
    exact = search(conn, text, limit=3)
    monkeypatch.setattr(find, "COUNT_BUDGET_S", -1.0)
    spent = search(conn, text, limit=3)
    assert [(g.kind, g.count, g.more) for g in spent.groups] == [
        (g.kind, g.count, g.more) for g in exact.groups
    ]
    assert any(g.count > 3 and not g.more for g in spent.groups if g.kind != "person")


def test_a_document_hit_gives_its_date_as_the_lists_do(conn: Connection) -> None:
    docs = search(conn, "Енукидзе").group("document")
    assert docs is not None
    hit = next(h for h in docs.hits if h.ref == Ref("document", "doc-1733"))
    assert hit.detail == "28 December 1934 · data extract"  # not 1934-12-28


def test_a_russian_word_that_finds_nothing_says_the_texts_are_english(conn: Connection) -> None:
    found_nothing = search(conn, "троцкист")
    assert found_nothing.groups == ()
    assert any("written in English" in n for n in found_nothing.notices)
    assert not any("written in English" in n for n in search(conn, "zzqqx").notices)
    assert not any("written in English" in n for n in search(conn, "Енукидзе").notices)
    assert search(conn, "Trotskyist").groups  # the English word finds the facts


@pytest.mark.parametrize("text", ["shot", "commuted", "protocol", "Trotskyist"])
def test_a_why_line_never_quotes_the_same_text_twice(conn: Connection, text: str) -> None:
    # Two relation claims with one note made "relation: …fire the shots.; relation: …fire
    # the shots." (a new user's trial).
    for group in search(conn, text, limit=COUNT_CAP).groups:
        for hit in group.hits:
            clauses = hit.why.split("; ")
            assert len(clauses) == len(set(clauses)), (hit.ref, hit.why)
