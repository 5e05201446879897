"""Every error family maps to one user-facing message; the campaign meets no unknown family.

Each row produces the failure for real (SQLite, Python or the OS raising it) wherever that is
cheap, and checks :func:`db.errors.classify` picks its family and that the message the user
sees names the file and says what is wrong in words, not in a traceback.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from db import errors
from db.gate import harden
from tests.conftest import BUNDLED
from tests.hardening import hostile


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def _raised(fn: Callable[[], object]) -> BaseException:
    try:
        fn()
    except BaseException as exc:
        return exc
    raise AssertionError("no exception")


def _copy(d: Path, name: str = "a.sqlite") -> Path:
    path = d / name
    shutil.copyfile(BUNDLED, path)
    return path


def interrupted(d: Path) -> BaseException:
    conn = _ro(BUNDLED)
    conn.set_progress_handler(lambda: 1, 1)
    return _raised(lambda: conn.execute("PRAGMA integrity_check").fetchall())


def malformed_schema(d: Path) -> BaseException:
    return _raised(lambda: _ro(hostile.deep_schema(d)).execute("SELECT 1 FROM meta").fetchall())


def not_a_database(d: Path) -> BaseException:
    (d / "t.sqlite").write_bytes(b"hello" * 1000)
    return _raised(lambda: _ro(d / "t.sqlite").execute("SELECT 1 FROM meta").fetchall())


def malformed(d: Path) -> BaseException:
    path = _copy(d)
    data = bytearray(path.read_bytes())
    data[4096 * 8 : 4096 * 9] = bytes(4096)  # zero a page of the person table's b-tree
    path.write_bytes(data)
    return _raised(
        lambda: (
            _ro(path).execute("PRAGMA integrity_check").fetchall()
            and _ro(path).execute("SELECT * FROM person").fetchall()
        )
    )


def search_index(d: Path) -> BaseException:
    path = _copy(d)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE person_fts_data")
    conn.commit()
    conn.close()
    return _raised(
        lambda: (
            _ro(path).execute("SELECT rowid FROM person_fts WHERE person_fts MATCH 'a'").fetchall()
        )
    )


def bad_text(d: Path) -> BaseException:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES (CAST(x'ff41' AS TEXT))")
    return _raised(lambda: conn.execute("SELECT x FROM t").fetchall())


def too_big(d: Path) -> BaseException:
    conn = harden(sqlite3.connect(":memory:"))
    return _raised(lambda: conn.execute("SELECT zeroblob(100000000)").fetchall())


def unsupported_format(d: Path) -> BaseException:
    path = _copy(d)
    data = bytearray(path.read_bytes())
    data[44:48] = (5).to_bytes(4, "big")
    path.write_bytes(data)
    return _raised(lambda: sqlite3.connect(path).execute("SELECT 1 FROM meta").fetchall())


def missing_table(d: Path) -> BaseException:
    return _raised(lambda: _ro(BUNDLED).execute("SELECT * FROM people").fetchall())


def schema_code(d: Path) -> BaseException:
    conn = sqlite3.connect(_copy(d))
    conn.create_function("spy", 0, lambda: 1)
    conn.execute("CREATE VIEW v AS SELECT spy()")
    conn.execute("PRAGMA trusted_schema = OFF")
    return _raised(lambda: conn.execute("SELECT * FROM v").fetchall())


def needs_write(d: Path) -> BaseException:
    return _raised(lambda: _ro(hostile.hot_journal(d)).execute("SELECT 1 FROM meta").fetchall())


def locked(d: Path) -> BaseException:
    path = _copy(d)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    reader = sqlite3.connect(path, timeout=0)
    return _raised(lambda: reader.execute("SELECT 1 FROM meta").fetchall())


def out_of_memory(d: Path) -> BaseException:
    return _raised(lambda: sqlite3.connect(":memory:").deserialize(b""))


def bad_value(d: Path) -> BaseException:
    return _raised(lambda: sqlite3.connect(":memory:").execute("SELECT ?", (2**70,)))


def io(d: Path) -> BaseException:
    return _raised(lambda: (d / "missing" / "x").read_bytes())


def database(d: Path) -> BaseException:
    return sqlite3.DatabaseError("some future SQLite complaint")


def unexpected(d: Path) -> BaseException:
    empty: dict[str, int] = {}
    return _raised(lambda: empty["key"])


PRODUCERS: dict[str, Callable[[Path], BaseException]] = {
    "interrupted": interrupted,
    "malformed-schema": malformed_schema,
    "not-a-database": not_a_database,
    "malformed": malformed,
    "search-index": search_index,
    "bad-text": bad_text,
    "too-big": too_big,
    "unsupported-format": unsupported_format,
    "missing-table": missing_table,
    "schema-code": schema_code,
    "needs-write": needs_write,
    "locked": locked,
    "out-of-memory": out_of_memory,
    "bad-value": bad_value,
    "io": io,
    "database": database,
    "unexpected": unexpected,
}


def test_every_family_has_a_producer_here() -> None:
    assert set(PRODUCERS) == {f.key for f in errors.FAMILIES} | {errors.UNEXPECTED.key}


@pytest.mark.parametrize("key", list(PRODUCERS))
def test_each_error_family_maps_to_its_user_message(tmp_path: Path, key: str) -> None:
    exc = PRODUCERS[key](tmp_path)
    family = errors.classify(exc)
    assert family.key == key, f"{type(exc).__name__}: {exc}"
    error = errors.ArchiveCorrupt.from_exception(tmp_path / "x.sqlite", exc)
    assert error.family == key
    assert error.message.startswith(f"Cannot open “{tmp_path / 'x.sqlite'}”: ")
    assert error.problem.startswith(family.problem)
    assert "Traceback" not in error.message and "\n" not in error.message


def test_user_messages_are_distinct_sentences() -> None:
    problems = [f.problem for f in (*errors.FAMILIES, errors.UNEXPECTED)]
    assert len(set(problems)) == len(problems)
    assert all(
        (p[0].islower() or p.startswith("SQLite")) and not p.endswith(".") and len(p) > 20
        for p in problems
    )


def test_sqlalchemy_wrappers_are_looked_through(tmp_path: Path) -> None:
    from sqlalchemy.exc import DatabaseError

    inner = PRODUCERS["malformed"](tmp_path)
    wrapped = DatabaseError("SELECT …", None, inner)
    assert errors.classify(wrapped).key == "malformed"
