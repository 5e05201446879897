"""Exporting a list writes the pane's rows atomically, with provenance; a cancel leaves nothing."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from app.list_export import PROVENANCE_SUFFIX, ExportRequest, export_list, format_for
from db import Archive, export, listing
from tests.conftest import BUNDLED

COLUMNS = [("name", "Name"), ("tribunal", "Tribunal")]
DEFENDANTS = listing.ListQuery("name", filters=(("role", "defendant"),))


def _plain_sql_ids() -> list[str]:
    conn = sqlite3.connect(f"file:{BUNDLED}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute(
            "SELECT id FROM person WHERE role = 'defendant' ORDER BY rank_name")]  # fmt: skip
    finally:
        conn.close()


def test_csv_starts_with_a_bom_and_holds_the_filtered_rows_in_order(
    archive: Archive, tmp_path: Path
) -> None:
    target = tmp_path / "people.csv"
    n = export_list(archive, ExportRequest(listing.PEOPLE, DEFENDANTS, COLUMNS, target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == _plain_sql_ids() and n == len(rows)
    assert b"\r\n" in raw  # RFC 4180 line ends


def test_plain_csv_has_no_bom(archive: Archive, tmp_path: Path) -> None:
    target = tmp_path / "people.csv"
    export_list(archive, ExportRequest(listing.PEOPLE, DEFENDANTS, COLUMNS, target, "csv"))
    assert target.read_bytes().startswith(b"id,")


def test_a_csv_export_says_what_produced_it_in_a_sidecar(archive: Archive, tmp_path: Path) -> None:
    target = tmp_path / "people.csv"
    request = ExportRequest(listing.PEOPLE, DEFENDANTS, COLUMNS, target, note="Search — x")
    n = export_list(archive, request)
    about = json.loads((tmp_path / ("people.csv" + PROVENANCE_SUFFIX)).read_text("utf-8"))
    assert about["filters"] == {"role": "defendant"} and about["sort"] == "name"
    assert about["data_version"] == archive.info.data_version and about["rows"] == n
    assert about["other_filter"] == "Search — x" and about["list"] == "person"


def test_a_json_export_carries_its_provenance_as_a_header(archive: Archive, tmp_path: Path) -> None:
    target = tmp_path / "people.json"
    export_list(archive, ExportRequest(listing.PEOPLE, DEFENDANTS, COLUMNS, target, "json"))
    document = json.loads(target.read_text("utf-8"))
    assert document["export"]["filters"] == {"role": "defendant"}
    assert [r["id"] for r in document["rows"]] == _plain_sql_ids()
    assert not (tmp_path / ("people.json" + PROVENANCE_SUFFIX)).exists()


def test_a_cancelled_export_leaves_no_file_and_no_part(archive: Archive, tmp_path: Path) -> None:
    target = tmp_path / "people.csv"
    with pytest.raises(export.ExportCancelled):
        export_list(
            archive,
            ExportRequest(listing.PEOPLE, listing.ListQuery("name"), COLUMNS, target),
            lambda _rows: False,
        )
    assert list(tmp_path.iterdir()) == []


def test_an_export_replaces_the_old_file_only_when_complete(
    archive: Archive, tmp_path: Path
) -> None:
    target = tmp_path / "people.csv"
    target.write_text("old")
    with pytest.raises(export.ExportCancelled):
        export_list(
            archive,
            ExportRequest(listing.PEOPLE, DEFENDANTS, COLUMNS, target),
            lambda _rows: False,
        )
    assert target.read_text() == "old"


def test_format_follows_the_choice_then_the_suffix() -> None:
    assert format_for(Path("a.json")) == "json"
    assert format_for(Path("a.csv")) == "csv-bom"
    assert format_for(Path("a.txt")) == "csv-bom"
    assert format_for(Path("a.csv"), "csv") == "csv"
    assert format_for(Path("a.csv"), "bogus") == "csv-bom"
