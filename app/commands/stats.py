"""``kremlin-archive stats``: the sentence-outcome chart's numbers as text or JSON.

Prints exactly what the chart shows (the ``outcome_summary`` table the builder precomputed, so
it is instant on any archive size), grouped by tribunal in the chart's order, with each
source's own figure and the figures that could not be counted.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from app.charts.outcome_text import (
    ChartLayout,
    category_description,
    heading,
    n_of_n,
    tribunal_label,
)
from app.commands.output import print_json
from db import Archive, outcomes
from db.dto import OutcomeCount
from db.outcomes import UncountedFigure
from db.queries import outcome_counts

HELP = "print how the 1935 sentences fell: published tallies beside people named in the archive"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("--json", action="store_true", help="print JSON")


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
                        "description": category_description(c.outcome),
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
    parts = [f"{s} {n:,}" for s, n in c.published_by]
    parts += [
        f"{f.source_id} {'?' if f.count is None else f'{f.count:,}'} (not counted: {f.reason})"
        for f in notes
    ]
    return ", ".join(parts)


def text_lines(
    counts: Sequence[OutcomeCount], uncounted: Sequence[UncountedFigure], totals: dict[str, int]
) -> list[str]:
    """The chart's numbers as a plain-text table per tribunal."""
    lines = [
        "How the 1935 sentences fell: published tallies beside people named in this archive",
        "(published: the figure most sources give; every source's own figure follows)",
    ]
    if not counts:
        return [*lines, "", "This archive records no 1935 verdicts and no published tallies."]
    for tribunal in _tribunals(counts):
        rows = _rows(counts, tribunal)
        named = sum(c.named for c in rows)
        total = totals.get(tribunal)
        head = (
            f"{n_of_n(named, None)} here (no published total)"
            if total is None
            else f"{named:,} of {total:,} convicted named here"
        )
        lines += [
            "",
            f"{heading(tribunal)}: {head}",
            f"  {'sentence':<30} {'published':>9} {'named':>9}  sources",
        ]
        for c in rows:
            notes = [f for f in uncounted if f.applies_to(tribunal, c.outcome)]
            published = "—" if c.published is None else f"{c.published:,}"
            lines.append(
                f"  {category_description(c.outcome):<30} {published:>9} "
                f"{c.named:>9,}  {_sources_text(c, notes)}".rstrip()
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
