"""Checks that a page reads in one language: the ``russian`` fixture and what a page may show.

A page mixes three kinds of text: archive data (names, titles, summaries, claimed values, ids),
the archive's vocabulary as :mod:`db.vocab` words it in the reader's language (roles, tribunals,
sentences, dates, relation sentences), and the page's own words.  The first two are collected
from the DTOs a page was built from (:func:`shown_data`); whatever is left of the visible text
once they are taken out is the page's own wording, which must be Russian in Russian
(:func:`latin_left`) and free of Cyrillic in English (:func:`cyrillic_left`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser

import pytest

from app.pages.markup import format_value
from db import i18n, vocab
from db.dto import (
    Citation,
    ClaimDTO,
    DatedRef,
    DocumentDetail,
    EventDetail,
    NameForm,
    OutcomeCount,
    PersonDetail,
    Ref,
    RelationFact,
    SentenceFact,
    SourceDetail,
    TallyRow,
)

#: Latin words a Russian page may print of its own: file formats, keys, Roman numerals …
ALLOWED_LATIN = frozenset({"PDF", "Ctrl", "F"})

#: DTO fields holding vocabulary keys, not archive text: their words are the vocabulary's.
KEY_FIELDS: dict[type, frozenset[str]] = {
    ClaimDTO: frozenset({"field", "confidence"}),
    SentenceFact: frozenset(
        {"stage", "tribunal", "date", "kind", "label", "confidence", "iso", "precision"}
    ),
    PersonDetail: frozenset({"role", "sex", "confidence"}),
    NameForm: frozenset({"script", "kind"}),
    SourceDetail: frozenset({"kind", "language"}),
    DocumentDetail: frozenset({"doc_type", "date", "date_label"}),
    EventDetail: frozenset({"date", "date_label", "precision"}),
    DatedRef: frozenset({"date", "role", "iso", "precision"}),
    TallyRow: frozenset({"tribunal", "category"}),
    Citation: frozenset({"field"}),
    RelationFact: frozenset({"relation"}),
    OutcomeCount: frozenset({"tribunal", "outcome", "label"}),
    Ref: frozenset({"kind"}),
}

_LATIN = re.compile(r"[A-Za-z]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@pytest.fixture
def russian() -> Iterator[None]:
    """The interface in Russian for one test, English again after it."""
    i18n.set_language("ru")
    yield
    i18n.set_language("en")


def _walk(value: object) -> Iterator[str]:
    """Archive text in a DTO (or a list, tuple, dict of them): every string not a key."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _walk(v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        keys = KEY_FIELDS.get(type(value), frozenset())
        for f in dataclasses.fields(value):
            if f.name not in keys:
                yield from _walk(getattr(value, f.name))
        if isinstance(value, Ref):
            yield f"{value.kind}/{value.id}"
        if isinstance(value, PersonDetail | EventDetail | DocumentDetail | SourceDetail):
            yield f"{value.ref.kind}/{value.id}"  # the record's id, as a dossier names it


def _vocabulary(value: object) -> Iterator[str]:
    """The words :mod:`db.vocab` gives the keys of a DTO, in the language now in use."""
    if isinstance(value, dict):
        for v in value.values():
            yield from _vocabulary(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _vocabulary(v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, SentenceFact):
            yield vocab.sentence_label(value.kind, value.years)
            yield vocab.format_date(value.iso, value.precision)
        elif isinstance(value, DatedRef):
            yield value.date  # a date or a sentence, as the data layer wrote it
            if value.iso or value.precision:
                yield vocab.format_date(value.iso, value.precision)
        elif isinstance(value, EventDetail):
            yield vocab.format_date(value.date, value.precision)
        elif isinstance(value, DocumentDetail):
            yield vocab.format_date(value.date or None, "day")
        elif isinstance(value, ClaimDTO | Citation):
            # A claimed value as printed: its ISO dates written in the reader's language.
            yield format_value(value.field, value.value)
        elif isinstance(value, TallyRow):
            yield vocab.tally_scope(value.tribunal)  # a scope outside the vocabulary as stored
        elif isinstance(value, OutcomeCount):
            yield vocab.outcome_label(value.outcome)
        elif isinstance(value, PersonDetail):
            for name in (value.name_en, value.name_ru):
                for r in value.relations:
                    sentence = r.sentence(name)
                    # The detail view links the other person: the sentence around the link.
                    before, _, after = sentence.partition(r.other.label)
                    yield from (sentence, before.strip(), after.strip())
        for f in dataclasses.fields(value):
            yield from _vocabulary(getattr(value, f.name))


def vocabulary_words() -> set[str]:
    """Every label of the archive's vocabularies in the language now in use."""
    tables = (
        vocab.ROLES,
        vocab.TRIBUNALS,
        vocab.STAGES,
        vocab.SENTENCE_KINDS,
        vocab.TALLY_SCOPES,
        vocab.CONFIDENCE_LABELS,
        vocab.SCRIPTS,
        vocab.NAME_KINDS,
        vocab.EVENT_ROLES,
        vocab.SOURCE_KINDS,
        vocab.DOC_TYPES,
        vocab.CLAIM_FIELDS,
        vocab.OUTCOME_LABELS,
    )
    words = {table[key] for table in tables for key in table}
    words |= {vocab.sex_label("M"), vocab.sex_label("F"), vocab.format_date(None, None)}
    return words


def shown_data(*dtos: object) -> set[str]:
    """Archive text and vocabulary words a page of ``dtos`` may show as they are."""
    found = {s for s in _walk(dtos) if s.strip()}
    found |= {s for s in _vocabulary(dtos) if s.strip()}
    return found | vocabulary_words()


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag == "style"

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.texts.append(data.replace("\u200b", ""))


def text_nodes(markup: str) -> str:
    """The page's text (the ``<title>`` included), one text node a line.

    Archive text is escaped into text nodes of its own or with page words beside it, never
    across a tag, so a line break between nodes keeps one value from running into the next.
    """
    parser = _Texts()
    parser.feed(markup)
    parser.close()
    return "\n".join(parser.texts)


def _without(text: str, data: Iterable[str]) -> str:
    """``text`` with every whole occurrence of a data string cut out (longest first)."""
    pieces = sorted({d for d in data if d}, key=len, reverse=True)
    for start in range(0, len(pieces), 500):  # one alternation per 500 strings
        parts = []
        for d in pieces[start : start + 500]:
            head = r"(?<!\w)" if d[0].isalnum() else ""
            tail = r"(?!\w)" if d[-1].isalnum() else ""
            parts.append(head + re.escape(d) + tail)
        text = re.sub("|".join(parts), "\x00", text)
    return text


def latin_left(text: str, data: Iterable[str], allowed: Iterable[str] = ()) -> list[str]:
    """Latin words of ``text`` that are neither archive data nor allowed (should be none)."""
    rest = _without(text, data)
    ok = ALLOWED_LATIN | set(allowed)
    return [w for w in _LATIN.findall(rest) if w not in ok]


def cyrillic_left(text: str, data: Iterable[str]) -> str:
    """What of ``text`` holds Cyrillic once archive data is cut out ("" when nothing)."""
    rest = _without(text, data)
    return " | ".join(chunk.strip() for chunk in rest.split("\x00") if _CYRILLIC.search(chunk))


def latin_words(text: str) -> set[str]:
    """The Latin words of ``text``."""
    return set(_LATIN.findall(text))
