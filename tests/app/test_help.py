"""The bundled help: a page in each interface language, the shortcut table put in place of
its marker, archive-free text escaped."""

from __future__ import annotations

import pytest

from app import help as help_pages
from db import i18n
from tests.app.ui_texts import english, russian

__all__ = ["english", "russian"]


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_every_interface_language_has_its_help_page_with_a_shortcut_marker(
    language: str,
) -> None:
    path = help_pages.page_path(language)
    assert path.parent.name == language
    text = path.read_text(encoding="utf-8")
    assert help_pages.SHORTCUTS_MARKER in text
    for anchor in ("keys", "search", "sources", "cite"):
        assert f'name="{anchor}"' in text and f'href="#{anchor}"' in text


def test_a_language_without_a_page_gets_the_english_one() -> None:
    assert help_pages.page_path("xx").parent.name == "en"


def test_the_shortcut_table_replaces_the_marker(english: None) -> None:
    page = help_pages.help_page("en", [("Find", "Ctrl+F")])
    assert help_pages.SHORTCUTS_MARKER not in page
    assert "<td>Find</td><td><code>Ctrl+F</code></td>" in page


def test_the_shortcut_table_is_sorted_and_escaped(english: None) -> None:
    table = help_pages.shortcuts_table([("b <x>", "Ctrl+B"), ("A & co", "Ctrl+A")])
    assert table.index("A &amp; co") < table.index("b &lt;x&gt;")


def test_the_shortcut_page_is_headed_in_the_interface_language(russian: None) -> None:
    assert "Сочетания клавиш" in help_pages.shortcuts_page([])
