"""Shared fixtures of the timeline's data tests: a connection to the bundled archive and the
whole timeline by kind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection

from db import Archive, timeline
from db.timeline import TimelineSlice

#: A range holding everything an archive may date.
EVERYTHING = ("1000-01-01", "2100-12-31")


@pytest.fixture(scope="module")
def conn(archive: Archive) -> Iterator[Connection]:
    with archive.connect() as c:
        yield c


@pytest.fixture(scope="module")
def whole(conn: Connection) -> TimelineSlice:
    return timeline.kind_slice(conn, *EVERYTHING, "year")
