"""Number staged records into the archive tables, in display order, with SQL only.

Staging rows (``stg_*``, see :data:`db.build.STAGING`) refer to each other by text ids.  Here
every archive table gets its integer keys in display order (people by Latin sort name, events
and documents by date), its dense ``rank_*`` columns, and its references turned into keys.

How, and why (figures for a 3-million-person synthetic archive on a 2-core machine):

* The display order of a table is fixed once, by sorting only the columns its keys and ranks
  need into a temp *key table* whose ``INTEGER PRIMARY KEY`` is assigned in insertion order
  (so no window function runs over the wide rows: one buffered every row and took 31 s for
  the people, the narrow sort 7 s).
* Each rank is one sort of the narrow key table into a temp table keyed by pk.
* Each archive row is then written once, in pk order, rank columns included: no UPDATE pass
  (rows that grow split pages and leave the table half empty).
* Text ids map to keys through ``WITHOUT ROWID`` temp tables: one b-tree per probe instead of
  an index probe plus a table lookup.

Every statement has a total order (ties end in an id or a staging rowid), so a rebuild gives
the same rows in the same order.  The steps leave temp tables ``source_sno``, ``person_sno``,
``event_sno`` and ``document_sno`` (pk → staging rowid) for :func:`db.search.index.fill`.
"""

from __future__ import annotations

import sqlite3

#: Rank columns of ``person`` → ORDER BY over ``person_key`` (``pk`` is the name order).
PERSON_RANKS = {
    "rank_name_ru": "ru, pk",
    "rank_role": "role, pk",
    "rank_tribunal": "tribunal = 'none', tribunal, pk",
    "rank_sentence": "outcome_order(outcome), pk",
    "rank_birth": "birth IS NULL, birth, pk",
}
EVENT_RANKS = {"rank_title": "title COLLATE NOCASE, pk"}
DOCUMENT_RANKS = {"rank_title": "title, pk", "rank_type": "doc_type, pk"}


def _ranks(c: sqlite3.Connection, keys: str, ranks: dict[str, str]) -> list[str]:
    """Fill one temp table ``(pk, n)`` per rank from the key table; their names, in order.

    The pks are sorted into a table whose rowid, given in insertion order, is the rank, which
    is then keyed by pk for the final INSERT (25 % faster than ``row_number()`` at 3M).
    """
    tables = []
    for i, order in enumerate(ranks.values()):
        table = f"{keys}_r{i}"
        c.execute(f"CREATE TEMP TABLE {table}_n (n INTEGER PRIMARY KEY, pk INTEGER)")
        c.execute(f"INSERT INTO {table}_n (pk) SELECT pk FROM {keys} ORDER BY {order}")
        c.execute(f"CREATE TEMP TABLE {table} (pk INTEGER PRIMARY KEY, n INTEGER)")
        c.execute(f"INSERT INTO {table} SELECT pk, n FROM {table}_n ORDER BY pk")
        _drop(c, f"{table}_n")
        tables.append(table)
    return tables


def _rank_joins(tables: list[str]) -> tuple[str, str]:
    """``(", r0.n, r1.n", " JOIN … r0 ON r0.pk = k.pk …")`` for the final INSERT."""
    cols = "".join(f", {t}.n" for t in tables)
    joins = "".join(f" JOIN {t} ON {t}.pk = k.pk" for t in tables)
    return cols, joins


def _id_map(c: sqlite3.Connection, name: str, keys: str) -> None:
    """``name``: text id → pk, from a key table."""
    c.execute(f"CREATE TEMP TABLE {name} (id TEXT PRIMARY KEY, pk INTEGER) WITHOUT ROWID")
    c.execute(f"INSERT INTO {name} SELECT id, pk FROM {keys} ORDER BY id")


def _sno_map(c: sqlite3.Connection, kind: str, keys: str) -> None:
    """``<kind>_sno``: pk → staging rowid, from a key table (kept for the search index)."""
    c.execute(f"CREATE TEMP TABLE {kind}_sno (pk INTEGER PRIMARY KEY, sno INTEGER)")
    c.execute(f"INSERT INTO {kind}_sno SELECT pk, sno FROM {keys} ORDER BY pk")


def _drop(c: sqlite3.Connection, *tables: str) -> None:
    for table in tables:
        c.execute(f"DROP TABLE temp.{table}")


def prepare_stage(c: sqlite3.Connection) -> None:
    """Index the staging tables :func:`documents` looks up (before the file is shared)."""
    c.execute("CREATE INDEX stage.stg_docperson ON stg_document_person(document_id)")


def sources(c: sqlite3.Connection) -> None:
    """Sources by id (a few thousand rows at most)."""
    c.execute(
        "INSERT INTO source SELECT row_number() OVER (ORDER BY id), id, author, title, "
        "CAST(year AS INTEGER), kind, language, url, note FROM stg_source ORDER BY id")
    c.execute("CREATE TEMP TABLE source_sno (pk INTEGER PRIMARY KEY, sno INTEGER)")
    c.execute("INSERT INTO source_sno SELECT row_number() OVER (ORDER BY id), rowid "
              "FROM stg_source ORDER BY id")


def source_map(c: sqlite3.Connection, name: str) -> None:
    """Temp table ``name``: source id → the pk :func:`sources` gives it (for :func:`claims`)."""
    c.execute(f"CREATE TEMP TABLE {name} (id TEXT PRIMARY KEY, pk INTEGER) WITHOUT ROWID")
    c.execute(f"INSERT INTO {name} SELECT id, row_number() OVER (ORDER BY id) FROM stg_source "
              "ORDER BY id")


def people(c: sqlite3.Connection) -> None:
    """People by Latin sort name with their five ranks and verdict columns; then their names.

    Leaves ``pmap`` (person id → pk) for the tables that refer to people.
    """
    c.execute("CREATE TEMP TABLE verdict (person_id TEXT PRIMARY KEY, tribunal TEXT, kind TEXT, "
              "years INTEGER) WITHOUT ROWID")
    c.execute("INSERT INTO verdict SELECT person_id, tribunal, kind, CAST(years AS INTEGER) "
              "FROM stg_sentence WHERE stage = 'verdict' ORDER BY person_id")
    c.execute("CREATE TEMP TABLE person_key (pk INTEGER PRIMARY KEY, sno INTEGER, id TEXT, "
              "ru TEXT, role TEXT, birth INTEGER, tribunal TEXT, kind TEXT, years INTEGER, "
              "outcome TEXT)")
    c.execute(
        "INSERT INTO person_key (sno, id, ru, role, birth, tribunal, kind, years, outcome) "
        "SELECT p.rowid, p.id, ru_key(p.name_ru), p.role, CAST(p.birth_year AS INTEGER), "
        "coalesce(v.tribunal, 'none'), coalesce(v.kind, 'none'), v.years, "
        "CASE WHEN v.kind IS NULL THEN 'no-verdict' ELSE outcome_key(v.kind, v.years) END "
        "FROM stg_person p LEFT JOIN verdict v ON v.person_id = p.id "
        "ORDER BY p.sort_name COLLATE NOCASE, p.id")
    ranks = _ranks(c, "person_key", PERSON_RANKS)
    cols, joins = _rank_joins(ranks)
    c.execute(
        "INSERT INTO person SELECT k.pk, p.id, p.name_en, p.name_ru, p.sort_name, p.sex, "
        "CAST(p.birth_year AS INTEGER), CAST(p.death_year AS INTEGER), p.nationality, "
        "p.occupation, p.organisation, p.role, p.confidence, p.summary, p.later_fate, "
        f"k.tribunal, k.kind, k.years, k.outcome, k.pk{cols} "
        f"FROM person_key k JOIN stg_person p ON p.rowid = k.sno{joins} ORDER BY k.pk")
    _id_map(c, "pmap", "person_key")
    _sno_map(c, "person", "person_key")
    _drop(c, "verdict", "person_key", *ranks)
    c.execute(
        "INSERT INTO person_name (person_pk, name, script, kind, note) "
        "SELECT m.pk, n.name, n.script, n.kind, n.note FROM stg_name n "
        "JOIN pmap m ON m.id = n.person_id ORDER BY m.pk, n.rowid")


def sentences(c: sqlite3.Connection) -> None:
    """Sentences grouped by person: the verdict, a commutation, later sentences."""
    c.execute(
        "INSERT INTO sentence (id, person_pk, stage, tribunal, date, date_precision, kind, "
        "years, notes, confidence) SELECT s.id, m.pk, s.stage, s.tribunal, s.date, "
        "s.date_precision, s.kind, CAST(s.years AS INTEGER), s.notes, s.confidence "
        "FROM stg_sentence s JOIN pmap m ON m.id = s.person_id "
        "ORDER BY m.pk, s.stage = 'later', s.stage = 'commutation', s.date, s.id")


def relations(c: sqlite3.Connection) -> None:
    """Relations by id, both ends turned into person keys."""
    c.execute(
        "INSERT INTO relation (id, person_pk, related_pk, relation, note) "
        "SELECT r.id, a.pk, b.pk, r.relation, r.note FROM stg_relation r "
        "JOIN pmap a ON a.id = r.person_id JOIN pmap b ON b.id = r.related_person_id "
        "ORDER BY r.id")


def events(c: sqlite3.Connection) -> None:
    """Events by date with their title rank; then their participants."""
    c.execute("CREATE TEMP TABLE event_key (pk INTEGER PRIMARY KEY, sno INTEGER, id TEXT, "
              "title TEXT)")
    c.execute("INSERT INTO event_key (sno, id, title) SELECT rowid, id, title FROM stg_event "
              "ORDER BY date, id")
    ranks = _ranks(c, "event_key", EVENT_RANKS)
    cols, joins = _rank_joins(ranks)
    c.execute(
        "INSERT INTO event SELECT k.pk, e.id, e.date, e.date_precision, "
        f"CAST(substr(e.date, 1, 4) AS INTEGER), e.title, e.summary, k.pk{cols} "
        f"FROM event_key k JOIN stg_event e ON e.rowid = k.sno{joins} ORDER BY k.pk")
    _id_map(c, "emap", "event_key")
    _sno_map(c, "event", "event_key")
    _drop(c, "event_key", *ranks)
    # The staging rows drive the loop (CROSS JOIN fixes the join order), so when a person is
    # named twice in one event the role kept is the same in every build.
    c.execute(
        "INSERT INTO event_person SELECT e.pk, m.pk, ep.role FROM stg_event_person ep "
        "CROSS JOIN emap e ON e.id = ep.event_id CROSS JOIN pmap m ON m.id = ep.person_id "
        "GROUP BY e.pk, m.pk ORDER BY e.pk, m.pk")
    _drop(c, "emap")


def documents(c: sqlite3.Connection) -> None:
    """Documents by date with title and type ranks and the names list; then their people."""
    c.execute("CREATE TEMP TABLE document_key (pk INTEGER PRIMARY KEY, sno INTEGER, id TEXT, "
              "title TEXT, doc_type TEXT)")
    c.execute("INSERT INTO document_key (sno, id, title, doc_type) SELECT rowid, id, "
              "ru_key(title), doc_type FROM stg_document ORDER BY date, id")
    ranks = _ranks(c, "document_key", DOCUMENT_RANKS)
    cols, joins = _rank_joins(ranks)
    c.execute(
        "INSERT INTO document SELECT k.pk, d.id, d.date, CAST(substr(d.date, 1, 4) AS INTEGER), "
        "d.doc_type, d.title, d.collection, d.category, d.url, "
        "coalesce((SELECT group_concat(name_as_written, '; ') FROM "
        "(SELECT name_as_written FROM stg_document_person dp WHERE dp.document_id = d.id "
        f"ORDER BY dp.rowid)), ''), k.pk{cols} "
        f"FROM document_key k JOIN stg_document d ON d.rowid = k.sno{joins} ORDER BY k.pk")
    _id_map(c, "dmap", "document_key")
    _sno_map(c, "document", "document_key")
    _drop(c, "document_key", *ranks)
    c.execute(
        "INSERT INTO document_person (document_pk, person_pk, name_as_written) "
        "SELECT d.pk, m.pk, dp.name_as_written FROM stg_document_person dp "
        "JOIN dmap d ON d.id = dp.document_id LEFT JOIN pmap m ON m.id = dp.person_id "
        "ORDER BY d.pk, dp.rowid")
    _drop(c, "dmap", "pmap")


def claims(c: sqlite3.Connection, sources: str = "source") -> None:
    """Claims grouped by the record they are about: its field claims, then record-level ones.

    ``sources`` has the sources' ``id`` and ``pk``: the numbered table, or a
    :func:`source_map` (the side build numbers claims without the other tables).
    """
    c.execute(
        "INSERT INTO claim (subject_kind, subject_id, field, value, source_pk, locator, "
        "note, confidence) SELECT c.subject_kind, c.subject_id, c.field, c.value, s.pk, "
        f"c.locator, c.note, c.confidence FROM stg_claim c JOIN {sources} s "
        "ON s.id = c.source_id "
        "ORDER BY c.subject_kind, c.subject_id, c.field = 'record', c.field, c.rowid")


def tallies(c: sqlite3.Connection) -> None:
    """Published tallies by id."""
    c.execute(
        "INSERT INTO tally (id, tribunal, category, years, count, label, source_pk, note) "
        "SELECT t.id, t.tribunal, t.category, CAST(t.years AS INTEGER), "
        "CAST(t.count AS INTEGER), t.label, s.pk, t.note FROM stg_tally t "
        "JOIN source s ON s.id = t.source_id ORDER BY t.id")


#: (progress label, step) in the order the builder runs them; :func:`claims` runs in the side
#: build (:mod:`db.build.side`).
STEPS = (("sources", sources), ("people", people), ("sentences", sentences),
         ("relations", relations), ("events", events), ("documents", documents),
         ("tallies", tallies))
