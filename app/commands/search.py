"""``kremlin-archive search QUERY``: the search box's results on the command line."""

from __future__ import annotations

import argparse
import sys

from app.cli import EXIT_FAILED, EXIT_NOT_FOUND, EXIT_USAGE
from app.commands.output import print_json
from db import Archive
from db.i18n import N_, _, ngettext
from db.search.find import SearchResults, search
from db.vocab import Labels

HELP = N_("find people (any spelling of a name), events, documents and sources")

#: What a hit is, as its line names it.
KINDS = Labels(
    {
        "person": N_("person"),
        "event": N_("event"),
        "document": N_("document"),
        "source": N_("source"),
    }
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument(
        "query", nargs="+", help=_("words to find, e.g. Jeschow or 'Н.Б. Розенфельд'")
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.add_argument(
        "--limit",
        type=int,
        default=10,
        metavar="N",
        help=_("at most N hits per group (default 10)"),
    )


def as_dict(results: SearchResults) -> dict[str, object]:
    """The results as plain data (what ``--json`` prints)."""
    return {
        "query": results.query,
        "notices": list(results.notices),
        "error": results.error,
        "groups": [
            {
                "kind": g.kind,
                "title": g.title,
                "count": g.count,
                "more": g.more,
                "hits": [
                    {
                        "id": h.ref.id,
                        "kind": h.ref.kind,
                        "uri": h.ref.uri(),
                        "label": h.label,
                        "label_spans": [list(s) for s in h.label_spans],
                        "why": h.why,
                        "why_spans": [list(s) for s in h.why_spans],
                        "detail": h.detail,
                        "rank": h.rank,
                    }
                    for h in g.hits
                ],
            }
            for g in results.groups
        ],
    }


def text_lines(results: SearchResults) -> list[str]:
    """Plain-text rendering: one heading per group, two lines per hit."""
    lines = [_("note: {text}").format(text=n) for n in results.notices]
    for g in results.groups:
        lines.append(f"{g.title} ({g.count_label})")
        for h in g.hits:
            detail = f" [{h.detail}]" if h.detail else ""
            kind = KINDS.get(h.ref.kind, h.ref.kind)
            lines.append(f"  {kind:<8} {h.ref.id}  {h.label}{detail}")
            lines.append("           " + _("why: {why}").format(why=h.why))
        hidden = g.count - len(g.hits)
        # The group's number counts what the list leaves out: say so where the list stops.
        if hidden > 0 and g.more:
            more = ngettext("… and at least {n} more", "… and at least {n} more", hidden)
        elif hidden > 0:
            more = ngettext("… and {n} more", "… and {n} more", hidden)
        elif g.more:  # "3+" and three shown
            more = _("… and possibly more")
        else:
            continue
        lines.append("  " + more.format(n=hidden) + " " + _("(--limit N shows more)"))
    return lines


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Search and print."""
    if not " ".join(args.query).strip():  # `search ""`: nothing to look for, not "nothing found"
        print(
            _("kremlin-archive: search: give a word to find, e.g. Jeschow or 'Н.Б. Розенфельд'"),
            file=sys.stderr,
        )
        return EXIT_USAGE
    limit = max(1, min(int(args.limit), 1000))
    with archive.connect() as conn:
        results = search(conn, " ".join(args.query), limit=limit)
    if results.error:
        print(
            _("kremlin-archive: search failed: {error}").format(error=results.error),
            file=sys.stderr,
        )
        return EXIT_FAILED
    if args.json:
        print_json(as_dict(results))
    else:
        notes = [_("note: {text}").format(text=n) for n in results.notices]
        print("\n".join(text_lines(results) if results.groups else [_("nothing found"), *notes]))
    return 0 if results.groups else EXIT_NOT_FOUND
