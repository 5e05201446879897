"""Navigator: the current item and ONE back/forward history across every kind of item.

Person → event → document → source → Back, Back, Back walks the same trail.  A context menu's
"Open in new history branch" (:meth:`Navigator.open_branch`) opens an item right after the one
shown without dropping the forward part of the history.  The navigator
knows nothing of widgets or the database: panes, the detail view and the breadcrumb only
listen to :attr:`Navigator.current_changed` and call :meth:`Navigator.go`.

Signals:
    current_changed(object): the new current ``Ref`` (or None), emitted only on a real change.
    history_changed(): the history list or position changed (Back/Forward availability).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from db.dto import Ref


class Navigator(QObject):
    """Current item plus a linear back/forward history (browser semantics)."""

    MAX_HISTORY = 500

    current_changed = Signal(object)
    history_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history: list[Ref] = []
        self._index = -1

    @property
    def current(self) -> Ref | None:
        """The item shown now."""
        return self._history[self._index] if self._index >= 0 else None

    @property
    def history(self) -> tuple[Ref, ...]:
        """Every visited item, oldest first."""
        return tuple(self._history)

    @property
    def index(self) -> int:
        """Position of the current item in :attr:`history` (-1 when empty)."""
        return self._index

    def can_go_back(self) -> bool:
        """True when Back has somewhere to go."""
        return self._index > 0

    def can_go_forward(self) -> bool:
        """True when Forward has somewhere to go."""
        return 0 <= self._index < len(self._history) - 1

    def trail(self, length: int = 5) -> tuple[tuple[int, Ref], ...]:
        """The last ``length`` history entries up to the current one, with their indexes."""
        start = max(0, self._index - length + 1)
        return tuple((i, self._history[i]) for i in range(start, self._index + 1))

    @Slot(object)
    def go(self, ref: Ref | None) -> None:
        """Make ``ref`` current; drops the forward part of the history, like a browser."""
        if ref is None or ref == self.current:
            return
        del self._history[self._index + 1 :]
        self._history.append(ref)
        if len(self._history) > self.MAX_HISTORY:
            del self._history[0]
        self._index = len(self._history) - 1
        self._emit()

    @Slot(object)
    def open_branch(self, ref: Ref | None) -> None:
        """Make ``ref`` current as a side trip: Back returns to the item shown now, and the
        forward part of the history is kept after it (``go`` would drop it)."""
        if ref is None or ref == self.current:
            return
        self._history.insert(self._index + 1, ref)
        self._index += 1
        if len(self._history) > self.MAX_HISTORY:
            del self._history[0]
            self._index -= 1
        self._emit()

    @Slot()
    def back(self) -> None:
        """Step back in the history."""
        if self.can_go_back():
            self._index -= 1
            self._emit()

    @Slot()
    def forward(self) -> None:
        """Step forward in the history."""
        if self.can_go_forward():
            self._index += 1
            self._emit()

    @Slot(int)
    def go_to_index(self, index: int) -> None:
        """Jump to a history entry (breadcrumb click) without changing the history."""
        if 0 <= index < len(self._history) and index != self._index:
            self._index = index
            self._emit()

    @Slot()
    def clear(self) -> None:
        """Forget everything (a new archive was opened)."""
        had = self.current is not None
        self._history.clear()
        self._index = -1
        self.history_changed.emit()
        if had:
            self.current_changed.emit(None)

    def _emit(self) -> None:
        self.history_changed.emit()
        self.current_changed.emit(self.current)
