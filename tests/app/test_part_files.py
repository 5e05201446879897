"""Temporary .part files carry their writer's pid; leftovers of dead writers are swept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app import part_files


def test_a_part_file_sits_beside_its_target_and_names_this_process(tmp_path: Path) -> None:
    fd, tmp = part_files.create(tmp_path / "people.csv")
    os.close(fd)
    assert tmp.parent == tmp_path
    assert tmp.name.startswith(f".kremlin-{os.getpid()}-") and tmp.name.endswith(".people.csv.part")


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(proc.stdout)


def test_sweep_removes_leftovers_of_dead_writers_only(tmp_path: Path) -> None:
    dead = tmp_path / f".kremlin-{_dead_pid()}-0123456789ab.people.csv.part"
    mine = tmp_path / f".kremlin-{os.getpid()}-0123456789ab.x.pdf.part"
    other = tmp_path / ".someone-else.part"
    user = tmp_path / "notes.part"
    for path in (dead, mine, other, user):
        path.write_text("x")
    assert part_files.sweep(tmp_path) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (mine, other, user))


def test_sweep_of_a_missing_folder_does_nothing(tmp_path: Path) -> None:
    assert part_files.sweep(tmp_path / "missing") == []


def test_write_bytes_replaces_whole_and_leaves_no_part_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.png"
    target.write_bytes(b"old")
    part_files.write_bytes(target, b"\x89PNG new")
    assert target.read_bytes() == b"\x89PNG new"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.png"]
