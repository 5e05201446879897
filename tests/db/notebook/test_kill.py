"""``kill -9`` at random moments never corrupts the notebook or loses an acknowledged save.

A writer process (forked by :mod:`tests.db.notebook.writer`) saves notes, bookmarks, tags, saved
searches and imports in a loop and acknowledges each save after its commit returned; it is
killed with SIGKILL after a seeded random delay — some while it opens (and creates and
migrates) the notebook, most while it saves, after a seeded number (0-3) of acknowledged
saves, so how many saves fall between the kills is a count, not a matter of how busy the
machine is.  After every kill the store must open normally (not moved aside), pass ``PRAGMA
integrity_check``, and hold every acknowledged save; the note all writers overwrite in turn
must keep every writer's last acknowledged text (as the current text or a revision).  The
default run kills 60 times; ``-m slow`` runs the 500-kill campaign.  The delays are seeded,
and nothing is asserted on time: only on what is stored.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from db.dto import Ref
from db.notebook import Notebook, OpenOutcome
from tests.db.notebook.writer import KEY, RUNNING, note_text

REPO = Path(__file__).resolve().parents[3]
#: The shared note's history is bounded (``MAX_REVISIONS``): the last texts of this many
#: writers that acknowledged one are checked.  Writers killed between their commit and its
#: ack add revisions unseen here, so the window stays well below the bound.
RECENT = 5


@dataclass
class Figures:
    """What a campaign did."""

    kills: int = 0
    early_kills: int = 0
    acked: int = 0
    #: Saves the campaign waited for before its kills (seeded): ``acked`` is at least this.
    waited: int = 0
    checked: int = 0
    lost: list[str] = field(default_factory=list)
    integrity: list[str] = field(default_factory=list)
    #: What the early kills left: no file yet, an empty file, a migrated notebook.
    early_states: Counter[str] = field(default_factory=Counter)


class Zygote:
    """The process that forks the writers (:mod:`tests.db.notebook.writer`) and its output."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.db.notebook.writer"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.lines: list[str] = []

    def _send(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command.encode() + b"\n")
        self.proc.stdin.flush()

    def _read_one(self) -> None:
        """Read one line (a writer's failure fails the test)."""
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().decode()
        assert line, "the zygote ended"
        assert " failed " not in line, line
        self.lines.append(line.strip())

    def _until(self, wanted: str, count: int = 1) -> None:
        """Read lines until ``count`` of them start with ``wanted``."""
        while sum(line.startswith(wanted) for line in self.lines) < count:
            self._read_one()

    def spawn(self, path: Path, child: int) -> int:
        """Fork writer ``child`` on ``path``; its pid."""
        self._send(f"spawn {path} {child} {child}")
        self._until(f"pid {child} ")
        line = next(x for x in self.lines if x.startswith(f"pid {child} "))
        return int(line.split()[2])

    def kill(self, child: int, pid: int, delay: float, early: bool, saves: int = 0) -> list[str]:
        """Let the writer run ``delay`` s after it started (or, after opening the notebook,
        acknowledged ``saves`` saves), SIGKILL it; its ack lines (``acked OP NAME DETAIL``)."""
        self._until(f"c{child} starting" if early else f"c{child} ready")
        if not early:
            self._until(f"c{child} acked ", saves)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        self._send(f"reap {pid}")
        self._until(f"reaped {pid}")
        prefix = f"c{child} acked "
        acks = [line.removeprefix(f"c{child} ") for line in self.lines if line.startswith(prefix)]
        self.lines.clear()
        return acks

    def close(self) -> None:
        """End the zygote (it leaves no writer behind: each was killed and reaped)."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait()
        self.proc.stdout.close()


def _check(nb: Notebook, op: str, name: str, detail: str) -> bool:
    """Whether the acknowledged save ``op`` of ``name`` is in the notebook."""
    if op == "note":
        return nb.note(KEY, Ref("person", name)) == note_text(name, int(detail))
    if op == "bookmark":
        return nb.is_bookmarked(KEY, Ref("event", name))
    if op == "tag":
        return f"tag {name}" in nb.tags(KEY, Ref("document", name))
    if op == "running":
        return True  # checked across writers in _check_running
    if op == "search":
        return any(s.name == f"search {name}" for s in nb.saved_searches(KEY))
    child, i = name.split("-")
    ref = Ref("claim", str(int(child) * 1_000_000 + int(i)))
    return nb.note(KEY, ref) == f"imported note {name}"


def _check_running(nb: Notebook, last: dict[int, str], recent: int) -> list[str]:
    """Each of the last ``recent`` writers' last acknowledged text of the shared note is kept,
    as the current text or a revision, or was replaced by a later save of the same writer
    (committed, killed before its ack): an instance's own autosaves keep no revisions."""
    kept: dict[int, int] = {}
    for text in (nb.note(KEY, RUNNING), *(r.text for r in nb.revisions(KEY, RUNNING))):
        if not text:
            continue  # no writer has saved it yet
        child, i = (int(n) for n in text.removeprefix("running ").split("-"))
        kept[child] = max(kept.get(child, 0), i)
    lost = []
    for child, name in sorted(last.items())[-recent:]:
        if kept.get(child, 0) < int(name.split("-")[1]):
            lost.append(f"running {name}")
    return lost


def _verify(path: Path, acks: list[str], figures: Figures, last_running: dict[int, str]) -> None:
    conn = sqlite3.connect(path)
    try:
        (result,) = conn.execute("PRAGMA integrity_check").fetchone()
    finally:
        conn.close()
    if result != "ok":
        figures.integrity.append(f"{path}: {result}")
    with Notebook.open(path) as nb:
        assert nb.outcome is OpenOutcome.OK, nb.message
        for line in acks:
            _, op, name, detail = line.split(" ")
            figures.checked += 1
            if not _check(nb, op, name, detail):
                figures.lost.append(line)
        if last_running:
            figures.lost += _check_running(nb, last_running, RECENT)


def _state(path: Path) -> str:
    """``absent``, ``hot journal`` (killed while it set up WAL), ``schema 0`` (created, not yet
    migrated) or ``schema 1``, read without recovering anything (``immutable``)."""
    if not path.exists():
        return "absent"
    if Path(f"{path}-journal").exists():
        return "hot journal"
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return f"schema {conn.execute('PRAGMA user_version').fetchone()[0]}"
    finally:
        conn.close()


def _path(folder: Path, child: int) -> Path:
    """Every 8th writer opens a brand-new notebook (and is killed while it creates it)."""
    return folder / f"fresh-{child}.sqlite" if child % 8 == 0 else folder / "notebook.sqlite"


def campaign(folder: Path, kills: int, seed: int = 1935) -> Figures:
    """Kill ``kills`` writers, checking the store after each kill."""
    rng = random.Random(seed)
    figures = Figures()
    last_running: dict[int, str] = {}
    zygote = Zygote()
    try:
        for child in range(1, kills + 1):
            early = child % 8 == 0
            path = _path(folder, child)
            pid = zygote.spawn(path, child)
            delay = rng.uniform(0, 0.004 if early else 0.02)
            saves = 0 if early else rng.randint(0, 3)
            acks = zygote.kill(child, pid, delay, early, saves)
            figures.kills += 1
            figures.waited += saves
            figures.early_kills += early
            figures.acked += len(acks)
            for line in acks:
                if line.split(" ")[1] == "running":
                    last_running[child] = line.split(" ")[2]
            if early:
                figures.early_states[_state(path)] += 1
            _verify(path, acks, figures, {} if early else last_running)
    finally:
        zygote.close()
    return figures


def _assert_clean(figures: Figures, kills: int) -> None:
    assert figures.kills == kills
    assert not figures.integrity, figures.integrity
    assert not figures.lost, figures.lost[:10]
    assert figures.checked == figures.acked
    assert figures.acked >= figures.waited > kills  # the writers did save between the kills


def test_sixty_kills_lose_no_acknowledged_save(tmp_path: Path) -> None:
    figures = campaign(tmp_path, 60)
    _assert_clean(figures, 60)


@pytest.mark.slow
def test_five_hundred_kills_lose_no_acknowledged_save(tmp_path: Path) -> None:
    figures = campaign(tmp_path, 500, seed=1917)
    _assert_clean(figures, 500)
