"""Weighted pools of the naming groups: which group, surname and given names a person gets;
Иванов/Иванова, the commonest surname, gets 1.3 % of all people.

Draws are counted exactly on a fixed seed; the bounds are the promised share ± about four
standard deviations of a binomial count of that size.
"""

from __future__ import annotations

import random
import sqlite3
from collections import Counter

import pytest

from db.synth.names import TOP_SURNAME_SHARE, build_groups
from db.synth.names.pools import Pools
from tests.db.synth.conftest import BUILT_PEOPLE


@pytest.fixture(scope="module")
def pools() -> Pools:
    return Pools(build_groups())


def test_the_commonest_surname_is_ivanov_with_1_3_percent_of_everyone(pools: Pools) -> None:
    ru_share = pools.groups[0].weight / sum(g.weight for g in pools.groups)
    assert pools.surnames[0].items[0].ru == ("Иванов", "Иванова")
    assert pools.surnames[0].share(0) * ru_share == pytest.approx(TOP_SURNAME_SHARE, rel=1e-3)


def test_groups_are_drawn_by_their_relative_weight(pools: Pools) -> None:
    rng = random.Random(5)
    drawn = Counter(pools.group.pick(rng.random()) for _ in range(20_000))
    total = sum(g.weight for g in pools.groups)
    for index, group in enumerate(pools.groups):
        p = group.weight / total
        assert abs(drawn[index] - 20_000 * p) < 4 * (20_000 * p * (1 - p)) ** 0.5, group.key


def test_each_group_draws_from_its_own_names(pools: Pools) -> None:
    for group, sur, (male, female) in zip(pools.groups, pools.surnames, pools.given, strict=True):
        assert sur.items == group.surnames
        assert (male.items, female.items) == (group.male, group.female)


def test_other_groups_and_given_names_follow_flatter_curves(pools: Pools) -> None:
    assert [z.q for z in pools.surnames[1:]] == [3.0] * (len(pools.groups) - 1)
    assert {z.q for pair in pools.given for z in pair} == {2.0}
    assert pools.surnames[0].q > 3.0  # flattened further to bring Иванов down to 1.3 %


def test_ivanovs_are_the_expected_share_of_a_built_archive(sql: sqlite3.Connection) -> None:
    surnames = Counter(name.split()[0] for (name,) in sql.execute("SELECT name_ru FROM person"))
    ivanovs = surnames["Иванов"] + surnames["Иванова"]
    assert 0.006 < ivanovs / BUILT_PEOPLE < 0.022  # 1.3 % expected; ± 3 sd at N = 2,000
