"""Counts in the interface language: whole sentences with Russian plural forms (1, 2, 5, 11,
21, 22, 25) and the reader's digit grouping."""

from __future__ import annotations

import pytest

from app import counts
from tests.app.ui_texts import english, russian

__all__ = ["english", "russian"]

NBSP = "\u00a0"


def test_english_numbers_group_with_commas(english: None) -> None:
    assert counts.number(1234567) == "1,234,567" and counts.number(7) == "7"


def test_russian_numbers_group_with_no_break_spaces(russian: None) -> None:
    assert counts.number(1234567) == f"1{NBSP}234{NBSP}567"


@pytest.mark.parametrize(
    ("n", "people", "events", "documents", "sources"),
    [
        (1, "1 человек", "1 событие", "1 документ", "1 источник"),
        (2, "2 человека", "2 события", "2 документа", "2 источника"),
        (5, "5 человек", "5 событий", "5 документов", "5 источников"),
        (11, "11 человек", "11 событий", "11 документов", "11 источников"),
        (21, "21 человек", "21 событие", "21 документ", "21 источник"),
        (22, "22 человека", "22 события", "22 документа", "22 источника"),
        (25, "25 человек", "25 событий", "25 документов", "25 источников"),
    ],
)
def test_russian_counts_take_the_plural_form_of_their_number(
    russian: None, n: int, people: str, events: str, documents: str, sources: str
) -> None:
    assert [counts.items(k, n) for k in ("people", "events", "documents", "sources")] == [
        people,
        events,
        documents,
        sources,
    ]


@pytest.mark.parametrize(
    ("total", "people", "documents"),
    [
        (1, "Показано 1 из 1 человека", "Показано 1 из 1 документа"),
        (2, "Показано 1 из 2 человек", "Показано 1 из 2 документов"),
        (5, "Показано 1 из 5 человек", "Показано 1 из 5 документов"),
        (11, "Показано 1 из 11 человек", "Показано 1 из 11 документов"),
        (21, "Показано 1 из 21 человека", "Показано 1 из 21 документа"),
        (22, "Показано 1 из 22 человек", "Показано 1 из 22 документов"),
        (25, "Показано 1 из 25 человек", "Показано 1 из 25 документов"),
    ],
)
def test_shown_of_puts_the_total_in_the_genitive(
    russian: None, total: int, people: str, documents: str
) -> None:
    assert counts.shown_of("people", 1, total) == people
    assert counts.shown_of("documents", 1, total) == documents


def test_english_sentences(english: None) -> None:
    assert counts.shown_of("people", 47, 1234) == "47 of 1,234 people shown"
    assert counts.shown_of("sources", 1, 1) == "1 of 1 source shown"
    assert counts.items("events", 1) == "1 event"
    assert counts.items("documents", 25, shown="25+") == "25+ documents"
    assert counts.filtering("people") == "Filtering people…"
    assert counts.filtering("people", 256) == "Filtering people… the first 256 shown"
    assert counts.exported("people", 2, "/tmp/x.csv") == "Exported 2 people to /tmp/x.csv"
    assert counts.file_stem("events") == "events" and counts.title("sources") == "Sources"


def test_russian_sentences(russian: None) -> None:
    assert counts.items("documents", 25, shown="25+") == "25+ документов"
    assert counts.filtering("events", 256) == "Отбор событий… пока показано: 256"
    assert counts.exported("people", 2, "/tmp/x.csv") == "Экспортировано в /tmp/x.csv: 2 человека"
    assert counts.file_stem("people") == "люди" and counts.title("people") == "Люди"
