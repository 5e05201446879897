"""The post-gate query set: everything the app asks an archive, run without Qt.

:func:`exercise` reads an opened archive the way the GUI does — every list pane (counts, pages
in each sort order, a filtered snapshot), detail pages of ten random items per kind (and their
HTML), labels, the chart's numbers and footnotes, and searches when :mod:`db.search` exists —
so a damaged archive that passed the gate and then fails while being used shows up as an
exception here.
"""

from __future__ import annotations

import hashlib
import importlib
import random
import sqlite3
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, text

from app.pages import detail as detail_html
from db import Archive, listing, outcomes, queries
from db.dto import Ref
from db.gate import harden
from db.listing import ListQuery, ListSpec

#: What the search box would be asked (names in both scripts, a year, FTS syntax, junk).
SEARCHES = ("Чернявский", "kamenev", "1935", "Енукидзе Авель", 'C++ "NEAR(' + "\u202e")
TABLES = {"person": "person", "event": "event", "document": "document", "source": "source"}


def _search_function() -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("db.search")
    except ImportError:
        return None
    fn = getattr(module, "search", None)
    return fn if callable(fn) else None


def _lists(conn: Connection, spec: ListSpec) -> None:
    # Both directions of the default order, one other order, and every filter's snapshot.
    sorts = dict.fromkeys((spec.default_sort, *spec.sorts))
    for sort, descending in ((s, d) for s in list(sorts)[:2] for d in (False, True)):
        q = ListQuery(sort, descending)
        total = listing.count(conn, spec, q)
        rows = listing.page(conn, spec, q, 0, 60, total)
        listing.page(conn, spec, q, max(total - 30, 0), 60, total)
        if rows:
            listing.position(conn, spec, q, rows[-1].id, total)
            listing.pk_of(conn, spec, rows[-1].id)
    for key in spec.filters:
        values = listing.distinct_values(conn, spec, key)
        if not values:
            continue
        q = ListQuery(spec.default_sort).with_filter(key, values[len(values) // 2])
        listing.count(conn, spec, q)
        snap = listing.snapshot(conn, spec, q)
        listing.rows_by_pks(conn, spec, snap[:256])


def _details(conn: Connection, kind: str, ids: list[str]) -> None:
    for item_id in ids:
        ref = Ref(kind, item_id)
        queries.resolve(conn, ref)
        queries.label_of(conn, ref)
        if kind == "person":
            p = queries.person_detail(conn, item_id)
            if p is not None:
                detail_html.person_html(p, frozenset({"summary", "name_en"}))
        elif kind == "event":
            e = queries.event_detail(conn, item_id)
            if e is not None:
                detail_html.event_html(e)
        elif kind == "document":
            d = queries.document_detail(conn, item_id)
            if d is not None:
                detail_html.document_html(d)
        else:
            s = queries.source_detail(conn, item_id)
            if s is not None:
                detail_html.source_html(s)


def _chart(conn: Connection) -> None:
    counts = queries.outcome_counts(conn)
    tallies = queries.tallies(conn)
    for c in counts:
        detail_html.outcome_html(c, tallies)
    for name in ("uncounted_figures", "source_labels", "published_totals"):
        fn = getattr(outcomes, name, None)
        if callable(fn):
            fn(conn)


def exercise(archive: Archive, seed: int = 0, per_kind: int | None = 10) -> dict[str, int]:
    """Run the whole query set; returns how many calls of each group ran (raises on error).

    ``per_kind`` random items of each kind get their detail page (None: every item).
    """
    rng = random.Random(seed)
    done = {"lists": 0, "details": 0, "searches": 0, "chart": 0}
    search = _search_function()
    with archive.connect() as conn:
        for spec in (listing.PEOPLE, listing.EVENTS, listing.DOCUMENTS):
            _lists(conn, spec)
            done["lists"] += 1
        for kind, table in TABLES.items():
            ids = [str(r[0]) for r in conn.execute(text(f"SELECT id FROM {table} ORDER BY pk"))]
            chosen = ids if per_kind is None else rng.sample(ids, min(per_kind, len(ids)))
            _details(conn, kind, chosen)
            done["details"] += len(chosen)
        queries.find_refs(conn, "person/cherniavsky-mikhail")
        _chart(conn)
        done["chart"] += 1
        if search is not None:
            for words in SEARCHES:
                search(conn, words, 50)
                done["searches"] += 1
    return done


def content_digest(archive: Archive) -> str:
    """Digest of every row of every stored table (schema, data, search index, statistics).

    Two archives that pass the gate (integrity_check: indexes match their tables; the exact
    schema) and have the same digest hold the same logical database, so every query answers
    the same on both.  The campaign uses it to run the query set once per distinct content.
    """
    conn = harden(sqlite3.connect(archive.path.resolve().as_uri() + "?mode=ro", uri=True))
    try:
        names = [
            str(n)
            for (n,) in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE "
                "'CREATE VIRTUAL TABLE%' ORDER BY name"
            )
        ]
        conn.text_factory = bytes  # exact bytes, even where the text is not UTF-8
        h = hashlib.blake2b(digest_size=16)
        for name in names:
            h.update(name.encode() + b"\x00")
            for row in conn.execute(f'SELECT * FROM "{name}"'):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        conn.close()
