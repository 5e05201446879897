"""BibTeX of every source and of a record, read back with bibtexparser; braces always balance,
Cyrillic stays UTF-8, keys are unique, and no archive text opens or closes an entry."""

from __future__ import annotations

import re

import bibtexparser
import pytest
from sqlalchemy import Connection

from db.cite import bibtex
from db.cite.model import Access, SourceItem, cited, sources
from db.dto import Ref
from tests.db.cite.conftest import (
    ACCESSED,
    BREAKOUT,
    FORMULA,
    HOSTILE_URL,
    SPECIALS,
    Hostile,
    source_count,
)

#: The LaTeX the escaping writes, back to the characters (longest first).
UNESCAPE = {
    r"{\textbackslash}": "\\",
    r"{\textbraceleft}": "{",
    r"{\textbraceright}": "}",
    r"{\textasciicircum}": "^",
    r"{\textasciitilde}": "~",
    r"\#": "#",
    r"\$": "$",
    r"\%": "%",
    r"\&": "&",
    r"\_": "_",
}
_COMMAND = re.compile("|".join(re.escape(k) for k in UNESCAPE))


def _plain(value: str) -> str:
    return _COMMAND.sub(lambda m: UNESCAPE[m.group()], value)


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def _parse(text: str) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = bibtexparser.loads(text).entries
    return entries


def test_all_sources_read_back(conn: Connection) -> None:
    text = bibtex.bibliography(sources(conn))
    entries = _parse(text)
    assert len(entries) == source_count(conn)
    assert [e["ID"] for e in entries] == [s.id for s in sources(conn)]
    assert [_plain(e["title"]) for e in entries] == [s.title for s in sources(conn)]
    assert {e["ENTRYTYPE"] for e in entries} == {"book", "misc"}
    assert _balanced(text)


def test_a_book_keeps_cyrillic_and_splits_its_author(conn: Connection) -> None:
    (entry,) = _parse(bibtex.bibliography(sources(conn, ["koshel-kniga87"])))
    assert entry["ENTRYTYPE"] == "book"
    assert entry["author"] == "Кошель, Пётр"
    assert entry["title"] == "История российского сыска (page 87)"
    assert entry["langid"] == "russian"


def test_an_organisation_is_one_braced_name() -> None:
    source = SourceItem("w", "Wikipedia contributors", "T", None, "encyclopedia", "en", None, None)
    (entry,) = _parse(bibtex.bibliography([source]))
    assert entry["author"] == "{Wikipedia contributors}" and entry["ENTRYTYPE"] == "misc"


def test_a_record_export_is_a_misc_entry_and_its_sources(conn: Connection) -> None:
    c = cited(conn, Ref("source", "koshel-kniga87"))
    entries = _parse(bibtex.record(c, Access(ACCESSED, "kremlin-affair.sqlite", "ab" * 32)))
    head = entries[0]
    assert head["ID"] == "source:koshel-kniga87" and head["ENTRYTYPE"] == "misc"
    assert head["version"] == c.archive.data_version and head["urldate"] == "2026-12-04"
    assert "ab" * 32 in head["note"] and "source/koshel-kniga87" in head["note"]
    assert [e["ID"] for e in entries[1:]] == ["koshel-kniga87"]


@pytest.mark.parametrize(
    ("ids", "keys"),
    [
        (["a b", "a-b", "A-B"], ["a-b", "a-b-2", "A-B-3"]),
        (["{evil}", "", "x,y=z"], ["evil", "item", "x-y-z"]),
    ],
)
def test_keys_are_sanitised_and_unique(ids: list[str], keys: list[str]) -> None:
    made = bibtex.Keys()
    assert [made.key(i) for i in ids] == keys


def test_hostile_text_stays_inside_its_field(hostile: Hostile) -> None:
    with hostile.archive.connect() as c:
        text = bibtex.bibliography(sources(c))
        record = bibtex.record(cited(c, None), Access(ACCESSED))
        count = source_count(c)
    assert _balanced(text) and _balanced(record)
    entries = _parse(text)
    assert len(entries) == count
    assert "evil" not in {e["ID"] for e in entries}
    by_id = {e["ID"]: e for e in entries}
    assert _plain(by_id[hostile.breakout]["title"]) == " ".join(BREAKOUT.split())
    assert by_id[hostile.breakout]["url"] == "https://example.invalid/a%20b%7D%7B%22x%5Cy"
    assert by_id[hostile.formula]["author"] == "{" + FORMULA + "}"
    assert _plain(by_id[hostile.specials]["note"]) == SPECIALS
    assert _plain(by_id[hostile.specials]["author"]) == "{" + SPECIALS + "}"
    assert len(_parse(record)) == count + 1
    assert not [line for line in text.splitlines() if line.startswith(("=", "@misc{evil"))]


def test_control_characters_never_reach_the_file() -> None:
    source = SourceItem("x", None, "T\x1b}\n@book{y,\x85", None, "book", "ru", HOSTILE_URL, "\x00")
    text = bibtex.bibliography([source])
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)
    (entry,) = _parse(text)
    assert _plain(entry["title"]) == "T } @book{y,"
    assert "note" not in entry
