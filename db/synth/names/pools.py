"""Zipf-weighted draws from the naming groups: which group, surname and given names a person gets.

The commonest Russian surname (Иванов/Иванова) gets :data:`TOP_SURNAME_SHARE` of all
people; the other groups' surnames and every group's given names follow flatter
Zipf–Mandelbrot curves.
"""

from __future__ import annotations

from collections.abc import Sequence

from db.synth.names.declension import Surname
from db.synth.names.given_names import Given
from db.synth.names.groups import TOP_SURNAME_SHARE, Group
from db.synth.names.zipf import Weighted, Zipf


class Pools:
    """The weighted pools of every group, indexed like ``groups``."""

    def __init__(self, groups: Sequence[Group]) -> None:
        self.groups = tuple(groups)
        self.group = Weighted([g.weight for g in groups])
        ru_share = groups[0].weight / sum(g.weight for g in groups)
        self.surnames: list[Zipf[Surname]] = [
            Zipf.with_top_share(g.surnames, TOP_SURNAME_SHARE / ru_share)
            if i == 0
            else Zipf(g.surnames, q=3.0)
            for i, g in enumerate(groups)
        ]
        #: (male, female) given names per group; fathers are drawn from the male pool.
        self.given: list[tuple[Zipf[Given], Zipf[Given]]] = [
            (Zipf(g.male, q=2.0), Zipf(g.female, q=2.0)) for g in groups
        ]
