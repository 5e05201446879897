"""The archive contract: which values every table of an archive may hold.

The builder refuses source data that breaks it (:mod:`db.build.source_data`, one message per
problem naming file, line and column) and the open gate checks it (:mod:`db.gate`), so the
viewer never meets a value it was not promised.  The rules:

* **ids** (source, person, sentence, relation, event, document, tally and every reference to
  one) are slugs: ``[a-z0-9][a-z0-9-]{0,79}`` — safe in a file name, a URL and a terminal;
* **dates** are ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and real calendar dates; where a
  table has a ``date_precision`` column (``year``, ``month``, ``day``) it says how much of the
  date is known and matches the date's length; a sentence's date may be empty: *unknown*;
* **years** (of a date, of birth and death, of a source) lie within :data:`YEAR_RANGE`
  (``1000..2100``) or are empty (unknown); code that walks years never loops on a year value;
* **ranks**: every ``rank_*`` column of ``person``, ``event`` and ``document`` holds each of
  ``1..N`` exactly once, where N is the table's row count, and ``pk`` runs ``1..N``;
* **counts**: every ``meta`` key ``<table>_count`` equals that table's row count;
* **controlled values** (:data:`VOCABULARIES`): role, tribunal, sentence kind and stage hold
  only their vocabulary's values; **unknown is not none**: a tribunal or sentence kind
  ``unknown`` (a verdict whose tribunal or sentence is not known) and ``none`` (no verdict)
  are different values and stay different;
* **text** holds no C0 or C1 control character except newline and tab (no ``ESC``, no ``NUL``,
  no ``DEL``), so no archive value can steer a terminal.

:func:`cheap_problems` checks what costs a few index probes at any size (counts against ``pk``
ends, rank ends, a spread sample of rows); :func:`full_problems` checks every row in SQL.
"""

from __future__ import annotations

import calendar
import re
import sqlite3
from collections.abc import Iterable

from db import vocab
from db.i18n import _

#: The years a date may name (this is a 20th-century case; 1000..2100 leaves room for sources).
YEAR_RANGE = range(1000, 2101)
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
#: C0 controls but tab and newline, DEL and the C1 controls.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
PRECISION_PARTS = {"year": 1, "month": 2, "day": 3}

#: Tables with a text id and a row count in ``meta``.
COUNTED = ("source", "person", "sentence", "relation", "event", "document", "claim", "tally")
ID_TABLES = ("source", "person", "sentence", "relation", "event", "document", "tally")
#: Rank columns of the list panes: each holds 1..N.
RANKS: dict[str, tuple[str, ...]] = {
    "person": (
        "rank_name",
        "rank_name_ru",
        "rank_role",
        "rank_tribunal",
        "rank_sentence",
        "rank_birth",
    ),
    "event": ("rank_date", "rank_title"),
    "document": ("rank_date", "rank_title", "rank_type"),
}
#: (table, date column, precision column or None, may be empty).
DATES: tuple[tuple[str, str, str | None, bool], ...] = (
    ("event", "date", "date_precision", False),
    ("document", "date", None, False),
    ("sentence", "date", "date_precision", True),
)
#: (table, year column): empty or within YEAR_RANGE.
YEARS: tuple[tuple[str, str], ...] = (
    ("person", "birth_year"),
    ("person", "death_year"),
    ("source", "year"),
    ("event", "year"),
    ("document", "year"),
)
#: Text columns that a reader sees, by table (ids are checked as slugs above).
TEXT: dict[str, tuple[str, ...]] = {
    "meta": ("value",),
    "source": ("author", "title", "kind", "language", "url", "note"),
    "person": (
        "name_en",
        "name_ru",
        "sort_name",
        "sex",
        "nationality",
        "occupation",
        "organisation",
        "role",
        "summary",
        "later_fate",
        "tribunal",
        "sentence_kind",
        "outcome",
    ),
    "person_name": ("name", "script", "kind", "note"),
    "sentence": ("stage", "tribunal", "kind", "notes", "confidence"),
    "relation": ("relation", "note"),
    "event": ("title", "summary"),
    "event_person": ("role",),
    "document": ("doc_type", "title", "collection", "category", "url", "persons"),
    "document_person": ("name_as_written",),
    "claim": ("subject_kind", "subject_id", "field", "value", "locator", "note"),
    "tally": ("tribunal", "category", "label", "note"),
}
#: Columns that hold a controlled value, and the values they may hold.  Tribunal and
#: sentence kind have both ``unknown`` (a verdict whose tribunal or sentence is not known)
#: and ``none`` (no verdict): the two are different facts and never stand in for each other.
VOCABULARIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("person", "role", tuple(vocab.ROLES)),
    ("person", "tribunal", tuple(vocab.TRIBUNALS)),
    ("person", "sentence_kind", tuple(vocab.SENTENCE_KINDS)),
    ("sentence", "stage", tuple(vocab.STAGES)),
    ("sentence", "tribunal", tuple(vocab.TRIBUNALS)),
    ("sentence", "kind", tuple(vocab.SENTENCE_KINDS)),
)
#: Rows :func:`cheap_problems` reads from each table (spread evenly over the pk range).
SAMPLE = 64


# -- single values ----------------------------------------------------------------------------


def id_problem(value: str | None) -> str | None:
    """Why ``value`` is not a valid id (None: it is one)."""
    if not value:
        return _("is empty")
    if not ID_PATTERN.fullmatch(value):
        return _("'{value}' is not an id (a-z, 0-9 and '-', at most 80)").format(
            value=printable(value, 40)
        )
    return None


def date_problem(
    value: str | None, precision: str | None = None, *, may_be_empty: bool = False
) -> str | None:
    """Why ``value`` (at ``precision``, if given) is not a valid ISO date (None: it is one)."""
    if not value:
        return None if may_be_empty else _("is empty (a date is required here)")
    match = _DATE.fullmatch(value)
    if match is None:
        return _("'{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)").format(
            value=printable(value, 40)
        )
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if year not in YEAR_RANGE:
        return _outside(year)
    if month is not None and not 1 <= month <= 12:
        return _("'{value}' has no month {month}").format(value=value, month=month)
    if day is not None and month is not None and not 1 <= day <= _days(year, month):
        return _("'{value}' is not a day of the calendar").format(value=value)
    if precision is not None:
        parts = PRECISION_PARTS.get(precision)
        if parts is None:
            return _("precision '{precision}' is not year, month or day").format(
                precision=printable(precision, 20)
            )
        if parts != 1 + (month is not None) + (day is not None):
            # TRANSLATORS: {precision} is the stored key: year, month or day.
            return _("'{value}' does not have {precision} precision").format(
                value=value, precision=precision
            )
    return None


def _outside(year: int) -> str:
    return _("year {year} is outside {first}..{last}").format(
        year=year, first=YEAR_RANGE.start, last=YEAR_RANGE.stop - 1
    )


def _days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def year_problem(value: int | str | None) -> str | None:
    """Why ``value`` is not an allowed year (None: empty or allowed)."""
    if value is None or value == "":
        return None
    try:
        year = int(value)
    except ValueError:
        return _("'{value}' is not a year").format(value=printable(str(value), 20))
    if year not in YEAR_RANGE:
        return _outside(year)
    return None


def text_problem(value: str | None) -> str | None:
    """Why ``value`` may not be shown (None: it may)."""
    if value is None:
        return None
    match = CONTROL.search(value)
    if match is None:
        return None
    return _("holds the control character U+{code:04X}").format(code=ord(match.group()))


def printable(text: str, limit: int = 80) -> str:
    """``text`` with control characters as visible escapes (``\\x1b``), cut to ``limit``."""
    shown = CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


# -- an archive --------------------------------------------------------------------------------


def _scalar(conn: sqlite3.Connection, sql: str, params: Iterable[object] = ()) -> object:
    row = conn.execute(sql, tuple(params)).fetchone()
    return None if row is None else row[0]


def _meta_counts(conn: sqlite3.Connection) -> tuple[dict[str, int], list[str]]:
    counts: dict[str, int] = {}
    problems: list[str] = []
    for table in COUNTED:
        raw = _scalar(conn, "SELECT value FROM meta WHERE key = ?", (f"{table}_count",))
        if raw is None:
            problems.append(_("the metadata has no {table} count").format(table=table))
            continue
        text = str(raw)
        if not text.isascii() or not text.isdigit() or len(text) > 12:
            problems.append(
                _("the metadata's {table} count '{value}' is no number").format(
                    table=table, value=printable(text, 20)
                )
            )
            continue
        counts[table] = int(text)
    return counts, problems


def _ends(conn: sqlite3.Connection, table: str, column: str) -> tuple[object, object]:
    """min and max of an indexed column: two index probes (one statement asking for both
    makes SQLite scan the whole table — 0.7 s for the claims of a 3M archive)."""
    lo = _scalar(conn, f'SELECT min("{column}") FROM "{table}"')
    hi = _scalar(conn, f'SELECT max("{column}") FROM "{table}"')
    return lo, hi


def cheap_problems(conn: sqlite3.Connection) -> list[str]:
    """Contract breaches found with index probes only (any archive size, a few ms)."""
    counts, problems = _meta_counts(conn)
    for table, n in counts.items():
        lo, hi = _ends(conn, table, "pk")
        if n == 0 and lo is None:
            continue
        if (lo, hi) != (1, n):
            problems.append(
                _(
                    "the metadata says {n:,} rows of '{table}', but its rows are numbered "
                    "{first}..{last}"
                ).format(
                    n=n,
                    table=table,
                    first=lo if lo is not None else "—",
                    last=hi if hi is not None else "—",
                )
            )
    for table, columns in RANKS.items():
        if table not in counts:
            continue
        n = counts[table]
        for column in columns:
            lo, hi = _ends(conn, table, column)
            if n and (lo, hi) != (1, n):
                problems.append(
                    _(
                        "the list order '{table}.{column}' runs {first}..{last}, not 1..{n:,}"
                    ).format(table=table, column=column, first=lo, last=hi, n=n)
                )
    for table in ID_TABLES:
        n = counts.get(table, 0)
        if not n:
            continue
        for pk, value in _sample_rows(conn, table, '"id"', n):
            problem = id_problem(value if isinstance(value, str) else None)
            if problem:
                problems.append(_row(table, pk, "id", problem))
                break
    for table, column, precision, may_be_empty in DATES:
        n = counts.get(table, 0)
        if not n:
            continue
        prec = f'"{precision}"' if precision else "NULL"
        rows = _sample_rows(conn, table, f'"{column}", {prec}', n)
        problems += _first_bad_date(rows, table, column, precision, may_be_empty)
    return problems


def _first_bad_date(
    rows: Iterable[tuple[object, ...]],
    table: str,
    column: str,
    precision: str | None,
    may_be_empty: bool,
) -> list[str]:
    """The first of ``rows`` (pk, date, precision) whose date breaks the contract."""
    for pk, value, prec_value in rows:
        problem = date_problem(
            None if value is None else str(value),
            None if precision is None or prec_value is None else str(prec_value),
            may_be_empty=may_be_empty,
        )
        if problem:
            return [_row(table, pk, column, problem)]
    return []


def _row(table: str, pk: object, column: str, problem: str) -> str:
    """``'person' row 7: the id '…' is not an id``."""
    # TRANSLATORS: {column} is a column name of the archive; {problem} completes the sentence.
    return _("'{table}' row {pk}: the {column} {problem}").format(
        table=table, pk=pk, column=column, problem=problem
    )


def _sample_rows(
    conn: sqlite3.Connection, table: str, columns: str, n: int
) -> list[tuple[object, ...]]:
    """Rows at :data:`SAMPLE` pks spread evenly over ``1..n`` (and the last): index probes."""
    pks = sorted({1 + (n - 1) * i // SAMPLE for i in range(SAMPLE)} | {n})
    marks = ", ".join("?" * len(pks))
    sql = f'SELECT pk, {columns} FROM "{table}" WHERE pk IN ({marks}) ORDER BY pk'
    return [tuple(r) for r in conn.execute(sql, pks)]


def full_problems(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """Every contract breach, reading every row (in SQL; the first ``limit`` reported)."""
    counts, problems = _meta_counts(conn)
    for table, n in counts.items():
        rows = _scalar(conn, f'SELECT count(*) FROM "{table}"')
        if rows != n:
            problems.append(
                _("the metadata says {n:,} rows of '{table}', the table holds {rows:,}").format(
                    n=n, table=table, rows=rows
                )
            )
    for table, columns in RANKS.items():
        rows = int(str(_scalar(conn, f'SELECT count(*) FROM "{table}"')))
        for column in columns:
            lo, hi, distinct = conn.execute(
                f'SELECT min("{column}"), max("{column}"), count(DISTINCT "{column}") '
                f'FROM "{table}"'
            ).fetchone()
            if rows and (lo, hi, distinct) != (1, rows, rows):
                problems.append(
                    _("the list order '{table}.{column}' is not 1..{rows:,} once each").format(
                        table=table, column=column, rows=rows
                    )
                )
    for table in ID_TABLES:
        for pk, value in conn.execute(
            f"SELECT pk, id FROM \"{table}\" WHERE typeof(id) != 'text' OR id = '' "
            f"OR length(id) > 80 OR id GLOB '*[^a-z0-9-]*' OR id GLOB '-*' "
            f"OR instr(CAST(id AS BLOB), x'00') > 0 LIMIT 1"
        ):
            bad_id = id_problem(value if isinstance(value, str) else None) or _("is not text")
            problems.append(_row(table, pk, "id", bad_id))
    for table, column, precision, may_be_empty in DATES:
        prec = f'"{precision}"' if precision else "NULL"
        rows = conn.execute(f'SELECT pk, "{column}", {prec} FROM "{table}"')
        problems += _first_bad_date(rows, table, column, precision, may_be_empty)
    for table, column, allowed in VOCABULARIES:
        marks = ", ".join("?" * len(allowed))
        for pk, value in conn.execute(
            f'SELECT pk, "{column}" FROM "{table}" WHERE "{column}" NOT IN ({marks}) '
            f'OR "{column}" IS NULL LIMIT 1',
            allowed,
        ):
            shown = _("empty") if value is None else f"'{printable(str(value), 40)}'"
            problems.append(
                _row(
                    table,
                    pk,
                    column,
                    _("{value} is not one of {allowed}").format(value=shown, allowed=list(allowed)),
                )
            )
    for table, column in YEARS:
        lo = YEAR_RANGE.start
        hi = YEAR_RANGE.stop - 1
        for pk, value in conn.execute(
            f'SELECT pk, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL '
            f'AND ("{column}" < ? OR "{column}" > ?) LIMIT 1',
            (lo, hi),
        ):
            problems.append(_row(table, pk, column, str(year_problem(value))))
    for table, columns in TEXT.items():
        problems.extend(_text_problems(conn, table, columns))
    return problems[:limit]


#: GLOB class of the control characters (ranges: far cheaper than 62 single characters).
_CONTROL_GLOB = "*[\x01-\x08\x0b-\x1f\x7f-\x9f]*"


def _text_problems(conn: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> list[str]:
    """The first row of ``table`` whose text holds a control character, named by column.

    One scan per table over all its text columns joined (NUL is looked for in the bytes:
    GLOB stops at it); the row found is then read back to name the column.
    """
    key = "key" if table == "meta" else "rowid"
    joined = " || ".join(f"coalesce(\"{c}\", '')" for c in columns)
    row = conn.execute(
        f'SELECT {key} FROM "{table}" WHERE ({joined}) GLOB ? '
        f"OR instr(CAST(({joined}) AS BLOB), x'00') > 0 LIMIT 1",
        (_CONTROL_GLOB,),
    ).fetchone()
    if row is None:
        return []
    names = ", ".join(f'"{c}"' for c in columns)
    values = conn.execute(f'SELECT {names} FROM "{table}" WHERE {key} = ?', (row[0],)).fetchone()
    for column, value in zip(columns, values or (), strict=False):
        if isinstance(value, str):
            found = text_problem(value)
            if found:
                return [_row(table, row[0], column, found)]
    return [
        _("'{table}' row {pk}: a text holds a control character").format(table=table, pk=row[0])
    ]
