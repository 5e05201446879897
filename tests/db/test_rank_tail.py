"""Rank arithmetic of a sort whose unknown values stay last in both directions."""

from __future__ import annotations

import math

import pytest

from db.rank_tail import known_ranks, rank_runs, row_of_rank


def _order(total: int, known: int, descending: bool) -> list[int]:
    """The whole list's ranks in list order, written out the slow way."""
    if not descending:
        return list(range(1, total + 1))
    return list(range(known, 0, -1)) + list(range(known + 1, total + 1))


def _expand(runs: list[tuple[int, int, bool]]) -> list[int]:
    out: list[int] = []
    for lo, hi, backwards in runs:
        assert lo <= hi
        out += list(range(hi, lo - 1, -1)) if backwards else list(range(lo, hi + 1))
    return out


@pytest.mark.parametrize("total", range(0, 13))
def test_known_ranks_finds_the_first_unknown_in_a_logarithmic_number_of_probes(
    total: int,
) -> None:
    for known in range(total + 1):
        asked: list[int] = []

        def unknown_at(rank: int, known: int = known, asked: list[int] = asked) -> bool:
            assert 1 <= rank <= total
            asked.append(rank)
            return rank > known

        assert known_ranks(unknown_at, total) == known
        assert len(asked) <= math.ceil(math.log2(total + 1))


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("total", range(0, 11))
def test_every_page_is_its_slice_of_the_list_and_rows_invert_ranks(
    total: int, descending: bool
) -> None:
    for known in range(total + 1):
        order = _order(total, known, descending)
        for start in range(total + 2):
            for limit in range(1, total + 3):
                runs = rank_runs(start, limit, total, known, descending)
                assert _expand(runs) == order[start : start + limit]
                assert len(runs) <= 2
        assert [row_of_rank(r, total, known, descending) for r in order] == list(range(total))


def test_unknown_values_come_last_in_both_directions() -> None:
    # ranks 1-5 known, 6-8 unknown
    assert _expand(rank_runs(0, 8, 8, 5, True)) == [5, 4, 3, 2, 1, 6, 7, 8]
    assert rank_runs(3, 4, 8, 5, True) == [(1, 2, True), (6, 7, False)]
