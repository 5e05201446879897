"""Hostile-but-valid archives: files SQLite opens happily but the app must refuse.

Each builder writes one file into a folder (from a copy of the bundled archive unless it makes
something from scratch) and returns its path.  :data:`CASES` lists them with the error class
and the words the refusal must contain.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db import errors
from db.gate import search_side_tables
from db.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.conftest import BUNDLED

Builder = Callable[[Path], Path]


def _copy(folder: Path, name: str) -> Path:
    path = folder / name
    shutil.copyfile(BUNDLED, path)
    return path


def _edit(path: Path, *statements: str, writable_schema: bool = False) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if writable_schema:
            version = conn.execute("PRAGMA schema_version").fetchone()[0]
            conn.execute("PRAGMA writable_schema = ON")
        for sql in statements:
            conn.execute(sql)
        if writable_schema:
            conn.execute(f"PRAGMA schema_version = {version + 1}")
            conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()
    return path


def zero_bytes(folder: Path) -> Path:
    """A 0-byte file (SQLite would call it a valid, empty database)."""
    path = folder / "zero.sqlite"
    path.write_bytes(b"")
    return path


def empty_sqlite(folder: Path) -> Path:
    """A valid SQLite database with nothing in it."""
    return _edit(folder / "empty.sqlite", "VACUUM")


def empty_with_our_header(folder: Path) -> Path:
    """Our application_id and schema version, but no tables at all."""
    return _edit(
        folder / "hollow.sqlite",
        f"PRAGMA application_id = {APPLICATION_ID}",
        f"PRAGMA user_version = {SCHEMA_VERSION}",
        "VACUUM",
    )


def wrong_application_id(folder: Path) -> Path:
    """Our tables, someone else's application_id."""
    return _edit(_copy(folder, "other-app.sqlite"), "PRAGMA application_id = 1234")


def wrong_schema_version(folder: Path) -> Path:
    """Our tables and id, a schema version from the future."""
    return _edit(_copy(folder, "future.sqlite"), f"PRAGMA user_version = {SCHEMA_VERSION + 6}")


def renamed_column(folder: Path) -> Path:
    """``person.role`` renamed (indexes follow the rename, so SQLite is content)."""
    return _edit(_copy(folder, "renamed.sqlite"), "ALTER TABLE person RENAME COLUMN role TO rolle")


def recursive_view(folder: Path) -> Path:
    """A view whose recursive CTE never ends (it would hang whoever selects from it)."""
    return _edit(
        _copy(folder, "endless.sqlite"),
        "CREATE VIEW endless AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
        "SELECT i + 1 FROM n) SELECT i FROM n",
    )


def function_view(folder: Path) -> Path:
    """A view calling ``regexp()``, which the app's connections define (SQLAlchemy does)."""
    return _edit(
        _copy(folder, "calls.sqlite"),
        "CREATE VIEW person_names AS SELECT regexp('.', name_en) AS r FROM person",
    )


def person_as_view(folder: Path) -> Path:
    """``person`` is a view over the renamed real table."""
    return _edit(
        _copy(folder, "people-view.sqlite"),
        "ALTER TABLE person RENAME TO person_data",
        "CREATE VIEW person AS SELECT * FROM person_data",
    )


def extra_trigger(folder: Path) -> Path:
    """A trigger (it could only fire on a write, but archives never hold one)."""
    return _edit(
        _copy(folder, "trigger.sqlite"),
        "CREATE TRIGGER meddle AFTER UPDATE ON meta BEGIN SELECT regexp('a', 'b'); END",
    )


def generated_column(folder: Path) -> Path:
    """A generated column that would build a 1 GB blob whenever it is read."""
    return _edit(
        _copy(folder, "generated.sqlite"),
        "ALTER TABLE person ADD COLUMN boom AS (zeroblob(999999999)) VIRTUAL",
    )


def collation_trap(folder: Path) -> Path:
    """A sort column declared with a collation nobody defines (fails at ORDER BY time)."""
    return _edit(
        _copy(folder, "collation.sqlite"),
        "UPDATE sqlite_schema SET sql = replace(sql, 'rank_name INTEGER NOT NULL', "
        "'rank_name INTEGER NOT NULL COLLATE evil') WHERE name = 'person'",
        writable_schema=True,
    )


def extra_table(folder: Path) -> Path:
    """An unknown (harmless-looking) table."""
    return _edit(_copy(folder, "extra.sqlite"), "CREATE TABLE notes (x TEXT)")


def chart_summary_garbage(folder: Path) -> Path:
    """A published figure of the chart summary that is not a number (found by the campaign)."""
    return _edit(
        _copy(folder, "chart.sqlite"),
        "UPDATE outcome_summary SET published_detail = 'koshel=\ufffd9' WHERE rowid IN "
        "(SELECT rowid FROM outcome_summary WHERE published_detail != '' LIMIT 1)",
    )


def field_60mb(folder: Path) -> Path:
    """One person's summary is 60 MB of text."""
    path = _copy(folder, "huge-field.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE person SET summary = ? WHERE pk = 1", ("x" * 60_000_000,))
    conn.commit()
    conn.close()
    return path


def field_60mb_in_search_vocabulary(folder: Path) -> Path:
    """A 60 MB value in a plain table of the search index (not one of db.schema's tables)."""
    path = _copy(folder, "huge-vocab.sqlite")
    table = search_side_tables()[0]
    conn = sqlite3.connect(path)
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    key = next(r[1] for r in info if r[5] == 1)
    indexed = {
        c[2]
        for (_, index, *_) in conn.execute(f'PRAGMA index_list("{table}")')
        for c in conn.execute(f'PRAGMA index_info("{index}")')
    }
    column = [r[1] for r in info if not r[5] and r[1] not in indexed][-1]  # stays < 64 MB
    conn.execute(
        f'UPDATE "{table}" SET "{column}" = ? WHERE "{key}" = (SELECT "{key}" FROM '
        f'"{table}" LIMIT 1)',
        ("y" * 60_000_000,),
    )
    conn.commit()
    conn.close()
    return path


def wal_with_wal_file(folder: Path) -> Path:
    """A WAL-mode archive with un-checkpointed changes in its ``-wal`` file beside it."""
    work = _copy(folder, "wal-work.sqlite")
    conn = sqlite3.connect(work, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE meta SET value = 'changed in the WAL' WHERE key = 'title'")
    path = folder / "wal.sqlite"
    shutil.copyfile(work, path)
    shutil.copyfile(work.with_name(work.name + "-wal"), folder / "wal.sqlite-wal")
    conn.close()
    for leftover in folder.glob("wal-work.sqlite*"):
        leftover.unlink()
    return path


def hot_journal(folder: Path) -> Path:
    """The archive mid-write: a rollback journal that SQLite would have to play back."""
    work = _copy(folder, "journal-work.sqlite")
    conn = sqlite3.connect(work, isolation_level=None)
    conn.execute("PRAGMA cache_size = 1")  # spill pages so the file itself changes
    conn.execute("BEGIN")
    conn.execute("UPDATE person SET summary = coalesce(summary, '') || 'x'")
    path = folder / "interrupted.sqlite"
    shutil.copyfile(work, path)
    shutil.copyfile(work.with_name(work.name + "-journal"), folder / "interrupted.sqlite-journal")
    conn.execute("ROLLBACK")
    conn.close()
    work.unlink()
    return path


def many_tables(folder: Path) -> Path:
    """50,000 extra tables in the schema (written directly, sharing one empty root page)."""
    path = _copy(folder, "crowded.sqlite")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE t0 (x)")
    root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = 't0'").fetchone()[0]
    conn.close()
    return _edit(
        path,
        "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
        f"49999) SELECT 'table', 't' || i, 't' || i, {root}, "
        "'CREATE TABLE t' || i || ' (x)' FROM n",
        writable_schema=True,
    )


def deep_schema(folder: Path) -> Path:
    """A CHECK constraint nested 5,000 deep (the parser must give up, not the stack)."""
    nested = "(" * 5000 + "1" + ")" * 5000
    return _edit(
        _copy(folder, "deep.sqlite"),
        "CREATE TABLE t (x)",
        f"UPDATE sqlite_schema SET sql = 'CREATE TABLE t (x CHECK ({nested}))' WHERE name = 't'",
        writable_schema=True,
    )


@dataclass(frozen=True)
class Case:
    """A hostile file, the error it must raise and words its message must hold."""

    build: Builder
    error: type[errors.ArchiveError]
    words: str


CASES: dict[str, Case] = {
    "zero-bytes": Case(zero_bytes, errors.ArchiveEmpty, "empty (0 bytes)"),
    "empty-sqlite": Case(empty_sqlite, errors.ArchiveForeign, "not a Kremlin Affair archive"),
    "our-header-no-tables": Case(empty_with_our_header, errors.ArchiveCorrupt, "is missing"),
    "wrong-application-id": Case(
        wrong_application_id, errors.ArchiveForeign, "not a Kremlin Affair archive"
    ),
    "wrong-schema-version": Case(
        wrong_schema_version, errors.ArchiveVersionMismatch, f"schema version {SCHEMA_VERSION + 6}"
    ),
    "renamed-column": Case(renamed_column, errors.ArchiveCorrupt, "'person' lacks column(s) role"),
    "recursive-view": Case(recursive_view, errors.ArchiveHostile, "view 'endless'"),
    "view-calling-app-function": Case(function_view, errors.ArchiveHostile, "view 'person_names'"),
    "person-as-view": Case(person_as_view, errors.ArchiveHostile, "'person' is a view"),
    "extra-trigger": Case(extra_trigger, errors.ArchiveHostile, "trigger 'meddle'"),
    "generated-column": Case(
        generated_column, errors.ArchiveCorrupt, "'person' is not defined the way"
    ),
    "collation-trap": Case(
        collation_trap, errors.ArchiveCorrupt, "schema calls functions or collations"
    ),
    "extra-table": Case(
        extra_table, errors.ArchiveCorrupt, "unknown table(s) or index(es) ('notes')"
    ),
    "chart-summary-garbage": Case(
        chart_summary_garbage, errors.ArchiveCorrupt, "chart summary is damaged"
    ),
    "60-mb-field": Case(
        field_60mb, errors.ArchiveCorrupt, "'person' holds a value larger than 8 MB"
    ),
    "60-mb-search-value": Case(
        field_60mb_in_search_vocabulary, errors.ArchiveCorrupt, "holds a value larger than 8 MB"
    ),
    "wal-with-wal-file": Case(wal_with_wal_file, errors.ArchiveUnsupported, "write-ahead logging"),
    "hot-journal": Case(hot_journal, errors.ArchiveUnsupported, "“interrupted.sqlite-journal”"),
    "50000-tables": Case(many_tables, errors.ArchiveCorrupt, "integrity check failed"),
    "deep-schema": Case(deep_schema, errors.ArchiveCorrupt, "malformed database schema"),
}
