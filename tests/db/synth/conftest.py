"""Synthetic archives shared by the generator's tests: one built file, one set of rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import synth
from tests.db.synth.collector import Collector, collect

#: People in the built archive (seed 1) and in the generated rows (seed 3).
BUILT_PEOPLE = 2000
GENERATED_PEOPLE = 1500


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2,000-person archive built by the generator (seed 1)."""
    out = tmp_path_factory.mktemp("synth") / "synth-2000.sqlite"
    return synth.build_synthetic(BUILT_PEOPLE, out, seed=1).path


@pytest.fixture(scope="session")
def sql(built: Path) -> Iterator[sqlite3.Connection]:
    """Plain read-only SQL access to the built archive, an oracle independent of ``db``."""
    conn = sqlite3.connect(built.resolve().as_uri() + "?mode=ro", uri=True)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def generated() -> Collector:
    """Every staging row of a 1,500-person archive (seed 3), generated in this process."""
    return collect(GENERATED_PEOPLE, seed=3)
