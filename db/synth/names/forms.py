"""Every written form of one person's name: Cyrillic, English, variants, initials, id slug.

A person's Russian record name is ``Фамилия Имя Отчество`` (with or without ё), the English
one ``Given Surname`` (Wikipedia transliteration, or the national Latin spelling folded to
ASCII for Polish, German, Baltic and Georgian names).  One to three variants follow: the
other ё/е spelling, the national spelling with its diacritics, the form transliterated from
Russian, an older russified form, a library or passport transliteration, initials, and now and
then a misspelling from a regional Book of Memory.

Names repeat (surnames are Zipf-distributed and a few hundred given names serve millions of
people), so every piece that depends on one surname, given name or patronymic alone is worked
out once per pool entry (:class:`Namer` keeps them by object identity; the pools live as long
as the generator) and a person only joins pieces and draws the random choices.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from db.synth.names.declension import Surname
from db.synth.names.given_names import Given
from db.synth.names.groups import Group
from db.synth.names.zipf import Uniform

#: Transliteration systems used for Latin variants, with the note shown on the name row.
SCHEMES: tuple[tuple[str, str], ...] = (
    ("ICAO_DOC_9303", "passport transliteration (ICAO)"),
    ("BGN_PCGN", "BGN/PCGN transliteration"),
    ("ALA_LC", "Library of Congress transliteration"),
    ("GOST_7034", "GOST 7.34 transliteration"),
    ("SCIENTIFIC", "scholarly transliteration"),
)
_WIKIPEDIA = "WIKIPEDIA"

NameRow = tuple[str, str, str, str | None]  # name, script, kind, note

_ASCII = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "đ": "d", "’": "", "'": ""})
_SLUG = re.compile(r"[^a-z0-9]+")
_YO = str.maketrans("ёЁ", "еЕ")


@lru_cache(maxsize=1 << 12)  # called on pool entries only
def ascii_fold(text: str) -> str:
    """``Łukasiewicz`` → ``Lukasiewicz``, ``Bērziņš`` → ``Berzins``, ``Strauß`` → ``Strauss``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 12)
def initial(name: str) -> str:
    """First letter of each hyphen part: ``Анна-Мария`` → ``А.-М.``; ``Пётр`` → ``П.``"""
    return "-".join(part[:1] + "." for part in name.split("-") if part)


def slug_word(text: str) -> str:
    """``Ter-Petrosyan`` → ``ter-petrosyan``: lower-case ASCII letters and digits, ``-`` between."""
    return _SLUG.sub("-", ascii_fold(text).lower()).strip("-")


def join_slugs(surname: str, given: str) -> str:
    """``ivanov-ivan`` from the slugs of the parts (the slug of ``"surname given"``)."""
    return f"{surname}-{given}" if surname and given else surname or given


class NameSet(NamedTuple):
    """Every form of one person's name, plus the pieces document and event titles need."""

    ru: str  # "Фамилия Имя Отчество" as the main record writes it
    en: str  # "Given Surname"
    rows: tuple[NameRow, ...]  # russian, english, then 1-3 variants
    initials: str  # "И.И." as in document titles
    en_short: str  # "I. I. Ivanov" as in event titles
    slug: str  # "ivanov-ivan" (the generator appends a number)
    sort_name: str  # "Ivanov, Ivan" (db.build.sort_name of ``en``)


class Transliterator:
    """iuliia schemas with a per-word cache (names repeat, so the cache stays small)."""

    def __init__(self) -> None:
        import iuliia  # deferred: only the generator needs it

        self._schemas = {name: getattr(iuliia, name) for name, _ in SCHEMES}
        self._schemas[_WIKIPEDIA] = iuliia.WIKIPEDIA
        self._cache: dict[tuple[str, str], str] = {}

    def __call__(self, scheme: str, word: str) -> str:
        """``word`` in ``scheme``; iuliia leaves ё untouched in some schemas, so map it to ë."""
        key = (scheme, word)
        out = self._cache.get(key)
        if out is None:
            out = self._schemas[scheme].translate(word).replace("ё", "ë").replace("Ё", "Ë")
            self._cache[key] = out
        return out

    def schemes(self, word: str) -> tuple[str, ...]:
        """``word`` in every system of :data:`SCHEMES`, in that order."""
        return tuple(self(scheme, word) for scheme, _ in SCHEMES)


class _Cyrillic:
    """One Cyrillic name part with its е-spelling and transliterations (worked out once)."""

    __slots__ = ("initial", "plain", "ru", "schemes", "wiki", "yo")

    def __init__(self, tr: Transliterator, ru: str) -> None:
        self.ru = ru
        self.plain = ru.translate(_YO)
        self.yo = self.plain != ru
        self.wiki = tr(_WIKIPEDIA, ru)
        self.schemes = tr.schemes(ru)
        self.initial = initial(ru)


class _SurnameForm(_Cyrillic):
    """A surname in one sex: Cyrillic pieces plus the national spelling and a misspelling."""

    __slots__ = ("misspelt", "native", "native_ascii", "russified", "slug_native", "slug_wiki")

    def __init__(self, tr: Transliterator, sur: Surname, sex: int) -> None:
        super().__init__(tr, sur.ru[sex])
        ru = self.ru
        self.native = sur.native[sex] if sur.native is not None else None
        self.native_ascii = ascii_fold(self.native) if self.native is not None else ""
        self.russified = sur.russified
        self.misspelt = ru[0] + ru[1:].replace("о", "а", 1)
        self.slug_wiki = slug_word(self.wiki)
        self.slug_native = slug_word(self.native_ascii)


class _GivenForm(_Cyrillic):
    """A given name: Cyrillic pieces plus its English forms with and without native spelling."""

    __slots__ = (
        "en_initial_native",
        "en_initial_wiki",
        "native",
        "native_ascii",
        "slug_native",
        "slug_wiki",
    )

    def __init__(self, tr: Transliterator, given: Given) -> None:
        super().__init__(tr, given.ru)
        self.native = given.native or self.wiki
        self.native_ascii = ascii_fold(self.native)
        self.en_initial_wiki = initial(self.wiki)
        self.en_initial_native = initial(self.native_ascii)
        self.slug_wiki = slug_word(self.wiki)
        self.slug_native = slug_word(self.native_ascii)


class _PatronymicForm(_Cyrillic):
    """A patronymic (male or female form of the father's name) and its English initial."""

    __slots__ = ("wiki_initial",)

    def __init__(self, tr: Transliterator, father: Given, sex: int) -> None:
        super().__init__(tr, father.patronymic[sex] if father.patronymic else "")
        self.wiki_initial = tr(_WIKIPEDIA, self.ru[:1])


def _native_variants(
    random: Callable[[], float],
    group: Group,
    sex: int,
    s: _SurnameForm,
    g: _GivenForm,
    p: _PatronymicForm,
    variants: list[NameRow],
) -> None:
    """Variants of a name with a national Latin spelling: as spelled there (with diacritics),
    as transliterated from Russian, and (for some men) an older russified Cyrillic form."""
    native = f"{g.native} {s.native}"
    if native != f"{g.native_ascii} {s.native_ascii}":
        variants.append((native, "latn", "variant", group.native_label))
    from_ru = f"{g.wiki} {s.wiki}"
    if from_ru not in (f"{g.native_ascii} {s.native_ascii}", native):
        variants.append((from_ru, "latn", "variant", "from the Russian form"))
    if s.russified and sex == 0 and random() < 0.5:
        variants.append((f"{s.russified} {g.ru} {p.ru}", "cyrl", "variant", "older Russian form"))


class Namer:
    """Builds :class:`NameSet` objects from pool entries; owns the per-entry caches."""

    def __init__(self) -> None:
        self.tr = Transliterator()
        self._surnames: dict[int, _SurnameForm] = {}
        self._given: dict[int, _GivenForm] = {}
        self._patronymics: dict[int, _PatronymicForm] = {}

    def _surname(self, sur: Surname, sex: int) -> _SurnameForm:
        key = id(sur) << 1 | sex
        form = self._surnames.get(key)
        if form is None:
            form = self._surnames[key] = _SurnameForm(self.tr, sur, sex)
            self._check(form.wiki, *(() if form.native is None else (form.native_ascii,)))
        return form

    def _given_form(self, given: Given) -> _GivenForm:
        form = self._given.get(id(given))
        if form is None:
            form = self._given[id(given)] = _GivenForm(self.tr, given)
            self._check(form.wiki, form.native_ascii)
        return form

    def _patronymic(self, father: Given, sex: int) -> _PatronymicForm:
        key = id(father) << 1 | sex
        form = self._patronymics.get(key)
        if form is None:
            form = self._patronymics[key] = _PatronymicForm(self.tr, father, sex)
        return form

    @staticmethod
    def _check(*parts: str) -> None:
        # The English name is "given surname" and its sort name "surname, given" only when
        # each part is one non-empty word without apostrophes (see db.build.sort_name).
        if any(not p or " " in p or "'" in p for p in parts):
            raise ValueError(f"name pool entry that is not one plain word: {parts}")

    def forms(
        self, rng: Uniform, group: Group, sex: int, sur: Surname, given: Given, father: Given
    ) -> NameSet:
        """All forms for a person of ``group``; ``sex`` is 0 (male) or 1 (female).

        The random draws (ё or е, which variants, which transliteration) come in a fixed
        order, so a seed always gives the same names.
        """
        random = rng.random
        s = self._surname(sur, sex)
        g = self._given_form(given)
        p = self._patronymic(father, sex)
        full = f"{s.ru} {g.ru} {p.ru}"
        variants: list[NameRow] = []
        if s.yo or g.yo or p.yo:
            plain = f"{s.plain} {g.plain} {p.plain}"
            if random() < 0.5:
                ru = full
                variants.append((plain, "cyrl", "variant", "spelled with е"))
            else:
                ru = plain
                variants.append((full, "cyrl", "variant", "spelled with ё"))
        else:
            ru = full
        if s.native is not None:
            en_given, en_sur = g.native_ascii, s.native_ascii
            en_initial, slug = g.en_initial_native, join_slugs(s.slug_native, g.slug_native)
            _native_variants(random, group, sex, s, g, p, variants)
            transliterated = not variants
        else:
            en_given, en_sur = g.wiki, s.wiki
            en_initial, slug = g.en_initial_wiki, join_slugs(s.slug_wiki, g.slug_wiki)
            transliterated = not variants or random() < 0.8
        en = f"{en_given} {en_sur}"
        if transliterated:
            k = int(random() * len(SCHEMES))
            variants.append(
                (f"{g.schemes[k]} {p.schemes[k]} {s.schemes[k]}", "latn", "variant", SCHEMES[k][1])
            )
        en_short = f"{en_initial} {p.wiki_initial}. {en_sur}"
        if random() < 0.3:
            variants.append(
                (f"{s.ru} {g.initial} {p.initial}", "cyrl", "initials", None)
                if random() < 0.5
                else (en_short, "latn", "initials", None)
            )
        if random() < 0.02 and s.misspelt != s.ru:
            variants.insert(
                0,
                (
                    f"{s.misspelt} {g.ru} {p.ru}",
                    "cyrl",
                    "misspelling",
                    "spelling in a regional Book of Memory",
                ),
            )
        rows = ((ru, "cyrl", "russian", None), (en, "latn", "english", None), *variants[:3])
        return NameSet(
            ru, en, rows, f"{g.initial}{p.initial}", en_short, slug, f"{en_sur}, {en_given}"
        )
