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

from app.pages.markup import (
    Footnotes,
    disputed_table,
    esc,
    field_label,
    format_value,
    life_dates,
    page,
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
from db.vocab import ROLES, STAGES, TRIBUNALS, tally_scope

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
_SEX = {"M": "male", "F": "female"}
_NONE = '<span class="muted">{}</span>'
_FLAG = ' <span class="flag">sources disagree — see Conflicting claims</span>'


def _claims(*groups: Iterable[ClaimDTO]) -> list[ClaimDTO]:
    return [c for g in groups for c in g]


def _values_cited(fc: FieldClaims, notes: Footnotes) -> str:
    """Each claimed value of a field with its own marker; "or" between disagreeing values."""
    parts = []
    for v in fc.values:
        claims = [c for c in fc.claims if (c.value or "") == v]
        parts.append(f"{esc(format_value(fc.field, v or None))}{notes.cite(claims)}")
    text = " or ".join(parts)
    if fc.disputed:
        text += _FLAG
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
        return text + _FLAG
    if not (same or within):
        text += f'; <span class="muted">given as</span> {_values_cited(fc, notes)}'
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
    name_flag = _FLAG if any(fc.field in _NAME_FIELDS for fc in f.disputed) else ""
    rows = [
        r
        for r in (
            _fact_row("Name (Latin)", d.name_en, ""),
            _fact_row("Name (Cyrillic)", d.name_ru, ""),
            _fact_row("Also written", "; ".join(others) if others else None, name_flag),
            _fact_row("Life dates", life_dates(d.birth_year, d.death_year), ""),
            ("Date of death", _values_cited(death, notes)) if death else None,
            _fact_row("Sex", _SEX.get(d.sex or "", d.sex), ""),
            *(
                (label, _column_fact(value, f, field, notes)) if value else None
                for label, value, field in (
                    ("Nationality", d.nationality, "nationality"),
                    ("Occupation", d.occupation, "occupation"),
                    ("Organisation", d.organisation, "organisation"),
                )
            ),
            _fact_row("Role in the case", ROLES.get(d.role, d.role), ""),
        )
        if r is not None
    ]
    out = f"<h2>Key facts</h2>{rows_html(rows)}"
    if d.summary:
        out += f'<p class="summary">{esc(d.summary)}</p>'
    return out


def _arrest(d: PersonDetail, events: Mapping[str, Facts], notes: Footnotes) -> str:
    lines = []
    fc = d.facts.field("arrest_date")
    if fc:
        lines.append(f"Arrest date: {_values_cited(fc, notes)}")
    for e in d.events:
        if _ARREST.search(e.item.label) and e.role != "investigator":
            facts = events.get(e.item.ref.id, Facts())
            marker = notes.cite(_claims(facts.sources, _field_claims(facts, "date")))
            role = f" (as {esc(e.role)})" if e.role else ""
            lines.append(f"Event: {esc(e.date)}, “{esc(e.item.label)}”{role}{marker}")
    return "<br>".join(lines) or _NONE.format("No arrest date or arrest event is recorded.")


def _field_claims(facts: Facts, name: str) -> tuple[ClaimDTO, ...]:
    fc = facts.field(name)
    return fc.claims if fc else ()


def _sentence(s: SentenceFact, notes: Footnotes) -> str:
    """Tribunal, date and sentence, each cited by its own claims; the sentence's sources once."""
    f = s.facts
    if s.tribunal == "unknown" and not f.field("tribunal"):
        tribunal = _NONE.format("not known")  # an absence: nothing to cite
    else:
        tribunal = f"{esc(TRIBUNALS.get(s.tribunal, s.tribunal))}" + notes.cite(
            _field_claims(f, "tribunal")
        )
    date_fc = f.field("date")
    if date_fc:
        date = _values_cited(date_fc, notes)
    elif s.date == "date unknown":
        date = _NONE.format("not known")
    else:
        date = esc(s.date)
    kind_claims = _claims(_field_claims(f, "kind"), _field_claims(f, "years"))
    label = f'<span class="em">{esc(s.label)}</span>{notes.cite(kind_claims)}'
    flag = ""
    if any(fc.disputed for fc in f.fields if fc.field in ("kind", "years", "tribunal")):
        flag = _FLAG
    out = f"Tribunal: {tribunal}<br>Date: {date}<br>Sentence: {label}{flag}"
    if s.notes:
        out += f'<br><span class="note">{esc(s.notes)}</span>'
    out += f'<br><span class="muted">confidence {esc(s.confidence)}</span>'
    numbers = notes.numbers(f.sources)
    if numbers:
        word = "notes" if ("," in numbers or "–" in numbers) else "note"
        out += f'<br><span class="fnum">Sources of this sentence: {word} {numbers}</span>'
    return out


def _case_chain(d: PersonDetail, events: Mapping[str, Facts], notes: Footnotes) -> str:
    rows = [("Arrest", _arrest(d, events, notes))]
    charges = d.facts.field("charges") or d.facts.field("charge")
    rows.append(
        (
            "Charges",
            _values_cited(charges, notes)
            if charges
            else _NONE.format(
                "Not recorded as a separate fact; where a source states them "
                "they are quoted in the sentence notes."
            ),
        )
    )
    for s in d.sentences:
        rows.append((esc(STAGES.get(s.stage, s.stage)).capitalize(), _sentence(s, notes)))
    if not d.sentences:
        rows.append(("Sentence", _NONE.format("No sentence is recorded for this person.")))
    fate = d.facts.field("later_fate")
    if d.later_fate:
        rows.append(("Later fate", _column_fact(d.later_fate, d.facts, "later_fate", notes)))
    elif fate:
        rows.append(("Later fate", _values_cited(fate, notes)))
    # Hanging rows, not a table: a table costs Qt three layouts of every cell (a quarter
    # of a dossier's layout time) and this one needs no grid to be read.
    return "<h2>The case</h2>" + rows_html(rows, css="stage", label_css="stagelabel")


def _conflicts(d: PersonDetail, notes: Footnotes) -> str:
    items: list[tuple[str, FieldClaims]] = [(d.name_en, fc) for fc in d.facts.disputed]
    for s in d.sentences:
        items += [(STAGES.get(s.stage, s.stage), fc) for fc in s.facts.disputed]
    for r in d.relations:
        items += [(r.sentence(d.name_en), fc) for fc in r.facts.disputed]
    if not items:
        return (
            '<h2>Conflicting claims</h2><p class="muted">No field of this record has '
            "conflicting claims in the archive.</p>"
        )
    return "<h2>Conflicting claims</h2>" + "".join(
        disputed_table(subject, fc, notes) for subject, fc in items
    )


def _further(d: PersonDetail, notes: Footnotes) -> str:
    # Disputed fields are printed once, side by side, under Conflicting claims.
    rows = [
        (esc(field_label(fc.field)), _values_cited(fc, notes))
        for fc in d.facts.fields
        if fc.field not in _PLACED_FIELDS and not fc.disputed
    ]
    return f"<h2>Further sourced facts</h2>{rows_html(rows)}" if rows else ""


def _relations(d: PersonDetail, notes: Footnotes) -> str:
    if not d.relations:
        return ""
    items = []
    for r in d.relations:
        marker = notes.cite(_claims(_field_claims(r.facts, "relation"), r.facts.sources))
        note = f' <span class="note">{esc(r.note)}</span>' if r.note else ""
        items.append(f"<li>{esc(r.sentence(d.name_en))}{marker}{note}</li>")
    return f"<h2>Relations</h2><ul>{''.join(items)}</ul>"


def _dated_rows(items: Iterable[DatedRef], facts: Mapping[str, Facts], notes: Footnotes) -> str:
    """``date<TAB>title — role¹`` lines, each cited by the item's own sources."""
    rows = []
    for e in items:
        f = facts.get(e.item.ref.id, Facts())
        role = f' <span class="muted">— {esc(e.role)}</span>' if e.role else ""
        marker = notes.cite(_claims(f.sources, _field_claims(f, "date")))
        rows.append((esc(e.date), f"{esc(e.item.label)}{role}{marker}"))
    return rows_html(rows, "dated")


def person_html(
    d: PersonDetail,
    css: str,
    events: Mapping[str, Facts] | None = None,
    documents: Mapping[str, Facts] | None = None,
) -> tuple[str, str]:
    """(title, HTML) of a person's dossier; ``events``/``documents``: their facts by id."""
    events = events or {}
    notes = Footnotes()
    title = f"{d.name_en} — {d.name_ru}"
    kind = (
        f"Person dossier · {esc(ROLES.get(d.role, d.role))} · record "
        f"person/{esc(d.id)} · confidence of the record: {esc(d.confidence)}"
    )
    parts = [
        _header(d.name_en, d.name_ru, kind),
        notes.record_note(d.facts.sources),
        _key_facts(d, notes),
        _case_chain(d, events, notes),
        _conflicts(d, notes),
        _further(d, notes),
        _relations(d, notes),
    ]
    if d.events:
        parts.append("<h2>Timeline</h2>" + _dated_rows(d.events, events, notes))
    if d.documents:
        parts.append(
            "<h2>Documents naming this person</h2>"
            + _dated_rows(d.documents, documents or {}, notes)
        )
    parts.append(notes.html())
    return f"Person dossier: {title}", page(title, css, "".join(parts))


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
        out += f"<h2>Figures and facts given by the sources</h2>{rows_html(agreed)}"
    disputed = [fc for fc in facts.disputed if fc.field not in skip]
    if disputed:
        out += "<h2>Conflicting claims</h2>" + "".join(
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
            [TRIBUNALS.get(s.tribunal, s.tribunal)]
            if s.tribunal != "unknown" and (verdict_tribunal or s.stage != "verdict")
            else []
        )
        if s.date != "date unknown":
            where.append(s.date)
        context = f" ({esc(', '.join(where))})" if where else ""
        text = f"{esc(s.label)}{context}{marker}"
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
    date = _values_cited(date_fc, notes) if date_fc else esc(d.date_label)
    parts = [
        _header(d.title, None, f"Event dossier · record event/{esc(d.id)}"),
        record_note,
        rows_html([("Date", date)]),
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
            verdict = f'{esc(p.date)} <span class="muted">(sources: see the person)</span>'
        rows.append((esc(p.item.label), esc(p.role or ""), verdict or _NONE.format("none"), later))
    if rows:
        # Who took part comes from the event's own sources (its record note); each outcome
        # carries the sources of its own sentence.
        count = f"{len(d.participants):,} {'person' if len(d.participants) == 1 else 'people'}"
        parts.append(
            f"<h2>Participants and their outcomes</h2><p>{count} of this archive "
            "took part, as the sources of this record give them; outcomes as each "
            "verdict's sources give them.</p>"
            + table(("Person", "Role", "1935 verdict", "Later"), rows, widths=(31, 15, 31, 23))
        )
    if d.documents:
        more = d.documents_total - len(d.documents)
        parts.append(
            "<h2>Documents of the date</h2>" + _dated_rows(d.documents, documents or {}, notes)
        )
        if more > 0:
            parts.append(f'<p class="muted">… and {more:,} more documents of this date.</p>')
    parts.append(notes.html())
    return f"Event dossier: {d.title}", page(d.title, css, "".join(parts))


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
            ("Date", _values_cited(date_fc, notes)) if date_fc else None,
            None if date_fc else _fact_row("Date", d.date_label, ""),
            _fact_row("Type", d.doc_type, ""),
            _fact_row("Collection", d.collection, ""),
            _fact_row("Category", d.category, ""),
            _fact_row("Address", d.url, ""),
        )
        if r is not None
    ]
    parts = [
        _header(d.title, None, f"Document dossier · record document/{esc(d.id)}"),
        record_note,
        rows_html(rows),
    ]
    if d.named:
        named = [
            (esc(written), esc(p.label) if p else _NONE.format("not linked"))
            for written, p in d.named
        ]
        parts.append(
            "<h2>Names in the title</h2>" + table(("As written", "Person"), named, widths=(40, 60))
        )
    if d.events:
        parts.append("<h2>Events of the date</h2>" + _dated_rows(d.events, events or {}, notes))
    parts.append(notes.html())
    return f"Document dossier: {d.title}", page(d.title, css, "".join(parts))


#: Headings of the records a source supports, by kind, in this order.
_KIND_HEADINGS = {
    "person": "People",
    "event": "Events",
    "document": "Case-file documents",
    "sentence": "Sentences",
    "relation": "Relations",
}


def _citations(d: SourceDetail) -> str:
    """What cites a source: whole records by kind (sorted by label), then field values."""
    records = [c for c in d.citations if c.field == "record"]
    values = [c for c in d.citations if c.field != "record"]
    out = f"<h2>Facts citing this source ({d.citations_total:,})</h2>"
    kinds = sorted(
        {c.subject.ref.kind for c in records},
        key=lambda k: (
            list(_KIND_HEADINGS).index(k) if k in _KIND_HEADINGS else len(_KIND_HEADINGS),
            k,
        ),
    )
    for kind in kinds:
        items = sorted(
            (c for c in records if c.subject.ref.kind == kind),
            key=lambda c: (c.subject.label.casefold(), c.subject.ref.id),
        )
        heading = _KIND_HEADINGS.get(kind, kind.capitalize() + "s")
        out += (
            f"<h3>{esc(heading)} it is a source for ({len(items):,})</h3><ul>"
            + "".join(f"<li>{esc(c.subject.label)}</li>" for c in items)
            + "</ul>"
        )
    if values:
        out += "<h3>Values it gives for single facts</h3>" + table(
            ("Item", "Fact", "Value"),
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
        out += (
            f'<p class="muted">… and {more:,} more facts (not listed here; the detail '
            "view and the lists of the archive show them).</p>"
        )
    return out


def source_html(d: SourceDetail, css: str) -> tuple[str, str]:
    """(title, HTML) of a short source dossier: the record, its tallies, what cites it."""
    rows = [
        r
        for r in (
            _fact_row("Author", d.author, ""),
            _fact_row("Title", d.title, ""),
            _fact_row("Year", str(d.year) if d.year else None, ""),
            _fact_row("Kind", d.kind, ""),
            _fact_row("Language", d.language, ""),
            _fact_row("Address", d.url, ""),
            _fact_row("Note", d.note, ""),
        )
        if r is not None
    ]
    # No id in the header: a source is known to readers by its author and title.
    parts = [_header(d.label, None, "Source dossier"), rows_html(rows)]
    if d.tallies:
        parts.append(
            "<h2>Figures this source publishes</h2>"
            + table(
                ("Tribunal", "As printed", "Count"),
                [
                    (
                        esc(tally_scope(t.tribunal)),
                        esc(t.label),
                        esc(t.count if t.count is not None else "not visible"),
                    )
                    for t in d.tallies
                ],
                widths=(22, 63, 15),
            )
        )
    if d.citations:
        parts.append(_citations(d))
    return f"Source dossier: {d.label}", page(d.label, css, "".join(parts))
