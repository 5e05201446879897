"""Words of the sentence-outcome chart, with no Qt: labels, layout, tooltips, totals.

Shared by the chart (:mod:`app.charts.outcome_chart`), its pane and ``kremlin-archive stats``
(which must not need a display).  Everything that returns rich text escapes archive text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.pages.escape import escape
from db import vocab
from db.dto import OutcomeCount
from db.outcomes import UncountedFigure

PUBLISHED = "published"
NAMED = "named"
#: Names of the two measures, as the legend shows them.
MEASURE_LABELS = {PUBLISHED: "published", NAMED: "named"}

TITLE = "How the 1935 sentences fell"
SUBTITLE = (
    "solid bars: what the sources publish (the figure most give) · "
    "hatched bars: people named in this archive"
)
X_TITLE = "1935 sentence (prison or camp: term in years)"
X_TITLE_COMPACT = (
    "1935 sentence (prison or camp: term in years; res. ban: ban on residence; ?: sentence unknown)"
)
#: Category labels of narrow charts, where "ban on residence" would elide.
SHORT_CATEGORIES = {"ban": "res. ban", "unknown": "?", "none": "released", "term:?": "? yrs"}
Y_TITLE = "people"


@dataclass(frozen=True)
class ChartLayout:
    """Which categories (x axis, in order) and bar sets (tribunal, measure) a chart shows."""

    outcomes: tuple[str, ...]
    bar_sets: tuple[tuple[str, str], ...]
    counts: dict[tuple[str, str], OutcomeCount]

    @classmethod
    def of(cls, counts: Sequence[OutcomeCount]) -> ChartLayout:
        """Layout of ``counts``: categories by axis position; tribunals in vocabulary order.

        A tribunal gets a *published* bar set only when some source publishes a figure for it
        (no source states the tribunal of the "tribunal unknown" group).
        """
        by_key = {(c.tribunal, c.outcome): c for c in counts}
        positions = {c.outcome: c.position for c in counts}
        outcomes = tuple(sorted(positions, key=lambda o: (positions[o], o)))
        known = list(vocab.TRIBUNALS)
        tribunals = sorted(
            {c.tribunal for c in counts},
            key=lambda t: (known.index(t) if t in known else len(known), t),
        )
        sets: list[tuple[str, str]] = []
        for t in tribunals:
            mine = [c for c in counts if c.tribunal == t]
            if any(c.published is not None for c in mine):
                sets.append((t, PUBLISHED))
            if any(c.named for c in mine) or not any(s[0] == t for s in sets):
                sets.append((t, NAMED))
        return cls(outcomes, tuple(sets), by_key)

    def value(self, tribunal: str, measure: str, outcome: str) -> int:
        """Bar height: the count, 0 where the category has no figure for that tribunal."""
        c = self.counts.get((tribunal, outcome))
        if c is None:
            return 0
        if measure == PUBLISHED:
            return c.published or 0
        return c.named


def tribunal_label(tribunal: str) -> str:
    """Display name of a tribunal key (the key itself when the vocabulary lacks it)."""
    return vocab.TRIBUNALS.get(tribunal, tribunal)


def heading(tribunal: str) -> str:
    """:func:`tribunal_label` with a capital first letter, to start a line or a sentence."""
    label = tribunal_label(tribunal)
    return label[:1].upper() + label[1:]


def category_label(outcome: str) -> str:
    """Label of an outcome category; "sentence unknown" so it is not read as a tribunal."""
    if outcome == "unknown":
        return "sentence unknown"
    return "1 yr" if outcome == "term:1" else vocab.outcome_label(outcome)


def category_description(outcome: str) -> str:
    """Long form for tooltips and tables: ``"prison or camp, 10 years"``, ``"death"``."""
    if outcome.startswith("term:"):
        n = outcome[5:]
        if n.isdigit():
            return f"prison or camp, {n} year" + ("" if n == "1" else "s")
        return "prison or camp, term unknown"
    return category_label(outcome)


def axis_label(outcome: str, *, compact: bool = False) -> str:
    """:func:`category_label` broken onto two lines where it is too wide for one bar group;
    ``compact``: the short forms of :data:`SHORT_CATEGORIES` for narrow charts."""
    label = category_label(outcome)
    if compact:
        return escape(SHORT_CATEGORIES.get(outcome, label))
    if len(label) <= 10 or " " not in label:
        return escape(label)
    words = label.split(" ")
    best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(label) / 2))
    # Axis labels are rendered as rich text when they look like it: escape, break with <br>.
    return escape(" ".join(words[:best])) + "<br>" + escape(" ".join(words[best:]))


#: Short tribunal names for narrow charts (e.g. a dossier page), where legend entries elide.
SHORT_TRIBUNALS = {
    "military-collegium": "Mil. Collegium",
    "special-board-oso": "OSO",
    "unknown": "trib. unknown",
}


def set_label(tribunal: str, measure: str, *, compact: bool = False) -> str:
    """Legend text of a bar set: ``"Military Collegium, published"`` (``"OSO, named"``).

    Escaped: Qt Charts renders legend labels as rich text, and a tribunal key outside the
    vocabulary is archive text.
    """
    name = SHORT_TRIBUNALS.get(tribunal) if compact else None
    return escape(f"{name or tribunal_label(tribunal)}, {MEASURE_LABELS[measure]}")


def _clip(text: str, limit: int = 100) -> str:
    """``text`` cut to ``limit`` characters (tooltip lines do not wrap)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def n_of_n(named: int, published: int | None) -> str:
    """``"3 of 9 named"``; just ``"3 named"`` when no figure is published."""
    return f"{named:,} named" if published is None else f"{named:,} of {published:,} named"


def bar_tooltip(
    count: OutcomeCount | None,
    tribunal: str,
    outcome: str,
    measure: str,
    source_labels: Mapping[str, str] | None = None,
    uncounted: Sequence[UncountedFigure] = (),
) -> str:
    """Rich-text tooltip of one bar; every piece of archive text is escaped.

    Category and tribunal; the published figure with every source's own figure (also those
    that could not vote: a count not visible, a range of terms); the named count; "n of N".
    """
    labels = source_labels or {}
    esc = escape
    named = count.named if count else 0
    published = count.published if count else None
    by = count.published_by if count else ()
    head = [
        f"<b>{esc(category_description(outcome))}</b> — {esc(tribunal_label(tribunal))}"
        f" <i>({esc(MEASURE_LABELS[measure])} bar)</i>"
    ]
    if published is None:
        head.append("Published: no source gives a figure")
    else:
        disagree = len({n for _, n in by}) > 1
        why = " — the figure most sources give; they disagree" if disagree else ""
        head.append(f"Published: <b>{published:,}</b>{why}")
    lines = [*head]
    lines += [
        f"    {figure:,} — {esc(_clip(labels.get(source_id, source_id)))}"
        for source_id, figure in by
    ]
    for f in uncounted:
        shown = "?" if f.count is None else f"{f.count:,}"
        lines.append(
            f"    {shown} — {esc(_clip(f.source_label))} <i>(not counted: {esc(f.reason)})</i>"
        )
        lines.append(f"        <i>“{esc(_clip(f.label))}”</i>")
    lines.append(f"Named in the archive: <b>{named:,}</b> ({esc(n_of_n(named, published))})")
    # white-space:pre keeps Qt's tooltip label from wrapping each line into a narrow column.
    return f"<div style='white-space:pre'>{'<br>'.join(lines)}</div>"


def totals_line(counts: Sequence[OutcomeCount], published_totals: Mapping[str, int]) -> str:
    """Plain text: each tribunal's people named here of its published total of convicted."""
    layout = ChartLayout.of(counts)
    named: dict[str, int] = {}
    for c in counts:
        named[c.tribunal] = named.get(c.tribunal, 0) + c.named
    parts = []
    for tribunal in dict.fromkeys(t for t, _ in layout.bar_sets):
        n = named.get(tribunal, 0)
        total = published_totals.get(tribunal)
        if total is None:
            parts.append(f"{heading(tribunal)}: {n:,} named here (no published total)")
        else:
            parts.append(f"{heading(tribunal)}: {n:,} of {total:,} convicted named here")
    return " · ".join(parts)
