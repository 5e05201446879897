"""Progress of a synthetic build: timestamped lines, phase timings and the final report.

:class:`BuildLog` receives the generator's ticks and the writer's progress messages; a
message that starts a known phase (numbering, indexes, search index …) records the phase's
start, so the report can split the wall time by phase.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

#: (message prefix, phase name): a writer message starting with the prefix starts the phase.
PHASES = (
    ("collecting", "side build"),
    ("numbering", "numbering"),
    ("indexing", "indexes"),
    ("outcome", "outcome summary"),
    ("copying", "claims copy"),
    ("search", "search index"),
    ("analys", "analyse"),
    ("compacting", "vacuum"),
)


class BuildLog:
    """Timestamped progress on a stream; remembers phase starts for :meth:`phase_split`."""

    def __init__(self, stream: TextIO | None, interval: float = 2.0) -> None:
        self.stream = stream
        self.interval = interval
        self.t0 = time.monotonic()
        self._last_tick = self.t0
        self.marks: list[tuple[float, str]] = [(0.0, "staging")]

    def elapsed(self) -> float:
        """Seconds since the log started."""
        return time.monotonic() - self.t0

    def _print(self, text: str) -> None:
        if self.stream is not None:
            print(f"[{self.elapsed():8.1f}s] {text}", file=self.stream, flush=True)

    def message(self, text: str) -> None:
        """A writer progress message (also starts a phase when it names one)."""
        for prefix, phase in PHASES:
            if text.startswith(prefix) and self.marks[-1][1] != phase:
                self.marks.append((self.elapsed(), phase))
        self._print(text)

    def tick(self, done: int, total: int, rows: int) -> None:
        """Generation progress; printed at most every ``interval`` seconds."""
        now = time.monotonic()
        if now - self._last_tick < self.interval and done < total:
            return
        self._last_tick = now
        spent = now - self.t0
        rate = rows / spent if spent else 0.0
        eta = spent * (total - done) / done if done else 0.0
        self._print(
            f"generated {done:,}/{total:,} people ({100 * done / total:.0f} %), "
            f"{rows:,} rows, {rate:,.0f} rows/s, staging ETA {eta:,.0f} s"
        )

    def phase_split(self, end: float) -> list[tuple[str, float]]:
        """``[(phase, seconds)]`` from the recorded phase starts up to ``end``."""
        marks = [*self.marks, (end, "")]
        return [(name, marks[i + 1][0] - t) for i, (t, name) in enumerate(marks[:-1])]


@dataclass(frozen=True)
class BuildReport:
    """Outcome of one synthetic build: file, size, wall time, phases, rows, peak RSS.

    ``child_rss_mib`` is the peak of the largest child process (generator, side build), if any.
    """

    path: Path
    size: int
    seconds: float
    phases: list[tuple[str, float]]
    rows: Counter[str]
    peak_rss_mib: float | None
    child_rss_mib: float | None = None

    def lines(self) -> list[str]:
        """Human-readable summary."""
        rss = f"{self.peak_rss_mib:,.0f} MiB" if self.peak_rss_mib is not None else "n/a"
        if self.child_rss_mib:
            rss += f" (largest child process {self.child_rss_mib:,.0f} MiB)"
        split = ", ".join(f"{name} {sec:.1f} s" for name, sec in self.phases)
        rows = ", ".join(f"{t} {n:,}" for t, n in self.rows.items())
        return [
            f"wrote {self.path} ({self.size / 2**20:,.1f} MiB) in {self.seconds:.1f} s, "
            f"peak RSS {rss}",
            f"phases: {split}",
            f"rows: {rows}",
        ]


def peak_rss_mib(children: bool = False) -> float | None:
    """Peak resident set size of this process, or of its largest finished child process.

    None where ``resource`` is missing (Windows).
    """
    try:
        import resource
    except ImportError:  # Windows
        return None
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024
