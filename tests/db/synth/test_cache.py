"""``cached_archive``: built once, reused while the code is the same, rebuilt when stale.

A cached file's fingerprint is read with plain SQL; anything unreadable counts as stale.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import synth
from db.build import REPO_ROOT
from db.synth.cache import CACHE_DIR, cache_path, cached_fingerprint


def stored_fingerprint(path: Path) -> str:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return conn.execute("SELECT value FROM meta WHERE key = 'synth_fingerprint'").fetchone()[0]
    finally:
        conn.close()


def test_cache_paths_name_size_and_seed(tmp_path: Path) -> None:
    assert cache_path(200, 5, tmp_path) == tmp_path / "synth-200-seed5.sqlite"
    assert cache_path(3_000_000) == REPO_ROOT / ".cache" / "synth-3000000-seed1.sqlite"
    assert CACHE_DIR == REPO_ROOT / ".cache"


def test_cached_archive_is_built_once_and_rebuilt_when_stale(tmp_path: Path) -> None:
    path = synth.cached_archive(200, seed=5, cache_dir=tmp_path)
    assert path == tmp_path / "synth-200-seed5.sqlite"
    stamp = path.stat().st_mtime_ns
    assert synth.cached_archive(200, seed=5, cache_dir=tmp_path) == path
    assert path.stat().st_mtime_ns == stamp
    conn = sqlite3.connect(path)  # a private temp copy: mark it as built by older code
    conn.execute("UPDATE meta SET value = 'old' WHERE key = 'synth_fingerprint'")
    conn.commit()
    conn.close()
    synth.cached_archive(200, seed=5, cache_dir=tmp_path)
    assert stored_fingerprint(path) == synth.fingerprint()


def test_a_damaged_cache_file_is_replaced_by_a_real_archive(tmp_path: Path) -> None:
    path = cache_path(120, 3, tmp_path)
    path.write_bytes(b"not a database at all")
    assert synth.cached_archive(120, seed=3, cache_dir=tmp_path) == path
    assert stored_fingerprint(path) == synth.fingerprint()


@pytest.mark.parametrize(
    "content",
    [
        None,
        b"garbage that is not SQLite",
        "CREATE TABLE other (x)",
        "CREATE TABLE meta (key, value); INSERT INTO meta VALUES ('title', 'x')",
    ],
    ids=["missing", "garbage", "no-meta-table", "meta-without-fingerprint"],
)
def test_an_unreadable_file_has_no_fingerprint(tmp_path: Path, content: bytes | str | None) -> None:
    """``content``: the file's bytes, or SQL that makes it, or None for no file."""
    path = tmp_path / "x.sqlite"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        conn = sqlite3.connect(path)
        conn.executescript(content)
        conn.close()
    assert cached_fingerprint(path) is None


def test_the_fingerprint_of_a_built_file_is_read_back(built: Path) -> None:
    assert cached_fingerprint(built) == synth.fingerprint()
