"""Benchmark (a script, not a test): exporting a big list through the real window.

Run: ``.venv/bin/python tests/bench_export.py [--people 1000000]`` (the generated archive is
cached under ``.cache/``; a cold 1M build takes a minute or two).

Measured in one process, interleaved, three rounds:

* **ours**: File → Export list on the People pane of the real window (``build_app``), CSV with
  BOM, neutralised cells and provenance, written on the worker behind the progress dialog —
  from the action's trigger until the ``finished`` signal;
* **floor**: the same rows (the same unfiltered SQL order, the same columns) read with plain
  ``sqlite3`` and written with ``csv.writer`` to a file, synchronously;
* **longest GUI stall** during ours: the largest gap between ticks of a 10 ms ``QTimer`` on
  the GUI thread (the issue's goal: no stall over 100 ms from the export);
* **cancel**: an export cancelled at its first progress report leaves no file and no ``.part``.

Prints median/min/max, the ratio and a verdict for each figure.
"""

from __future__ import annotations

import argparse
import csv
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.bootstrap import App, Dialogs, build_app
from app.settings import Settings
from db import open_archive, synth

STALL_GOAL_S = 0.100


class Heartbeat:
    """Ticks every 10 ms on the GUI thread; the largest gap is the longest stall."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self._timer.start()

    def longest(self) -> float:
        self._timer.stop()
        return max((b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)), default=0)


def _ours(app: App, qt: QApplication, target: Path) -> tuple[float, float, int]:
    answers = [target]
    app.dialogs.save_path = lambda _parent, _name: answers.pop(0)
    app.window.tabs.setCurrentWidget(app.panes["person"])
    beat = Heartbeat()
    start = time.perf_counter()
    app.window.export_action.trigger()
    job = app.list_actions.export_job
    assert job is not None
    done: list[int] = []
    job.finished.connect(lambda n, _p: done.append(n))
    job.failed.connect(lambda message: sys.exit(f"export failed: {message}"))
    while not done:
        qt.processEvents()
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    return elapsed, beat.longest(), done[0]


def _floor(path: Path, target: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with target.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "name", "name_ru", "role", "tribunal", "sentence", "birth_year"])
        for row in conn.execute(
            "SELECT id, sort_name, name_ru, role, tribunal, sentence_kind, birth_year "
            "FROM person ORDER BY rank_name"
        ):
            writer.writerow(row)
        out.flush()
        os.fsync(out.fileno())
    conn.close()
    return time.perf_counter() - start


def _cancel(app: App, qt: QApplication, target: Path) -> bool:
    answers = [target]
    app.dialogs.save_path = lambda _parent, _name: answers.pop(0)
    app.window.export_action.trigger()
    job = app.list_actions.export_job
    assert job is not None
    ended: list[str] = []
    job.cancelled.connect(lambda: ended.append("cancelled"))
    job.finished.connect(lambda *_: ended.append("finished"))
    job.cancel()
    while not ended:
        qt.processEvents()
        time.sleep(0.002)
    leftovers = [p for p in target.parent.iterdir() if p.name.endswith(".part")]
    return ended == ["cancelled"] and not target.exists() and not leftovers


def _row(name: str, ours: list[float], floor: list[float] | None, goal: str, ok: bool) -> str:
    def fmt(xs: list[float]) -> str:
        return f"{statistics.median(xs):8.2f} s (min {min(xs):.2f}, max {max(xs):.2f})"

    ratio = f"{statistics.median(ours) / statistics.median(floor):5.2f}" if floor else "   — "
    floor_text = fmt(floor) if floor else " " * 8 + "—"
    return f"{name:<28} {fmt(ours)}  {floor_text:<30} {ratio}  {goal:<14} {'✓' if ok else '✗'}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    qt = QApplication.instance() or QApplication(["bench"])
    assert isinstance(qt, QApplication)
    path = synth.cached_archive(args.people, 1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        app = build_app(open_archive(path), Settings(folder / "s.ini"), Dialogs())
        app.window.resize(1280, 720)
        app.window.show()
        ours: list[float] = []
        stalls: list[float] = []
        floors: list[float] = []
        rows = 0
        for i in range(args.rounds):
            floors.append(_floor(path, folder / f"floor-{i}.csv"))
            elapsed, stall, rows = _ours(app, qt, folder / f"ours-{i}.csv")
            ours.append(elapsed)
            stalls.append(stall)
            for f in folder.glob("*.csv*"):
                f.unlink()
        cancelled_clean = _cancel(app, qt, folder / "cancelled.csv")
        app.controller.close()
    print(f"Export of {rows:,} people ({args.people:,}-person archive), {args.rounds} rounds")
    print(f"{'figure':<28} {'ours':<36} {'floor':<30} ratio  goal")
    print(_row("export → file complete", ours, floors, "(reported)", True))
    stall_ok = max(stalls) <= STALL_GOAL_S
    print(_row("longest GUI stall", stalls, None, "≤ 0.100 s", stall_ok))
    print(
        f"{'cancel at first page':<28} no file, no .part: {'yes' if cancelled_clean else 'NO'}"
        f"{'':>44}{'✓' if cancelled_clean else '✗'}"
    )
    return 0 if stall_ok and cancelled_clean else 1


if __name__ == "__main__":
    sys.exit(main())
