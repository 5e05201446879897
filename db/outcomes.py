"""The outcome chart's summary (precomputed by :mod:`db.build.summary`) and its footnotes.

One row per (tribunal, outcome category): how many of the archive's own people received that
1935 verdict (``named``) beside the figure the sources publish (``published``: the value most
sources give, ties to the larger figure) and every source's own figure.  Reading this table
costs the same on the bundled archive and on a 3-million-person one.

Some published tallies cannot vote for a bar: a row whose count the stored excerpt cuts off
(Koshel's OSO residence ban), or a prison/camp term printed as a range ("three to five years",
Prudnikova) that fits no single term bar.  :func:`uncounted_figures` reads them back (the tally
table is a few dozen rows at any archive size) so tooltips and ``stats`` can list them beside
the figures that did vote.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, select

from db import vocab
from db.i18n import _
from db.queries import source_label
from db.schema import Source, Tally

#: Tally categories that belong on the chart; the others are totals and remarks.
BAR_CATEGORIES = ("death", "prison", "camp", "exile", "ban")
#: ``outcome`` of a figure that covers every prison/camp term bar of its tribunal (a range).
ANY_TERM = "term:*"


@dataclass(frozen=True, slots=True)
class UncountedFigure:
    """A source's figure for chart bars that does not vote for the published value.

    ``outcome`` is a bar key, or :data:`ANY_TERM` for a term range; ``count`` is None when the
    source's count is not visible.  ``label`` is the tally as the source prints it (archive
    text: escape it before it enters rich text).
    """

    tribunal: str
    outcome: str
    source_id: str
    source_label: str
    count: int | None
    label: str

    @property
    def reason(self) -> str:
        """Why it does not vote: ``"count not visible"`` or ``"a range of terms"``."""
        return _("count not visible") if self.count is None else _("a range of terms")

    def applies_to(self, tribunal: str, outcome: str) -> bool:
        """True when this figure is a footnote of the bar (tribunal, outcome)."""
        if tribunal != self.tribunal:
            return False
        if self.outcome == ANY_TERM:
            return outcome.startswith("term:")
        return outcome == self.outcome


def tally_outcome(category: str, years: int | None) -> str | None:
    """The bar a tally counts toward; :data:`ANY_TERM` for a term range, None off the chart."""
    if category not in BAR_CATEGORIES:
        return None
    if category in ("prison", "camp") and years is None:
        return ANY_TERM
    return vocab.outcome_key({"ban": "ban-on-residence"}.get(category, category), years)


def uncounted_figures(conn: Connection) -> list[UncountedFigure]:
    """Published figures for chart bars that cannot vote (count cut off, or a term range)."""
    stmt = (
        select(
            Tally.tribunal,
            Tally.category,
            Tally.years,
            Tally.count.label("n"),
            Tally.label,
            Source.id.label("sid"),
            Source.author,
            Source.title,
            Source.year,
        )
        .join(Source, Source.pk == Tally.source_pk)
        .where(Tally.category.in_(BAR_CATEGORIES))
        .order_by(Tally.pk)
    )
    out = []
    for r in conn.execute(stmt):
        outcome = tally_outcome(r.category, r.years)
        if outcome is None or (r.n is not None and outcome != ANY_TERM):
            continue
        out.append(
            UncountedFigure(
                r.tribunal, outcome, r.sid, source_label(r.author, r.title, r.year), r.n, r.label
            )
        )
    return out


def source_labels(conn: Connection) -> dict[str, str]:
    """Short citation of every source that publishes a tally, by source id."""
    stmt = (
        select(Source.id, Source.author, Source.title, Source.year)
        .distinct()
        .join(Tally, Tally.source_pk == Source.pk)
        .order_by(Source.id)
    )
    return {r.id: source_label(r.author, r.title, r.year) for r in conn.execute(stmt)}


def published_totals(conn: Connection) -> dict[str, int]:
    """Convicted per tribunal as the sources publish it: the total most sources give."""
    per_tribunal: dict[str, Counter[int]] = defaultdict(Counter)
    stmt = select(Tally.tribunal, Tally.count).where(Tally.category == "total").order_by(Tally.pk)
    for tribunal, count in conn.execute(stmt):
        if count is not None:
            per_tribunal[tribunal][count] += 1
    return {t: max(votes, key=lambda v: (votes[v], v)) for t, votes in per_tribunal.items()}
