"""Property test: no text typed into the search box makes the engine raise.

The alphabet mixes FTS5 syntax (operators, quotes, ``NEAR(``, column filters, ``*``, ``^``),
Cyrillic with ё and combining marks, emoji, NUL and control characters, RTL overrides, BOMs
and lone surrogates; strings run up to 5,000 characters.  1,000 examples run in the default
suite, 10,000 in the slow one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection

from db import Archive
from db.search.find import person_pks, search

_TOKENS = [
    '"',
    "'",
    "*",
    "^",
    "(",
    ")",
    ":",
    "-",
    "+",
    ",",
    ".",
    " AND ",
    " OR ",
    " NOT ",
    "NEAR(",
    "NEAR/3",
    "keys:",
    "body:",
    "person_fts",
    "{keys body}",
    "ё",
    "Ё",
    "й",
    "\u0301",
    "\u0308",
    "\u0306",
    "е\u0308",
    "😀",
    "👩‍👩‍👧",
    "\x00",
    "\t",
    "\n",
    "\u202e",
    "\u200f",
    "\ufeff",
    "\ud800",
    "\udfff",
    "Ежов",
    "Jeschow",
    "Розенфельд",
    "Н.Б.",
    "ъ",
    "ь",
    "ʹ",
    "’",
    "\u00ad",
    "%",
    "_",
    "\\",
    "ß",
    "İ",
    "ﬁ",
    "½",
]
_CHARS = st.one_of(
    st.sampled_from(_TOKENS),
    st.characters(codec=None),
    st.characters(min_codepoint=0x400, max_codepoint=0x4FF),
)
QUERIES = st.one_of(
    st.lists(_CHARS, max_size=40).map("".join),
    st.lists(_CHARS, min_size=1, max_size=12).map("".join).map(lambda s: (s * 5000)[:5000]),
)


@pytest.fixture(scope="module")
def conn(archive: Archive) -> Iterator[Connection]:
    with archive.connect() as c:
        yield c


def _check(conn: Connection, text: str) -> None:
    r = search(conn, text, limit=10)
    assert r.error is None, r.error
    for hit in r.hits:
        for a, b in (*hit.label_spans, *hit.why_spans):
            assert 0 <= a < b <= len(hit.label if (a, b) in hit.label_spans else hit.why)
    person_pks(conn, text, limit=50)


@settings(
    max_examples=1_000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=QUERIES)
def test_any_text_is_answered_without_error(conn: Connection, text: str) -> None:
    _check(conn, text)


@pytest.mark.slow
@settings(
    max_examples=10_000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=QUERIES)
def test_ten_thousand_texts_are_answered_without_error(conn: Connection, text: str) -> None:
    _check(conn, text)
