"""User text → search terms: cleaning and caps, the spellings a word stands for, FTS5 syntax.

:func:`parse` must turn any text into clean, capped words and initials; :func:`resolve` must
find each word's names in the bundled archive's vocabulary with the right rank and origin;
:func:`one_edit` must accept exactly the one-edit variants; :func:`nominatives` must keep a
declined surname's gender; and the MATCH expressions must find, in the archive's own FTS5
tables, what plain SQL on the records says they should — with every term a literal.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.search import index, query, translit
from db.search.query import (
    MAX_ALTERNATIVES,
    MIN_PREFIX,
    MIN_TYPO,
    Rank,
    fts_expression,
    initial_letters,
    nominatives,
    one_edit,
    parse,
    quote,
    resolve,
    stem,
    text_expression,
    text_prefixes,
)

# -- parse ----------------------------------------------------------------------------------


def test_parse_caps_and_classifies() -> None:
    q = parse("Rozenfeld N. B. Yu. Kamenev" + "".join(f" слово{i}" for i in range(30)))
    assert [w.key for w in q.words][:2] == ["rozenfeld", "kamenev"]
    assert [t.key for t in q.initials] == ["n", "b", "yu"]
    assert len(q.words) + len(q.initials) == translit.MAX_TERMS
    assert any("16 words" in n for n in q.notices)
    assert parse(None).empty and parse("  ,.;").empty


def test_control_characters_are_dropped_and_whitespace_controls_separate_words() -> None:
    q = parse("Е\x00жов\tЯго\x7fда\nН\x9f.")
    assert q.text == "Ежов Ягода Н."
    assert [w.key for w in q.words] == ["ежов", "ягода"]
    assert [t.text for t in q.initials] == ["Н"]


def test_lone_surrogates_become_replacement_characters() -> None:
    q = parse("Ежов\ud800Ягода\udfff")
    assert q.text == "Ежов\ufffdЯгода\ufffd"
    q.text.encode("utf-8")  # would raise on a surrogate
    assert [w.key for w in q.words] == ["ежов", "ягода"]


@pytest.mark.parametrize(("length", "cut"), [(translit.MAX_QUERY_CHARS, False), (300, True)])
def test_text_beyond_the_character_cap_is_cut_with_a_notice(length: int, cut: bool) -> None:
    q = parse("я" * length)
    assert len(q.text) == min(length, translit.MAX_QUERY_CHARS)
    assert bool(q.notices) is cut


@pytest.mark.parametrize(("count", "cut"), [(translit.MAX_TERMS, False), (17, True)])
def test_words_beyond_the_term_cap_are_dropped_with_a_notice(count: int, cut: bool) -> None:
    q = parse(" ".join(f"слово{i}" for i in range(count)))
    assert [w.key for w in q.words] == [f"слово{i}" for i in range(min(count, 16))]
    assert bool(q.notices) is cut


@pytest.mark.parametrize("value", [None, b"\xd0\x95\xd0\xb6\xd0\xbe\xd0\xb2", 42, ["Ежов"]])
def test_anything_but_text_is_an_empty_query(value: object) -> None:
    q = parse(value)
    assert q.empty and q.text == "" and q.notices == ()


def test_one_word_in_several_cases_and_yo_spellings_is_searched_once() -> None:
    q = parse("Ежов ЁЖОВ ежов Ягода")
    assert [w.key for w in q.words] == ["ежов", "ягода"]


@pytest.mark.parametrize(
    ("text", "initial"),
    [
        ("Н", True),
        ("N.", True),
        ("Yu.", True),
        ("Zh.", True),
        ("Yu", False),  # two letters need the dot
        ("YU.", False),  # … and a capital then a small letter
        ("yu.", False),
        ("Abc.", False),
        ("1.", False),
    ],
)
def test_initials_are_one_letter_or_two_letters_and_a_dot(text: str, initial: bool) -> None:
    q = parse(f"{text} Каменев")
    assert (len(q.initials), len(q.words)) == ((1, 1) if initial else (0, 2))


@pytest.mark.parametrize("text", ["Н", "N", "Ч"])
def test_a_letter_typed_alone_is_the_start_of_a_name_not_an_initial(text: str) -> None:
    q = parse(text)
    assert (len(q.initials), [w.key for w in q.words]) == (0, [text.lower()])


def test_initials_with_dots_stay_initials_even_alone() -> None:
    q = parse("М.К.")
    assert len(q.initials) == 2 and not q.words


_HOSTILE = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.sampled_from(
            ["Ежов", "Н.", "Yu.", " ", "\x00", "\t", "\x7f", "\ud800", "ё", "\u0301", '"', "*"]
        ),
        max_size=300,
    ).map("".join),
)


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(_HOSTILE)
def test_any_text_parses_into_clean_capped_terms(text: str) -> None:
    q = parse(text)
    assert len(q.text) <= translit.MAX_QUERY_CHARS
    assert not any(unicodedata.category(c) in ("Cc", "Cs") for c in q.text)
    assert len(q.words) + len(q.initials) <= translit.MAX_TERMS
    keys = [w.key for w in q.words]
    assert len(keys) == len(set(keys))
    assert all(
        k and k == translit.word_key(w.token.text) for k, w in zip(keys, q.words, strict=True)
    )


# -- one_edit -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("yenukidze", "yenukldze", True),
        ("krasnoperov", "krasnoprov", True),
        ("kochetova", "kochetvoa", True),
        ("chernyavsky", "chernyavskyi", True),
        ("kochetova", "kochetova", False),
        ("kochetova", "kchetvoa", False),
        ("abc", "abcde", False),
    ],
)
def test_one_edit(a: str, b: str, ok: bool) -> None:
    assert one_edit(a, b) is ok and one_edit(b, a) is ok


def _one_edit_variants(word: str, alphabet: str) -> set[str]:
    """Every string one substitution, insertion, deletion or adjacent swap away."""
    out = set()
    for i in range(len(word) + 1):
        out.update(word[:i] + c + word[i:] for c in alphabet)
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])
        out.update(word[:i] + c + word[i + 1 :] for c in alphabet)
    for i in range(len(word) - 1):
        out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    out.discard(word)
    return out


def test_one_edit_accepts_exactly_the_one_edit_variants() -> None:
    alphabet = "abc"
    words = ["".join(p) for n in range(5) for p in product(alphabet, repeat=n)]
    wrong = [
        (a, b)
        for a in words
        for b, expected in ((b, b in _one_edit_variants(a, alphabet)) for b in words)
        if one_edit(a, b) is not expected
    ]
    assert wrong == []


# -- nominatives ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declined", "nominative"),
    [
        ("Розенфельда", "розенфелд"),
        ("Мухановой", "муханова"),
        ("Синелобовой", "синелобова"),
        ("Чернявского", "чернявскии"),
        ("Ежову", "ежов"),
    ],
)
def test_nominatives_of_declined_surnames(declined: str, nominative: str) -> None:
    assert nominative in nominatives(declined)


def test_a_feminine_declined_surname_does_not_become_the_masculine_one() -> None:
    assert "синелобов" not in nominatives("Синелобовой")


@pytest.mark.parametrize("word", ["Ежов", "Мухановой", "Чернявского"])
def test_a_word_is_not_its_own_nominative(word: str) -> None:
    assert translit.fold(word) not in nominatives(word)


def test_a_failing_morphology_analyser_leaves_the_suffix_rules(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> object:
        raise RuntimeError("dictionary missing")

    monkeypatch.setattr(query, "_morph", broken)
    assert "муханова" in nominatives("Мухановой")
    assert "morphology parse" in caplog.text


def test_a_failing_warm_up_is_logged_and_searched_again_later(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[int] = []

    def broken() -> object:
        calls.append(1)
        raise RuntimeError("dictionary missing")

    monkeypatch.setattr(query, "_load_morph", broken)
    query.warm_up()  # no exception reaches the worker
    assert "loading the morphology dictionaries failed" in caplog.text
    assert "муханова" in nominatives("Мухановой")  # the search asks again, and goes on
    assert len(calls) == 2


# -- resolve --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def person_of(raw: sqlite3.Connection) -> dict[str, int]:
    """Person id → pk, from plain SQL."""
    return {str(i): int(pk) for i, pk in raw.execute("SELECT id, pk FROM person")}


@pytest.mark.parametrize(
    ("text", "fuzzy", "term", "rank", "origin"),
    [
        ("Ежов", False, "ежов", Rank.NAME, ""),
        ("Yezhov", False, "ежов", Rank.SPELLING, "wiki bgn"),
        ("Jeschow", False, "ежов", Rank.SPELLING, "de"),
        ("Iejov", False, "ежов", Rank.SPELLING, "fr"),
        ("Jeżow", False, "ежов", Rank.SPELLING, "pl"),
        ("Ezov", False, "ежов", Rank.SPELLING, "sci iso9"),
        ("Ежо", False, "ежов", Rank.PREFIX, "cyr"),
        ("Kameneva", False, "kamenev", Rank.FORM, "feminine"),
        ("Раевский", False, "раевская", Rank.FORM, "masculine"),
        ("Мухановой", False, "муханова", Rank.FORM, "declined"),
        ("Tschernjawski", True, "chernyavskiy", Rank.SIMILAR, "lat"),
        ("Yenukldze", True, "енукидзе", Rank.TYPO, "wiki bgn"),
    ],
)
def test_resolve_finds_the_name_key_with_its_rank_and_origin(
    raw: sqlite3.Connection, text: str, fuzzy: bool, term: str, rank: Rank, origin: str
) -> None:
    (word,) = resolve(raw, parse(text), fuzzy=fuzzy).words
    found = {c.term: c for c in word.candidates}
    assert (found[term].rank, found[term].origin) == (rank, origin)


@pytest.mark.parametrize("text", ["Tschernjawski", "Yenukldze", "Korolkov", "Chernjavskij"])
def test_similar_spellings_and_typos_are_looked_for_only_when_fuzzy(
    raw: sqlite3.Connection, text: str
) -> None:
    (plain,) = resolve(raw, parse(text)).words
    (fuzzy,) = resolve(raw, parse(text), fuzzy=True).words
    assert max(c.rank for c in plain.candidates) < Rank.SIMILAR
    assert max(c.rank for c in fuzzy.candidates) >= Rank.SIMILAR


def test_words_shorter_than_the_typo_length_get_no_typos(raw: sqlite3.Connection) -> None:
    # kagan is stored and one letter off from kagen, but kagen is too short to be a typo.
    assert len("kagen") < MIN_TYPO and one_edit("kagen", "kagan")
    assert raw.execute("SELECT 1 FROM search_vocab WHERE key = 'kagan'").fetchone()
    (word,) = resolve(raw, parse("Kagen"), fuzzy=True).words
    assert all(c.rank != Rank.TYPO for c in word.candidates)


def test_short_words_stand_for_the_first_spellings_that_start_with_them(
    raw: sqlite3.Connection,
) -> None:
    (short,) = resolve(raw, parse("ко")).words
    (longer,) = resolve(raw, parse("кор")).words
    assert len(short.key) < MIN_PREFIX <= len(longer.key) and short.short and not longer.short
    expected = [
        str(r[0])
        for r in raw.execute(
            "SELECT term FROM search_vocab WHERE key > 'ко' AND key < 'кп' LIMIT ?",
            (query.SHORT_PREFIX_WORDS,),
        )
    ]
    assert {c.term for c in short.terms(Rank.PREFIX)} == {"ко", *expected}
    assert not short.wide  # never an FTS5 prefix query over every term
    assert "*" not in fts_expression(resolve(raw, parse("ко")), Rank.PREFIX)
    assert "королев" in {c.term for c in longer.terms(Rank.PREFIX)}


@pytest.mark.parametrize("text", ["Kameneva", "Tschernjawski", "kor", "Ежо", "Yenukldze"])
def test_each_term_appears_once_at_its_best_rank_best_first(
    raw: sqlite3.Connection, text: str
) -> None:
    (word,) = resolve(raw, parse(text), fuzzy=True).words
    terms = [c.term for c in word.candidates]
    assert len(terms) == len(set(terms))
    assert [(c.rank, c.term) for c in word.candidates] == sorted(
        (c.rank, c.term) for c in word.candidates
    )
    assert word.candidates[0].term == word.key and word.candidates[0].rank == Rank.NAME


def test_at_most_max_alternatives_spellings_stand_for_a_word_in_one_way(
    raw: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    (word,) = resolve(raw, parse("Tschernjawski"), fuzzy=True).words
    similar = [c for c in word.candidates if c.rank == Rank.SIMILAR]
    assert 2 < len(similar) <= MAX_ALTERNATIVES
    monkeypatch.setattr(query, "MAX_ALTERNATIVES", 2)
    (capped,) = resolve(raw, parse("Tschernjawski"), fuzzy=True).words
    assert 0 < len([c for c in capped.candidates if c.rank == Rank.SIMILAR]) <= 2


# -- FTS5 expressions -----------------------------------------------------------------------


def _people(raw: sqlite3.Connection, expr: str) -> set[int]:
    return {
        int(r[0])
        for r in raw.execute("SELECT rowid FROM person_fts WHERE person_fts MATCH ?", (expr,))
    }


def test_spellings_match_from_the_spelling_tier_on(
    raw: sqlite3.Connection, person_of: dict[str, int]
) -> None:
    q = resolve(raw, parse("Jeschow"))
    assert _people(raw, fts_expression(q, Rank.NAME)) == set()
    assert _people(raw, fts_expression(q, Rank.SPELLING)) == {person_of["yezhov-nikolai"]}


def test_the_other_gender_joins_at_the_form_tier(
    raw: sqlite3.Connection, person_of: dict[str, int]
) -> None:
    q = resolve(raw, parse("Kameneva"))
    assert _people(raw, fts_expression(q, Rank.PREFIX)) == {person_of["kameneva-olga"]}
    assert _people(raw, fts_expression(q, Rank.FORM)) == {
        person_of["kameneva-olga"],
        person_of["kamenev-lev"],
    }


@pytest.mark.parametrize(
    ("text", "given", "patronymic"),
    [
        ("Н.Б. Розенфельд", "Н", "Б"),
        ("Розенфельд Б.Н.", "Б", "Н"),
        ("Rozenfeld N. A.", "Н", "А"),
    ],
)
def test_initials_select_given_name_then_patronymic(
    raw: sqlite3.Connection, text: str, given: str, patronymic: str
) -> None:
    expected = {
        int(pk)
        for pk, name in raw.execute("SELECT pk, name_ru FROM person")
        if (parts := str(name).split())[0] == "Розенфельд"
        and parts[1].startswith(given)
        and parts[2].startswith(patronymic)
    }
    assert len(expected) == 1
    q = resolve(raw, parse(text))
    assert _people(raw, fts_expression(q, Rank.SPELLING)) == expected


@pytest.mark.parametrize(
    ("term", "rows"),
    [
        ("NEAR", {1}),
        ("AND", {2}),
        ("OR NOT", {3}),
        ('a"b', {4}),
        ("x*", {5}),
        ("keys:x", set()),
        ("^x", {5}),
        ("NEAR(x y)", set()),
    ],
)
def test_quoted_terms_are_literal_words_never_fts5_syntax(term: str, rows: set[int]) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(keys)")
        conn.executemany(
            "INSERT INTO t (rowid, keys) VALUES (?, ?)",
            [(1, "near"), (2, "and"), (3, "or not"), (4, "a b"), (5, "x"), (6, "xylophone")],
        )
        found = {r[0] for r in conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (quote(term),))}
    finally:
        conn.close()
    assert found == rows


@pytest.mark.parametrize(("text", "rows"), [("AND NEAR", {1}), ("NOT", {2}), ("OR", {2, 3})])
def test_query_words_that_are_fts5_keywords_are_searched_as_words(
    text: str, rows: set[int]
) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        index.create(conn)
        conn.executemany(
            "INSERT INTO person_fts (rowid, keys) VALUES (?, ?)",
            [(1, "and near"), (2, "or not"), (3, "or")],
        )
        q = resolve(conn, parse(text))
        assert _people(conn, fts_expression(q, Rank.TYPO)) == rows
    finally:
        conn.close()


def test_a_wide_prefix_is_one_fts5_prefix_query_from_the_prefix_tier(
    raw: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    completions = raw.execute(
        "SELECT count(DISTINCT term) FROM search_vocab WHERE key > 'kor' AND key < 'kos'"
    ).fetchone()[0]
    monkeypatch.setattr(query, "PREFIX_WORDS", completions - 1)
    (word,) = resolve(raw, parse("kor")).words
    assert word.wide
    assert '"kor"*' in fts_expression(resolve(raw, parse("kor")), Rank.PREFIX)
    assert "*" not in fts_expression(resolve(raw, parse("kor")), Rank.SPELLING)


@pytest.mark.parametrize(
    ("initial", "first", "also"),
    [("Ю.", "ю", set()), ("Yu.", "y", {"ю", "я"}), ("Zh.", "z", {"ж", "з"}), ("N", "n", {"н"})],
)
def test_an_initial_stands_for_its_letter_and_latin_ones_for_cyrillic_letters(
    initial: str, first: str, also: set[str]
) -> None:
    (token,) = parse(f"{initial} Kamenev").initials
    letters = initial_letters(token)
    assert letters[0] == first and also <= set(letters[1:])
    assert len(letters) == 1 if token.cyrillic else len(letters) > 1


# -- text search ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "stemmed"),
    [
        ("мухановои", "муханов"),
        ("чернявского", "чернявск"),
        ("librarians", "librarian"),
        ("ежов", "ежов"),  # the stem must keep four letters
        ("cases", "case"),
    ],
)
def test_stem_drops_one_inflection_ending(key: str, stemmed: str) -> None:
    assert stem(key) == stemmed


def test_text_prefixes_are_the_word_and_its_stem_once_each() -> None:
    assert text_prefixes(parse("Мухановой Ежов")) == [["мухановои", "муханов"], ["ежов"]]


_QUOTED = re.compile(r'"((?:[^"]|"")*)"')


@pytest.mark.parametrize("text", ["Чернявского", "Мухановой", "librarians"])
def test_a_text_prefix_becomes_the_indexed_words_it_begins(
    raw: sqlite3.Connection, text: str
) -> None:
    expr = text_expression(raw, parse(text))
    words = [str(r[0]) for r in raw.execute("SELECT key FROM search_words")]
    prefixes = text_prefixes(parse(text))[0]
    expected = {w for w in words if any(w.startswith(p) for p in prefixes)}
    assert expected and set(_QUOTED.findall(expr)) == expected
    assert "*" not in expr


def test_a_word_shorter_than_the_prefix_length_is_matched_whole(raw: sqlite3.Connection) -> None:
    assert text_expression(raw, parse("ок")) == '("ок")'


def test_a_word_no_text_contains_gives_no_expression(raw: sqlite3.Connection) -> None:
    assert text_expression(raw, parse("Ежов zzzqx")) == ""


def test_a_text_prefix_with_many_words_is_one_prefix_query(
    raw: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query, "PREFIX_WORDS", 1)
    assert text_expression(raw, parse("Мухановой")) == '("мухановои" OR "муханов"*)'


def test_the_text_expression_finds_the_documents_whose_titles_have_the_word(
    raw: sqlite3.Connection,
) -> None:
    lo, hi = index.kind_range("document")
    expr = text_expression(raw, parse("Чернявского"))
    found = {
        int(r[0]) - lo
        for r in raw.execute(
            "SELECT rowid FROM text_fts WHERE text_fts MATCH ? AND rowid BETWEEN ? AND ?",
            (expr, lo, hi),
        )
    }
    expected = {
        int(pk)
        for pk, title in raw.execute("SELECT pk, title FROM document")
        if any(w.startswith("чернявск") for w in re.findall(r"\w+", str(title).lower()))
    }
    assert expected and found == expected


def test_notices_have_the_plural_form_of_their_number() -> None:
    from db import i18n

    text = "word " * (translit.MAX_TERMS + 3)
    i18n.set_language("ru")
    try:
        notices = query.parse(text).notices
        long = query.parse("x" * (translit.MAX_QUERY_CHARS + 5)).notices
        forms = {
            n: i18n.ngettext(
                "only the first {n} word was searched", "only the first {n} words were searched", n
            ).format(n=n)
            for n in (1, 2, 5, 11, 21, 22, 25)
        }
    finally:
        i18n.set_language("en")
    assert notices == (f"учтены только первые {translit.MAX_TERMS} слов",)
    assert long == (f"запрос сокращён до {translit.MAX_QUERY_CHARS} символов",)
    assert forms == {
        1: "учтены только первые 1 слово",
        2: "учтены только первые 2 слова",
        5: "учтены только первые 5 слов",
        11: "учтены только первые 11 слов",
        21: "учтены только первые 21 слово",
        22: "учтены только первые 22 слова",
        25: "учтены только первые 25 слов",
    }


def test_text_prefixes_add_the_name_in_the_other_script(raw: sqlite3.Connection) -> None:
    yezhov = resolve(raw, parse("Ezhov"))
    assert yezhov.words[0].other_script == ("ежов", "yezhov")
    assert text_prefixes(yezhov) == [["ezhov", "ежов", "yezhov"]]
    kameneva = resolve(raw, parse("Каменевой"))  # declined: the stored name, in both scripts
    assert "kameneva" in kameneva.words[0].other_script
    assert kameneva.words[0].other_script[0] == "каменева"  # a page marks «Каменева» too
