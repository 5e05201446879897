"""The edge list model: rows are the graph's edges as sentences, escaped tooltips, translated
headers; it passes the model tester."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from app import language
from app.widgets.network_model import EdgeColumn, EdgeIdRole, NetworkEdgesModel
from db import Archive
from db.graph import EgoGraph, GraphEdge, GraphNode, ego_graph
from tests.app.ui_texts import english

__all__ = ["english"]


def _graph(archive: Archive, person: str = "cherniavsky-mikhail") -> EgoGraph:
    with archive.connect() as conn:
        g = ego_graph(conn, person, co_mentions=True)
    assert g is not None
    return g


def test_rows_are_the_edges_in_words(archive: Archive, english: None) -> None:
    model = NetworkEdgesModel()
    g = _graph(archive)
    model.set_graph(g)
    assert model.rowCount() == len(g.edges) == 10
    row = model.row_of("r074")
    cells = [model.data(model.index(row, c)) for c in EdgeColumn]
    assert cells == [
        "Mikhail Cherniavsky",
        "D. M. Dmitriev",
        "Mikhail Cherniavsky is interrogated by D. M. Dmitriev",
        "investigation",
        "1",
    ]
    assert model.data(model.index(row, 0), EdgeIdRole) == "r074"
    assert model.edge_at(row) == g.edge("r074") and model.edge_at(99) is None
    co = model.row_of("co-mention:cherniavsky-mikhail:agranov-yakov")
    assert model.data(model.index(co, EdgeColumn.SOURCES)) == "4"
    model.set_graph(None)
    assert model.rowCount() == 0 and model.row_of("r074") == -1


def test_tooltips_are_escaped(qapp: object) -> None:
    nodes = (GraphNode("a", "<b>A</b>", "А", 0), GraphNode("b", "B", "Б", 1))
    model = NetworkEdgesModel()
    model.set_graph(EgoGraph("a", 1, False, 40, nodes, (GraphEdge("r", "a", "b", "friend"),)))
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip == "<qt>&lt;b&gt;A&lt;/b&gt; is friend of B</qt>"


def test_russian_headers_and_sentences(archive: Archive, english: None) -> None:
    model = NetworkEdgesModel()
    model.set_graph(_graph(archive))
    language.apply("ru")
    try:
        model.retranslate()
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in EdgeColumn]
        assert headers == ["Кто", "С кем", "Связь", "Вид связи", "Источники"]
        row = model.row_of("r074")
        assert model.data(model.index(row, EdgeColumn.RELATION)) == (
            "Дмитриев Д. М.: допрашивал — Чернявский Михаил Кондратьевич"
        )
    finally:
        language.apply("en")


@pytest.mark.parametrize("person", ["kamenev-lev", "yezhov-nikolai"])
def test_the_model_passes_the_model_tester(
    archive: Archive, qtmodeltester: Callable[..., object], person: str
) -> None:
    model = NetworkEdgesModel()
    model.set_graph(_graph(archive, person))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
