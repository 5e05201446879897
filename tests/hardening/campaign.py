"""The corrupted-archive campaign: many mutants, opened in watched subprocesses.

:func:`run_campaign` writes each mutant (see :mod:`tests.hardening.mutants`) to a file of its
own and hands the path to a :mod:`tests.hardening.worker` process, which opens it through
:func:`db.open_archive` and, when it opens, runs the post-gate query set.  Each worker serves
many mutants (imports cost ~0.5 s once, not per file) under a per-mutant watchdog: a worker
that dies is a *crash* (negative exit code: killed by a signal) or *died*, one that stays
silent past the watchdog is a *hang*; either way it is restarted and the campaign goes on.
Mutants with a bad outcome are kept in ``folder/keep`` for a post-mortem.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.hardening.mutants import PageMap, mutant

REPO = Path(__file__).resolve().parents[2]
WATCHDOG_SECONDS = 60.0
START_SECONDS = 60.0
#: Outcomes that pass: a usable archive, or a refusal with a message.
GOOD = ("opened", "refused")


@dataclass(frozen=True)
class Outcome:
    """What became of one mutant."""

    index: int
    strategy: str
    outcome: str  # opened | refused | escaped | post-gate-error | crash | died | hang
    family: str = ""
    error: str = ""
    message: str = ""
    detail: str = ""
    open_seconds: float = 0.0
    queried: bool = False  # ran the query set (False: content identical to one that did)
    cause_family: str = ""  # family of the low-level exception behind a refusal
    stray: tuple[str, ...] = ()  # files that appeared next to the mutant
    kept: str = ""


@dataclass
class Report:
    """All outcomes of a campaign plus its cost."""

    results: list[Outcome] = field(default_factory=list)
    wall_seconds: float = 0.0
    restarts: int = 0

    def count(self, outcome: str) -> int:
        """Mutants that ended as ``outcome``."""
        return sum(1 for r in self.results if r.outcome == outcome)

    def bad(self) -> list[Outcome]:
        """Mutants that crashed, hung, leaked an exception or failed after the gate."""
        return [r for r in self.results if r.outcome not in GOOD]

    def slowest(self) -> Outcome:
        """The mutant whose open took longest."""
        return max(self.results, key=lambda r: r.open_seconds)

    def families(self) -> Counter[str]:
        """Refusals by problem family."""
        return Counter(r.family for r in self.results if r.outcome == "refused")

    def summary(self) -> str:
        """The figures for a report."""
        slow = self.slowest()
        outcomes = Counter(r.outcome for r in self.results)
        lines = [
            f"{len(self.results)} mutants in {self.wall_seconds:.1f} s "
            f"({self.restarts} worker restarts)",
            "outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())),
            f"opened {self.count('opened')}: {sum(r.queried for r in self.results)} with changed "
            "content ran the whole query set, the rest hold the rows of an archive that did",
            f"crashes {self.count('crash') + self.count('died')}, hangs {self.count('hang')}, "
            f"slowest open {slow.open_seconds * 1000:.0f} ms (#{slow.index} {slow.strategy})",
            "refusals by family: "
            + ", ".join(f"{k} {v}" for k, v in self.families().most_common()),
        ]
        by_strategy: dict[str, Counter[str]] = {}
        for r in self.results:
            by_strategy.setdefault(r.strategy, Counter())[r.outcome] += 1
        lines.extend(
            f"  {name:18} " + ", ".join(f"{k} {v}" for k, v in sorted(c.items()))
            for name, c in sorted(by_strategy.items())
        )
        lines.extend(
            f"BAD #{r.index} {r.strategy} {r.outcome} {r.error}: {r.message[:160]}"
            for r in self.bad()[:20]
        )
        return "\n".join(lines)


class Worker:
    """One worker subprocess with a line-oriented JSON protocol and a watchdog."""

    def __init__(self, log: Path, good: Path, module: str = "tests.hardening.worker") -> None:
        self._log = log
        self._good = good
        self._module = module
        self._buffer = b""
        self.proc = self._start()

    def _start(self) -> subprocess.Popen[bytes]:
        with self._log.open("ab") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", self._module, str(self._good)],
                cwd=REPO,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            )
        self._buffer = b""
        self.proc = proc
        if not isinstance(self._read_line(START_SECONDS), dict):
            raise RuntimeError(f"campaign worker did not start; see {self._log}")
        return proc

    def restart(self) -> None:
        """Kill whatever is left of the process and start a fresh one."""
        self.close()
        self._start()

    def close(self) -> None:
        """Stop the process (it ends by itself when stdin closes)."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()

    def _read_line(self, timeout: float) -> dict[str, Any] | str:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not sel.select(left):
                    return "hang"
                chunk = os.read(fd, 65536)
                if not chunk:
                    code = self.proc.wait()
                    return "crash" if code < 0 else "died"
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def ask(self, request: dict[str, Any], timeout: float) -> dict[str, Any] | str:
        """Send one request; the answer, or ``"hang"``/``"crash"``/``"died"``."""
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(request).encode() + b"\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            code = self.proc.wait()
            return "crash" if code < 0 else "died"
        return self._read_line(timeout)


def _one(
    worker: Worker,
    folder: Path,
    keep: Path,
    good: bytes,
    pm: PageMap,
    seed: int,
    index: int,
    queries: bool,
    report: Report,
    lock: threading.Lock,
) -> Outcome:
    strategy, data = mutant(good, pm, seed, index)
    path = folder / f"m{index:05d}-{strategy}.sqlite"
    path.write_bytes(data)
    answer = worker.ask({"path": str(path), "seed": index, "queries": queries}, WATCHDOG_SECONDS)
    stray = tuple(sorted(p.name for p in folder.iterdir() if p != path))
    if isinstance(answer, str):
        with lock:
            report.restarts += 1
        worker.restart()
        result = Outcome(index, strategy, answer, open_seconds=WATCHDOG_SECONDS, stray=stray)
    else:
        result = Outcome(
            index,
            strategy,
            answer["outcome"],
            answer["family"],
            answer["error"],
            answer["message"],
            answer["detail"],
            answer["open_seconds"],
            bool(answer.get("queried")),
            answer.get("cause_family", ""),
            stray,
        )
    if result.outcome not in GOOD or stray:
        kept = keep / path.name
        shutil.move(path, kept)
        result = Outcome(**{**result.__dict__, "kept": str(kept)})
    else:
        path.unlink()
    for name in stray:
        (folder / name).unlink(missing_ok=True)
    return result


def run_campaign(
    good_path: Path,
    folder: Path,
    count: int,
    seed: int,
    *,
    workers: int = 2,
    start: int = 0,
    queries: bool = True,
    module: str = "tests.hardening.worker",
) -> Report:
    """Open mutants ``start .. start+count-1`` of campaign ``seed``; returns the report.

    ``module`` is the worker to run (``python -m module``); tests use the default.
    """
    good = good_path.read_bytes()
    pm = PageMap.of(good_path)
    keep = folder / "keep"
    keep.mkdir(parents=True, exist_ok=True)
    report = Report()
    lock = threading.Lock()
    indexes: Iterator[int] = iter(range(start, start + count))
    began = time.perf_counter()

    def serve(n: int) -> None:
        own = folder / f"w{n}"
        own.mkdir(exist_ok=True)
        worker = Worker(folder / f"worker-{n}.log", good_path, module)
        try:
            while True:
                with lock:
                    index = next(indexes, None)
                if index is None:
                    return
                result = _one(worker, own, keep, good, pm, seed, index, queries, report, lock)
                with lock:
                    report.results.append(result)
        finally:
            worker.close()

    threads = [threading.Thread(target=serve, args=(n,)) for n in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report.results.sort(key=lambda r: r.index)
    report.wall_seconds = time.perf_counter() - began
    return report
