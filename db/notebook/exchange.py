"""Export the notebook as JSON (a full backup that :func:`import_json` merges back) or CSV.

The JSON document (:data:`FORMAT`, version :data:`VERSION`)::

    {"format": "kremlin-archive-notebook", "version": 1, "exported": "2026-12-05T10:11:12.000000Z",
     "archives": [{"archive_id": "…", "title": "…",
                   "records": [{"kind": "person", "id": "kamenev-lev", "label": "…",
                                "bookmarked": true, "note": "…", "note_changed": "…Z",
                                "changed": "…Z", "tags": ["trial"],
                                "revisions": [{"text": "…", "saved": "…Z", "reason": "replaced"}]}],
                   "saved_searches": [{"name": "…", "text": "…", "filters": {"tribunal": "…"},
                                       "created": "…Z", "changed": "…Z"}]}]}

Records come sorted by kind and id, so two exports of the same notebook differ only in
``exported``.  Note text is data: JSON escapes it (and C1 controls and line separators are
written as ``\\u`` escapes too); CSV cells go through :func:`db.export.neutral`, so no spreadsheet
runs a note as a formula.  These functions return text; the caller writes it atomically.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from typing import Any

from db.export import neutral
from db.notebook import reading
from db.notebook.clock import to_text, utc_now
from db.notebook.importer import FORMAT, VERSION, import_json
from db.notebook.model import ArchiveKey
from db.notebook.notebook import Notebook
from db.notebook.records import find_archive

__all__ = ["CSV_COLUMNS", "FORMAT", "VERSION", "dump", "export_csv", "export_json", "import_json"]

#: Columns of the CSV export.
CSV_COLUMNS = (
    "archive",
    "archive_id",
    "kind",
    "id",
    "label",
    "bookmarked",
    "tags",
    "note",
    "changed",
)
#: JSON leaves these raw; a terminal or an old JavaScript parser should not see them raw.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


def _archive_dump(conn: sqlite3.Connection, pk: int, key: ArchiveKey) -> dict[str, Any]:
    tags = reading.tags_by_record(conn, pk)
    revisions: dict[int, list[dict[str, str]]] = {}
    for record_pk, text, saved, reason in conn.execute(
        "SELECT v.record_pk, v.text, v.saved, v.reason FROM revision v "
        "JOIN record r ON r.pk = v.record_pk WHERE r.archive_pk = ? ORDER BY v.pk",
        (pk,),
    ):
        revisions.setdefault(record_pk, []).append({"text": text, "saved": saved, "reason": reason})
    rows = conn.execute(
        "SELECT pk, kind, ref_id, label, bookmarked, note, note_changed, changed FROM record "
        "WHERE archive_pk = ? ORDER BY kind, ref_id",
        (pk,),
    )
    out_records = [
        {
            "kind": kind,
            "id": ref_id,
            "label": label,
            "bookmarked": bool(bookmarked),
            "note": note,
            "note_changed": note_changed,
            "changed": changed,
            "tags": list(tags.get(rpk, ())),
            "revisions": revisions.get(rpk, []),
        }
        for rpk, kind, ref_id, label, bookmarked, note, note_changed, changed in rows
    ]
    searches = [
        {"name": n, "text": t, "filters": json.loads(f), "created": c, "changed": ch}
        for n, t, f, c, ch in conn.execute(
            "SELECT name, text, filters, created, changed FROM saved_search "
            "WHERE archive_pk = ? ORDER BY name, pk",
            (pk,),
        )
    ]
    return {
        "archive_id": key.archive_id,
        "title": key.title,
        "records": out_records,
        "saved_searches": searches,
    }


def dump(nb: Notebook, key: ArchiveKey | None) -> dict[str, Any]:
    """The notebook (one archive's part, or all of it when ``key`` is None) as a JSON value."""

    def read(conn: sqlite3.Connection) -> list[dict[str, Any]]:
        keys = nb.archives() if key is None else [key]
        out = []
        for k in keys:
            pk = find_archive(conn, k)
            if pk is not None:
                out.append(_archive_dump(conn, pk, k))
        return out

    empty: list[dict[str, Any]] = []
    archives = nb._read(read, empty)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": to_text(utc_now()),
        "archives": archives,
    }


def export_json(nb: Notebook, key: ArchiveKey | None) -> str:
    """The notebook as a JSON document (``key`` None: every archive) — see the module docstring."""
    text = json.dumps(dump(nb, key), ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def export_csv(nb: Notebook, key: ArchiveKey | None, *, bom: bool = True) -> str:
    """Every marked record as CSV (:data:`CSV_COLUMNS`), newest change first, cells neutralised.

    ``bom``: start with a UTF-8 byte-order mark so spreadsheets read Cyrillic correctly.
    """
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for k in nb.archives() if key is None else [key]:
        for e in nb.entries(k):
            writer.writerow(
                [
                    neutral(v)
                    for v in (
                        k.title,
                        k.archive_id,
                        e.ref.kind,
                        e.ref.id,
                        e.label,
                        "true" if e.bookmarked else "false",
                        "; ".join(e.tags),
                        e.note,
                        to_text(e.changed),
                    )
                ]
            )
    return ("\ufeff" if bom else "") + buf.getvalue()
