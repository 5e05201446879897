"""Weighted draws: Zipf–Mandelbrot pools (weights ``1/(rank+q)**s``, one uniform number per
draw, a solved offset for a wanted top share) and fixed-weight index draws.

Frequencies are counted exactly on a fixed seed; the bounds are the promised share ± about
four standard deviations of a binomial count of that size.
"""

from __future__ import annotations

import random

import pytest

from db.synth.names.zipf import ZIPF_S, Weighted, Zipf

ITEMS = [f"item{k}" for k in range(1000)]


def test_an_empty_pool_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one item"):
        Zipf([])


@pytest.mark.parametrize("q", [0.0, 3.0, 8.0])
def test_shares_follow_the_zipf_mandelbrot_law_and_sum_to_one(q: float) -> None:
    pool = Zipf(ITEMS, q=q)
    shares = [pool.share(k) for k in range(len(ITEMS))]
    assert sum(shares) == pytest.approx(1.0)
    for rank in (1, 2, 10, 500):  # 1-based ranks of neighbours
        ratio = shares[rank - 1] / shares[rank]
        assert ratio == pytest.approx(((rank + 1 + q) / (rank + q)) ** ZIPF_S)


def test_a_pure_zipf_law_gives_the_first_item_at_least_six_point_seven_percent() -> None:
    # The weights sum to at most zeta(1.07) ≈ 14.9 however many items there are.
    assert Zipf(range(100_000)).share(0) > 0.067


@pytest.mark.parametrize("share", [0.0208, 0.05, 0.15])
def test_with_top_share_solves_for_the_offset(share: float) -> None:
    pool = Zipf.with_top_share(ITEMS, share)
    assert pool.share(0) == pytest.approx(share, rel=1e-6)
    assert pool.q > 0


def test_an_unreachable_top_share_is_not_returned_silently() -> None:
    try:
        pool = Zipf.with_top_share(ITEMS, 0.2)
    except ValueError:
        return
    assert pool.share(0) == pytest.approx(0.2, rel=1e-6)


def test_drawn_frequencies_follow_the_shares() -> None:
    pool = Zipf.with_top_share(ITEMS, 0.05)
    rng = random.Random(3)
    draws = [pool.pick(rng) for _ in range(20_000)]
    first, tenth = draws.count("item0"), draws.count("item9")
    assert 877 < first < 1123  # 5 % of 20,000 ± 4 sd
    expected_tenth = 20_000 * pool.share(9)
    assert abs(tenth - expected_tenth) < 4 * (expected_tenth**0.5)


def test_pick_and_pick_u_draw_the_same_item_from_the_same_number() -> None:
    pool = Zipf(ITEMS, q=2.0)
    a, b = random.Random(9), random.Random(9)
    assert [pool.pick(a) for _ in range(500)] == [pool.pick_u(b.random()) for _ in range(500)]


@pytest.mark.parametrize(
    ("u", "item"),
    [(0.0, "item0"), (0.999_999_999_999, "item999"), (1.0, "item999")],
    ids=["zero", "just-below-one", "rounded-up-to-one"],
)
def test_the_ends_of_the_unit_interval_give_the_first_and_last_item(u: float, item: str) -> None:
    assert Zipf(ITEMS).pick_u(u) == item


def test_a_one_item_pool_always_gives_that_item() -> None:
    pool = Zipf(["only"])
    assert {pool.pick_u(u) for u in (0.0, 0.5, 1.0)} == {"only"} and pool.share(0) == 1.0


@pytest.mark.parametrize(
    ("u", "index"),
    [(0.0, 0), (0.2499, 0), (0.25, 1), (0.4999, 1), (0.5, 2), (0.9999, 2), (1.0, 2)],
)
def test_weighted_picks_the_index_whose_band_holds_u(u: float, index: int) -> None:
    assert Weighted([1.0, 1.0, 2.0]).pick(u) == index


def test_weighted_weights_are_relative() -> None:
    a, b = Weighted([0.6, 0.3, 0.1]), Weighted([6, 3, 1])
    rng = random.Random(1)
    us = [rng.random() for _ in range(1000)]
    assert [a.pick(u) for u in us] == [b.pick(u) for u in us]
