"""Name keys: text folding, tokens with spans, and Russian transliteration in every system.

A *key* is what the search index stores and the query side computes: NFKC, case-folded, every
combining mark removed (so ё→е, й→и and Latin diacritics go), apostrophes, primes and the hard
and soft signs dropped.  Both sides use :func:`fold`, so ``Ёжов``, ``ежов`` and ``Ежов`` are
one key, as are ``Rozenfelʹd``, ``Rozenfel'd`` and ``Rozenfeld``.

:func:`word_keys` spells one Cyrillic word in every system a reader meets: the published
tables of the ``iuliia`` library (ALA-LC, BGN/PCGN, ISO 9 / GOST 7.79, the scholarly system,
ICAO passports, Wikipedia practice …) plus the German, French and Polish conventions of books
in those languages, which no library covers (:mod:`db.search.translit_tables`).  The build stores
those keys in a vocabulary that maps each spelling back to the Cyrillic word, which is how a
Latin query meets a Cyrillic name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import iuliia

from db.i18n import _, pgettext
from db.search import translit_tables

#: Longest text a query may have (characters) and most terms it may use.
MAX_QUERY_CHARS = 256
MAX_TERMS = 16

#: Characters that join the parts of one word (apostrophes, primes, soft hyphen, zero-width).
JOINERS = frozenset("'’ʼʹʺ`´ʻ\u00ad\u200b\u200c\u200d\u2060")
_DROP = {ord(c): None for c in (*JOINERS, "ъ", "ь", "ʹ", "ʺ", "”", "“", "″", "·")}
_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "đ": "d",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
        "þ": "th",
        "ð": "d",
        "ŀ": "l",
        "ß": "ss",
    }
)


@dataclass(frozen=True, slots=True)
class System:
    """One transliteration system: a short code stored in the index and the label users see."""

    code: str
    label: str
    spell: Callable[[str], str]


def _iuliia(schema: iuliia.Schema) -> Callable[[str], str]:
    # Several iuliia schemas leave Cyrillic ё untouched; the systems themselves write ë.
    def spell(word: str) -> str:
        return str(schema.translate(word)).replace("ё", "ë").replace("Ё", "Ë")

    return spell


#: In the order explanations prefer when several systems give the same spelling.
SYSTEMS: tuple[System, ...] = (
    System("wiki", "English/Wikipedia", _iuliia(iuliia.WIKIPEDIA)),
    System("bgn", "BGN/PCGN", _iuliia(iuliia.BGN_PCGN)),
    System("ala", "ALA-LC", _iuliia(iuliia.ALA_LC)),
    System("ala", "ALA-LC", _iuliia(iuliia.ALA_LC_ALT)),
    System("icao", "ICAO passport", _iuliia(iuliia.ICAO_DOC_9303)),
    System("mvd", "Russian passport", _iuliia(iuliia.MVD_782)),
    System("sci", "scholarly", _iuliia(iuliia.SCIENTIFIC)),
    System("iso9", "ISO 9/GOST 7.79", _iuliia(iuliia.GOST_779)),
    System("iso9", "ISO 9/GOST 7.79", _iuliia(iuliia.GOST_779_ALT)),
    System("de", "German", translit_tables.german),
    System("fr", "French", translit_tables.french),
    System("pl", "Polish", translit_tables.polish),
)
LABELS: dict[str, str] = {s.code: s.label for s in SYSTEMS}
ORDER: dict[str, int] = {code: i for i, code in enumerate(dict.fromkeys(s.code for s in SYSTEMS))}


def sanitize(text: str) -> str:
    """Replace lone surrogates and drop NUL/control characters (tabs and newlines → space)."""
    out = []
    for ch in text:
        o = ord(ch)
        if 0xD800 <= o <= 0xDFFF:
            out.append("\ufffd")
        elif o < 32 or 0x7F <= o < 0xA0:
            out.append(" " if ch in "\t\n\r\v\f" else "")
        else:
            out.append(ch)
    return "".join(out)


def fold(text: str) -> str:
    """The search key of ``text``: NFKC, casefold, no marks/apostrophes/ъ/ь (ё→е, й→и)."""
    s = unicodedata.normalize("NFKC", text).casefold().translate(_DROP)
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c)[0] != "M")
    return unicodedata.normalize("NFC", s.translate(_SPECIAL)).translate(_DROP)


def _is_key_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


#: A word: letters, digits and combining marks, joiners allowed between them.
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(
    f"(?:[^\\W_]|[{_MARKS}])+(?:[{''.join(sorted(JOINERS))}]+(?:[^\\W_]|[{_MARKS}])+)*"
)
_CYRILLIC = re.compile("[\u0400-\u04ff]")


@lru_cache(maxsize=262144)
def word_key(word: str) -> str:
    """The key of one word (its folded letters and digits only)."""
    return "".join(c for c in fold(word) if _is_key_char(c))


@dataclass(frozen=True, slots=True)
class Token:
    """A word of some text: where it is (code-point span), what it says and its key."""

    text: str
    start: int
    end: int
    key: str
    dot: bool  # followed directly by "." (an initial such as "Н." or "Yu.")

    @property
    def cyrillic(self) -> bool:
        """True when the word is written in Cyrillic."""
        return is_cyrillic(self.text)


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with their spans; joiners inside a word (Rozenfelʹd) do not split it."""
    tokens = []
    for m in _WORD.finditer(text):
        key = word_key(m.group())
        if key:
            end = m.end()
            tokens.append(Token(m.group(), m.start(), end, key, text[end : end + 1] == "."))
    return tokens


def keys_of(text: str) -> list[str]:
    """The keys of the words of ``text`` (what the text index stores)."""
    return [k for k in map(word_key, _WORD.findall(text)) if k]


def is_cyrillic(text: str) -> bool:
    """True when ``text`` contains a Cyrillic letter."""
    return _CYRILLIC.search(text) is not None


def _plain(spelled: str) -> str:
    return word_key(spelled)


@lru_cache(maxsize=65536)
def word_keys(word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every transliteration key of the Cyrillic ``word`` with the codes of the systems giving it.

    A word with ё is also spelt as if written with е, as most printed texts do.
    """
    variants = (
        [word] if "ё" not in word.lower() else [word, word.replace("ё", "е").replace("Ё", "Е")]
    )
    own = fold(word)
    found: dict[str, list[str]] = {}
    for variant in variants:
        for system in SYSTEMS:
            key = _plain(system.spell(variant))
            if key and key != own:
                codes = found.setdefault(key, [])
                if system.code not in codes:
                    codes.append(system.code)
    return tuple((k, tuple(v)) for k, v in sorted(found.items()))


def system_label(code: str) -> str:
    """The label of a system (``German``) in the reader's language, as it qualifies the word
    "spelling" («немецкое» написание)."""
    labels = {
        "wiki": pgettext("spelling system", "English/Wikipedia"),
        "bgn": pgettext("spelling system", "BGN/PCGN"),
        "ala": pgettext("spelling system", "ALA-LC"),
        "icao": pgettext("spelling system", "ICAO passport"),
        "mvd": pgettext("spelling system", "Russian passport"),
        "sci": pgettext("spelling system", "scholarly"),
        "iso9": pgettext("spelling system", "ISO 9/GOST 7.79"),
        "de": pgettext("spelling system", "German"),
        "fr": pgettext("spelling system", "French"),
        "pl": pgettext("spelling system", "Polish"),
    }
    return labels.get(code) or LABELS.get(code, code)


def describe_systems(codes: tuple[str, ...] | list[str]) -> str:
    """``German``, ``ALA-LC and ICAO passport`` or ``ALA-LC, ICAO passport etc.``."""
    ordered = sorted(dict.fromkeys(c for c in codes if c in LABELS), key=lambda c: ORDER.get(c, 99))
    names = [system_label(c) for c in ordered]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return _("{first} and {second}").format(first=names[0], second=names[1])
    if not names:
        return ""
    return _("{first}, {second} etc.").format(first=names[0], second=names[1])


# -- coarse skeleton: one key for spellings that mix systems ------------------------------------

_SKELETON_STEPS: tuple[tuple[str, str], ...] = (
    ("shtsch", "S"),
    ("schtsch", "S"),
    ("shch", "S"),
    ("chtch", "S"),
    ("szcz", "S"),
    ("tsch", "C"),
    ("tch", "C"),
    ("cz", "C"),
    ("sch", "S"),
    ("ch", "C"),
    ("sh", "S"),
    ("sz", "S"),
    ("zh", "Z"),
    ("kh", "H"),
    ("h", "H"),
    ("x", "ks"),
    ("ou", "u"),
    ("w", "v"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("tz", "ts"),
)
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """A coarse key of a Latin spelling: glides, doubled letters and -y/-ii/-ij endings merged.

    ``Tchernyavsky``, ``Chernjavskij`` and ``Cherniavskii`` share one skeleton, so a spelling
    that mixes conventions still meets the name (ranked below exact spellings).
    """
    s = key
    for old, new in _SKELETON_STEPS:
        s = s.replace(old, new)
    out: list[str] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch in "iyj":
            j = i
            while j < len(s) and s[j] in "iyj":
                j += 1
            if j < len(s) and s[j] in "aeou":
                i = j  # a glide before a vowel: ya, ja, ia, ie, yu …
                continue
            out.append("i")
            i = j
            continue
        if not out or out[-1] != ch:
            out.append(ch)
        i += 1
    return "".join(out)


# -- initials --------------------------------------------------------------------------------


def _initial_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for letter in "абвгдеёжзийклмнопрстуфхцчшщыэюя":
        word = letter.upper() + "а"
        for system in SYSTEMS:
            key = _plain(system.spell(word))
            if key:
                table.setdefault(key[0], set()).add(fold(letter))
    return {k: frozenset(v) for k, v in table.items()}


#: A Latin initial → the Cyrillic initials it can stand for (Yu. → ю, я, е …).
LATIN_INITIALS: dict[str, frozenset[str]] = _initial_table()


def initial_key(position: int, letter: str) -> str:
    """Index token for an initial: ``0н`` (given name) or ``1б`` (patronymic)."""
    return f"{position}{letter}"


# -- masculine / feminine surname forms -----------------------------------------------------

_CYR_GENDER: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("ская", ("скии",), "feminine"),
    ("цкая", ("цкии",), "feminine"),
    ("скии", ("ская",), "masculine"),
    ("цкии", ("цкая",), "masculine"),
    ("ова", ("ов",), "feminine"),
    ("ева", ("ев",), "feminine"),
    ("ина", ("ин",), "feminine"),
    ("ына", ("ын",), "feminine"),
    ("ая", ("ои", "ыи", "ии"), "feminine"),
    ("ов", ("ова",), "masculine"),
    ("ев", ("ева",), "masculine"),
    ("ин", ("ина",), "masculine"),
    ("ын", ("ына",), "masculine"),
    ("ои", ("ая",), "masculine"),
    ("ыи", ("ая",), "masculine"),
)
_LAT_SK_FEM = ("skaya", "skaia", "skaja", "skaa", "ska")
_LAT_SK_MASC = ("skiy", "skii", "skij", "sky", "ski")
_LAT_GENDER: tuple[tuple[str, tuple[str, ...], str], ...] = (
    *((f, tuple("sk" + m[2:] for m in _LAT_SK_MASC), "feminine") for f in _LAT_SK_FEM),
    *((m, tuple("sk" + f[2:] for f in _LAT_SK_FEM), "masculine") for m in _LAT_SK_MASC),
    ("ova", ("ov",), "feminine"),
    ("eva", ("ev",), "feminine"),
    ("ina", ("in",), "feminine"),
    ("yna", ("yn",), "feminine"),
    ("owa", ("ow",), "feminine"),
    ("ewa", ("ew",), "feminine"),
    ("aya", ("oy", "oi", "y", "iy", "ii", "ij"), "feminine"),
    ("ov", ("ova",), "masculine"),
    ("ev", ("eva",), "masculine"),
    ("in", ("ina",), "masculine"),
    ("yn", ("yna",), "masculine"),
    ("ow", ("owa",), "masculine"),
    ("ew", ("ewa",), "masculine"),
)


def gender_forms(key: str) -> tuple[str, tuple[str, ...]]:
    """(``"feminine"``/``"masculine"``, the other-gender keys) of a surname key, or ("", ())."""
    rules = _CYR_GENDER if is_cyrillic(key) else _LAT_GENDER
    for suffix, others, gender in rules:
        stem = key[: -len(suffix)]
        if key.endswith(suffix) and len(stem) >= 2:
            return gender, tuple(stem + o for o in others)
    return "", ()


# -- parsing stored name forms ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameParts:
    """Words of one name form (as written, key) and its given-name and patronymic initials."""

    words: tuple[tuple[str, str], ...]
    initials: tuple[str, ...]  # keys of the given-name and patronymic initials, in order


def _is_initial_part(part: str) -> bool:
    letters = sum(c.isalpha() for c in part)
    return letters == 1 or (part.endswith(".") and 0 < letters <= 2)


def _bare_parts(name: str) -> list[str]:
    """Whitespace parts outside brackets, initials split (``Н.Б.`` → ``Н.``, ``Б.``)."""
    parts = name.replace(".", ". ").split()
    if "(" not in name:
        return parts
    bare, depth = [], 0
    for part in parts:
        depth += part.count("(") - part.count(")")
        if "(" not in part and ")" not in part and depth == 0:
            bare.append(part)
    return bare


@lru_cache(maxsize=131072)
def parse_name(name: str, cyrillic: bool) -> NameParts:
    """Split ``Каменев (Розенфельд) Лев Борисович`` / ``N. B. Rozenfeld`` into words + initials.

    Russian forms put the surname first (``Surname Given Patronymic``); Latin forms put it last
    unless the initials follow it (``Konstantinova A. M.``).
    """
    words = []
    for word in _WORD.findall(name):
        key = word_key(word)
        if key:
            words.append((word, key))
    bare = _bare_parts(name)
    # "Surname Given Patronymic" and "Konstantinova A. M." put the surname first.
    surname_first = cyrillic or (bool(bare) and _is_initial_part(bare[-1]))
    firsts = bare[1:3] if surname_first else bare[:-1][:2]
    initials = [key[0] for key in map(word_key, firsts) if key]
    return NameParts(tuple(words), tuple(initials[:2]))
