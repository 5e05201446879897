"""The People pane's first page by ``sqlite3`` alone, before the rest of the app is imported.

:func:`first_people_page` reads the first page by rank range — the same rows
:func:`db.listing.page` gives (a test compares them for every sort) — and returns each row's
fields as :class:`db.dto.PersonRow` has them, without importing the DTO module (19 dataclasses
cost ~10 ms to define, a tenth of the bare window's whole start-up).
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from typing import Any

from db import rank_tail, vocab
from db.i18n import N_, _

#: What a list cell shows for a value the archive says is not known (translated where made).
UNKNOWN = N_("unknown")
#: What a list cell shows where nothing applies (no tribunal, no sentence: never tried).
NOT_APPLICABLE = "—"

#: People sort key → its rank column (the same as :data:`db.listing.PEOPLE`'s sorts).
PEOPLE_RANKS = {
    "name": "rank_name",
    "name_ru": "rank_name_ru",
    "role": "rank_role",
    "tribunal": "rank_tribunal",
    "sentence": "rank_sentence",
    "birth_year": "rank_birth",
}

_PERSON_COLUMNS = (
    "pk",
    "id",
    "sort_name",
    "name_ru",
    "role",
    "tribunal",
    "sentence_kind",
    "sentence_years",
    "birth_year",
    "death_year",
    "sex",
)
_PersonRecord = namedtuple("_PersonRecord", _PERSON_COLUMNS)  # type: ignore[misc]


def person_fields(r: Any) -> dict[str, Any]:
    """The fields of a People row (:class:`db.dto.PersonRow`) from a record with the person
    columns as attributes.

    Unknown and not-applicable values read the same in every column: :data:`UNKNOWN` (in the
    interface language) and :data:`NOT_APPLICABLE`; a missing year is None (shown as unknown).
    """
    return dict(
        pk=int(r.pk),
        id=str(r.id),
        name=str(r.sort_name),
        name_ru=str(r.name_ru),
        role=vocab.role_label(str(r.role), r.sex if isinstance(r.sex, str) else None),
        tribunal=_tribunal(str(r.tribunal)),
        sentence=_sentence(str(r.sentence_kind), r.sentence_years),
        birth_year=r.birth_year if isinstance(r.birth_year, int) else None,
        death_year=r.death_year if isinstance(r.death_year, int) else None,
    )


def _tribunal(key: str) -> str:
    if key == "none":
        return NOT_APPLICABLE
    if key == "unknown":
        return _(UNKNOWN)
    return vocab.TRIBUNALS.get(key, key)


def _sentence(kind: str, years: object) -> str:
    if kind == "none":
        return NOT_APPLICABLE
    n = years if isinstance(years, int) else None
    if kind == "unknown" and n is None:
        return _(UNKNOWN)
    return vocab.sentence_label(kind, n)


def first_people_page(
    conn: sqlite3.Connection, sort: str, descending: bool, limit: int
) -> tuple[int, list[dict[str, Any]]]:
    """``(total, rows)``: how many people there are and the fields of the first ``limit``.

    Two index probes: the largest rank (= the row count, ranks are dense) and one rank range.
    An unknown sort key falls back to the name, as the pane does.
    """
    key = sort if sort in PEOPLE_RANKS else "name"
    rank = PEOPLE_RANKS[key]
    total = int(conn.execute(f"SELECT max({rank}) FROM person").fetchone()[0] or 0)
    tail = rank_tail.PERSON_TAILS.get(key) if descending else None
    known = total
    if tail is not None:
        probe = f"SELECT {tail} FROM person WHERE {rank} = ?"

        def unknown_at(r: int) -> bool:
            row = conn.execute(probe, (r,)).fetchone()
            return bool(row and row[0])

        known = rank_tail.known_ranks(unknown_at, total)
    rows: list[dict[str, Any]] = []
    for lo, hi, backwards in rank_tail.rank_runs(0, limit, total, known, descending):
        sql = (
            f"SELECT {', '.join(_PERSON_COLUMNS)} FROM person WHERE {rank} BETWEEN ? AND ? "
            f"ORDER BY {rank} {'DESC' if backwards else 'ASC'}"
        )
        rows += [person_fields(_PersonRecord(*r)) for r in conn.execute(sql, (lo, hi))]
    return total, rows
