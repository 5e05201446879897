"""Run slow work off the GUI thread and deliver only the newest result.

:class:`Runner` wraps ``QThreadPool``: each :meth:`Runner.submit` gets a new generation number;
a result whose generation is not the newest is dropped, so a newer request supersedes an older
one (a fast typist, a second filter click).  Results and failures come back on the GUI thread
through queued signals.

Signals (of Runner):
    busy_changed(bool): True while a request is running.
    failed(object): the exception of the newest request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries a result from the pool thread back to the GUI thread."""

    done = Signal(int, object, object)  # generation, result, exception


class _Task(QRunnable):
    def __init__(self, generation: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._generation = generation
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:
            log.exception("background task failed")
            self._deliver(None, exc)
        else:
            self._deliver(result, None)

    def _deliver(self, result: object, exc: Exception | None) -> None:
        try:
            self._relay.done.emit(self._generation, result, exc)
        except RuntimeError:
            # The requester was deleted while this ran (its window closed): nobody is waiting.
            log.debug("dropped the result of a task whose requester is gone")


class Runner(QObject):
    """One request stream (e.g. one pane's snapshots); newest request wins."""

    busy_changed = Signal(bool)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._generation = 0
        self._callbacks: dict[int, Callable[[Any], None]] = {}

    @property
    def busy(self) -> bool:
        """True while the newest request has not answered."""
        return self._generation in self._callbacks

    def submit(self, fn: Callable[[], Any], on_result: Callable[[Any], None]) -> int:
        """Run ``fn`` on the pool; call ``on_result`` on the GUI thread if still newest."""
        self._generation += 1
        self._callbacks = {self._generation: on_result}
        self.busy_changed.emit(True)
        self._pool.start(_Task(self._generation, fn, self._relay))
        return self._generation

    def cancel(self) -> None:
        """Drop the answers of every request in flight (they still run to their end)."""
        busy = self.busy
        self._generation += 1
        self._callbacks = {}
        if busy:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (tests, shutdown)."""
        return bool(self._pool.waitForDone(msecs))

    @Slot(int, object, object)
    def _on_done(self, generation: int, result: object, exc: object) -> None:
        callback = self._callbacks.pop(generation, None)
        if callback is None:
            return  # superseded by a newer request
        self.busy_changed.emit(False)
        if exc is not None:
            self.failed.emit(exc)
            return
        callback(result)
