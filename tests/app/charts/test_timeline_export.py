"""The timeline as files (app.charts.timeline_export): a PNG that loads, an SVG that parses
with its text, a one-page vector PDF, and a readable error where nothing can be written."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication

from app.charts import timeline_export
from app.charts.timeline_export import Drawing
from db import Archive, timeline

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def drawing(archive: Archive) -> Drawing:
    with archive.connect() as conn:
        s = timeline.kind_slice(conn, "1935-07-01", "1935-07-31", "day")
    return Drawing(
        s.lanes,
        s.marks,
        s.buckets,
        float(date(1935, 7, 1).toordinal()),
        float(date(1935, 8, 1).toordinal()),
        QApplication.palette(),
        QFont(),
        title="Timeline, July 1935",
    )


def test_the_png_loads_at_the_size_asked(drawing: Drawing) -> None:
    image = QImage.fromData(timeline_export.png_bytes(drawing, QSize(800, 400)))
    assert not image.isNull() and (image.width(), image.height()) == (800, 400)


def test_the_svg_parses_and_keeps_its_text(drawing: Drawing) -> None:
    data = timeline_export.svg_bytes(drawing, QSize(900, 500))
    root = ET.fromstring(data)
    assert root.tag.endswith("svg")
    text = data.decode("utf-8")
    # The title, and a label drawn as text (elided to its room, so its first words).
    assert "Timeline, July 1935" in text and "Military Collegi" in text


def test_the_pdf_is_one_vector_page(drawing: Drawing) -> None:
    data = timeline_export.pdf_bytes(drawing)
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    assert data.count(b"/Type /Pages") == 1
    assert b"/Subtype /Image" not in data  # lines and text, no bitmap


def test_writing_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "t.png"
    target.write_bytes(b"old")
    timeline_export.write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["t.png"]


def test_a_missing_folder_is_a_readable_error(tmp_path: Path) -> None:
    with pytest.raises(OSError, match=r"Cannot save the timeline to .*missing"):
        timeline_export.write_atomically(tmp_path / "missing" / "t.svg", b"x")
