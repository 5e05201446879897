"""The chart summary table (``outcome_summary``), precomputed when an archive is built.

The chart reads this small table instead of grouping millions of people at start-up; the
rule that maps a published tally to a bar (:func:`db.outcomes.tally_outcome`) is shared with
the read side.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict

from db import vocab
from db.outcomes import ANY_TERM, BAR_CATEGORIES, tally_outcome


def build_summary(c: sqlite3.Connection) -> None:
    """Fill ``outcome_summary`` from the numbered ``person`` and ``tally`` tables.

    A bar that only uncounted figures speak of (e.g. a cut-off row) still gets a row, with
    ``published`` NULL, so the chart can footnote it.
    """
    named: dict[tuple[str, str], int] = {
        (t, o): n for t, o, n in c.execute(
            "SELECT tribunal, outcome, count(*) FROM person WHERE outcome != 'no-verdict' "
            "GROUP BY tribunal, outcome")
    }
    # Published figures: per source, sum what it prints for a (tribunal, category);
    # the value shown is the one most sources give (ties: the larger figure, to be stable).
    per_source: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    marks = ", ".join("?" * len(BAR_CATEGORIES))
    for tribunal, category, years, count, source_id in c.execute(
        "SELECT t.tribunal, t.category, t.years, t.count, s.id FROM tally t "
        f"JOIN source s ON s.pk = t.source_pk WHERE t.category IN ({marks}) ORDER BY t.id",
            BAR_CATEGORIES):
        outcome = tally_outcome(category, years)
        if outcome is None or outcome == ANY_TERM:
            continue  # a range such as "3 to 5 years" fits no single bar
        figures = per_source[(tribunal, outcome)]
        if count is not None:
            figures[source_id] += count
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
