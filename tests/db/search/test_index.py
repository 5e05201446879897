"""The search tables: their definitions, the text index's rowid blocks, and what fill wrote.

:func:`create` must make exactly the search tables the gate expects and that :func:`fill`
wrote into the bundled archive (same names, same SQL); each kind must own one disjoint
``text_fts`` rowid block; and every rowid the bundled archive's text index holds must lie in a
block and name an existing record of that kind.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from itertools import pairwise

import pytest

from db import gate
from db.search import index, translit
from db.search.index import KIND_CODES, KIND_SHIFT, kind_range


def test_kind_codes_are_unique() -> None:
    assert len(set(KIND_CODES.values())) == len(KIND_CODES)


def test_kind_ranges_are_disjoint_blocks_of_the_kind_code() -> None:
    ranges = sorted(kind_range(kind) for kind in KIND_CODES)
    assert all(hi < lo for (_lo, hi), (lo, _hi) in pairwise(ranges))
    for kind, code in KIND_CODES.items():
        lo, hi = kind_range(kind)
        assert lo >> KIND_SHIFT == code and hi >> KIND_SHIFT == code
        assert hi - lo + 1 == 1 << KIND_SHIFT  # room for every pk below 2**40


def test_a_pk_shifted_into_its_kinds_block_lies_in_no_other() -> None:
    for kind, code in KIND_CODES.items():
        for pk in (1, 1 << 32, (1 << KIND_SHIFT) - 1):
            rowid = code << KIND_SHIFT | pk
            owners = [k for k in KIND_CODES if kind_range(k)[0] <= rowid <= kind_range(k)[1]]
            assert owners == [kind]


def _schema(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    return {
        (str(t), str(n), " ".join(str(s or "").split()))
        for t, n, s in conn.execute("SELECT type, name, sql FROM sqlite_schema")
    }


@pytest.fixture(scope="module")
def created() -> Iterator[set[tuple[str, str, str]]]:
    """Every object :func:`index.create` makes in an empty in-memory database."""
    conn = sqlite3.connect(":memory:")
    try:
        index.create(conn)
        yield _schema(conn)
    finally:
        conn.close()


def test_create_makes_exactly_the_search_tables_the_gate_expects(
    created: set[tuple[str, str, str]],
) -> None:
    virtual = sorted(n for t, n, s in created if s.upper().startswith("CREATE VIRTUAL TABLE"))
    assert tuple(virtual) == gate.search_tables() == ("person_fts", "text_fts")
    plain = {n for t, n, s in created if t == "table" and not s.upper().startswith("CREATE V")}
    shadow = {n for n in plain if n.startswith(("person_fts_", "text_fts_"))}
    assert plain - shadow == {"search_vocab", "search_words"}


def test_create_makes_what_fill_wrote_into_the_bundled_archive(
    raw: sqlite3.Connection, created: set[tuple[str, str, str]]
) -> None:
    names = {n for _t, n, _s in created}
    in_archive = {
        obj
        for obj in _schema(raw)
        if obj[1] in names or obj[1].startswith(("search_", "person_fts", "text_fts"))
    }
    assert in_archive == created


@pytest.fixture(scope="module")
def text_rowids(raw: sqlite3.Connection) -> set[int]:
    """Every rowid of the archive's text index: the matches of each indexed word."""
    rowids: set[int] = set()
    for (key,) in raw.execute("SELECT key FROM search_words").fetchall():
        rowids.update(
            int(r[0])
            for r in raw.execute("SELECT rowid FROM text_fts WHERE text_fts MATCH ?", (f'"{key}"',))
        )
    return rowids


def test_every_text_index_rowid_names_a_record_of_its_kind(
    raw: sqlite3.Connection, text_rowids: set[int]
) -> None:
    by_kind: dict[str, set[int]] = {kind: set() for kind in KIND_CODES}
    for rowid in text_rowids:
        (kind,) = [k for k in KIND_CODES if kind_range(k)[0] <= rowid <= kind_range(k)[1]]
        by_kind[kind].add(rowid - kind_range(kind)[0])
    for kind, pks in by_kind.items():
        stored = {int(r[0]) for r in raw.execute(f"SELECT pk FROM {kind}")}
        assert pks and pks <= stored, kind


def test_every_titled_record_is_in_the_text_index(
    raw: sqlite3.Connection, text_rowids: set[int]
) -> None:
    for kind in ("event", "document", "source"):
        lo, _hi = kind_range(kind)
        pks = {int(r[0]) for r in raw.execute(f"SELECT pk FROM {kind} WHERE title != ''")}
        assert {lo + pk for pk in pks} <= text_rowids, kind


def test_person_index_rowids_are_person_pks(raw: sqlite3.Connection) -> None:
    rows = raw.execute("SELECT pk, name_ru FROM person").fetchall()
    wrong = [
        pk
        for pk, name in rows
        if not raw.execute(
            "SELECT 1 FROM person_fts WHERE person_fts MATCH ? AND rowid = ?",
            (f'"{translit.keys_of(str(name))[0]}"', pk),
        ).fetchone()
    ]
    assert wrong == []
