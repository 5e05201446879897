"""Read and validate the human-editable source data (``resources/data``).

Each CSV file becomes a list of plain dicts with empty cells as ``None``.  :func:`load`
checks every cross-reference (person, source, event, document ids) and every controlled
value, and raises :class:`db.errors.BuildError` naming the file, row and problem, so a typo in
a reviewed diff fails the build instead of producing a silently wrong archive.
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from db import vocab
from db.errors import BuildError

Row = dict[str, str | None]

FILES = (
    "sources.csv", "people.csv", "names.csv", "sentences.csv", "relations.csv", "events.csv",
    "event_people.csv", "documents.csv", "document_people.csv", "tallies.csv", "claims.csv",
)


@dataclass
class SourceData:
    """All source tables, keyed by file stem (``people``, ``events`` …), plus archive.toml."""

    meta: dict[str, str]
    tables: dict[str, list[Row]] = field(default_factory=dict)

    def __getitem__(self, name: str) -> list[Row]:
        return self.tables[name]


def read_csv(path: Path) -> list[Row]:
    """Rows of ``path`` as dicts; blank cells become None, text is stripped."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return [
            {k: (v.strip() or None) if isinstance(v, str) else None for k, v in row.items()}
            for row in reader
        ]


def split_ids(cell: str | None) -> list[str]:
    """``"a|b"`` → ``["a", "b"]``; None → ``[]``."""
    return [s.strip() for s in (cell or "").split("|") if s.strip()]


def _fail(file: str, index: int, problem: str) -> BuildError:
    return BuildError(f"{file}, data row {index + 1}: {problem}")


def _require(file: str, rows: list[Row], columns: Iterable[str]) -> None:
    for i, row in enumerate(rows):
        for col in columns:
            if not row.get(col):
                raise _fail(file, i, f"column '{col}' is empty")


def _unique(file: str, rows: list[Row], column: str = "id") -> set[str]:
    seen: set[str] = set()
    for i, row in enumerate(rows):
        key = row[column] or ""
        if key in seen:
            raise _fail(file, i, f"duplicate {column} '{key}'")
        seen.add(key)
    return seen


def _refs(file: str, rows: list[Row], column: str, known: set[str], *, many: bool = False,
          optional: bool = False) -> None:
    for i, row in enumerate(rows):
        values = split_ids(row.get(column)) if many else [row.get(column) or ""]
        if optional and not any(values):
            continue
        if not any(values):
            raise _fail(file, i, f"no {column}")
        for v in values:
            if v not in known:
                raise _fail(file, i, f"unknown {column} '{v}'")


def _vocab(file: str, rows: list[Row], column: str, allowed: Iterable[str],
           optional: bool = False) -> None:
    allowed = set(allowed)
    for i, row in enumerate(rows):
        v = row.get(column)
        if v is None and optional:
            continue
        if v not in allowed:
            raise _fail(file, i, f"{column} '{v}' is not one of {sorted(allowed)}")


def _ints(file: str, rows: list[Row], *columns: str) -> None:
    for i, row in enumerate(rows):
        for col in columns:
            v = row.get(col)
            if v is not None and not v.lstrip("-").isdigit():
                raise _fail(file, i, f"{col} '{v}' is not a whole number")


def load(data_dir: Path) -> SourceData:
    """Read every source file under ``data_dir`` and validate it as a whole."""
    try:
        meta = tomllib.loads((data_dir / "archive.toml").read_text(encoding="utf-8"))
        tables = {name.removesuffix(".csv"): read_csv(data_dir / name) for name in FILES}
    except (OSError, tomllib.TOMLDecodeError, csv.Error, UnicodeDecodeError) as exc:
        raise BuildError(f"cannot read source data in {data_dir}: {exc}") from exc
    for key in ("title", "data_version"):
        if not isinstance(meta.get(key), str):
            raise BuildError(f"archive.toml: '{key}' must be a string")
    data = SourceData({k: str(v) for k, v in meta.items()}, tables)
    validate(data)
    return data


def validate(data: SourceData) -> None:
    """Raise BuildError on the first inconsistency found."""
    t = data.tables
    sources = _unique("sources.csv", t["sources"])
    _require("sources.csv", t["sources"], ("id", "title", "kind", "language"))
    _ints("sources.csv", t["sources"], "year")

    people = _unique("people.csv", t["people"])
    _require("people.csv", t["people"], ("id", "name_en", "name_ru", "role", "confidence"))
    _vocab("people.csv", t["people"], "role", vocab.ROLES)
    _vocab("people.csv", t["people"], "confidence", vocab.CONFIDENCE)
    _ints("people.csv", t["people"], "birth_year", "death_year")
    _refs("people.csv", t["people"], "source_ids", sources, many=True)

    _require("names.csv", t["names"], ("person_id", "name", "script", "kind"))
    _refs("names.csv", t["names"], "person_id", people)
    _vocab("names.csv", t["names"], "script", ("cyrl", "latn"))

    _unique("sentences.csv", t["sentences"])
    _require("sentences.csv", t["sentences"], ("id", "person_id", "stage", "tribunal", "kind"))
    _refs("sentences.csv", t["sentences"], "person_id", people)
    _refs("sentences.csv", t["sentences"], "source_ids", sources, many=True)
    _vocab("sentences.csv", t["sentences"], "stage", vocab.STAGES)
    _vocab("sentences.csv", t["sentences"], "tribunal", vocab.TRIBUNALS)
    _vocab("sentences.csv", t["sentences"], "kind", vocab.SENTENCE_KINDS)
    _vocab("sentences.csv", t["sentences"], "date_precision", vocab.PRECISIONS, optional=True)
    _vocab("sentences.csv", t["sentences"], "confidence", vocab.CONFIDENCE)
    _ints("sentences.csv", t["sentences"], "years")
    verdicts: set[str] = set()
    for i, row in enumerate(t["sentences"]):
        if row["stage"] == "verdict":
            if row["person_id"] in verdicts:
                raise _fail("sentences.csv", i, f"second 1935 verdict for {row['person_id']}")
            verdicts.add(row["person_id"] or "")

    _unique("relations.csv", t["relations"])
    _require("relations.csv", t["relations"], ("id", "person_id", "related_person_id", "relation"))
    _refs("relations.csv", t["relations"], "person_id", people)
    _refs("relations.csv", t["relations"], "related_person_id", people)
    _refs("relations.csv", t["relations"], "source_ids", sources, many=True)

    events = _unique("events.csv", t["events"])
    _require("events.csv", t["events"], ("id", "date", "date_precision", "title"))
    _vocab("events.csv", t["events"], "date_precision", vocab.PRECISIONS)
    _refs("events.csv", t["events"], "source_ids", sources, many=True)
    _refs("event_people.csv", t["event_people"], "event_id", events)
    _refs("event_people.csv", t["event_people"], "person_id", people)

    documents = _unique("documents.csv", t["documents"])
    _require("documents.csv", t["documents"], ("id", "date", "doc_type", "title"))
    _refs("documents.csv", t["documents"], "source_ids", sources, many=True)
    _refs("document_people.csv", t["document_people"], "document_id", documents)
    _refs("document_people.csv", t["document_people"], "person_id", people, optional=True)

    _unique("tallies.csv", t["tallies"])
    _require("tallies.csv", t["tallies"], ("id", "tribunal", "category", "label", "source_id"))
    _refs("tallies.csv", t["tallies"], "source_id", sources)
    _ints("tallies.csv", t["tallies"], "years", "count")

    subjects = {
        "person": people,
        "event": events,
        "sentence": {r["id"] or "" for r in t["sentences"]},
        "relation": {r["id"] or "" for r in t["relations"]},
        "document": documents,
    }
    _require("claims.csv", t["claims"], ("subject_kind", "subject_id", "field", "source_id"))
    _refs("claims.csv", t["claims"], "source_id", sources)
    _vocab("claims.csv", t["claims"], "subject_kind", subjects)
    _vocab("claims.csv", t["claims"], "confidence", vocab.CONFIDENCE, optional=True)
    for i, row in enumerate(t["claims"]):
        if row["subject_id"] not in subjects[row["subject_kind"] or ""]:
            raise _fail("claims.csv", i, f"unknown {row['subject_kind']} '{row['subject_id']}'")
