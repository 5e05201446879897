"""Every source kind of the bundled data maps to a real type of each format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from db.cite.kinds import DATASET, GENERIC, source_types

SCHEMA = Path(__file__).with_name("csl-data.json")
#: RIS reference types of the RIS specification that the mapping uses.
RIS_TYPES = {"BOOK", "ELEC", "ENCYC", "MANSCPT", "GEN", "DATA"}


def test_every_kind_in_the_archive_has_its_own_types(conn: Connection) -> None:
    kinds = [k for (k,) in conn.execute(text("SELECT DISTINCT kind FROM source"))]
    assert len(kinds) >= 4
    assert all(source_types(k) != GENERIC for k in kinds)


@pytest.mark.parametrize("kind", ["book", "article", "encyclopedia", "archive", "pamphlet", ""])
def test_types_are_valid_in_each_format(kind: str) -> None:
    csl_types = json.loads(SCHEMA.read_text("utf-8"))["items"]["properties"]["type"]["enum"]
    types = source_types(kind)
    assert types.csl in csl_types
    assert types.ris in RIS_TYPES
    assert types.bibtex in {"book", "misc"}  # the types classic BibTeX knows


def test_unknown_kinds_are_generic_and_records_are_datasets() -> None:
    assert source_types("pamphlet") == GENERIC
    assert source_types(" Book ").csl == "book"
    assert DATASET.csl == "dataset" and DATASET.ris == "DATA"
