"""Fixtures of the notebook tests: a notebook in ``tmp_path`` (never the user's real one), keys,
and a folder on a read-only file system."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from db.dto import Ref
from db.notebook import ArchiveKey, Notebook
from db.notebook.store import ENV

KEY = ArchiveKey("test-archive-id", "Test archive")
OTHER = ArchiveKey("other-archive-id", "Other archive")
KAMENEV = Ref("person", "kamenev-lev")
KIROV = Ref("event", "ev-1934-kirov")


@pytest.fixture(autouse=True)
def no_real_notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test opens by default lands in ``tmp_path``, not the user data folder."""
    monkeypatch.setenv(ENV, str(tmp_path / "default" / "notebook.sqlite"))


class Ticker:
    """A clock that moves one second per reading (so "newest first" never ties)."""

    def __init__(self, start: datetime.datetime | None = None) -> None:
        self.now = start or datetime.datetime(2026, 12, 5, 10, 0, tzinfo=datetime.UTC)

    def __call__(self) -> datetime.datetime:
        self.now += datetime.timedelta(seconds=1)
        return self.now


@pytest.fixture
def nb_path(tmp_path: Path) -> Path:
    """Where the test's notebook lives."""
    return tmp_path / "nb" / "notebook.sqlite"


@pytest.fixture
def nb(nb_path: Path) -> Iterator[Notebook]:
    """A fresh notebook with a ticking clock."""
    notebook = Notebook.open(nb_path, clock=Ticker())
    yield notebook
    notebook.close()


def listing(folder: Path) -> list[str]:
    """Names in a folder."""
    return sorted(p.name for p in folder.iterdir())


Remount = Callable[[], Path]


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[tuple[Path, Remount]]:
    """A folder to fill, and a function that makes it read-only (a remounted tmpfs as root,
    where permission bits do not bind; ``chmod 555`` otherwise)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = False
    if os.geteuid() == 0:
        if shutil.which("mount") is None:
            pytest.skip("running as root without mount: no read-only folder")
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True
        )
        if done.returncode != 0:
            pytest.skip("running as root and cannot mount a tmpfs")
        mounted = True

    def remount() -> Path:
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            for path in folder.iterdir():
                path.chmod(0o444)
            folder.chmod(0o555)
        return folder

    yield folder, remount
    if mounted:
        subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o755)
