"""The People pane's first page by ``sqlite3`` equals the SQLAlchemy listing's, in every order."""

from __future__ import annotations

import pytest

from db import Archive, listing
from db.dto import PersonRow
from db.first_page import PEOPLE_RANKS, first_people_page
from db.listing import ListQuery


def test_the_rank_columns_are_the_listings() -> None:
    assert {k: c.name for k, c in listing.PEOPLE.sorts.items()} == PEOPLE_RANKS


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", sorted(PEOPLE_RANKS))
def test_first_page_equals_the_listing_page(archive: Archive, sort: str, descending: bool) -> None:
    query = ListQuery(sort, descending)
    with archive.connect() as conn:
        total = listing.count(conn, listing.PEOPLE, query)
        expected = listing.page(conn, listing.PEOPLE, query, 0, 40, total)
    raw = archive.raw()
    try:
        got_total, rows = first_people_page(raw, sort, descending, 40)
    finally:
        raw.close()
    assert got_total == total == 99
    assert [PersonRow(**r) for r in rows] == expected and len(rows) == 40


def test_an_unknown_sort_falls_back_to_the_name_and_a_long_limit_stops_at_the_end(
    archive: Archive,
) -> None:
    raw = archive.raw()
    try:
        total, by_name = first_people_page(raw, "name", False, 500)
        _, fallback = first_people_page(raw, "'; DROP TABLE person; --", False, 500)
        _, backwards = first_people_page(raw, "name", True, 500)
    finally:
        raw.close()
    assert len(by_name) == total == 99
    assert fallback == by_name
    assert backwards == by_name[::-1]
