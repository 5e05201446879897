"""RIS of every source and of a record, read back with rispy; no archive text forges a tag."""

from __future__ import annotations

import re

import rispy
from sqlalchemy import Connection

from db.cite import ris
from db.cite.model import Access, SourceItem, cited, sources
from db.dto import Ref
from tests.db.cite.conftest import ACCESSED, BREAKOUT, FORMULA, Hostile, source_count

#: Every line of an RIS file: a tag line, the end of a record, or the blank line between.
LINE = re.compile(r"[A-Z][A-Z0-9]  - .*|ER  - |")


def _lines_are_tags(text: str) -> bool:
    return all(LINE.fullmatch(line) for line in text.split("\n"))


def test_all_sources_read_back(conn: Connection) -> None:
    text = ris.bibliography(sources(conn))
    entries = rispy.loads(text)
    assert len(entries) == source_count(conn)
    assert [e["id"] for e in entries] == [s.id for s in sources(conn)]
    assert [e["title"] for e in entries] == [s.title for s in sources(conn)]
    assert _lines_are_tags(text)


def test_a_source_record_has_its_tags(conn: Connection) -> None:
    text = ris.bibliography(sources(conn, ["petrov-jansen-ezhov"]))
    (entry,) = rispy.loads(text)
    assert entry["type_of_reference"] == "BOOK"
    assert entry["authors"] == ["Петров, Никита", "Янсен, Марк"]
    assert entry["language"] == "ru" and entry["urls"][0].startswith("https://")
    assert text.splitlines()[0] == "TY  - BOOK" and text.splitlines()[-1] == "ER  - "


def test_a_record_export_is_a_dataset_and_its_sources(conn: Connection) -> None:
    c = cited(conn, Ref("event", "ev-1934-kirov"))
    entries = rispy.loads(ris.record(c, Access(ACCESSED, "kremlin-affair.sqlite")))
    head = entries[0]
    assert head["type_of_reference"] == "DATA" and head["id"] == "event:ev-1934-kirov"
    assert head["name_of_database"] == c.archive.title
    assert head["edition"] == c.archive.data_version
    assert head["access_date"] == "2026/12/04"
    assert [e["id"] for e in entries[1:]] == [s.id for s in c.sources]


def test_a_web_address_goes_in_ur(conn: Connection) -> None:
    c = cited(conn, None)
    (head, *rest) = rispy.loads(ris.record(c, Access(ACCESSED, "https://example.org/k")))
    assert head["urls"] == ["https://example.org/k"]
    assert len(rest) == source_count(conn)


def test_hostile_text_cannot_start_a_tag(hostile: Hostile) -> None:
    with hostile.archive.connect() as c:
        text = ris.bibliography(sources(c))
        record = ris.record(cited(c, None), Access(ACCESSED))
        count = source_count(c)
    assert _lines_are_tags(text) and _lines_are_tags(record)
    entries = rispy.loads(text)
    assert len(entries) == count
    assert not [e for e in entries if e["type_of_reference"] == "JOUR"]
    by_id = {e["id"]: e for e in entries}
    assert by_id[hostile.breakout]["title"] == " ".join(BREAKOUT.split())
    assert by_id[hostile.formula]["authors"] == [FORMULA]
    assert len(rispy.loads(record)) == count + 1


def test_control_characters_never_reach_the_file() -> None:
    source = SourceItem("x", "A\x1bB", "T\rTY  - X\x85ER  - ", None, "book", "ru", None, None)
    text = ris.bibliography([source])
    assert _lines_are_tags(text)
    assert rispy.loads(text)[0]["title"] == "T TY - X ER -"
