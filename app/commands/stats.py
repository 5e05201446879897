"""``kremlin-archive stats``: the sentence-outcome chart's numbers as text or JSON.

Prints exactly what the chart shows (the ``outcome_summary`` table the builder precomputed, so
it is instant on any archive size), grouped by tribunal in the chart's order, with each
source's own figure and the figures that could not be counted.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from app.charts.outcome_text import ChartLayout
from app.commands.output import print_json
from db import Archive, outcomes
from db.dto import OutcomeCount
from db.i18n import N_, _, ngettext, pgettext
from db.outcomes import UncountedFigure
from db.queries import outcome_counts
from db.vocab import format_number, outcome_description, tribunal_heading, tribunal_label

HELP = N_("print how the 1935 sentences fell: published tallies beside people named in the archive")
#: Widths of the table's columns (wider where a language's headings need it).
SENTENCE_WIDTH = 30
NUMBER_WIDTH = 9


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def _tribunals(counts: Sequence[OutcomeCount]) -> list[str]:
    return list(dict.fromkeys(t for t, _ in ChartLayout.of(counts).bar_sets))


def _rows(counts: Sequence[OutcomeCount], tribunal: str) -> list[OutcomeCount]:
    order = ChartLayout.of(counts).outcomes
    return sorted(
        (c for c in counts if c.tribunal == tribunal), key=lambda c: order.index(c.outcome)
    )


def _uncounted_json(f: UncountedFigure) -> dict[str, Any]:
    return {"source": f.source_id, "count": f.count, "label": f.label, "reason": f.reason}


def as_json(
    counts: Sequence[OutcomeCount], uncounted: Sequence[UncountedFigure], totals: dict[str, int]
) -> dict[str, Any]:
    """The chart's numbers as plain data, tribunal by tribunal in chart order."""
    out = []
    for tribunal in _tribunals(counts):
        rows = _rows(counts, tribunal)
        out.append(
            {
                "tribunal": tribunal,
                "label": tribunal_label(tribunal),
                "published_total": totals.get(tribunal),
                "named_total": sum(c.named for c in rows),
                "outcomes": [
                    {
                        "outcome": c.outcome,
                        "label": c.label,
                        "description": outcome_description(c.outcome),
                        "position": c.position,
                        "published": c.published,
                        "named": c.named,
                        "published_by": [{"source": s, "count": n} for s, n in c.published_by],
                        "uncounted": [
                            _uncounted_json(f)
                            for f in uncounted
                            if f.applies_to(tribunal, c.outcome)
                        ],
                    }
                    for c in rows
                ],
            }
        )
    return {"tribunals": out}


def _sources_text(c: OutcomeCount, notes: Sequence[UncountedFigure]) -> str:
    parts = [f"{s} {format_number(n)}" for s, n in c.published_by]
    parts += [
        _("{source} {count} (not counted: {reason})").format(
            source=f.source_id,
            count="?" if f.count is None else format_number(f.count),
            reason=f.reason,
        )
        for f in notes
    ]
    return ", ".join(parts)


def _head(named: int, total: int | None) -> str:
    """``3 named here (no published total)``, ``5 of 42 convicted named here``."""
    if total is None:
        return ngettext(
            "{n} named here (no published total)", "{n} named here (no published total)", named
        ).format(n=format_number(named))
    # TRANSLATORS: the plural form follows {total} (of 1 convicted / of 42 convicted).
    return ngettext(
        "{named} of {total} convicted named here", "{named} of {total} convicted named here", total
    ).format(named=format_number(named), total=format_number(total))


def text_lines(
    counts: Sequence[OutcomeCount], uncounted: Sequence[UncountedFigure], totals: dict[str, int]
) -> list[str]:
    """The chart's numbers as a plain-text table per tribunal."""
    lines = [
        _("How the 1935 sentences fell: published tallies beside people named in this archive"),
        _("(published: the figure most sources give; every source's own figure follows)"),
    ]
    if not counts:
        return [*lines, "", _("This archive records no 1935 verdicts and no published tallies.")]
    # TRANSLATORS: headings of the columns of the stats table.
    titles = (
        pgettext("stats column", "sentence"),
        pgettext("stats column", "published"),
        pgettext("stats column", "named"),
        pgettext("stats column", "sources"),
    )
    first = max(SENTENCE_WIDTH, len(titles[0]))
    number = max(NUMBER_WIDTH, len(titles[1]), len(titles[2]))
    for tribunal in _tribunals(counts):
        rows = _rows(counts, tribunal)
        named = sum(c.named for c in rows)
        lines += [
            "",
            _("{tribunal}: {head}").format(
                tribunal=tribunal_heading(tribunal), head=_head(named, totals.get(tribunal))
            ),
            f"  {titles[0]:<{first}} {titles[1]:>{number}} {titles[2]:>{number}}  {titles[3]}",
        ]
        for c in rows:
            notes = [f for f in uncounted if f.applies_to(tribunal, c.outcome)]
            published = "—" if c.published is None else format_number(c.published)
            lines.append(
                f"  {outcome_description(c.outcome):<{first}} {published:>{number}} "
                f"{format_number(c.named):>{number}}  {_sources_text(c, notes)}".rstrip()
            )
    return lines


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print the outcome numbers."""
    with archive.connect() as conn:
        counts = outcome_counts(conn)
        uncounted = outcomes.uncounted_figures(conn)
        totals = outcomes.published_totals(conn)
    if args.json:
        print_json(as_json(counts, uncounted, totals))
        return 0
    print("\n".join(text_lines(counts, uncounted, totals)))
    return 0
