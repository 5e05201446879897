"""CSL-JSON of every source and of a record: valid against the official CSL data schema and
usable by a real citation processor (citeproc-py with the style it bundles).

``csl-data.json`` beside this file is the CSL 1.0.2 input schema, copied unchanged from
https://github.com/citation-style-language/schema/blob/40b3ce0bbbda517ad14b98c93a2c65ab4cde56a9/schemas/input/csl-data.json
(MIT License, Copyright (c) 2007-2017 Citation Style Language; the notice is in
``csl-data.json.LICENSE``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from sqlalchemy import Connection

from db.cite import csl
from db.cite.model import Access, SourceItem, cited, sources
from db.dto import Ref
from tests.db.cite.conftest import ACCESSED, BREAKOUT, FORMULA, Hostile, source_count

SCHEMA = json.loads(Path(__file__).with_name("csl-data.json").read_text("utf-8"))
#: The style citeproc-py ships with (the Harvard style "Cite Them Right").
STYLE = "harvard-cite-them-right"


def _valid(items: list[dict[str, Any]]) -> None:
    jsonschema.Draft7Validator(SCHEMA).validate(items)


def _render(items: list[dict[str, Any]]) -> list[str]:
    """The bibliography citeproc-py prints for ``items``."""
    bib = CitationStylesBibliography(
        CitationStylesStyle(STYLE), CiteProcJSON(items), formatter.plain
    )
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bib.bibliography()]


def test_all_sources_are_schema_valid_and_render(conn: Connection) -> None:
    items = json.loads(csl.bibliography(sources(conn)))
    _valid(items)
    assert len(items) == source_count(conn) == len({i["id"] for i in items})
    rendered = _render(items)
    assert len(rendered) == len(items)
    assert any("Кошель, П." in r for r in rendered)


def test_a_source_item_has_its_fields(conn: Connection) -> None:
    (item,) = json.loads(csl.bibliography(sources(conn, ["koshel-kniga87"])))
    assert item["type"] == "book" and item["id"] == "koshel-kniga87"
    assert item["author"] == [{"family": "Кошель", "given": "Пётр"}]
    assert item["title"] == "История российского сыска (page 87)"
    assert item["language"] == "ru" and item["URL"].startswith("https://")


def test_an_organisation_is_a_literal_name_and_a_year_is_issued() -> None:
    source = SourceItem("x", "Wikipedia contributors", "T", 2020, "article", "en", None, None)
    item = csl.source_item(source)
    assert item["author"] == [{"literal": "Wikipedia contributors"}]
    assert item["issued"] == {"date-parts": [[2020]]} and item["type"] == "webpage"
    assert "URL" not in item and "note" not in item


def test_a_record_export_is_a_dataset_and_its_sources(conn: Connection) -> None:
    c = cited(conn, Ref("person", "cherniavsky-mikhail"))
    items = json.loads(csl.record(c, Access(ACCESSED, "kremlin-affair.sqlite")))
    _valid(items)
    head, rest = items[0], items[1:]
    assert head["id"] == "person:cherniavsky-mikhail" and head["type"] == "dataset"
    assert head["container-title"] == c.archive.title
    assert head["version"] == c.archive.data_version
    assert head["accessed"] == {"date-parts": [[2026, 12, 4]]}
    assert [i["id"] for i in rest] == [s.id for s in c.sources]
    assert len(_render(items)) == len(items)


def test_hostile_sources_stay_strings(hostile: Hostile) -> None:
    with hostile.archive.connect() as c:
        everything = sources(c)
        items = json.loads(csl.bibliography(everything))
        record = json.loads(csl.record(cited(c, None), Access(ACCESSED)))
        count = source_count(c)
    _valid(items)
    _valid(record)
    assert len(items) == len(everything) == count
    by_id = {i["id"]: i for i in items}
    assert by_id[hostile.breakout]["title"] == " ".join(BREAKOUT.split())
    assert by_id[hostile.formula]["author"] == [{"literal": FORMULA}]
    assert record[0]["title"].startswith(FORMULA)
    assert len(_render(items)) == len(items)


def test_control_characters_never_reach_the_json() -> None:
    source = SourceItem("x", "A\x85B", "T\x1b[2J\u2028", None, "book", "ru", None, "n\x9b")
    out = csl.bibliography([source])
    assert not any((ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F for ch in out)
    assert "\u2028" not in out
    assert json.loads(out)[0]["title"] == "T [2J"
