"""Import a notebook JSON export (:mod:`db.notebook.exchange`) by merging it into a notebook.

The whole file is checked before anything is written, then merged in one transaction: a
malformed file raises :class:`ImportFailed` with one sentence and leaves the notebook as it
was; a ``kill -9`` during the merge leaves it as it was too.  Merging never duplicates:

- a record new to the notebook is added as it is in the file (its times included);
- bookmarks and tags are united;
- of two different note texts the newer (``note_changed``) becomes current and the other is
  kept as a revision, so importing a colleague's notes never loses one's own;
- revisions and saved searches are added unless the same text or name is there already (a
  saved search of the same name but other content is replaced when the file's is newer).

Importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from db.dto import Ref
from db.errors import Text
from db.i18n import N_
from db.notebook import records
from db.notebook.clock import parse_any, to_text
from db.notebook.errors import ImportFailed
from db.notebook.model import (
    MAX_LABEL,
    MAX_SEARCH_NAME,
    MAX_SEARCH_TEXT,
    ArchiveKey,
    ImportReport,
    check_ref,
    clean_line,
    clean_tag,
    clean_text,
    frozen_filters,
    tag_key,
)
from db.notebook.notebook import Notebook

#: ``format`` of a notebook export, and the newest ``version`` this code reads.
FORMAT = "kremlin-archive-notebook"
VERSION = 1
#: Largest file imported (characters).
MAX_IMPORT = 200_000_000
#: Revision reasons a file may carry.
REASONS = ("replaced", "cleared", "shortened", "imported", "import-replaced")

T = TypeVar("T")

_FAILED = N_("The file cannot be imported ({problem}); nothing was imported.")
_NOT_JSON = N_("it is not JSON: {error}")
_NOT_EXPORT = N_("it is not a notebook export of this app")
_NEWER = N_("it was exported by a newer version of this app")
_TOO_BIG = N_("it is larger than {n:,} characters")
_BAD_FIELD = N_("{where} is missing or wrong")
_BAD_VALUE = N_("{where}: {error}")


@dataclass
class _Revision:
    text: str
    saved: str
    reason: str


@dataclass
class _Record:
    ref: Ref
    label: str | None
    bookmarked: bool
    note: str
    note_changed: str | None
    changed: str
    tags: list[str]
    revisions: list[_Revision]


@dataclass
class _Search:
    name: str
    text: str
    filters: str
    created: str
    changed: str


@dataclass
class _Archive:
    key: ArchiveKey
    records: list[_Record] = field(default_factory=list)
    searches: list[_Search] = field(default_factory=list)


@dataclass
class _Counts:
    records_added: int = 0
    records_updated: int = 0
    notes_replaced: int = 0
    notes_kept_as_revision: int = 0
    tags_added: int = 0
    bookmarks_added: int = 0
    searches_added: int = 0


class _Bad(Exception):
    def __init__(self, text: Text) -> None:
        super().__init__(text.template)
        self.text = text


def _fail(text: Text) -> ImportFailed:
    return ImportFailed(Text(_FAILED, problem=text))


# -- checking the file ------------------------------------------------------------------------


def _get(obj: Any, name: str, kind: type[T], where: str, optional: bool = False) -> T:
    value = obj.get(name) if isinstance(obj, dict) else None
    if value is None and optional:
        return value  # type: ignore[return-value]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Bad(Text(_BAD_FIELD, where=f"{where}.{name}"))
    return value


def _checked(where: str, convert: Callable[[], T]) -> T:
    try:
        return convert()
    except (ValueError, TypeError, OverflowError) as exc:
        raise _Bad(Text(_BAD_VALUE, where=where, error=str(exc))) from exc


def _time(obj: Any, name: str, where: str, optional: bool = False) -> str | None:
    value = _get(obj, name, str, where, optional)
    if value is None:
        return None
    return to_text(_checked(f"{where}.{name}", partial(parse_any, value)))


def _text(obj: Any, name: str, where: str) -> str:
    return _checked(f"{where}.{name}", partial(clean_text, _get(obj, name, str, where)))


def _record(raw: Any, where: str) -> _Record:
    kind = _get(raw, "kind", str, where)
    ident = _get(raw, "id", str, where)
    ref = _checked(f"{where}.id", partial(check_ref, Ref(kind, ident)))
    label = _get(raw, "label", str, where, optional=True)
    note = _text(raw, "note", where)
    tags = []
    for i, tag in enumerate(_get(raw, "tags", list, where)):
        if not isinstance(tag, str):
            raise _Bad(Text(_BAD_FIELD, where=f"{where}.tags[{i}]"))
        tags.append(_checked(f"{where}.tags[{i}]", partial(clean_tag, tag)))
    revisions = []
    for i, rev in enumerate(_get(raw, "revisions", list, where)):
        here = f"{where}.revisions[{i}]"
        reason = _get(rev, "reason", str, here)
        if reason not in REASONS:
            raise _Bad(Text(_BAD_FIELD, where=f"{here}.reason"))
        revisions.append(
            _Revision(_text(rev, "text", here), _time(rev, "saved", here) or "", reason)
        )
    return _Record(
        ref,
        clean_line(label, MAX_LABEL) or None if label else None,
        _get(raw, "bookmarked", bool, where),
        note,
        _time(raw, "note_changed", where, optional=True),
        _time(raw, "changed", where) or "",
        tags,
        revisions,
    )


def _search(raw: Any, where: str) -> _Search:
    name = clean_line(_get(raw, "name", str, where), MAX_SEARCH_NAME)
    if not name:
        raise _Bad(Text(_BAD_FIELD, where=f"{where}.name"))
    filters = _checked(
        f"{where}.filters", partial(frozen_filters, _get(raw, "filters", dict, where))
    )
    return _Search(
        name,
        clean_line(_get(raw, "text", str, where), MAX_SEARCH_TEXT),
        json.dumps(dict(filters), ensure_ascii=False, sort_keys=True),
        _time(raw, "created", where) or "",
        _time(raw, "changed", where) or "",
    )


def parse(text: str) -> list[_Archive]:
    """Check a whole export; raises :class:`ImportFailed` naming the first problem."""
    if len(text) > MAX_IMPORT:
        raise _fail(Text(_TOO_BIG, n=MAX_IMPORT))
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise _fail(Text(_NOT_JSON, error=str(exc))) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _fail(Text(_NOT_EXPORT))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(Text(_NOT_EXPORT))
    if version > VERSION:
        raise _fail(Text(_NEWER))
    try:
        out = []
        for i, raw in enumerate(_get(doc, "archives", list, "$")):
            where = f"archives[{i}]"
            key = ArchiveKey(
                clean_line(_get(raw, "archive_id", str, where), 500),
                clean_line(_get(raw, "title", str, where), 500),
            )
            if not key.title and not key.archive_id:
                raise _Bad(Text(_BAD_FIELD, where=f"{where}.title"))
            part = _Archive(key)
            for j, rec in enumerate(_get(raw, "records", list, where)):
                part.records.append(_record(rec, f"{where}.records[{j}]"))
            for j, s in enumerate(_get(raw, "saved_searches", list, where)):
                part.searches.append(_search(s, f"{where}.saved_searches[{j}]"))
            out.append(part)
    except _Bad as bad:
        raise _fail(bad.text) from None
    return out


# -- merging --------------------------------------------------------------------------------


def _merge_record(conn: Any, archive_pk: int, rec: _Record, counts: _Counts) -> None:
    pk = records.find_record(conn, archive_pk, rec.ref)
    added = pk is None
    if pk is None:
        cur = conn.execute(
            "INSERT INTO record (archive_pk, kind, ref_id, label, bookmarked, note, note_changed, "
            "changed, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
            "(SELECT coalesce(max(seq), 0) + 1 FROM record))",
            (archive_pk, rec.ref.kind, rec.ref.id, rec.label, int(rec.bookmarked), rec.note,
             rec.note_changed, rec.changed),
        )  # fmt: skip
        pk = int(cur.lastrowid)
        counts.records_added += 1
        changed = False
    else:
        changed = _merge_existing(conn, pk, rec, counts)
    for tag in rec.tags:
        cur = conn.execute(
            "INSERT OR IGNORE INTO tag (record_pk, key, tag, added) VALUES (?, ?, ?, ?)",
            (pk, tag_key(tag), tag, rec.changed),
        )
        if cur.rowcount:
            changed = True
            counts.tags_added += 1
    for rev in rec.revisions:
        changed |= records.add_revision(conn, pk, rev.text, rev.saved, rev.reason)
    if changed and not added:
        counts.records_updated += 1
        conn.execute(
            "UPDATE record SET changed = max(changed, ?), "
            "seq = (SELECT coalesce(max(seq), 0) + 1 FROM record) WHERE pk = ?",
            (rec.changed, pk),
        )
    records.refresh(conn, pk)


def _merge_existing(conn: Any, pk: int, rec: _Record, counts: _Counts) -> bool:
    label, bookmarked, note, note_changed = conn.execute(
        "SELECT label, bookmarked, note, note_changed FROM record WHERE pk = ?", (pk,)
    ).fetchone()
    changed = False
    if rec.label and not label:
        conn.execute("UPDATE record SET label = ? WHERE pk = ?", (rec.label, pk))
        changed = True
    if rec.bookmarked and not bookmarked:
        conn.execute("UPDATE record SET bookmarked = 1 WHERE pk = ?", (pk,))
        counts.bookmarks_added += 1
        changed = True
    if rec.note != note and (rec.note or rec.note_changed):
        theirs = rec.note_changed or rec.changed
        if note_changed is None or theirs > note_changed:
            records.add_revision(conn, pk, note, note_changed or theirs, "import-replaced")
            conn.execute(
                "UPDATE record SET note = ?, note_changed = ?, note_writer = '' WHERE pk = ?",
                (rec.note, theirs, pk),
            )
            counts.notes_replaced += 1
            changed = True
        elif records.add_revision(conn, pk, rec.note, theirs, "imported"):
            counts.notes_kept_as_revision += 1
            changed = True
    return changed


def _merge_search(conn: Any, archive_pk: int, s: _Search, counts: _Counts) -> None:
    row = conn.execute(
        "SELECT pk, text, filters, changed FROM saved_search WHERE archive_pk = ? AND name = ?",
        (archive_pk, s.name),
    ).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO saved_search (archive_pk, name, text, filters, created, changed) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (archive_pk, s.name, s.text, s.filters, s.created, s.changed),
        )
        counts.searches_added += 1
    elif (row[1], row[2]) != (s.text, s.filters) and s.changed > row[3]:
        conn.execute(
            "UPDATE saved_search SET text = ?, filters = ?, changed = ? WHERE pk = ?",
            (s.text, s.filters, s.changed, row[0]),
        )
        counts.searches_added += 1


def import_json(nb: Notebook, text: str) -> ImportReport:
    """Merge a JSON export into ``nb`` (see the module docstring); what changed.

    Raises:
        ImportFailed: the text is not an export this version reads (nothing was written).
        NotebookReadOnly, NotebookBusy, NotebookWriteFailed: nothing was written.
    """
    plan = parse(text)
    counts = _Counts()
    with nb._transaction() as conn:
        for part in plan:
            archive_pk = records.archive_for_write(conn, part.key)
            for rec in part.records:
                _merge_record(conn, archive_pk, rec, counts)
            for s in part.searches:
                _merge_search(conn, archive_pk, s, counts)
    return ImportReport(**vars(counts))
