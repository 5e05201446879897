"""``kremlin-archive cite ID``: how to cite a record, and the bibliography of its sources.

``--format text`` (the default) prints the record's citation in ``--style chicago`` or
``gost``; ``csl-json``, ``ris`` and ``bibtex`` print the record as a dataset item followed by
every source it cites, ready for a reference manager.  ``--all-sources`` prints the whole
bibliography; ``--whole-archive`` cites the archive itself.  The ids ``chart`` and
``chart/outcomes`` name the outcomes chart.  The citation names the archive file by its name
(never its folder), the date given by ``--accessed`` (default: today) and, with ``--sha256``,
the file's digest (an archive on a server has none: asked for one, the command says so).
"""

from __future__ import annotations

import argparse
import datetime
import sys

from app.cli import EXIT_NOT_FOUND, EXIT_USAGE
from app.commands.suggest import suggestion
from db import Archive, cite, i18n, release
from db.dto import Ref
from db.i18n import N_, _

HELP = N_("print a citation of a record (Chicago, GOST) or export sources (CSL-JSON, RIS, BibTeX)")
TEXT = "text"


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a date like 2026-12-04").format(text=text)
        ) from None


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument(
        "id", nargs="?", help=_("record id, e.g. kamenev-lev, event/ev-1934-kirov or chart")
    )
    parser.add_argument(
        "--style",
        type=str.lower,  # GOST or gost
        choices=cite.STYLES,
        default=None,
        help=_("text style (default: gost in Russian, chicago otherwise)"),
    )
    parser.add_argument(
        "--format",
        type=str.lower,
        choices=(TEXT, *cite.FORMATS),
        default=None,
        help=_("text (the default for a record) or an export format"),
    )
    parser.add_argument(
        "--all-sources", action="store_true", help=_("export every source (needs --format)")
    )
    parser.add_argument(
        "--whole-archive", action="store_true", help=_("cite the archive itself, not one record")
    )
    parser.add_argument(
        "--sha256",
        action="store_true",
        help=_("name the archive file's SHA-256 digest (reads the whole file once)"),
    )
    parser.add_argument(
        "--accessed",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=_("date the archive was consulted (default today)"),
    )


def _error(message: str) -> None:
    print(f"kremlin-archive: {message}", file=sys.stderr)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print the citation or the export."""
    if sum((bool(args.id), args.all_sources, args.whole_archive)) != 1:
        _error(_("cite: give exactly one of ID, --whole-archive or --all-sources"))
        return EXIT_USAGE
    fmt = args.format or TEXT
    with archive.connect() as conn:
        if args.all_sources:
            if fmt == TEXT:
                _error(
                    _("cite --all-sources needs --format {formats}").format(
                        formats=_(" or ").join(cite.FORMATS)
                    )
                )
                return EXIT_USAGE
            sys.stdout.write(cite.bibliography(conn, fmt))
            return 0
        ref: Ref | None = None
        if args.id:
            refs = cite.find(conn, args.id)
            if not refs:
                _error(_("no record with id “{id}”").format(id=args.id))
                hint = suggestion(conn, args.id)
                if hint:
                    print(hint, file=sys.stderr)
                return EXIT_NOT_FOUND
            if len(refs) > 1:
                kinds = ", ".join(f"{r.kind}/{r.id}" for r in refs)
                _error(_("“{id}” is ambiguous; use one of {kinds}").format(id=args.id, kinds=kinds))
                return EXIT_USAGE
            ref = refs[0]
        when, where = args.accessed, archive.info.cited_as
        if args.sha256 and archive.server:
            _error(
                _(
                    "cite --sha256: an archive on a server is not a file and has no digest; "
                    "its citation names the server instead"
                )
            )
            return EXIT_USAGE
        digest = release.archive_sha256(archive.path) if args.sha256 else None
        if fmt == TEXT:
            print(cite.record(conn, ref, args.style or i18n.citation_style(), when, digest, where))
        else:
            sys.stdout.write(cite.record_export(conn, ref, fmt, when, digest, where))
    return 0
