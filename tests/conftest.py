"""Shared fixtures: offscreen Qt, the bundled archive (proved unchanged), temp settings, and a
notebook of each test's own."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import resources
from db import Archive, open_archive

pytest_plugins = ["tests.conftest_pg"]

BUNDLED = resources.bundled_archive()


def sha256(path: Path) -> str:
    """Hex digest of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session", autouse=True)
def bundled_archive_untouched() -> Iterator[None]:
    """The whole session must leave the bundled archive byte-identical, with no side files."""
    before = (sha256(BUNDLED), BUNDLED.stat().st_mtime_ns)
    siblings = set(BUNDLED.parent.iterdir())
    yield
    assert (sha256(BUNDLED), BUNDLED.stat().st_mtime_ns) == before
    assert set(BUNDLED.parent.iterdir()) == siblings


@pytest.fixture(autouse=True)
def own_notebook(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every test (and every process it starts) keeps its notebook in its own folder: the
    reader's real one in the user data folder is never touched."""
    path = tmp_path / "notebook.sqlite"
    monkeypatch.setenv("KREMLIN_ARCHIVE_NOTEBOOK", str(path))
    return path


@pytest.fixture(scope="session")
def archive() -> Iterator[Archive]:
    """The bundled archive, opened read-only like production."""
    a = open_archive(BUNDLED)
    yield a
    a.close()
