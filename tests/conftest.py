"""Shared fixtures: offscreen Qt, the bundled archive (proved unchanged), temp settings, and a
notebook of each test's own."""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import resources
from db import Archive, open_archive

pytest_plugins = ["tests.conftest_pg"]

BUNDLED = resources.bundled_archive()

#: Test modules that take seconds, longest first (``--durations``, 2-core machine).  They are
#: handed out first so that ``--dist loadfile`` ends with short modules on both workers, not
#: one worker finishing a long one while the other waits.  The order changes no result.
LONG_MODULES = (
    "tests/hardening/test_archive_contract.py",
    "tests/hardening/test_campaign.py",
    "tests/app/printing/test_printer.py",
    "tests/db/pg/test_parity.py",
    "tests/app/models/test_paged_table.py",
    "tests/app/printing/test_service.py",
    "tests/hardening/test_injection.py",
    "tests/app/test_bootstrap.py",
    "tests/app/actions/test_cite.py",
    "tests/test_packaging.py",
    "tests/app/commands/test_dossier.py",
    "tests/app/actions/test_notebook.py",
    "tests/db/pg/test_load.py",
    "tests/app/test_server_archive.py",
    "tests/app/widgets/test_timeline_view.py",
    "tests/db/search/test_find_fuzz.py",
)


#: How long a test waits for a signal or a condition before it fails.  A wait ends as soon as
#: what it waits for happens, so the deadline costs nothing on a quiet machine; it only has to
#: be far beyond what a busy CI machine can delay an event loop (pytest-qt's 5 s is not).
WAIT_MS = 30_000


def pytest_configure(config: pytest.Config) -> None:
    """Every qtbot wait defaults to :data:`WAIT_MS`."""
    from pytestqt.qtbot import QtBot

    for name in ("waitSignal", "waitSignals", "waitUntil", "waitCallback", "waitExposed",
                 "waitActive"):  # fmt: skip
        getattr(QtBot, name).__kwdefaults__["timeout"] = WAIT_MS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Long modules first (see :data:`LONG_MODULES`); the rest keep their order."""
    rank = {name: n for n, name in enumerate(LONG_MODULES)}
    items.sort(key=lambda item: rank.get(item.nodeid.partition("::")[0], len(rank)))


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


@pytest.fixture(scope="session")
def notebooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder under which each test's notebook folder is named (and made only if used)."""
    return tmp_path_factory.mktemp("notebooks")


_TEST_NUMBERS = itertools.count()


@pytest.fixture(autouse=True)
def own_notebook(monkeypatch: pytest.MonkeyPatch, notebooks: Path) -> Path:
    """Every test (and every process it starts) keeps its notebook in its own folder: the
    reader's real one in the user data folder is never touched.  The folder is made by the
    notebook when it first saves (as the real one is): a ``tmp_path`` for each of the four
    thousand tests cost a second of the suite's CPU."""
    path = notebooks / str(next(_TEST_NUMBERS)) / "notebook.sqlite"
    monkeypatch.setenv("KREMLIN_ARCHIVE_NOTEBOOK", str(path))
    return path


@pytest.fixture(scope="session")
def archive() -> Iterator[Archive]:
    """The bundled archive, opened read-only like production."""
    a = open_archive(BUNDLED)
    yield a
    a.close()
