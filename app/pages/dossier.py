"""Dossiers as HTML: pure functions from detail DTOs to an escaped, footnoted page (no Qt).

A person dossier follows the structure of a criminal case (arrest, charges, tribunal, sentence,
later fate) and shows conflicting claims side by side; event, document and source dossiers are
shorter pages built the same way.  The stylesheet is passed in, so this module reads no files
and imports no Qt.

How facts are cited: a fact that field-level claims support carries the numbered notes of
exactly those claims, so the markers change from line to line.  A fact with no claim of its
own (a name form, sex, role, a summary) rests on the record's sources as a whole: those are
named once, in a shaded "Sources of this record" note under the heading
(:meth:`~app.pages.markup.Footnotes.record_note`), never repeated on every line.  A line about
another record (a relation, a timeline event, a sentence in a table) cites that record's
sources.  Sources are named by author and title; internal ids never reach the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from app.pages import labels
from app.pages.escape import escape
from app.pages.labels import field_label
from app.pages.markup import (
    SENTENCE,
    Footnotes,
    disputed_table,
    esc,
    format_value,
    heading,
    life_dates,
    page,
    sources_of,
    table,
)
from app.pages.markup import rows as rows_html
from db.dto import (
    ClaimDTO,
    DatedRef,
    DocumentDetail,
    EventDetail,
    Facts,
    FieldClaims,
    PersonDetail,
    SentenceFact,
    SourceDetail,
)
from db.i18n import _, ngettext, pgettext

#: Person fields printed in their own place (key facts, case chain); the rest go to "further".
_PLACED_FIELDS = frozenset(
    {
        "occupation",
        "nationality",
        "organisation",
        "later_fate",
        "arrest_date",
        "death_date",
        "charges",
        "charge",
    }
)
_ARREST = re.compile(r"\barrest", re.IGNORECASE)


def _none(words: str) -> str:
    """An absence, in the muted style (``words`` already translated)."""
    return f'<span class="muted">{esc(words)}</span>'


def _flag() -> str:
    flag = _("sources disagree — see Conflicting claims")
    return f' <span class="flag">{esc(flag)}</span>'


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _own_name(d: PersonDetail) -> str:
    """The person's name as the page's sentences use it: Cyrillic first in Russian."""
    return d.name_ru if labels.cyrillic_first() and d.name_ru else d.name_en


def _claims(*groups: Iterable[ClaimDTO]) -> list[ClaimDTO]:
    return [c for g in groups for c in g]


def _values_cited(fc: FieldClaims, notes: Footnotes) -> str:
    """Each claimed value of a field with its own marker; "or" between disagreeing values."""
    parts = []
    for v in fc.values:
        claims = [c for c in fc.claims if (c.value or "") == v]
        parts.append(f"{esc(format_value(fc.field, v or None))}{notes.cite(claims)}")
    either = pgettext("between claimed values", "or")
    text = f" {esc(either)} ".join(parts)
    if fc.disputed:
        text += _flag()
    return text


def _fact_row(label: str, value: str | None, marker: str) -> tuple[str, str] | None:
    return None if not value else (esc(label), f"{esc(value)}{marker}")


#: Claim fields about how a person's name is written.
_NAME_FIELDS = frozenset(
    {"surname", "given_names", "patronymic", "name", "name_ru", "name_en", "identity"}
)


def _column_fact(value: str, facts: Facts, field: str, notes: Footnotes) -> str:
    """A record's printed value of ``field``, cited only by the claims that support it.

    The value cites the claims that give it (or that it begins with, when the record adds
    detail to them); with no such claim it has no marker and rests on the record's note.
    Claims that say something else never lend it their numbers: when they disagree among
    themselves the value is flagged, and a single other reading is printed beside it with
    its source.
    """
    fc = facts.field(field)
    if fc is None:
        return esc(value)
    folded = value.strip().casefold()
    same = [c for c in fc.claims if (c.value or "").strip().casefold() == folded]
    within = [c for c in fc.claims if c.value and folded.startswith(c.value.strip().casefold())]
    text = f"{esc(value)}{notes.cite(same or within)}"
    if fc.disputed:
        return text + _flag()
    if not (same or within):
        given = esc(_("given as"))
        text += f'; <span class="muted">{given}</span> {_values_cited(fc, notes)}'
    return text


def _header(title: str, subtitle: str | None, kind_line: str) -> str:
    sub = f'<p class="cyr">{esc(subtitle)}</p>' if subtitle else ""
    return f'<h1>{esc(title)}</h1>{sub}<p class="kind">{kind_line}</p>'


def _key_facts(d: PersonDetail, notes: Footnotes) -> str:
    # Facts without claims of their own carry no marker: the record's note covers them.
    f = d.facts
    others = [n.name for n in d.names if n.name not in (d.name_en, d.name_ru)]
    death = f.field("death_date")
    # Name forms carry no source of their own: the record's; flagged when spellings are disputed.
    name_flag = _flag() if any(fc.field in _NAME_FIELDS for fc in f.disputed) else ""
    names = [
        _fact_row(_("Name (Latin)"), d.name_en, ""),
        _fact_row(_("Name (Cyrillic)"), d.name_ru, ""),
    ]
    if labels.cyrillic_first():
        names.reverse()
    rows = [
        r
        for r in (
            *names,
            _fact_row(_("Also written"), "; ".join(others) if others else None, name_flag),
            _fact_row(_("Life dates"), life_dates(d.birth_year, d.death_year), ""),
            (esc(_("Date of death")), _values_cited(death, notes)) if death else None,
            _fact_row(_("Sex"), labels.sex_words(d.sex), ""),
            *(
                (esc(label), _column_fact(value, f, field, notes)) if value else None
                for label, value, field in (
                    (_("Nationality"), d.nationality, "nationality"),
                    (_("Occupation"), d.occupation, "occupation"),
                    (_("Organisation"), d.organisation, "organisation"),
                )
            ),
            _fact_row(_("Role in the case"), labels.role(d.role, d.sex), ""),
        )
        if r is not None
    ]
    out = heading(_("Key facts")) + f"{rows_html(rows)}"
    if d.summary:
        out += f'<p class="summary">{esc(d.summary)}</p>'
    return out


def _arrest(d: PersonDetail, events: Mapping[str, Facts], notes: Footnotes) -> str:
    lines = []
    fc = d.facts.field("arrest_date")
    if fc:
        lines.append(esc(_("Arrest date:")) + f" {_values_cited(fc, notes)}")
    for e in d.events:
        if _ARREST.search(e.item.label) and e.role != "investigator":
            facts = events.get(e.item.ref.id, Facts())
            marker = notes.cite(_claims(facts.sources, _field_claims(facts, "date")))
            # The title speaks of an arrest, which is not to say this person was arrested
            # there (an official, a relative of the one arrested): the row says what it is.
            line = (
                _("An event that speaks of arrests: {date}, “{title}” (this person in it: {role})")
                if e.role
                else _("An event that speaks of arrests: {date}, “{title}”")
            )
            text = line.format(
                date=labels.dated(e), title=e.item.label, role=labels.participation(e.role, e.sex)
            )
            lines.append(esc(text) + marker)
    return "<br>".join(lines) or _none(_("No arrest date or arrest event is recorded."))


def _field_claims(facts: Facts, name: str) -> tuple[ClaimDTO, ...]:
    fc = facts.field(name)
    return fc.claims if fc else ()


def _sentence(s: SentenceFact, notes: Footnotes) -> str:
    """Tribunal, date and sentence, each cited by its own claims; the sentence's sources once."""
    f = s.facts
    if s.tribunal == "unknown" and not f.field("tribunal"):
        tribunal = _none(_("not known"))  # an absence: nothing to cite
    else:
        tribunal = f"{esc(labels.tribunal(s.tribunal))}" + notes.cite(_field_claims(f, "tribunal"))
    date_fc = f.field("date")
    if date_fc:
        date = _values_cited(date_fc, notes)
    elif labels.unknown_date(s):
        date = _none(_("not known"))
    else:
        date = esc(labels.sentence_date(s))
    kind_claims = _claims(_field_claims(f, "kind"), _field_claims(f, "years"))
    label = f'<span class="em">{esc(labels.sentence(s))}</span>{notes.cite(kind_claims)}'
    flag = ""
    if any(fc.disputed for fc in f.fields if fc.field in ("kind", "years", "tribunal")):
        flag = _flag()
    words = (_("Tribunal:"), _("Date:"), _("Sentence:"))
    values = (tribunal, date, label + flag)
    out = "<br>".join(f"{esc(w)} {v}" for w, v in zip(words, values, strict=True))
    if s.notes:
        out += f'<br><span class="note">{esc(s.notes)}</span>'
    level = _("confidence {level}").format(level=labels.confidence(s.confidence))
    out += f'<br><span class="muted">{esc(level)}</span>'
    numbers = notes.numbers(f.sources)
    if numbers:
        out += f'<br><span class="fnum">{esc(sources_of(SENTENCE, numbers))}</span>'
    return out


def _case_chain(d: PersonDetail, events: Mapping[str, Facts], notes: Footnotes) -> str:
    rows = [(esc(_("Arrest")), _arrest(d, events, notes))]
    charges = d.facts.field("charges") or d.facts.field("charge")
    rows.append(
        (
            esc(_("Charges")),
            _values_cited(charges, notes)
            if charges
            else _none(
                _(
                    "Not recorded as a separate fact; where a source states them "
                    "they are quoted in the sentence notes."
                )
            ),
        )
    )
    for s in d.sentences:
        rows.append((esc(_upper_first(labels.stage(s.stage))), _sentence(s, notes)))
    if not d.sentences:
        rows.append((esc(_("Sentence")), _none(_("No sentence is recorded for this person."))))
    fate = d.facts.field("later_fate")
    later = esc(_("Later fate"))
    if d.later_fate:
        rows.append((later, _column_fact(d.later_fate, d.facts, "later_fate", notes)))
    elif fate:
        rows.append((later, _values_cited(fate, notes)))
    # Hanging rows, not a table: a table costs Qt three layouts of every cell (a quarter
    # of a dossier's layout time) and this one needs no grid to be read.
    return heading(_("The case")) + rows_html(rows, css="stage", label_css="stagelabel")


def _conflicts(d: PersonDetail, notes: Footnotes) -> str:
    name = _own_name(d)
    items: list[tuple[str, FieldClaims]] = [(name, fc) for fc in d.facts.disputed]
    for s in d.sentences:
        items += [(labels.stage(s.stage), fc) for fc in s.facts.disputed]
    for r in d.relations:
        items += [(r.sentence(name), fc) for fc in r.facts.disputed]
    title = heading(_("Conflicting claims"))
    if not items:
        none = _("No field of this record has conflicting claims in the archive.")
        return f'{title}<p class="muted">{esc(none)}</p>'
    return title + "".join(disputed_table(subject, fc, notes) for subject, fc in items)


def _further(d: PersonDetail, notes: Footnotes) -> str:
    # Disputed fields are printed once, side by side, under Conflicting claims.
    rows = [
        (esc(field_label(fc.field)), _values_cited(fc, notes))
        for fc in d.facts.fields
        if fc.field not in _PLACED_FIELDS and not fc.disputed
    ]
    return heading(_("Further sourced facts")) + f"{rows_html(rows)}" if rows else ""


def _relations(d: PersonDetail, notes: Footnotes) -> str:
    if not d.relations:
        return ""
    items = []
    name = _own_name(d)
    for r in d.relations:
        marker = notes.cite(_claims(_field_claims(r.facts, "relation"), r.facts.sources))
        note = f' <span class="note">{esc(r.note)}</span>' if r.note else ""
        items.append(f"<li>{esc(r.sentence(name))}{marker}{note}</li>")
    return heading(_("Relations")) + f"<ul>{''.join(items)}</ul>"


def _dated_rows(items: Iterable[DatedRef], facts: Mapping[str, Facts], notes: Footnotes) -> str:
    """``date<TAB>title — role¹`` lines, each cited by the item's own sources."""
    rows = []
    for e in items:
        f = facts.get(e.item.ref.id, Facts())
        part = esc(labels.participation(e.role, e.sex))
        role = f' <span class="muted">— {part}</span>' if e.role else ""
        marker = notes.cite(_claims(f.sources, _field_claims(f, "date")))
        rows.append((esc(labels.dated(e)), f"{esc(e.item.label)}{role}{marker}"))
    return rows_html(rows, "dated")


def person_html(
    d: PersonDetail,
    css: str,
    events: Mapping[str, Facts] | None = None,
    documents: Mapping[str, Facts] | None = None,
    figures: str = "",
) -> tuple[str, str]:
    """(title, HTML) of a person's dossier; ``events``/``documents``: their facts by id;
    ``figures``: the figures section (:func:`figures_html`), placed before the notes."""
    events = events or {}
    notes = Footnotes()
    first, second = (
        (d.name_ru, d.name_en) if labels.cyrillic_first() and d.name_ru else (d.name_en, d.name_ru)
    )
    title = f"{first} — {second}"
    kind = esc(
        _("Person dossier · {role} · record {record} · confidence of the record: {level}").format(
            role=labels.role(d.role, d.sex),
            record=f"person/{d.id}",
            level=labels.confidence(d.confidence),
        )
    )
    parts = [
        _header(first, second, kind),
        notes.record_note(d.facts.sources),
        _key_facts(d, notes),
        _case_chain(d, events, notes),
        _conflicts(d, notes),
        _further(d, notes),
        _relations(d, notes),
    ]
    if d.events:
        parts.append(heading(_("Timeline")) + _dated_rows(d.events, events, notes))
    if d.documents:
        parts.append(
            heading(_("Documents naming this person"))
            + _dated_rows(d.documents, documents or {}, notes)
        )
    if figures:
        parts.append(figures)
    parts.append(notes.html())
    return _("Person dossier: {title}").format(title=title), page(title, css, "".join(parts))


def figure_html(url: str, caption: str, width: float, height: float) -> str:
    """One figure (its address is the app's own, ``dossier-figure:NAME``) and its caption."""
    return (
        f'<p align="center"><img src="{escape(url)}" width="{round(width)}" '
        f'height="{round(height)}"></p>'
        f"<p class='note' align='center'>{escape(caption)}</p>"
    )


def figures_html(figures: Iterable[tuple[str, str, float, float]]) -> str:
    """A section of figures: (address, caption, width, height in CSS pixels) each; the
    captions are escaped."""
    items = [figure_html(*item) for item in figures]
    if not items:
        return ""
    return heading(_("In time and among people")) + "".join(items)


def _fields_section(
    facts: Facts, subject: str, notes: Footnotes, skip: frozenset[str] = frozenset()
) -> str:
    agreed = [
        (esc(field_label(fc.field)), _values_cited(fc, notes))
        for fc in facts.fields
        if not fc.disputed and fc.field not in skip
    ]
    out = ""
    if agreed:
        out += heading(_("Figures and facts given by the sources")) + rows_html(agreed)
    disputed = [fc for fc in facts.disputed if fc.field not in skip]
    if disputed:
        out += heading(_("Conflicting claims")) + "".join(
            disputed_table(subject, fc, notes) for fc in disputed
        )
    return out


def outcome_cells(
    p: PersonDetail | None, notes: Footnotes, verdict_tribunal: bool = True
) -> tuple[str, str]:
    """(1935 verdict, later sentences) of a person, each cited; unknown parts left out."""
    if p is None:
        return "", ""
    verdict: list[str] = []
    later: list[str] = []
    for s in p.sentences:
        marker = notes.cite(_claims(_field_claims(s.facts, "kind"), s.facts.sources))
        where = (
            [labels.tribunal(s.tribunal)]
            if s.tribunal != "unknown" and (verdict_tribunal or s.stage != "verdict")
            else []
        )
        if not labels.unknown_date(s):
            where.append(labels.sentence_date(s))
        context = f" ({esc(', '.join(where))})" if where else ""
        text = f"{esc(labels.sentence(s))}{context}{marker}"
        # an uncertain sentence says so where it is listed, as on the person's own page
        doubts = [_("confidence {level}").format(level=labels.confidence(s.confidence))]
        if s.facts.disputed:
            doubts.insert(0, _("sources disagree"))
        if s.confidence == "low" or s.facts.disputed:
            text += f' <span class="flag">{esc("; ".join(doubts))}</span>'
        (verdict if s.stage == "verdict" else later).append(text)
    return "<br>".join(verdict), "<br>".join(later)


def event_html(
    d: EventDetail,
    css: str,
    people: Mapping[str, PersonDetail] | None = None,
    documents: Mapping[str, Facts] | None = None,
) -> tuple[str, str]:
    """(title, HTML) of an event's dossier; ``people``: participants' details by id."""
    people = people or {}
    notes = Footnotes()
    record_note = notes.record_note(d.facts.sources)
    date_fc = d.facts.field("date")
    date = _values_cited(date_fc, notes) if date_fc else esc(labels.date(d.date, d.precision))
    kind = _("Event dossier · record {record}").format(record=f"event/{d.id}")
    parts = [
        _header(d.title, None, esc(kind)),
        record_note,
        rows_html([(esc(_("Date")), date)]),
    ]
    if d.summary:
        parts.append(f'<p class="summary">{esc(d.summary)}</p>')
    parts.append(_fields_section(d.facts, d.title, notes, frozenset({"date"})))
    if date_fc and date_fc.disputed:
        parts.append(disputed_table(d.title, date_fc, notes))
    rows = []
    for p in d.participants:
        detail = people.get(p.item.ref.id)
        verdict, later = outcome_cells(detail, notes)
        if detail is None and p.date:  # not looked up (a very large event): no sources here
            see = esc(_("(sources: see the person)"))
            verdict = f'{esc(p.date)} <span class="muted">{see}</span>'
        rows.append(
            (
                esc(p.item.label),
                esc(labels.participation(p.role, p.sex)),
                verdict or _none(pgettext("no outcome", "none")),
                later,
            )
        )
    if rows:
        # Who took part comes from the event's own sources (its record note); each outcome
        # carries the sources of its own sentence.
        n = len(d.participants)
        took_part = ngettext(
            "{n} person of this archive took part, as the sources of this record give "
            "them; outcomes as each verdict's sources give them.",
            "{n} people of this archive took part, as the sources of this record give "
            "them; outcomes as each verdict's sources give them.",
            n,
        ).format(n=labels.number(n))
        heads = (_("Person"), _("Role"), pgettext("column", "1935 verdict"), _("Later"))
        parts.append(
            heading(_("Participants and their outcomes"))
            + f"<p>{esc(took_part)}</p>"
            + table(tuple(esc(h) for h in heads), rows, widths=(31, 15, 31, 23))
        )
    if d.documents:
        more = d.documents_total - len(d.documents)
        parts.append(
            heading(_("Documents of the date")) + _dated_rows(d.documents, documents or {}, notes)
        )
        if more > 0:
            rest = ngettext(
                "… and {n} more document of this date.",
                "… and {n} more documents of this date.",
                more,
            ).format(n=labels.number(more))
            parts.append(f'<p class="muted">{esc(rest)}</p>')
    parts.append(notes.html())
    title = _("Event dossier: {title}").format(title=d.title)
    return title, page(d.title, css, "".join(parts))


def document_html(
    d: DocumentDetail, css: str, events: Mapping[str, Facts] | None = None
) -> tuple[str, str]:
    """(title, HTML) of a short document dossier: its record, the people it names, events."""
    notes = Footnotes()
    record_note = notes.record_note(d.facts.sources)
    date_fc = d.facts.field("date")
    rows = [
        r
        for r in (
            (esc(_("Date")), _values_cited(date_fc, notes)) if date_fc else None,
            None if date_fc else _fact_row(_("Date"), labels.date(d.date or None, "day"), ""),
            _fact_row(_("Type"), labels.document_type(d.doc_type), ""),
            _fact_row(_("Collection"), d.collection, ""),
            _fact_row(_("Category"), d.category, ""),
            _fact_row(_("Address"), d.url, ""),
        )
        if r is not None
    ]
    kind = _("Document dossier · record {record}").format(record=f"document/{d.id}")
    parts = [
        _header(d.title, None, esc(kind)),
        record_note,
        rows_html(rows),
    ]
    if d.named:
        named = [
            (esc(written), esc(p.label) if p else _none(_("not linked"))) for written, p in d.named
        ]
        heads = (esc(_("As written")), esc(_("Person")))
        parts.append(heading(_("Names in the title")) + table(heads, named, widths=(40, 60)))
    if d.events:
        parts.append(
            heading(_("Events of that day or month")) + _dated_rows(d.events, events or {}, notes)
        )
    parts.append(notes.html())
    title = _("Document dossier: {title}").format(title=d.title)
    return title, page(d.title, css, "".join(parts))


#: Kinds of record a source supports, in the order the source dossier lists them.
_KIND_ORDER = ("person", "event", "document", "sentence", "relation")


def _kind_heading(kind: str, n: int) -> str:
    """``People it is a source for (12)``: the heading of one kind of record a source supports."""
    count = labels.number(n)
    if kind == "person":
        return _("People it is a source for ({n})").format(n=count)
    if kind == "event":
        return _("Events it is a source for ({n})").format(n=count)
    if kind == "document":
        return _("Case-file documents it is a source for ({n})").format(n=count)
    if kind == "sentence":
        return _("Sentences it is a source for ({n})").format(n=count)
    if kind == "relation":
        return _("Relations it is a source for ({n})").format(n=count)
    return _("{kinds} it is a source for ({n})").format(kinds=kind.capitalize() + "s", n=count)


def _not_visible() -> str:
    """A published figure the scan does not show."""
    return _("not visible")


def _citations(d: SourceDetail) -> str:
    """What cites a source: whole records by kind (sorted by label), then field values."""
    records = [c for c in d.citations if c.field == "record"]
    values = [c for c in d.citations if c.field != "record"]
    out = heading(_("Facts citing this source ({n})").format(n=labels.number(d.citations_total)))
    kinds = sorted(
        {c.subject.ref.kind for c in records},
        key=lambda k: (
            _KIND_ORDER.index(k) if k in _KIND_ORDER else len(_KIND_ORDER),
            k,
        ),
    )
    for kind in kinds:
        items = sorted(
            (c for c in records if c.subject.ref.kind == kind),
            key=lambda c: (c.subject.label.casefold(), c.subject.ref.id),
        )
        out += (
            heading(_kind_heading(kind, len(items)), 3)
            + "<ul>"
            + "".join(f"<li>{esc(c.subject.label)}</li>" for c in items)
            + "</ul>"
        )
    if values:
        heads = (esc(_("Item")), esc(_("Fact")), esc(_("Value")))
        out += heading(_("Values it gives for single facts"), 3) + table(
            heads,
            [
                (
                    esc(c.subject.label),
                    esc(field_label(c.field)),
                    esc(format_value(c.field, c.value)) if c.value else "",
                )
                for c in values
            ],
            widths=(40, 20, 40),
        )
    more = d.citations_total - len(d.citations)
    if more > 0:
        rest = ngettext(
            "… and {n} more fact (not listed here; the detail view and the lists of the "
            "archive show it).",
            "… and {n} more facts (not listed here; the detail view and the lists of the "
            "archive show them).",
            more,
        ).format(n=labels.number(more))
        out += f'<p class="muted">{esc(rest)}</p>'
    return out


def source_html(d: SourceDetail, css: str) -> tuple[str, str]:
    """(title, HTML) of a short source dossier: the record, its tallies, what cites it."""
    rows = [
        r
        for r in (
            _fact_row(_("Author"), d.author, ""),
            _fact_row(_("Title"), d.title, ""),
            _fact_row(_("Year"), str(d.year) if d.year else None, ""),
            _fact_row(_("Kind"), labels.source_kind(d.kind), ""),
            _fact_row(_("Language"), labels.language_name(d.language), ""),
            _fact_row(_("Address"), d.url, ""),
            _fact_row(_("Note"), d.note, ""),
        )
        if r is not None
    ]
    # No id in the header: a source is known to readers by its author and title.
    parts = [_header(d.label, None, esc(_("Source dossier"))), rows_html(rows)]
    if d.tallies:
        heads = (esc(_("Tribunal")), esc(_("As printed")), esc(_("Count")))
        parts.append(
            heading(_("Figures this source publishes"))
            + table(
                heads,
                [
                    (
                        esc(labels.tally_scope(t.tribunal)),
                        esc(t.label),
                        esc(t.count if t.count is not None else _not_visible()),
                    )
                    for t in d.tallies
                ],
                widths=(22, 63, 15),
            )
        )
    if d.citations:
        parts.append(_citations(d))
    title = _("Source dossier: {title}").format(title=d.label)
    return title, page(d.label, css, "".join(parts))


def reader_notes_html(note: str, tags: Iterable[str], bookmarked: bool) -> str:
    """The reader's own notes on the record, for the end of its dossier: clearly headed as
    the reader's and not the archive's, every word escaped, paragraphs kept."""
    parts = [
        f"<h2>{escape(_('Reader’s notes'))}</h2>",
        "<p class='note'><i>"
        + escape(
            _(
                "Written by the reader in their own notebook; not part of the archive "
                "and not sourced."
            )
        )
        + "</i></p>",
    ]
    said = []
    if bookmarked:
        said.append(escape(_("Bookmarked by the reader.")))
    tag_list = [t for t in tags if t]
    if tag_list:
        said.append(escape(_("Tags: {tags}").format(tags=", ".join(tag_list))))
    if said:
        parts.append("<p>" + " ".join(said) + "</p>")
    for paragraph in note.split("\n\n"):
        if paragraph.strip():
            lines = "<br>".join(escape(_breakable(line)) for line in paragraph.split("\n"))
            parts.append(f"<p>{lines}</p>")
    return "".join(parts)


#: Longest run of characters without a break opportunity in the reader's notes (Qt's layout
#: is super-linear in the length of one unbroken word).
WORD_LIMIT = 80


def _breakable(line: str) -> str:
    """``line`` with a zero-width space in every run of :data:`WORD_LIMIT` unbroken characters."""
    return re.sub(rf"\S{{{WORD_LIMIT}}}(?=\S)", lambda m: m.group(0) + "\u200b", line)


def with_reader_notes(html: str, notes: str) -> str:
    """``html`` (a whole dossier page) with ``notes`` added at the end of its body."""
    at = html.rfind("</body>")
    return html + notes if at < 0 else html[:at] + notes + html[at:]
