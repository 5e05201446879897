"""Generation in a second process, so that inventing rows and storing them overlap.

Inventing a row (Python) and storing it (SQLite, in this process) cost about the same, so on a
machine with two cores the generator runs in a child process and sends each chunk's rows
through a pipe (as :mod:`marshal` data: plain tuples load faster than with pickle) while this
process writes the previous chunk.  The pipe holds at most one chunk, which bounds memory.
The child is started with ``spawn`` (it shares no open database with this process) and runs
:func:`db.synth.generator.generate` itself, so the rows and their order are exactly those of a
build in one process.
"""

from __future__ import annotations

import marshal
import multiprocessing
import traceback
from collections import Counter
from collections.abc import Iterable, Sequence
from multiprocessing.connection import Connection

from db.synth.generator import Tick, generate
from db.synth.records import RowSink

#: Seconds to wait for the child to exit once it has sent everything.
_JOIN_TIMEOUT = 30.0


class _ChunkSender:
    """The child's row sink: collects one chunk's tables and sends them on each tick."""

    def __init__(self, pipe: Connection) -> None:
        self.pipe = pipe
        self.tables: list[tuple[str, list[Sequence[object]]]] = []

    def insert(self, table: str, rows: Iterable[Sequence[object]]) -> None:
        self.tables.append((table, rows if isinstance(rows, list) else list(rows)))

    def send(self, done: int | None) -> None:
        """Send what was collected (``done``: people generated so far, for progress)."""
        self.pipe.send_bytes(marshal.dumps(("rows", self.tables, done)))
        self.tables = []

    def tick(self, done: int, _total: int, _rows: int) -> None:
        self.send(done)


def _child(pipe: Connection, people: int, seed: int) -> None:
    """Entry point of the generator process."""
    try:
        sender = _ChunkSender(pipe)
        counts = generate(sender, people, seed, sender.tick)
        sender.send(None)  # the tallies, written after the last chunk
        pipe.send_bytes(marshal.dumps(("done", dict(counts), None)))
    except BaseException:  # report any failure to the parent, which raises it
        pipe.send_bytes(marshal.dumps(("error", traceback.format_exc(), None)))
    finally:
        pipe.close()


def generate_in_child(
    sink: RowSink, people: int, seed: int, tick: Tick | None = None
) -> Counter[str]:
    """:func:`db.synth.generator.generate` with the generator in a child process."""
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_child, args=(sender, people, seed), name="synth-generator", daemon=True
    )
    child.start()
    sender.close()
    counts: Counter[str] = Counter()
    try:
        while True:
            try:
                kind, payload, done = marshal.loads(receiver.recv_bytes())
            except EOFError:
                raise RuntimeError("the generator process ended without finishing") from None
            if kind == "error":
                raise RuntimeError(f"the generator process failed:\n{payload}")
            if kind == "done":
                return counts
            for table, rows in payload:
                counts[table] += len(rows)
                sink.insert(table, rows)
            if tick is not None and done is not None:
                tick(done, people, sum(counts.values()))
    finally:
        receiver.close()
        child.join(_JOIN_TIMEOUT)
        if child.is_alive():
            child.terminate()
            child.join()
