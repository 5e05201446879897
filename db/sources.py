"""The Sources pane's list: every bibliographic record, how many facts it supports, paged in SQL.

The source table has no build-time rank columns (it is a few hundred rows in any real archive),
so the list is read with ``ORDER BY … LIMIT … OFFSET`` one page at a time, and a row's position
comes from a ``row_number()`` window in SQL.  Nothing here reads the whole table into Python:
an archive is untrusted and may hold any number of sources.

"Facts a source supports" (:attr:`SourceRow.facts`) is the number of claim rows citing it: its
field-level claims (a date, a sentence, a figure) plus the records that list it among their
sources (record-level claims).  It is counted per row of a page through the index on
``claim.source_pk``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, select

from db.schema import Claim, Source
from db.sqlfuncs import nocase

#: Rows per page of :func:`page` (and the most the pane fetches in one query).
PAGE_SIZE = 64
#: Most values a filter combo offers (kinds, languages): a hostile archive cannot flood it.
VALUE_LIMIT = 200
#: What the column tooltip says "facts" means.
FACTS_MEANING = (
    "Facts this source supports: its field-level claims (a date, a sentence, a figure) "
    "plus the records that name it among their sources."
)

_facts_count = (
    select(func.count()).where(Claim.source_pk == Source.pk).correlate(Source).scalar_subquery()
)
_facts = _facts_count.label("facts")

#: Sort key → the column it orders by (text columns ignore ASCII case).
SORTS: dict[str, Any] = {
    "author": nocase(Source.author),
    "title": nocase(Source.title),
    "year": Source.year,
    "kind": nocase(Source.kind),
    "language": nocase(Source.language),
    "facts": _facts_count,
}
#: Filter key → the column it compares.
FILTERS: dict[str, Any] = {"kind": Source.kind, "language": Source.language}
DEFAULT_SORT = "author"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of the Sources pane."""

    pk: int
    id: str
    author: str | None
    title: str
    year: int | None
    kind: str
    language: str
    facts: int


@dataclass(frozen=True)
class SourceQuery:
    """Sort and filters of the Sources pane (hashable: it keys the pane's page cache)."""

    sort: str = DEFAULT_SORT
    descending: bool = False
    filters: tuple[tuple[str, str], ...] = ()

    def with_filter(self, key: str, value: str | None) -> SourceQuery:
        """A copy with filter ``key`` set to ``value`` (None removes it).

        Raises:
            ValueError: ``key`` is not one of :data:`FILTERS`.
        """
        if key not in FILTERS:
            raise ValueError(f"unknown source filter {key!r}")
        rest = tuple((k, v) for k, v in self.filters if k != key)
        filters = rest if value is None else (*rest, (key, value))
        return replace(self, filters=tuple(sorted(filters)))

    def sorted_by(self, sort: str, descending: bool = False) -> SourceQuery:
        """A copy in another order.

        Raises:
            ValueError: ``sort`` is not one of :data:`SORTS`.
        """
        if sort not in SORTS:
            raise ValueError(f"unknown source sort {sort!r}")
        return replace(self, sort=sort, descending=descending)

    def filter_value(self, key: str) -> str | None:
        """The value filter ``key`` is set to, if any."""
        return next((v for k, v in self.filters if k == key), None)


def _where(query: SourceQuery) -> ColumnElement[bool]:
    conds = []
    for key, value in query.filters:
        col = FILTERS.get(key)
        if col is None:
            raise ValueError(f"unknown source filter {key!r}")
        conds.append(col == value)
    return and_(True, *conds)


def _order(query: SourceQuery) -> list[Any]:
    """Missing values last in either direction; then title and id, so the order is total."""
    key = SORTS.get(query.sort, SORTS[DEFAULT_SORT])
    main = key.desc() if query.descending else key.asc()
    ties = [nocase(Source.title), Source.id]
    if query.sort == "facts":  # a count is never missing
        return [main, *ties]
    return [key.is_(None), main, *ties]


_COLUMNS = (
    Source.pk,
    Source.id,
    Source.author,
    Source.title,
    Source.year,
    Source.kind,
    Source.language,
    _facts,
)


def _row(r: Any) -> SourceRow:  # a row of _COLUMNS
    return SourceRow(
        pk=int(r.pk),
        id=str(r.id),
        author=r.author,
        title=str(r.title),
        year=r.year,
        kind=str(r.kind),
        language=str(r.language),
        facts=int(r.facts or 0),
    )


def total(conn: Connection) -> int:
    """Sources in the archive."""
    return int(conn.execute(select(func.count()).select_from(Source)).scalar() or 0)


def count(conn: Connection, query: SourceQuery) -> int:
    """Sources the pane shows with ``query``'s filters."""
    stmt = select(func.count()).select_from(Source).where(_where(query))
    return int(conn.execute(stmt).scalar() or 0)


def page(
    conn: Connection, query: SourceQuery, start: int, limit: int = PAGE_SIZE
) -> list[SourceRow]:
    """Rows ``start .. start + limit - 1`` of the list in ``query``'s order (at most a page).

    Raises:
        ValueError: a negative ``start``, or an unknown filter.
    """
    if start < 0:
        raise ValueError("start must not be negative")
    limit = max(0, min(limit, PAGE_SIZE))
    stmt = (
        select(*_COLUMNS).where(_where(query)).order_by(*_order(query)).limit(limit).offset(start)
    )
    return [_row(r) for r in conn.execute(stmt)]


def position(conn: Connection, query: SourceQuery, source_id: str) -> int | None:
    """Row index of ``source_id`` in the list (None: absent or filtered out)."""
    numbered = (
        select(Source.id, func.row_number().over(order_by=_order(query)).label("n"))
        .where(_where(query))
        .subquery()
    )
    n = conn.execute(select(numbered.c.n).where(numbered.c.id == source_id)).scalar()
    return None if n is None else int(n) - 1


def ids(conn: Connection, query: SourceQuery) -> list[str]:
    """Ids of every source the list shows, in its order (for a bibliography of the list).

    One column of short ids; the caller decides whether the list is small enough to export.
    """
    stmt = select(Source.id).where(_where(query)).order_by(*_order(query))
    return [str(r[0]) for r in conn.execute(stmt)]


def distinct_values(conn: Connection, key: str, limit: int = VALUE_LIMIT) -> list[str]:
    """The values filter ``key`` can take, sorted, at most ``limit`` of them.

    Raises:
        ValueError: ``key`` is not one of :data:`FILTERS`.
    """
    col = FILTERS.get(key)
    if col is None:
        raise ValueError(f"unknown source filter {key!r}")
    stmt = select(col).distinct().where(col.is_not(None)).order_by(col).limit(limit)
    return [str(r[0]) for r in conn.execute(stmt)]
