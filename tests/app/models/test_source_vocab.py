"""Kinds and languages of sources as words of the interface language; unknown keys as stored."""

from __future__ import annotations

from app.models.source_vocab import kind_label, language_label, language_name
from tests.app.ui_texts import english, russian

__all__ = ["english", "russian"]


def test_english_names(english: None) -> None:
    assert (kind_label("book"), language_label("ru"), language_name("de")) == (
        "book",
        "Russian",
        "German (de)",
    )


def test_russian_names(russian: None) -> None:
    assert (kind_label("book"), language_label("en"), language_name("ru")) == (
        "книга",
        "английский",
        "русский (ru)",
    )


def test_keys_outside_the_tables_are_archive_data_shown_as_stored(russian: None) -> None:
    assert (kind_label("scroll"), language_label("xx"), language_name("xx")) == (
        "scroll",
        "xx",
        "xx",
    )
