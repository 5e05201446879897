"""Selected rows of a list view, read from the selection's ranges.

A Select All over a three-million-row pane is one range; asking Qt for ``selectedRows()``
would build three million indexes.  These helpers count and list rows from the ranges and
stop at a limit, so copying or exporting a selection never walks more than it may use.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView

#: The most rows Edit → Copy and Export selection take (beyond it: File → Export list).
SELECTION_LIMIT = 10_000


def count(view: QAbstractItemView) -> int:
    """Rows selected in ``view`` (rows behaviour: each range spans every column)."""
    return _union_length(_spans(view))


def rows(view: QAbstractItemView, limit: int | None = None) -> list[int]:
    """The selected row numbers in order, at most ``limit`` (default
    :data:`SELECTION_LIMIT`) of them."""
    limit = SELECTION_LIMIT if limit is None else limit
    spans = sorted(_spans(view))
    out: list[int] = []
    if limit <= 0:
        return out
    last = -1
    for top, bottom in spans:
        for row in range(max(top, last + 1), bottom + 1):
            out.append(row)
            if len(out) >= limit:
                return out
        last = max(last, bottom)
    return out


def _spans(view: QAbstractItemView) -> set[tuple[int, int]]:
    model = view.selectionModel()
    if model is None:
        return set()
    chosen = model.selection()
    return {(chosen.at(i).top(), chosen.at(i).bottom()) for i in range(chosen.count())}


def _union_length(spans: set[tuple[int, int]]) -> int:
    total, last = 0, -1
    for top, bottom in sorted(spans):
        if bottom > last:
            total += bottom - max(top, last + 1) + 1
            last = bottom
    return total
