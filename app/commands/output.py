"""Shared output helpers for commands: JSON of DTOs, plain-text claim lists."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from typing import Any

from db.dto import ClaimDTO, Facts
from db.i18n import _
from db.vocab import claim_field_name, claim_value_label, confidence_label


def to_jsonable(value: Any) -> Any:
    """Dataclasses → dicts (recursively), tuples → lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if hasattr(value, "__fspath__"):
        return str(value)
    return value


#: C1 control characters, which JSON leaves raw (it escapes only C0): escaped as \u0080…
_C1 = re.compile("[\x7f-\x9f]")


def print_json(value: Any) -> None:
    """Write ``value`` as JSON to stdout (UTF-8; every control character escaped)."""
    text = json.dumps(to_jsonable(value), ensure_ascii=False, indent=2)
    sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def claim_line(claim: ClaimDTO, field: str = "") -> str:
    """``[source-id] Author, Title — value (confidence)``; a value of a controlled ``field``
    in the reader's words (``death`` → «расстрел»)."""
    parts = [f"[{claim.source.ref.id}] {claim.source.label}"]
    if claim.value:
        parts.append(f"— {claim_value_label(field, claim.value)}")
    if claim.locator:
        # TRANSLATORS: where in a source a claim stands ("p. 87"); archive text.
        parts.append(_("at {locator}").format(locator=claim.locator))
    if claim.confidence:
        parts.append(f"({confidence_label(claim.confidence)})")
    if claim.note:
        parts.append(f"— {claim.note}")
    return " ".join(parts)


def facts_lines(facts: Facts, indent: str = "  ") -> list[str]:
    """Per-field claims (disputed ones flagged) then the record's sources."""
    lines = []
    for fc in facts.fields:
        name = claim_field_name(fc.field)
        head = _("{field} [sources disagree]:") if fc.disputed else _("{field}:")
        lines.append(indent + head.format(field=name))
        lines.extend(f"{indent}  {claim_line(c, fc.field)}" for c in fc.claims)
    if facts.sources:
        lines.append(indent + _("sources:"))
        lines.extend(f"{indent}  {claim_line(c)}" for c in facts.sources)
    return lines
