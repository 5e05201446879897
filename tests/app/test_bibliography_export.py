"""Bibliography files: the chosen sources, read back with real parsers, written atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path

import bibtexparser
import pytest
import rispy

from app import bibliography_export, part_files
from app.bibliography_export import cited_by, every_source, export_bibliography, listed
from db import Archive, cite
from db.dto import Ref
from db.sources import SourceQuery


def test_every_source_as_bibtex(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "all.bib"
    assert export_bibliography(archive, path, "bibtex", every_source) == 126
    assert len(bibtexparser.loads(path.read_text(encoding="utf-8")).entries) == 126


def test_the_sources_of_a_record_as_ris(archive: Archive, tmp_path: Path) -> None:
    ref = Ref("person", "kamenev-lev")
    path = tmp_path / "kamenev.ris"
    n = export_bibliography(archive, path, "ris", cited_by(ref))
    with archive.connect() as conn:
        expected = cite.cited_source_ids(conn, ref)
    assert n == len(expected) == len(rispy.loads(path.read_text(encoding="utf-8")))


def test_a_listed_selection_keeps_its_order_as_csl_json(archive: Archive, tmp_path: Path) -> None:
    query = SourceQuery("year", descending=True).with_filter("kind", "article")
    path = tmp_path / "articles.json"
    n = export_bibliography(archive, path, "csl-json", listed(query))
    items = json.loads(path.read_text(encoding="utf-8"))
    assert n == len(items) > 0
    years = [i["issued"]["date-parts"][0][0] for i in items if "issued" in i]
    assert years == sorted(years, reverse=True)


def test_a_failed_write_leaves_the_old_file_and_no_part_file(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "all.bib"
    path.write_text("old", encoding="utf-8")

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(part_files.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        export_bibliography(archive, path, "bibtex", every_source)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.bib"]


def test_an_unknown_format_writes_nothing(archive: Archive, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        export_bibliography(archive, tmp_path / "x.txt", "endnote-xml", every_source)
    assert list(tmp_path.iterdir()) == []


def test_write_text_is_utf8_exactly(tmp_path: Path) -> None:
    path = tmp_path / "t.ris"
    bibliography_export.write_text(path, "TY  - BOOK\r\nTI  - Кошель\r\nER  - \r\n")
    assert path.read_bytes() == "TY  - BOOK\r\nTI  - Кошель\r\nER  - \r\n".encode()
    assert os.stat(path).st_size > 0
