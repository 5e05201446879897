"""``kremlin-archive show ID``: one record with all its facts, claims and sources."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli import EXIT_NOT_FOUND
from app.commands.output import facts_lines, print_json
from db import Archive, queries
from db.dto import Detail, DocumentDetail, EventDetail, PersonDetail
from db.vocab import ROLES, STAGES, TRIBUNALS

HELP = "print one person, event, document or source with every fact and its sources"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("id", help="record id, e.g. cherniavsky-mikhail or event/ev-1934-kirov")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print the record."""
    with archive.connect() as conn:
        refs = queries.find_refs(conn, args.id)
    if not refs:
        print(f"kremlin-archive: no record with id “{args.id}”", file=sys.stderr)
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


def text_lines(d: Detail) -> list[str]:
    """Plain-text rendering of a detail DTO."""
    if isinstance(d, PersonDetail):
        return _person(d)
    if isinstance(d, EventDetail):
        lines = [f"EVENT {d.id}: {d.title}", f"  date: {d.date_label}"]
        if d.summary:
            lines.append(f"  summary: {d.summary}")
        lines += [
            f"  participant: {p.item.label} [{p.item.ref.id}] ({p.role})" for p in d.participants
        ]
        lines += [f"  document: {x.date} {x.item.label} [{x.item.ref.id}]" for x in d.documents]
        return lines + facts_lines(d.facts)
    if isinstance(d, DocumentDetail):
        lines = [
            f"DOCUMENT {d.id}: {d.title}",
            f"  date: {d.date_label}",
            f"  type: {d.doc_type}",
            f"  collection: {d.collection or '—'}",
            f"  address: {d.url or '—'}",
        ]
        for written, person in d.named:
            target = f"{person.label} [{person.ref.id}]" if person else "not linked"
            lines.append(f"  names: {written} → {target}")
        return lines + facts_lines(d.facts)
    lines = [
        f"SOURCE {d.id}: {d.label}",
        f"  kind: {d.kind}, language: {d.language}",
        f"  address: {d.url or '—'}",
    ]
    if d.note:
        lines.append(f"  note: {d.note}")
    lines += [
        f"  tally: {t.tribunal}: {t.label} = {t.count if t.count is not None else '?'}"
        for t in d.tallies
    ]
    lines += [
        f"  cited for: {c.subject.label} — {c.field}" + (f": {c.value}" if c.value else "")
        for c in d.citations
    ]
    if d.citations_total > len(d.citations):
        lines.append(f"  … and {d.citations_total - len(d.citations)} more")
    return lines


def _person(d: PersonDetail) -> list[str]:
    life = f"{d.birth_year or '?'}–{d.death_year or '?'}"
    lines = [
        f"PERSON {d.id}: {d.name_en} / {d.name_ru}",
        f"  role: {ROLES.get(d.role, d.role)}; life: {life}; confidence: {d.confidence}",
    ]
    for label, value in (
        ("sex", d.sex),
        ("nationality", d.nationality),
        ("occupation", d.occupation),
        ("organisation", d.organisation),
        ("summary", d.summary),
        ("later fate", d.later_fate),
    ):
        if value:
            lines.append(f"  {label}: {value}")
    lines += [f"  name: {n.name} ({n.script}, {n.kind})" for n in d.names]
    for s in d.sentences:
        lines.append(
            f"  sentence ({STAGES.get(s.stage, s.stage)}): "
            f"{TRIBUNALS.get(s.tribunal, s.tribunal)}, {s.date}: {s.label} "
            f"(confidence {s.confidence})"
        )
        lines += facts_lines(s.facts, "    ")
    for r in d.relations:
        lines.append(f"  relation: {r.sentence(d.name_en)} [{r.other.ref.id}]")
        lines += facts_lines(r.facts, "    ")
    lines += [f"  event: {e.date} {e.item.label} [{e.item.ref.id}]" for e in d.events]
    lines += [f"  document: {x.date} {x.item.label} [{x.item.ref.id}]" for x in d.documents]
    return lines + facts_lines(d.facts)
