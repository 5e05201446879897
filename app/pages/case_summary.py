"""The case summary as HTML: overview, published tallies, outcome chart and table, timeline,
convicts — every line footnoted (pure function of :class:`CaseData`, no Qt, no I/O).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.pages import labels
from app.pages.dossier import outcome_cells
from app.pages.markup import NOTES, Footnotes, esc, heading, page, table
from app.pages.markup import rows as rows_html
from db.dto import EventRow, Facts, Labelled, OutcomeCount, PersonDetail, TallyRow
from db.i18n import N_, _, ngettext, pgettext

#: Image resource name of the outcome chart; the printer registers the picture under it.
CHART_URL = "dossier-image:outcome-chart"
#: Width the chart is laid out at, in CSS pixels (1/96 inch): fits A4 and Letter bodies.
CHART_WIDTH = 640
CHART_HEIGHT = 361

#: Rows of the overview: what the archive holds, by kind (labels translated where shown).
_COUNT_LABELS = (
    ("person", N_("people")),
    ("event", N_("events")),
    ("document", N_("case-file documents")),
    ("source", N_("sources")),
    ("claim", N_("sourced claims")),
    ("tally", N_("published tallies")),
)


@dataclass(frozen=True)
class CaseData:
    """Everything the case summary prints, already loaded from the archive."""

    title: str
    title_ru: str | None
    counts: Mapping[str, int]
    tallies: Sequence[TallyRow]
    outcomes: Sequence[OutcomeCount]
    events: Sequence[tuple[EventRow, Facts]]
    events_total: int
    convicts: Sequence[PersonDetail]
    convicts_by_tribunal: Mapping[str, int]  # tribunal key -> people of the archive
    with_chart: bool = True
    sources: Mapping[str, Labelled] = field(default_factory=dict)  # tally source id -> label
    #: People whose 1935 verdict record names neither a court nor a sentence: not counted as
    #: convicts (unknown is not "convicted"), said in a line of their own.
    verdict_unknown: int = 0


def _heads(*words: str) -> tuple[str, ...]:
    """Table headers (already translated), escaped."""
    return tuple(esc(w) for w in words)


def _not_visible() -> str:
    return _("not visible")


def _overview(c: CaseData, notes: Footnotes) -> str:
    rows = [
        (esc(_(label)), labels.number(c.counts[key]))
        for key, label in _COUNT_LABELS
        if key in c.counts
    ]
    out = heading(_("Overview")) + table(
        _heads(_("In this archive"), _("Count")), rows, widths=(70, 30)
    )
    totals: dict[str, list[TallyRow]] = {}
    for t in c.tallies:
        if t.category == "total":
            totals.setdefault(t.tribunal, []).append(t)
    tribunals = list(dict.fromkeys([*c.convicts_by_tribunal, *totals]))
    trows = []
    for key in tribunals:
        published = "; ".join(
            f"{esc(t.count if t.count is not None else _not_visible())}"
            f"{notes.cite_sources([t.source])} <span class='muted'>{esc(t.label)}</span>"
            for t in totals.get(key, ())
        )
        named = c.convicts_by_tribunal.get(key)
        no_total = esc(_("no published total"))
        cell = (
            labels.number(named)
            if named is not None
            else labels.number(sum(c.convicts_by_tribunal.values()))
            if key == "all"
            else "0"
        )
        if key == "unknown" and c.verdict_unknown:
            # the chart and stats count them under "tribunal unknown": say where they went
            more = _("+ {n} with neither court nor sentence known").format(
                n=labels.number(c.verdict_unknown)
            )
            cell += f' <span class="muted">{esc(more)}</span>'
        trows.append(
            (
                esc(_("all tribunals") if key == "all" else labels.tribunal(key)),
                published or f'<span class="muted">{no_total}</span>',
                cell,
            )
        )
    if trows:
        out += heading(_("Convicted: published totals beside the people named here"), 3) + table(
            _heads(_("Tribunal"), _("Published total"), _("Named in archive")),
            trows,
            widths=(28, 52, 20),
        )
    return out


def _tallies(c: CaseData, notes: Footnotes) -> str:
    rows = [
        (
            esc(labels.tally_scope(t.tribunal)),
            esc(t.label) + (f'<br><span class="note">{esc(t.note)}</span>' if t.note else ""),
            esc(t.count if t.count is not None else _not_visible()),
            notes.source_numbers([t.source]),
        )
        for t in c.tallies
    ]
    intro = _(
        "Aggregate counts exactly as each source prints them (the archive keeps every "
        "figure, including those that disagree)."
    )
    return (
        heading(_("Published tallies"))
        + f"<p>{esc(intro)}</p>"
        + table(
            _heads(_("Tribunal"), _("As printed"), _("Count"), _(NOTES)),
            rows,
            widths=(22, 56, 12, 10),
        )
    )


def _outcomes(c: CaseData, notes: Footnotes) -> str:
    out = heading(_("How the sentences fell"))
    if c.with_chart:
        out += (
            f'<p align="center"><img src="{CHART_URL}" width="{CHART_WIDTH}" '
            f'height="{CHART_HEIGHT}"></p>'
        )
    rows = []
    for o in c.outcomes:
        by = []
        for sid, figure in o.published_by:
            src = c.sources.get(sid)
            marker = notes.cite_sources([src]) if src else ""
            by.append(f"{figure}{marker}")
        published = (
            "—"
            if o.published is None
            else f'<span class="em">{o.published}</span>' + (f" ({'; '.join(by)})" if by else "")
        )
        rows.append(
            (
                esc(labels.tribunal(o.tribunal)),
                esc(labels.outcome(o)),
                published,
                labels.number(o.named),
            )
        )
    return out + table(
        _heads(
            _("Tribunal"),
            _("1935 sentence"),
            _("Published (each source)"),
            _("Named in archive"),
        ),
        rows,
        widths=(24, 24, 34, 18),
    )


def _timeline(c: CaseData, notes: Footnotes, figure: str = "") -> str:
    lines = []
    for e, facts in c.events:
        date_fc = facts.field("date")
        marker = notes.cite([*facts.sources, *(date_fc.claims if date_fc else ())])
        # An event with no one of the archive linked to it (a list compiled, a press item)
        # gets no count rather than "0 people".
        # "of the archive": the event's figures (80 sentenced) are not this count
        count = ngettext("{n} person of the archive", "{n} people of the archive", e.people).format(
            n=labels.number(e.people)
        )
        people = f' <span class="muted">— {esc(count)}</span>' if e.people else ""
        lines.append((esc(e.date), f"{esc(e.title)}{people}{marker}"))
    out = heading(_("Timeline of events")) + figure + rows_html(lines, "dated")
    more = c.events_total - len(c.events)
    if more > 0:
        rest = ngettext(
            "… and {n} more event (see the Events pane).",
            "… and {n} more events (see the Events pane).",
            more,
        ).format(n=labels.number(more))
        out += f'<p class="muted">{esc(rest)}</p>'
    return out


def _convicts(c: CaseData, notes: Footnotes) -> str:
    rows = []
    cyrillic = labels.cyrillic_first()
    for p in c.convicts:
        verdict, later = outcome_cells(p, notes, verdict_tribunal=False)
        tribunal = next((s.tribunal for s in p.sentences if s.stage == "verdict"), "unknown")
        names = (p.name_ru, p.name_en) if cyrillic else (p.name_en, p.name_ru)
        rows.append((esc(names[0]), esc(names[1]), esc(labels.tribunal(tribunal)), verdict, later))
    total = sum(c.convicts_by_tribunal.values())
    title = _("Convicts named in the archive ({n})").format(n=labels.number(total))
    other_name = _("Name (Latin)") if cyrillic else _("Name (Cyrillic)")
    out = heading(title) + table(
        _heads(
            _("Name"), other_name, _("Tribunal"), pgettext("column", "1935 verdict"), _("Later")
        ),
        rows,
        widths=(25, 21, 14, 20, 20) if cyrillic else (21, 25, 14, 20, 20),
    )
    if total > len(c.convicts):
        more = total - len(c.convicts)
        rest = _("… and {n} more (see the People pane).").format(n=labels.number(more))
        out += f'<p class="muted">{esc(rest)}</p>'
    if c.verdict_unknown:
        unknown = ngettext(
            "Not listed: {n} more person of the case, whose verdict record names neither a "
            "court nor a sentence (no source read says whether or how they were sentenced).",
            "Not listed: {n} more people of the case, whose verdict records name neither a "
            "court nor a sentence (no source read says whether or how they were sentenced).",
            c.verdict_unknown,
        ).format(n=labels.number(c.verdict_unknown))
        out += f'<p class="muted">{esc(unknown)}</p>'
    return out


def titles(c: CaseData) -> tuple[str, str | None]:
    """The archive's title and its other form: the Russian title first in Russian."""
    if labels.cyrillic_first() and c.title_ru:
        return c.title_ru, c.title
    return c.title, c.title_ru


def case_html(c: CaseData, css: str, timeline_figure: str = "") -> tuple[str, str]:
    """(title, HTML) of the case summary; ``timeline_figure``: the figure (HTML of its image
    and caption) heading the timeline of events."""
    notes = Footnotes()
    main, other = titles(c)
    title = _("{title} — case summary").format(title=main)
    sub = f'<p class="cyr">{esc(other)}</p>' if other else ""
    kind = _("Case summary")
    body = (
        f'<h1>{esc(main)}</h1>{sub}<p class="kind">{esc(kind)}</p>'
        + _overview(c, notes)
        + _tallies(c, notes)
        + _outcomes(c, notes)
        + _timeline(c, notes, timeline_figure)
        + _convicts(c, notes)
        + notes.html()
    )
    return title, page(title, css, body)
