"""``kremlin-archive graph ID``: a person's relationship graph (ego network).

A table of the edges by default (from, relation, to, kind of tie, sources); ``--json`` prints
the graph's data (:meth:`db.graph.EgoGraph.to_json`), ``--graphml`` GraphML that networkx, Gephi
or yEd read.  ``--hops 2`` adds the neighbours' relations, ``--co-mentions`` the people named in
the same documents; ``--cap N`` limits the relations drawn per person (the rest is counted).
``-o FILE`` writes the output to a file instead of the terminal.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from app.cli import EXIT_FAILED, EXIT_NOT_FOUND, EXIT_USAGE
from db import Archive, graph, queries
from db.graph import EgoGraph, category_label
from db.i18n import N_, _, ngettext

#: C1 control characters.
_C1 = re.compile("[\x7f-\x9f]")

HELP = N_("print a person's relationship graph (a table, JSON or GraphML)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(_("“{text}” is not a positive number").format(text=text))
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("id", help=_("person id, e.g. cherniavsky-mikhail"))
    parser.add_argument(
        "--hops",
        type=int,
        choices=(1, 2),
        default=1,
        help=_("1: the person's relations (default); 2: their neighbours' relations too"),
    )
    parser.add_argument(
        "--co-mentions",
        action="store_true",
        help=_("add the people named in the same documents (weight: documents shared)"),
    )
    parser.add_argument(
        "--cap",
        type=_positive,
        default=graph.DEFAULT_CAP,
        metavar="N",
        help=_(
            "at most N relations of the person, and N/4 (at least {least}) of each neighbour at "
            "two hops; the rest is counted (default {n})"
        ).format(n=graph.DEFAULT_CAP, least=graph.MIN_SECOND_CAP),
    )
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true", help=_("print JSON"))
    formats.add_argument("--graphml", action="store_true", help=_("print GraphML"))
    parser.add_argument(
        "-o", "--output", type=Path, default=None, help=_("write to this file, not the terminal")
    )


def _error(message: str) -> None:
    print(f"kremlin-archive: {message}", file=sys.stderr)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print or write the graph."""
    with archive.connect() as conn:
        refs = [r for r in queries.find_refs(conn, args.id) if r.kind == "person"]
        found = (
            graph.ego_graph(conn, refs[0].id, args.hops, args.co_mentions, args.cap)
            if refs
            else None
        )
    if found is None:
        _error(_("no person with id “{id}”").format(id=args.id))
        return EXIT_NOT_FOUND
    if args.graphml:
        data = graph.graphml(found)
    elif args.json:
        text = json.dumps(found.to_json(), ensure_ascii=False, indent=2)
        # C1 controls, which JSON leaves raw, as \u escapes (as every JSON of the CLI).
        data = (_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n").encode()
    else:
        data = ("\n".join(text_lines(found)) + "\n").encode()
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    path = args.output.expanduser()
    if path.is_dir():
        _error(_("cannot write {path}: {error}").format(path=path, error=_("it is a folder")))
        return EXIT_USAGE
    try:
        path.write_bytes(data)
    except OSError as exc:
        _error(_("cannot write {path}: {error}").format(path=path, error=exc.strerror or exc))
        return EXIT_FAILED
    return 0


def text_lines(g: EgoGraph) -> list[str]:
    """The graph as a table: a heading, one line per edge, then what was left out."""
    people = ngettext("{n} person", "{n} people", len(g.nodes)).format(n=len(g.nodes))
    ties = ngettext("{n} tie", "{n} ties", len(g.edges)).format(n=len(g.edges))
    lines = [
        _("Relationship graph of {name} ({id}): {people}, {ties}").format(
            name=g.label_of(g.ego), id=g.ego, people=people, ties=ties
        )
    ]
    rows = [
        (
            _marks(e.category, e.alleged, e.disputed),
            str(len(e.sources)),
            g.sentence_of(e),
        )
        for e in g.edges
    ]
    # The relation last, as the vocabulary's sentence naming both people: a relation's words
    # alone between two names would read the wrong way round in Russian.
    head = (_("Kind of tie"), _("Sources"), _("Relation"))
    kind = max(len(r[0]) for r in [head, *rows])
    count = max(len(r[1]) for r in [head, *rows])
    for a, b, c in [head, *rows]:
        lines.append(f"  {a.ljust(kind)}  {b.rjust(count)}  {c}")
    for n in g.nodes:
        if n.more:
            lines.append(
                "  "
                + ngettext(
                    "{name}: {n} more relation not shown (--cap)",
                    "{name}: {n} more relations not shown (--cap)",
                    n.more,
                ).format(name=n.label, n=n.more)
            )
        if n.more_named:
            lines.append(
                "  "
                + ngettext(
                    "{name}: {n} more person named in the same documents not shown (--cap)",
                    "{name}: {n} more people named in the same documents not shown (--cap)",
                    n.more_named,
                ).format(name=n.label, n=n.more_named)
            )
    return lines


def _marks(category: str, alleged: bool, disputed: bool) -> str:
    words = [category_label(category)]
    if alleged and category != "conspiracy":
        words.append(_("alleged"))
    if disputed:
        words.append(_("sources disagree"))
    return ", ".join(words)
