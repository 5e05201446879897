"""Search on a server beyond parity: the postings merge, the trigram index for crowded typos."""

from __future__ import annotations

import pytest

from db import open_archive
from db.dbapi import raw_of
from db.search import find, query


def test_a_typo_in_a_crowded_range_is_found_through_the_trigram_index(
    pg_bundled: str, archive: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    word = "burqova"  # one letter off "burkova" (Burkova, a cleaner of the Kremlin)

    def typos(source: object) -> set[str]:
        with source.connect() as conn:  # type: ignore[attr-defined]
            return {k for k, _t, _o in query._typo_rows(raw_of(conn), word)}

    server = open_archive(pg_bundled)
    try:
        everything = typos(archive)  # the file's ranges, whole
        monkeypatch.setattr(query, "TYPO_SCAN", 1)  # every range is cut after one row
        missed = everything - typos(archive)
        found = typos(server)
    finally:
        server.close()
    assert "burkova" in everything and "burkova" in missed  # the cut ranges lose it …
    assert "burkova" in found  # … the trigram index finds it


def test_names_are_merged_from_the_postings_in_key_order(pg_bundled: str, archive: object) -> None:
    server = open_archive(pg_bundled)
    try:
        with server.connect() as conn:
            raw = raw_of(conn)
            assert find._postings(raw, "person_fts", '("ежов" OR "yezhov")', None) is not None
            assert find._postings(raw, "person_fts", '("ежов"*)', None) is None  # a prefix: GIN
            assert find._postings(raw, "text_fts", '("ежов")', None) is None
            merged = find._match(raw, "person_fts", '("rozenfeld" OR "розенфельд")', 50)
        with archive.connect() as conn:  # type: ignore[attr-defined]
            on_file = find._match(raw_of(conn), "person_fts", '("rozenfeld" OR "розенфельд")', 50)
    finally:
        server.close()
    assert merged == on_file and len(merged) >= 3 and merged == sorted(merged)
