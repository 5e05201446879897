"""Orphans: marked records that the open archive does not hold (a newer data version dropped
or renamed them).  They are shown and exported, never deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from db.dto import Ref
from db.notebook.model import Entry
from db.notebook.reading import CHUNK
from db.schema import Claim, Document, Event, Person, Source

#: Kind → (table, the column the notebook's id names).
_COLUMNS: dict[str, Any] = {
    "person": Person.id,
    "event": Event.id,
    "document": Document.id,
    "source": Source.id,
    "claim": Claim.pk,
}


def orphans(entries: Iterable[Entry | Ref], conn: Connection) -> set[Ref]:
    """Which of the entries' records the archive on ``conn`` does not hold.

    One query per kind (per 500 ids); a kind the archive does not know is an orphan too.
    """
    wanted: dict[str, set[str]] = {}
    for item in entries:
        ref = item.ref if isinstance(item, Entry) else item
        wanted.setdefault(ref.kind, set()).add(ref.id)
    missing: set[Ref] = set()
    for kind, ids in wanted.items():
        column = _COLUMNS.get(kind)
        if column is None:
            missing.update(Ref(kind, i) for i in ids)
            continue
        missing.update(Ref(kind, i) for i in ids - _present(conn, column, kind, sorted(ids)))
    return missing


def _present(conn: Connection, column: Any, kind: str, ids: list[str]) -> set[str]:
    if kind == "claim":
        keys: list[Any] = [int(i) for i in ids if i.isascii() and i.isdigit()]
    else:
        keys = list(ids)
    found: set[str] = set()
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        found.update(str(v) for (v,) in conn.execute(select(column).where(column.in_(chunk))))
    return found
