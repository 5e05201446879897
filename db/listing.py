"""Paged list queries for the People, Events and Documents panes.

Two access paths, both O(page) whatever the archive size:

* **unfiltered**: every sortable column has a dense build-time rank, so rows ``a..b`` of any
  sort order are ``WHERE rank BETWEEN ? AND ?`` — a range scan on a unique index;
* **filtered**: :func:`snapshot` returns the ordered primary keys of the filtered set as an
  ``array('q')`` (8 bytes a row), and :func:`rows_by_pks` fetches one page of them by key.

Nothing here ever reads a whole table into Python objects.
"""

from __future__ import annotations

import json
import weakref
from array import array
from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    TextClause,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.engine import Row

from db import contract, list_rows, rank_tail
from db.dto import ListRow
from db.schema import Document, Event, EventPerson, Person


@dataclass(frozen=True)
class ListQuery:
    """Sort and filters of a list pane (hashable, so it can key caches)."""

    sort: str = "name"
    descending: bool = False
    filters: tuple[tuple[str, str], ...] = ()
    pks: tuple[int, ...] | None = None  # restrict to these keys (e.g. a search result)

    def with_filter(self, key: str, value: str | None) -> ListQuery:
        """A copy with filter ``key`` set to ``value`` (None removes it)."""
        rest = tuple((k, v) for k, v in self.filters if k != key)
        filters = rest if value is None else (*rest, (key, value))
        return ListQuery(self.sort, self.descending, tuple(sorted(filters)), self.pks)

    @property
    def filtered(self) -> bool:
        """True when the pane shows a subset of the table."""
        return bool(self.filters) or self.pks is not None


@dataclass(frozen=True)
class ListSpec:
    """How one entity is listed: table, rank column per sort key, filter columns, row shape."""

    kind: str
    table: Table
    sorts: dict[str, Any]  # sort key -> rank column
    filters: dict[str, Any]  # filter key -> column
    columns: tuple[Any, ...]
    make_row: Callable[[Row[Any]], ListRow]
    default_sort: str
    filter_casts: dict[str, Callable[[str], object]] = field(default_factory=dict)
    #: sort key -> predicate of the rows whose value is unknown (last in both directions:
    #: :mod:`db.rank_tail`)
    tails: dict[str, Any] = field(default_factory=dict)
    #: sort keys whose rank ends every filter column's index (the filtered rows come out of
    #: the index in order); any other sort of a filtered pane sorts its matches
    indexed_sorts: frozenset[str] = frozenset()


_people_count = (
    select(func.count())
    .where(EventPerson.event_pk == Event.pk)
    .correlate(Event)
    .scalar_subquery()
    .label("people")
)

PEOPLE = ListSpec(
    kind="person",
    table=Person.__table__,  # type: ignore[arg-type]
    sorts={
        "name": Person.rank_name,
        "name_ru": Person.rank_name_ru,
        "role": Person.rank_role,
        "tribunal": Person.rank_tribunal,
        "sentence": Person.rank_sentence,
        "birth_year": Person.rank_birth,
    },
    filters={
        "role": Person.role,
        "tribunal": Person.tribunal,
        "sentence_kind": Person.sentence_kind,
        "outcome": Person.outcome,
    },
    columns=(
        Person.pk,
        Person.id,
        Person.sort_name,
        Person.name_ru,
        Person.role,
        Person.tribunal,
        Person.sentence_kind,
        Person.sentence_years,
        Person.birth_year,
        Person.death_year,
        Person.sex,  # a woman's role reads in her form (обвиняемая)
    ),
    make_row=list_rows.person_row,
    default_sort="name",
    tails={"birth_year": Person.birth_year.is_(None)},
    indexed_sorts=frozenset({"name"}),  # ix_person_role_rank, _tribunal_rank, _kind_rank
)

EVENTS = ListSpec(
    kind="event",
    table=Event.__table__,  # type: ignore[arg-type]
    sorts={"date": Event.rank_date, "title": Event.rank_title},
    filters={"year": Event.year},
    filter_casts={"year": int},
    columns=(Event.pk, Event.id, Event.date, Event.date_precision, Event.title, _people_count),
    make_row=list_rows.event_row,
    default_sort="date",
    indexed_sorts=frozenset({"date"}),  # ix_event_year_rank
)

DOCUMENTS = ListSpec(
    kind="document",
    table=Document.__table__,  # type: ignore[arg-type]
    sorts={
        "date": Document.rank_date,
        "title": Document.rank_title,
        "doc_type": Document.rank_type,
    },
    filters={"doc_type": Document.doc_type, "year": Document.year},
    filter_casts={"year": int},
    columns=(
        Document.pk,
        Document.id,
        Document.date,
        Document.doc_type,
        Document.title,
        Document.persons,
    ),
    make_row=list_rows.document_row,
    default_sort="date",
    indexed_sorts=frozenset({"date"}),  # ix_document_type_rank
)


def _sort_key(spec: ListSpec, query: ListQuery) -> str:
    return query.sort if query.sort in spec.sorts else spec.default_sort


def _rank(spec: ListSpec, query: ListQuery) -> Any:
    return spec.sorts[_sort_key(spec, query)]


def _order(spec: ListSpec, query: ListQuery, *, sort_matches: bool = False) -> Any:
    """ORDER BY of a filtered pane: the rank, with a descending sort's unknown values after
    the known ones (ranked backwards) in their own ascending order (:mod:`db.rank_tail`).

    With ``sort_matches`` (every match is read, on SQLite), a rank that no filter index ends
    in is ordered as an expression, which SQLite cannot read from an index: it finds the
    matches through the filter's index and sorts them, instead of walking the whole rank index
    and looking each row up (at 3M people, death sentences by birth year: 4.2 s → 0.25 s; a
    filter matching nobody: 4.0 s → 0 ms).
    """
    rank = _rank(spec, query)
    if sort_matches and _sort_key(spec, query) not in spec.indexed_sorts:
        rank = rank + literal_column("0")
    if not query.descending:
        return rank.asc()
    tail = spec.tails.get(_sort_key(spec, query))
    if tail is None:
        return rank.desc()
    return case((tail, rank), else_=-rank).asc()


#: Known ranks of a descending sort with an unknown tail, per engine (an archive never changes
#: while open) and (kind, sort, total).
_KNOWN: weakref.WeakKeyDictionary[Any, dict[tuple[str, str, int], int]] = (
    weakref.WeakKeyDictionary()
)


def _known(conn: Connection, spec: ListSpec, query: ListQuery, total: int) -> int:
    """How many ranks of the sort hold a known value (``total`` where none can be unknown)."""
    key = _sort_key(spec, query)
    tail = spec.tails.get(key)
    if tail is None or not query.descending:
        return total
    memo = _KNOWN.setdefault(conn.engine, {})
    known = memo.get((spec.kind, key, total))
    if known is None:
        probe = select(tail).where(spec.sorts[key] == bindparam("rank"))

        def unknown_at(rank: int) -> bool:
            return bool(conn.execute(probe, {"rank": rank}).scalar())

        known = memo[(spec.kind, key, total)] = rank_tail.known_ranks(unknown_at, total)
    return known


def _where(spec: ListSpec, query: ListQuery, postgres: bool = False) -> ColumnElement[bool]:
    conds: list[ColumnElement[bool] | TextClause] = []
    for key, value in query.filters:
        col = spec.filters.get(key)
        if col is None:
            raise ValueError(f"unknown filter {key!r} for {spec.kind}")
        cast = spec.filter_casts.get(key, str)
        conds.append(col == cast(value))
    if query.pks is not None:
        # One parameter instead of one bound variable per key: a search may return 100,000
        # people, far past SQLite's limit on variables.  SQLite reads it as a JSON array;
        # PostgreSQL gets a real array (the filter is built for the connection's dialect).
        if postgres:
            conds.append(
                text(f"{spec.table.name}.pk = ANY(CAST(:pks AS bigint[]))").bindparams(
                    pks=list(query.pks)
                )
            )
        else:
            conds.append(
                text(f"{spec.table.name}.pk IN (SELECT value FROM json_each(:pks))").bindparams(
                    pks=json.dumps(list(query.pks))
                )
            )
    return and_(True, *conds)


def _is_pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def count(conn: Connection, spec: ListSpec, query: ListQuery) -> int:
    """Rows the pane shows. Unfiltered: the largest rank (one index probe)."""
    if not query.filtered:
        return int(conn.execute(select(func.max(_rank(spec, query)))).scalar() or 0)
    return int(
        conn.execute(
            select(func.count()).select_from(spec.table).where(_where(spec, query, _is_pg(conn)))
        ).scalar()
        or 0
    )


def page(
    conn: Connection, spec: ListSpec, query: ListQuery, start: int, limit: int, total: int
) -> list[ListRow]:
    """Rows ``start .. start+limit-1`` of an *unfiltered* pane, by rank range."""
    if query.filtered:
        raise ValueError("page() is for unfiltered panes; use snapshot() + rows_by_pks()")
    known = _known(conn, spec, query, total)
    rows: list[ListRow] = []
    for lo, hi, backwards in rank_tail.rank_runs(start, limit, total, known, query.descending):
        stmt = _page_statement(spec, query.sort, backwards)
        rows += [spec.make_row(r) for r in _records(conn, stmt, {"lo": lo, "hi": hi})]
    return rows


#: Column names of a statement's rows → the named tuple its rows are read into.
_RECORD_TYPES: dict[tuple[str, ...], Any] = {}


def _records(conn: Connection, stmt: Any, params: dict[str, Any] | None = None) -> list[Any]:
    """The rows of ``stmt`` as named tuples, read from SQLite's cursor.

    The list columns are plain integers and text, which SQLAlchemy hands on unchanged; making
    and reading its Row objects cost about 4 µs a row more, on every page a list reads while
    the reader scrolls (a page of 64 People rows at 3M: 0.73 → 0.48 ms).
    """
    result = conn.execute(stmt, params) if params is not None else conn.execute(stmt)
    if _is_pg(conn):
        # A server's rows may come through SQLAlchemy's buffer (a streamed snapshot leaves its
        # connection streaming): they are read through it, as SQLAlchemy's rows.
        return list(result)
    try:
        keys = tuple(result.keys())
        record: Any = _RECORD_TYPES.get(keys)
        if record is None:
            record = _RECORD_TYPES[keys] = namedtuple("Record", keys)  # type: ignore[misc]
        return [record._make(r) for r in result.cursor.fetchall()]
    finally:
        result.close()


_PAGE_STATEMENTS: dict[tuple[str, str, bool], Any] = {}


def _page_statement(spec: ListSpec, sort: str, descending: bool) -> Any:
    # Built once per (kind, sort, direction): building a select() cost ~4x running it.
    key = (spec.kind, sort, descending)
    stmt = _PAGE_STATEMENTS.get(key)
    if stmt is None:
        rank = spec.sorts.get(sort) or spec.sorts[spec.default_sort]
        stmt = (
            select(*spec.columns)
            .where(rank.between(bindparam("lo"), bindparam("hi")))
            .order_by(rank.desc() if descending else rank.asc())
        )
        _PAGE_STATEMENTS[key] = stmt
    return stmt


def snapshot(conn: Connection, spec: ListSpec, query: ListQuery) -> array[int]:
    """Ordered primary keys of a *filtered* pane (8 bytes each).

    Read from the DBAPI cursor in chunks: at a million matches, building SQLAlchemy rows only
    to keep one integer of each tripled the time, all of it holding the GIL the GUI thread
    needs to paint.
    """
    stmt = (
        select(spec.table.c.pk)
        .where(_where(spec, query, _is_pg(conn)))
        .order_by(_order(spec, query, sort_matches=not _is_pg(conn)))
    )
    compiled = stmt.compile(dialect=conn.dialect)
    values = compiled.construct_params()
    params: Any = (
        tuple(values[name] for name in compiled.positiontup or ())
        if compiled.positional
        else values
    )
    if _is_pg(conn):
        # A server-side cursor: psycopg would otherwise turn every key into a Python object
        # in one call, holding the GIL the GUI thread needs to paint (84 ms at 1M people).
        conn = conn.execution_options(stream_results=True, max_row_buffer=SNAPSHOT_CHUNK)
    result = conn.exec_driver_sql(str(compiled), params)
    out = array("q")
    try:
        if _is_pg(conn):  # through SQLAlchemy's buffer: it has read the first rows already
            for part in result.scalars().partitions(SNAPSHOT_CHUNK):
                out.extend(part)
        else:
            while chunk := result.cursor.fetchmany(SNAPSHOT_CHUNK):
                out.extend(r[0] for r in chunk)
    finally:
        result.close()
    return out


#: Keys read per ``fetchmany`` by :func:`snapshot`.
SNAPSHOT_CHUNK = 4096


#: Ranks at the start of a sort that :func:`head` looks through first for a filter's first rows.
HEAD_WALK = 1 << 16


def head(conn: Connection, spec: ListSpec, query: ListQuery, limit: int) -> list[ListRow]:
    """The first ``limit`` rows of a *filtered* pane, in its order.

    With a filter that has an index ending in the sort's rank (role, tribunal, sentence,
    outcome by name; year by date; type by date) this reads ``limit`` index entries, so the
    first rows can be shown before :func:`snapshot` has walked every match.  Any other sort
    (on SQLite) first looks through the first :data:`HEAD_WALK` ranks only — enough where the
    matches are common — and otherwise sorts the matches: walking the whole rank index for a
    filter that matches few people took 4 s at 3M (nobody: the whole walk for nothing).
    """
    where = _where(spec, query, _is_pg(conn))
    columns = select(*spec.columns)
    key = _sort_key(spec, query)
    plain = (
        key in spec.indexed_sorts
        or _is_pg(conn)
        or (query.descending and key in spec.tails)  # ordered by an expression: sorted
    )
    if not plain:
        rank = spec.sorts[key]
        if query.descending:
            top = int(conn.execute(select(func.max(rank))).scalar() or 0)
            window = rank > top - HEAD_WALK
        else:
            window = rank <= HEAD_WALK
        stmt = columns.where(where, window).order_by(_order(spec, query)).limit(limit)
        rows = _records(conn, stmt)
        if len(rows) == limit:
            return [spec.make_row(r) for r in rows]
    stmt = columns.where(where).order_by(_order(spec, query, sort_matches=not plain)).limit(limit)
    return [spec.make_row(r) for r in _records(conn, stmt)]


def rows_by_pks(conn: Connection, spec: ListSpec, pks: Sequence[int]) -> list[ListRow]:
    """Rows for ``pks`` in the given order (one query; pages are ≤ a few hundred keys)."""
    if not pks:
        return []
    pk = spec.table.c.pk
    got = {
        int(r.pk): spec.make_row(r)
        for r in _records(conn, select(*spec.columns).where(pk.in_(list(pks))))
    }
    return [got[k] for k in pks if k in got]


def position(
    conn: Connection, spec: ListSpec, query: ListQuery, item_id: str, total: int
) -> int | None:
    """Row index of ``item_id`` in an *unfiltered* pane (None if absent)."""
    rank = _rank(spec, query)
    value = conn.execute(select(rank).where(spec.table.c.id == item_id)).scalar()
    if value is None:
        return None
    known = _known(conn, spec, query, total)
    return rank_tail.row_of_rank(int(value), total, known, query.descending)


def pk_of(conn: Connection, spec: ListSpec, item_id: str) -> int | None:
    """Primary key of the item with text id ``item_id``."""
    value = conn.execute(select(spec.table.c.pk).where(spec.table.c.id == item_id)).scalar()
    return None if value is None else int(value)


def distinct_values(conn: Connection, spec: ListSpec, key: str) -> list[str]:
    """Values a filter can take (small vocabularies: roles, tribunals, types, years).

    A loose index scan — one ``min(col) > previous`` probe per distinct value — so the cost is
    the number of values, not rows: at 3M people a plain ``SELECT DISTINCT`` scanned a whole
    index (~70 ms per filter) while the window was opening.
    """
    if spec is DOCUMENTS and key == "year":
        # document.year has no index of its own; the date index gives the years in order.
        # The walk is bounded by the contract's years and never trusts a date to parse: a
        # date such as "9999-12-31" (whose next year "10000" sorts before "1933") ends it.
        years: list[str] = []
        start = ""
        for _ in contract.YEAR_RANGE:
            first = conn.execute(select(func.min(Document.date)).where(Document.date >= start))
            value = first.scalar()
            head = str(value)[:4] if value is not None else ""
            if not (head.isascii() and head.isdigit() and int(head) in contract.YEAR_RANGE):
                break
            years.append(head)
            start = str(int(head) + 1)
        return years
    col = spec.filters[key]
    values: list[str] = []
    current = conn.execute(select(func.min(col))).scalar()
    while current is not None:
        values.append(str(current))
        current = conn.execute(select(func.min(col)).where(col > current)).scalar()
    return values
