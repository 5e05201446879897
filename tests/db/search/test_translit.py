"""Name keys: folding, word spans, every system's spellings, skeletons, initials, gender forms."""

from __future__ import annotations

import pytest

from db.search import translit


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


def test_systems_are_described_in_the_readers_language() -> None:
    from db import i18n

    assert translit.describe_systems(["de"]) == "German"
    assert translit.describe_systems(["sci", "iso9"]) == "scholarly and ISO 9/GOST 7.79"
    i18n.set_language("ru")
    try:
        assert translit.describe_systems(["de"]) == "немецкое"
        assert translit.describe_systems(["sci", "iso9"]) == (
            "научное и стандартное (ГОСТ 7.79/ISO 9)"
        )
        assert translit.describe_systems(["wiki", "bgn", "ala"]) == (
            "английское (Википедия), географическое (BGN/PCGN) и др."
        )
    finally:
        i18n.set_language("en")
