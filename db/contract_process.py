"""The full contract check of a big archive, in a process of its own.

:func:`db.contract.full_problems` walks every date of every row in Python.  At a million
people that takes most of a minute, and inside the viewer's process it held the GIL the
window needs for every paint: for that minute a filter or a scroll stalled 40–70 ms at a
time.  Run apart, the check shares nothing with the window but the file, which SQLite reads
read-only, and it is stopped by ending the process.  It runs at the lowest scheduling
priority: on a two-core machine it would otherwise take a core from the window's threads.

Run as ``python -m db.contract_process FILE LANGUAGE``: it prints the problems found (in
``LANGUAGE``) as a JSON list of strings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from db import contract, i18n
from db.engine import read_only

#: How often the thread waiting for the check looks at its stop flag (seconds).
POLL_S = 0.05


class CheckFailed(Exception):
    """The checking process ended without an answer (its last line of error output)."""


def command(path: Path, language: str) -> list[str]:
    """The child's command line: this module, run by the interpreter running now."""
    return [sys.executable, "-m", "db.contract_process", str(path), language]


def full_problems_apart(
    path: Path, stop: threading.Event, language: str | None = None
) -> list[str] | None:
    """:func:`db.contract.full_problems` of the file at ``path``, run in a child process.

    Returns None if ``stop`` was set meanwhile (the child is killed).  The waiting thread holds
    no lock and no GIL while the child works.
    """
    with subprocess.Popen(
        command(path, language or i18n.language()),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    ) as child:
        while True:
            try:
                out, err = child.communicate(timeout=POLL_S)
                break
            except subprocess.TimeoutExpired:  # retrying loses no output (the docs say so)
                if stop.is_set():
                    child.kill()
                    child.communicate()
                    return None
    if stop.is_set():
        return None
    if child.returncode != 0:
        last = (err.strip().splitlines() or [f"exit status {child.returncode}"])[-1]
        raise CheckFailed(last)
    found = json.loads(out)
    return [str(p) for p in found]


def main(argv: list[str]) -> int:
    """Check the archive ``argv[0]`` in the language ``argv[1]``; print the problems."""
    path, language = argv
    if hasattr(os, "nice"):
        os.nice(19)  # a background check: the window's threads get the cores first
    i18n.set_language(language)
    conn = read_only(Path(path))
    try:
        problems = contract.full_problems(conn)
    finally:
        conn.close()
    sys.stdout.write(json.dumps(problems, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
