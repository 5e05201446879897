"""Generation in a child process: the same rows in the same order as in this process, progress
ticks passed on, and a failure in the child raised here with its traceback."""

from __future__ import annotations

from collections import Counter

import pytest

from db import synth
from db.synth.pipeline import generate_in_child
from tests.db.synth.collector import Collector

PEOPLE = 700


@pytest.fixture(scope="module")
def child() -> tuple[Collector, Counter[str], list[tuple[int, int, int]]]:
    """Rows, counts and ticks of a 700-person generation (seed 6) in a child process."""
    sink = Collector()
    ticks: list[tuple[int, int, int]] = []
    counts = generate_in_child(sink, PEOPLE, 6, lambda *tick: ticks.append(tick))
    return sink, counts, ticks


def test_the_child_sends_the_same_rows_in_the_same_order(
    child: tuple[Collector, Counter[str], list[tuple[int, int, int]]],
) -> None:
    here = Collector()
    counts = synth.generate(here, PEOPLE, seed=6)
    there, there_counts, _ = child
    assert there_counts == counts
    assert there.order == here.order and there.rows == here.rows


def test_the_childs_progress_is_ticked_here(
    child: tuple[Collector, Counter[str], list[tuple[int, int, int]]],
) -> None:
    _, counts, ticks = child  # 700 people are one chunk: one tick, before the tallies
    assert ticks == [(PEOPLE, PEOPLE, sum(counts.values()) - counts["tally"])]


def test_a_failing_generator_process_raises_here_with_its_traceback() -> None:
    sink = Collector()
    with pytest.raises(RuntimeError, match="generator process failed") as failure:
        generate_in_child(sink, 0, seed=1)
    assert "ValueError: a synthetic archive needs at least one person" in str(failure.value)
    assert sink.order == []
