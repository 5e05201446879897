"""The outcome chart's summary, precomputed when an archive is built.

One row per (tribunal, outcome category): how many of the archive's own people received that
1935 verdict (``named``) beside the figure the sources publish (``published``: the value most
sources give, ties to the larger figure) and every source's own figure.  Reading this table
costs the same on the bundled archive and on a 3-million-person one.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict

from db import vocab


def build_summary(c: sqlite3.Connection) -> None:
    """Fill ``outcome_summary`` from the numbered ``person`` and ``tally`` tables."""
    named: dict[tuple[str, str], int] = {
        (t, o): n for t, o, n in c.execute(
            "SELECT tribunal, outcome, count(*) FROM person WHERE outcome != 'no-verdict' "
            "GROUP BY tribunal, outcome")
    }
    # Published figures: per source, sum what it prints for a (tribunal, category);
    # the value shown is the one most sources give (ties: the larger figure, to be stable).
    per_source: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for tribunal, category, years, count, source_id in c.execute(
        "SELECT t.tribunal, t.category, t.years, t.count, s.id FROM tally t "
        "JOIN source s ON s.pk = t.source_pk WHERE t.count IS NOT NULL "
        "AND t.category IN ('death', 'prison', 'camp', 'exile', 'ban') ORDER BY t.id"):
        if category in ("prison", "camp") and years is None:
            continue  # a range such as "3 to 5 years" fits no single bar
        outcome = vocab.outcome_key(
            {"ban": "ban-on-residence"}.get(category, category), years)
        per_source[(tribunal, outcome)][source_id] += count
    rows = []
    for key in sorted(set(named) | set(per_source)):
        figures = per_source.get(key, Counter())
        votes = Counter(figures.values())
        published = max(votes, key=lambda v: (votes[v], v)) if votes else None
        detail = "|".join(f"{s}={n}" for s, n in sorted(figures.items()))
        rows.append((key[0], key[1], vocab.outcome_order(key[1]), named.get(key, 0),
                     published, detail))
    c.executemany("INSERT INTO outcome_summary (tribunal, outcome, position, named, "
                  "published, published_detail) VALUES (?, ?, ?, ?, ?, ?)", rows)
