"""Export the rows a list pane shows (its filter and sort) to CSV or JSON, streaming.

Rows are read page by page with the same queries the pane uses, so exporting a
3-million-person list needs no more memory than one page.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from typing import TextIO

from sqlalchemy import Connection

from db import listing
from db.dto import ListRow
from db.listing import ListQuery, ListSpec

PAGE = 1000


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


def write(
    conn: Connection,
    spec: ListSpec,
    query: ListQuery,
    out: TextIO,
    fmt: str,
    columns: Sequence[tuple[str, str]],
) -> int:
    """Write rows as ``fmt`` ("csv" or "json"); ``columns`` = (attribute, header). Returns n."""
    n = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", *(h for _, h in columns)])
        for row in iter_rows(conn, spec, query):
            writer.writerow([row.id, *(_cell(getattr(row, a)) for a, _ in columns)])
            n += 1
        return n
    if fmt == "json":
        out.write("[\n")
        for row in iter_rows(conn, spec, query):
            record = {"id": row.id, **{h: getattr(row, a) for a, h in columns}}
            out.write(("" if n == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
            n += 1
        out.write("\n]\n")
        return n
    raise ValueError(f"unknown export format {fmt!r}")


def _cell(value: object) -> str:
    return "" if value is None else str(value)
