"""The writers the kill test kills, forked by ``python -m tests.db.notebook.writer``.

The process started so is a zygote: it imports the notebook code once, then reads commands on
stdin — ``spawn NOTEBOOK CHILD SEED`` forks a writer and answers ``pid CHILD PID``;
``reap PID`` waits for that (killed) writer and answers ``reaped PID`` — so a writer starts in
a millisecond instead of an interpreter's start-up.  The zygote has no threads, so forking it
is safe; each writer opens the notebook itself, after the fork.

A writer saves notes, bookmarks, tags, saved searches and small imports in a loop, forever.
After each save has returned (its transaction committed) it writes one line ``cCHILD acked OP
CHILD-I DETAIL`` to the shared stdout pipe with a single ``os.write`` (atomic on a pipe), so
the test knows exactly which saves were acknowledged when the ``kill -9`` came.  Before
opening it writes ``cCHILD starting``, after opening ``cCHILD ready OUTCOME``.  All of a
writer's lines precede the zygote's ``reaped`` line for it.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

from db.dto import Ref
from db.notebook import ArchiveKey, Notebook
from db.notebook.importer import import_json

KEY = ArchiveKey("kill-test-archive", "Kill test")
RUNNING = Ref("source", "running")
#: What one iteration saves, in turn.
OPS = ("note", "bookmark", "tag", "running", "search", "import")


def note_text(name: str, size: int) -> str:
    """The note the writer saves for ``name`` (``size`` filler characters, Cyrillic included)."""
    return f"note {name} " + ("жx" * size)[:size]


def import_doc(name: str, changed: str) -> str:
    """A one-record export the writer imports (a claim note keyed by ``name``)."""
    child, i = name.split("-")
    record = {
        "kind": "claim",
        "id": str(int(child) * 1_000_000 + int(i)),
        "label": f"imported {name}",
        "bookmarked": True,
        "note": f"imported note {name}",
        "note_changed": changed,
        "changed": changed,
        "tags": ["imported"],
        "revisions": [],
    }
    archive = {"archive_id": KEY.archive_id, "title": KEY.title, "records": [record],
               "saved_searches": []}  # fmt: skip
    return json.dumps({"format": "kremlin-archive-notebook", "version": 1, "archives": [archive]})


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def save(nb: Notebook, op: str, name: str, rng: random.Random) -> str:
    """Do one save; returns the detail the ack line carries."""
    if op == "note":
        size = rng.randrange(4000)
        nb.set_note(KEY, Ref("person", name), note_text(name, size), label=f"Person {name}")
        return str(size)
    if op == "bookmark":
        nb.set_bookmark(KEY, Ref("event", name), True, label=f"Event {name}")
    elif op == "tag":
        nb.add_tag(KEY, Ref("document", name), f"tag {name}")
    elif op == "running":
        nb.set_note(KEY, RUNNING, f"running {name}")
    elif op == "search":
        nb.save_search(KEY, f"search {name}", f"text {name}", {"pane": "people", "n": name})
    else:
        import_json(nb, import_doc(name, "2026-01-01T00:00:00Z"))
    return "-"


def run(path: Path, child: int, seed: int) -> None:
    """One writer: open the notebook and save until killed."""
    rng = random.Random(seed)
    _say(f"c{child} starting")
    nb = Notebook.open(path)
    _say(f"c{child} ready {nb.outcome.value}")
    i = 0
    while True:
        i += 1
        op = OPS[i % len(OPS)]
        name = f"{child}-{i}"
        detail = save(nb, op, name, rng)
        _say(f"c{child} acked {op} {name} {detail}")


def _writer(path: Path, child: int, seed: int) -> None:
    try:
        run(path, child, seed)
    except BaseException as exc:
        _say(f"c{child} failed {type(exc).__name__}: {exc}".replace("\n", " "))
    finally:
        os._exit(1)


def main() -> int:
    """The zygote: fork writers and reap them on command until stdin closes."""
    for line in sys.stdin:
        command, *args = line.split()
        if command == "spawn":
            path, child, seed = Path(args[0]), int(args[1]), int(args[2])
            pid = os.fork()
            if pid == 0:
                _writer(path, child, seed)
            _say(f"pid {child} {pid}")
        elif command == "reap":
            os.waitpid(int(args[0]), 0)
            _say(f"reaped {args[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
