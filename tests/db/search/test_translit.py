"""Name keys: folding, word spans, the transliteration tables and the build's vocabulary."""

from __future__ import annotations

import sqlite3

import pytest

from db.search import translit, translit_tables
from db.search.keys import person_keys
from db.search.query import nominatives, one_edit, parse
from tests.conftest import BUNDLED


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Королёв", "королев"),
        ("КОРОЛЕВ", "королев"),
        ("Сергей", "сергеи"),
        ("Розенфельд", "розенфелд"),
        ("Подъячев", "подячев"),
        ("Rozenfelʹd", "rozenfeld"),
        ("Zinov’yev", "zinovyev"),
        ("Ežov", "ezov"),
        ("Jeżow", "jezow"),
        ("Łukasz", "lukasz"),
        ("Straße", "strasse"),
        ("Cherni͡avskiĭ", "cherniavskii"),
        ("е\u0308", "е"),
        ("ﬁ", "fi"),
    ],
)
def test_fold(text: str, key: str) -> None:
    assert translit.fold(text) == key


def test_tokens_keep_spans_and_joiners() -> None:
    text = "Rozenfel'd N.B. Синани-Скалов"
    tokens = translit.tokenize(text)
    assert [(t.text, t.key, t.dot) for t in tokens] == [
        ("Rozenfel'd", "rozenfeld", False),
        ("N", "n", True),
        ("B", "b", True),
        ("Синани", "синани", False),
        ("Скалов", "скалов", False),
    ]
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize(
    ("word", "de", "fr", "pl"),
    [
        ("Ежов", "Jeschow", "Iejov", "Jeżow"),
        ("Чернявский", "Tschernjawski", "Tcherniavski", "Czerniawski"),
        ("Зиновьев", "Sinowjew", "Zinoviev", "Zinowjew"),
        ("Сергей", "Sergej", "Sergueï", "Siergiej"),
        ("Юрий", "Juri", "Iouri", "Jurij"),
        ("Хлевнюк", "Chlewnjuk", "Khlevniouk", "Chlewniuk"),
        ("Горбачёв", "Gorbatschow", "Gorbatchov", "Gorbaczow"),
        ("Сталин", "Stalin", "Staline", "Stalin"),
        ("Каменев", "Kamenew", "Kamenev", "Kamieniew"),
        ("Василий", "Wassili", "Vassili", "Wasilij"),
    ],
)
def test_german_french_polish_conventions(word: str, de: str, fr: str, pl: str) -> None:
    assert (
        translit_tables.german(word),
        translit_tables.french(word),
        translit_tables.polish(word),
    ) == (de, fr, pl)


def test_word_keys_name_their_systems() -> None:
    keys = dict(translit.word_keys("Ежов"))
    assert keys["jeschow"] == ("de",)
    assert "wiki" in keys["yezhov"] and "bgn" in keys["yezhov"]
    assert "ala" in keys["ezhov"] and "icao" in keys["ezhov"]
    assert "sci" in keys["ezov"]
    assert "ежов" not in keys  # the word's own key is not a transliteration


def test_yo_words_are_also_spelt_as_if_written_with_ye() -> None:
    keys = dict(translit.word_keys("Королёв"))
    assert {"korolyov", "korolev", "koroljow"} <= set(keys)


def test_skeleton_merges_mixed_spellings() -> None:
    spellings = [
        "tchernyavsky",
        "chernyavskiy",
        "cherniavskii",
        "chernjavskij",
        "tschernjawski",
        "czerniawski",
    ]
    assert len({translit.skeleton(s) for s in spellings}) == 1
    assert translit.skeleton("yezhov") == translit.skeleton("ezhov")


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Каменев (Розенфельд) Лев Борисович", ("л", "б")),
        ("Раевская (урожд. Урусова) Елена Юрьевна", ("е", "ю")),
        ("Иванов Ф. Г.", ("ф", "г")),
        ("Никитинская Анна И.", ("а", "и")),
        ("N. B. Rozenfeld", ("n", "b")),
        ("Konstantinova A. M.", ("a", "m")),
        ("Lev Rosenfeld", ("l",)),
        ("Ya. S. Agranov", ("y", "s")),
        ("Sinani", ()),
    ],
)
def test_initials_of_name_forms(name: str, initials: tuple[str, ...]) -> None:
    assert translit.parse_name(name, translit.is_cyrillic(name)).initials == initials


def test_latin_initials_stand_for_their_cyrillic_letters() -> None:
    assert {"ю", "я", "е"} <= translit.LATIN_INITIALS["y"]
    assert "ж" in translit.LATIN_INITIALS["z"] and "х" in translit.LATIN_INITIALS["k"]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("kameneva", ("feminine", ("kamenev",))),
        ("скалов", ("masculine", ("скалова",))),
        ("раевская", ("feminine", ("раевскии",))),
        ("ежов", ("masculine", ("ежова",))),
        ("енукидзе", ("", ())),
    ],
)
def test_gender_forms(key: str, expected: tuple[str, tuple[str, ...]]) -> None:
    gender, others = translit.gender_forms(key)
    assert gender == expected[0] and set(expected[1]) <= set(others)


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


def test_nominatives_of_declined_title_forms() -> None:
    assert "розенфелд" in nominatives("Розенфельда")
    assert "муханова" in nominatives("Мухановой")
    assert "чернявскии" in nominatives("Чернявского")


def test_parse_caps_and_classifies() -> None:
    q = parse("Rozenfeld N. B. Yu. Kamenev" + "".join(f" слово{i}" for i in range(30)))
    assert [w.key for w in q.words][:2] == ["rozenfeld", "kamenev"]
    assert [t.key for t in q.initials] == ["n", "b", "yu"]
    assert len(q.words) + len(q.initials) == translit.MAX_TERMS
    assert any("16 words" in n for n in q.notices)
    assert parse(None).empty and parse("  ,.;").empty


def test_person_keys_hold_names_and_initials_only() -> None:
    keys = person_keys([("Розенфельд Николай Борисович", "cyrl"), ("N. B. Rozenfeld", "latn")])
    assert {"розенфелд", "николаи", "борисович", "rozenfeld", "0н", "1б", "0n", "1b"} == set(keys)


def test_bundled_vocabulary_maps_spellings_back_to_cyrillic() -> None:
    conn = sqlite3.connect(BUNDLED.as_uri() + "?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT key, origin FROM search_vocab WHERE term = 'ежов'").fetchall()
    finally:
        conn.close()
    origins = dict(rows)
    assert origins["jeschow"] == "de" and origins["iejov"] == "fr" and origins["jezow"] == "pl"
    assert origins["ежов"] == "cyr"
