"""The Sources pane's queries: counts, SQL orders, filters, positions, facts per source."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text

from db import Archive, sources
from db.sources import PAGE_SIZE, SourceQuery


def _sql(archive: Archive, sql: str) -> list[tuple[object, ...]]:
    with archive.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def _every_row(archive: Archive, query: SourceQuery) -> list[sources.SourceRow]:
    with archive.connect() as conn:
        total = sources.count(conn, query)
        return [r for start in range(0, total, PAGE_SIZE) for r in sources.page(conn, query, start)]


def test_every_source_is_counted_and_listed_once(archive: Archive) -> None:
    expected = _sql(archive, "SELECT count(*) FROM source")[0][0]
    with archive.connect() as conn:
        assert sources.total(conn) == sources.count(conn, SourceQuery()) == expected == 126
    ids = [r.id for r in _every_row(archive, SourceQuery())]
    assert len(ids) == len(set(ids)) == expected


@pytest.mark.parametrize(
    ("sort", "sql"),
    [
        ("author", "author IS NULL, author COLLATE NOCASE"),
        ("title", "title COLLATE NOCASE IS NULL, title COLLATE NOCASE"),
        ("year", "year IS NULL, year"),
        ("kind", "kind IS NULL, kind COLLATE NOCASE"),
        ("language", "language IS NULL, language COLLATE NOCASE"),
    ],
)
@pytest.mark.parametrize("descending", [False, True])
def test_each_sort_is_the_sql_order_with_missing_values_last(
    archive: Archive, sort: str, sql: str, descending: bool
) -> None:
    if descending:
        head, _, col = sql.partition(", ")
        sql = f"{head}, {col} DESC"
    order = f"{sql}, title COLLATE NOCASE, id"
    expected = [r[0] for r in _sql(archive, f"SELECT id FROM source ORDER BY {order}")]
    assert [r.id for r in _every_row(archive, SourceQuery(sort, descending))] == expected


def test_sorting_by_year_or_title_changes_the_order(archive: Archive) -> None:
    by_author = [r.id for r in _every_row(archive, SourceQuery("author"))]
    by_year = [r.id for r in _every_row(archive, SourceQuery("year"))]
    by_title = [r.id for r in _every_row(archive, SourceQuery("title"))]
    assert by_author != by_year != by_title
    assert sorted(by_author) == sorted(by_year) == sorted(by_title)


def test_facts_count_claims_and_record_links_of_each_source(archive: Archive) -> None:
    expected = dict(
        _sql(
            archive,
            "SELECT s.id, (SELECT count(*) FROM claim c WHERE c.source_pk = s.pk) FROM source s",
        )
    )
    rows = _every_row(archive, SourceQuery())
    assert {r.id: r.facts for r in rows} == expected
    assert sum(r.facts for r in rows) == _sql(archive, "SELECT count(*) FROM claim")[0][0]


def test_sorting_by_facts_puts_the_most_cited_first(archive: Archive) -> None:
    rows = _every_row(archive, SourceQuery("facts", descending=True))
    assert [r.facts for r in rows] == sorted((r.facts for r in rows), reverse=True)
    assert rows[0].id == "showtrials-catalog"


@pytest.mark.parametrize(
    ("filters", "where"),
    [
        ((("kind", "book"),), "kind = 'book'"),
        ((("language", "en"),), "language = 'en'"),
        ((("kind", "article"), ("language", "ru")), "kind = 'article' AND language = 'ru'"),
        ((("kind", "no-such-kind"),), "0"),
    ],
)
def test_filters_show_exactly_the_rows_sql_finds(
    archive: Archive, filters: tuple[tuple[str, str], ...], where: str
) -> None:
    query = SourceQuery()
    for key, value in filters:
        query = query.with_filter(key, value)
    expected = {r[0] for r in _sql(archive, f"SELECT id FROM source WHERE {where}")}
    with archive.connect() as conn:
        assert sources.count(conn, query) == len(expected)
    assert {r.id for r in _every_row(archive, query)} == expected


def test_a_filter_set_to_none_is_removed(archive: Archive) -> None:
    query = SourceQuery().with_filter("kind", "book").with_filter("kind", None)
    assert query == SourceQuery() and query.filter_value("kind") is None


def test_unknown_sorts_and_filters_are_refused() -> None:
    with pytest.raises(ValueError, match="sort"):
        SourceQuery().sorted_by("url")
    with pytest.raises(ValueError, match="filter"):
        SourceQuery().with_filter("url", "x")


def test_the_position_of_a_source_is_its_row_in_the_order(archive: Archive) -> None:
    for query in (SourceQuery("year", True), SourceQuery().with_filter("language", "en")):
        ids = [r.id for r in _every_row(archive, query)]
        with archive.connect() as conn:
            assert [sources.position(conn, query, i) for i in ids] == list(range(len(ids)))
            assert sources.ids(conn, query) == ids


def test_a_source_filtered_out_or_absent_has_no_position(archive: Archive) -> None:
    query = SourceQuery().with_filter("language", "en")
    with archive.connect() as conn:
        assert sources.position(conn, query, "koshel-kniga87") is None  # Russian
        assert sources.position(conn, SourceQuery(), "no-such-source") is None


def test_a_page_is_at_most_one_page_long_and_never_negative(archive: Archive) -> None:
    with archive.connect() as conn:
        assert len(sources.page(conn, SourceQuery(), 0, 10_000)) == PAGE_SIZE
        assert sources.page(conn, SourceQuery(), 10_000) == []
        with pytest.raises(ValueError, match="negative"):
            sources.page(conn, SourceQuery(), -1)


def test_one_page_is_one_query(archive: Archive) -> None:
    statements: list[str] = []
    with archive.connect() as conn:

        def record(*args: object) -> None:
            statements.append(str(args[2]))

        event.listen(conn, "before_cursor_execute", record)
        sources.page(conn, SourceQuery("title"), 0)
        event.remove(conn, "before_cursor_execute", record)
    assert len(statements) == 1 and "LIMIT" in statements[0]


def test_filter_values_are_the_distinct_values_sorted_and_bounded(archive: Archive) -> None:
    with archive.connect() as conn:
        assert sources.distinct_values(conn, "kind") == [
            "archive",
            "article",
            "book",
            "encyclopedia",
        ]
        assert sources.distinct_values(conn, "language") == ["en", "ru"]
        assert sources.distinct_values(conn, "kind", limit=2) == ["archive", "article"]
        with pytest.raises(ValueError):
            sources.distinct_values(conn, "url")
