"""``kremlin-archive show ID``: one record with all its facts, claims and sources."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli import EXIT_NOT_FOUND
from app.commands.output import facts_lines, print_json
from app.commands.suggest import suggestion
from app.pages import labels
from db import Archive, queries
from db.dto import DatedRef, Detail, DocumentDetail, EventDetail, PersonDetail
from db.i18n import DEFAULT, N_, _, language, ngettext
from db.queries import person_name
from db.vocab import (
    STAGES,
    TRIBUNALS,
    claim_field_name,
    claim_value_label,
    confidence_label,
    event_role,
    source_kind_label,
    tally_scope,
)

HELP = N_("print one person, event, document or source with every fact and its sources")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("id", help=_("record id, e.g. cherniavsky-mikhail or event/ev-1934-kirov"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print the record."""
    with archive.connect() as conn:
        refs = queries.find_refs(conn, args.id)
        hint = "" if refs else suggestion(conn, args.id)
    if not refs:
        print(_("kremlin-archive: no record with id “{id}”").format(id=args.id), file=sys.stderr)
        if hint:
            print(hint, file=sys.stderr)
        return EXIT_NOT_FOUND
    with archive.connect() as conn:
        details = [d for d in (queries.detail(conn, r) for r in refs) if d is not None]
    if args.json:
        print_json(
            [_record(r.kind, d) for r, d in zip(refs, details, strict=True)]
            if len(details) > 1
            else _record(refs[0].kind, details[0])
        )
        return 0
    for d in details:
        print("\n".join(text_lines(d)))
    return 0


def _record(kind: str, item: Detail) -> dict[str, object]:
    """``{"kind": "source", …}``; a source's own kind (book, article …) is ``source_kind``."""
    fields = _dict(item)
    if "kind" in fields:
        fields["source_kind"] = fields.pop("kind")
    return {"kind": kind, **fields}


def _dict(item: Detail) -> dict[str, object]:
    from app.commands.output import to_jsonable

    out: dict[str, object] = _machine_dates(to_jsonable(item))
    return out


def _machine_dates(value: Any) -> Any:
    """Dates for machines: where a record has ``iso``, ``date`` becomes that ISO 8601 date
    (``1935-03-26``, ``1935-03``) with its ``precision``, and the text a reader sees moves to
    ``date_label``; an unknown date is ``null``, not a sentence."""
    if isinstance(value, list):
        return [_machine_dates(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _machine_dates(v) for k, v in value.items()}
    if "iso" in out:
        out["date_label"] = out.get("date")
        out["date"] = out.pop("iso")
        out["precision"] = out.pop("precision", None)
    elif "date_label" in out and "precision" not in out:  # a document: its ISO date's length
        out["precision"] = _PRECISION_OF_LENGTH.get(len(str(out.get("date") or "")))
        out["date"] = out.get("date") or None
    return out


_PRECISION_OF_LENGTH = {10: "day", 7: "month", 4: "year"}


def _term(key: str, label: str) -> str:
    """A stored key as ``show`` has always printed it in English (``military-collegium``), its
    label in another language («Военная коллегия …»)."""
    return key if language() == DEFAULT else label


def text_lines(d: Detail) -> list[str]:
    """Plain-text rendering of a detail DTO."""
    if isinstance(d, PersonDetail):
        return _person(d)
    if isinstance(d, EventDetail):
        return _event(d)
    if isinstance(d, DocumentDetail):
        return _document(d)
    lines = [
        _("SOURCE {id}: {label}").format(id=d.id, label=d.label),
        "  "
        + _("kind: {kind}, language: {language}").format(
            kind=source_kind_label(d.kind), language=d.language
        ),
        "  " + _("address: {url}").format(url=d.url or "—"),
    ]
    if d.note:
        lines.append("  " + _("note: {note}").format(note=d.note))
    lines += [
        "  "
        + _("tally: {scope}: {label} = {count}").format(
            scope=_term(t.tribunal, tally_scope(t.tribunal)),
            label=t.label,
            count=t.count if t.count is not None else "?",
        )
        for t in d.tallies
    ]
    for c in d.citations:
        field = claim_field_name(c.field)
        line = (
            _("cited for: {subject} — {field}: {value}")
            if c.value
            else _("cited for: {subject} — {field}")
        )
        value = claim_value_label(c.field, c.value) if c.value else c.value
        lines.append("  " + line.format(subject=c.subject.label, field=field, value=value))
    if d.citations_total > len(d.citations):
        more = d.citations_total - len(d.citations)
        lines.append("  " + ngettext("… and {n} more", "… and {n} more", more).format(n=more))
    return lines


def _event(d: EventDetail) -> list[str]:
    lines = [
        _("EVENT {id}: {title}").format(id=d.id, title=d.title),
        "  " + _("date: {date}").format(date=d.date_label),
    ]
    if d.summary:
        lines.append("  " + _("summary: {text}").format(text=d.summary))
    lines += [
        "  "
        + _("participant: {name} [{id}] ({role})").format(
            name=p.item.label, id=p.item.ref.id, role=event_role(p.role or "", p.sex)
        )
        for p in d.participants
    ]
    lines += [_document_line(x) for x in d.documents]
    return lines + facts_lines(d.facts)


def _document_line(x: DatedRef) -> str:
    return "  " + _("document: {date} {title} [{id}]").format(
        date=x.date, title=x.item.label, id=x.item.ref.id
    )


def _document(d: DocumentDetail) -> list[str]:
    lines = [
        _("DOCUMENT {id}: {title}").format(id=d.id, title=d.title),
        "  " + _("date: {date}").format(date=d.date_label),
        "  " + _("type: {type}").format(type=_term(d.doc_type, labels.document_type(d.doc_type))),
        "  " + _("collection: {collection}").format(collection=d.collection or "—"),
        "  " + _("address: {url}").format(url=d.url or "—"),
    ]
    for written, person in d.named:
        target = f"{person.label} [{person.ref.id}]" if person else _("not linked")
        lines.append("  " + _("names: {written} → {person}").format(written=written, person=target))
    return lines + facts_lines(d.facts)


def _person(d: PersonDetail) -> list[str]:
    life = f"{d.birth_year or '?'}–{d.death_year or '?'}"
    # TRANSLATORS: put the name in your script first ({name_ru} is the Cyrillic form).
    lines = [
        _("PERSON {id}: {name_en} / {name_ru}").format(
            id=d.id, name_en=d.name_en, name_ru=d.name_ru
        ),
        "  "
        + _("role: {role}; life: {life}; confidence: {confidence}").format(
            role=labels.role(d.role, d.sex), life=life, confidence=confidence_label(d.confidence)
        ),
    ]
    for label, value in (
        (_("sex: {value}"), labels.sex_words(d.sex)),
        (_("nationality: {value}"), d.nationality),
        (_("occupation: {value}"), d.occupation),
        (_("organisation: {value}"), d.organisation),
        (_("summary: {text}"), d.summary),
        (_("later fate: {value}"), d.later_fate),
    ):
        if value:
            lines.append("  " + label.format(value=value, text=value))
    lines += [
        "  "
        # TRANSLATORS: {form} is e.g. "Cyrillic, Russian form".
        + _("name: {name} ({form})").format(name=n.name, form=labels.name_form(n.script, n.kind))
        for n in d.names
    ]
    for s in d.sentences:
        lines.append(
            "  "
            + _(
                "sentence ({stage}): {tribunal}, {date}: {sentence} (confidence {confidence})"
            ).format(
                stage=STAGES.get(s.stage, s.stage),
                tribunal=TRIBUNALS.get(s.tribunal, s.tribunal),
                date=s.date,
                sentence=s.label,
                confidence=confidence_label(s.confidence),
            )
        )
        lines += facts_lines(s.facts, "    ")
    this = person_name(d.name_en, d.name_ru)
    for r in d.relations:
        lines.append(
            "  "
            + _("relation: {relation} [{id}]").format(relation=r.sentence(this), id=r.other.ref.id)
        )
        lines += facts_lines(r.facts, "    ")
    lines += [
        "  "
        + _("event: {date} {title} [{id}]").format(
            date=e.date, title=e.item.label, id=e.item.ref.id
        )
        for e in d.events
    ]
    lines += [_document_line(x) for x in d.documents]
    return lines + facts_lines(d.facts)
