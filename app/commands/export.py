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
from db.i18n import N_, _, ngettext

HELP = N_("write the people, events or documents list (sorted, filtered) as CSV or JSON")

LISTS = {
    "people": (listing.PEOPLE, PersonRow),
    "events": (listing.EVENTS, EventRow),
    "documents": (listing.DOCUMENTS, DocumentRow),
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("list", choices=sorted(LISTS), help=_("which list"))
    parser.add_argument("-o", "--output", type=Path, required=True, help=_("file to write"))
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default=None,
        help=_(
            "csv-bom (default for .csv: UTF-8 with a byte-order mark, for spreadsheets), "
            "csv (plain UTF-8) or json (default for .json)"
        ),
    )
    parser.add_argument("--sort", default=None, help=_("sort key (e.g. name, date, title)"))
    parser.add_argument("--descending", action="store_true", help=_("reverse the order"))
    parser.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=_("keep rows whose KEY is VALUE (e.g. tribunal=military-collegium); repeatable"),
    )


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Write the list."""
    spec, row_type = LISTS[args.list]
    sort = args.sort or spec.default_sort
    if sort not in spec.sorts:
        return _usage(
            _("the {list} list sorts by {keys}").format(
                list=args.list, keys=", ".join(sorted(spec.sorts))
            )
        )
    query = listing.ListQuery(sort, args.descending)
    for item in args.filter:
        key, eq, value = item.partition("=")
        if not eq or key not in spec.filters:
            return _usage(
                _("filters of the {list} list: {keys}").format(
                    list=args.list, keys=", ".join(sorted(spec.filters))
                )
            )
        with archive.connect() as conn:
            values = [str(v) for v in listing.distinct_values(conn, spec, key)]
        if value not in values:  # a mistyped value would write an empty file, and say nothing
            return _usage(
                _("no {key} “{value}” in the {list} list; its values: {values}").format(
                    key=key, value=value, list=args.list, values=", ".join(values)
                )
            )
        query = query.with_filter(key, value)
    columns = [(f.name, f.name) for f in dataclasses.fields(row_type) if f.name not in ("pk", "id")]
    path = args.output.expanduser()
    request = ExportRequest(spec, query, columns, path, format_for(path, args.format))
    try:
        n = export_list(archive, request)
    except OSError as exc:
        print(
            _("kremlin-archive: cannot write {path}: {error}").format(
                path=path, error=exc.strerror or exc
            ),
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(_written(args.list, n).format(n=n, path=path))
    return 0


def _written(name: str, n: int) -> str:
    """``{n} people written to {path}`` with the plural form of ``n``."""
    if name == "people":
        return ngettext("{n} people written to {path}", "{n} people written to {path}", n)
    if name == "events":
        return ngettext("{n} events written to {path}", "{n} events written to {path}", n)
    return ngettext("{n} documents written to {path}", "{n} documents written to {path}", n)


def _usage(message: str) -> int:
    print(_("kremlin-archive: export: {message}").format(message=message), file=sys.stderr)
    return EXIT_USAGE
