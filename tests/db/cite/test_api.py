"""The citation API on the bundled archive: text in both styles, every export format read back
by a real parser, counts taken from the archive itself."""

from __future__ import annotations

import json
from collections.abc import Callable

import bibtexparser
import pytest
import rispy
from sqlalchemy import Connection

from db import cite
from db.cite.model import UnknownRecord
from db.dto import Ref
from tests.db.cite.conftest import ACCESSED, source_count

DIGEST = "f" * 64
RECORDS = [
    Ref("person", "cherniavsky-mikhail"),
    Ref("event", "ev-1935-vk-verdict"),
    Ref("source", "koshel-kniga87"),
    cite.CHART,
    None,
]


def _count_csl(text: str) -> int:
    return len(json.loads(text))


def _count_ris(text: str) -> int:
    return len(rispy.loads(text))


def _count_bibtex(text: str) -> int:
    return len(bibtexparser.loads(text).entries)


PARSERS: dict[str, Callable[[str], int]] = {
    "csl-json": _count_csl,
    "ris": _count_ris,
    "bibtex": _count_bibtex,
}


@pytest.mark.parametrize("fmt", cite.FORMATS)
def test_the_bibliography_lists_every_source(conn: Connection, fmt: str) -> None:
    assert PARSERS[fmt](cite.bibliography(conn, fmt)) == source_count(conn)


@pytest.mark.parametrize("fmt", cite.FORMATS)
@pytest.mark.parametrize("ref", RECORDS)
def test_a_record_export_holds_the_record_and_its_sources(
    conn: Connection, fmt: str, ref: Ref | None
) -> None:
    cited = cite.cited_source_ids(conn, ref)
    out = cite.record_export(conn, ref, fmt, ACCESSED, DIGEST, "kremlin-affair.sqlite")
    assert PARSERS[fmt](out) == 1 + len(cited)
    assert DIGEST in out
    assert PARSERS[fmt](cite.bibliography(conn, fmt, cited)) == len(cited)


@pytest.mark.parametrize("style", cite.STYLES)
@pytest.mark.parametrize("ref", RECORDS)
def test_a_text_citation_is_one_line_with_the_digest(
    conn: Connection, style: str, ref: Ref | None
) -> None:
    out = cite.record(conn, ref, style, ACCESSED, DIGEST.upper())
    assert "\n" not in out and DIGEST in out


def test_the_access_date_defaults_to_a_date(conn: Connection) -> None:
    assert "(дата обращения: " in cite.record(conn, None, "gost")
    assert '"accessed"' in cite.record_export(conn, None, "csl-json")


def test_a_source_bibliography_follows_the_order_asked(conn: Connection) -> None:
    ids = ["petrov-jansen-ezhov", "koshel-kniga87"]
    assert [i["id"] for i in json.loads(cite.bibliography(conn, "csl-json", ids))] == ids


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda c: cite.record(c, Ref("person", "nobody"), "gost"), UnknownRecord),
        (lambda c: cite.record_export(c, Ref("event", "nothing"), "ris"), UnknownRecord),
        (lambda c: cite.bibliography(c, "ris", ["no-such-source"]), UnknownRecord),
        (lambda c: cite.cited_source_ids(c, Ref("document", "none")), UnknownRecord),
        (lambda c: cite.record(c, None, "harvard"), ValueError),
        (lambda c: cite.record(c, None, "gost", sha256="not a digest"), ValueError),
        (lambda c: cite.record_export(c, None, "endnote"), ValueError),
        (lambda c: cite.bibliography(c, "text"), ValueError),
    ],
)
def test_errors_are_clear(
    conn: Connection, call: Callable[[Connection], object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        call(conn)


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("kamenev-lev", [Ref("person", "kamenev-lev")]),
        ("person/kamenev-lev", [Ref("person", "kamenev-lev")]),
        ("archive://event/ev-1934-kirov", [Ref("event", "ev-1934-kirov")]),
        ("chart", [cite.CHART]),
        ("chart/outcomes", [cite.CHART]),
        ("archive://chart/outcomes", [cite.CHART]),
        ("chart/pie", []),
        ("nobody", []),
    ],
)
def test_find_accepts_every_id_form(conn: Connection, text: str, refs: list[Ref]) -> None:
    assert cite.find(conn, text) == refs
