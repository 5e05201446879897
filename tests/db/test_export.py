"""Export of a list pane (db.export): the rows written are the pane's rows — the same ones, in the
same order, under the same filter and sort as db.listing pages them — read one page at a time
(counted in SQL statements, not measured in memory); CSV cells a spreadsheet would run are
neutralised, JSON carries its provenance, and progress can cancel between pages."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from db import Archive, export, listing
from db.dto import ListRow
from db.listing import DOCUMENTS, EVENTS, PEOPLE, ListQuery, ListSpec

PERSON_COLUMNS = (
    ("name", "Name"),
    ("name_ru", "Имя"),
    ("sentence", "Sentence"),
    ("birth_year", "Born"),
)


@pytest.fixture(scope="module")
def conn(archive: Archive) -> Iterator[Any]:
    with archive.connect() as c:
        yield c


def _pane_rows(conn: Any, spec: ListSpec, query: ListQuery) -> list[ListRow]:
    """What the pane shows: listing's own paths, in one page."""
    if query.filtered:
        return listing.rows_by_pks(conn, spec, listing.snapshot(conn, spec, query))
    total = listing.count(conn, spec, query)
    return listing.page(conn, spec, query, 0, total, total)


CASES = [
    (PEOPLE, ListQuery()),
    (PEOPLE, ListQuery("birth_year", descending=True)),
    (PEOPLE, ListQuery("sentence").with_filter("role", "defendant")),
    (PEOPLE, ListQuery("name_ru", pks=(5, 3, 90, 41))),
    (EVENTS, ListQuery("title", descending=True)),
    (EVENTS, ListQuery("date").with_filter("year", "1935")),
    (DOCUMENTS, ListQuery("doc_type")),
    (DOCUMENTS, ListQuery("title", descending=True).with_filter("year", "1935")),
]
IDS = [
    "people",
    "people-born-desc",
    "defendants-by-sentence",
    "search-result",
    "events-title-desc",
    "events-1935",
    "documents-by-type",
    "documents-1935-title-desc",
]


@pytest.mark.parametrize(("spec", "query"), CASES, ids=IDS)
def test_exported_rows_are_the_panes_rows_in_its_order(
    conn: Any, spec: ListSpec, query: ListQuery
) -> None:
    expected = _pane_rows(conn, spec, query)
    assert expected
    assert list(export.iter_rows(conn, spec, query)) == expected


@pytest.mark.parametrize(("spec", "query"), CASES, ids=IDS)
def test_rows_are_the_same_when_read_in_small_pages(
    conn: Any, spec: ListSpec, query: ListQuery, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = list(export.iter_rows(conn, spec, query))
    monkeypatch.setattr(export, "PAGE", 7)  # pages that end mid-list and a short last page
    assert list(export.iter_rows(conn, spec, query)) == expected


def _statements(conn: Any, fn: Any) -> list[str]:
    seen: list[str] = []

    def spy(*args: Any) -> None:
        seen.append(args[2])

    event.listen(conn, "before_cursor_execute", spy)
    try:
        fn()
    finally:
        event.remove(conn, "before_cursor_execute", spy)
    return seen


def test_an_unfiltered_export_is_a_count_then_one_range_scan_per_page(
    conn: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "PAGE", 50)
    rows: list[ListRow] = []
    seen = _statements(conn, lambda: rows.extend(export.iter_rows(conn, DOCUMENTS, ListQuery())))
    assert len(rows) == 292
    assert len(seen) == 1 + 6  # 292 rows: five pages of 50 and one of 42
    assert all("BETWEEN" in s for s in seen[1:])


def test_a_filtered_export_is_a_key_snapshot_then_one_fetch_per_page(
    conn: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "PAGE", 50)
    query = ListQuery("title").with_filter("year", "1935")
    rows: list[ListRow] = []
    seen = _statements(conn, lambda: rows.extend(export.iter_rows(conn, DOCUMENTS, query)))
    pages = -(-len(rows) // 50)
    assert pages > 2
    assert len(seen) == 1 + pages


def _csv_table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_has_a_header_and_one_crlf_line_per_row(conn: Any) -> None:
    query = ListQuery().with_filter("tribunal", "military-collegium")
    out = io.StringIO(newline="")
    n = export.write(conn, PEOPLE, query, out, "csv", PERSON_COLUMNS)
    rows = _pane_rows(conn, PEOPLE, query)
    assert out.getvalue().count("\r\n") == n + 1
    table = _csv_table(out.getvalue())
    assert table[0] == ["id", "Name", "Имя", "Sentence", "Born"]
    assert n == len(rows) == len(table) - 1 == 16
    for line, row in zip(table[1:], rows, strict=True):
        assert line == [
            row.id,
            row.name,
            row.name_ru,
            row.sentence,
            "" if row.birth_year is None else str(row.birth_year),
        ]


def test_csv_keeps_commas_and_quotes_inside_cells(conn: Any) -> None:
    out = io.StringIO(newline="")
    export.write(conn, DOCUMENTS, ListQuery(), out, "csv", (("title", "Title"), ("persons", "P")))
    rows = _pane_rows(conn, DOCUMENTS, ListQuery())
    parsed = _csv_table(out.getvalue())[1:]
    assert [line[1] for line in parsed] == [r.title for r in rows]
    assert any("," in r.title or '"' in r.title for r in rows)  # the data does test quoting


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+7 495", "'+7 495"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tlead", "'\tlead"),
        ("\rlead", "'\rlead"),
        ("a=b", "a=b"),
        ("Чернявский", "Чернявский"),
        ("", ""),
        (None, ""),
        (1901, "1901"),
        (-5, "-5"),  # a number is a number, not a formula
    ],
)
def test_a_csv_cell_that_a_spreadsheet_would_run_gets_a_leading_apostrophe(
    value: object, cell: str
) -> None:
    assert export.neutral(value) == cell


def test_csv_headers_are_neutralised_too(conn: Any) -> None:
    out = io.StringIO(newline="")
    query = ListQuery(pks=(1,))
    export.write(conn, PEOPLE, query, out, "csv", (("name", "=cmd|' /C calc'!A0"),))
    assert _csv_table(out.getvalue())[0] == ["id", "'=cmd|' /C calc'!A0"]


def test_json_is_the_provenance_then_the_records_with_nulls_kept(conn: Any) -> None:
    query = ListQuery("birth_year")
    out = io.StringIO()
    provenance = {"archive": "kremlin-affair.sqlite", "list": "people", "sort": "birth_year"}
    n = export.write(conn, PEOPLE, query, out, "json", PERSON_COLUMNS, provenance)
    document = json.loads(out.getvalue())
    rows = _pane_rows(conn, PEOPLE, query)
    assert list(document) == ["export", "rows"]
    assert document["export"] == provenance
    assert n == len(document["rows"]) == len(rows) == 99
    assert document["rows"] == [
        {
            "id": r.id,
            "Name": r.name,
            "Имя": r.name_ru,
            "Sentence": r.sentence,
            "Born": r.birth_year,
        }
        for r in rows
    ]
    assert any(rec["Born"] is None for rec in document["rows"])
    assert "\\u" not in out.getvalue()  # Cyrillic written as itself


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_empty_result_writes_a_valid_empty_file(conn: Any, fmt: str) -> None:
    query = ListQuery().with_filter("role", "no-such-role")
    out = io.StringIO(newline="")
    assert export.write(conn, PEOPLE, query, out, fmt, PERSON_COLUMNS) == 0
    if fmt == "json":
        assert json.loads(out.getvalue()) == {"export": {}, "rows": []}
    else:
        assert _csv_table(out.getvalue()) == [["id", "Name", "Имя", "Sentence", "Born"]]


def test_progress_is_told_the_rows_written_once_a_page(
    conn: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "PAGE", 50)
    told: list[int] = []

    def keep_going(rows: int) -> bool:
        told.append(rows)
        return True

    n = export.write(conn, DOCUMENTS, ListQuery(), io.StringIO(), "json", (), None, keep_going)
    assert (n, told) == (292, [0, 50, 100, 150, 200, 250])


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_cancel_stops_the_export_at_the_next_page(
    conn: Any, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr(export, "PAGE", 50)
    out = io.StringIO(newline="")
    with pytest.raises(export.ExportCancelled):
        export.write(
            conn, DOCUMENTS, ListQuery(), out, fmt, (("title", "Title"),), None, lambda n: n < 100
        )
    written = out.getvalue()
    rows = written.count('"id": ') if fmt == "json" else len(_csv_table(written)) - 1
    assert rows == 100  # pages 1 and 2 written; the report before page 3 cancelled it


def test_an_unknown_format_is_refused_before_writing(conn: Any) -> None:
    out = io.StringIO()
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export.write(conn, PEOPLE, ListQuery(), out, "xml", PERSON_COLUMNS)
    assert out.getvalue() == ""
