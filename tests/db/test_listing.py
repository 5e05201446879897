"""Paged list queries: correct order and filters, range scans rather than OFFSET."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, text

from db import Archive, listing, open_archive
from db.listing import PEOPLE, ListQuery
from tests.conftest import BUNDLED


def _all_ids(archive: Archive, sql: str) -> list[str]:
    with archive.connect() as conn:
        return [r[0] for r in conn.execute(text(sql))]


def test_people_by_name_match_plain_sql(archive: Archive) -> None:
    with archive.connect() as conn:
        total = listing.count(conn, PEOPLE, ListQuery())
        rows = listing.page(conn, PEOPLE, ListQuery(), 0, 200, total)
    expected = _all_ids(archive, "SELECT id FROM person ORDER BY sort_name COLLATE NOCASE, id")
    assert total == 99
    assert [r.id for r in rows] == expected


def test_descending_birth_year_pages_join_up(archive: Archive) -> None:
    q = ListQuery("birth_year", descending=True)
    with archive.connect() as conn:
        total = listing.count(conn, PEOPLE, q)
        first = listing.page(conn, PEOPLE, q, 0, 50, total)
        second = listing.page(conn, PEOPLE, q, 50, 50, total)
    ids = [r.id for r in first + second]
    assert len(ids) == len(set(ids)) == 99
    years = [r.birth_year for r in first + second if r.birth_year is not None]
    assert years == sorted(years, reverse=True)
    # Unknown years stay last, as in the ascending order (a reader sorting newest first once
    # met a screen of "unknown" before the first year), and among them the names in order.
    unknown = [r for r in first + second if r.birth_year is None]
    assert unknown and (first + second)[-len(unknown) :] == unknown
    with archive.connect() as conn:
        ascending = listing.page(conn, PEOPLE, ListQuery("birth_year"), 0, total, total)
    assert [r.id for r in unknown] == [r.id for r in ascending if r.birth_year is None]


def test_a_descending_sort_with_unknowns_agrees_on_every_path(archive: Archive) -> None:
    # The unfiltered page, the filtered snapshot and its first rows, and the row of each item
    # (which the pane selects after a jump) put every person in the same place.
    q = ListQuery("birth_year", descending=True)
    defendants = q.with_filter("role", "defendant")
    with archive.connect() as conn:
        total = listing.count(conn, PEOPLE, q)
        rows = listing.page(conn, PEOPLE, q, 0, total, total)
        assert [listing.position(conn, PEOPLE, q, r.id, total) for r in rows] == list(range(total))
        pks = listing.snapshot(conn, PEOPLE, defendants)
        head = listing.head(conn, PEOPLE, defendants, 10)
        filtered = listing.rows_by_pks(conn, PEOPLE, pks)
        roles = dict(conn.execute(text("SELECT pk, role FROM person")).fetchall())
    assert [r.pk for r in filtered] == [r.pk for r in rows if roles[r.pk] == "defendant"]
    assert head == filtered[:10]
    assert any(r.birth_year is None for r in filtered) and filtered[-1].birth_year is None


def test_the_unknown_tail_is_found_by_a_few_index_probes_once_per_archive() -> None:
    seen: list[str] = []

    def spy(*args: object) -> None:
        seen.append(str(args[2]))

    q = ListQuery("birth_year", descending=True)
    archive = open_archive(BUNDLED)  # its own engine: nothing remembered yet
    try:
        for start in (0, 50, 90):
            with archive.connect() as conn:
                event.listen(conn, "before_cursor_execute", spy)
                listing.page(conn, PEOPLE, q, start, 20, 99)
                event.remove(conn, "before_cursor_execute", spy)
    finally:
        archive.close()
    probes = [sql for sql in seen if "BETWEEN" not in sql]
    assert 0 < len(probes) <= 7  # ⌈log2(100)⌉, the first page only
    assert all("rank_birth = " in sql for sql in probes)


def test_role_filter_matches_plain_sql(archive: Archive) -> None:
    q = ListQuery().with_filter("role", "defendant")
    with archive.connect() as conn:
        pks = listing.snapshot(conn, PEOPLE, q)
        rows = listing.rows_by_pks(conn, PEOPLE, pks)
    expected = _all_ids(
        archive,
        "SELECT id FROM person WHERE role = 'defendant' ORDER BY sort_name COLLATE NOCASE, id",
    )
    assert [r.id for r in rows] == expected


def test_page_query_plan_is_a_range_scan_not_offset(archive: Archive) -> None:
    with archive.connect() as conn:
        plan = conn.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT pk, id, sort_name FROM person "
                "WHERE rank_name BETWEEN 101 AND 300 ORDER BY rank_name"
            )
        ).fetchall()
    detail = " ".join(str(r[-1]) for r in plan)
    assert "USING INDEX ix_person_rank_name (rank_name>? AND rank_name<?)" in detail
    assert "TEMP B-TREE" not in detail


def test_a_page_is_one_range_statement_whatever_its_offset(archive: Archive) -> None:
    seen: list[str] = []

    def spy(*args: object) -> None:
        seen.append(str(args[2]))

    with archive.connect() as conn:
        event.listen(conn, "before_cursor_execute", spy)
        rows = [listing.page(conn, PEOPLE, ListQuery(), start, 20, 99) for start in (0, 40, 80)]
        event.remove(conn, "before_cursor_execute", spy)
    assert [len(r) for r in rows] == [20, 20, 19]
    assert len(seen) == 3
    assert all("BETWEEN" in sql and "OFFSET" not in sql for sql in seen)


def test_position_of_item_in_each_sort(archive: Archive) -> None:
    with archive.connect() as conn:
        for sort in PEOPLE.sorts:
            for desc in (False, True):
                q = ListQuery(sort, desc)
                rows = listing.page(conn, PEOPLE, q, 0, 99, 99)
                assert listing.position(conn, PEOPLE, q, rows[17].id, 99) == 17


def test_unknown_and_none_read_differently_in_the_people_list(tmp_path: Path) -> None:
    from db import open_archive
    from tests.conftest import BUNDLED

    path = tmp_path / "copy.sqlite"
    shutil.copyfile(BUNDLED, path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE person SET tribunal = 'unknown', sentence_kind = 'unknown' WHERE pk = 1"
        )
        conn.execute("UPDATE person SET tribunal = 'none', sentence_kind = 'none' WHERE pk = 2")
    archive = open_archive(path)
    try:
        with archive.connect() as conn:
            rows = listing.rows_by_pks(conn, listing.PEOPLE, [1, 2])
    finally:
        archive.close()
    unknown, none = rows
    assert (unknown.tribunal, unknown.sentence) == ("unknown", "unknown")
    assert (none.tribunal, none.sentence) == ("—", "—")
    assert (unknown.tribunal, unknown.sentence) != (none.tribunal, none.sentence)


def test_rows_read_from_the_cursor_are_the_rows_sqlalchemy_gives(archive: Archive) -> None:
    # Pages, heads and rows by key are read as plain tuples: each list's rows must be exactly
    # what its maker gives from SQLAlchemy's own rows, in every sort and both directions.
    from sqlalchemy import select

    for spec in (listing.PEOPLE, listing.EVENTS, listing.DOCUMENTS):
        with archive.connect() as conn:
            total = listing.count(conn, spec, ListQuery(spec.default_sort))
            for sort in spec.sorts:
                for descending in (False, True):
                    query = ListQuery(sort, descending)
                    got = listing.page(conn, spec, query, 0, total, total)
                    # (the order a filtered pane asks SQL for: unknown values last)
                    stmt = select(*spec.columns).order_by(listing._order(spec, query))
                    assert got == [spec.make_row(r) for r in conn.execute(stmt)], (spec.kind, sort)
            pks = [
                row.pk
                for row in listing.page(conn, spec, ListQuery(spec.default_sort), 0, 9, total)
            ]
            by_key = listing.rows_by_pks(conn, spec, pks[::-1])
            assert [row.pk for row in by_key] == pks[::-1]


def test_first_rows_are_the_snapshots_start_in_every_filter_and_order(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A short walk (10 ranks) so that both ways are taken on 99 people: the first rows found
    # among the first ranks, and the matches sorted when those ranks hold too few.
    monkeypatch.setattr(listing, "HEAD_WALK", 10)
    with archive.connect() as conn:
        for key in PEOPLE.filters:
            for value in listing.distinct_values(conn, PEOPLE, key):
                for sort in PEOPLE.sorts:
                    for descending in (False, True):
                        q = ListQuery(sort, descending).with_filter(key, value)
                        every = listing.rows_by_pks(conn, PEOPLE, listing.snapshot(conn, PEOPLE, q))
                        for limit in (1, 3, 40):
                            assert listing.head(conn, PEOPLE, q, limit) == every[:limit], q


def test_a_filtered_snapshot_sorts_its_matches_rather_than_walking_a_rank_index(
    archive: Archive,
) -> None:
    # Walking the whole rank index and looking each row up took 4 s at 3M people, even for a
    # filter that matches nobody; a sort the filter's index ends in is still read in order.
    seen: list[str] = []

    def spy(*args: object) -> None:
        seen.append(str(args[2]))

    with archive.connect() as conn:
        plans = {}
        for sort in ("birth_year", "role", "name"):
            q = ListQuery(sort).with_filter("sentence_kind", "death")
            event.listen(conn, "before_cursor_execute", spy)
            listing.snapshot(conn, PEOPLE, q)
            event.remove(conn, "before_cursor_execute", spy)
            sql = seen.pop()
            # An expression no index holds (whatever the planner would pick on 99 people).
            rank = PEOPLE.sorts[sort].key
            ordered = f"ORDER BY person.{rank} + 0" if sort != "name" else f"person.{rank} ASC"
            assert ordered in sql, sql
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, ("death",)).fetchall()
            plans[sort] = " / ".join(str(r[-1]) for r in plan)
    for sort in ("birth_year", "role"):
        assert "USE TEMP B-TREE FOR ORDER BY" in plans[sort], plans
        assert "ix_person_rank_" not in plans[sort], plans
    assert "ix_person_kind_rank" in plans["name"] and "TEMP B-TREE" not in plans["name"], plans
