"""``kremlin-archive export LIST -o FILE``: a list as the GUI's File → Export list writes it.

The same rows, order, filters, cell neutralising, byte-order mark and provenance record as
the GUI (:mod:`app.list_export`), for scripts and backups.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from app.cli import EXIT_FAILED, EXIT_USAGE
from app.list_export import FORMATS, ExportRequest, export_list, format_for
from db import Archive, listing
from db.dto import DocumentRow, EventRow, PersonRow

HELP = "write the people, events or documents list (sorted, filtered) as CSV or JSON"

LISTS = {
    "people": (listing.PEOPLE, PersonRow),
    "events": (listing.EVENTS, EventRow),
    "documents": (listing.DOCUMENTS, DocumentRow),
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("list", choices=sorted(LISTS), help="which list")
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default=None,
        help="csv-bom (default for .csv: UTF-8 with a byte-order mark, for spreadsheets), "
        "csv (plain UTF-8) or json (default for .json)",
    )
    parser.add_argument("--sort", default=None, help="sort key (e.g. name, date, title)")
    parser.add_argument("--descending", action="store_true", help="reverse the order")
    parser.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="keep rows whose KEY is VALUE (e.g. tribunal=military-collegium); repeatable",
    )


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Write the list."""
    spec, row_type = LISTS[args.list]
    sort = args.sort or spec.default_sort
    if sort not in spec.sorts:
        return _usage(f"the {args.list} list sorts by {', '.join(sorted(spec.sorts))}")
    query = listing.ListQuery(sort, args.descending)
    for item in args.filter:
        key, eq, value = item.partition("=")
        if not eq or key not in spec.filters:
            return _usage(f"filters of the {args.list} list: {', '.join(sorted(spec.filters))}")
        query = query.with_filter(key, value)
    columns = [(f.name, f.name) for f in dataclasses.fields(row_type) if f.name not in ("pk", "id")]
    path = args.output.expanduser()
    request = ExportRequest(spec, query, columns, path, format_for(path, args.format))
    try:
        n = export_list(archive, request)
    except OSError as exc:
        print(f"kremlin-archive: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"{n} {args.list} written to {path}")
    return 0


def _usage(message: str) -> int:
    print(f"kremlin-archive: export: {message}", file=sys.stderr)
    return EXIT_USAGE
