"""Given names per naming group: male names carry the patronymics they make, female names
none; national Latin spellings where the group has one."""

from __future__ import annotations

import re

import pytest

from db.synth.names import given_names as g
from db.synth.names.given_names import Given

CYRILLIC_WORD = re.compile(r"[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?")
MALE = {k: v for k, v in vars(g).items() if k.endswith("_MALE")}
FEMALE = {k: v for k, v in vars(g).items() if k.endswith("_FEMALE")}
NATIVE_GROUPS = ("GE", "LV", "LT", "PL", "DE")


def test_every_group_has_its_lists_and_ukrainian_women_use_the_russian_one() -> None:
    groups = {"RU", "UA", "JW", "TT", "AM", "GE", "LV", "LT", "PL", "DE"}
    assert {k.removesuffix("_MALE") for k in MALE} == groups
    assert {k.removesuffix("_FEMALE") for k in FEMALE} == groups - {"UA"}


@pytest.mark.parametrize("key", sorted(MALE))
def test_male_names_make_a_male_and_a_female_patronymic(key: str) -> None:
    for name in MALE[key]:
        assert name.patronymic is not None, name
        male, female = name.patronymic
        assert male.endswith("ич") and female.endswith("на"), name
        assert CYRILLIC_WORD.fullmatch(name.ru) and CYRILLIC_WORD.fullmatch(male), name


@pytest.mark.parametrize("key", sorted(FEMALE))
def test_female_names_have_no_patronymic(key: str) -> None:
    assert all(n.patronymic is None and CYRILLIC_WORD.fullmatch(n.ru) for n in FEMALE[key])


@pytest.mark.parametrize("key", sorted({**MALE, **FEMALE}))
def test_national_spellings_exactly_where_the_group_has_one(key: str) -> None:
    names: list[Given] = {**MALE, **FEMALE}[key]
    has_native = key.split("_")[0] in NATIVE_GROUPS
    for name in names:
        assert (name.native is not None) == has_native, name
        if name.native is not None:
            assert re.fullmatch(r"[^\sА-яЁё]+", name.native), name


def test_a_list_names_each_given_name_once() -> None:
    for key, names in {**MALE, **FEMALE}.items():
        ru = [n.ru for n in names]
        assert len(ru) == len(set(ru)), key


def test_written_forms_are_parsed_into_their_parts() -> None:
    assert g.RU_MALE[0] == Given("Иван", None, ("Иванович", "Ивановна"))
    assert g.LV_MALE[0] == Given("Ян", "Jānis", ("Янович", "Яновна"))
    assert g.GE_FEMALE[0] == Given("Нино", "Nino")
    assert g.RU_FEMALE[0] == Given("Мария")
