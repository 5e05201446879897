"""Special paths are refused or opened exactly, without blocking, and no stray file appears.

A naive ``f"file:{path}?mode=ro"`` URI opens ``a`` for ``a#b.sqlite`` and ``what`` for
``what?.sqlite``: decoys with those names (holding a *different* archive title) prove that
the gate opened exactly the file it was given.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from db import errors, open_archive
from tests.conftest import BUNDLED
from tests.hardening.conftest import tree


def _decoy(path: Path) -> None:
    shutil.copyfile(BUNDLED, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = 'DECOY' WHERE key = 'title'")
    conn.commit()
    conn.close()


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    open_archive(BUNDLED).close()  # per-process setup (expected schema) is not the path's cost


# name of the archive, decoys a naive URI would open instead
NAMES: dict[str, tuple[str, ...]] = {
    "a#b.sqlite": ("a",),
    "what?.sqlite": ("what",),
    "100%41.sqlite": ("100A.sqlite",),
    "with space.sqlite": ("with",),
    "Кремлёвское дело.sqlite": (),
    "file:odd.sqlite": ("odd.sqlite",),
    "x" * 243 + ".sqlite": (),
}


@pytest.mark.parametrize("name", list(NAMES), ids=lambda n: n[:20])
def test_odd_names_open_exactly_that_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copyfile(BUNDLED, path)
    for decoy in NAMES[name]:
        _decoy(tmp_path / decoy)
    before = tree(tmp_path)
    archive = open_archive(path)
    try:
        with archive.connect() as conn:
            title = conn.execute(text("SELECT value FROM meta WHERE key = 'title'")).scalar()
    finally:
        archive.close()
    assert archive.info.title == title == "The Kremlin Affair, 1935"
    assert tree(tmp_path) == before


def test_a_250_character_path_opens(tmp_path: Path) -> None:
    folder = tmp_path
    while len(str(folder)) < 250 - 60:
        folder = folder / ("d" * 40)
    path = folder / ("p" * (250 - len(str(folder)) - 1 - len(".sqlite")) + ".sqlite")
    path.parent.mkdir(parents=True)
    shutil.copyfile(BUNDLED, path)
    assert len(str(path)) == 250
    open_archive(path).close()


def _fifo(d: Path) -> Path:
    os.mkfifo(d / "pipe.sqlite")
    return d / "pipe.sqlite"


def _link_to_zero(d: Path) -> Path:
    (d / "zero.sqlite").symlink_to("/dev/zero")
    return d / "zero.sqlite"


def _loop(d: Path) -> Path:
    (d / "a.sqlite").symlink_to(d / "b.sqlite")
    (d / "b.sqlite").symlink_to(d / "a.sqlite")
    return d / "a.sqlite"


REFUSED: dict[str, tuple[Callable[[Path], Path | str], type[errors.ArchiveError], str]] = {
    "fifo": (_fifo, errors.ArchiveNotAFile, "pipe"),
    "directory": (lambda d: d, errors.ArchiveNotAFile, "folder"),
    "dev-zero": (lambda d: "/dev/zero", errors.ArchiveNotAFile, "device"),
    "dev-null": (lambda d: "/dev/null", errors.ArchiveNotAFile, "device"),
    "link-to-dev-zero": (_link_to_zero, errors.ArchiveNotAFile, "device"),
    "symlink-loop": (_loop, errors.ArchiveNotFound, "cannot be used"),
    "missing": (lambda d: d / "typo.sqlite", errors.ArchiveNotFound, "no such file"),
    "name-too-long": (
        lambda d: d / ("ж" * 200 + ".sqlite"),
        errors.ArchiveNotFound,
        "cannot be used",
    ),
    "nul-in-path": (lambda d: f"{d}/a\x00b.sqlite", errors.ArchiveNotFound, "cannot be used"),
    "unknown-home": (
        lambda d: "~no-such-user-here/a.sqlite",
        errors.ArchiveNotFound,
        "cannot be used",
    ),
    "proc-file": (lambda d: "/proc/self/status", errors.ArchiveEmpty, "empty"),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_special_paths_are_refused_without_side_effects(tmp_path: Path, name: str) -> None:
    make, error, words = REFUSED[name]
    target = make(tmp_path)
    before = tree(tmp_path)
    with pytest.raises(errors.ArchiveError) as info:
        open_archive(target)  # a FIFO would block here: pytest-timeout is the safety net
    assert type(info.value) is error
    assert words in info.value.message
    assert tree(tmp_path) == before
