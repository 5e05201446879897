"""The timeline's JSON (db.timeline.export): every mark with its date, precision, claims and
sources, and density buckets; it reads back into the same slice."""

from __future__ import annotations

import json

import pytest

from db import Archive, timeline
from db.timeline import TimelineSlice


@pytest.fixture(scope="module")
def slices(archive: Archive) -> list[TimelineSlice]:
    with archive.connect() as conn:
        return [
            timeline.kind_slice(conn, "1935-01-01", "1935-12-31", "month"),
            timeline.kind_slice(conn, "1935-01-01", "1935-12-31", "day", budget=20),
            timeline.person_slice(conn, ["rozenfeld-boris", "yenukidze-avel"]),
        ]


def test_a_slice_round_trips_through_json(slices: list[TimelineSlice]) -> None:
    for s in slices:
        assert timeline.slice_from_json(timeline.slice_to_json(s)) == s


def test_the_json_names_dates_precisions_and_the_sources_of_a_dispute(
    slices: list[TimelineSlice],
) -> None:
    data = json.loads(timeline.slice_to_json(slices[0]))
    verdict = [m for m in data["marks"] if m["subject"] == "ev-1935-vk-verdict"]
    assert {(m["date"], m["precision"]) for m in verdict} == {
        ("1935-07-25", "day"),
        ("1935-07-27", "day"),
    }
    assert verdict[0]["dispute"] == verdict[1]["dispute"] is not None
    sources = {c["source"]["ref"]["id"] for m in verdict for c in m["claims"]}
    assert "bessmertnybarak-mukhanova" in sources and "koshel-kniga87" in sources
    assert data["undated"] == 44 and data["mode"] == "kind"


def test_density_buckets_are_in_the_json(slices: list[TimelineSlice]) -> None:
    data = json.loads(timeline.slice_to_json(slices[1]))
    assert "document" in data["dense"]
    assert (
        sum(b["n"] for b in data["density"] if b["lane"] == "document")
        == (data["totals"]["document"])
    )


def test_other_json_is_refused() -> None:
    with pytest.raises(ValueError, match="not a timeline export"):
        timeline.slice_from_json('{"format": 99}')
