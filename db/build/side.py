"""The builder's side job: the parts of an archive that need only the staged records.

Two parts qualify: the search keys (:mod:`db.search.keys`, pure Python) and the claim table,
the largest one (a row or more per record), numbered and indexed exactly as the builder's own
:mod:`db.build.numbering` does.  Both go to a *side database* that :class:`db.build.ArchiveWriter`
reads once its own numbering and indexing are done: the search tables are filled from the keys,
and the claims are copied with their indexes (SQLite's transfer of a whole table, no re-sort).

For a big archive the job runs in a second process beside the builder's numbering (one core
each); for a small one it runs first, in-process.  Either way the side database is the same.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import traceback
from multiprocessing.connection import Connection
from pathlib import Path

from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable

from db.build import numbering
from db.search import keys as search_keys
from db.schema import Base

#: Settings of the side connection (a scratch file: no journal, no syncs, as in the builder).
SIDE_PRAGMAS = ("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE; "
                "PRAGMA threads=2; PRAGMA cache_size=-65536; PRAGMA temp.cache_size=-65536; "
                "PRAGMA temp.secure_delete=OFF;")


def table_ddl(name: str) -> tuple[str, list[str]]:
    """``CREATE TABLE`` and the ``CREATE INDEX`` statements of archive table ``name``."""
    dialect = sqlite.dialect()
    table = Base.metadata.tables[name]
    return (str(CreateTable(table).compile(dialect=dialect)),
            sorted(str(CreateIndex(i).compile(dialect=dialect)) for i in table.indexes))


def run(stage: Path, out: Path) -> None:
    """Write the side database ``out`` from the staging file ``stage`` (opened read-only).

    The entry point of the side process: the builder keeps writing its own files meanwhile,
    and only reads ``out`` once this has returned.
    """
    conn = sqlite3.connect(out, isolation_level=None, uri=True)
    try:
        conn.execute("ATTACH DATABASE ? AS stage", (stage.resolve().as_uri() + "?mode=ro",))
        conn.executescript(SIDE_PRAGMAS + "BEGIN;")
        search_keys.collect(conn, conn)
        create, indexes = table_ddl("claim")
        conn.execute(create)
        numbering.source_map(conn, "source_pk")
        numbering.claims(conn, "source_pk")
        for stmt in indexes:
            conn.execute(stmt)
        conn.execute("COMMIT")
    finally:
        conn.close()


def _child(stage: Path, out: Path, report: Connection) -> None:
    """Entry point of the side process: run, then report ``None`` or the traceback."""
    try:
        run(stage, out)
        report.send(None)
    except BaseException:  # the builder raises it
        report.send(traceback.format_exc())
    finally:
        report.close()


class SideJob:
    """:func:`run` on the staging file: at once (in-process), or in a second process.

    With ``parallel`` it runs in a child process (``spawn``: it shares no open database with
    the builder) while the builder numbers and indexes the other tables; :meth:`wait` joins
    it, :meth:`cancel` stops it.
    """

    def __init__(self, stage: Path, out: Path, parallel: bool) -> None:
        self._process: multiprocessing.process.BaseProcess | None = None
        self._report: Connection | None = None
        if not parallel:
            run(stage, out)
            return
        ctx = multiprocessing.get_context("spawn")
        self._report, sender = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_child, args=(stage, out, sender),
                                    name="side-build", daemon=True)
        self._process.start()
        sender.close()

    def wait(self) -> None:
        """Return once the side database is written; raise if the side process failed."""
        if self._process is None or self._report is None:
            return
        try:
            error = self._report.recv()
        except EOFError:
            error = f"it ended without a report (exit code {self._process.exitcode})"
        finally:
            self._report.close()
            self._process.join()
            self._process = None
        if error is not None:
            raise RuntimeError(f"the side build failed:\n{error}")

    def cancel(self) -> None:
        """Stop the side process if it still runs (the build is being abandoned)."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process = None
