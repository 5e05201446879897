"""Fixtures of the search tests: the bundled archive's plain sqlite3 connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from db import Archive


@pytest.fixture(scope="module")
def raw(archive: Archive) -> Iterator[sqlite3.Connection]:
    """The sqlite3 connection under one read-only connection of the bundled archive."""
    with archive.connect() as conn:
        driver = conn.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        yield driver
