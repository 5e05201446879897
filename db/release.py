"""What identifies one release of an archive: title, data version and the file's SHA-256.

A citation of the archive names its data version, and the file's SHA-256 lets a reader prove
that the file in hand is the one cited.  Hashing reads the whole file (a 1 GB archive takes
seconds), so :func:`archive_sha256` reads it in chunks and remembers each digest in a small
in-process cache keyed by (resolved path, size, modification time in ns): the About page and
every citation after the first cost one ``stat``.  A file that changes on disk gets a new key
and is hashed again; a file that changed while it was being read is not cached.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from db.gate import ArchiveInfo

#: Bytes read per step while hashing (large enough that the Python loop costs nothing).
CHUNK_SIZE = 1 << 20
#: Digests kept in the cache; the least recently used one goes first.
CACHE_SIZE = 16

_Key = tuple[str, int, int]


class CacheInfo(NamedTuple):
    """How the digest cache has been used since the last :func:`clear_cache`."""

    hits: int
    misses: int
    size: int


class _DigestCache:
    """A bounded, thread-safe map from (path, size, mtime_ns) to a hex digest."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._lock = threading.Lock()
        self._digests: OrderedDict[_Key, str] = OrderedDict()
        self._hits = 0
        self._misses = 0

    def get(self, key: _Key) -> str | None:
        with self._lock:
            digest = self._digests.get(key)
            if digest is None:
                self._misses += 1
                return None
            self._hits += 1
            self._digests.move_to_end(key)
            return digest

    def put(self, key: _Key, digest: str) -> None:
        with self._lock:
            self._digests[key] = digest
            self._digests.move_to_end(key)
            while len(self._digests) > self._limit:
                self._digests.popitem(last=False)

    def info(self) -> CacheInfo:
        with self._lock:
            return CacheInfo(self._hits, self._misses, len(self._digests))

    def clear(self) -> None:
        with self._lock:
            self._digests.clear()
            self._hits = self._misses = 0


_CACHE = _DigestCache(CACHE_SIZE)


def _key(path: Path, st: os.stat_result) -> _Key:
    return (str(path), st.st_size, st.st_mtime_ns)


def archive_sha256(path: Path | str) -> str:
    """The SHA-256 of the file at ``path`` as 64 lowercase hex digits.

    Computed once per (path, size, mtime) and then served from the cache.

    Raises:
        OSError: the file cannot be opened or read.
    """
    resolved = Path(path).resolve()
    with resolved.open("rb") as fh:
        before = os.fstat(fh.fileno())
        key = _key(resolved, before)
        cached = _CACHE.get(key)
        if cached is not None:
            return cached
        digest = hashlib.sha256()
        while chunk := fh.read(CHUNK_SIZE):
            digest.update(chunk)
        after = os.fstat(fh.fileno())
    hexdigest = digest.hexdigest()
    if _key(resolved, after) == key:  # not rewritten while we read it
        _CACHE.put(key, hexdigest)
    return hexdigest


def cache_info() -> CacheInfo:
    """Hits, misses and entries of the digest cache."""
    return _CACHE.info()


def clear_cache() -> None:
    """Forget every cached digest and reset the counters."""
    _CACHE.clear()


@dataclass(frozen=True)
class ReleaseInfo:
    """The facts that identify an archive release: for the About page and for citations."""

    title: str
    data_version: str
    sha256: str

    @property
    def short_sha256(self) -> str:
        """The first 12 hex digits of the hash (enough to tell releases apart at a glance)."""
        return self.sha256[:12]

    def citation(self) -> str:
        """One line naming the release: title, data version and the full SHA-256."""
        return f"{self.title}, data version {self.data_version} (SHA-256 {self.sha256})"


def release_info(info: ArchiveInfo) -> ReleaseInfo:
    """The release of the archive ``info`` describes (its file hashed via the cache).

    Raises:
        OSError: the archive file cannot be read any more.
    """
    return ReleaseInfo(info.title, info.data_version, archive_sha256(info.path))
