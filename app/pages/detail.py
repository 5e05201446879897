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

from app.pages import labels
from app.pages.escape import escape
from app.pages.markup import format_value
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
from db.i18n import _, ngettext, pgettext

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

    def words(message: str, n: int) -> str:
        return escape(message.format(part=labels.number(n), parts=labels.number(parts)))

    back, forward, this = (
        _("← part {part} of {parts}"),
        _("part {part} of {parts} →"),
        _("(part {part} of {parts})"),
    )
    before = (
        f'<a href="expand://{key}/{part - 1}">{words(back, part - 1)}</a> … ' if part > 1 else ""
    )
    after = (
        f' … <a href="expand://{key}/{part + 1}">{words(forward, part + 1)}</a>'
        if part < parts
        else f" <span class='src'>{words(this, part)}</span>"
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
        pieces = -(-len(text) // EXPAND_STEP)
        what = (
            _("show all")
            if len(text) <= EXPAND_STEP
            else ngettext("show it in {n} part", "show it in {n} parts", pieces).format(
                n=labels.number(pieces)
            )
        )
        count = ngettext("({n} more character)", "({n} more characters)", hidden).format(
            n=labels.number(hidden)
        )
        text = text[:TEXT_LIMIT]
        more = (
            f' <a href="expand://{key}/1">… {escape(what)} {escape(count)}</a>'
            if key
            else f" … {escape(count)}"
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
    if not parts:
        return ""
    lead = _("Sources:")
    return f'<span class="src">{escape(lead)} ' + "; ".join(parts) + "</span>"


def _claims_table(fc: FieldClaims) -> str:
    """One row per claimed value, with every source that gives it (side by side when disputed)."""
    # TRANSLATORS: after a field's name over its table of claims: "Later fate: the sources
    # disagree" / "Occupation: what the sources say".
    title = _("the sources disagree") if fc.disputed else _("what the sources say")
    groups: dict[str, list[ClaimDTO]] = {}
    for c in fc.claims:
        groups.setdefault(c.value or "", []).append(c)
    rows = []
    unrated = _("confidence not given")
    for value, claims in groups.items():
        # Each note under the sources that give it: several sources' notes in one cell did
        # not say which source said what.
        by_note: dict[str, list[ClaimDTO]] = {}
        for c in claims:
            by_note.setdefault(c.note or "", []).append(c)
        blocks = []
        for note, same in by_note.items():
            lines = [
                f"{link(c.source)}{', ' + esc(c.locator) if c.locator else ''}"
                f" <span class='src'>({esc(labels.confidence(c.confidence) or unrated)})</span>"
                for c in same
            ]
            if note:
                lines.append(f"<span class='note'>{esc(note)}</span>")
            blocks.append("<br>".join(lines))
        sources = "<br><br>".join(blocks)
        n = len(claims)
        count = ngettext("{n} source", "{n} sources", n).format(n=labels.number(n))
        rows.append(
            f"<tr><td><b>{esc(format_value(fc.field, value or None))}</b><br>"
            f"<span class='src'>{esc(count)}</span></td>"
            f"<td>{sources}</td></tr>"
        )
    cls = "dispute" if fc.disputed else "claims"
    heads = "".join(
        f"<th>{escape(h)}</th>"
        for h in (
            pgettext("column of claims", "claim"),
            pgettext("column of claims", "sources (confidence), each with its note"),
        )
    )
    return (
        f"<p><b>{esc(_sentence_case(labels.field_name(fc.field)))}</b>: {escape(title)}</p>"
        f'<table class="{cls}" border="1" cellspacing="0" cellpadding="3">'
        f"<tr>{heads}</tr>"
        f"{''.join(rows)}</table>"
    )


def _sentence_case(text: str) -> str:
    """``later fate`` → ``Later fate`` (a field's name opening a line)."""
    return text[:1].upper() + text[1:]


def _heading(text: str) -> str:
    """An ``<h2>`` of page words (already translated)."""
    return f"<h2>{escape(text)}</h2>"


def _muted(text: str) -> str:
    """A note in the muted style: an absence, a count of what is not shown."""
    return f"<p class='note'>{escape(text)}</p>"


def _facts_block(facts: Facts, heading: str | None = None) -> str:
    out = []
    disputed = [f for f in facts.fields if f.disputed]
    agreed = [f for f in facts.fields if not f.disputed]
    if disputed:
        out.append(_heading(_("Where the sources disagree")))
        out.extend(_claims_table(f) for f in disputed)
    if agreed:
        out.append(_heading(_("Further sourced claims")))
        out.extend(_claims_table(f) for f in agreed)
    if facts.sources:
        out.append(_heading(_("Sources") if heading is None else heading) + "<ol>")
        out.extend(
            f"<li>{link(c.source)}"
            + (
                " — " + esc(_("{level} confidence").format(level=labels.confidence(c.confidence)))
                if c.confidence
                else ""
            )
            + "</li>"
            for c in facts.sources
        )
        out.append("</ol>")
    return "".join(out)


def _row(label: str, value: str) -> str:
    return f'<tr><td class="k">{esc(label)}</td><td>{value}</td></tr>' if value else ""


def _dated_list(items: Iterable[DatedRef], empty: str) -> str:
    def part(i: DatedRef) -> str:
        return f" <span class=src>({esc(labels.participation(i.role, i.sex))})</span>"

    rows = [
        f"<li>{esc(labels.dated(i))} — {link(i.item)}{part(i) if i.role else ''}</li>"
        for i in items
    ]
    return "<ul>" + "".join(rows) + "</ul>" if rows else _muted(empty)


def _field_sources(facts: Facts, name: str) -> str:
    """After a fact's value: its own claims' sources, or a pointer when they disagree.

    A fact with no claim of its own gets nothing here: it rests on the record's sources,
    listed once at the end of the page.
    """
    fc = facts.field(name)
    if fc is None:
        return ""
    if fc.disputed:
        pointer = _("(sources disagree — see below)")
        return f" <span class='src'>{escape(pointer)}</span>"
    return "<br>" + _sources(fc.claims)


def _kind(text: str) -> str:
    """The small capitals line above a page's title (``PERSON``)."""
    return f"<p class='kind'>{escape(text)}</p>"


def _address(url: str | None) -> str:
    """A web address as a link the user must click to open, or "" when there is none."""
    if not url:
        return ""
    note = escape(_("(opens in your web browser)"))
    return f'<a href="external:0">{esc(url)}</a> <span class="src">{note}</span>'


def person_html(d: PersonDetail, expanded: frozenset[str] = frozenset()) -> str:
    """The person page: names, key facts, sentences, fate, relations, events, documents."""
    life = f"{d.birth_year or '?'} – {d.death_year or '?'}"

    def claimed(value: str, name: str) -> str:
        return value + _field_sources(d.facts, name) if value else ""

    facts = "".join(
        (
            _row(_("Role in the case"), esc(labels.role(d.role, d.sex))),
            _row(_("Life"), esc(life) if d.birth_year or d.death_year else ""),
            _row(_("Sex"), esc(labels.sex_words(d.sex) or "")),
            _row(_("Nationality"), claimed(esc(d.nationality or ""), "nationality")),
            _row(
                _("Occupation"),
                claimed(esc(d.occupation or "", "occupation", expanded), "occupation"),
            ),
            _row(
                _("Organisation"),
                claimed(esc(d.organisation or "", "organisation", expanded), "organisation"),
            ),
            _row(_("Confidence"), esc(labels.confidence(d.confidence))),
        )
    )
    names = "".join(
        f"<li>{esc(n.name, 'name', expanded)} <span class='src'>"
        f"({esc(labels.name_form(n.script, n.kind))}"
        f"{', ' + esc(n.note) if n.note else ''})"
        f"</span></li>"
        for n in d.names
    )
    title, sub = ("name_en", d.name_en), ("name_ru", d.name_ru)
    if labels.cyrillic_first() and d.name_ru:
        title, sub = sub, title
    own_name = title[1]
    parts = [
        _kind(_("PERSON")) + f"<h1>{esc(title[1], title[0], expanded)}</h1>",
        f"<p class='sub'>{esc(sub[1], sub[0], expanded)}</p>",
        f"<table>{facts}</table>",
    ]
    if d.summary:
        parts.append(f"<p>{esc(d.summary, 'summary', expanded)}</p>")
    parts.append(_heading(_("Sentences")))
    if not d.sentences:
        parts.append(_muted(_("No sentence recorded.")))
    for s in d.sentences:
        level = _("(confidence {level})").format(level=labels.confidence(s.confidence))
        parts.append(
            f"<p><b>{esc(labels.stage(s.stage))}:</b> "
            f"{esc(labels.tribunal(s.tribunal))}, {esc(labels.sentence_date(s))} — "
            f"<b>{esc(labels.sentence(s))}</b> <span class='src'>{esc(level)}</span>"
            f"<br>{esc(s.notes or '')}<br>{_sources(s.facts.sources)}</p>"
        )
        parts.extend(_claims_table(f) for f in s.facts.fields)
    if d.later_fate:
        parts.append(
            _heading(_("Later fate")) + f"<p>{esc(d.later_fate, 'later_fate', expanded)}</p>"
        )
    parts.append(_heading(_("Names")) + "<ul>" + names + "</ul>")
    if d.relations:
        parts.append(_heading(_("Relations")) + "<ul>")
        for r in d.relations:
            sentence = r.sentence("\x00")
            before, _sep, after = sentence.partition(r.other.label)
            text = (
                esc(before).replace("\x00", esc(own_name))
                + link(r.other)
                + esc(after).replace("\x00", esc(own_name))
            )
            note = f" <span class='note'>{esc(r.note)}</span>" if r.note else ""
            disagree = _("(sources disagree)")
            disputed = f" <b>{escape(disagree)}</b>" if r.facts.disputed else ""
            parts.append(f"<li>{text}{disputed}{note}<br>{_sources(r.facts.sources)}")
            parts.extend(_claims_table(f) for f in r.facts.fields if f.disputed)
            parts.append("</li>")
        parts.append("</ul>")
    parts.append(_heading(_("Events")) + _dated_list(d.events, _("No events recorded.")))
    parts.append(
        _heading(_("Documents naming this person"))
        + _dated_list(d.documents, _("No document title names this person."))
    )
    parts.append(_facts_block(d.facts, _("Sources of this record")))
    return _page("".join(parts))


def event_html(d: EventDetail, expanded: frozenset[str] = frozenset()) -> str:
    """The event page: date, summary, participants with outcomes, documents, sources."""
    parts = [
        _kind(_("EVENT")) + f"<h1>{esc(d.title, 'title', expanded)}</h1>",
        f"<p class='sub'>{esc(labels.date(d.date, d.precision))}</p>",
    ]
    if d.summary:
        parts.append(f"<p>{esc(d.summary, 'summary', expanded)}</p>")
    parts.append(_heading(_("Participants")))
    rows = [
        f"<li>{link(p.item)} <span class='src'>"
        f"({esc(labels.participation(p.role or 'named', p.sex))})</span>"
        f"{' — ' + esc(p.date) if p.date else ''}</li>"
        for p in d.participants
    ]
    parts.append(
        "<ul>" + "".join(rows) + "</ul>" if rows else _muted(_("No participants recorded."))
    )
    if d.precision == "day":
        label = _("Documents of that date")
    elif d.precision == "month":
        label = _("Documents of that month")
    else:
        label = _("Documents of that year")
    if d.documents_total > len(d.documents):
        label = _("{heading} (first {shown} of {total})").format(
            heading=label,
            shown=labels.number(len(d.documents)),
            total=labels.number(d.documents_total),
        )
    parts.append(_heading(label) + _dated_list(d.documents, _("No document bears this date.")))
    parts.append(_facts_block(d.facts))
    return _page("".join(parts))


def document_html(d: DocumentDetail, expanded: frozenset[str] = frozenset()) -> str:
    """The document page: title as published, type, date, named persons, address."""
    named = []
    unlinked = escape(_("not linked to a person (no unambiguous match)"))
    for written, person in d.named:
        target = link(person) if person else f"<span class='note'>{unlinked}</span>"
        named.append(f"<li>{esc(written)} → {target}</li>")
    rows = "".join(
        (
            _row(_("Date"), esc(labels.date(d.date or None, "day"))),
            _row(_("Type"), esc(labels.document_type(d.doc_type))),
            _row(_("Collection"), esc(d.collection or "")),
            _row(_("Category"), esc(d.category or "")),
            _row(_("Online text"), _address(d.url)),
        )
    )
    parts = [
        _kind(_("DOCUMENT")) + f"<h1>{esc(d.title, 'title', expanded)}</h1>",
        f"<table>{rows}</table>",
        _heading(_("Persons named in the title")),
        "<ul>" + "".join(named) + "</ul>" if named else _muted(_("The title names no person.")),
        _heading(_("Events of that day or month"))
        + _dated_list(d.events, _("No event on that day or in that month.")),
        _facts_block(d.facts),
    ]
    return _page("".join(parts))


def source_html(d: SourceDetail, expanded: frozenset[str] = frozenset()) -> str:
    """The source page: bibliographic record and every fact citing it."""
    rows = "".join(
        (
            _row(_("Author"), esc(d.author or _("not shown"))),
            _row(_("Title"), esc(d.title)),
            _row(_("Year"), esc(d.year or "")),
            _row(_("Kind"), esc(labels.source_kind(d.kind))),
            _row(_("Language"), esc(labels.language_name(d.language))),
            _row(_("Address"), _address(d.url)),
        )
    )
    parts = [
        _kind(_("SOURCE")) + f"<h1>{esc(d.title, 'title', expanded)}</h1>",
        f"<table>{rows}</table>",
    ]
    if d.note:
        parts.append(f"<p>{esc(d.note, 'note', expanded)}</p>")
    if d.tallies:
        parts.append(_heading(_("Figures this source publishes")) + tally_table(d.tallies))
    heading = _("Facts citing this source ({n})").format(n=labels.number(d.citations_total))
    parts.append(_heading(heading) + "<ul>")
    for c in d.citations:
        what = esc(labels.field_name(c.field))
        value = f": {esc(format_value(c.field, c.value))}" if c.value else ""
        parts.append(f"<li>{link(c.subject)} — {what}{value}</li>")
    parts.append("</ul>")
    more = d.citations_total - len(d.citations)
    if more > 0:
        parts.append(_muted(_("… and {n} more.").format(n=labels.number(more))))
    return _page("".join(parts))


def tally_table(tallies: Iterable[TallyRow]) -> str:
    """Published counts as printed, one row each."""
    hidden = _("not visible")
    rows = "".join(
        f"<tr><td>{esc(labels.tally_scope(t.tribunal))}</td><td>{esc(t.label)}</td>"
        f"<td align='right'>{esc(t.count if t.count is not None else hidden)}</td>"
        f"<td>{link(t.source)}</td></tr>"
        for t in tallies
    )
    heads = "".join(
        f"<th>{escape(h)}</th>"
        for h in (
            pgettext("column of tallies", "tribunal"),
            pgettext("column of tallies", "as printed"),
            pgettext("column of tallies", "count"),
            pgettext("column of tallies", "source"),
        )
    )
    return f'<table border="1" cellspacing="0" cellpadding="3"><tr>{heads}</tr>{rows}</table>'


def outcome_html(count: OutcomeCount, tallies: Iterable[TallyRow]) -> str:
    """A published chart bar explained: the figure shown and every source's own figure.

    Each source is a link labelled with its author and title (taken from the tallies, which
    name every source that publishes a figure); its internal id stays in the link address.
    """
    tallies = list(tallies)
    sources: dict[str, Labelled] = {t.source.ref.id: t.source for t in tallies}
    shown = (
        _("no source publishes a figure")
        if count.published is None
        else labels.number(count.published)
    )
    sub = _("Published: {shown}; named in this archive: {named}").format(
        shown=shown, named=labels.number(count.named)
    )
    intro = _("The chart shows the figure most sources give. Every source's figure:")
    parts = [
        _kind(_("PUBLISHED FIGURE"))
        + f"<h1>{esc(labels.outcome(count))} — {esc(labels.tribunal(count.tribunal))}</h1>",
        f"<p class='sub'>{esc(sub)}</p>",
        f"<p>{escape(intro)}</p><ul>",
    ]
    anonymous = _("a source")
    for source_id, figure in count.published_by:
        known = sources.get(source_id)
        # A figure whose source has no tally row (not in the bundled archive) still links to
        # the source page, under a neutral label rather than its id.
        label = (
            link(known)
            if known
            else f'<a href="{escape(Ref("source", source_id).uri())}">{escape(anonymous)}</a>'
        )
        parts.append(f"<li>{label}: {labels.number(figure)}</li>")
    parts.append("</ul>" + _heading(_("The sources' tallies for this tribunal")))
    parts.append(tally_table(t for t in tallies if t.tribunal == count.tribunal))
    return _page("".join(parts))


#: What the welcome page counts, in this order.
_WELCOME_COUNTS = ("person", "event", "document", "source", "claim")


def _counted(kind: str, n: int) -> str:
    """``99 people``, ``1,048 sourced claims``: a count of one kind of record."""
    if kind == "person":
        words = ngettext("{n} person", "{n} people", n)
    elif kind == "event":
        words = ngettext("{n} event", "{n} events", n)
    elif kind == "document":
        words = ngettext("{n} case-file document", "{n} case-file documents", n)
    elif kind == "source":
        words = ngettext("{n} source", "{n} sources", n)
    else:
        words = ngettext("{n} sourced claim", "{n} sourced claims", n)
    return words.format(n=labels.number(n))


def welcome_html(
    title: str, data_version: str, counts: dict[str, int], title_ru: str | None = None
) -> str:
    """Shown when nothing is selected; ``title_ru``: the archive's Russian title (shown in
    Russian when given)."""
    shown = title_ru if labels.cyrillic_first() and title_ru else title
    rows = "".join(
        f"<li>{esc(_counted(kind, counts.get(kind, 0)))}</li>" for kind in _WELCOME_COUNTS
    )
    version = _("Data version {version}").format(version=data_version)
    hint = _(
        "Select a person, event or document on the left, or search with Ctrl+F. Every fact "
        "shows its sources; where sources disagree, all claims are shown side by side."
    )
    return _page(
        f"<h1>{esc(shown)}</h1><p class='sub'>{esc(version)}</p>"
        f"<ul>{rows}</ul><p>{escape(hint)}</p>"
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
