"""Naming groups: eleven traditions in a fixed order, each with its relative share, its
nationality, and pools whose national spellings match the group's label."""

from __future__ import annotations

from db.synth.names import build_groups

KEYS = ["ru", "ua", "by", "jw", "tt", "am", "ge", "pl", "de", "lv", "lt"]


def test_there_are_eleven_groups_in_a_fixed_order() -> None:
    groups = build_groups()
    assert [g.key for g in groups] == KEYS
    assert len({g.nationality for g in groups}) == len(KEYS)


def test_russians_are_the_largest_group_and_every_group_has_a_share() -> None:
    weights = [g.weight for g in build_groups()]
    assert weights[0] == max(weights) and min(weights) > 0
    assert weights[0] > sum(weights[1:])  # the majority


def test_groups_with_a_native_label_and_only_they_have_native_spellings() -> None:
    for group in build_groups():
        natives = {s.native is not None for s in group.surnames}
        assert natives == {group.native_label is not None}, group.key
        assert {s.group for s in group.surnames} == {group.key}


def test_every_group_has_male_and_female_given_names_and_many_surnames() -> None:
    groups = build_groups()
    assert all(g.male and g.female and len(g.surnames) >= 24 for g in groups)
    assert sum(len(g.surnames) for g in groups) > 1500


def test_the_ukrainian_men_draw_from_the_russian_names_too() -> None:
    ru, ua = build_groups()[:2]
    assert ua.male[: len(ru.male)] == ru.male and len(ua.male) > len(ru.male)
    assert ua.female == ru.female


def test_build_groups_is_a_pure_function() -> None:
    assert build_groups() == build_groups()
