"""Russian → Latin in the German, French and Polish conventions (no library covers them).

These are the spellings of Russian names in books written in those languages: German
(Duden) ``Jeschow``, ``Tschernjawski``, ``Sinowjew``; French ``Iejov``, ``Tcherniavski``,
``Sergueï``, ``Staline``; Polish ``Jeżow``, ``Czerniawski``, ``Kamieniew``.  Each function takes
one word and applies the convention's context rules (ye/je at the start of a word and after a
vowel, ``-ский`` → ``-ski``, s doubled between vowels, Polish ł/l and soft consonants …).
"""

from __future__ import annotations

from collections.abc import Callable

VOWELS = frozenset("аеёиоуыэюя")
#: (letter, previous, next, the one before previous, the one after next) → spelling or None.
_Rule = Callable[[str, str, str, str, str], str | None]


def _table(spec: str) -> dict[str, str]:
    """``"а=a б=b …"`` → ``{"а": "a", …}`` (``-`` spells nothing)."""
    pairs = (item.split("=") for item in spec.split())
    return {c: "" if spelled == "-" else spelled for c, spelled in pairs}


_GERMAN = _table(
    "а=a б=b в=w г=g д=d е=e ж=sch з=s и=i к=k л=l м=m н=n о=o п=p р=r с=s т=t "
    "у=u ф=f х=ch ц=z ч=tsch ш=sch щ=schtsch ъ=- ы=y ь=- э=e ю=ju я=ja"
)
_FRENCH = _table(
    "а=a б=b в=v г=g д=d е=e ж=j з=z и=i к=k л=l м=m н=n о=o п=p р=r с=s т=t "
    "у=ou ф=f х=kh ц=ts ч=tch ш=ch щ=chtch ъ=- ы=y ь=- э=e ю=iou я=ia"
)
_POLISH = _table(
    "а=a б=b в=w г=g д=d е=e ж=ż з=z и=i к=k л=l м=m н=n о=o п=p р=r с=s т=t "
    "у=u ф=f х=ch ц=c ч=cz ш=sz щ=szcz ъ=- ы=y ь=- э=e ю=ju я=ja"
)


def _in(ch: str, letters: str) -> bool:
    """``ch in letters`` for one character, false for the empty string (word edge)."""
    return bool(ch) and ch in letters


def _iotated(p: str) -> bool:
    """True where е/ё/ю/я are written with a j/y/i glide: word start, after a vowel, ъ or ь."""
    return p == "" or p in VOWELS or p in "ъь"


def _final_ii(p: str, n: str) -> bool:
    return n == "" and _in(p, "иы")


def _german(c: str, p: str, n: str, pp: str, nn: str) -> str | None:
    if c == "и" and p == "ь":
        return "ji"  # Ильич → Iljitsch, Ильин → Iljin
    if c == "е":
        return "je" if _iotated(p) else "e"
    if c == "ё":
        return "o" if _in(p, "жчшщ") else "jo"
    if c == "й":
        if _final_ii(p, n):
            return ""
        return "j" if p == "е" or n in VOWELS else "i"
    if c == "с" and p in VOWELS and n in VOWELS:
        return "ss"
    return None


def _french(c: str, p: str, n: str, pp: str, nn: str) -> str | None:
    if c == "е":
        return "ie" if _iotated(p) else "e"
    if c == "ё":
        return "o" if _in(p, "жчшщ") else "io"
    if c == "й":
        return "" if _final_ii(p, n) else "ï"
    if c == "г" and _in(n, "еиё"):
        return "gu"
    if c == "с" and p in VOWELS and n in VOWELS:
        return "ss"
    if c == "н" and n == "" and _in(p, "иы"):
        return "ne"  # Сталин → Staline, Ленин → Lénine
    if c == "и" and p in VOWELS:
        return "ï"
    return None


_POLISH_SOFT = {"н": "ń", "с": "ś", "з": "ź", "т": "ć", "д": "dź", "л": "l"}
_POLISH_VOWEL = {
    "е": ("je", "e", "ie"),
    "ё": ("jo", "o", "io"),
    "ю": ("ju", "u", "iu"),
    "я": ("ja", "a", "ia"),
}


def _polish(c: str, p: str, n: str, pp: str, nn: str) -> str | None:
    if c == "и" and p == "ь":
        return "ji"  # Ильич → Iljicz
    if c in _POLISH_VOWEL:
        iot, hard, soft = _POLISH_VOWEL[c]
        if _iotated(p):
            return iot
        return hard if _in(p, "жшчщцл") else soft
    if c == "л":
        return "l" if _in(n, "еёиюяь") else "ł"
    if n == "ь" and c in _POLISH_SOFT and nn not in VOWELS:
        return _POLISH_SOFT[c]  # a vowel after ь is iotated instead: Игнатьев → Ignatjew
    if c == "и":
        return "y" if _in(p, "жшц") else "i"
    if c == "й":
        if _final_ii(p, n):
            return "" if _in(pp, "кгх") else "j"  # -ский → -ski, but Юрий → Jurij
        return "j"
    return None


def _apply(word: str, table: dict[str, str], rule: _Rule) -> str:
    low = word.lower()
    out = []
    for i, c in enumerate(low):
        p = low[i - 1] if i > 0 else ""
        pp = low[i - 2] if i > 1 else ""
        n = low[i + 1] if i + 1 < len(low) else ""
        nn = low[i + 2] if i + 2 < len(low) else ""
        special = rule(c, p, n, pp, nn)
        if special is not None:
            out.append(special)
        elif c in table:
            out.append(table[c])
        elif c == "ё":
            out.append(table["е"])
        elif c == "й":
            out.append("j")
        else:
            out.append(c)
    spelled = "".join(out)
    return spelled[:1].upper() + spelled[1:] if word[:1].isupper() else spelled


def german(word: str) -> str:
    """German (Duden) spelling: Ежов → jeschow, Чернявский → tschernjawski."""
    return _apply(word, _GERMAN, _german)


def french(word: str) -> str:
    """French spelling: Ежов → iejov, Чернявский → tcherniavski."""
    return _apply(word, _FRENCH, _french)


def polish(word: str) -> str:
    """Polish spelling: Ежов → jeżow, Чернявский → czerniawski."""
    return _apply(word, _POLISH, _polish)
