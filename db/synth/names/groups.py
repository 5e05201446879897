"""Naming groups: each tradition's share of people, nationality label and name pools.

Eleven groups (Russian, Ukrainian, Belarusian, Jewish, Tatar, Armenian, Georgian, Polish,
German, Latvian, Lithuanian); :func:`build_groups` is a pure function of the name lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.synth.names import given_names as g
from db.synth.names import surnames
from db.synth.names.declension import Surname
from db.synth.names.given_names import Given

#: Share of the commonest surname (Иванов/Иванова) among all people.
TOP_SURNAME_SHARE = 0.013


@dataclass(frozen=True, slots=True)
class Group:
    """One naming tradition: its share of people, nationality label and name pools."""

    key: str
    nationality: str
    weight: float
    native_label: str | None  # "Latvian spelling" for groups with a native Latin form
    surnames: tuple[Surname, ...]
    male: tuple[Given, ...]
    female: tuple[Given, ...]


def build_groups() -> tuple[Group, ...]:
    """Every naming group with its pools, in a fixed order (a pure function)."""
    ru_male, ru_female = tuple(g.RU_MALE), tuple(g.RU_FEMALE)
    return (
        Group("ru", "Russian", 0.60, None, surnames.russian(), ru_male, ru_female),
        Group(
            "ua",
            "Ukrainian",
            0.10,
            None,
            surnames.ukrainian(),
            ru_male + tuple(g.UA_MALE),
            ru_female,
        ),
        Group("by", "Belarusian", 0.03, None, surnames.belarusian(), ru_male, ru_female),
        Group("jw", "Jewish", 0.05, None, surnames.jewish(), tuple(g.JW_MALE), tuple(g.JW_FEMALE)),
        Group("tt", "Tatar", 0.025, None, surnames.tatar(), tuple(g.TT_MALE), tuple(g.TT_FEMALE)),
        Group(
            "am", "Armenian", 0.015, None, surnames.armenian(), tuple(g.AM_MALE), tuple(g.AM_FEMALE)
        ),
        Group(
            "ge",
            "Georgian",
            0.02,
            "Georgian national romanisation",
            surnames.georgian(),
            tuple(g.GE_MALE),
            tuple(g.GE_FEMALE),
        ),
        Group(
            "pl",
            "Polish",
            0.05,
            "Polish spelling",
            surnames.polish(),
            tuple(g.PL_MALE),
            tuple(g.PL_FEMALE),
        ),
        Group(
            "de",
            "German",
            0.04,
            "German spelling",
            surnames.german(),
            tuple(g.DE_MALE),
            tuple(g.DE_FEMALE),
        ),
        Group(
            "lv",
            "Latvian",
            0.02,
            "Latvian spelling",
            surnames.latvian(),
            tuple(g.LV_MALE),
            tuple(g.LV_FEMALE),
        ),
        Group(
            "lt",
            "Lithuanian",
            0.01,
            "Lithuanian spelling",
            surnames.lithuanian(),
            tuple(g.LT_MALE),
            tuple(g.LT_FEMALE),
        ),
    )
