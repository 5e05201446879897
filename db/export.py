"""Export the rows a list pane shows (its filter and sort) to CSV or JSON, streaming.

Rows are read page by page with the same queries the pane uses, so exporting a
3-million-person list needs no more memory than one page.  Archive text is untrusted: a CSV
cell that starts with ``= + - @`` (or a tab or carriage return) is written with a leading
apostrophe, as OWASP recommends against CSV injection, so no spreadsheet runs it as a
formula.  Every export says what produced it: JSON as an ``export`` header object before the
``rows``; CSV through a provenance record the caller writes beside the file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TextIO

from sqlalchemy import Connection

from db import listing
from db.dto import ListRow
from db.listing import ListQuery, ListSpec

PAGE = 1000
#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Called with the rows written so far, every :data:`PAGE` rows; False cancels the export.
Progress = Callable[[int], bool]


class ExportCancelled(Exception):
    """The user cancelled the export (the caller removes the partial file)."""


def iter_rows(conn: Connection, spec: ListSpec, query: ListQuery) -> Iterator[ListRow]:
    """Every row of the pane in its order, one page in memory at a time."""
    if query.filtered:
        pks = listing.snapshot(conn, spec, query)
        for start in range(0, len(pks), PAGE):
            yield from listing.rows_by_pks(conn, spec, pks[start : start + PAGE])
        return
    total = listing.count(conn, spec, query)
    for start in range(0, total, PAGE):
        yield from listing.page(conn, spec, query, start, min(PAGE, total - start), total)


def neutral(value: object) -> str:
    """A CSV cell: text that a spreadsheet would run as a formula gets a leading ``'``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_START) else value
    return str(value)


def _rows(
    conn: Connection, spec: ListSpec, query: ListQuery, progress: Progress | None
) -> Iterator[ListRow]:
    for n, row in enumerate(iter_rows(conn, spec, query)):
        if progress is not None and n % PAGE == 0 and not progress(n):
            raise ExportCancelled
        yield row


def write(
    conn: Connection,
    spec: ListSpec,
    query: ListQuery,
    out: TextIO,
    fmt: str,
    columns: Sequence[tuple[str, str]],
    provenance: Mapping[str, object] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write rows as ``fmt`` ("csv" or "json"); ``columns`` = (attribute, header). Returns n.

    ``provenance`` (archive, data version, pane, sort, filters …) heads a JSON export;
    ``progress`` is told the rows written so far and may cancel (:class:`ExportCancelled`).
    """
    n = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["id", *(neutral(h) for _, h in columns)])
        for row in _rows(conn, spec, query, progress):
            writer.writerow([neutral(row.id), *(neutral(getattr(row, a)) for a, _ in columns)])
            n += 1
        return n
    if fmt == "json":
        out.write('{\n"export": ' + json.dumps(dict(provenance or {}), ensure_ascii=False))
        out.write(',\n"rows": [\n')
        for row in _rows(conn, spec, query, progress):
            record = {"id": row.id, **{h: getattr(row, a) for a, h in columns}}
            out.write(("" if n == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
            n += 1
        out.write("\n]\n}\n")
        return n
    raise ValueError(f"unknown export format {fmt!r}")
