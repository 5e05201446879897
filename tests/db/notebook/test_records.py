"""Rows inside a write transaction: archive adoption, revisions kept and bounded, rows dropped
when nothing marks them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from db.dto import Ref
from db.notebook import records
from db.notebook.model import ArchiveKey
from db.notebook.schema import migrate

NOW = "2026-12-05T10:00:00.000000Z"
REF = Ref("person", "kamenev-lev")


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    c = sqlite3.connect(":memory:", isolation_level=None)
    migrate(c)
    c.execute("BEGIN")
    yield c
    c.execute("ROLLBACK")
    c.close()


def _record(conn: sqlite3.Connection) -> int:
    archive = records.archive_for_write(conn, ArchiveKey("id", "Title"))
    return records.ensure_record(conn, archive, REF, "Lev Kamenev", NOW)


def _revisions(conn: sqlite3.Connection, pk: int) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT text, reason FROM revision WHERE record_pk = ? ORDER BY pk", (pk,)
    ).fetchall()


def test_an_archive_keyed_by_title_is_adopted_by_its_id() -> None:
    c = sqlite3.connect(":memory:", isolation_level=None)
    migrate(c)
    old = records.archive_for_write(c, ArchiveKey("", "Synthetic"))
    assert records.archive_for_write(c, ArchiveKey("uuid", "Synthetic")) == old
    assert records.find_archive(c, ArchiveKey("uuid", "Renamed")) == old
    assert records.find_archive(c, ArchiveKey("", "Synthetic")) is None  # it has an id now
    c.close()


def test_an_instances_own_autosaves_keep_no_revision(conn: sqlite3.Connection) -> None:
    pk = _record(conn)
    for text in ("d", "dr", "dra", "draft"):
        records.write_note(conn, pk, text, "me", NOW)
    assert _revisions(conn, pk) == []


@pytest.mark.parametrize(
    ("writer", "new", "reason"),
    [("someone else", "theirs", "replaced"), ("me", "", "cleared"), ("me", "x", "shortened")],
)
def test_replaced_cleared_or_cut_text_is_kept(
    conn: sqlite3.Connection, writer: str, new: str, reason: str
) -> None:
    pk = _record(conn)
    records.write_note(conn, pk, "a text of some length", "me", NOW)
    assert records.write_note(conn, pk, new, writer, NOW)
    assert _revisions(conn, pk) == [("a text of some length", reason)]


def test_the_same_text_is_not_kept_twice(conn: sqlite3.Connection) -> None:
    pk = _record(conn)
    assert records.add_revision(conn, pk, "same", NOW, "replaced")
    assert not records.add_revision(conn, pk, "same", NOW, "imported")
    assert not records.add_revision(conn, pk, "", NOW, "cleared")
    assert len(_revisions(conn, pk)) == 1


def test_history_is_bounded_oldest_first_out(conn: sqlite3.Connection) -> None:
    pk = _record(conn)
    for n in range(records.MAX_REVISIONS + 5):
        records.add_revision(conn, pk, f"text {n}", NOW, "replaced")
    kept = [t for t, _ in _revisions(conn, pk)]
    assert len(kept) == records.MAX_REVISIONS and kept[0] == "text 5"


def test_an_unmarked_row_is_dropped_unless_it_has_history(conn: sqlite3.Connection) -> None:
    pk = _record(conn)
    records.refresh(conn, pk)
    assert records.find_record(conn, 1, REF) is None
    pk = _record(conn)
    records.add_revision(conn, pk, "old", NOW, "cleared")
    records.refresh(conn, pk)
    assert records.find_record(conn, 1, REF) == pk


def test_the_search_key_folds_label_note_and_tags(conn: sqlite3.Connection) -> None:
    pk = _record(conn)
    records.write_note(conn, pk, "Допрос ЁЖОВА", "me", NOW)
    conn.execute("INSERT INTO tag VALUES (?, 'trial', 'Trial', ?)", (pk, NOW))
    records.refresh(conn, pk)
    (key,) = conn.execute("SELECT search_key FROM record WHERE pk = ?", (pk,)).fetchone()
    assert key == "lev kamenev\nдопрос ежова\ntrial"
