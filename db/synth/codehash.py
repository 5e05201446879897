"""A hash of the code that shapes a synthetic archive, stored in its ``meta`` table.

It covers every module of this package and every ``db`` module they import, directly or not
(the builder, schema, search index …), plus the SQLite version and :data:`SYNTH_VERSION`.
A cached archive whose fingerprint differs was built by other code and is rebuilt.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

#: Bump when the generated content changes in a way the code fingerprint cannot see.
SYNTH_VERSION = 1

_DB_ROOT = Path(__file__).resolve().parent.parent
_IMPORT = re.compile(
    r"^\s*(?:from (db(?:\.\w+)*) import (\([^)]*\)|[^\n]*)|import (db\.[\w.]+))", re.M
)


def _module_file(dotted: str) -> Path | None:
    """``db.synth.names`` → ``db/synth/names/__init__.py``; None when it is not a module.

    ``db`` itself is left out: its ``__init__`` only names the public API lazily.
    """
    parts = dotted.split(".")[1:]
    if not parts:
        return None
    base = _DB_ROOT.joinpath(*parts)
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def build_modules() -> list[Path]:
    """The files the synthetic build runs: this package plus the ``db`` modules it imports."""
    todo = sorted(Path(__file__).resolve().parent.rglob("*.py"))
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for module, names, plain in _IMPORT.findall(path.read_text(encoding="utf-8")):
            targets = (
                [plain]
                if plain
                else [module, *(f"{module}.{n}" for n in re.findall(r"\w+", names))]
            )
            todo.extend(f for f in map(_module_file, targets) if f is not None)
    return sorted(seen)


def fingerprint() -> str:
    """Hash of the code that shapes a synthetic archive (stale caches are rebuilt)."""
    h = hashlib.sha256(f"{SYNTH_VERSION} {sqlite3.sqlite_version}".encode())
    for path in build_modules():
        h.update(str(path.relative_to(_DB_ROOT)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:20]
