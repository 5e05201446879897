"""The German, French and Polish conventions spell Russian names as books in those languages do.

Each rule the module names (iotation at the start and after vowels, ``-ский`` → ``-ski``, the
doubled ``s``, French ``-ine`` and ``gu``, Polish ``ł``/``l`` and soft consonants) is pinned by
a name a reader meets in print; a property proves that no Russian letter is ever left
untransliterated.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.search.translit_tables import french, german, polish

RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
SYSTEMS: dict[str, Callable[[str], str]] = {"german": german, "french": french, "polish": polish}


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
    assert (german(word), french(word), polish(word)) == (de, fr, pl)


@pytest.mark.parametrize(
    ("system", "word", "spelled"),
    [
        # German: ё after a hushing consonant is o, elsewhere jo; й after е is j
        ("german", "Шолохов", "Scholochow"),
        ("german", "Ёлкин", "Jolkin"),
        ("german", "Майский", "Maiski"),
        ("german", "Щукин", "Schtschukin"),
        ("german", "Цветков", "Zwetkow"),
        # French: gu before е/и, -ин/-ын at the end → -ine, и after a vowel → ï
        ("french", "Георгий", "Gueorgui"),
        ("french", "Ленин", "Lenine"),
        ("french", "Заикин", "Zaïkine"),
        ("french", "Жуков", "Joukov"),
        ("french", "Щукин", "Chtchoukine"),
        # Polish: ł before hard vowels and consonants, l before soft ones; soft ń/ź at the end
        ("polish", "Павлов", "Pawłow"),
        ("polish", "Леонид", "Leonid"),
        ("polish", "Казань", "Kazań"),
        ("polish", "Кузьмин", "Kuźmin"),
        ("polish", "Майский", "Majski"),
        ("polish", "Цветков", "Cwietkow"),
        ("polish", "Шолохов", "Szołochow"),
    ],
)
def test_each_convention_applies_its_context_rules(system: str, word: str, spelled: str) -> None:
    assert SYSTEMS[system](word) == spelled


@pytest.mark.parametrize("system", sorted(SYSTEMS))
def test_a_lower_case_word_stays_lower_case_and_a_capital_stays_capital(system: str) -> None:
    spell = SYSTEMS[system]
    assert spell("ежов") == spell("Ежов").lower()
    assert spell("Ежов")[0].isupper() and spell("ежов")[0].islower()


@pytest.mark.parametrize("system", sorted(SYSTEMS))
def test_characters_outside_the_russian_alphabet_pass_through(system: str) -> None:
    assert SYSTEMS[system]("ов-2") == SYSTEMS[system]("ов") + "-2"


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(st.text(alphabet=RUSSIAN + RUSSIAN.upper(), min_size=1, max_size=20))
def test_no_russian_letter_is_left_in_any_spelling(word: str) -> None:
    for spell in SYSTEMS.values():
        spelled = spell(word)
        assert not any("\u0400" <= c <= "\u04ff" for c in spelled), (word, spelled)


@pytest.mark.parametrize(
    ("system", "word", "spelled"),
    [
        ("german", "Ильич", "Iljitsch"),
        ("german", "Ильин", "Iljin"),
        ("polish", "Ильич", "Iljicz"),
        ("polish", "Ильин", "Iljin"),
    ],
)
def test_a_soft_sign_before_i_is_written_j(system: str, word: str, spelled: str) -> None:
    assert SYSTEMS[system](word) == spelled


@pytest.mark.parametrize(
    ("word", "spelled"),
    [("Игнатьев", "Ignatjew"), ("Афанасьев", "Afanasjew"), ("Кондратьевич", "Kondratjewicz")],
)
def test_polish_keeps_a_hard_consonant_before_soft_sign_and_vowel(word: str, spelled: str) -> None:
    assert polish(word) == spelled
