"""Rows of the notebook, inside a write transaction: archives, records, notes, tags, revisions.

Every function takes the connection of a transaction its caller opened (``BEGIN IMMEDIATE``);
none commits.  Times are passed in as stored text (:mod:`db.notebook.clock`), so a whole
transaction carries one time.
"""

from __future__ import annotations

import sqlite3

from db.dto import Ref
from db.notebook.model import ArchiveKey, fold

#: Earlier texts kept per record (the oldest go first).
MAX_REVISIONS = 50

_NEXT_SEQ = "(SELECT coalesce(max(seq), 0) + 1 FROM record)"


def find_archive(conn: sqlite3.Connection, key: ArchiveKey) -> int | None:
    """The archive row of ``key``: by its id, else (an archive keyed by title) by its title."""
    if key.archive_id:
        row = conn.execute("SELECT pk FROM archive WHERE archive_id = ?", (key.archive_id,))
        found = row.fetchone()
        if found is not None:
            return int(found[0])
    row = conn.execute("SELECT pk FROM archive WHERE archive_id = '' AND title = ?", (key.title,))
    found = row.fetchone()
    return None if found is None else int(found[0])


def archive_for_write(conn: sqlite3.Connection, key: ArchiveKey) -> int:
    """The archive row of ``key``, created if new.

    A row keyed by title alone is adopted by the first archive of that title that has an id
    (notes made before the archive carried an id follow it); an id's row takes the archive's
    current title.
    """
    pk = find_archive(conn, key)
    if pk is None:
        cur = conn.execute(
            "INSERT INTO archive (archive_id, title) VALUES (?, ?)", (key.archive_id, key.title)
        )
        return int(cur.lastrowid or 0)
    if key.archive_id:
        conn.execute(
            "UPDATE archive SET archive_id = ?, title = ? WHERE pk = ? "
            "AND (archive_id <> ? OR title <> ?)",
            (key.archive_id, key.title, pk, key.archive_id, key.title),
        )
    return pk


def find_record(conn: sqlite3.Connection, archive_pk: int, ref: Ref) -> int | None:
    """The record row of ``ref`` in an archive, if any."""
    found = conn.execute(
        "SELECT pk FROM record WHERE archive_pk = ? AND kind = ? AND ref_id = ?",
        (archive_pk, ref.kind, ref.id),
    ).fetchone()
    return None if found is None else int(found[0])


def ensure_record(
    conn: sqlite3.Connection, archive_pk: int, ref: Ref, label: str | None, now: str
) -> int:
    """The record row of ``ref``, created (unmarked) if new; ``label`` stored when given."""
    pk = find_record(conn, archive_pk, ref)
    if pk is None:
        cur = conn.execute(
            f"INSERT INTO record (archive_pk, kind, ref_id, label, changed, seq) "
            f"VALUES (?, ?, ?, ?, ?, {_NEXT_SEQ})",
            (archive_pk, ref.kind, ref.id, label, now),
        )
        return int(cur.lastrowid or 0)
    if label:
        conn.execute(
            "UPDATE record SET label = ? WHERE pk = ? AND label IS NOT ?", (label, pk, label)
        )
    return pk


def touch(conn: sqlite3.Connection, record_pk: int, now: str) -> None:
    """Mark the record as changed now (newest first in the notebook)."""
    conn.execute(
        f"UPDATE record SET changed = max(changed, ?), seq = {_NEXT_SEQ} WHERE pk = ?",
        (now, record_pk),
    )


def add_revision(
    conn: sqlite3.Connection, record_pk: int, text: str, saved: str, reason: str
) -> bool:
    """Keep ``text`` as an earlier version of the note (never twice); True if added."""
    if not text:
        return False
    same = conn.execute(
        "SELECT 1 FROM revision WHERE record_pk = ? AND text = ?", (record_pk, text)
    ).fetchone()
    if same is not None:
        return False
    conn.execute(
        "INSERT INTO revision (record_pk, text, saved, reason) VALUES (?, ?, ?, ?)",
        (record_pk, text, saved, reason),
    )
    conn.execute(
        "DELETE FROM revision WHERE record_pk = ? AND pk NOT IN "
        "(SELECT pk FROM revision WHERE record_pk = ? ORDER BY pk DESC LIMIT ?)",
        (record_pk, record_pk, MAX_REVISIONS),
    )
    return True


def write_note(conn: sqlite3.Connection, record_pk: int, text: str, writer: str, now: str) -> bool:
    """Make ``text`` the note's current text; True if it changed.

    The text it replaces is kept as a revision when another instance wrote it (so two
    instances never silently lose each other's text), when the note is cleared, or when the
    new text is less than half as long; an instance's own autosaves as the user types are not.
    """
    old, old_writer, old_saved = conn.execute(
        "SELECT note, note_writer, note_changed FROM record WHERE pk = ?", (record_pk,)
    ).fetchone()
    if old == text:
        return False
    if old:
        reason = None
        if not text:
            reason = "cleared"
        elif old_writer != writer:
            reason = "replaced"
        elif len(text) < len(old) // 2:
            reason = "shortened"
        if reason:
            add_revision(conn, record_pk, old, old_saved or now, reason)
    conn.execute(
        "UPDATE record SET note = ?, note_writer = ?, note_changed = ? WHERE pk = ?",
        (text, writer, now, record_pk),
    )
    touch(conn, record_pk, now)
    return True


def refresh(conn: sqlite3.Connection, record_pk: int) -> None:
    """Recompute the record's search key; drop the row if nothing marks it any more.

    A row with earlier note texts (revisions) is kept, so a cleared note can be brought back.
    """
    row = conn.execute(
        "SELECT label, note, bookmarked FROM record WHERE pk = ?", (record_pk,)
    ).fetchone()
    if row is None:
        return
    label, note, bookmarked = row
    tags = [t for (t,) in conn.execute("SELECT tag FROM tag WHERE record_pk = ?", (record_pk,))]
    if not (bookmarked or note or tags):
        kept = conn.execute(
            "SELECT 1 FROM revision WHERE record_pk = ? LIMIT 1", (record_pk,)
        ).fetchone()
        if kept is None:
            conn.execute("DELETE FROM record WHERE pk = ?", (record_pk,))
            return
    key = fold("\n".join([label or "", note, *tags]))
    conn.execute(
        "UPDATE record SET search_key = ? WHERE pk = ? AND search_key <> ?",
        (key, record_pk, key),
    )


def save_search(
    conn: sqlite3.Connection, archive_pk: int, name: str, text: str, filters: str, now: str
) -> tuple[int, str, str, str, str]:
    """Save (or, by name, replace) a search; its row (pk, name, text, filters, created)."""
    conn.execute(
        "INSERT INTO saved_search (archive_pk, name, text, filters, created, changed) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (archive_pk, name) DO UPDATE SET "
        "text = excluded.text, filters = excluded.filters, changed = excluded.changed",
        (archive_pk, name, text, filters, now, now),
    )
    row: tuple[int, str, str, str, str] = conn.execute(
        "SELECT pk, name, text, filters, created FROM saved_search "
        "WHERE archive_pk = ? AND name = ?",
        (archive_pk, name),
    ).fetchone()
    return row
