"""Reads of the notebook: entries, marks for a list pane, tags, revisions, saved searches.

Each function takes a connection and an archive row (``archive_pk``, None when the notebook
has nothing for that archive yet) and returns values of :mod:`db.notebook.model`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from types import MappingProxyType

from db.dto import Ref
from db.notebook.clock import from_text
from db.notebook.model import Entry, Marks, NoteRevision, SavedSearch, fold, tag_key

#: Ids per ``IN (…)`` list: well under SQLite's bound-variable limit (32766; 999 before 3.32).
CHUNK = 500

_MARKED = (
    "(r.bookmarked = 1 OR r.note <> '' OR EXISTS (SELECT 1 FROM tag t WHERE t.record_pk = r.pk))"
)


def like_pattern(word: str) -> str:
    """``%word%`` with ``\\``, ``%`` and ``_`` escaped (for ``LIKE ? ESCAPE '\\'``)."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def tags_by_record(conn: sqlite3.Connection, archive_pk: int) -> dict[int, tuple[str, ...]]:
    """Every record's tags in one query, each record's sorted by their folded form."""
    out: dict[int, list[str]] = {}
    for record_pk, tag in conn.execute(
        "SELECT t.record_pk, t.tag FROM tag t JOIN record r ON r.pk = t.record_pk "
        "WHERE r.archive_pk = ? ORDER BY t.record_pk, t.key",
        (archive_pk,),
    ):
        out.setdefault(record_pk, []).append(tag)
    return {pk: tuple(tags) for pk, tags in out.items()}


def entries(
    conn: sqlite3.Connection,
    archive_pk: int | None,
    kind: str | None = None,
    tag: str | None = None,
    text: str | None = None,
) -> list[Entry]:
    """Every marked record of the archive, newest change first, filtered as asked.

    ``text``: every word must occur (case and ё/е aside) in the note, a tag or the stored label.
    """
    if archive_pk is None:
        return []
    where = ["r.archive_pk = ?", _MARKED]
    params: list[object] = [archive_pk]
    if kind:
        where.append("r.kind = ?")
        params.append(kind)
    if tag:
        where.append("EXISTS (SELECT 1 FROM tag t WHERE t.record_pk = r.pk AND t.key = ?)")
        params.append(tag_key(tag.strip()))
    for word in fold(text or "").split():
        where.append("r.search_key LIKE ? ESCAPE '\\'")
        params.append(like_pattern(word))
    rows = conn.execute(
        "SELECT r.pk, r.kind, r.ref_id, r.label, r.bookmarked, r.note, r.changed FROM record r "
        f"WHERE {' AND '.join(where)} ORDER BY r.changed DESC, r.seq DESC",
        params,
    ).fetchall()
    tags = tags_by_record(conn, archive_pk) if rows else {}
    return [
        Entry(Ref(k, i), bool(b), note, tags.get(pk, ()), from_text(changed), label)
        for pk, k, i, label, b, note, changed in rows
    ]


def entry(conn: sqlite3.Connection, archive_pk: int | None, ref: Ref) -> Entry | None:
    """The marks of one record (None: not marked)."""
    if archive_pk is None:
        return None
    row = conn.execute(
        "SELECT r.pk, r.label, r.bookmarked, r.note, r.changed FROM record r "
        f"WHERE r.archive_pk = ? AND r.kind = ? AND r.ref_id = ? AND {_MARKED}",
        (archive_pk, ref.kind, ref.id),
    ).fetchone()
    if row is None:
        return None
    pk, label, bookmarked, note, changed = row
    return Entry(ref, bool(bookmarked), note, record_tags(conn, pk), from_text(changed), label)


def record_tags(conn: sqlite3.Connection, record_pk: int) -> tuple[str, ...]:
    """One record's tags, sorted by their folded form."""
    return tuple(
        t
        for (t,) in conn.execute(
            "SELECT tag FROM tag WHERE record_pk = ? ORDER BY key", (record_pk,)
        )
    )


def marks(
    conn: sqlite3.Connection, archive_pk: int | None, kind: str, ids: Sequence[str]
) -> dict[str, Marks]:
    """Marks of those of ``ids`` that have any (ids without a mark are absent)."""
    out: dict[str, Marks] = {}
    if archive_pk is None:
        return out
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks_sql = ", ".join("?" * len(chunk))
        for ref_id, bookmarked, noted, tagged in conn.execute(
            "SELECT r.ref_id, r.bookmarked, r.note <> '', "
            "EXISTS (SELECT 1 FROM tag t WHERE t.record_pk = r.pk) FROM record r "
            f"WHERE r.archive_pk = ? AND r.kind = ? AND r.ref_id IN ({marks_sql})",
            (archive_pk, kind, *chunk),
        ):
            if bookmarked or noted or tagged:
                out[ref_id] = Marks(bool(bookmarked), bool(noted), bool(tagged))
    return out


def all_tags(conn: sqlite3.Connection, archive_pk: int | None) -> list[str]:
    """Every tag used in the archive's notebook, most used first (for autocompletion)."""
    if archive_pk is None:
        return []
    return [
        tag
        for tag, _n in conn.execute(
            "SELECT min(t.tag), count(*) AS n FROM tag t JOIN record r ON r.pk = t.record_pk "
            "WHERE r.archive_pk = ? GROUP BY t.key ORDER BY n DESC, t.key",
            (archive_pk,),
        )
    ]


def revisions(conn: sqlite3.Connection, archive_pk: int | None, ref: Ref) -> list[NoteRevision]:
    """Earlier texts of a note, newest first."""
    if archive_pk is None:
        return []
    return [
        NoteRevision(text, from_text(saved), reason)
        for text, saved, reason in conn.execute(
            "SELECT v.text, v.saved, v.reason FROM revision v JOIN record r ON r.pk = v.record_pk "
            "WHERE r.archive_pk = ? AND r.kind = ? AND r.ref_id = ? ORDER BY v.pk DESC",
            (archive_pk, ref.kind, ref.id),
        )
    ]


def saved_search(row: tuple[int, str, str, str, str]) -> SavedSearch:
    """A ``saved_search`` row (pk, name, text, filters, created) as a value."""
    pk, name, text, filters, created = row
    loaded = json.loads(filters)
    return SavedSearch(pk, name, text, MappingProxyType(dict(loaded)), from_text(created))


def saved_searches(conn: sqlite3.Connection, archive_pk: int | None) -> list[SavedSearch]:
    """The archive's saved searches, by name (case aside)."""
    if archive_pk is None:
        return []
    found = [
        saved_search(row)
        for row in conn.execute(
            "SELECT pk, name, text, filters, created FROM saved_search WHERE archive_pk = ?",
            (archive_pk,),
        )
    ]
    return sorted(found, key=lambda s: (fold(s.name), s.id))
