"""The pages' words around archive data: field labels, numbers, dates written anew from a DTO's
keys, names and titles in the reader's script first — each looked up when called."""

# The ``russian`` fixture is imported, so test parameters "redefine" the import.
# ruff: noqa: F811

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest

from app.pages import labels
from db import Archive, i18n, queries, vocab
from db.dto import DatedRef, Labelled, PersonDetail, Ref
from tests.app.pages.imports import qt_imports
from tests.app.pages.russian import russian  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """Every test ends in English, whatever language it switched to."""
    yield
    i18n.set_language("en")


def _person(archive: Archive, person_id: str) -> PersonDetail:
    with archive.connect() as conn:
        detail = queries.person_detail(conn, person_id)
    assert detail is not None
    return detail


def _claim_fields(archive: Archive) -> list[str]:
    with archive.connect() as conn:
        return [r[0] for r in conn.exec_driver_sql("SELECT DISTINCT field FROM claim")]


def test_the_module_imports_no_qt() -> None:
    assert qt_imports(labels) == []


def test_english_field_labels_are_their_words_except_the_renamed(archive: Archive) -> None:
    for field in _claim_fields(archive):
        if field not in labels.RENAMED:
            assert labels.field_label(field) == labels.field_words(field), field
    assert labels.field_label("death_date") == "date of death"
    assert labels.field_label("removal_as_tsik_secretary") == "removal as TsIK secretary"


def test_every_claim_field_of_the_archive_has_a_russian_label(
    archive: Archive, russian: None
) -> None:
    for field in _claim_fields(archive):
        shown = labels.field_label(field)
        assert shown and "_" not in shown, field
    assert labels.field_label("death_date") == "дата смерти"
    assert labels.field_label("kind") == "приговор"


def test_the_detail_view_names_a_field_in_words_never_by_its_key() -> None:
    assert labels.field_name("later_fate") == "later fate"
    assert labels.field_name("removal_as_tsik_secretary") == "removal as TsIK secretary"
    assert labels.field_name("kind") == "kind of sentence"
    assert labels.field_name("record") == "the record as a whole"


@pytest.mark.parametrize(("n", "en", "ru"), [(7, "7", "7"), (1082, "1,082", "1\xa0082")])
def test_numbers_are_grouped_in_the_readers_way(n: int, en: str, ru: str) -> None:
    assert labels.number(n) == en
    i18n.set_language("ru")
    assert labels.number(n) == ru


def test_a_date_is_written_from_its_iso_form_in_the_language_of_the_call(
    archive: Archive,
) -> None:
    person = _person(archive, "cherniavsky-mikhail")  # queried in English
    event = person.events[0]
    assert event.iso is not None and labels.dated(event) == event.date
    i18n.set_language("ru")
    assert labels.dated(event) == vocab.format_date(event.iso, event.precision)
    assert labels.dated(event) != event.date


def test_a_label_that_is_no_date_is_kept() -> None:
    item = DatedRef(Labelled(Ref("person", "x"), "X"), "10 years prison", "accused")
    assert labels.dated(item) == "10 years prison"


def test_a_sentence_is_worded_from_its_kind_and_term(archive: Archive, russian: None) -> None:
    person = _person(archive, "sinelobov-alexei")
    for s in person.sentences:
        assert labels.sentence(s) == vocab.sentence_label(s.kind, s.years)
    undated = dataclasses.replace(person.sentences[0], iso=None, precision=None)
    assert labels.unknown_date(undated)
    assert labels.sentence_date(undated) == vocab.format_date(None, None)


def test_cyrillic_comes_first_in_russian_only(russian: None) -> None:
    assert labels.cyrillic_first()
    i18n.set_language("en")
    assert not labels.cyrillic_first()


@pytest.mark.parametrize(
    ("call", "en", "ru"),
    [
        (lambda: labels.sex_words("M"), "male", "мужской"),
        (lambda: labels.sex_words("F"), "female", "женский"),
        (lambda: labels.sex_words(None), None, None),
        (lambda: labels.language_name("ru"), "Russian", "русский"),
        (lambda: labels.language_name("en"), "English", "английский"),
        (lambda: labels.language_name("xx"), "xx", "xx"),
        (lambda: labels.kind_word("person"), "person", "лицо"),
        (lambda: labels.kind_word("source"), "source", "источник"),
        (lambda: labels.kind_word("thing"), "thing", "thing"),
        (lambda: labels.role("no-such-role"), "no-such-role", "no-such-role"),
    ],
)
def test_page_words_follow_the_language(
    call: Callable[[], str | None], en: str | None, ru: str | None
) -> None:
    assert call() == en
    i18n.set_language("ru")
    assert call() == ru


def test_an_empty_label_is_never_looked_up(russian: None) -> None:
    # gettext("") would return the catalogue's header.
    assert labels.text("") == "" and labels.text(None) == ""
    assert labels.participation(None) == "" and labels.confidence(None) == ""
