"""Fixtures of the citation tests: a connection to the bundled archive, and a hostile archive.

The hostile archive is built by the real builder from the bundled source data with hostile
text in a few sources (and in the archive's title): a title that tries to close a BibTeX field
and start an RIS record on a new line, an author that a spreadsheet would run as a formula,
every LaTeX special, braces that do not balance, and a web address with spaces and braces.
Control bytes cannot enter an archive (the contract refuses them), so the formatters' own
tests feed those to the model values directly.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Connection

from db import Archive, build, open_archive
from db.build import source_data

#: The access date every test passes (tests never depend on the clock).
ACCESSED = datetime.date(2026, 12, 4)
BREAKOUT = "Breakout }\n%TY  - JOUR\nER  - \n@misc{evil, title = {pwned}}"
FORMULA = "=cmd|' /C calc'!A0"
SPECIALS = "50% of $5 & #1 a_b ^ ~ \\relax {unbalanced"
HOSTILE_URL = 'https://example.invalid/a b}{"x\\y'


@dataclass(frozen=True)
class Hostile:
    """The hostile archive and the ids of its poisoned sources."""

    archive: Archive
    breakout: str
    formula: str
    specials: str


@pytest.fixture
def conn(archive: Archive) -> Iterator[Connection]:
    """A read-only connection to the bundled archive."""
    with archive.connect() as c:
        yield c


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hostile]:
    """An archive whose first three sources carry hostile text (built once per session)."""
    data = source_data.load(build.DEFAULT_DATA)
    data.meta["title"] = FORMULA + " " + BREAKOUT
    rows = data.tables["sources"]
    rows[0].update(title=BREAKOUT, note=BREAKOUT, url=HOSTILE_URL)
    rows[1].update(author=FORMULA, title=FORMULA)
    rows[2].update(author=SPECIALS, title=SPECIALS, note=SPECIALS)
    source_data.validate(data)
    path = build.write_source_data(data, Path(tmp_path_factory.mktemp("cite")) / "hostile.sqlite")
    archive = open_archive(path)
    yield Hostile(archive, str(rows[0]["id"]), str(rows[1]["id"]), str(rows[2]["id"]))
    archive.close()


def source_count(conn: Connection) -> int:
    """How many sources the archive holds, by plain SQL (what every export must list)."""
    return int(conn.exec_driver_sql("SELECT count(*) FROM source").scalar_one())
