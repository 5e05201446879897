"""Detail pages as HTML for QTextBrowser: pure functions of DTOs, no Qt, no database.

Every value from the archive passes through :func:`esc` (built on
:func:`app.pages.escape.escape`) before it enters the markup, so a field holding
``<img src="file:///etc/passwd">`` shows literally.  Links use only the app's own schemes:
``archive://kind/id`` for items, ``expand://key/N`` to show part N of a long field, and
``external:N`` for a document's online address (opened only on an explicit click).  Long
fields are cut at :data:`TEXT_LIMIT` characters with a "show all" (or "show it in parts")
link, because Qt's text layout is super-linear on long unbroken strings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from app.pages.escape import escape
from db.dto import (
    ClaimDTO,
    DatedRef,
    Detail,
    DocumentDetail,
    EventDetail,
    Facts,
    FieldClaims,
    Labelled,
    OutcomeCount,
    PersonDetail,
    Ref,
    SourceDetail,
    TallyRow,
)
from db.vocab import ROLES, STAGES, TRIBUNALS, tally_scope

TEXT_LIMIT = 3000
#: Characters of an expanded field shown at once: Qt lays out 100,000 unbroken characters in
#: ~0.05 s, a whole 1 MB field in ~0.5 s, so a huge field is shown in parts; no click stalls.
EXPAND_STEP = 100_000
WORD_LIMIT = 80  # insert break opportunities into longer unbroken runs
_LONG_RUN = re.compile(rf"\S{{{WORD_LIMIT + 1},}}")

STYLE = """
body { font-size: 10pt; }
h1 { font-size: 16pt; margin-bottom: 0; }
h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; color: #333; }
p.sub { font-size: 13pt; color: #444; margin-top: 2px; }
p.kind { color: #666; font-size: 9pt; margin: 0; }
td.k { color: #555; padding-right: 10px; vertical-align: top; white-space: nowrap; }
td { vertical-align: top; padding: 1px 4px; }
.src { color: #555; font-size: 9pt; }
.note { color: #555; font-style: italic; }
table.dispute { background-color: #fff4e0; border-color: #d9a441; }
th { text-align: left; background-color: #f0e0c0; padding: 2px 4px; }
a { color: #1a4f9c; text-decoration: none; }
"""


def _part(key: str | None, expanded: frozenset[str]) -> int:
    """Which part of field ``key`` the user opened (``expand://key/N`` links; 0: the start)."""
    if key is None:
        return 0
    parts = [
        int(n)
        for k in expanded
        for name, _, n in [k.rpartition("/")]
        if name == key and n.isdigit()
    ]
    return max(parts, default=1 if key in expanded else 0)


def _part_links(key: str, part: int, parts: int) -> tuple[str, str]:
    """Links before and after part ``part`` of ``parts`` of a field shown in parts."""
    before = (
        f'<a href="expand://{key}/{part - 1}">← part {part - 1} of {parts}</a> … '
        if part > 1
        else ""
    )
    after = (
        f' … <a href="expand://{key}/{part + 1}">part {part + 1} of {parts} →</a>'
        if part < parts
        else f" <span class='src'>(part {part} of {parts})</span>"
    )
    return before, after


def esc(value: object, key: str | None = None, expanded: frozenset[str] = frozenset()) -> str:
    """Escape archive text; cut very long values (with a link to expand when ``key`` given).

    An expanded field longer than :data:`EXPAND_STEP` shows one part at a time, with links
    to the parts before and after it.
    """
    text = "" if value is None else str(value)
    before = more = ""
    part = _part(key, expanded)
    if part and key is not None and len(text) > EXPAND_STEP:
        parts = -(-len(text) // EXPAND_STEP)
        part = min(part, parts)
        before, more = _part_links(key, part, parts)
        text = text[(part - 1) * EXPAND_STEP : part * EXPAND_STEP]
    elif not part and len(text) > TEXT_LIMIT:
        hidden = len(text) - TEXT_LIMIT
        what = (
            "show all"
            if len(text) <= EXPAND_STEP
            else f"show it in {-(-len(text) // EXPAND_STEP)} parts"
        )
        text = text[:TEXT_LIMIT]
        more = (
            f' <a href="expand://{key}/1">… {what} ({hidden:,} more characters)</a>'
            if key
            else f" … ({hidden:,} more characters)"
        )
    # Zero-width spaces let Qt wrap a huge unbroken token instead of laying it out whole.
    # They go between chunks of the *raw* text, so none lands inside an entity like &lt;.
    out, pos = [], 0
    for run in _LONG_RUN.finditer(text):
        out.append(escape(text[pos : run.start()]))
        out.append(
            "\u200b".join(
                escape(text[i : min(i + WORD_LIMIT, run.end())])
                for i in range(run.start(), run.end(), WORD_LIMIT)
            )
        )
        pos = run.end()
    out.append(escape(text[pos:]))
    return before + "".join(out) + more


def link(item: Labelled) -> str:
    """An internal link to an archive item."""
    return f'<a href="{escape(item.ref.uri())}">{esc(item.label)}</a>'


def _page(body: str) -> str:
    return f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"


def _sources(claims: Iterable[ClaimDTO]) -> str:
    parts = []
    for c in claims:
        extra = f", {esc(c.locator)}" if c.locator else ""
        parts.append(link(c.source) + extra)
    return '<span class="src">Sources: ' + "; ".join(parts) + "</span>" if parts else ""


def _claims_table(fc: FieldClaims) -> str:
    """One row per claimed value, with every source that gives it (side by side when disputed)."""
    title = "Sources disagree" if fc.disputed else "Sourced claims"
    groups: dict[str, list[ClaimDTO]] = {}
    for c in fc.claims:
        groups.setdefault(c.value or "", []).append(c)
    rows = []
    for value, claims in groups.items():
        sources = "<br>".join(
            f"{link(c.source)}{', ' + esc(c.locator) if c.locator else ''}"
            f" <span class='src'>({esc(c.confidence or 'confidence not given')})</span>"
            for c in claims
        )
        notes = "<br>".join(dict.fromkeys(esc(c.note) for c in claims if c.note))
        count = f"{len(claims)} sources" if len(claims) > 1 else "1 source"
        rows.append(
            f"<tr><td><b>{esc(value)}</b><br><span class='src'>{count}</span></td>"
            f"<td>{sources}</td><td class='note'>{notes}</td></tr>"
        )
    cls = "dispute" if fc.disputed else "claims"
    return (
        f"<p><b>{esc(fc.field.replace('_', ' '))}</b> — {title}:</p>"
        f'<table class="{cls}" border="1" cellspacing="0" cellpadding="3">'
        f"<tr><th>claim</th><th>sources (confidence)</th><th>note</th></tr>"
        f"{''.join(rows)}</table>"
    )


def _facts_block(facts: Facts, heading: str = "Sources") -> str:
    out = []
    disputed = [f for f in facts.fields if f.disputed]
    agreed = [f for f in facts.fields if not f.disputed]
    if disputed:
        out.append("<h2>Where the sources disagree</h2>")
        out.extend(_claims_table(f) for f in disputed)
    if agreed:
        out.append("<h2>Further sourced claims</h2>")
        out.extend(_claims_table(f) for f in agreed)
    if facts.sources:
        out.append(f"<h2>{esc(heading)}</h2><ol>")
        out.extend(
            f"<li>{link(c.source)}"
            f"{' — ' + esc(c.confidence) + ' confidence' if c.confidence else ''}</li>"
            for c in facts.sources
        )
        out.append("</ol>")
    return "".join(out)


def _row(label: str, value: str) -> str:
    return f'<tr><td class="k">{esc(label)}</td><td>{value}</td></tr>' if value else ""


def _dated_list(items: Iterable[DatedRef], empty: str) -> str:
    rows = [
        f"<li>{esc(i.date)} — {link(i.item)}"
        f"{' <span class=src>(' + esc(i.role) + ')</span>' if i.role else ''}</li>"
        for i in items
    ]
    return "<ul>" + "".join(rows) + "</ul>" if rows else f"<p class='note'>{esc(empty)}</p>"


def _field_sources(facts: Facts, name: str) -> str:
    """After a fact's value: its own claims' sources, or a pointer when they disagree.

    A fact with no claim of its own gets nothing here: it rests on the record's sources,
    listed once at the end of the page.
    """
    fc = facts.field(name)
    if fc is None:
        return ""
    if fc.disputed:
        return " <span class='src'>(sources disagree — see below)</span>"
    return "<br>" + _sources(fc.claims)


def person_html(d: PersonDetail, expanded: frozenset[str] = frozenset()) -> str:
    """The person page: names, key facts, sentences, fate, relations, events, documents."""
    life = f"{d.birth_year or '?'} – {d.death_year or '?'}"

    def claimed(value: str, name: str) -> str:
        return value + _field_sources(d.facts, name) if value else ""

    facts = "".join(
        (
            _row("Role in the case", esc(ROLES.get(d.role, d.role))),
            _row("Life", esc(life) if d.birth_year or d.death_year else ""),
            _row("Sex", esc(d.sex or "")),
            _row("Nationality", claimed(esc(d.nationality or ""), "nationality")),
            _row(
                "Occupation",
                claimed(esc(d.occupation or "", "occupation", expanded), "occupation"),
            ),
            _row(
                "Organisation",
                claimed(esc(d.organisation or "", "organisation", expanded), "organisation"),
            ),
            _row("Confidence", esc(d.confidence)),
        )
    )
    names = "".join(
        f"<li>{esc(n.name, 'name', expanded)} <span class='src'>"
        f"({esc(n.script)}, {esc(n.kind)}{', ' + esc(n.note) if n.note else ''})"
        f"</span></li>"
        for n in d.names
    )
    parts = [
        f"<p class='kind'>PERSON</p><h1>{esc(d.name_en, 'name_en', expanded)}</h1>",
        f"<p class='sub'>{esc(d.name_ru, 'name_ru', expanded)}</p>",
        f"<table>{facts}</table>",
    ]
    if d.summary:
        parts.append(f"<p>{esc(d.summary, 'summary', expanded)}</p>")
    parts.append("<h2>Sentences</h2>")
    if not d.sentences:
        parts.append("<p class='note'>No sentence recorded.</p>")
    for s in d.sentences:
        parts.append(
            f"<p><b>{esc(STAGES.get(s.stage, s.stage))}:</b> "
            f"{esc(TRIBUNALS.get(s.tribunal, s.tribunal))}, {esc(s.date)} — "
            f"<b>{esc(s.label)}</b> <span class='src'>(confidence {esc(s.confidence)})</span>"
            f"<br>{esc(s.notes or '')}<br>{_sources(s.facts.sources)}</p>"
        )
        parts.extend(_claims_table(f) for f in s.facts.fields)
    if d.later_fate:
        parts.append(f"<h2>Later fate</h2><p>{esc(d.later_fate, 'later_fate', expanded)}</p>")
    parts.append("<h2>Names</h2><ul>" + names + "</ul>")
    if d.relations:
        parts.append("<h2>Relations</h2><ul>")
        for r in d.relations:
            sentence = r.sentence("\x00")
            before, _, after = sentence.partition(r.other.label)
            text = (
                esc(before).replace("\x00", esc(d.name_en))
                + link(r.other)
                + esc(after).replace("\x00", esc(d.name_en))
            )
            note = f" <span class='note'>{esc(r.note)}</span>" if r.note else ""
            disputed = " <b>(sources disagree)</b>" if r.facts.disputed else ""
            parts.append(f"<li>{text}{disputed}{note}<br>{_sources(r.facts.sources)}")
            parts.extend(_claims_table(f) for f in r.facts.fields if f.disputed)
            parts.append("</li>")
        parts.append("</ul>")
    parts.append("<h2>Events</h2>" + _dated_list(d.events, "No events recorded."))
    parts.append(
        "<h2>Documents naming this person</h2>"
        + _dated_list(d.documents, "No document title names this person.")
    )
    parts.append(_facts_block(d.facts, "Sources of this record"))
    return _page("".join(parts))


def event_html(d: EventDetail, expanded: frozenset[str] = frozenset()) -> str:
    """The event page: date, summary, participants with outcomes, documents, sources."""
    parts = [
        f"<p class='kind'>EVENT</p><h1>{esc(d.title, 'title', expanded)}</h1>",
        f"<p class='sub'>{esc(d.date_label)}</p>",
    ]
    if d.summary:
        parts.append(f"<p>{esc(d.summary, 'summary', expanded)}</p>")
    parts.append("<h2>Participants</h2>")
    rows = [
        f"<li>{link(p.item)} <span class='src'>({esc(p.role or 'named')})</span>"
        f"{' — ' + esc(p.date) if p.date else ''}</li>"
        for p in d.participants
    ]
    parts.append(
        "<ul>" + "".join(rows) + "</ul>"
        if rows
        else "<p class='note'>No participants recorded.</p>"
    )
    label = {"day": "Documents of that date", "month": "Documents of that month"}.get(
        d.precision, "Documents of that year"
    )
    more = (
        f" (first {len(d.documents)} of {d.documents_total})"
        if d.documents_total > len(d.documents)
        else ""
    )
    parts.append(
        f"<h2>{label}{esc(more)}</h2>" + _dated_list(d.documents, "No document bears this date.")
    )
    parts.append(_facts_block(d.facts))
    return _page("".join(parts))


def document_html(d: DocumentDetail, expanded: frozenset[str] = frozenset()) -> str:
    """The document page: title as published, type, date, named persons, address."""
    named = []
    for written, person in d.named:
        target = (
            link(person)
            if person
            else "<span class='note'>not linked to a person (no unambiguous match)</span>"
        )
        named.append(f"<li>{esc(written)} → {target}</li>")
    address = (
        f'<a href="external:0">{esc(d.url)}</a> <span class="src">(opens in your web '
        f"browser)</span>"
        if d.url
        else ""
    )
    rows = "".join(
        (
            _row("Date", esc(d.date_label)),
            _row("Type", esc(d.doc_type)),
            _row("Collection", esc(d.collection or "")),
            _row("Category", esc(d.category or "")),
            _row("Online text", address),
        )
    )
    parts = [
        f"<p class='kind'>DOCUMENT</p><h1>{esc(d.title, 'title', expanded)}</h1>",
        f"<table>{rows}</table>",
        "<h2>Persons named in the title</h2>",
        "<ul>" + "".join(named) + "</ul>"
        if named
        else "<p class='note'>The title names no person.</p>",
        "<h2>Events of that date</h2>" + _dated_list(d.events, "No event on that date."),
        _facts_block(d.facts),
    ]
    return _page("".join(parts))


def source_html(d: SourceDetail, expanded: frozenset[str] = frozenset()) -> str:
    """The source page: bibliographic record and every fact citing it."""
    address = (
        f'<a href="external:0">{esc(d.url)}</a> <span class="src">(opens in your web '
        f"browser)</span>"
        if d.url
        else ""
    )
    rows = "".join(
        (
            _row("Author", esc(d.author or "not shown")),
            _row("Title", esc(d.title)),
            _row("Year", esc(d.year or "")),
            _row("Kind", esc(d.kind)),
            _row("Language", esc(d.language)),
            _row("Address", address),
        )
    )
    parts = [
        f"<p class='kind'>SOURCE</p><h1>{esc(d.title, 'title', expanded)}</h1>",
        f"<table>{rows}</table>",
    ]
    if d.note:
        parts.append(f"<p>{esc(d.note, 'note', expanded)}</p>")
    if d.tallies:
        parts.append("<h2>Figures this source publishes</h2>" + tally_table(d.tallies))
    parts.append(f"<h2>Facts citing this source ({d.citations_total})</h2><ul>")
    for c in d.citations:
        what = esc(c.field.replace("_", " ")) if c.field != "record" else "the record"
        value = f": {esc(c.value)}" if c.value else ""
        parts.append(f"<li>{link(c.subject)} — {what}{value}</li>")
    parts.append("</ul>")
    if d.citations_total > len(d.citations):
        parts.append(f"<p class='note'>… and {d.citations_total - len(d.citations)} more.</p>")
    return _page("".join(parts))


def tally_table(tallies: Iterable[TallyRow]) -> str:
    """Published counts as printed, one row each."""
    rows = "".join(
        f"<tr><td>{esc(tally_scope(t.tribunal))}</td><td>{esc(t.label)}</td>"
        f"<td align='right'>{esc(t.count if t.count is not None else 'not visible')}</td>"
        f"<td>{link(t.source)}</td></tr>"
        for t in tallies
    )
    return (
        '<table border="1" cellspacing="0" cellpadding="3"><tr><th>tribunal'
        "</th><th>as printed</th><th>count</th><th>source</th></tr>" + rows + "</table>"
    )


def outcome_html(count: OutcomeCount, tallies: Iterable[TallyRow]) -> str:
    """A published chart bar explained: the figure shown and every source's own figure.

    Each source is a link labelled with its author and title (taken from the tallies, which
    name every source that publishes a figure); its internal id stays in the link address.
    """
    tallies = list(tallies)
    sources: dict[str, Labelled] = {t.source.ref.id: t.source for t in tallies}
    tribunal = TRIBUNALS.get(count.tribunal, count.tribunal)
    shown = "no source publishes a figure" if count.published is None else str(count.published)
    parts = [
        f"<p class='kind'>PUBLISHED FIGURE</p><h1>{esc(count.label)} — {esc(tribunal)}</h1>",
        f"<p class='sub'>Published: {esc(shown)}; named in this archive: {count.named}</p>",
        "<p>The chart shows the figure most sources give. Every source's figure:</p><ul>",
    ]
    for source_id, figure in count.published_by:
        known = sources.get(source_id)
        # A figure whose source has no tally row (not in the bundled archive) still links to
        # the source page, under a neutral label rather than its id.
        label = (
            link(known)
            if known
            else f'<a href="{escape(Ref("source", source_id).uri())}">a source</a>'
        )
        parts.append(f"<li>{label}: {figure}</li>")
    parts.append("</ul><h2>The sources' tallies for this tribunal</h2>")
    parts.append(tally_table(t for t in tallies if t.tribunal == count.tribunal))
    return _page("".join(parts))


def welcome_html(title: str, data_version: str, counts: dict[str, int]) -> str:
    """Shown when nothing is selected."""
    rows = "".join(
        f"<li>{counts.get(k, 0):,} {esc(label)}</li>"
        for k, label in (
            ("person", "people"),
            ("event", "events"),
            ("document", "case-file documents"),
            ("source", "sources"),
            ("claim", "sourced claims"),
        )
    )
    return _page(
        f"<h1>{esc(title)}</h1><p class='sub'>Data version {esc(data_version)}</p>"
        f"<ul>{rows}</ul><p>Select a person, event or document on the left, or "
        f"search with Ctrl+F. Every fact shows its sources; where sources disagree, "
        f"all claims are shown side by side.</p>"
    )


def renderer(item: Detail) -> Callable[[frozenset[str]], str]:
    """The page builder of a detail DTO, given the fields the user expanded."""
    if isinstance(item, PersonDetail):
        return functools.partial(person_html, item)
    if isinstance(item, EventDetail):
        return functools.partial(event_html, item)
    if isinstance(item, DocumentDetail):
        return functools.partial(document_html, item)
    return functools.partial(source_html, item)


def external_links(item: Detail) -> list[str]:
    """Web addresses a page may open in the browser (a document's or source's URL)."""
    if isinstance(item, DocumentDetail | SourceDetail):
        return [item.url or ""]
    return []
