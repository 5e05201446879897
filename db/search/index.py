"""Search tables written at build time: name keys, the spelling vocabulary, the text index.

* ``person_fts`` (FTS5, contentless, ``detail=none``; rowid = person pk) holds the *keys* of
  every name form of a person (:func:`db.search.translit.fold`: ё→е, й→и, no ъ/ь, no diacritics) and
  initials tokens ``0н``/``1б`` (given name / patronymic).  Only the forms the sources give are
  here, so the index stays small at millions of people.
* ``search_vocab`` (a plain table) maps every spelling a reader may type to the name key it
  stands for: each Cyrillic word in every transliteration system (``jeschow`` → ``ежов``, with
  the system codes in ``origin``), and each stored key to itself.  It is the reverse mapping a
  Latin query uses to reach a Cyrillic name, and the shortlist for typos (``rkey`` = reversed
  key, for suffix ranges) and for spellings mixing systems (``skel``).
* ``text_fts`` (FTS5, contentless, ``detail=none``) holds the keys of event titles and
  summaries, document titles, source authors and titles, and people's occupations and
  organisations; the rowid is ``KIND_CODE << 40 | pk`` so each kind is one rowid range.
  ``search_words`` lists its distinct keys (to expand a typed prefix into whole words).

The keys themselves are worked out from the staged records by :mod:`db.search.keys` (in
Python, possibly in another process); :func:`fill` joins them to the numbered rows and writes
the tables here, with SQL only.  Everything is written in a fixed order, so a rebuild is
byte-identical.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

#: Rowid block of each kind in ``text_fts``: rowid = code << KIND_SHIFT | pk.
KIND_CODES = {"person": 1, "event": 2, "document": 3, "source": 4}
KIND_SHIFT = 40
# prefix='3': a 3-letter prefix is one index term (FTS5 otherwise merges every term that
# starts with it before returning the first row); longer prefixes are expanded through the
# vocabularies into ORs of whole terms, which FTS5 reads lazily up to the LIMIT.
_FTS_OPTIONS = (
    "content='', columnsize=0, detail=none, prefix='3', tokenize='unicode61 remove_diacritics 0'"
)
_PERSON_FTS = f"CREATE VIRTUAL TABLE person_fts USING fts5(keys, {_FTS_OPTIONS})"
_TEXT_FTS = f"CREATE VIRTUAL TABLE text_fts USING fts5(body, {_FTS_OPTIONS})"
_VOCAB = (
    "CREATE TABLE search_vocab (key TEXT NOT NULL, term TEXT NOT NULL, "
    "origin TEXT NOT NULL, rkey TEXT NOT NULL, skel TEXT, PRIMARY KEY (key, term)) "
    "WITHOUT ROWID"
)
_VOCAB_INDEXES = (
    "CREATE INDEX search_vocab_rkey ON search_vocab (rkey)",
    "CREATE INDEX search_vocab_skel ON search_vocab (skel) WHERE skel IS NOT NULL",
)
_WORDS = "CREATE TABLE search_words (key TEXT PRIMARY KEY) WITHOUT ROWID"
#: ``text_fts`` kinds after the people, in rowid order.
_TEXT_KINDS = ("event", "document", "source")


def kind_range(kind: str) -> tuple[int, int]:
    """Lowest and highest ``text_fts`` rowid of ``kind``."""
    base = KIND_CODES[kind] << KIND_SHIFT
    return base, base + (1 << KIND_SHIFT) - 1


def create(conn: sqlite3.Connection) -> None:
    """Create the (empty) search tables: what :func:`fill` writes, without the data."""
    for stmt in (_PERSON_FTS, _TEXT_FTS, _VOCAB, *_VOCAB_INDEXES, _WORDS):
        conn.execute(stmt)


#: Plain copies of what the contentless FTS5 tables index (FTS5 cannot give it back), written
#: only for a build whose file is loaded into PostgreSQL (:mod:`db.pg.load`).
KEPT_PERSON_KEYS = "kept_person_keys"
KEPT_TEXT_BODY = "kept_text_body"


def fill(
    conn: sqlite3.Connection, keys: str, progress: Callable[[str], None], *, keep: bool = False
) -> None:
    """Create and fill the search tables from the numbered tables and the keys database.

    ``keys`` is the schema name of an attached database written by
    :func:`db.search.keys.collect`, keyed by staging rowid; the temp tables ``<kind>_sno``
    (pk → staging rowid, left by :mod:`db.build.numbering`) match its rows to the numbered ones.
    They are dropped here.  With ``keep``, the indexed texts are also left in the plain tables
    :data:`KEPT_PERSON_KEYS` and :data:`KEPT_TEXT_BODY`.
    """
    conn.execute(_PERSON_FTS)
    conn.execute(_TEXT_FTS)
    conn.execute(_VOCAB)
    progress("search index: name keys")
    # One pass joins each person's keys to its pk; the pk map drives, in pk order (CROSS JOIN
    # fixes the join order).
    conn.execute("CREATE TEMP TABLE person_search (pk INTEGER PRIMARY KEY, keys TEXT, text TEXT)")
    conn.execute(
        f"INSERT INTO person_search SELECT s.pk, k.keys, k.text FROM person_sno s "
        f"CROSS JOIN {keys}.person_keys k ON k.sno = s.sno ORDER BY s.pk"
    )
    conn.execute(
        "INSERT INTO person_fts (rowid, keys) SELECT pk, keys FROM person_search ORDER BY pk"
    )
    progress("search index: spelling vocabulary")
    conn.execute(f"INSERT INTO search_vocab SELECT * FROM {keys}.vocab ORDER BY rowid")
    for stmt in _VOCAB_INDEXES:
        conn.execute(stmt)
    progress("search index: texts")
    # One statement (FTS5 writes a segment at the end of each), its arms in rowid order: each
    # scans its pk map in pk order and looks the keys up.
    arms = [
        f"SELECT {KIND_CODES['person']} << {KIND_SHIFT} | pk, text FROM person_search "
        "WHERE text != ''"
    ]
    for kind in _TEXT_KINDS:
        code = KIND_CODES[kind]
        arms.append(
            f"SELECT {code} << {KIND_SHIFT} | s.pk, k.body FROM {kind}_sno s "
            f"CROSS JOIN {keys}.text_keys k ON k.kind = {code} AND k.sno = s.sno"
        )
    if keep:
        conn.execute(
            f"CREATE TABLE {KEPT_PERSON_KEYS} AS SELECT pk, keys FROM person_search ORDER BY pk"
        )
        conn.execute(f"CREATE TABLE {KEPT_TEXT_BODY} (rowid INTEGER PRIMARY KEY, body TEXT)")
        conn.execute(f"INSERT INTO {KEPT_TEXT_BODY} (rowid, body) {' UNION ALL '.join(arms)}")
        conn.execute(f"INSERT INTO text_fts (rowid, body) SELECT rowid, body FROM {KEPT_TEXT_BODY}")
    else:
        conn.execute(f"INSERT INTO text_fts (rowid, body) {' UNION ALL '.join(arms)}")
    for table in ("person_search", *(f"{kind}_sno" for kind in ("person", *_TEXT_KINDS))):
        conn.execute(f"DROP TABLE temp.{table}")
    conn.execute(_WORDS)
    conn.execute(f"INSERT INTO search_words SELECT key FROM {keys}.words ORDER BY rowid")
    progress("optimising search index")
    conn.execute("INSERT INTO person_fts (person_fts) VALUES ('optimize')")
    conn.execute("INSERT INTO text_fts (text_fts) VALUES ('optimize')")
