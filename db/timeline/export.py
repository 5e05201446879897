"""The timeline as JSON: what the view's "Export data" writes and ``kremlin-archive timeline
--json`` prints, and reads back into the same :class:`~db.timeline.model.TimelineSlice`.

Every mark keeps its date with its precision, the claims that give it with their sources
(label and id) and its dispute group; density buckets keep lane, date, precision and count.
Labels are in the language of the export; JSON escapes every control character.
"""

from __future__ import annotations

import json
from typing import Any

from db.dto import ClaimDTO, Labelled, Ref
from db.timeline.model import Bucket, Lane, Mark, TimelineSlice

#: Version of this JSON shape (bump when a reader of the old one would misread the new).
FORMAT = 1


def _ref(ref: Ref | None) -> dict[str, str] | None:
    return None if ref is None else {"kind": ref.kind, "id": ref.id}


def _labelled(item: Labelled) -> dict[str, Any]:
    return {"ref": _ref(item.ref), "label": item.label}


def _claim(c: ClaimDTO) -> dict[str, Any]:
    return {
        "field": c.field,
        "value": c.value,
        "source": _labelled(c.source),
        "locator": c.locator,
        "note": c.note,
        "confidence": c.confidence,
    }


def _mark(m: Mark) -> dict[str, Any]:
    return {
        "lane": m.lane,
        "kind": m.kind,
        "ref": _ref(m.ref),
        "subject": m.subject,
        "date": m.date,
        "precision": m.precision,
        "label": m.label,
        "dispute": m.dispute,
        "claims": [_claim(c) for c in m.claims],
        "sources": [_labelled(s) for s in m.sources],
    }


def slice_to_dict(s: TimelineSlice) -> dict[str, Any]:
    """Plain data of a slice (what :func:`slice_to_json` writes)."""
    return {
        "format": FORMAT,
        "mode": s.mode,
        "from": s.lo,
        "to": s.hi,
        "level": s.level,
        "lanes": [
            {"key": lane.key, "label": lane.label, "ref": _ref(lane.ref)} for lane in s.lanes
        ],
        "marks": [_mark(m) for m in s.marks],
        "density": [
            {"lane": b.lane, "date": b.date, "precision": b.precision, "n": b.n} for b in s.buckets
        ],
        "undated": s.undated,
        "totals": {lane: n for lane, n in s.totals},
        "dense": list(s.dense),
        "truncated": list(s.truncated),
        "hidden_people": s.hidden_people,
    }


def slice_to_json(s: TimelineSlice) -> str:
    """The slice as indented UTF-8 JSON text."""
    return json.dumps(slice_to_dict(s), ensure_ascii=False, indent=2)


def _ref_back(data: dict[str, str] | None) -> Ref | None:
    return None if data is None else Ref(str(data["kind"]), str(data["id"]))


def _labelled_back(data: dict[str, Any]) -> Labelled:
    ref = _ref_back(data["ref"])
    assert ref is not None
    return Labelled(ref, str(data["label"]))


def _mark_back(d: dict[str, Any]) -> Mark:
    ref = _ref_back(d["ref"])
    assert ref is not None
    return Mark(
        lane=d["lane"],
        kind=d["kind"],
        ref=ref,
        subject=d["subject"],
        date=d["date"],
        precision=d["precision"],
        label=d["label"],
        claims=tuple(
            ClaimDTO(
                c["field"],
                c["value"],
                _labelled_back(c["source"]),
                c["locator"],
                c["note"],
                c["confidence"],
            )
            for c in d["claims"]
        ),
        sources=tuple(_labelled_back(s) for s in d["sources"]),
        dispute=d["dispute"],
    )


def slice_from_json(text: str) -> TimelineSlice:
    """Read :func:`slice_to_json`'s text back (raises ``ValueError``/``KeyError`` on others)."""
    d = json.loads(text)
    if d.get("format") != FORMAT:
        raise ValueError(f"not a timeline export of format {FORMAT}")
    return TimelineSlice(
        lanes=tuple(Lane(x["key"], x["label"], _ref_back(x["ref"])) for x in d["lanes"]),
        marks=tuple(_mark_back(m) for m in d["marks"]),
        buckets=tuple(Bucket(b["lane"], b["date"], b["precision"], b["n"]) for b in d["density"]),
        lo=d["from"],
        hi=d["to"],
        undated=d["undated"],
        totals=tuple(d["totals"].items()),
        dense=tuple(d["dense"]),
        truncated=tuple(d["truncated"]),
        mode=d["mode"],
        level=d["level"],
        hidden_people=d["hidden_people"],
    )
