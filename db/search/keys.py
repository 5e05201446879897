"""Search keys worked out from the staged records: what the search tables will hold, by record id.

This is the pure-Python half of the search index (:mod:`db.search.index` writes the tables):
the keys of every name form of a person (:func:`db.search.translit.fold` of each word, plus initials
tokens ``0н``/``1б``), the spelling vocabulary of the name words in every transliteration
system, and the keys of record texts (event titles and summaries, document titles, source
authors and titles, people's occupations and organisations).

It reads only the staging tables (``stg_*``), so for a big archive it runs in a second process
while the builder numbers the records.  The results go to a small database keyed by record id
(:data:`SCHEMA`), which :func:`db.search.index.fill` joins to the numbered rows.  Nothing
depends on the order records were staged in: keys are sets, the vocabulary is sorted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from db.search import translit
from db.search.index import KIND_CODES

#: Name words that are not names (``урожд.`` = née).
STOPWORDS = frozenset({"урожд", "урожденная", "nee"})
#: Origin codes of vocabulary rows that are a stored name word itself.
CYRILLIC_NAME = "cyr"
LATIN_NAME = "lat"
#: Tables of the keys database, keyed by staging rowid (``sno``).  ``text`` of a person: the
#: keys of occupation and organisation; ``kind``: a :data:`db.search.index.KIND_CODES` code.
SCHEMA = (
    "CREATE TABLE person_keys (sno INTEGER PRIMARY KEY, keys TEXT NOT NULL, text TEXT NOT NULL)",
    "CREATE TABLE text_keys (kind INTEGER NOT NULL, sno INTEGER NOT NULL, body TEXT NOT NULL, "
    "PRIMARY KEY (kind, sno)) WITHOUT ROWID",
    "CREATE TABLE vocab (key TEXT NOT NULL, term TEXT NOT NULL, origin TEXT NOT NULL, "
    "rkey TEXT NOT NULL, skel TEXT)",
    "CREATE TABLE words (key TEXT NOT NULL)",
)
_BATCH = 8192
_MEMO = 1 << 18


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

    def table_rows(self) -> Iterator[tuple[str, str, str, str, str | None]]:
        """``search_vocab`` rows in key order: key, term, origin codes, reversed key, skeleton."""
        for (key, term), codes in sorted(self.rows.items()):
            origin = " ".join(sorted(codes, key=lambda c: (translit.ORDER.get(c, -1), c)))
            skel = None if translit.is_cyrillic(key) else translit.skeleton(key)
            yield key, term, origin, key[::-1], skel


def _parse(name: str, cyrillic: bool) -> tuple[Iterable[tuple[str, str]], tuple[str, ...]]:
    """:func:`db.search.translit.parse_name` as (words, initials), short-cut for plain names.

    A name whose space-separated parts are all letters (``Иванов Иван Иванович``, most of
    them) has those parts as its words and as its bare parts, and only a one-letter part can
    be an initial; anything else (dots, brackets, hyphens, apostrophes) takes the general way.
    """
    parts = name.split()
    if not all(map(str.isalpha, parts)):
        parsed = translit.parse_name(name, cyrillic)
        return parsed.words, parsed.initials
    word_key = translit.word_key
    words = [(p, k) for p in parts if (k := word_key(p))]
    surname_first = cyrillic or (bool(parts) and len(parts[-1]) == 1)
    firsts = parts[1:3] if surname_first else parts[:-1][:2]
    return words, tuple([k[0] for k in map(word_key, firsts) if k][:2])


def _name_keys(name: str, cyrillic: bool, vocab: Vocab | None) -> tuple[str, ...]:
    """Index tokens of one name form (initials, then word keys); fills ``vocab`` if given."""
    words, initials = _parse(name, cyrillic)
    keys = [translit.initial_key(pos, letter) for pos, letter in enumerate(initials)]
    for word, key in words:
        if len(key) < 2 or key in STOPWORDS:
            continue
        keys.append(key)
        if vocab is not None:
            vocab.add_word(word, key)
    return tuple(keys)


def person_keys(names: Iterable[tuple[str, str]], vocab: Vocab | None = None) -> list[str]:
    """Index tokens of one person from ``(name, script)`` pairs; fills ``vocab`` if given."""
    keys: set[str] = set()
    for name, script in dict.fromkeys(names):
        keys.update(_name_keys(name, script == "cyrl" or translit.is_cyrillic(name), vocab))
    return sorted(keys)


class PersonKeys:
    """:func:`person_keys` for a whole build, remembering the tokens of each name form.

    Name forms repeat across people (an English "Ivan Ivanov" stands for thousands), so each
    form is parsed once per build, and so do words: a form made of plain words only (see
    :func:`_parse`) is put together from what each word gave the first time it was seen,
    which is also when the word reaches the vocabulary (adding a word twice changes
    nothing).  The memo of forms is bounded: it is emptied when full.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._cyrl: dict[str, tuple[str, ...]] = {}  # forms marked as Cyrillic script
        self._other: dict[str, tuple[str, ...]] = {}  # the rest: Cyrillic if they look it
        self._words: dict[str, tuple[str, bool]] = {}  # plain word → (key, index it?)

    def __call__(self, names: Iterable[tuple[str, str]]) -> str:
        """The person's tokens, sorted and joined by spaces (the ``person_fts`` text)."""
        keys: set[str] = set()
        for name, script in names:
            cyrl = script == "cyrl"
            memo = self._cyrl if cyrl else self._other
            found = memo.get(name)
            if found is None:
                if len(memo) >= _MEMO:
                    memo.clear()
                cyrillic = cyrl or translit.is_cyrillic(name)
                found = self._plain(name, cyrillic)
                if found is None:
                    found = _name_keys(name, cyrillic, self.vocab)
                memo[name] = found
            keys.update(found)
        return " ".join(sorted(keys))

    def _plain(self, name: str, cyrillic: bool) -> tuple[str, ...] | None:
        """:func:`_name_keys` of a form whose parts are all letters, else None."""
        parts = name.split()
        words = self._words
        infos = []
        for part in parts:
            info = words.get(part)
            if info is None:
                info = words[part] = self._word(part)
            if info is _NOT_PLAIN:
                return None
            infos.append(info)
        surname_first = cyrillic or (bool(parts) and len(parts[-1]) == 1)
        firsts = infos[1:3] if surname_first else infos[:-1][:2]
        initials = [key[0] for key, _ in firsts if key][:2]
        keys = [translit.initial_key(pos, letter) for pos, letter in enumerate(initials)]
        keys.extend(key for key, indexed in infos if indexed)
        return tuple(keys)

    def _word(self, word: str) -> tuple[str, bool]:
        if not word.isalpha():
            return _NOT_PLAIN
        key = translit.word_key(word)
        indexed = len(key) >= 2 and key not in STOPWORDS
        if indexed:
            self.vocab.add_word(word, key)
        return key, indexed


_NOT_PLAIN = ("", False)


class TextKeys:
    """``" ".join(keys_of(first + " " + second))`` with a bounded memo; collects every key."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self._memo: dict[tuple[str, str], str] = {}

    def __call__(self, first: str, second: str) -> str:
        """Keys of the text ``first second`` joined by spaces (empty when it has none)."""
        body = self._memo.get((first, second))
        if body is None:
            if len(self._memo) >= _MEMO:
                self._memo.clear()
            keys = translit.keys_of(f"{first} {second}")
            self.words.update(keys)
            body = self._memo[(first, second)] = " ".join(keys)
        return body


class _OutOfOrder(Exception):
    """Some staged names do not follow their person in staging order."""


def _people(
    stage: sqlite3.Connection, in_order: bool
) -> Iterator[tuple[int, list[tuple[str, str]], str, str]]:
    """``(sno, [(name, script), …], occupation …, summary …)`` per staged person.

    The two texts are what the text index holds of a person: occupation, organisation and
    nationality; then summary, later fate and the :func:`_extra_texts` of the person (notes of
    their sentences and relations, values and notes of every claim about them).

    ``in_order``: read people and names in staging order, which needs no sort when each
    person's names are staged together and in the people's order (the generator stages them
    so); raises :class:`_OutOfOrder` at the end when they were not.  Otherwise both are
    sorted by person id first.
    """
    order = ("rowid", "rowid") if in_order else ("id", "person_id")
    rows = stage.execute(
        "SELECT person_id, name, script FROM stg_name "
        f"WHERE person_id IS NOT NULL ORDER BY {order[1]}"
    )
    groups = groupby(rows, key=itemgetter(0))
    group = next(groups, None)
    for sno, pid, name_ru, name_en, occupation, organisation in stage.cursor().execute(
        "SELECT p.rowid, p.id, p.name_ru, p.name_en, coalesce(p.occupation, '') || ' ' || "
        "coalesce(p.organisation, '') || ' ' || coalesce(p.nationality, ''), "
        "coalesce(p.summary, '') || ' ' || coalesce(p.later_fate, '') || ' ' || "
        "coalesce(e.text, '') FROM stg_person p "
        "LEFT JOIN temp.extra_text e ON e.kind = 'person' AND e.id = p.id "
        f"ORDER BY p.{order[0]}"
    ):
        # Names the person table carries are always searchable, even without name rows.
        names = [(name_ru or "", "cyrl"), (name_en or "", "latn")]
        while group is not None and (group[0] == pid if in_order else group[0] <= pid):
            if group[0] == pid:
                names.extend([(name, script or "") for _, name, script in group[1]])
            group = next(groups, None)
        yield sno, names, occupation, organisation
    if group is not None and in_order:  # names no person took: out of order, or nobody's
        raise _OutOfOrder  # (the sorted retry drops names of no staged person)


def _texts(stage: sqlite3.Connection, text_keys: TextKeys) -> Iterator[tuple[int, int, str]]:
    """``(kind code, sno, keys)`` of the staged records' texts that have keys."""
    extra = "LEFT JOIN temp.extra_text e ON e.kind = '{}' AND e.id = t.id ORDER BY t.rowid"
    queries = (
        (
            "event",
            "SELECT t.rowid, t.title, coalesce(t.summary, '') || ' ' || coalesce(e.text, '') "
            "FROM stg_event t " + extra.format("event"),
        ),
        (
            "document",
            "SELECT t.rowid, t.title, coalesce(t.collection, '') || ' ' || "
            "coalesce(t.category, '') || ' ' || coalesce(e.text, '') FROM stg_document t "
            + extra.format("document"),
        ),
        (
            "source",
            "SELECT t.rowid, coalesce(t.author, '') || ' ' || t.title, coalesce(t.note, '') "
            "|| ' ' || coalesce(e.text, '') FROM stg_source t " + extra.format("source"),
        ),
    )
    for kind, sql in queries:
        code = KIND_CODES[kind]
        for sno, first, second in stage.execute(sql):
            body = text_keys(first, second)
            if body:
                yield code, sno, body


#: Texts that belong to a record but live in other tables, by (kind, record id): the notes of
#: a person's sentences and relations, the values and notes of the claims about a record (and
#: about a person's sentences and relations), the labels, counts and notes of a source's
#: published tallies.  Searchable as the record's own words ("commuted", "110").
_EXTRA_TEXTS = (
    "SELECT 'person', person_id, notes FROM stg_sentence WHERE notes IS NOT NULL",
    "SELECT 'person', person_id, note FROM stg_relation WHERE note IS NOT NULL",
    "SELECT 'person', related_person_id, note FROM stg_relation WHERE note IS NOT NULL",
    "SELECT subject_kind, subject_id, coalesce(value, '') || ' ' || coalesce(note, '') "
    "FROM stg_claim WHERE subject_kind IN ('person', 'event', 'document') "
    "AND (value IS NOT NULL OR note IS NOT NULL)",
    "SELECT 'person', s.person_id, coalesce(c.value, '') || ' ' || coalesce(c.note, '') "
    "FROM stg_claim c JOIN stg_sentence s ON s.id = c.subject_id "
    "WHERE c.subject_kind = 'sentence' AND (c.value IS NOT NULL OR c.note IS NOT NULL)",
    "SELECT 'person', r.person_id, coalesce(c.value, '') || ' ' || coalesce(c.note, '') "
    "FROM stg_claim c JOIN stg_relation r ON r.id = c.subject_id "
    "WHERE c.subject_kind = 'relation' AND (c.value IS NOT NULL OR c.note IS NOT NULL)",
    "SELECT 'source', source_id, label || ' ' || coalesce(count, '') || ' ' || "
    "coalesce(note, '') FROM stg_tally",
)


def _extra_texts(stage: sqlite3.Connection) -> None:
    """``temp.extra_text (kind, id, text)``: the :data:`_EXTRA_TEXTS` of each record, joined."""
    stage.execute("DROP TABLE IF EXISTS temp.extra_parts")
    stage.execute("DROP TABLE IF EXISTS temp.extra_text")
    stage.execute("CREATE TEMP TABLE extra_parts (kind TEXT, id TEXT, text TEXT)")
    for sql in _EXTRA_TEXTS:
        stage.execute(f"INSERT INTO temp.extra_parts {sql}")
    stage.execute(
        "CREATE TEMP TABLE extra_text AS SELECT kind, id, group_concat(text, ' ') AS text "
        "FROM (SELECT * FROM temp.extra_parts ORDER BY kind, id, rowid) GROUP BY kind, id"
    )
    stage.execute("CREATE UNIQUE INDEX temp.extra_text_id ON extra_text (kind, id)")
    stage.execute("DROP TABLE temp.extra_parts")


def _insert(out: sqlite3.Connection, sql: str, rows: Iterable[tuple[object, ...]]) -> None:
    batch: list[tuple[object, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            out.executemany(sql, batch)
            batch = []
    out.executemany(sql, batch)


def _collect_people(
    stage: sqlite3.Connection, out: sqlite3.Connection, in_order: bool, text_of: TextKeys
) -> Vocab:
    vocab = Vocab()
    names_of = PersonKeys(vocab)
    _insert(
        out,
        "INSERT INTO person_keys VALUES (?, ?, ?)",
        (
            (sno, names_of(names), text_of(occupation, organisation))
            for sno, names, occupation, organisation in _people(stage, in_order)
        ),
    )
    return vocab


def collect(stage: sqlite3.Connection, out: sqlite3.Connection) -> None:
    """Work out every search key from the ``stg_*`` tables of ``stage`` into ``out``.

    ``out`` gets the tables of :data:`SCHEMA`; call inside a transaction.
    """
    for stmt in SCHEMA:
        out.execute(stmt)
    _extra_texts(stage)
    text_of = TextKeys()
    try:
        vocab = _collect_people(stage, out, True, text_of)
    except _OutOfOrder:
        out.execute("DELETE FROM person_keys")
        vocab = _collect_people(stage, out, False, text_of)
    _insert(out, "INSERT INTO vocab VALUES (?, ?, ?, ?, ?)", vocab.table_rows())
    _insert(out, "INSERT INTO text_keys VALUES (?, ?, ?)", _texts(stage, text_of))
    _insert(out, "INSERT INTO words VALUES (?)", ((w,) for w in sorted(text_of.words)))
