"""escape(): archive text becomes HTML text that reads back exactly as written, never as markup.

Checked two ways: :mod:`html.parser` finds no element in escaped text and gives back the
original, and Qt's own rich-text engine (what the detail view, labels and tooltips use) shows
the original characters and asks for no resource.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.pages.escape import escape
from tests.app.pages.html_tree import parse
from tests.hardening.richtext import images, rendered

HOSTILE = [
    "<img src=x>",
    '<img src="file:///etc/passwd">',
    '<a href="javascript:alert(1)">run</a>',
    "&amp;",
    "&lt;b&gt;",
    "\"double\" and 'single'",
    "Муханова & Co <b>bold</b>",
    "<!-- comment --> ]]> <![CDATA[x]]>",
    "<style>* { font-size: 90pt }</style>",
]


@pytest.mark.parametrize(
    ("char", "entity"), [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")]
)
def test_each_markup_character_becomes_its_entity(char: str, entity: str) -> None:
    assert escape(f"a{char}b") == f"a{entity}b"


def test_a_single_quote_is_escaped_for_attributes_too() -> None:
    out = escape("O'Brien")
    assert "'" not in out and parse(f"<a title='{out}'>x</a>").find("a").attrs == {
        "title": "O'Brien"
    }


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_parses_back_as_itself_with_no_element(text: str) -> None:
    tree = parse(escape(text))
    assert tree.all() == []
    assert tree.text() == text


@pytest.mark.parametrize("text", HOSTILE)
def test_qt_shows_hostile_text_literally_and_loads_nothing(qapp: QApplication, text: str) -> None:
    doc = rendered(f"<p>{escape(text)}</p>")
    assert doc.toPlainText() == text
    assert images(doc) == 0 and doc.requests == []


def test_none_is_the_empty_string() -> None:
    assert escape(None) == ""


@pytest.mark.parametrize(("value", "text"), [(0, "0"), ("", ""), (False, "False"), (1.5, "1.5")])
def test_other_values_even_falsy_ones_are_their_text(value: object, text: str) -> None:
    assert escape(value) == text


def test_escaped_text_is_escaped_again_rather_than_trusted() -> None:
    assert escape(escape("<b>")) == "&amp;lt;b&amp;gt;"
