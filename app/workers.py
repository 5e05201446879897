"""Run slow work off the GUI thread and deliver only the newest result.

:class:`Runner` wraps ``QThreadPool``: each :meth:`Runner.submit` gets a new generation number;
a result whose generation is not the newest is dropped, so a newer request supersedes an older
one (a fast typist, a second filter click).  Results and failures come back on the GUI thread
through queued signals.

A requester (a pane, a window) may be deleted while its work still runs.  The object a pool thread
emits on is therefore not the requester's: it is one relay per process, a child of the
application, which outlives every task (``~QCoreApplication`` waits for the global pool before it
deletes its children).  The relay hands each result to its runner on the GUI thread, through a
weak reference, and drops it if the runner is gone.  Emitting on a runner's own child, as before,
raced with the GUI thread deleting it: the check that the object still lives and the emit are two
steps, and a deletion between them crashed the process.

Signals (of Runner):
    busy_changed(bool): True while a request is running.
    failed(object): the exception of the newest request.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries results from pool threads to their runners on the GUI thread (one per process)."""

    done = Signal(object, int, object, object)  # weak ref to the runner, generation, result, exc

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.done.connect(self._hand_over)

    @Slot(object, int, object, object)
    def _hand_over(
        self, ref: weakref.ref[Runner], generation: int, result: object, exc: object
    ) -> None:
        runner = ref()
        if runner is None or not shiboken6.isValid(runner):
            # The requester was deleted while this ran (its window closed): nobody is waiting.
            log.debug("dropped the result of a task whose requester is gone")
            return
        runner._on_done(generation, result, exc)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    """The process's relay, made on first use on the GUI thread as a child of the application."""
    global _relay
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = _Relay(QCoreApplication.instance())
    return _relay


class _Task(QRunnable):
    """One request: runs ``fn`` on a pool thread and emits its answer on the relay."""

    def __init__(
        self, generation: int, fn: Callable[[], Any], runner: weakref.ref[Runner], relay: _Relay
    ) -> None:
        super().__init__()
        self._generation = generation
        self._fn = fn
        self._runner = runner
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
            self._relay.done.emit(self._runner, self._generation, result, exc)
        except RuntimeError:
            # Only at the very end of the process, once the application itself is gone.
            log.debug("dropped the result of a task that outlived the application")


class Runner(QObject):
    """One request stream (e.g. one pane's snapshots); newest request wins."""

    busy_changed = Signal(bool)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _the_relay()
        self._ref = weakref.ref(self)
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
        self._pool.start(_Task(self._generation, fn, self._ref, self._relay))
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

    def _on_done(self, generation: int, result: object, exc: object) -> None:
        callback = self._callbacks.pop(generation, None)
        if callback is None:
            return  # superseded by a newer request
        self.busy_changed.emit(False)
        if exc is not None:
            self.failed.emit(exc)
            return
        callback(result)
