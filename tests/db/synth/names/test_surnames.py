"""Surname pools per naming group: the hand-written list first, in frequency order, then its
combinatorial tail; every male nominative once; national spellings kept beside the Cyrillic."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from db.synth.names import surnames
from db.synth.names.declension import Surname
from db.synth.names.surname_data import RU_TOP, TT_TOP

BUILDERS: dict[str, Callable[[], tuple[Surname, ...]]] = {
    "ru": surnames.russian,
    "ua": surnames.ukrainian,
    "by": surnames.belarusian,
    "am": surnames.armenian,
    "ge": surnames.georgian,
    "pl": surnames.polish,
    "de": surnames.german,
    "lv": surnames.latvian,
    "lt": surnames.lithuanian,
    "jw": surnames.jewish,
    "tt": surnames.tatar,
}


def males(group: str) -> list[str]:
    return [s.ru[0] for s in BUILDERS[group]()]


@pytest.mark.parametrize("group", sorted(BUILDERS))
def test_each_male_nominative_occurs_once_in_its_group(group: str) -> None:
    names = males(group)
    assert names and len(names) == len(set(names))
    assert {s.group for s in BUILDERS[group]()} == {group}


def test_the_hand_written_list_comes_first_in_its_order() -> None:
    assert males("ru")[: len(RU_TOP)] == RU_TOP
    assert males("tt")[: len(TT_TOP)] == TT_TOP


def test_a_repeat_keeps_its_first_place() -> None:
    # Беридзе is both a listed name (7th) and a stem + -дзе; the listed place wins.
    names = males("ge")
    assert names.index("Беридзе") == 6 and names.count("Беридзе") == 1


@pytest.mark.parametrize(
    ("group", "made"),
    [
        ("ru", "Белоусов"),  # prefix + root
        ("ru", "Черноглазов"),
        ("ru", "Бобровский"),  # every third stem also in -ский
        ("ru", "Сычёв"),  # a stem marked with ! takes -ёв
        ("ru", "Галкин"),
        ("ua", "Бабиченко"),
        ("by", "Антович"),
        ("am", "Тер-Петросян"),
        ("am", "Петросян"),
        ("jw", "Розенберг"),
        ("tt", "Нуруллин"),
    ],
)
def test_the_combinatorial_tails_make_the_documented_forms(group: str, made: str) -> None:
    assert made in males(group)


@pytest.mark.parametrize("made", ["Галиуллин", "Валиуллин"])
def test_tatar_roots_keep_their_final_i_before_ullin(made: str) -> None:
    assert made in males("tt")


@pytest.mark.parametrize(
    ("group", "ru", "native"),
    [
        ("pl", ("Вишневский", "Вишневская"), ("Wiśniewski", "Wiśniewska")),
        ("pl", ("Лукасевич", "Лукасевич"), ("Łukasiewicz", "Łukasiewicz")),
        ("de", ("Миллер", "Миллер"), ("Müller", "Müller")),
        ("lv", ("Берзиньш", "Берзиня"), ("Bērziņš", "Bērziņa")),
        ("lt", ("Казлаускас", "Казлаускене"), ("Kazlauskas", "Kazlauskienė")),
        ("ge", ("Буачешвили", "Буачешвили"), ("Buacheshvili", "Buacheshvili")),
    ],
)
def test_national_spellings_stay_beside_the_cyrillic_forms(
    group: str, ru: tuple[str, str], native: tuple[str, str]
) -> None:
    found = {s.ru: s.native for s in BUILDERS[group]()}
    assert found[ru] == native


def test_only_latvian_names_carry_an_older_russified_form() -> None:
    with_old = {g for g, build in BUILDERS.items() for s in build() if s.russified}
    assert with_old == {"lv"}
    assert {s.ru[0]: s.russified for s in surnames.latvian()}["Берзиньш"] == "Берзинь"


@pytest.mark.parametrize("group", ["ru", "ua", "by", "am", "jw", "tt"])
def test_groups_without_a_national_spelling_have_none(group: str) -> None:
    assert {s.native for s in BUILDERS[group]()} == {None}


def test_the_pools_are_the_same_every_time() -> None:
    assert all(build() == build() for build in BUILDERS.values())
