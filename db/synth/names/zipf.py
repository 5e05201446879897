"""Weighted draws from fixed pools: Zipf–Mandelbrot for names and sources, fixed weights for groups.

Both pickers take one uniform number per draw from ``random.Random.random``, whose sequence is
stable across Python versions, so a seed gives the same archive everywhere.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")

#: Zipf exponent of surname and given-name frequencies.
ZIPF_S = 1.07


class Uniform(Protocol):
    """What :class:`Zipf` needs from a random source: ``random.Random.random``."""

    def random(self) -> float: ...


class Zipf(Generic[T]):
    """Draw items with weight ``1 / (rank + q) ** s`` (Zipf–Mandelbrot).

    A pure ``1/rank**1.07`` law cannot give the commonest Russian surname a share of about
    1.3 %: the weights sum to at most ζ(1.07) ≈ 14.9, so rank 1 always gets ≥ 6.7 %.  The
    offset ``q`` flattens the head; :meth:`with_top_share` solves for it.
    """

    __slots__ = ("_padded", "cum", "items", "q", "total")

    def __init__(self, items: Sequence[T], s: float = ZIPF_S, q: float = 0.0) -> None:
        if not items:
            raise ValueError("a Zipf pool needs at least one item")
        self.items = tuple(items)
        self.q = q
        self.cum = list(accumulate(float((r + q) ** -s) for r in range(1, len(items) + 1)))
        self.total = self.cum[-1]
        # The last item twice: a draw that rounds up to the total still finds an item.
        self._padded = (*self.items, self.items[-1])

    @classmethod
    def with_top_share(cls, items: Sequence[T], share: float, s: float = ZIPF_S) -> Zipf[T]:
        """A pool whose first item has probability ``share`` (bisection on ``q``).

        Raises ValueError for a share above the pure law's (``q = 0``), which no ``q`` gives.
        """
        if share > cls(items, s, 0.0).share(0):
            raise ValueError(f"a top share of {share} is more than Zipf's law gives these items")
        lo, hi = 0.0, 1e6
        for _ in range(80):
            mid = (lo + hi) / 2
            if cls(items, s, mid).share(0) > share:
                lo = mid
            else:
                hi = mid
        return cls(items, s, (lo + hi) / 2)

    def share(self, index: int) -> float:
        """Probability of the item at ``index``."""
        prev = self.cum[index - 1] if index else 0.0
        return (self.cum[index] - prev) / self.total

    def pick(self, rng: Uniform) -> T:
        """One item."""
        return self._padded[bisect_right(self.cum, rng.random() * self.total)]

    def pick_u(self, u: float) -> T:
        """The item for a uniform ``u`` in [0, 1) drawn by the caller (hot loops)."""
        return self._padded[bisect_right(self.cum, u * self.total)]


class Weighted:
    """An index drawn with fixed weights (the naming group of a new person)."""

    __slots__ = ("cum", "last")

    def __init__(self, weights: Sequence[float]) -> None:
        self.cum = list(accumulate(weights))
        self.last = len(self.cum) - 1

    def pick(self, u: float) -> int:
        """Index for a uniform ``u`` in [0, 1)."""
        return min(bisect_right(self.cum, u * self.cum[-1]), self.last)
