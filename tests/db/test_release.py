"""The release identity (db.release): the SHA-256 of an archive file, hashed once per version of
the file on disk, and the title, data version and hash that the About page and citations show."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import Archive, release
from tests.conftest import BUNDLED, sha256


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    release.clear_cache()
    yield
    release.clear_cache()


def _write(path: Path, data: bytes, mtime_ns: int = 1_700_000_000_000_000_000) -> Path:
    path.write_bytes(data)
    os.utime(path, ns=(mtime_ns, mtime_ns))
    return path


def test_the_digest_is_the_sha256_of_the_whole_file() -> None:
    assert release.archive_sha256(BUNDLED) == sha256(BUNDLED)


def test_a_file_larger_than_one_chunk_is_hashed_whole(tmp_path: Path) -> None:
    data = bytes(range(256)) * (release.CHUNK_SIZE // 256 * 2 + 3)
    path = _write(tmp_path / "big.sqlite", data)
    assert len(data) > 2 * release.CHUNK_SIZE
    assert release.archive_sha256(path) == hashlib.sha256(data).hexdigest()


def test_an_empty_file_has_the_digest_of_no_bytes(tmp_path: Path) -> None:
    path = _write(tmp_path / "empty.sqlite", b"")
    assert release.archive_sha256(path) == hashlib.sha256(b"").hexdigest()


def test_a_file_is_hashed_once_while_it_is_unchanged(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.sqlite", b"archive")
    digests = {release.archive_sha256(path) for _ in range(5)}
    assert digests == {hashlib.sha256(b"archive").hexdigest()}
    assert release.cache_info() == release.CacheInfo(hits=4, misses=1, size=1)


def test_the_same_file_by_another_spelling_of_its_path_is_a_hit(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.sqlite", b"archive")
    release.archive_sha256(path)
    release.archive_sha256(tmp_path / "." / "a.sqlite")
    assert release.cache_info().hits == 1


def test_a_new_modification_time_hashes_the_file_again(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.sqlite", b"version 1")
    first = release.archive_sha256(path)
    _write(path, b"version 2", mtime_ns=1_700_000_000_000_000_001)  # same size, 1 ns later
    second = release.archive_sha256(path)
    assert (first, second) == (
        hashlib.sha256(b"version 1").hexdigest(),
        hashlib.sha256(b"version 2").hexdigest(),
    )
    assert release.cache_info() == release.CacheInfo(hits=0, misses=2, size=2)


def test_a_new_size_with_the_same_time_hashes_the_file_again(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.sqlite", b"short")
    release.archive_sha256(path)
    _write(path, b"longer text")  # same mtime_ns as before
    assert release.archive_sha256(path) == hashlib.sha256(b"longer text").hexdigest()
    assert release.cache_info().misses == 2


def test_the_cache_keeps_only_the_newest_entries(tmp_path: Path) -> None:
    count = release.CACHE_SIZE + 3
    paths = [_write(tmp_path / f"{i}.sqlite", str(i).encode()) for i in range(count)]
    for path in paths:
        release.archive_sha256(path)
    assert release.cache_info().size == release.CACHE_SIZE
    release.archive_sha256(paths[0])  # the oldest entry was dropped
    release.archive_sha256(paths[-1])  # the newest is still there
    assert release.cache_info() == release.CacheInfo(
        hits=1, misses=release.CACHE_SIZE + 4, size=release.CACHE_SIZE
    )


def test_a_missing_file_raises_oserror_and_caches_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        release.archive_sha256(tmp_path / "gone.sqlite")
    assert release.cache_info().size == 0


def test_the_release_of_the_bundled_archive_names_its_title_version_and_hash(
    archive: Archive,
) -> None:
    info = release.release_info(archive.info)
    assert info == release.ReleaseInfo(
        archive.info.title, archive.info.data_version, sha256(BUNDLED)
    )
    assert info.title == archive.info.meta["title"]
    assert info.data_version == archive.info.meta["data_version"]


def test_the_citation_holds_title_version_and_full_hash() -> None:
    info = release.ReleaseInfo("The Kremlin Affair, 1935", "2026.11.3", "ab" * 32)
    assert info.citation() == (
        f"The Kremlin Affair, 1935, data version 2026.11.3 (SHA-256 {'ab' * 32})"
    )
    assert info.short_sha256 == "ab" * 6
