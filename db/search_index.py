"""Search tables written at build time: name keys, the spelling vocabulary, the text index.

* ``person_fts`` (FTS5, contentless, ``detail=none``; rowid = person pk) holds the *keys* of
  every name form of a person (:func:`db.translit.fold`: ё→е, й→и, no ъ/ь, no diacritics) and
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

Everything is written in a fixed order, so a rebuild is byte-identical.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator

from db import translit

#: Rowid block of each kind in ``text_fts``: rowid = code << KIND_SHIFT | pk.
KIND_CODES = {"person": 1, "event": 2, "document": 3, "source": 4}
KIND_SHIFT = 40
#: Name words that are not names (``урожд.`` = née).
STOPWORDS = frozenset({"урожд", "урожденная", "nee"})
#: Origin codes of vocabulary rows that are a stored name word itself.
CYRILLIC_NAME = "cyr"
LATIN_NAME = "lat"
_BATCH = 8192
# prefix='3': a 3-letter prefix is one index term (FTS5 otherwise merges every term that
# starts with it before returning the first row); longer prefixes are expanded through the
# vocabularies into ORs of whole terms, which FTS5 reads lazily up to the LIMIT.
_FTS_OPTIONS = ("content='', columnsize=0, detail=none, prefix='3', "
                "tokenize='unicode61 remove_diacritics 0'")



class Vocab:
    """The spelling vocabulary being collected: (spelling, name key) → origin codes."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], set[str]] = {}
        self._seen: set[str] = set()

    def add_word(self, word: str, key: str) -> None:
        """Record a stored name word and, if Cyrillic, its spelling in every system."""
        if word in self._seen:
            return
        self._seen.add(word)
        if translit.is_cyrillic(word):
            self.rows.setdefault((key, key), set()).add(CYRILLIC_NAME)
            for spelled, codes in translit.word_keys(word):
                self.rows.setdefault((spelled, key), set()).update(codes)
        else:
            self.rows.setdefault((key, key), set()).add(LATIN_NAME)


def kind_range(kind: str) -> tuple[int, int]:
    """Lowest and highest ``text_fts`` rowid of ``kind``."""
    base = KIND_CODES[kind] << KIND_SHIFT
    return base, base + (1 << KIND_SHIFT) - 1


def person_keys(names: Iterable[tuple[str, str]], vocab: Vocab | None = None) -> list[str]:
    """Index tokens of one person from ``(name, script)`` pairs; fills ``vocab`` if given."""
    keys: set[str] = set()
    for name, script in dict.fromkeys(names):
        cyrillic = script == "cyrl" or translit.is_cyrillic(name)
        parts = translit.parse_name(name, cyrillic)
        for pos, letter in enumerate(parts.initials):
            keys.add(translit.initial_key(pos, letter))
        for word, key in parts.words:
            if len(key) < 2 or key in STOPWORDS:
                continue
            keys.add(key)
            if vocab is not None:
                vocab.add_word(word, key)
    return sorted(keys)


def _people(conn: sqlite3.Connection | sqlite3.Cursor
            ) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    rows = conn.execute(
        "SELECT p.pk, p.name_ru, p.name_en, n.name, n.script FROM person p "
        "LEFT JOIN person_name n ON n.person_pk = p.pk ORDER BY p.pk, n.pk")
    current: int | None = None
    names: list[tuple[str, str]] = []
    for pk, name_ru, name_en, name, script in rows:
        if pk != current:
            if current is not None:
                yield current, names
            current, names = pk, []
            # Names the person table carries are always searchable, even without name rows.
            names.extend(((name_ru or "", "cyrl"), (name_en or "", "latn")))
        if name is not None:
            names.append((name, script or ""))
    if current is not None:
        yield current, names


def _fill_people(conn: sqlite3.Connection) -> Vocab:
    vocab = Vocab()
    read = conn.cursor()  # a second cursor: reading while the FTS table is written
    batch: list[tuple[int, str]] = []
    for pk, names in _people(read):
        batch.append((pk, " ".join(person_keys(names, vocab))))
        if len(batch) >= _BATCH:
            conn.executemany("INSERT INTO person_fts (rowid, keys) VALUES (?, ?)", batch)
            batch = []
    conn.executemany("INSERT INTO person_fts (rowid, keys) VALUES (?, ?)", batch)
    return vocab


def _vocab_rows(vocab: Vocab) -> Iterator[tuple[str, str, str, str, str | None]]:
    for (key, term), codes in sorted(vocab.rows.items()):
        origin = " ".join(sorted(codes, key=lambda c: (translit.ORDER.get(c, -1), c)))
        skel = None if translit.is_cyrillic(key) else translit.skeleton(key)
        yield key, term, origin, key[::-1], skel


def _texts(conn: sqlite3.Connection | sqlite3.Cursor, words: set[str]) -> Iterator[tuple[int, str]]:
    sources = (
        ("event", "SELECT pk, title, coalesce(summary, '') FROM event ORDER BY pk"),
        ("document", "SELECT pk, title, '' FROM document ORDER BY pk"),
        ("source", "SELECT pk, coalesce(author, ''), title FROM source ORDER BY pk"),
        ("person", "SELECT pk, coalesce(occupation, ''), coalesce(organisation, '') "
                   "FROM person ORDER BY pk"),
    )
    for kind, sql in sorted(sources, key=lambda s: KIND_CODES[s[0]]):
        base = KIND_CODES[kind] << KIND_SHIFT
        for pk, first, second in conn.execute(sql):
            keys = translit.keys_of(f"{first} {second}")
            if keys:
                words.update(keys)
                yield base | pk, " ".join(keys)


def _insert_batches(conn: sqlite3.Connection, sql: str, rows: Iterable[tuple[object, ...]]
                    ) -> None:
    batch: list[tuple[object, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            conn.executemany(sql, batch)
            batch = []
    conn.executemany(sql, batch)


def build(conn: sqlite3.Connection, progress: Callable[[str], None]) -> None:
    """Create and fill the search tables from the numbered archive tables."""
    conn.execute(f"CREATE VIRTUAL TABLE person_fts USING fts5(keys, {_FTS_OPTIONS})")
    conn.execute(f"CREATE VIRTUAL TABLE text_fts USING fts5(body, {_FTS_OPTIONS})")
    conn.execute(
        "CREATE TABLE search_vocab (key TEXT NOT NULL, term TEXT NOT NULL, "
        "origin TEXT NOT NULL, rkey TEXT NOT NULL, skel TEXT, PRIMARY KEY (key, term)) "
        "WITHOUT ROWID")
    progress("search index: name keys")
    vocab = _fill_people(conn)
    progress("search index: spelling vocabulary")
    _insert_batches(conn, "INSERT INTO search_vocab VALUES (?, ?, ?, ?, ?)", _vocab_rows(vocab))
    conn.execute("CREATE INDEX search_vocab_rkey ON search_vocab (rkey)")
    conn.execute("CREATE INDEX search_vocab_skel ON search_vocab (skel) WHERE skel IS NOT NULL")
    progress("search index: texts")
    words: set[str] = set()
    _insert_batches(conn, "INSERT INTO text_fts (rowid, body) VALUES (?, ?)",
                    _texts(conn.cursor(), words))
    conn.execute("CREATE TABLE search_words (key TEXT PRIMARY KEY) WITHOUT ROWID")
    _insert_batches(conn, "INSERT INTO search_words VALUES (?)", ((w,) for w in sorted(words)))
    progress("optimising search index")
    conn.execute("INSERT INTO person_fts (person_fts) VALUES ('optimize')")
    conn.execute("INSERT INTO text_fts (text_fts) VALUES ('optimize')")
