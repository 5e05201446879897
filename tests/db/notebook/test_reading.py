"""Reads: LIKE patterns escaped, marks in chunks, nothing for an archive not in the notebook."""

from __future__ import annotations

import sqlite3

import pytest

from db.dto import Ref
from db.notebook import reading
from db.notebook.schema import migrate


@pytest.mark.parametrize(
    ("word", "pattern"),
    [
        ("abc", "%abc%"),
        ("100%", "%100\\%%"),
        ("a_b", "%a\\_b%"),
        ("back\\slash", "%back\\\\slash%"),
    ],
)
def test_like_patterns_escape_wildcards(word: str, pattern: str) -> None:
    assert reading.like_pattern(word) == pattern


def test_an_archive_not_in_the_notebook_reads_as_empty() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    try:
        assert reading.entries(conn, None) == []
        assert reading.entry(conn, None, Ref("person", "x")) is None
        assert reading.marks(conn, None, "person", ["x"]) == {}
        assert reading.all_tags(conn, None) == []
        assert reading.revisions(conn, None, Ref("person", "x")) == []
        assert reading.saved_searches(conn, None) == []
    finally:
        conn.close()


def test_chunks_stay_under_sqlites_variable_limit() -> None:
    assert reading.CHUNK <= 999
