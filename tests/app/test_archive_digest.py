"""ArchiveDigest: a small file's SHA-256 at once, a big one's from the worker pool, once."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.archive_digest import ArchiveDigest
from db import release
from tests.conftest import BUNDLED, sha256


def test_a_small_file_is_answered_at_once(qtbot: QtBot) -> None:
    answers: list[str | None] = []
    ArchiveDigest().request(BUNDLED, answers.append)
    assert answers == [sha256(BUNDLED)]


def test_a_big_file_is_answered_later_once_for_every_request(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "big.sqlite"
    path.write_bytes(b"x" * 4096)
    release.clear_cache()
    digest = ArchiveDigest(sync_limit=1024)
    answers: list[str | None] = []
    digest.request(path, answers.append)
    digest.request(path, answers.append)
    assert answers == [] and digest.busy
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=30_000)
    assert answers == [sha256(path)] * 2 and not digest.busy
    assert release.cache_info().misses == 1  # the file was read once


def test_a_file_that_cannot_be_read_answers_none(qtbot: QtBot, tmp_path: Path) -> None:
    answers: list[str | None] = []
    ArchiveDigest().request(tmp_path / "gone.sqlite", answers.append)
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    ArchiveDigest(sync_limit=1 << 30).request(folder, answers.append)
    assert answers == [None, None]


def test_asking_about_another_file_drops_the_waiters_of_the_first(
    qtbot: QtBot, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    first.write_bytes(b"a" * 2048)
    second.write_bytes(b"b" * 2048)
    digest = ArchiveDigest(sync_limit=0)
    old: list[str | None] = []
    new: list[str | None] = []
    digest.request(first, old.append)
    digest.request(second, new.append)
    qtbot.waitUntil(lambda: new == [sha256(second)], timeout=30_000)
    digest.wait()
    assert old == []
