"""Surname pools per naming group: the hand-written lists plus their combinatorial tails.

Each builder declines its list (:func:`db.synth.names.declension.decline`) and drops repeats
of a male nominative, keeping the first (most frequent) occurrence.  The result is a pure
function of :mod:`db.synth.names.surname_data`: a few thousand surnames in a fixed order.
"""

from __future__ import annotations

from db.synth.names.declension import Surname, decline, in_form, possessive
from db.synth.names.surname_data import (
    AM_STEMS,
    BY_STEMS,
    BY_TOP,
    DE_TOP,
    GE_STEMS,
    GE_TOP,
    JW_ROOTS,
    JW_SUFFIXES,
    JW_TOP,
    LT_TOP,
    LV_TOP,
    PL_TOP,
    RU_PREFIXES,
    RU_ROOTS,
    RU_STEMS,
    RU_TOP,
    TT_ROOTS,
    TT_TOP,
    UA_STEMS,
    UA_TOP,
)


def _dedupe(items: list[Surname]) -> tuple[Surname, ...]:
    """The surnames in order, each male nominative once."""
    seen: set[str] = set()
    out = []
    for s in items:
        if s.ru[0] not in seen:
            seen.add(s.ru[0])
            out.append(s)
    return tuple(out)


def russian() -> tuple[Surname, ...]:
    """Common Russian surnames, then stems + -ов/-ев, -ин, -ский and compounds (Белоусов)."""
    names = [decline("ru", m) for m in RU_TOP]
    for i, raw in enumerate(RU_STEMS):
        yo = raw.endswith("!")
        stem = raw.rstrip("!")
        ov = possessive(stem, yo)
        forms = [ov, in_form(stem)] if i % 3 else [ov, ov.replace("ё", "е") + "ский", in_form(stem)]
        names.extend(decline("ru", f) for f in forms)
    for prefix in RU_PREFIXES:
        names.extend(decline("ru", possessive(prefix + root.lower())) for root in RU_ROOTS)
    return _dedupe(names)


def ukrainian() -> tuple[Surname, ...]:
    """Common Ukrainian surnames, then stems + -енко and -чук/-ук."""
    names = [decline("ua", m) for m in UA_TOP]
    for i, stem in enumerate(UA_STEMS):
        base = stem[:-1] if stem[-1] in "йь" else stem
        names.append(decline("ua", base + "енко"))
        names.append(decline("ua", base + ("чук" if i % 2 and base[-1] not in "чшщ" else "ук")))
    return _dedupe(names)


def belarusian() -> tuple[Surname, ...]:
    """Common Belarusian surnames, then stems + -ович and -евич/-евский."""
    names = [decline("by", m) for m in BY_TOP]
    for stem in BY_STEMS:
        names.append(decline("by", stem + "ович"))
        names.append(decline("by", stem + "евич" if stem[-1] in "жшчщц" else stem + "евский"))
    return _dedupe(names)


def armenian() -> tuple[Surname, ...]:
    """Stems + -ян, every fourth also as Тер-…ян."""
    names = []
    for i, stem in enumerate(AM_STEMS):
        names.append(decline("am", stem + "ян"))
        if i % 4 == 0:
            names.append(decline("am", "Тер-" + stem + "ян"))
    return _dedupe(names)


def georgian() -> tuple[Surname, ...]:
    """Common Georgian surnames, then stems + -швили and -дзе, with Latin spellings."""
    names = [decline("ge", ru, native=(lat, lat)) for ru, lat in GE_TOP]
    for i, (ru, lat) in enumerate(GE_STEMS):
        if i % 2:
            names.append(decline("ge", ru + "швили", native=(lat + "shvili",) * 2))
        names.append(decline("ge", ru + "дзе", native=(lat + "dze",) * 2))
    return _dedupe(names)


def _combined(group: str, top: list[str], tail: list[str]) -> tuple[Surname, ...]:
    """A list followed by its tail, declined and without repeats."""
    return _dedupe([decline(group, m) for m in [*top, *tail]])


def polish() -> tuple[Surname, ...]:
    """Polish surnames with their Polish spellings (Łukasiewicz, Wiśniewska)."""
    return _dedupe([decline("pl", ru, None, (m, f)) for m, f, ru in PL_TOP])


def german() -> tuple[Surname, ...]:
    """German surnames with their German spellings (Müller, Strauß)."""
    return _dedupe([decline("de", ru, native=(lat, lat)) for lat, ru in DE_TOP])


def latvian() -> tuple[Surname, ...]:
    """Latvian surnames with Latvian spellings and older russified forms (Берзинь)."""
    return _dedupe([decline("lv", rm, rf, (m, f), old) for m, f, rm, rf, old in LV_TOP])


def lithuanian() -> tuple[Surname, ...]:
    """Lithuanian surnames with Lithuanian spellings (Šleževičius, -ienė)."""
    return _dedupe([decline("lt", rm, rf, (m, f)) for m, f, rm, rf in LT_TOP])


def jewish() -> tuple[Surname, ...]:
    """Common Jewish surnames, then root + suffix (Розен + берг)."""
    return _combined("jw", JW_TOP, [r + x for r in JW_ROOTS for x in JW_SUFFIXES])


def tatar() -> tuple[Surname, ...]:
    """Common Tatar surnames, then root + -ов/-ев and root + -уллин."""
    return _combined("tt", TT_TOP, [f for r in TT_ROOTS for f in (possessive(r), r + "уллин")])
