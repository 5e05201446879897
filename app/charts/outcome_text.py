"""Words of the sentence-outcome chart, with no Qt: labels, layout, tooltips, totals.

Shared by the chart (:mod:`app.charts.outcome_chart`), its pane and ``kremlin-archive stats``
(which must not need a display).  Everything that returns rich text escapes archive text.
Words are English marked for translation and are translated when a function is called, in the
interface language of that moment (the constants hold the English: translate them with
``_()`` where shown, as :func:`title` and the chart do).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.pages.escape import escape
from db import vocab
from db.dto import OutcomeCount
from db.i18n import N_, _, ngettext, pgettext
from db.outcomes import UncountedFigure

PUBLISHED = "published"
NAMED = "named"
#: Names of the two measures, as the legend shows them (English; :func:`measure_label`).
MEASURE_LABELS = {PUBLISHED: "published", NAMED: "named"}

TITLE = N_("How the 1935 sentences fell")
SUBTITLE = N_(
    "solid bars: what the sources publish (the figure most give) · "
    "hatched bars: people named in this archive"
)
X_TITLE = N_("1935 sentence (prison or camp: term in years)")
X_TITLE_COMPACT = N_(
    "1935 sentence (prison or camp: term in years; res. ban: ban on residence; ?: sentence unknown)"
)
Y_TITLE = N_("number of people")
#: Categories with a short label on narrow charts, where "ban on residence" would elide
#: (the labels: :func:`short_category`).
SHORT_CATEGORIES = ("death", "ban", "unknown", "none", "term:?")


def short_category(outcome: str) -> str | None:
    """The label of ``outcome`` on a narrow chart (None: its usual label fits)."""
    if outcome not in SHORT_CATEGORIES:
        return None
    if outcome == "unknown":
        return "?"
    labels = {
        # TRANSLATORS: short chart labels (a bar group is ~60 pixels wide).
        "death": pgettext("short chart category", "death"),
        "ban": pgettext("short chart category", "res. ban"),
        "none": pgettext("short chart category", "released"),
        "term:?": pgettext("short chart category", "? yrs"),
    }
    return labels[outcome]


def tr(text: str) -> str:
    """``text`` (one of this module's constants) in the interface language."""
    return _(text) if text else text


def measure_label(measure: str) -> str:
    """``published`` or ``named``, as the legend and tooltips say it."""
    if measure == PUBLISHED:
        # TRANSLATORS: a chart bar showing the figure the sources publish.
        return pgettext("chart measure", "published")
    if measure == NAMED:
        # TRANSLATORS: a chart bar counting the people this archive names.
        return pgettext("chart measure", "named")
    return measure


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
    return vocab.tribunal_label(tribunal)


def heading(tribunal: str) -> str:
    """:func:`tribunal_label` with a capital first letter, to start a line or a sentence."""
    return vocab.tribunal_heading(tribunal)


def category_label(outcome: str) -> str:
    """Label of an outcome category; "sentence unknown" so it is not read as a tribunal."""
    if outcome == "unknown":
        return _("sentence unknown")
    n = outcome[5:] if outcome.startswith("term:") else ""
    if n.isdigit():
        # TRANSLATORS: a prison or camp term on the chart's axis: "1 yr", "10 yrs".
        return ngettext("{n} yr", "{n} yrs", int(n)).format(n=n)
    return vocab.outcome_label(outcome)


def category_description(outcome: str) -> str:
    """Long form for tooltips and tables: ``"prison or camp, 10 years"``, ``"death"``."""
    return vocab.outcome_description(outcome)


def axis_label(outcome: str, *, compact: bool = False) -> str:
    """:func:`category_label` broken onto two lines where it is too wide for one bar group;
    ``compact``: the short forms of :data:`SHORT_CATEGORIES` for narrow charts."""
    label = category_label(outcome)
    if compact:
        return escape(short_category(outcome) or label)
    if len(label) <= 10 or " " not in label:
        return escape(label)
    words = label.split(" ")
    best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(label) / 2))
    # Axis labels are rendered as rich text when they look like it: escape, break with <br>.
    return escape(" ".join(words[:best])) + "<br>" + escape(" ".join(words[best:]))


#: Short tribunal names for narrow charts (e.g. a dossier page), where legend entries elide.
SHORT_TRIBUNALS = {
    "military-collegium": N_("Mil. Collegium"),
    "special-board-oso": N_("OSO"),
    "unknown": N_("trib. unknown"),
}


def set_label(tribunal: str, measure: str, *, compact: bool = False) -> str:
    """Legend text of a bar set: ``"Military Collegium, published"`` (``"OSO, named"``).

    Escaped: Qt Charts renders legend labels as rich text, and a tribunal key outside the
    vocabulary is archive text.
    """
    name = SHORT_TRIBUNALS.get(tribunal) if compact else None
    measure_words = measure_label(measure)
    if compact and measure == PUBLISHED:
        # TRANSLATORS: "published" where a narrow chart's legend has little room (an
        # abbreviation if your word is long: «опубл.»).
        measure_words = pgettext("short chart measure", "published")
    # TRANSLATORS: a legend entry of the chart: a tribunal, then "published" or "named".
    return escape(
        _("{tribunal}, {measure}").format(
            tribunal=tr(name) if name else tribunal_label(tribunal),
            measure=measure_words,
        )
    )


def _clip(text: str, limit: int = 100) -> str:
    """``text`` cut to ``limit`` characters (tooltip lines do not wrap)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def n_of_n(named: int, published: int | None) -> str:
    """``"3 of 9 named"``; just ``"3 named"`` when no figure is published."""
    n = vocab.format_number(named)
    if published is None:
        return ngettext("{n} named", "{n} named", named).format(n=n)
    return ngettext("{n} of {total} named", "{n} of {total} named", named).format(
        n=n, total=vocab.format_number(published)
    )


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
    num = vocab.format_number
    named = count.named if count else 0
    published = count.published if count else None
    by = count.published_by if count else ()
    # TRANSLATORS: the bar's measure in a tooltip: "(published bar)", "(named bar)".
    bar = _("({measure} bar)").format(measure=measure_label(measure))
    head = [
        f"<b>{esc(category_description(outcome))}</b> — {esc(tribunal_label(tribunal))}"
        f" <i>{esc(bar)}</i>"
    ]
    if published is None:
        head.append(esc(_("Published: no source gives a figure")))
    else:
        disagree = len({n for _source, n in by}) > 1
        why = _(" — the figure most sources give; they disagree") if disagree else ""
        head.append(
            esc(_("Published: {figure}{why}")).format(
                figure=f"<b>{esc(num(published))}</b>", why=esc(why)
            )
        )
    lines = [*head]
    lines += [
        f"    {esc(num(figure))} — {esc(_clip(labels.get(source_id, source_id)))}"
        for source_id, figure in by
    ]
    for f in uncounted:
        shown = "?" if f.count is None else num(f.count)
        reason = _("(not counted: {reason})").format(reason=f.reason)
        lines.append(f"    {esc(shown)} — {esc(_clip(f.source_label))} <i>{esc(reason)}</i>")
        lines.append(f"        <i>“{esc(_clip(f.label))}”</i>")
    lines.append(
        esc(_("Named in the archive: {n} ({n_of_n})")).format(
            n=f"<b>{esc(num(named))}</b>", n_of_n=esc(n_of_n(named, published))
        )
    )
    # white-space:pre keeps Qt's tooltip label from wrapping each line into a narrow column.
    return f"<div style='white-space:pre'>{'<br>'.join(lines)}</div>"


def totals_line(counts: Sequence[OutcomeCount], published_totals: Mapping[str, int]) -> str:
    """Plain text: each tribunal's people named here of its published total of convicted."""
    layout = ChartLayout.of(counts)
    named: dict[str, int] = {}
    for c in counts:
        named[c.tribunal] = named.get(c.tribunal, 0) + c.named
    parts = []
    for tribunal in dict.fromkeys(t for t, _measure in layout.bar_sets):
        n = named.get(tribunal, 0)
        total = published_totals.get(tribunal)
        if total is None:
            text = ngettext(
                "{tribunal}: {n} named here (no published total)",
                "{tribunal}: {n} named here (no published total)",
                n,
            )
        else:
            text = ngettext(
                "{tribunal}: {n} of {total} convicted named here",
                "{tribunal}: {n} of {total} convicted named here",
                total,
            )
        part = text.format(
            tribunal=heading(tribunal),
            n=vocab.format_number(n),
            total=vocab.format_number(total or 0),
        )
        unknown = (
            sum(c.named for c in counts if c.tribunal == tribunal and c.outcome == "unknown")
            if tribunal == "unknown"
            else 0
        )
        if unknown:
            # as the case summary says: no known court and no known sentence is no conviction
            part += "; " + ngettext(
                "{n} of them with neither court nor sentence known",
                "{n} of them with neither court nor sentence known",
                unknown,
            ).format(n=vocab.format_number(unknown))
        parts.append(part)
    return " · ".join(parts)
