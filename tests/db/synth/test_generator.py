"""The generator: one seed drives everything in a fixed order, chunk by chunk, so the same
seed and size give the same rows; rows pass the builder's source-data validation."""

from __future__ import annotations

from collections import Counter

import pytest

from db import synth
from db.build.source_data import validate
from db.synth import generator
from db.synth.generator import source_count
from db.synth.records import Batch
from tests.db.synth.collector import Collector, collect
from tests.db.synth.conftest import GENERATED_PEOPLE


@pytest.mark.parametrize(
    ("people", "sources"),
    [(1, 40), (10_000, 40), (10_250, 41), (250_000, 1000), (3_000_000, 12_000), (10**9, 12_000)],
)
def test_there_is_one_source_per_250_people_within_bounds(people: int, sources: int) -> None:
    assert source_count(people) == sources


@pytest.mark.parametrize("people", [0, -3])
def test_an_empty_archive_is_refused_before_anything_is_sent(people: int) -> None:
    sink = Collector()
    with pytest.raises(ValueError, match="at least one person"):
        synth.generate(sink, people, seed=1)
    assert sink.order == []


def test_the_same_seed_gives_the_same_rows_in_the_same_order() -> None:
    a, b = collect(300, seed=7), collect(300, seed=7)
    assert a.order == b.order and a.rows == b.rows


def test_another_seed_gives_other_people() -> None:
    a, b = collect(300, seed=1), collect(300, seed=2)
    assert {r[0] for r in a.rows["person"]} != {r[0] for r in b.rows["person"]}


def test_generated_rows_pass_the_source_data_validation(generated: Collector) -> None:
    validate(generated.source_data())  # raises BuildError naming the first bad row
    assert generated.counts["person"] == GENERATED_PEOPLE


def test_the_counts_returned_are_the_rows_sent(generated: Collector) -> None:
    assert generated.counts == Counter({t: len(rows) for t, rows in generated.rows.items()})


def test_sources_come_first_then_each_chunk_in_batch_order_then_the_tallies(
    generated: Collector,
) -> None:
    assert generated.order == ["source", *Batch.TABLES, "tally"]  # 1,500 people: one chunk


def test_a_chunk_is_reported_after_it_is_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator, "CHUNK", 64)
    sink = Collector()
    ticks: list[tuple[int, int, int]] = []
    counts = synth.generate(sink, 200, 5, lambda *tick: ticks.append(tick))
    assert [(done, total) for done, total, _ in ticks] == [
        (64, 200),
        (128, 200),
        (192, 200),
        (200, 200),
    ]
    assert ticks[-1][2] == sum(counts.values()) - counts["tally"]
    assert [rows for *_, rows in ticks] == sorted({rows for *_, rows in ticks})  # growing
    assert sink.order == ["source", *Batch.TABLES * 4, "tally"]


def test_chunks_together_hold_every_person_and_the_event_and_document_targets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(generator, "CHUNK", 64)
    sink = collect(201, seed=5)
    assert [str(r[0]).rsplit("-", 1)[1] for r in sink.rows["person"]] == [
        str(i) for i in range(1, 202)
    ]
    assert (sink.counts["event"], sink.counts["document"]) == (100, 50)
    validate(sink.source_data())
