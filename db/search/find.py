"""Search the archive: people by any spelling of their name, and the words of every text.

:func:`search` answers the search box and ``kremlin-archive search``: hits grouped as people,
events, documents and sources, each group with its count, best first, every hit saying why it
matched (``German spelling Jeschow of Ежов``) with the matched parts as spans.
:func:`person_pks` gives the matching people's keys only, best first (to filter the People pane).

Scale: every query reads FTS5 matches in index order with a LIMIT (people are numbered in name
order, events and documents in date order) — never sorting all matches of a common prefix.
People are found in tiers: exact keys and transliterations first; then prefixes, the other
gender's form and declined forms; then (only while the page is not full) spellings mixing
systems and one typo; then occupations and organisations.  Ranking by *why* happens only among
the hits of one page.  Counts stop at :data:`COUNT_CAP`.

No input raises: user text is cleaned and capped by :func:`db.search.query.parse`, every FTS5
term is quoted, and SQLite errors (a damaged index, the time budget) become an ``error`` line.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from db import vocab
from db.dbapi import database_errors, is_postgres, raw_of
from db.dto import Ref
from db.i18n import N_, _
from db.queries import person_label, person_name, source_label
from db.search import translit
from db.search.explain import (
    Explained,
    PersonWords,
    Span,
    Why,
    explain_person,
    highlight,
    snippet,
    text_spans,
)
from db.search.index import KIND_SHIFT, kind_range
from db.search.query import MIN_TYPO, Query, Rank, fts_expression, parse, resolve, text_expression

#: Counts stop here ("1000+").
COUNT_CAP = 1000
#: Counting the matches beyond the page shown stops after this long (the count shows "50+")…
COUNT_BUDGET_S = 0.01
#: … but never before this many matches have been counted.
COUNT_EXACT = 256
#: A search gives up after this long (a hostile or damaged archive cannot stall the UI).
TIME_BUDGET_S = 2.0
#: Group headings (English source text: translated when a search builds its groups).
GROUP_TITLES = {
    "person": N_("People"),
    "event": N_("Events"),
    "document": N_("Documents"),
    "source": N_("Sources"),
}
#: On a server, rows walked in key order for the first page (and for the count) of a word
#: before its GIN index is asked instead (see :func:`_walk`).
WALK_ROWS = (2048, 32768)
WALK_COUNT_ROWS = 16384
#: … a count whose walk found more than COUNT_CAP / WALK_SPREAD matches is not finished.
WALK_SPREAD = 50
#: On a server, an OR of at most this many names is merged from the postings; a longer one
#: (a short prefix's completions) costs more to plan and merge than one GIN bitmap.
POSTINGS_TERMS = 40
#: A text group reads this many times the hits it shows before ranking them (see
#: :func:`_text_group`).
RANK_POOL = 3
#: Documents/events linked to at most this many of the best people are listed too (one
#: indexed query whatever the archive's size; three left out the fourth Rozenfeld's papers).
LINKED_PEOPLE = 10


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: what it is, how to show it, and why it matched (with spans to mark)."""

    ref: Ref
    label: str
    label_spans: tuple[Span, ...]
    why: str
    why_spans: tuple[Span, ...]
    detail: str = ""
    rank: int = 0  # 0 = best (an exact name), larger = weaker


@dataclass(frozen=True, slots=True)
class SearchGroup:
    """The hits of one kind; ``count`` is a lower bound when ``more`` is set."""

    kind: str
    title: str
    count: int
    more: bool
    hits: tuple[SearchHit, ...]

    @property
    def count_label(self) -> str:
        """``12`` or ``1000+``."""
        return f"{self.count}+" if self.more else str(self.count)


@dataclass(frozen=True, slots=True)
class SearchResults:
    """Everything one search found, in group order people, events, documents, sources."""

    query: str
    groups: tuple[SearchGroup, ...] = ()
    notices: tuple[str, ...] = ()
    error: str | None = None
    #: The names searched for in the other script too ("Yenukidze" → енукидзе): a page opened
    #: from these results marks them beside the typed words.
    other_script: tuple[str, ...] = ()

    @property
    def hits(self) -> tuple[SearchHit, ...]:
        """Every hit, group after group."""
        return tuple(h for g in self.groups for h in g.hits)

    def group(self, kind: str) -> SearchGroup | None:
        """The group of ``kind``, if anything of that kind matched."""
        return next((g for g in self.groups if g.kind == kind), None)


# -- plumbing ----------------------------------------------------------------------------


def _raw(conn: Any) -> Any:
    """The DBAPI connection under a SQLAlchemy Connection (or ``conn`` itself)."""
    return raw_of(conn)


@contextmanager
def _budget(conn: Any, seconds: float) -> Iterator[None]:
    """Interrupt any statement of ``conn`` once ``seconds`` have passed."""
    if is_postgres(conn):
        # The server's own timer; set for this transaction only, then back to the default.
        conn.execute("SELECT set_config('statement_timeout', ?, true)", (f"{int(seconds * 1000)}",))
        try:
            yield
        finally:
            try:
                conn.execute("SELECT set_config('statement_timeout', '60000', true)")
            except database_errors():
                pass  # an aborted transaction: the caller's rollback ends it anyway
        return
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 20_000)
    try:
        yield
    finally:
        conn.set_progress_handler(None, 0)


class _NoMatch(Exception):
    """An expression the index cannot take (see :func:`_is_fts_syntax`): nothing matches."""


def _where(
    conn: Any, table: str, expr: str, rowids: tuple[int, int] | None
) -> tuple[str, tuple[object, ...]]:
    """The WHERE clause matching ``expr`` on either engine, and its parameters."""
    if is_postgres(conn):
        from db.pg.tsquery import NotATerm, to_tsquery

        try:
            match = to_tsquery(expr)
        except NotATerm as exc:
            raise _NoMatch from exc
        column = "keys" if table == "person_fts" else "body"
        where = f"{column} @@ CAST(? AS tsquery)"
        params: tuple[object, ...] = (match,)
    else:
        where, params = f"{table} MATCH ?", (expr,)
    if rowids:
        # On a server "rowid + 0": the planner would otherwise walk the primary key through
        # the whole kind in rowid order, testing every row (200 ms for a rare prefix at 1M),
        # where the GIN index finds the few matches at once.
        where += f" AND {_rowid(conn)} BETWEEN ? AND ?"
        params = (*params, *rowids)
        if is_postgres(conn):  # the kind's own GIN index (db.pg.load): a constant to match
            where += f" AND rowid >> {KIND_SHIFT} = {int(rowids[0]) >> KIND_SHIFT}"
    return where, params


def _matching(conn: Any, table: str, expr: str, rowids: list[int]) -> set[int]:
    """Those of ``rowids`` whose row matches ``expr`` (one statement, looked up by rowid)."""
    if not rowids or not expr:
        return set()
    try:
        where, params = _where(conn, table, expr, None)
    except _NoMatch:
        return set()
    sql = f"SELECT rowid FROM {table} WHERE {where} AND rowid IN ({_marks(len(rowids))})"
    return {int(r[0]) for r in conn.execute(sql, (*params, *rowids))}


def _rowid(conn: Any) -> str:
    """``rowid``, or on a server an expression of it no B-tree index serves (see _where)."""
    return "rowid + 0" if is_postgres(conn) else "rowid"


def _postings(conn: Any, table: str, expr: str, rowids: tuple[int, int] | None) -> Any:
    """On a server, names OR'd together (the usual typed word): the distinct person keys of
    every name, merged lazily in pk order from ``person_key``'s (key, pk) index — the GIN index
    would gather every match of every name before the first row.  (SQL and parameters, or
    None where the GIN index answers: an AND, a prefix, the text index.)"""
    if table != "person_fts" or rowids is not None or not is_postgres(conn):
        return None
    from db.pg.tsquery import NotATerm, single_group

    try:
        terms = single_group(expr)
    except NotATerm as exc:
        raise _NoMatch from exc
    if terms is None or len(terms) > POSTINGS_TERMS:
        return None
    arms = " UNION ALL ".join(["SELECT pk FROM person_key WHERE key = ?"] * len(terms))
    return f"SELECT DISTINCT pk AS rowid FROM ({arms}) AS u ORDER BY 1", tuple(terms)


def _match(
    conn: Any,
    table: str,
    expr: str,
    limit: int,
    rowids: tuple[int, int] | None = None,
) -> list[int]:
    if not expr or limit <= 0:
        return []
    try:
        merged = _postings(conn, table, expr, rowids)
        if merged is not None:
            sql, params = merged
            rows = conn.execute(f"{sql} LIMIT ?", (*params, limit)).fetchall()
            return [int(r[0]) for r in rows]
        where, params = _where(conn, table, expr, rowids)
        if is_postgres(conn):
            for rows_walked in WALK_ROWS:
                walked = _walk(conn, table, expr, rowids, limit, rows_walked)
                if len(walked) >= limit:
                    return walked
        rows = conn.execute(
            f"SELECT rowid FROM {table} WHERE {where} ORDER BY {_rowid(conn)} LIMIT ?",
            (*params, limit),
        ).fetchall()
    except _NoMatch:
        return []
    except sqlite3.OperationalError as exc:
        if not _is_fts_syntax(exc):
            raise
        return []
    return [int(r[0]) for r in rows]


def _walk(
    conn: Any, table: str, expr: str, rowids: tuple[int, int] | None, limit: int, rows: int
) -> list[int]:
    """On a server, the first ``limit`` matches among the first ``rows`` rows of the range, in
    rowid order (the primary key walked, each row tested).

    A frequent word (``prison``, one letter) has its first matches within a few rows, where
    the GIN index would first gather all of its hundreds of thousands; when the walk finds
    ``limit`` of them they are the first ``limit`` of all.  Fewer: the word is rare and the GIN
    index answers (the caller's second query).
    """
    from db.pg.tsquery import to_tsquery

    column = "keys" if table == "person_fts" else "body"
    lo, hi = rowids or (0, 1 << 62)
    found = conn.execute(
        f"SELECT rowid FROM (SELECT rowid, {column} FROM {table} WHERE rowid BETWEEN ? AND ? "
        f"ORDER BY rowid LIMIT ?) AS w WHERE {column} @@ CAST(? AS tsquery) LIMIT ?",
        (lo, hi, rows, to_tsquery(expr), limit),
    ).fetchall()
    return [int(r[0]) for r in found]


def _is_fts_syntax(exc: sqlite3.OperationalError) -> bool:
    # A letter newer than SQLite's Unicode tables splits a quoted term into a phrase, which a
    # detail=none index refuses: such a term matches nothing.
    return str(exc).startswith("fts5:")


def _count(conn: Any, table: str, expr: str, rowids: tuple[int, int] | None = None) -> int | None:
    """Matches of ``expr`` up to :data:`COUNT_CAP` + 1; None if counting takes too long."""
    deadline = time.monotonic() + COUNT_BUDGET_S
    n = 0
    try:
        merged = _postings(conn, table, expr, rowids)
        if merged is not None:
            sql, params = merged
            row = conn.execute(
                f"SELECT count(*) FROM ({sql} LIMIT ?) AS m", (*params, COUNT_CAP + 1)
            ).fetchone()
            return int(row[0])
        where, params = _where(conn, table, expr, rowids)
        if is_postgres(conn):
            seen = len(_walk(conn, table, expr, rowids, COUNT_CAP + 1, WALK_COUNT_ROWS))
            if seen > COUNT_CAP:
                return COUNT_CAP + 1  # a frequent word: past the cap within the first rows
            if seen * WALK_SPREAD > COUNT_CAP and COUNT_BUDGET_S < 1:
                # Common enough that counting every match through the GIN index would take
                # long: say "20+" as SQLite does when its counting budget runs out.
                return None
            # One round trip, counted on the server (the statement timeout bounds it).
            row = conn.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {where} LIMIT ?) AS m",
                (*params, COUNT_CAP + 1),
            ).fetchone()
            return int(row[0])
        cur = conn.execute(f"SELECT 1 FROM {table} WHERE {where} LIMIT ?", (*params, COUNT_CAP + 1))
        while True:
            rows = cur.fetchmany(COUNT_EXACT)
            n += len(rows)
            # A short chunk is the last one: the count is known without asking again (and
            # without looking at the clock, so a busy machine counts it exactly too).
            if len(rows) < COUNT_EXACT or n > COUNT_CAP:
                return n
            # The first COUNT_EXACT matches are always counted, so small archives get the
            # same exact counts on a busy machine as on an idle one.
            if time.monotonic() > deadline:
                return None
    except _NoMatch:
        return None
    except sqlite3.OperationalError as exc:
        if not _is_fts_syntax(exc):
            raise
        return None


def _group_count(
    conn: Any,
    table: str,
    expr: str,
    found: int,
    limit: int,
    rowids: tuple[int, int] | None = None,
) -> tuple[int, bool]:
    """(count, more) of a group: exact below the page size, else counted up to the cap."""
    if found < limit or not expr:
        return found, False
    return _bounded(found, _count(conn, table, expr, rowids))


def _bounded(found: int, total: int | None) -> tuple[int, bool]:
    """(count, more) from a count of the matches (None: not finished) and those found."""
    if total is None:
        return found, True
    return min(max(total, found), COUNT_CAP), total > COUNT_CAP


def _marks(n: int) -> str:
    return ", ".join("?" * n)


# -- people ---------------------------------------------------------------------------------


def _fuzzy_worth_it(query: Query) -> bool:
    return any(
        len(w.key) >= MIN_TYPO or (len(w.key) >= 4 and not w.token.cyrillic) for w in query.words
    )


def _person_tiers(
    conn: Any, query: Query, texpr: str, limit: int
) -> tuple[dict[int, int], Query, str]:
    """Person pks → tier (0 exact, 1 forms, 2 fuzzy, 3 occupation), the query, and the names'
    expression that counts them: the forms' even when the exact names filled the page first
    (counted by the exact names alone, "mukhanova" with two asked for said "2" of twelve).

    ``texpr`` is the ``text_fts`` expression of the query (occupations, organisations).
    """
    found: dict[int, int] = {}
    last = ""
    for tier, worst in ((0, Rank.SPELLING), (1, Rank.FORM)):
        expr = fts_expression(query, worst)
        if expr != last and len(found) < limit:
            for pk in _match(conn, "person_fts", expr, limit + len(found)):
                found.setdefault(pk, tier)
        last = expr
    if len(found) < limit and _fuzzy_worth_it(query):
        query = resolve(conn, query, fuzzy=True)
        expr = fts_expression(query, Rank.TYPO)
        if expr != last:
            last = expr
            for pk in _match(conn, "person_fts", expr, limit + len(found)):
                found.setdefault(pk, 2)
    if len(found) < limit and texpr:
        lo, _hi = kind_range("person")
        for rowid in _match(conn, "text_fts", texpr, limit + len(found), kind_range("person")):
            found.setdefault(rowid - lo, 3)
    return dict(list(found.items())[:limit]), query, last


def person_pks(conn: Any, text: str, limit: int = 100_000) -> list[int]:
    """Primary keys of the people ``text`` finds, best tier first, at most ``limit``."""
    query = parse(text)
    if query.empty:
        return []
    raw = _raw(conn)
    try:
        with _budget(raw, TIME_BUDGET_S * 5):
            query = resolve(raw, query)
            texpr = text_expression(raw, query) if query.words else ""
            found, _query, _expr = _person_tiers(raw, query, texpr, max(0, limit))
    except database_errors():
        return []
    return sorted(found, key=lambda pk: found[pk])


def _person_hits(conn: Any, query: Query, found: dict[int, int]) -> list[tuple[int, SearchHit]]:
    """The hits of ``found`` (pk → tier), explained and ranked, with their pks."""
    pks = list(found)
    if not pks:
        return []
    marks = _marks(len(pks))
    rows = {
        int(r[0]): r
        for r in conn.execute(
            f"SELECT pk, id, name_en, name_ru, role, birth_year, death_year, occupation, "
            f"organisation, sex FROM person WHERE pk IN ({marks})",
            pks,
        )
    }
    names: dict[int, list[tuple[str, str, str]]] = {}
    for pk, name, script, kind in conn.execute(
        f"SELECT person_pk, name, script, kind FROM person_name WHERE person_pk IN ({marks}) "
        f"ORDER BY person_pk, pk",
        pks,
    ):
        names.setdefault(int(pk), []).append((str(name), str(script), str(kind)))
    scored = []
    for position, pk in enumerate(pks):
        r = rows.get(pk)
        if r is None:
            continue
        forms = [(str(r[3]), "cyrl", "russian"), (str(r[2]), "latn", "english"), *names.get(pk, [])]
        label = person_label(str(r[2]), str(r[3]))
        if found[pk] < 3:
            ex = explain_person(query, PersonWords.of(forms))
            spans = highlight(label, ex.matched)
        else:
            ex, spans = _explain_texts(query, record_texts(conn, "person", str(r[1]), pk))
        life = f"{r[5] or '?'}–{r[6] or '?'}" if r[5] or r[6] else ""
        role = vocab.role_label(str(r[4]), str(r[9]) if r[9] is not None else None)
        detail = " · ".join(x for x in (role, life) if x)
        hit = SearchHit(
            Ref("person", str(r[1])), label, spans, ex.why, ex.why_spans, detail, ex.score[0]
        )
        scored.append(((found[pk] == 3, ex.score, position), pk, hit))
    return [(pk, h) for _key, pk, h in sorted(scored, key=lambda s: s[0])]


def _explain_texts(
    query: Query, texts: list[tuple[str, str]]
) -> tuple[Explained, tuple[Span, ...]]:
    """A person found by the words of their texts: ``field: …excerpt…`` (at most two)."""
    why = Why()
    _explain_into(why, query, texts)
    return Explained((6, 6), why.text, tuple(why.spans), frozenset()), ()


def _explain_into(why: Why, query: Query, texts: list[tuple[str, str]]) -> bool:
    """Write ``field: …excerpt…`` of the first (at most two) texts holding the query's words."""
    shown = 0
    for name, text in texts:
        spans = text_spans(query, text)
        if spans:
            snippet(name, text, spans, why)
            shown += 1
            if shown == 2:
                break
    return shown > 0


#: The texts of a record the text index holds, as (field label, SQL) in the order a reader
#: looks at them; each SQL takes (record id) or (pk) as its one parameter.
_RECORD_TEXTS: dict[str, tuple[tuple[str, str], ...]] = {
    "person": (
        (N_("occupation"), "SELECT occupation FROM person WHERE pk = :pk"),
        (N_("organisation"), "SELECT organisation FROM person WHERE pk = :pk"),
        (N_("nationality"), "SELECT nationality FROM person WHERE pk = :pk"),
        (N_("summary"), "SELECT summary FROM person WHERE pk = :pk"),
        (N_("later fate"), "SELECT later_fate FROM person WHERE pk = :pk"),
        (N_("sentence"), "SELECT notes FROM sentence WHERE person_pk = :pk ORDER BY pk"),
        (
            N_("relation"),
            "SELECT note FROM relation WHERE person_pk = :pk OR related_pk = :pk ORDER BY pk",
        ),
    ),
    "event": ((N_("summary"), "SELECT summary FROM event WHERE pk = :pk"),),
    "document": (
        (N_("collection"), "SELECT collection FROM document WHERE pk = :pk"),
        (N_("category"), "SELECT category FROM document WHERE pk = :pk"),
    ),
    "source": (
        (N_("note"), "SELECT note FROM source WHERE pk = :pk"),
        (
            N_("published figure"),
            "SELECT label || coalesce(': ' || count, '') || coalesce(' — ' || note, '') "
            "FROM tally WHERE source_pk = :pk ORDER BY pk",
        ),
    ),
}
#: Claims about a record (and, for a person, about their sentences and relations).
_CLAIM_TEXTS = (
    "SELECT field, value, note FROM claim WHERE subject_kind = :kind AND subject_id = :id "
    "AND (value IS NOT NULL OR note IS NOT NULL) ORDER BY pk"
)
#: (Two index lookups joined, not one OR: PostgreSQL scanned every claim for the OR.)
_PERSON_CLAIM_TEXTS = (
    "SELECT field, value, note FROM ("
    "SELECT c.pk, c.field, c.value, c.note FROM sentence s JOIN claim c "
    "ON c.subject_kind = 'sentence' AND c.subject_id = s.id WHERE s.person_pk = :pk "
    "UNION ALL "
    "SELECT c.pk, c.field, c.value, c.note FROM relation r JOIN claim c "
    "ON c.subject_kind = 'relation' AND c.subject_id = r.id WHERE r.person_pk = :pk"
    ") AS x ORDER BY pk"
)


def record_texts(conn: Any, kind: str, ident: str, pk: int) -> list[tuple[str, str]]:
    """(field label, text) of every text of a record that the text index holds (labels in the
    reader's language)."""
    params = {"pk": pk, "id": ident, "kind": kind}
    out: list[tuple[str, str]] = []
    for label, sql in _RECORD_TEXTS.get(kind, ()):
        out += [(_(label), str(v)) for (v,) in conn.execute(sql, params) if v]
    claims = list(conn.execute(_CLAIM_TEXTS, params))
    if kind == "person":
        claims += list(conn.execute(_PERSON_CLAIM_TEXTS, params))
    for field, value, note in claims:
        name = vocab.claim_field_label(str(field))
        out += [(name, str(t)) for t in (value, note) if t]
    # each once: two claims (a relation told both ways) may carry the same note, which a hit's
    # "why" line then quoted twice
    return list(dict.fromkeys(out))


def _people_group(
    conn: Any, query: Query, texpr: str, limit: int
) -> tuple[SearchGroup | None, list[int], bool]:
    """The people group, the pks of its best hits (for linked events and documents), and
    whether more people would be linked with more hits asked for (see :func:`_text_group`)."""
    found, resolved, expr = _person_tiers(conn, query, texpr, limit)
    if not found:
        return None, [], False
    ranked = _person_hits(conn, resolved, found)
    hits = [h for _pk, h in ranked]
    best = [pk for pk, h in ranked if h.rank <= Rank.FORM][:LINKED_PEOPLE]
    # As _group_count, keeping the names' own count: are there people found by their names
    # beyond the cut (who would be linked to more items)?
    cut = len(found) >= limit and bool(expr)
    names = _count(conn, "person_fts", expr) if cut else len(found)
    count, more = _bounded(len(found), names) if cut else (len(found), False)
    named = sum(1 for tier in found.values() if tier <= 1)
    fewer = len(found) >= limit and len(best) < LINKED_PEOPLE and (names is None or names > named)
    if len(found) >= limit and texpr:
        # Cut at the limit, and people found by their texts (occupations, organisations …)
        # are in the list or were not looked for: the names' count leaves them out, so there
        # are at least this many, perhaps more ("8+", not "8").
        more = True
    group = SearchGroup("person", _(GROUP_TITLES["person"]), count, more, tuple(hits))
    return group, best, fewer


# -- events, documents, sources --------------------------------------------------------------

_TEXT_SQL = {
    "event": "SELECT pk, id, title, coalesce(summary, ''), date, date_precision FROM event "
    "WHERE pk IN ({})",
    "document": "SELECT pk, id, title, '', date, doc_type FROM document WHERE pk IN ({})",
    "source": "SELECT pk, id, title, coalesce(author, ''), year, kind FROM source WHERE pk IN ({})",
}
_LINK_SQL = {
    "event": "SELECT ep.event_pk, p.name_en, p.name_ru, ep.role, p.sex FROM event_person ep "
    "JOIN person p ON p.pk = ep.person_pk WHERE ep.person_pk IN ({}) ORDER BY ep.event_pk "
    "LIMIT ?",
    "document": "SELECT dp.document_pk, dp.name_as_written, p.name_en, p.name_ru, NULL "
    "FROM document_person dp "
    "JOIN person p ON p.pk = dp.person_pk WHERE dp.person_pk IN ({}) "
    "ORDER BY dp.document_pk LIMIT ?",
}


def _linked(conn: Any, kind: str, people: list[int], limit: int) -> dict[int, tuple[str, str]]:
    """Item pk → (name as the document writes it, or the person's name; the person's name,
    or their role in the event), for the items linked to ``people``."""
    if kind not in _LINK_SQL or not people:
        return {}
    out: dict[int, tuple[str, str]] = {}
    sql = _LINK_SQL[kind].format(_marks(len(people)))
    for pk, a, b, c, sex in conn.execute(sql, (*people, limit)):
        if kind == "document":  # (name as written, name_en, name_ru)
            pair = (str(a), person_name(str(b), str(c or "")))
        else:  # (name_en, name_ru, role, sex)
            role = vocab.event_role(str(c or ""), str(sex) if sex is not None else None)
            pair = (person_name(str(a), str(b or "")), role)
        out.setdefault(int(pk), pair)
    return out


def _label(kind: str, row: tuple[Any, ...]) -> str:
    """The label a text hit shows (a source's author, title and year; the title otherwise)."""
    _pk, _ident, title, second, date, _extra = row
    if kind == "source":
        return source_label(str(second) or None, str(title), date if date else None)
    return str(title)


def _text_hit(
    conn: Any,
    kind: str,
    query: Query,
    row: tuple[Any, ...],
    link: tuple[str, str] | None,
    label: str,
    label_spans: tuple[tuple[int, int], ...],
) -> tuple[int, SearchHit]:
    """The hit of ``row`` shown as ``label``, whose matched words are ``label_spans``;
    (rank, hit)."""
    pk, ident, _title, _second, date, extra = row
    why = Why()
    if kind == "source":
        detail = vocab.source_kind_label(str(extra))
    else:
        detail = (
            vocab.format_date(str(date), str(extra))
            if kind == "event"
            else (f"{vocab.format_date(str(date), 'day')} · {vocab.doc_type_label(str(extra))}")
        )
    rank = 0 if label_spans else 1
    if label_spans:
        words = [label[a:b] for a, b in label_spans]
        why.clause().add(_("title: ") if kind != "source" else _("author or title: "))
        for i, w in enumerate(dict.fromkeys(words)):
            why.add(", " if i else "").add(w, True)
    elif query.words and _explain_into(why, query, record_texts(conn, kind, str(ident), int(pk))):
        rank = 1  # summary, note, claims … (below the title)
    else:
        rank = 2
    if link is not None:
        if kind == "document":
            why.clause().template(
                _("names {written} ({name})"), frozenset({"written"}), written=link[0], name=link[1]
            )
        elif link[1]:
            why.clause().template(
                _("with {name} ({role})"), frozenset({"name"}), name=link[0], role=link[1]
            )
        else:
            why.clause().template(_("with {name}"), frozenset({"name"}), name=link[0])
    # Best: the words in the title *and* one of the best people named; last: only linked.
    rank = rank * 2 + (link is None)
    return rank, SearchHit(
        Ref(kind, str(ident)), label, label_spans, why.text, tuple(why.spans), detail, rank
    )


def _text_group(
    conn: Any,
    kind: str,
    query: Query,
    expr: str,
    people: list[int],
    limit: int,
    fewer_people: bool = False,
) -> SearchGroup | None:
    """Text matches of ``kind`` (title before summary), then items linked to ``people``.

    ``fewer_people``: the people group was cut at the limit before :data:`LINKED_PEOPLE` of
    the best were found, so more asked for would link more items: the count is then a lower
    bound ("9+", never a "9" that a longer list contradicts).

    :data:`RANK_POOL` times ``limit`` matches are read (in index order: ranking every match
    of millions is out of reach) and ranked cheaply — words in the title first, then a link
    to a person found — and only the best ``limit`` are explained, so a title match is not
    lost behind the first matches in index order when few hits are asked for.
    """
    rowids = kind_range(kind)
    pool = min(COUNT_CAP, limit * RANK_POOL)
    matched = [r - rowids[0] for r in _match(conn, "text_fts", expr, pool, rowids)]
    links = _linked(conn, kind, people, COUNT_CAP + 1)
    found = set(matched)
    linked_only = [pk for pk in links if pk not in found]
    pks = [*matched, *linked_only[:limit]]
    if not pks:
        return None
    order = {pk: i for i, pk in enumerate(pks)}
    rows = [tuple(r) for r in conn.execute(_TEXT_SQL[kind].format(_marks(len(pks))), pks)]
    labels = {int(r[0]): _label(kind, r) for r in rows}
    spans = {pk: text_spans(query, label) for pk, label in labels.items()}
    best = sorted(
        rows,
        key=lambda r: (not spans[int(r[0])], int(r[0]) not in links, order[int(r[0])]),
    )[:limit]
    hits = sorted(
        (
            (
                *_text_hit(
                    conn, kind, query, r, links.get(int(r[0])), labels[int(r[0])], spans[int(r[0])]
                ),
                order[int(r[0])],
            )
            for r in best
        ),
        key=lambda h: (h[0], h[2]),
    )
    shown = [h for _rank, h, _pos in hits]
    total = len(matched) + len(linked_only)
    count, more = min(total, COUNT_CAP), total > COUNT_CAP
    if len(matched) >= pool and expr:
        count, more = _group_count(conn, "text_fts", expr, len(matched), pool, rowids)
        if more:  # (counting ran out of time: at least what is known)
            count = min(max(count, total), COUNT_CAP)
        elif linked_only:
            # The items linked to the people found are listed whether their texts match or
            # not: the count of the matches leaves out those that do not ("Events (124)"
            # with few asked for, 126 with all).
            unmatched = len(linked_only) - len(
                _matching(conn, "text_fts", expr, [pk + rowids[0] for pk in linked_only])
            )
            count, more = min(count + unmatched, COUNT_CAP), count + unmatched > COUNT_CAP
    if fewer_people:
        more = True
    return SearchGroup(kind, _(GROUP_TITLES[kind]), count, more, tuple(shown))


# -- entry point -----------------------------------------------------------------------------


def search(conn: Any, text: str, limit: int = 20) -> SearchResults:
    """Everything ``text`` finds, grouped and explained; never raises for any ``text``."""
    query = parse(text)
    if query.empty:
        return SearchResults(query.text, (), query.notices)
    raw = _raw(conn)
    limit = max(1, min(int(limit), COUNT_CAP))
    groups: list[SearchGroup] = []
    error = None
    try:
        with _budget(raw, TIME_BUDGET_S):
            query = resolve(raw, query)
            texpr = text_expression(raw, query) if query.words else ""
            people, best_pks, fewer = _people_group(raw, query, texpr, limit)
            if people:
                groups.append(people)
            for kind in ("event", "document", "source"):
                group = _text_group(
                    raw,
                    kind,
                    query,
                    texpr,
                    best_pks if kind != "source" else [],
                    limit,
                    fewer and kind != "source",
                )
                if group:
                    groups.append(group)
    except database_errors() as exc:
        error = (
            _("the search took too long and was stopped")
            if "interrupt" in str(exc) or "statement timeout" in str(exc)
            else _("the search index cannot be read ({error})").format(
                error=(str(exc).strip().splitlines() or [type(exc).__name__])[0]
            )
        )
    other = tuple(dict.fromkeys(k for w in query.words for k in w.other_script))
    notices = query.notices
    if not groups and error is None and translit.is_cyrillic(query.text):
        # A Russian word for a fact finds nothing: the archive's own texts are English.
        notices += (
            _(
                "the archive's summaries, notes and fates are written in English: a Russian "
                "word finds names and Russian document titles only, so try the English word"
            ),
        )
    return SearchResults(query.text, tuple(groups), notices, error, other)
