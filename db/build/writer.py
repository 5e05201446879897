"""Build an archive file from source records, reproducibly.

``python -m db.build`` (:mod:`db.build.__main__`) turns ``resources/data`` into ``resources/kremlin-affair.sqlite``.
The same :class:`ArchiveWriter` serves the synthetic generator (``db.synth``), so a 3-million
person archive has exactly the bundled archive's schema, indexes and search tables.

Records are streamed into staging tables keyed by text ids; :meth:`ArchiveWriter.finish`
then numbers rows in display order with SQL (:mod:`db.build.numbering`), fills the rank columns,
chart summary, timeline summary (:mod:`db.build.density`) and search index (keys and claims
come from :mod:`db.build.side`), and ``VACUUM INTO`` the target (or, for a big synthetic archive, renames the work file there).
There is no clock and no unordered insert anywhere, so the same input gives a byte-identical
file.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable

from db import vocab
from db.build import density, numbering, summary
from db.search import index as search_index
from db.build import side as side_build
from db.errors import BuildError
from db.schema import APPLICATION_ID, SCHEMA_VERSION, Base
from db.build.source_data import SourceData, load, split_ids

REPO_ROOT = Path(__file__).resolve().parents[2]
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

#: Settings of the build connection.  Nothing here is durable until the final rename, so no
#: journal and no syncs, and dropped temp tables need not be zeroed (this SQLite is compiled
#: with secure_delete).  Sorts spill to temp files; ``threads`` lets the sorter use a second
#: core for them.  128 MiB of page cache per database: larger caches made the big sorts slower
#: (their in-memory runs grew past the CPU caches) and only raised the peak RSS.
BUILD_PRAGMAS = (
    "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA stage.journal_mode=OFF; "
    "PRAGMA stage.synchronous=OFF; PRAGMA temp_store=FILE; PRAGMA threads=2; "
    "PRAGMA cache_size=-131072; PRAGMA stage.cache_size=-131072; "
    "PRAGMA temp.cache_size=-262144; PRAGMA temp.secure_delete=OFF;"
)


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
    """Streams records into a new archive file; call :meth:`finish` once at the end.

    Staging tables live in a scratch database next to the target (attached as ``stage``), so
    the work file holds only archive tables and, when ``compact`` is false, can become the
    archive as it is.  With ``compact`` (the default, used for the bundled archive) the result
    is rewritten by ``VACUUM INTO``, which gives canonical bytes; a big synthetic archive,
    written in final order anyway, skips that copy.  The search keys and the claims are built
    on the side (:mod:`db.build.side`), with ``parallel`` in a second process.
    ``keep_search_text`` also keeps the indexed texts in plain tables, for a file that is to be
    loaded into PostgreSQL (:mod:`db.pg.load`); such a file is not an archive the app opens.
    """

    def __init__(self, out: Path, meta: dict[str, str], progress: Progress | None = None,
                 *, compact: bool = True, parallel: bool = False,
                 keep_search_text: bool = False) -> None:
        self.out = out
        self.keep_search_text = keep_search_text
        self.meta = dict(meta)
        self.progress = progress or (lambda _msg: None)
        self.compact = compact
        self.parallel = parallel
        out.parent.mkdir(parents=True, exist_ok=True)
        self._work = _scratch_file(out, ".build-")
        self._stage = _scratch_file(out, ".stage-")
        self._side = _scratch_file(out, ".side-")
        self._side_job: side_build.SideJob | None = None
        self.conn = sqlite3.connect(self._work, isolation_level=None)
        self.conn.execute("ATTACH DATABASE ? AS stage", (str(self._stage),))
        self.conn.executescript(BUILD_PRAGMAS + "BEGIN;")
        for name, cols in STAGING.items():
            self.conn.execute(f"CREATE TABLE stage.stg_{name} ({', '.join(cols)})")

    def insert(self, table: str, rows: Iterable[Sequence[object]]) -> None:
        """Append staging rows (tuples in ``STAGING[table]`` order)."""
        cols = STAGING[table]
        marks = ", ".join("?" * len(cols))
        self.conn.executemany(f"INSERT INTO stage.stg_{table} VALUES ({marks})", rows)

    # -- finishing ------------------------------------------------------------------------

    def finish(self) -> Path:
        """Number, index and summarise everything, then write the target file atomically."""
        c = self.conn
        c.create_function("ru_key", 1, ru_sort_key, deterministic=True)
        c.create_function("outcome_key", 2, vocab.outcome_key, deterministic=True)
        c.create_function("outcome_order", 1, vocab.outcome_order, deterministic=True)
        numbering.prepare_stage(c)
        c.execute("COMMIT")  # the staging file is complete: the side build reads it
        if not self.parallel:
            self.progress("collecting search keys and claims")
        self._side_job = side_build.SideJob(self._stage, self._side, self.parallel)
        c.execute("BEGIN")
        self._number_and_index()
        if self.parallel:
            self.progress("copying claims: waiting for the side build")
        self._side_job.wait()
        c.execute("COMMIT")
        c.execute("ATTACH DATABASE ? AS side", (str(self._side),))
        c.execute("BEGIN")
        self.progress("copying claims")
        # SQLite copies the table with its indexes as they are (see db.build.side).
        c.execute("INSERT INTO claim SELECT * FROM side.claim")
        self.progress("timeline summary")
        density.build_density(c)
        self.progress("search index")
        search_index.fill(c, "side", self.progress, keep=self.keep_search_text)
        self.progress("analysing")
        self._meta()
        c.execute("COMMIT")
        for name, path in (("stage", self._stage), ("side", self._side)):
            c.execute(f"DETACH DATABASE {name}")
            path.unlink(missing_ok=True)
        c.execute(f"PRAGMA application_id={APPLICATION_ID}")
        c.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        c.execute("ANALYZE")
        return self._write_out()

    def _number_and_index(self) -> None:
        """Create the archive tables, number the staged rows into them, index them."""
        c = self.conn
        dialect = sqlite.dialect()
        tables = Base.metadata.sorted_tables
        for table in tables:
            c.execute(str(CreateTable(table).compile(dialect=dialect)))
        for label, step in numbering.STEPS:
            self.progress(f"numbering {label}")
            step(c)
        self.progress("indexing")
        idx = [str(CreateIndex(i).compile(dialect=dialect)) for t in tables for i in t.indexes]
        for stmt in sorted(idx):
            c.execute(stmt)
        self.progress("outcome summary")
        summary.build_summary(c)

    def _write_out(self) -> Path:
        """Compact the work file into the target, or rename it there; close the connection."""
        if self.compact:
            self.progress("compacting")
            final_tmp = self.out.with_name(f".{self.out.name}.tmp")
            final_tmp.unlink(missing_ok=True)
            self.conn.execute("VACUUM INTO ?", (str(final_tmp),))
            self.conn.close()
            self._work.unlink(missing_ok=True)
        else:
            self.conn.close()
            final_tmp = self._work
            mask = os.umask(0)  # the work file was made private (0600); give it the usual mode
            os.umask(mask)
            final_tmp.chmod(0o666 & ~mask)
        os.replace(final_tmp, self.out)
        return self.out

    def abort(self) -> None:
        """Stop the side build and drop the half-built work files."""
        if self._side_job is not None:
            self._side_job.cancel()
        self.conn.close()
        for path in (self._work, self._stage, self._side):
            path.unlink(missing_ok=True)

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


def _scratch_file(out: Path, prefix: str) -> Path:
    """A new empty file beside ``out`` (same file system, so the final rename is atomic)."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".sqlite", dir=out.parent)
    os.close(fd)
    return Path(tmp)


def _record_claims(kind: str, rows: list[dict[str, str | None]]) -> Iterable[tuple[object, ...]]:
    for row in rows:
        for source_id in split_ids(row.get("source_ids")):
            yield (kind, row["id"], "record", None, source_id, None, None, row.get("confidence"))


def _columns(rows: list[dict[str, str | None]], table: str) -> Iterable[tuple[object, ...]]:
    cols = STAGING[table]
    return (tuple(r[c] for c in cols) for r in rows)


def write_source_data(data: SourceData, out: Path, progress: Progress | None = None,
                      *, keep_search_text: bool = False) -> Path:
    """Build the archive for validated source data ``data`` into ``out``."""
    t = data.tables
    w = ArchiveWriter(out, data.meta, progress, keep_search_text=keep_search_text)
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
          progress: Progress | None = None, *, keep_search_text: bool = False) -> Path:
    """Validate ``data_dir`` and build the archive at ``out`` (atomically replaced)."""
    return write_source_data(load(data_dir), out, progress, keep_search_text=keep_search_text)
