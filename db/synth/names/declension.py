"""Cyrillic declension of surnames: the forms document titles need, for both sexes.

A :class:`Surname` carries the nominative, genitive, instrumental and dative of the male and
female forms (*Иванов/Иванова*, *Иванова/Ивановой* …) and, for the Polish, German, Baltic and
Georgian groups, the national Latin spelling with its diacritics (*Bērziņš*, *Łukasiewicz*).
:func:`decline` derives every form from the male nominative (and the female one, where it is
irregular); :func:`possessive` and :func:`in_form` make the combinatorial Russian surnames.
"""

from __future__ import annotations

from dataclasses import dataclass

Pair = tuple[str, str]  # (male form, female form)


@dataclass(frozen=True, slots=True)
class Surname:
    """One surname: Cyrillic forms by sex (index 0 male, 1 female) and case; Latin spelling."""

    group: str
    ru: Pair
    gen: Pair
    ins: Pair
    dat: Pair
    native: Pair | None = None  # national Latin spelling (with diacritics) when not Cyrillic
    russified: str | None = None  # older Russian rendering (Берзинь for Берзиньш)


def _fem_noun(f: str) -> tuple[str, str, str]:
    """Genitive, instrumental, dative of a feminine surname (declined only in -а/-я)."""
    if f.endswith("я"):
        return f[:-1] + "и", f[:-1] + "ей", f[:-1] + "е"
    if f.endswith("а"):
        stem = f[:-1]
        gen = stem + ("и" if stem[-1] in "гкхжшчщ" else "ы")
        return gen, stem + "ой", stem + "е"
    return f, f, f


def decline(
    group: str,
    m: str,
    f: str | None = None,
    native: Pair | None = None,
    russified: str | None = None,
) -> Surname:
    """Build a :class:`Surname` from its male nominative (and female, where irregular)."""
    if m.endswith(("ов", "ев", "ёв", "ин", "ын")) and f is None:
        fem = m + "а"
        return Surname(
            group,
            (m, fem),
            (m + "а", m + "ой"),
            (m + "ым", m + "ой"),
            (m + "у", m + "ой"),
            native,
            russified,
        )
    if m.endswith(("ский", "цкий")):
        stem = m[:-2]
        return Surname(
            group,
            (m, f or stem + "ая"),
            (stem + "ого", stem + "ой"),
            (stem + "им", stem + "ой"),
            (stem + "ому", stem + "ой"),
            native,
            russified,
        )
    if m.endswith("ия"):  # Georgian Гамсахурдия: declined like a feminine noun, both sexes
        g, i, d = m[:-1] + "и", m[:-1] + "ей", m[:-1] + "и"
        return Surname(group, (m, m), (g, g), (i, i), (d, d), native, russified)
    if m[-1] in "аеёиоуыэюя":  # -енко, -швили, -дзе, -ани, -ели, Ланге: indeclinable
        fem = f or m
        return Surname(group, (m, fem), (m, fem), (m, fem), (m, fem), native, russified)
    if m[-1] in "ьй":
        g, i, d = m[:-1] + "я", m[:-1] + "ем", m[:-1] + "ю"
    elif m[-1] in "жшчщц":
        g, i, d = m + "а", m + "ем", m + "у"
    else:
        g, i, d = m + "а", m + "ом", m + "у"
    fem = f or m
    fg, fi, fd = _fem_noun(fem) if f else (fem, fem, fem)
    return Surname(group, (m, fem), (g, fg), (i, fi), (d, fd), native, russified)


def possessive(stem: str, yo: bool = False) -> str:
    """Possessive surname from a stem: -ов after hard consonants, -ев/-ёв after soft ones.

    Й becomes -ев (Андрей → Андреев), ь stays (Гурь → Гурьев, Соловь → Соловьёв), and a
    vowel takes -ев (Гали → Галиев, Валда → Валдаев).
    """
    soft = "ёв" if yo else "ев"
    if stem[-1] == "й":
        return stem[:-1] + soft
    if stem[-1] == "ь" or stem[-1] in "жшчщц" or stem[-1] in "аеёиоуыэюя":
        return stem + soft
    return stem + "ов"


def in_form(stem: str) -> str:
    """Surname in -ин from a stem: Галк → Галкин, Ильй → Ильин."""
    return stem[:-1] + "ин" if stem[-1] in "йьа" else stem + "ин"
