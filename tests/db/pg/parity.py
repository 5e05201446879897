"""The parity battery: the same questions to an archive file and its PostgreSQL copy.

:func:`differences` asks both archives what the app asks (list pages in every sort and both
directions, every filter value, filtered snapshots, detail pages, the chart, the timeline, ego
graphs, citations and a query set of searches) and lists every answer that differs.  With
``sample`` it asks about every n-th record only (a generated archive of 100,000 people).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

from db import listing, outcomes, queries, sources
from db.cite import api as cite
from db.dto import Ref
from db.engine import Archive
from db.graph import ego_graph
from db.search.find import person_pks, search
from db.timeline import queries as timeline
from db.timeline import summary as timeline_summary

#: Spellings, prefixes, typos, initials, full-text words and hostile input.
QUERIES = (
    "Ежов",
    "jeschow",
    "Yezhov",
    "iv",
    "ив",
    "см",
    "e",
    "Rozenfeld",
    "Розенфельд",
    "commuted",
    "110",
    "Trotskyist",
    "Cherniavski",
    "Kamenev L",
    "Агранова",
    "Агранову",
    "Enukidze",
    "Jenukidse",
    "Muhanova",
    "Мухановой",
    "librarians",
    "ivanov",
    "смирнова",
    "kovalenko",
    "Н. Б.",
    "Yu.",
    "o'brien",
    '"',
    "*",
    "a AND b",
    "NEAR(x)",
    "-",
    "'; drop table person; --",
    "х" * 60,
    "ё",
    "Пётр",
    "zzzzzz",
)
PAGE = 50


def _ids(conn: Any, table: str, sample: int) -> list[str]:
    rows = conn.exec_driver_sql(f"SELECT id FROM {table} ORDER BY pk").fetchall()
    return [str(r[0]) for r in rows][::sample]


def _lists(conn: Any, sample: int) -> Iterator[tuple[str, object]]:
    for spec in (listing.PEOPLE, listing.EVENTS, listing.DOCUMENTS):
        total = listing.count(conn, spec, listing.ListQuery(spec.default_sort))
        yield f"{spec.kind} count", total
        for sort in spec.sorts:
            for desc in (False, True):
                q = listing.ListQuery(sort, desc)
                for start in sorted({0, max(0, total // 2), max(0, total - PAGE)}):
                    yield (
                        f"{spec.kind} page {sort} {desc} {start}",
                        listing.page(conn, spec, q, start, PAGE, total),
                    )
        for key in spec.filters:
            values = listing.distinct_values(conn, spec, key)
            yield f"{spec.kind} values {key}", values
            for value in values[:: max(1, len(values) // 6)]:
                q = listing.ListQuery(spec.default_sort, True).with_filter(key, value)
                pks = listing.snapshot(conn, spec, q)
                yield (
                    f"{spec.kind} filter {key}={value}",
                    (
                        listing.count(conn, spec, q),
                        list(pks[:: max(1, sample)]),
                        listing.head(conn, spec, q, 20),
                        listing.rows_by_pks(conn, spec, list(pks[:30])),
                    ),
                )
    people = listing.ListQuery("name", pks=tuple(person_pks(conn, "iv", 5000)))
    yield "people by search", list(listing.snapshot(conn, listing.PEOPLE, people))
    for sort in sources.SORTS:
        for desc in (False, True):
            q = sources.SourceQuery(sort=sort, descending=desc)
            yield f"sources {sort} {desc}", sources.page(conn, q, 0)


def _records(conn: Any, sample: int) -> Iterator[tuple[str, object]]:
    for kind, table in (
        ("person", "person"),
        ("event", "event"),
        ("document", "document"),
        ("source", "source"),
    ):
        # Sources are few (126 bundled, 402 generated): every one, or every 40th at scale.
        step = sample if kind != "source" else max(1, sample // 100)
        for ident in _ids(conn, table, step):
            ref = Ref(kind, ident)
            yield f"detail {ref}", queries.detail(conn, ref)
            if kind == "person":
                yield f"graph {ident}", ego_graph(conn, ident, hops=2, co_mentions=True)
    day = datetime.date(2026, 1, 1)
    for ident in _ids(conn, "person", sample * 7)[:40]:
        ref = Ref("person", ident)
        yield f"cite {ident}", [cite.record(conn, ref, style, day) for style in ("chicago", "gost")]


def _summaries(conn: Any, sample: int) -> Iterator[tuple[str, object]]:
    yield "outcome counts", queries.outcome_counts(conn)
    yield "tallies", queries.tallies(conn)
    yield "published totals", outcomes.published_totals(conn)
    yield "uncounted", outcomes.uncounted_figures(conn)
    extent = timeline_summary.extent(conn)
    yield "timeline extent", extent
    yield "timeline undated", timeline_summary.undated(conn)
    if extent is not None:
        lo, hi = extent
        for level in ("year", "month"):
            yield f"timeline {level}", timeline.kind_slice(conn, lo, hi, level)
        yield "timeline 1935", timeline.kind_slice(conn, "1935-01-01", "1935-12-31", "day")
    ids = _ids(conn, "person", sample)[:5]
    yield "timeline people", timeline.person_slice(conn, ids)
    yield "bibliography", cite.bibliography(conn, "bibtex")


def _searches(conn: Any, _sample: int) -> Iterator[tuple[str, object]]:
    for text in QUERIES:
        yield f"search {text!r}", search(conn, text)
        yield f"search pks {text!r}", person_pks(conn, text, 2000)


SECTIONS: tuple[Callable[[Any, int], Iterator[tuple[str, object]]], ...] = (
    _lists,
    _records,
    _summaries,
    _searches,
)


def answers(archive: Archive, sample: int = 1) -> Iterator[tuple[str, object]]:
    """Every (question, answer) of the battery, in a fixed order."""
    for section in SECTIONS:
        with archive.connect() as conn:
            yield from section(conn, sample)


def differences(
    a: Archive | list[tuple[str, object]], b: Archive, sample: int = 1
) -> tuple[int, list[str]]:
    """(questions asked, the questions whose answers differ between ``a`` and ``b``); ``a`` may
    be answers already given (:func:`answers` of the same ``sample``)."""
    asked = 0
    differ: list[str] = []
    given = answers(a, sample) if isinstance(a, Archive) else iter(a)
    for (qa, ra), (qb, rb) in zip(given, answers(b, sample), strict=True):
        assert qa == qb, (qa, qb)
        asked += 1
        if ra != rb:
            differ.append(qa)
    return asked, differ
