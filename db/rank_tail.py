"""Unknown values stay last in both directions of a sort.

A rank column orders the rows a list pane can sort by; the build puts the rows whose value is
unknown (no birth year) after every known one (:data:`db.build.numbering.PERSON_RANKS`).  Read
backwards, that rank would put them first: a reader sorting by Born, newest first, met a screen
of "unknown" before the first year.  A descending sort therefore reads the *known* ranks
backwards and the unknown ones after them, still in name order::

    ranks      1 2 3 4 5 | 6 7 8          (known: 5, total: 8)
    ascending  1 2 3 4 5   6 7 8
    descending 5 4 3 2 1   6 7 8

The number of known ranks is found by a binary search of the rank index (about 22 probes at
3M rows, each one unique-index lookup), never by counting rows.  This module holds the
arithmetic and the tail predicates only (plain SQL, no SQLAlchemy): :mod:`db.listing` and
:mod:`db.first_page` both read their pages through it, so the first rows painted at start-up
are the rows the pane then keeps.
"""

from __future__ import annotations

from collections.abc import Callable

#: People sort key → SQL predicate (on ``person``) of the rows whose value is unknown; they
#: hold the highest ranks of that sort.
PERSON_TAILS = {"birth_year": "birth_year IS NULL"}


def known_ranks(unknown_at: Callable[[int], bool], total: int) -> int:
    """How many ranks (from 1) hold a known value: the rank before the first unknown one.

    ``unknown_at(rank)`` says whether the row of ``rank`` (1..``total``) has an unknown value;
    it is False then True along the ranks.  Binary search: ⌈log2(total + 1)⌉ calls at most.
    """
    lo, hi = 0, total  # ranks 1..lo are known; ranks hi+1..total are unknown
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if unknown_at(mid):
            hi = mid - 1
        else:
            lo = mid
    return lo


def rank_runs(
    start: int, limit: int, total: int, known: int, descending: bool
) -> list[tuple[int, int, bool]]:
    """Rank ranges ``(lo, hi, backwards)`` holding rows ``start .. start+limit-1`` of the list,
    in list order: one run, or two where a page crosses from the known rows to the unknown.

    ``known`` is :func:`known_ranks` (``total`` where the sort has no unknown tail).
    """
    end = min(start + limit, total)
    if end <= start:
        return []
    if not descending:
        return [(start + 1, end, False)]
    runs = []
    if start < known:
        # positions start.. of the known block, read backwards: ranks known-start down.
        last = min(end, known)
        runs.append((known - last + 1, known - start, True))
    if end > known:
        first = max(start, known)
        runs.append((first + 1, end, False))
    return runs


def row_of_rank(rank: int, total: int, known: int, descending: bool) -> int:
    """The list row (from 0) of the item whose rank is ``rank``; the inverse of
    :func:`rank_runs`."""
    if not descending:
        return rank - 1
    return known - rank if rank <= known else rank - 1
