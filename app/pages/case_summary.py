"""The case summary as HTML: overview, published tallies, outcome chart and table, timeline,
convicts — every line footnoted (pure function of :class:`CaseData`, no Qt, no I/O).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.pages.dossier import outcome_cells
from app.pages.markup import NOTES, Footnotes, esc, page, table
from app.pages.markup import rows as rows_html
from db.dto import EventRow, Facts, Labelled, OutcomeCount, PersonDetail, TallyRow
from db.vocab import TRIBUNALS, tally_scope

#: Image resource name of the outcome chart; the printer registers the picture under it.
CHART_URL = "dossier-image:outcome-chart"
#: Width the chart is laid out at, in CSS pixels (1/96 inch): fits A4 and Letter bodies.
CHART_WIDTH = 640
CHART_HEIGHT = 361

_COUNT_LABELS = (
    ("person", "people"),
    ("event", "events"),
    ("document", "case-file documents"),
    ("source", "sources"),
    ("claim", "sourced claims"),
    ("tally", "published tallies"),
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


def _overview(c: CaseData, notes: Footnotes) -> str:
    rows = [(esc(label), f"{c.counts[key]:,}") for key, label in _COUNT_LABELS if key in c.counts]
    out = "<h2>Overview</h2>" + table(("In this archive", "Count"), rows, widths=(70, 30))
    totals: dict[str, list[TallyRow]] = {}
    for t in c.tallies:
        if t.category == "total":
            totals.setdefault(t.tribunal, []).append(t)
    tribunals = list(dict.fromkeys([*c.convicts_by_tribunal, *totals]))
    trows = []
    for key in tribunals:
        published = "; ".join(
            f"{esc(t.count if t.count is not None else 'not visible')}"
            f"{notes.cite_sources([t.source])} <span class='muted'>{esc(t.label)}</span>"
            for t in totals.get(key, ())
        )
        named = c.convicts_by_tribunal.get(key)
        trows.append(
            (
                esc("all tribunals" if key == "all" else TRIBUNALS.get(key, key)),
                published or '<span class="muted">no published total</span>',
                f"{named:,}"
                if named is not None
                else f"{sum(c.convicts_by_tribunal.values()):,}"
                if key == "all"
                else "0",
            )
        )
    if trows:
        out += "<h3>Convicted: published totals beside the people named here</h3>" + table(
            ("Tribunal", "Published total", "Named in archive"), trows, widths=(28, 52, 20)
        )
    return out


def _tallies(c: CaseData, notes: Footnotes) -> str:
    rows = [
        (
            esc(tally_scope(t.tribunal)),
            esc(t.label) + (f'<br><span class="note">{esc(t.note)}</span>' if t.note else ""),
            esc(t.count if t.count is not None else "not visible"),
            notes.source_numbers([t.source]),
        )
        for t in c.tallies
    ]
    return (
        "<h2>Published tallies</h2><p>Aggregate counts exactly as each source prints "
        "them (the archive keeps every figure, including those that disagree).</p>"
        + table(("Tribunal", "As printed", "Count", NOTES), rows, widths=(22, 56, 12, 10))
    )


def _outcomes(c: CaseData, notes: Footnotes) -> str:
    out = "<h2>How the sentences fell</h2>"
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
            (esc(TRIBUNALS.get(o.tribunal, o.tribunal)), esc(o.label), published, f"{o.named:,}")
        )
    return out + table(
        ("Tribunal", "1935 sentence", "Published (each source)", "Named in archive"),
        rows,
        widths=(24, 24, 34, 18),
    )


def _timeline(c: CaseData, notes: Footnotes) -> str:
    lines = []
    for e, facts in c.events:
        date_fc = facts.field("date")
        marker = notes.cite([*facts.sources, *(date_fc.claims if date_fc else ())])
        # An event with no one of the archive linked to it (a list compiled, a press item)
        # gets no count rather than "0 people".
        people = (
            f' <span class="muted">— {e.people:,} {"person" if e.people == 1 else "people"}</span>'
            if e.people
            else ""
        )
        lines.append((esc(e.date), f"{esc(e.title)}{people}{marker}"))
    out = "<h2>Timeline of events</h2>" + rows_html(lines, "dated")
    more = c.events_total - len(c.events)
    if more > 0:
        out += f'<p class="muted">… and {more:,} more events (see the Events pane).</p>'
    return out


def _convicts(c: CaseData, notes: Footnotes) -> str:
    rows = []
    for p in c.convicts:
        verdict, later = outcome_cells(p, notes, verdict_tribunal=False)
        tribunal = next((s.tribunal for s in p.sentences if s.stage == "verdict"), "unknown")
        rows.append(
            (esc(p.name_en), esc(p.name_ru), esc(TRIBUNALS.get(tribunal, tribunal)), verdict, later)
        )
    total = sum(c.convicts_by_tribunal.values())
    out = f"<h2>Convicts named in the archive ({total:,})</h2>" + table(
        ("Name", "Имя", "Tribunal", "1935 verdict", "Later"), rows, widths=(21, 25, 14, 20, 20)
    )
    if total > len(c.convicts):
        out += f'<p class="muted">… and {total - len(c.convicts):,} more (see the People pane).</p>'
    return out


def case_html(c: CaseData, css: str) -> tuple[str, str]:
    """(title, HTML) of the case summary."""
    notes = Footnotes()
    title = f"{c.title} — case summary"
    sub = f'<p class="cyr">{esc(c.title_ru)}</p>' if c.title_ru else ""
    body = (
        f'<h1>{esc(c.title)}</h1>{sub}<p class="kind">Case summary</p>'
        + _overview(c, notes)
        + _tallies(c, notes)
        + _outcomes(c, notes)
        + _timeline(c, notes)
        + _convicts(c, notes)
        + notes.html()
    )
    return title, page(title, css, body)
