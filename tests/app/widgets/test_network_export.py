"""Saving a graph: each format a real file of its kind, an unknown suffix or an unwritable
place an OSError that leaves nothing behind."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from PySide6.QtGui import QFont, QImage
from PySide6.QtSvg import QSvgRenderer

from app.charts.network_layout import layout, node_sizes
from app.printing.pdf_file import pdf_problem
from app.widgets import network_export as ne
from db import Archive
from db.graph import EgoGraph, ego_graph

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def drawn(archive: Archive) -> tuple[EgoGraph, dict[str, tuple[float, float]]]:
    with archive.connect() as conn:
        g = ego_graph(conn, "kamenev-lev", co_mentions=True)
    assert g is not None
    return g, layout(g, node_sizes(g, QFont()))


def test_png(drawn: tuple[EgoGraph, dict], tmp_path: Path) -> None:
    g, positions = drawn
    path = ne.save_graph(tmp_path / "g.png", g, positions, QFont(), "t")
    image = QImage(str(path))
    size = ne.picture_size(g, positions)
    assert image.width() == size.width() * ne.PNG_SCALE


def test_svg_is_vector_with_its_title(drawn: tuple[EgoGraph, dict], tmp_path: Path) -> None:
    g, positions = drawn
    path = ne.save_graph(tmp_path / "g.svg", g, positions, QFont(), "Graph <of> Kamenev")
    assert QSvgRenderer(str(path)).isValid()
    data = path.read_text(encoding="utf-8")
    assert "<text" in data and "Lev Kamenev" in data and "Graph &lt;of&gt; Kamenev" in data


def test_pdf_is_one_vector_page(drawn: tuple[EgoGraph, dict], tmp_path: Path) -> None:
    g, positions = drawn
    data = ne.pdf_bytes(g, positions, QFont(), "t")
    assert pdf_problem(data) is None
    assert (
        data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page") >= 1
    )
    assert b"/Subtype /Image" not in data  # drawn, not a bitmap
    ne.save_graph(tmp_path / "g.pdf", g, positions, QFont(), "t")
    assert (tmp_path / "g.pdf").read_bytes().startswith(b"%PDF-")


def test_json_and_graphml(drawn: tuple[EgoGraph, dict], tmp_path: Path) -> None:
    g, positions = drawn
    loaded = json.loads(ne.graph_json(g, positions))
    assert loaded["positions"]["kamenev-lev"] == [0.0, 0.0]
    assert len(loaded["edges"]) == len(g.edges)
    path = ne.save_graph(tmp_path / "g.graphml", g, positions, QFont(), "t")
    back = nx.read_graphml(io.BytesIO(path.read_bytes()))
    assert set(back.nodes) == {n.id for n in g.nodes}


def test_unknown_suffix_and_unwritable_place(drawn: tuple[EgoGraph, dict], tmp_path: Path) -> None:
    g, positions = drawn
    with pytest.raises(OSError, match="choose a file name ending in"):
        ne.save_graph(tmp_path / "g.gif", g, positions, QFont(), "t")
    with pytest.raises(OSError, match="Cannot save the graph"):
        ne.save_graph(tmp_path / "missing" / "g.png", g, positions, QFont(), "t")
    with pytest.raises(OSError):
        ne.save_graph(tmp_path / "missing" / "g.pdf", g, positions, QFont(), "t")
    assert list(tmp_path.iterdir()) == []


def test_a_tiny_graph_still_gets_a_usable_picture() -> None:
    g = EgoGraph("a", 1, False, 40, (), ())
    size = ne.picture_size(g, {})
    assert size.width() >= 400 and size.height() >= 300
