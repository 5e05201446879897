"""Build an archive file from source records, reproducibly.

``python -m db.build`` turns ``resources/data`` into ``resources/kremlin-affair.sqlite``.
The same :class:`ArchiveWriter` serves the synthetic generator (``db.synth``), so a 3-million
person archive has exactly the bundled archive's schema, indexes and search tables.

Records are streamed into staging tables keyed by text ids; :meth:`ArchiveWriter.finish`
then numbers rows in display order with SQL (``row_number() OVER (ORDER BY …)``), fills the
rank columns, search index and chart summary, and ``VACUUM INTO`` the target.  There is no
clock and no unordered insert anywhere, so the same input gives a byte-identical file.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable

from db import outcomes, search_index, vocab
from db.errors import BuildError
from db.schema import APPLICATION_ID, SCHEMA_VERSION, Base
from db.source_data import SourceData, load, split_ids

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT / "resources" / "data"
DEFAULT_OUT = REPO_ROOT / "resources" / "kremlin-affair.sqlite"

#: Staging tables: the record shapes a writer accepts (tuples in this column order).
STAGING: dict[str, tuple[str, ...]] = {
    "source": ("id", "author", "title", "year", "kind", "language", "url", "note"),
    "person": ("id", "name_en", "name_ru", "sort_name", "sex", "birth_year", "death_year",
               "nationality", "occupation", "organisation", "role", "confidence", "summary",
               "later_fate"),
    "name": ("person_id", "name", "script", "kind", "note"),
    "sentence": ("id", "person_id", "stage", "tribunal", "date", "date_precision", "kind",
                 "years", "notes", "confidence"),
    "relation": ("id", "person_id", "related_person_id", "relation", "note"),
    "event": ("id", "date", "date_precision", "title", "summary"),
    "event_person": ("event_id", "person_id", "role"),
    "document": ("id", "date", "doc_type", "title", "collection", "category", "url"),
    "document_person": ("document_id", "name_as_written", "person_id"),
    "claim": ("subject_kind", "subject_id", "field", "value", "source_id", "locator", "note",
              "confidence"),
    "tally": ("id", "tribunal", "category", "years", "count", "label", "source_id", "note"),
}

Progress = Callable[[str], None]


def sort_name(name_en: str) -> str:
    """Latin surname first, as catalogues list people: ``Cherniavsky, Mikhail``."""
    tokens = name_en.replace("'", "").split()
    if len(tokens) < 2:
        return name_en
    return f"{tokens[-1]}, {' '.join(tokens[:-1])}"


def ru_sort_key(text: str | None) -> str:
    """Key that sorts Cyrillic alphabetically (ё with е) and case-insensitively."""
    return (text or "").casefold().replace("ё", "е")


class ArchiveWriter:
    """Streams records into a new archive file; call :meth:`finish` once at the end."""

    def __init__(self, out: Path, meta: dict[str, str], progress: Progress | None = None) -> None:
        self.out = out
        self.meta = dict(meta)
        self.progress = progress or (lambda _msg: None)
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".build-", suffix=".sqlite", dir=out.parent)
        os.close(fd)
        self._work = Path(tmp)
        self.conn = sqlite3.connect(self._work, isolation_level=None)
        # The temp schema (id → pk maps, rank columns) gets its own 128 MiB cache: joins probe
        # the maps at random, and with SQLite's 2 MiB default every probe re-read a page at 1M+.
        self.conn.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;"
            "PRAGMA cache_size=-262144; PRAGMA temp.cache_size=-131072; BEGIN;"
        )
        for name, cols in STAGING.items():
            self.conn.execute(f"CREATE TABLE stg_{name} ({', '.join(cols)})")

    def insert(self, table: str, rows: Iterable[Sequence[object]]) -> None:
        """Append staging rows (tuples in ``STAGING[table]`` order)."""
        cols = STAGING[table]
        marks = ", ".join("?" * len(cols))
        self.conn.executemany(f"INSERT INTO stg_{table} VALUES ({marks})", rows)

    # -- finishing ------------------------------------------------------------------------

    def finish(self) -> Path:
        """Number, index and summarise everything, then write the target file atomically."""
        c = self.conn
        c.create_function("ru_key", 1, ru_sort_key, deterministic=True)
        c.create_function("outcome_key", 2, vocab.outcome_key, deterministic=True)
        c.create_function("outcome_order", 1, vocab.outcome_order, deterministic=True)
        dialect = sqlite.dialect()
        tables = Base.metadata.sorted_tables
        ddl = [str(CreateTable(t).compile(dialect=dialect)) for t in tables]
        idx = [str(CreateIndex(i).compile(dialect=dialect)) for t in tables for i in t.indexes]
        for stmt in ddl:
            c.execute(stmt)
        steps = [
            ("sources", self._sources), ("people", self._people), ("sentences", self._sentences),
            ("relations", self._relations), ("events", self._events),
            ("documents", self._documents), ("claims", self._claims), ("tallies", self._tallies),
        ]
        for label, step in steps:
            self.progress(f"numbering {label}")
            step()
        self.progress("indexing")
        for stmt in sorted(idx):
            c.execute(stmt)
        self.progress("outcome summary")
        outcomes.build_summary(c)
        self.progress("search index")
        search_index.build(c, self.progress)
        self.progress("analysing")
        self._meta()
        for name in STAGING:
            c.execute(f"DROP TABLE stg_{name}")
        c.execute("COMMIT")
        c.execute(f"PRAGMA application_id={APPLICATION_ID}")
        c.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        c.execute("ANALYZE")
        self.progress("compacting")
        final_tmp = self.out.with_name(f".{self.out.name}.tmp")
        final_tmp.unlink(missing_ok=True)
        c.execute("VACUUM INTO ?", (str(final_tmp),))
        c.close()
        self._work.unlink(missing_ok=True)
        os.replace(final_tmp, self.out)
        return self.out

    def abort(self) -> None:
        """Drop the half-built work file."""
        self.conn.close()
        self._work.unlink(missing_ok=True)

    def _sources(self) -> None:
        self.conn.execute(
            "INSERT INTO source SELECT row_number() OVER (ORDER BY id), id, author, title, "
            "CAST(year AS INTEGER), kind, language, url, note FROM stg_source ORDER BY id")

    def _people(self) -> None:
        c = self.conn
        c.execute("CREATE INDEX stg_sentence_person ON stg_sentence(person_id, stage)")
        c.execute(
            "INSERT INTO person SELECT row_number() OVER w, p.id, p.name_en, p.name_ru, "
            "p.sort_name, p.sex, CAST(p.birth_year AS INTEGER), CAST(p.death_year AS INTEGER), "
            "p.nationality, p.occupation, p.organisation, p.role, p.confidence, p.summary, "
            "p.later_fate, coalesce(s.tribunal, 'none'), coalesce(s.kind, 'none'), "
            "CAST(s.years AS INTEGER), "
            "CASE WHEN s.kind IS NULL THEN 'no-verdict' "
            "     ELSE outcome_key(s.kind, CAST(s.years AS INTEGER)) END, "
            "row_number() OVER w, 0, 0, 0, 0, 0 "
            "FROM stg_person p LEFT JOIN stg_sentence s ON s.person_id = p.id "
            "AND s.stage = 'verdict' "
            "WINDOW w AS (ORDER BY p.sort_name COLLATE NOCASE, p.id) ORDER BY p.sort_name "
            "COLLATE NOCASE, p.id")
        ranks = {
            "rank_name_ru": "ru_key(name_ru), rank_name",
            "rank_role": "role, rank_name",
            "rank_tribunal": "tribunal = 'none', tribunal, rank_name",
            "rank_sentence": "outcome_order(outcome), rank_name",
            "rank_birth": "birth_year IS NULL, birth_year, rank_name",
        }
        self._fill_ranks("person", ranks)
        # No query uses this index any more, but every schema change counts in the header's
        # schema cookie, which VACUUM INTO copies: dropping it would change the archive's bytes.
        c.execute("CREATE INDEX stg_person_id ON stg_person(id)")
        c.execute("CREATE TEMP TABLE pmap AS SELECT id, pk FROM person")
        c.execute("CREATE UNIQUE INDEX temp.pmap_id ON pmap(id)")
        c.execute(
            "INSERT INTO person_name (person_pk, name, script, kind, note) "
            "SELECT m.pk, n.name, n.script, n.kind, n.note FROM stg_name n "
            "JOIN pmap m ON m.id = n.person_id ORDER BY m.pk, n.rowid")

    def _fill_ranks(self, table: str, ranks: dict[str, str]) -> None:
        """Set dense rank columns: one narrow sort per rank into temp tables, then one pass.

        An UPDATE per rank column walked the wide table in rank order (a random page per row
        once the table outgrew the page cache); here each sort carries only (key, pk), the
        temp tables are keyed by pk, and the wide table is rewritten once, in key order.  One
        window per statement keeps a single sorter alive (five at once tripled peak memory).
        """
        c = self.conn
        temps = [f"rank_tmp{i}" for i in range(len(ranks))]
        for temp, order in zip(temps, ranks.values(), strict=True):
            c.execute(f"CREATE TEMP TABLE {temp} (pk INTEGER PRIMARY KEY, n)")
            c.execute(f"INSERT INTO {temp} SELECT pk, row_number() OVER (ORDER BY {order}) "
                      f"FROM {table}")
        sets = ", ".join(f"{col} = {t}.n" for col, t in zip(ranks, temps, strict=True))
        keys = " AND ".join(f"{t}.pk = {table}.pk" for t in temps)
        c.execute(f"UPDATE {table} SET {sets} FROM {', '.join(temps)} WHERE {keys}")
        for temp in temps:
            c.execute(f"DROP TABLE {temp}")

    def _sentences(self) -> None:
        self.conn.execute(
            "INSERT INTO sentence (id, person_pk, stage, tribunal, date, date_precision, kind, "
            "years, notes, confidence) SELECT s.id, m.pk, s.stage, s.tribunal, s.date, "
            "s.date_precision, s.kind, CAST(s.years AS INTEGER), s.notes, s.confidence "
            "FROM stg_sentence s JOIN pmap m ON m.id = s.person_id "
            "ORDER BY m.pk, s.stage = 'later', s.stage = 'commutation', s.date, s.id")

    def _relations(self) -> None:
        self.conn.execute(
            "INSERT INTO relation (id, person_pk, related_pk, relation, note) "
            "SELECT r.id, a.pk, b.pk, r.relation, r.note FROM stg_relation r "
            "JOIN pmap a ON a.id = r.person_id JOIN pmap b ON b.id = r.related_person_id "
            "ORDER BY r.id")

    def _events(self) -> None:
        c = self.conn
        c.execute(
            "INSERT INTO event SELECT row_number() OVER w, id, date, date_precision, "
            "CAST(substr(date, 1, 4) AS INTEGER), title, summary, row_number() OVER w, 0 "
            "FROM stg_event WINDOW w AS (ORDER BY date, id) ORDER BY date, id")
        self._fill_ranks("event", {"rank_title": "title COLLATE NOCASE, rank_date"})
        c.execute(
            "INSERT INTO event_person SELECT e.pk, m.pk, ep.role FROM stg_event_person ep "
            "JOIN event e ON e.id = ep.event_id JOIN pmap m ON m.id = ep.person_id "
            "GROUP BY e.pk, m.pk ORDER BY e.pk, m.pk")

    def _documents(self) -> None:
        c = self.conn
        c.execute("CREATE INDEX stg_docperson ON stg_document_person(document_id)")
        c.execute(
            "INSERT INTO document SELECT row_number() OVER w, d.id, d.date, "
            "CAST(substr(d.date, 1, 4) AS INTEGER), d.doc_type, d.title, d.collection, "
            "d.category, d.url, coalesce((SELECT group_concat(name_as_written, '; ') FROM "
            "(SELECT name_as_written FROM stg_document_person dp WHERE dp.document_id = d.id "
            "ORDER BY dp.rowid)), ''), row_number() OVER w, 0, 0 FROM stg_document d "
            "WINDOW w AS (ORDER BY d.date, d.id) ORDER BY d.date, d.id")
        self._fill_ranks("document", {"rank_title": "ru_key(title), rank_date",
                                      "rank_type": "doc_type, rank_date"})
        c.execute(
            "INSERT INTO document_person (document_pk, person_pk, name_as_written) "
            "SELECT d.pk, m.pk, dp.name_as_written FROM stg_document_person dp "
            "JOIN document d ON d.id = dp.document_id LEFT JOIN pmap m ON m.id = dp.person_id "
            "ORDER BY d.pk, dp.rowid")

    def _claims(self) -> None:
        self.conn.execute(
            "INSERT INTO claim (subject_kind, subject_id, field, value, source_pk, locator, "
            "note, confidence) SELECT c.subject_kind, c.subject_id, c.field, c.value, s.pk, "
            "c.locator, c.note, c.confidence FROM stg_claim c JOIN source s ON s.id = c.source_id "
            "ORDER BY c.subject_kind, c.subject_id, c.field = 'record', c.field, c.rowid")

    def _tallies(self) -> None:
        self.conn.execute(
            "INSERT INTO tally (id, tribunal, category, years, count, label, source_pk, note) "
            "SELECT t.id, t.tribunal, t.category, CAST(t.years AS INTEGER), "
            "CAST(t.count AS INTEGER), t.label, s.pk, t.note FROM stg_tally t "
            "JOIN source s ON s.id = t.source_id ORDER BY t.id")

    def _meta(self) -> None:
        counts = {
            "person_count": "person", "event_count": "event", "document_count": "document",
            "source_count": "source", "sentence_count": "sentence", "relation_count": "relation",
            "claim_count": "claim", "tally_count": "tally",
        }
        meta = dict(self.meta)
        meta["schema_version"] = str(SCHEMA_VERSION)
        for key, table in counts.items():
            meta[key] = str(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        self.conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))


def _record_claims(kind: str, rows: list[dict[str, str | None]]) -> Iterable[tuple[object, ...]]:
    for row in rows:
        for source_id in split_ids(row.get("source_ids")):
            yield (kind, row["id"], "record", None, source_id, None, None, row.get("confidence"))


def _columns(rows: list[dict[str, str | None]], table: str) -> Iterable[tuple[object, ...]]:
    cols = STAGING[table]
    return (tuple(r[c] for c in cols) for r in rows)


def write_source_data(data: SourceData, out: Path, progress: Progress | None = None) -> Path:
    """Build the archive for validated source data ``data`` into ``out``."""
    t = data.tables
    w = ArchiveWriter(out, data.meta, progress)
    try:
        w.insert("source", ((r["id"], r["author"], r["title"], r["year"], r["kind"],
                             r["language"], r["url"], r["note"]) for r in t["sources"]))
        w.insert("person", ((p["id"], p["name_en"], p["name_ru"], sort_name(p["name_en"] or ""),
                             p["sex"], p["birth_year"], p["death_year"], p["nationality"],
                             p["occupation"], p["organisation"], p["role"], p["confidence"],
                             p["summary"], p["later_fate"]) for p in t["people"]))
        w.insert("name", ((n["person_id"], n["name"], n["script"], n["kind"], n["note"])
                          for n in t["names"]))
        w.insert("sentence", _columns(t["sentences"], "sentence"))
        w.insert("relation", ((r["id"], r["person_id"], r["related_person_id"], r["relation"],
                               r["note"]) for r in t["relations"]))
        w.insert("event", _columns(t["events"], "event"))
        w.insert("event_person", ((r["event_id"], r["person_id"], r["role"] or "named")
                                  for r in t["event_people"]))
        w.insert("document", _columns(t["documents"], "document"))
        w.insert("document_person", ((r["document_id"], r["name_as_written"], r["person_id"])
                                     for r in t["document_people"]))
        w.insert("tally", _columns(t["tallies"], "tally"))
        for kind, table in (("person", "people"), ("sentence", "sentences"),
                            ("relation", "relations"), ("event", "events"),
                            ("document", "documents")):
            w.insert("claim", _record_claims(kind, t[table]))
        w.insert("claim", _columns(t["claims"], "claim"))
        return w.finish()
    except BaseException:
        w.abort()
        raise


def build(data_dir: Path = DEFAULT_DATA, out: Path = DEFAULT_OUT,
          progress: Progress | None = None) -> Path:
    """Validate ``data_dir`` and build the archive at ``out`` (atomically replaced)."""
    return write_source_data(load(data_dir), out, progress)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m db.build [--data DIR] [--out FILE]``."""
    parser = argparse.ArgumentParser(prog="python -m db.build",
                                     description="Build the archive from its source data.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)
    try:
        path = build(args.data, args.out, None if args.quiet else
                     (lambda m: print(f"  {m}", file=sys.stderr)))
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
