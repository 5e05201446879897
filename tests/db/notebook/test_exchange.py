"""Exports: JSON (a full backup that imports back equal) and CSV (neutralised cells); note text
is data in both."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from db.dto import Ref
from db.notebook import Notebook, claim_ref, export_csv, export_json, import_json
from tests.db.notebook.conftest import KAMENEV, KEY, KIROV, OTHER, Ticker

HOSTILE = (
    'He said "no"\\ twice;\nthen: =HYPERLINK("http://evil","x")\r\n'
    "\x1b]0;title\x07 \x85 \u2028 \u2029 <script>alert(1)</script>"
)


def fill(nb: Notebook) -> None:
    """A notebook with one of everything, in two archives."""
    nb.set_bookmark(KEY, KAMENEV, True, label="Lev Kamenev")
    nb.set_note(KEY, KAMENEV, "first text")
    nb.set_note(KEY, KAMENEV, "")  # cleared: a revision only
    nb.set_note(KEY, KAMENEV, HOSTILE)
    nb.add_tag(KEY, KAMENEV, "trial")
    nb.add_tag(KEY, KAMENEV, "-1+1")
    nb.set_note(KEY, claim_ref(12), "=1+1", label="@SUM(A1)")
    nb.add_tag(KEY, KIROV, "Kirov")
    nb.set_note(OTHER, Ref("document", "doc-1"), "Другой архив")
    nb.save_search(KEY, "mc", "kamenev", {"tribunal": "military-collegium"})


def _without_time(text: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(text)
    doc.pop("exported")
    return doc


def test_json_round_trip_is_equal(nb: Notebook, tmp_path: Path) -> None:
    fill(nb)
    exported = export_json(nb, None)
    with Notebook.open(tmp_path / "copy.sqlite") as copy:
        report = import_json(copy, exported)
        assert report.records_added == 4 and report.searches_added == 1
        assert _without_time(export_json(copy, None)) == _without_time(exported)
        assert copy.entries(KEY) == nb.entries(KEY)
        assert copy.revisions(KEY, KAMENEV) == nb.revisions(KEY, KAMENEV)


def test_json_of_one_archive_holds_only_it(nb: Notebook) -> None:
    fill(nb)
    doc = json.loads(export_json(nb, KEY))
    assert [(a["archive_id"], a["title"]) for a in doc["archives"]] == [(KEY.archive_id, KEY.title)]
    assert [r["id"] for r in doc["archives"][0]["records"]] == [
        "12",
        "ev-1934-kirov",
        "kamenev-lev",
    ]


def test_json_escapes_note_text_and_keeps_it_exact(nb: Notebook) -> None:
    nb.set_note(KEY, KAMENEV, HOSTILE)
    text = export_json(nb, KEY)
    assert not any(c in text for c in "\x1b\x07\x85\u2028\u2029")  # written as \\uXXXX
    doc = json.loads(text)
    assert doc["archives"][0]["records"][0]["note"] == HOSTILE.replace("\r\n", "\n")


def test_json_of_an_empty_notebook(nb: Notebook) -> None:
    doc = json.loads(export_json(nb, KEY))
    assert (doc["format"], doc["version"], doc["archives"]) == ("kremlin-archive-notebook", 1, [])


def test_csv_has_a_bom_a_header_and_neutralised_cells(nb: Notebook) -> None:
    fill(nb)
    text = export_csv(nb, KEY)
    assert text.startswith("\ufeffarchive,archive_id,kind,id,label,bookmarked,tags,note,changed")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    by_id = {r["id"]: r for r in rows}
    assert list(by_id) == ["ev-1934-kirov", "12", "kamenev-lev"]  # newest change first
    assert by_id["12"]["note"] == "'=1+1" and by_id["12"]["label"] == "'@SUM(A1)"
    assert by_id["kamenev-lev"]["tags"] == "'-1+1; trial"
    assert by_id["kamenev-lev"]["note"] == HOSTILE.replace("\r\n", "\n")  # quoted, multi-line
    assert by_id["kamenev-lev"]["bookmarked"] == "true"
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values())


def test_csv_of_every_archive_and_without_bom(nb: Notebook) -> None:
    fill(nb)
    rows = list(csv.DictReader(io.StringIO(export_csv(nb, None, bom=False), newline="")))
    assert {r["archive"] for r in rows} == {KEY.title, OTHER.title}
    assert len(rows) == 4


def test_exports_are_stable_apart_from_their_time(tmp_path: Path) -> None:
    with Notebook.open(tmp_path / "n.sqlite", clock=Ticker()) as nb:
        fill(nb)
        assert _without_time(export_json(nb, None)) == _without_time(export_json(nb, None))
        assert export_csv(nb, None) == export_csv(nb, None)
