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

from db import contract, vocab
from db.errors import BuildError

Row = dict[str, str | None]

FILES = (
    "sources.csv",
    "people.csv",
    "names.csv",
    "sentences.csv",
    "relations.csv",
    "events.csv",
    "event_people.csv",
    "documents.csv",
    "document_people.csv",
    "tallies.csv",
    "claims.csv",
)


@dataclass
class SourceData:
    """All source tables, keyed by file stem (``people``, ``events`` …), plus archive.toml."""

    meta: dict[str, str]
    tables: dict[str, list[Row]] = field(default_factory=dict)
    #: The file line each row starts on, by table (for messages; empty for generated data).
    lines: dict[str, list[int]] = field(default_factory=dict)

    def __getitem__(self, name: str) -> list[Row]:
        return self.tables[name]


def read_csv(path: Path) -> list[Row]:
    """Rows of ``path`` as dicts; blank cells become None, text is stripped."""
    return read_csv_lines(path)[0]


def read_csv_lines(path: Path) -> tuple[list[Row], list[int]]:
    """Rows of ``path`` and the line of the file each row starts on (for messages)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows: list[Row] = []
        lines: list[int] = []
        start = 2  # line 1 is the header
        for row in reader:
            rows.append(
                {k: (v.strip() or None) if isinstance(v, str) else None for k, v in row.items()}
            )
            lines.append(start)
            start = reader.line_num + 1
        return rows, lines


def split_ids(cell: str | None) -> list[str]:
    """``"a|b"`` → ``["a", "b"]``; None → ``[]``."""
    return [s.strip() for s in (cell or "").split("|") if s.strip()]


class Problems:
    """Every problem found in the source data, each naming file, line and column."""

    def __init__(self, lines: dict[str, list[int]]) -> None:
        self._lines = lines
        self.found: list[str] = []

    def add(self, file: str, index: int, column: str | None, problem: str) -> None:
        """Record ``problem`` of data row ``index`` (0-based) of ``file`` in ``column``."""
        rows = self._lines.get(file.removesuffix(".csv"), [])
        line = rows[index] if 0 <= index < len(rows) else index + 2
        where = f"{file}:{line}" + (f": column '{column}'" if column else "")
        self.found.append(f"{where}: {problem}")

    def raise_if_any(self) -> None:
        """Raise one :class:`BuildError` listing every problem (nothing was written)."""
        if self.found:
            shown = self.found[:MAX_PROBLEMS]
            more = len(self.found) - len(shown)
            tail = [f"… and {more:,} more"] if more else []
            raise BuildError(
                f"the source data breaks the archive contract in {len(self.found):,} "
                "place(s); nothing was written:\n" + "\n".join(shown + tail)
            )


#: Problems listed in one build error (the count says how many there were).
MAX_PROBLEMS = 50


def _require(p: Problems, file: str, rows: list[Row], columns: Iterable[str]) -> None:
    for i, row in enumerate(rows):
        for col in columns:
            if not row.get(col):
                p.add(file, i, col, "is empty")


def _unique(p: Problems, file: str, rows: list[Row], column: str = "id") -> set[str]:
    seen: set[str] = set()
    for i, row in enumerate(rows):
        key = row.get(column) or ""
        if key in seen:
            p.add(file, i, column, f"duplicate {column} '{contract.printable(key, 40)}'")
        elif key:
            problem = contract.id_problem(key)
            if problem:
                p.add(file, i, column, problem)
        seen.add(key)
    return seen


def _refs(
    p: Problems,
    file: str,
    rows: list[Row],
    column: str,
    known: set[str],
    *,
    many: bool = False,
    optional: bool = False,
) -> None:
    for i, row in enumerate(rows):
        values = split_ids(row.get(column)) if many else [row.get(column) or ""]
        if optional and not any(values):
            continue
        if not any(values):
            p.add(file, i, column, "is empty")
        for v in values:
            if v and v not in known:
                p.add(file, i, column, f"unknown id '{contract.printable(v, 40)}'")


def _vocab(
    p: Problems,
    file: str,
    rows: list[Row],
    column: str,
    allowed: Iterable[str],
    optional: bool = False,
) -> None:
    allowed = set(allowed)
    for i, row in enumerate(rows):
        v = row.get(column)
        if v is None and optional:
            continue
        if v not in allowed:
            shown = "empty" if v is None else f"'{contract.printable(v, 40)}'"
            p.add(file, i, column, f"{shown} is not one of {sorted(allowed)}")


def _ints(p: Problems, file: str, rows: list[Row], *columns: str) -> None:
    for i, row in enumerate(rows):
        for col in columns:
            v = row.get(col)
            if v is not None and not (v.lstrip("-").isascii() and v.lstrip("-").isdigit()):
                p.add(file, i, col, f"'{contract.printable(v, 40)}' is not a whole number")


def _years(p: Problems, file: str, rows: list[Row], *columns: str) -> None:
    for i, row in enumerate(rows):
        for col in columns:
            v = row.get(col)
            if v is not None and v.lstrip("-").isascii() and v.lstrip("-").isdigit():
                problem = contract.year_problem(v)
                if problem:
                    p.add(file, i, col, problem)


def _dates(
    p: Problems, file: str, rows: list[Row], precision: str | None, may_be_empty: bool
) -> None:
    for i, row in enumerate(rows):
        if not row.get("date"):
            continue  # a required date is reported as empty by _require
        given = row.get(precision) if precision else None
        problem = contract.date_problem(
            row.get("date"),
            given if given in contract.PRECISION_PARTS else None,
            may_be_empty=may_be_empty,
        )
        if problem:
            p.add(file, i, "date", problem)


def _text(p: Problems, file: str, rows: list[Row]) -> None:
    for i, row in enumerate(rows):
        for col, v in row.items():
            problem = contract.text_problem(v) if isinstance(v, str) else None
            if problem:
                p.add(file, i, col, problem)


def load(data_dir: Path) -> SourceData:
    """Read every source file under ``data_dir`` and validate it as a whole."""
    try:
        meta = tomllib.loads((data_dir / "archive.toml").read_text(encoding="utf-8"))
        read = {name.removesuffix(".csv"): read_csv_lines(data_dir / name) for name in FILES}
    except (OSError, tomllib.TOMLDecodeError, csv.Error, UnicodeDecodeError) as exc:
        raise BuildError(f"cannot read source data in {data_dir}: {exc}") from exc
    for key in ("title", "data_version"):
        if not isinstance(meta.get(key), str):
            raise BuildError(f"archive.toml: '{key}' must be a string")
    tables = {name: rows for name, (rows, _) in read.items()}
    lines = {name: numbers for name, (_, numbers) in read.items()}
    data = SourceData({k: str(v) for k, v in meta.items()}, tables, lines)
    validate(data)
    return data


def validate(data: SourceData) -> None:
    """Raise one BuildError listing every breach of the contract (:mod:`db.contract`)."""
    t = data.tables
    p = Problems(data.lines)
    for name in t:
        _text(p, f"{name}.csv", t[name])
    sources = _unique(p, "sources.csv", t["sources"])
    _require(p, "sources.csv", t["sources"], ("id", "title", "kind", "language"))
    _ints(p, "sources.csv", t["sources"], "year")
    _years(p, "sources.csv", t["sources"], "year")

    people = _unique(p, "people.csv", t["people"])
    _require(p, "people.csv", t["people"], ("id", "name_en", "name_ru", "role", "confidence"))
    _vocab(p, "people.csv", t["people"], "role", vocab.ROLES)
    _vocab(p, "people.csv", t["people"], "confidence", vocab.CONFIDENCE)
    _ints(p, "people.csv", t["people"], "birth_year", "death_year")
    _years(p, "people.csv", t["people"], "birth_year", "death_year")
    _refs(p, "people.csv", t["people"], "source_ids", sources, many=True)

    _require(p, "names.csv", t["names"], ("person_id", "name", "script", "kind"))
    _refs(p, "names.csv", t["names"], "person_id", people)
    _vocab(p, "names.csv", t["names"], "script", ("cyrl", "latn"))

    _unique(p, "sentences.csv", t["sentences"])
    _require(p, "sentences.csv", t["sentences"], ("id", "person_id", "stage", "tribunal", "kind"))
    _refs(p, "sentences.csv", t["sentences"], "person_id", people)
    _refs(p, "sentences.csv", t["sentences"], "source_ids", sources, many=True)
    _vocab(p, "sentences.csv", t["sentences"], "stage", vocab.STAGES)
    _vocab(p, "sentences.csv", t["sentences"], "tribunal", vocab.TRIBUNALS)
    _vocab(p, "sentences.csv", t["sentences"], "kind", vocab.SENTENCE_KINDS)
    _vocab(p, "sentences.csv", t["sentences"], "date_precision", vocab.PRECISIONS, optional=True)
    _vocab(p, "sentences.csv", t["sentences"], "confidence", vocab.CONFIDENCE)
    _ints(p, "sentences.csv", t["sentences"], "years")
    _dates(p, "sentences.csv", t["sentences"], "date_precision", may_be_empty=True)
    verdicts: set[str] = set()
    for i, row in enumerate(t["sentences"]):
        if row["stage"] == "verdict":
            if row["person_id"] in verdicts:
                p.add("sentences.csv", i, "stage", f"second 1935 verdict for {row['person_id']}")
            verdicts.add(row["person_id"] or "")

    _unique(p, "relations.csv", t["relations"])
    _require(
        p, "relations.csv", t["relations"], ("id", "person_id", "related_person_id", "relation")
    )
    _refs(p, "relations.csv", t["relations"], "person_id", people)
    _refs(p, "relations.csv", t["relations"], "related_person_id", people)
    _refs(p, "relations.csv", t["relations"], "source_ids", sources, many=True)

    events = _unique(p, "events.csv", t["events"])
    _require(p, "events.csv", t["events"], ("id", "date", "date_precision", "title"))
    _vocab(p, "events.csv", t["events"], "date_precision", vocab.PRECISIONS)
    _dates(p, "events.csv", t["events"], "date_precision", may_be_empty=False)
    _refs(p, "events.csv", t["events"], "source_ids", sources, many=True)
    _refs(p, "event_people.csv", t["event_people"], "event_id", events)
    _refs(p, "event_people.csv", t["event_people"], "person_id", people)

    documents = _unique(p, "documents.csv", t["documents"])
    _require(p, "documents.csv", t["documents"], ("id", "date", "doc_type", "title"))
    _dates(p, "documents.csv", t["documents"], None, may_be_empty=False)
    _refs(p, "documents.csv", t["documents"], "source_ids", sources, many=True)
    _refs(p, "document_people.csv", t["document_people"], "document_id", documents)
    _refs(p, "document_people.csv", t["document_people"], "person_id", people, optional=True)

    _unique(p, "tallies.csv", t["tallies"])
    _require(p, "tallies.csv", t["tallies"], ("id", "tribunal", "category", "label", "source_id"))
    _refs(p, "tallies.csv", t["tallies"], "source_id", sources)
    _vocab(p, "tallies.csv", t["tallies"], "tribunal", vocab.TALLY_SCOPE_KEYS)
    _ints(p, "tallies.csv", t["tallies"], "years", "count")

    subjects = {
        "person": people,
        "event": events,
        "sentence": {r["id"] or "" for r in t["sentences"]},
        "relation": {r["id"] or "" for r in t["relations"]},
        "document": documents,
    }
    _require(p, "claims.csv", t["claims"], ("subject_kind", "subject_id", "field", "source_id"))
    _refs(p, "claims.csv", t["claims"], "source_id", sources)
    _vocab(p, "claims.csv", t["claims"], "subject_kind", subjects)
    _vocab(p, "claims.csv", t["claims"], "confidence", vocab.CONFIDENCE, optional=True)
    for i, row in enumerate(t["claims"]):
        if row["subject_id"] not in subjects.get(row["subject_kind"] or "", set()):
            p.add(
                "claims.csv",
                i,
                "subject_id",
                f"unknown {row['subject_kind']} '{contract.printable(row['subject_id'] or '', 40)}'",
            )
    p.raise_if_any()
