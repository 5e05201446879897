"""Copy a built archive file into a PostgreSQL schema, in one transaction.

``python -m db.build --target postgresql://…`` and ``python -m db.synth --target …`` build the
archive with the very writer a file build uses (same numbering, ranks, summaries and search
keys, with the indexed texts kept in plain tables) and then :func:`load` it here:

* every table of the file, column for column (integers as ``bigint``, text ``COLLATE "C"`` so
  ordering and ranges compare code points exactly as SQLite does), every index of the file;
* the search tables in PostgreSQL's own form: ``person_fts`` and ``text_fts`` hold each
  record's keys as a ``tsvector`` (the keys are computed in Python at build time, so no
  dictionary and no ``unaccent()`` runs on the server) with a GIN index; the spelling
  vocabulary gets a ``pg_trgm`` GIN index beside its B-tree;
* ``meta`` as the file has it (title, archive id, schema version, counts).

The schema is written as ``<schema>_new`` in one transaction and renamed over the old one in a
second, short one (which waits for readers' locks a little, and tries again), so readers see
the old archive or the new one, never half of either.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from db.pg.url import SCHEMA, libpq_url
from db.search.index import KEPT_PERSON_KEYS, KEPT_TEXT_BODY, KIND_CODES, KIND_SHIFT

Progress = Callable[[str], None]

#: Tables of the file that are FTS5's own or only carry texts for this loader.
_SKIP_PREFIXES = ("person_fts", "text_fts", "kept_", "sqlite_")
#: Rows per COPY progress line.
_REPORT_EVERY = 1_000_000


def _pg_type(declared: str) -> str:
    t = declared.upper()
    if "INT" in t:
        return "bigint"
    if any(k in t for k in ("REAL", "FLOA", "DOUB")):
        return "double precision"
    return 'text COLLATE "C"'


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def archive_tables(src: sqlite3.Connection) -> list[str]:
    """The file's archive tables (not FTS5's shadow tables or the kept texts), by name."""
    rows = src.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [str(n) for (n,) in rows if not str(n).startswith(_SKIP_PREFIXES)]


def table_ddl(src: sqlite3.Connection, table: str) -> tuple[str, list[str]]:
    """``CREATE TABLE`` for PostgreSQL from the file's columns, and the column names."""
    cols = list(src.execute(f"PRAGMA table_info({_ident(table)})"))
    names = [str(c[1]) for c in cols]
    parts = [
        f"{_ident(str(c[1]))} {_pg_type(str(c[2] or ''))}" + (" NOT NULL" if c[3] else "")
        for c in cols
    ]
    pk = [str(c[1]) for c in sorted(cols, key=lambda c: int(c[5])) if int(c[5]) > 0]
    if pk:
        parts.append(f"PRIMARY KEY ({', '.join(_ident(n) for n in pk)})")
    return f"CREATE TABLE {_ident(table)} ({', '.join(parts)})", names


def index_ddl(src: sqlite3.Connection) -> list[str]:
    """The file's own ``CREATE INDEX`` statements (portable SQL), in name order."""
    rows = src.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "ORDER BY name"
    )
    return [str(sql) for _name, tbl, sql in rows if not str(tbl).startswith(_SKIP_PREFIXES)]


#: Search structures PostgreSQL gets beside the file's: full text as tsvector + GIN, and
#: trigram lookups on the vocabulary for typos on big archives.
SEARCH_DDL = (
    "CREATE TABLE person_fts (rowid bigint PRIMARY KEY, keys tsvector NOT NULL)",
    "CREATE TABLE text_fts (rowid bigint PRIMARY KEY, body tsvector NOT NULL)",
)
#: One row per name key and person, in (key, pk) order: an OR of names is read lazily in pk
#: order by merging one index range per name (see :func:`db.search.find`), where the GIN index
#: would first collect every match of every name.
PERSON_KEYS = (
    'CREATE TABLE person_key (key text COLLATE "C" NOT NULL, pk bigint NOT NULL)',
    "INSERT INTO person_key SELECT w, s.rowid FROM stage_person_fts s, unnest(s.words) AS w "
    "ORDER BY 1, 2",
    "ALTER TABLE person_key ADD PRIMARY KEY (key, pk)",
)
SEARCH_INDEXES = (
    "CREATE INDEX person_fts_keys ON person_fts USING gin (keys)",
    # One GIN index per kind (rowid = kind << 40 | pk): a word common among events costs
    # nothing to a search of documents.
    *(
        f"CREATE INDEX text_fts_body_{kind} ON text_fts USING gin (body) "
        f"WHERE rowid >> {KIND_SHIFT} = {code}"
        for kind, code in KIND_CODES.items()
    ),
    "CREATE INDEX search_vocab_key_trgm ON search_vocab USING gin (key public.gin_trgm_ops)",
    "CREATE INDEX search_vocab_key_pattern ON search_vocab (key text_pattern_ops)",
)


def _copy_rows(cur: Any, table: str, names: list[str], rows: Iterator[tuple[Any, ...]]) -> int:
    cols = ", ".join(_ident(n) for n in names)
    n = 0
    with cur.copy(f"COPY {_ident(table)} ({cols}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
    return n


def _lexemes(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, list[str]]]:
    # Keys are letters and digits joined by spaces (db.search.translit.word_key): one token
    # each, as FTS5's unicode61 tokenizer splits them.
    for pk, text in rows:
        yield int(pk), sorted(set(str(text or "").split()))


def load(sqlite_file: Path, target: str, progress: Progress | None = None) -> dict[str, int]:
    """Copy the build ``sqlite_file`` (written with ``keep_search_text``) into ``target``.

    Returns rows copied per table.  The new archive is written as ``kremlin_archive_new`` in
    one transaction, then switched on in a second, short one (:func:`_swap`); on any failure
    the server keeps the archive it had, whole.
    """
    import psycopg

    say = progress or (lambda _m: None)
    src = sqlite3.connect(f"file:{sqlite_file}?mode=ro", uri=True)
    counts: dict[str, int] = {}
    new = f"{SCHEMA}_new"
    try:
        with psycopg.connect(libpq_url(target)) as pg, pg.cursor() as cur:
            cur.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
            cur.execute(f"DROP SCHEMA IF EXISTS {new} CASCADE")
            cur.execute(f"CREATE SCHEMA {new}")
            cur.execute(f"SET LOCAL search_path TO {new}, public")
            for table in archive_tables(src):
                ddl, names = table_ddl(src, table)
                cur.execute(ddl)
                say(f"copying {table}")
                cols = ", ".join(_ident(n) for n in names)
                rows = src.execute(f"SELECT {cols} FROM {_ident(table)}")
                counts[table] = _copy_rows(cur, table, names, rows)
            for ddl in SEARCH_DDL:
                cur.execute(ddl)
            say("copying search keys")
            for table, column, kept, key in (
                ("person_fts", "keys", KEPT_PERSON_KEYS, "pk"),
                ("text_fts", "body", KEPT_TEXT_BODY, "rowid"),
            ):
                cur.execute(f"CREATE TEMP TABLE stage_{table} (rowid bigint, words text[])")
                rows = src.execute(f"SELECT {key}, {column} FROM {kept} ORDER BY {key}")
                counts[table] = _copy_rows(
                    cur, f"stage_{table}", ["rowid", "words"], _lexemes(rows)
                )
                cur.execute(
                    f"INSERT INTO {table} SELECT rowid, array_to_tsvector(words) "
                    f"FROM stage_{table} ORDER BY rowid"
                )
                if table == "person_fts":
                    for ddl in PERSON_KEYS:
                        cur.execute(ddl)
                cur.execute(f"DROP TABLE stage_{table}")
            say("indexing")
            for ddl in (*index_ddl(src), *SEARCH_INDEXES):
                cur.execute(ddl)
            tables = [*archive_tables(src), "person_fts", "text_fts", "person_key"]
        # Committed as kremlin_archive_new: readers go on with the archive they have.
        with psycopg.connect(libpq_url(target), autocommit=True) as pg:
            say("analysing")
            for table in tables:  # only these: a whole-database ANALYZE warns on every
                pg.execute(f"ANALYZE {new}.{_ident(table)}")  # catalogue not the builder's
        say("switching readers to the new archive")
        _swap(target)
    finally:
        src.close()
    return counts


class SwapRefused(RuntimeError):
    """Readers kept the old archive locked: the new one is loaded beside it, not switched on."""


#: How long the switch waits for readers' locks, and how often it tries again.
SWAP_LOCK_TIMEOUT = "3s"
SWAP_TRIES = 5


def _swap(target: str) -> None:
    """Put the new schema in the old one's place, in one short transaction.

    It needs every old table to itself: a reader in the middle of a statement holds it, and
    the two may deadlock.  The switch waits :data:`SWAP_LOCK_TIMEOUT` (readers queued behind
    it wait no longer) and tries :data:`SWAP_TRIES` times; readers meanwhile keep the old
    archive, whole.
    """
    import time

    import psycopg

    new = f"{SCHEMA}_new"
    last: BaseException | None = None
    for attempt in range(SWAP_TRIES):
        try:
            with psycopg.connect(libpq_url(target)) as pg:
                pg.execute(f"SET LOCAL lock_timeout = '{SWAP_LOCK_TIMEOUT}'")
                pg.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
                pg.execute(f"ALTER SCHEMA {new} RENAME TO {SCHEMA}")
            return
        except (psycopg.errors.LockNotAvailable, psycopg.errors.DeadlockDetected) as exc:
            last = exc
            time.sleep(0.5 * (attempt + 1))
    raise SwapRefused(
        f"readers kept the archive busy ({type(last).__name__}); the new archive is loaded as "
        f"{new} and the old one is still in use — run the build again to switch"
    )
