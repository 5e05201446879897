"""Why a hit matched: the sentence names the spelling system or rule, and every span is right.

The people and their name forms come from the bundled archive by plain SQL, the query words
from :func:`db.search.query.resolve` on the same archive.  Each explanation must say which way
the word met the name (a system's spelling, a form, a typo …), emphasise exactly the typed or
stored spelling, score by its worst word, and give label spans on the matched name's
characters.  Properties prove that :func:`highlight`, :func:`text_spans` and :func:`snippet`
give in-bounds spans for any text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.search import translit
from db.search.explain import (
    SNIPPET_AFTER,
    SNIPPET_BEFORE,
    Explained,
    PersonWords,
    Span,
    Why,
    explain_person,
    highlight,
    respell,
    snippet,
    text_spans,
)
from db.search.query import parse, resolve

Explain = Callable[[str, str], tuple[Explained, str]]


@pytest.fixture(scope="module")
def explain(raw: sqlite3.Connection) -> Explain:
    """(query text, person id) → (explanation, the person's label as the search shows it)."""

    def run(text: str, person_id: str) -> tuple[Explained, str]:
        pk, name_ru, name_en = raw.execute(
            "SELECT pk, name_ru, name_en FROM person WHERE id = ?", (person_id,)
        ).fetchone()
        forms = [(str(name_ru), "cyrl", "russian"), (str(name_en), "latn", "english")]
        forms += [
            (str(n), str(s), str(k))
            for n, s, k in raw.execute(
                "SELECT name, script, kind FROM person_name WHERE person_pk = ? ORDER BY pk",
                (pk,),
            )
        ]
        query = resolve(raw, parse(text), fuzzy=True)
        return explain_person(query, PersonWords.of(forms)), f"{name_en} ({name_ru})"

    return run


def _marked(text: str, spans: tuple[Span, ...]) -> list[str]:
    return [text[a:b] for a, b in spans]


# -- Why ------------------------------------------------------------------------------------


def test_emphasised_parts_are_exactly_what_the_spans_cover() -> None:
    why = Why().add("German spelling ").add("Jeschow", True).add(" of Ежов")
    why.clause().add("initials ").add("Н. Б.", True).add("", True)
    assert why.text == "German spelling Jeschow of Ежов; initials Н. Б."
    assert _marked(why.text, tuple(why.spans)) == ["Jeschow", "Н. Б."]


def test_a_clause_separator_comes_only_between_clauses() -> None:
    assert Why().clause().add("a").clause().add("b").text == "a; b"


# -- explain_person -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "why", "why_marks", "label_marks", "rank"),
    [
        ("Ежов", "yezhov-nikolai", "name Ежов", ["Ежов"], ["Ежов"], 0),
        ("Yezhov", "yezhov-nikolai", "name Yezhov", ["Yezhov"], ["Yezhov", "Ежов"], 0),
        (
            "Jeschow",
            "yezhov-nikolai",
            "German spelling Jeschow of Ежов",
            ["Jeschow"],
            ["Ежов"],
            1,
        ),
        ("Iejov", "yezhov-nikolai", "French spelling Iejov of Ежов", ["Iejov"], ["Ежов"], 1),
        ("Jeżow", "yezhov-nikolai", "Polish spelling Jeżow of Ежов", ["Jeżow"], ["Ежов"], 1),
        (
            "Ezov",
            "yezhov-nikolai",
            "scholarly and ISO 9/GOST 7.79 spelling Ežov of Ежов",
            ["Ežov"],
            ["Ежов"],
            1,
        ),
        (
            "Tcherniavski",
            "cherniavsky-mikhail",
            "French spelling Tcherniavski of Чернявский",
            ["Tcherniavski"],
            ["Чернявский"],
            1,
        ),
        ("Розен", "rozenfeld-nikolai", "name Розенфельд", ["Розенфельд"], ["Розенфельд"], 2),
        (
            "Kameneva",
            "kamenev-lev",
            "feminine or genitive form Kameneva of Kamenev",
            ["Kameneva"],
            ["Kamenev", "Каменев"],
            3,
        ),
        (
            "Мухановой",
            "mukhanova-ekaterina",
            "declined form Мухановой of Муханова",
            ["Мухановой"],
            ["Муханова"],
            3,
        ),
        (
            "Chernjavskij",
            "cherniavsky-mikhail",
            "spelling Chernjavskij similar to Cherniavsky",
            ["Chernjavskij", "Cherniavsky"],
            ["Cherniavsky", "Чернявский"],
            4,
        ),
        (
            "Yenukldze",
            "yenukidze-avel",
            "one letter off from Yenukidze",
            ["Yenukidze"],
            ["Yenukidze", "Енукидзе"],
            5,
        ),
    ],
)
def test_explanation_says_how_the_word_met_the_name(
    explain: Explain,
    text: str,
    person: str,
    why: str,
    why_marks: list[str],
    label_marks: list[str],
    rank: int,
) -> None:
    ex, label = explain(text, person)
    assert ex.why == why
    assert _marked(ex.why, ex.why_spans) == why_marks
    assert _marked(label, highlight(label, ex.matched)) == label_marks
    assert ex.score == (rank, rank)


def test_the_score_is_the_worst_word_then_the_sum(explain: Explain) -> None:
    ex, _label = explain("Jeschow Николай", "yezhov-nikolai")
    assert ex.why == "German spelling Jeschow of Ежов; name Николай"
    assert _marked(ex.why, ex.why_spans) == ["Jeschow", "Николай"]
    assert ex.score == (1, 2)  # + 1: one of the words found is a given name, not a surname
    worse, _label = explain("Kameneva Лев", "kamenev-lev")
    assert worse.score == (3, 4)


def test_a_surname_found_ranks_before_a_given_name_found(explain: Explain) -> None:
    surname, _label = explain("М", "mukhanova-ekaterina")
    given, _label = explain("М", "cherniavsky-mikhail")
    assert surname.score < given.score


def test_a_word_the_person_lacks_adds_no_clause(explain: Explain) -> None:
    ex, _label = explain("Ежов Ягода", "yezhov-nikolai")
    assert ex.why == "name Ежов" and ex.matched == frozenset({"ежов"})


@pytest.mark.parametrize(
    ("text", "person", "score"),
    [
        ("Н.Б. Розенфельд", "rozenfeld-nikolai", (0, 0)),
        ("Б.Н. Розенфельд", "rozenfeld-nikolai", (3, 3)),
        ("Б.Н. Розенфельд", "rozenfeld-boris", (0, 0)),
    ],
)
def test_initials_in_the_wrong_order_rank_as_a_form(
    explain: Explain, text: str, person: str, score: tuple[int, int]
) -> None:
    ex, _label = explain(text, person)
    typed = text.split()[0].replace(".", ". ").strip()
    assert ex.why.endswith(f"; initials {typed}")
    assert _marked(ex.why, ex.why_spans)[-1] == typed
    assert ex.score == score


@pytest.mark.parametrize(
    ("text", "weak", "why", "strong"),
    [
        ("Ivanov", "cherniavsky-mikhail", "cover name Ivanov", "ivanov-f-g"),
        ("Коновая", "konova-anna", "misspelling in a source Коновая", None),
    ],
)
def test_a_cover_name_or_misspelling_ranks_after_a_persons_own_name(
    explain: Explain, text: str, weak: str, why: str, strong: str | None
) -> None:
    ex, _label = explain(text, weak)
    assert ex.why == why and ex.score == (0, 1)
    if strong is not None:
        own, _label = explain(text, strong)
        assert own.why == f"name {text}" and own.score == (0, 0)


def test_russian_forms_name_the_word_whatever_order_the_forms_come_in() -> None:
    person = PersonWords.of(
        [
            ("Ежов Н. И.", "cyrl", "variant"),
            ("Ежов Николай Иванович", "cyrl", "russian"),
            ("Nikolai Ezhov", "latn", "variant"),
        ]
    )
    assert person.words["ежов"] == ("Ежов", "russian")
    assert person.words["ezhov"] == ("Ezhov", "variant")
    assert {"0н", "1и", "0n"} <= person.keys
    assert person.shown("нет") == "нет"


@pytest.mark.parametrize(
    ("cyrillic", "spelling", "origin", "shown"),
    [
        ("Ежов", "ezov", "sci iso9", "Ežov"),
        ("Ежов", "jezow", "pl", "Jeżow"),
        ("Ежов", "jeschow", "de", "Jeschow"),
        ("Королёв", "korolev", "wiki", "Korolev"),  # spelt as if written with е
        ("Королёв", "korolyov", "wiki", "Korolyov"),
        ("Ежов", "zzz", "de", "Zzz"),  # no system gives it: the key, capitalised
    ],
)
def test_respell_restores_the_systems_capitals_and_diacritics(
    cyrillic: str, spelling: str, origin: str, shown: str
) -> None:
    assert respell(cyrillic, spelling, origin) == shown


# -- highlight, text_spans, snippet ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keys", "marked"),
    [
        ("Ежов Николай", {"jeschow"}, ["Ежов"]),  # a Latin key marks the Cyrillic word
        ("Ежов Николай", {"iejov"}, ["Ежов"]),
        ("Ежова Ежов", {"ежов"}, ["Ежов"]),  # a Cyrillic key marks its own word only
        ("Розенфельд Rosenfeld", {"rosenfeld"}, ["Розенфельд", "Rosenfeld"]),
        ("Ёжов, ЕЖОВ", {"ежов"}, ["Ёжов", "ЕЖОВ"]),
        ("Ежов", set(), []),
    ],
)
def test_highlight_marks_the_name_words_in_any_script(
    text: str, keys: set[str], marked: list[str]
) -> None:
    assert _marked(text, highlight(text, frozenset(keys))) == marked


@pytest.mark.parametrize(
    ("query", "text", "marked"),
    [
        ("Чернявского", "Дело Чернова, Чернявского и Чернявский", ["Чернявского", "Чернявский"]),
        ("librarians", "the librarian and the librarians", ["librarian", "librarians"]),
        ("ок", "ок около", ["ок"]),  # a short word matches whole words only
        ("кор", "Королёв и корона", ["Королёв", "корона"]),
    ],
)
def test_text_spans_mark_words_beginning_with_a_query_word(
    query: str, text: str, marked: list[str]
) -> None:
    assert _marked(text, text_spans(parse(query), text)) == marked


def test_a_snippet_is_cut_at_word_boundaries_around_the_first_match() -> None:
    text = "word " * 20 + "Чернявского " + "tail " * 40
    why = Why()
    snippet("summary", text, text_spans(parse("Чернявского"), text), why)
    assert why.text.startswith("summary: …word ") and why.text.endswith(" tail…")
    assert _marked(why.text, tuple(why.spans)) == ["Чернявского"]
    excerpt = why.text.removeprefix("summary: …").removesuffix("…")
    assert excerpt in text
    assert len(excerpt) <= SNIPPET_BEFORE + len("Чернявского") + SNIPPET_AFTER


def test_a_short_text_is_shown_whole() -> None:
    why = Why().add("title", True)
    snippet(
        "summary", "Дело Чернявского", text_spans(parse("Чернявского"), "Дело Чернявского"), why
    )
    assert why.text == "title; summary: Дело Чернявского"
    assert _marked(why.text, tuple(why.spans)) == ["title", "Чернявского"]


_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.sampled_from(
            [
                "Ежов",
                "Чернявского",
                "Rosenfeld",
                "jeschow",
                " ",
                ".",
                "’",
                "\u0301",
                "\u0308",
                "ё",
                "ь",
                "\x00",
                "\ud800",
                "😀",
                "ﬁ",
                "ß",
            ]
        ),
        max_size=120,
    ).map("".join),
)
_KEYS = st.frozensets(st.sampled_from(["ежов", "jeschow", "rozenfeld", "чернявского", "ss", ""]))


def _check_spans(text: str, spans: tuple[Span, ...]) -> None:
    """Spans lie in ``text``, in order, do not overlap, and each is one word of it."""
    words = {(t.start, t.end) for t in translit.tokenize(text)}
    assert all(0 <= a < b <= len(text) and (a, b) in words for a, b in spans)
    assert all(b <= c for (_a, b), (c, _d) in pairwise(spans))


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(_TEXT, _KEYS)
def test_highlight_spans_are_words_of_any_text(text: str, keys: frozenset[str]) -> None:
    _check_spans(text, highlight(text, keys))


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(_TEXT, _TEXT)
def test_text_spans_and_snippets_stay_within_any_text(query: str, text: str) -> None:
    spans = text_spans(parse(query), text)
    _check_spans(text, spans)
    if not spans:
        return
    why = Why().add("name ").add("Ежов", True)
    snippet("summary", text, spans, why)
    assert all(0 <= a < b <= len(why.text) for a, b in why.spans)
    marked = _marked(why.text, tuple(why.spans))
    assert marked[0] == "Ежов" and marked[1] == text[spans[0][0] : spans[0][1]]
    assert set(marked[1:]) <= {text[a:b] for a, b in spans}


# -- in Russian ------------------------------------------------------------------------------

from collections.abc import Iterator  # noqa: E402

from db import i18n  # noqa: E402
from db.search.explain import name_roles  # noqa: E402


@pytest.fixture
def russian() -> Iterator[None]:
    i18n.set_language("ru")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("text", "person", "why", "why_marks"),
    [
        ("Ежов", "yezhov-nikolai", "фамилия Ежов", ["Ежов"]),
        ("Николай", "yezhov-nikolai", "имя Николай", ["Николай"]),
        ("Jeschow", "yezhov-nikolai", "немецкое написание Jeschow фамилии Ежов", ["Jeschow"]),
        ("Iejov", "yezhov-nikolai", "французское написание Iejov фамилии Ежов", ["Iejov"]),
        (
            "Ezov",
            "yezhov-nikolai",
            "научное и стандартное (ГОСТ 7.79/ISO 9) написание Ežov фамилии Ежов",
            ["Ežov"],
        ),
        (
            "Kameneva",
            "kamenev-lev",
            "женская или падежная форма Kameneva фамилии Kamenev",
            ["Kameneva"],
        ),
        (
            "Мухановой",
            "mukhanova-ekaterina",
            "падежная форма Мухановой фамилии Муханова",
            ["Мухановой"],
        ),
        (
            "Chernjavskij",
            "cherniavsky-mikhail",
            "написание Chernjavskij, похожее на Cherniavsky",
            ["Chernjavskij", "Cherniavsky"],
        ),
        ("Yenukldze", "yenukidze-avel", "с точностью до одной буквы: Yenukidze", ["Yenukidze"]),
        ("Ivanov", "cherniavsky-mikhail", "псевдоним Ivanov", ["Ivanov"]),
    ],
)
def test_russian_explanations_say_the_same_with_the_same_marks(
    explain: Explain, russian: None, text: str, person: str, why: str, why_marks: list[str]
) -> None:
    ex, _label = explain(text, person)
    assert ex.why == why
    assert _marked(ex.why, ex.why_spans) == why_marks


def test_russian_initials_and_clauses(explain: Explain, russian: None) -> None:
    ex, _label = explain("Н.Б. Розенфельд", "rozenfeld-nikolai")
    assert ex.why == "фамилия Розенфельд; инициалы Н. Б."
    assert _marked(ex.why, ex.why_spans) == ["Розенфельд", "Н. Б."]


def test_a_snippet_names_its_field_in_the_readers_language(russian: None) -> None:
    why = Why()
    snippet("род занятий", "a librarian at the library", ((2, 11),), why)
    assert why.text == "род занятий: a librarian at the library"
    assert _marked(why.text, tuple(why.spans)) == ["librarian"]


@pytest.mark.parametrize(
    ("name", "cyrillic", "roles"),
    [
        (
            "Каменев (Розенфельд) Лев Борисович",
            True,
            {
                "каменев": "surname",
                "розенфелд": "surname",
                "лев": "given",
                "борисович": "patronymic",
            },
        ),
        ("Lev Kamenev", False, {"lev": "given", "kamenev": "surname"}),
        (
            "Lev Borisovich Kamenev",
            False,
            {"lev": "given", "borisovich": "patronymic", "kamenev": "surname"},
        ),
        ("Ryaskin", False, {"ryaskin": "surname"}),
        ("Иванов Ф. Г.", True, {"иванов": "surname"}),
    ],
)
def test_name_roles_know_surname_given_name_and_patronymic(
    name: str, cyrillic: bool, roles: dict[str, str]
) -> None:
    assert name_roles(name, cyrillic) == roles


def test_a_feminine_ending_that_is_also_a_genitive_says_both(explain: Explain) -> None:
    """Зиновьева is Зиновьев's wife's name and his genitive («допроса … Зиновьева»)."""
    assert explain("Зиновьева", "zinoviev-grigory")[0].why == (
        "feminine or genitive form Зиновьева of Зиновьев"
    )
    # -ская is no genitive (that is -ского): the feminine form only
    assert explain("Чернявская", "cherniavsky-mikhail")[0].why.startswith("feminine form ")
