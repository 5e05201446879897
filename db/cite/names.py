"""Split a source's author string into personal names, only where the form is unmistakable.

A source has one free-text author field: a person (``Пётр Кошель``, ``Robert Conquest``), two
people (``Никита Петров, Марк Янсен``), an initialled name (``В. Кожинов``), a Russian full name
with patronymic (``Каменев Лев Борисович``) or an organisation and remark (``Wikipedia
contributors``, ``Российские вести / «Кремль-9»``, ``И.В. Сталин (Сочинения, т. 18)``).  Only
these shapes are split into family and given names:

* two capitalised words of one script: ``Given Family`` (the order the source data uses);
* one to three initials and a capitalised word: ``И. В. Сталин``, ``И.В. Сталин``;
* three Cyrillic words with a patronymic (``-вич``, ``-вна``, ``-ична``, ``-ич``) in the
  middle (``Given Patronymic Family``) or last (``Family Given Patronymic``);
* several of these joined by ``", "``, each a name by itself.

Everything else, lower-case words, punctuation, parentheses, digits, three Latin words
(``Simon Sebag Montefiore``), stays one literal name, which reference managers print as is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.cite.clean import one_line

_UPPER = "A-ZА-ЯЁІЇЄҐ"
_LOWER = "a-zа-яёіїєґ"
_CYRILLIC = re.compile("[А-Яа-яЁёІЇЄҐіїєґ]")
_LATIN = re.compile("[A-Za-z]")
#: A capitalised word, possibly double-barrelled (``Синани-Скалов``) or with an apostrophe.
_WORD = re.compile(f"[{_UPPER}][{_LOWER}]+(?:['’][{_LOWER}]+)?(?:-[{_UPPER}][{_LOWER}]+)?")
#: One initial or several written together (``И.``, ``И.В.``).
_INITIALS = re.compile(f"(?:[{_UPPER}]\\.){{1,3}}")
_PATRONYMIC = re.compile("(?:вич|вна|ична|инична|ич)$")


@dataclass(frozen=True, slots=True)
class Name:
    """A personal name split into ``family`` and ``given``, or a ``literal`` name."""

    family: str | None = None
    given: str | None = None
    literal: str | None = None

    @property
    def inverted(self) -> str:
        """``Family, Given`` (RIS, BibTeX), or the literal name."""
        if self.literal is not None:
            return self.literal
        return f"{self.family}, {self.given}"


def authors(text: str | None) -> tuple[Name, ...]:
    """The names of an author field: split people, or one literal (() when empty)."""
    text = one_line(text)
    if not text:
        return ()
    parts = [p.strip() for p in text.split(", ")]
    people = [_person(p) for p in parts]
    if all(people):
        return tuple(p for p in people if p is not None)
    return (Name(literal=text),)


def _one_script(words: list[str]) -> bool:
    joined = "".join(words)
    return not (_CYRILLIC.search(joined) and _LATIN.search(joined))


def _person(text: str) -> Name | None:
    words = text.split(" ")
    if len(words) < 2 or not _one_script(words):
        return None
    *first, last = words
    if all(_INITIALS.fullmatch(w) for w in first) and len(first) <= 3 and _WORD.fullmatch(last):
        return Name(family=last, given=" ".join(first))
    if not all(_WORD.fullmatch(w) for w in words):
        return None
    if len(words) == 2:
        return Name(family=words[1], given=words[0])
    if len(words) == 3 and _CYRILLIC.search(text):
        if _PATRONYMIC.search(words[1]) and not _PATRONYMIC.search(words[2]):
            return Name(family=words[2], given=f"{words[0]} {words[1]}")
        if _PATRONYMIC.search(words[2]) and not _PATRONYMIC.search(words[1]):
            return Name(family=words[0], given=f"{words[1]} {words[2]}")
    return None
