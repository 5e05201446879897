"""Built synthetic archives kept under ``.cache/`` (git-ignored) for benchmarks and slow tests.

A cached file is reused while its stored fingerprint matches the current code
(:func:`db.synth.codehash.fingerprint`); otherwise it is rebuilt in place.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.build import REPO_ROOT
from db.synth.archive import build_synthetic
from db.synth.codehash import fingerprint
from db.synth.progress import BuildLog

#: Where :func:`cached_archive` keeps archives: ``.cache/synth-<N>-seed<S>.sqlite``.
CACHE_DIR = REPO_ROOT / ".cache"


def cache_path(people: int, seed: int = 1, cache_dir: Path | None = None) -> Path:
    """``<cache_dir>/synth-<people>-seed<seed>.sqlite``."""
    return (cache_dir or CACHE_DIR) / f"synth-{people}-seed{seed}.sqlite"


def cached_fingerprint(path: Path) -> str | None:
    """The fingerprint stored in the archive at ``path`` (None if unreadable or missing)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'synth_fingerprint'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def cached_archive(
    n: int, seed: int = 1, cache_dir: Path | None = None, log: BuildLog | None = None
) -> Path:
    """The archive of ``n`` people for ``seed``, built now unless a current one is cached.

    A cached file built by other code (its fingerprint differs) is rebuilt.  Two processes
    racing here both build; the writer's atomic rename keeps the file whole either way.
    """
    path = cache_path(n, seed, cache_dir)
    if path.is_file() and cached_fingerprint(path) == fingerprint():
        return path
    return build_synthetic(n, path, seed, log).path
