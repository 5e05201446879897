"""Scene items: a box's text and escaped tooltip, a line that follows its moved box, a wide band
to click, and the words of the "+N" box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsScene

from app.appearance import light_palette
from app.charts.network_paint import GraphStyle
from app.widgets.network_items import EdgeItem, MoreItem, NodeItem, edge_tooltip, hidden_words
from db.graph import GraphEdge, GraphNode

pytestmark = pytest.mark.usefixtures("qapp")

HOSTILE = GraphNode("x", '<img src="file:///etc/passwd">', "<b>жирный</b>", 1, more=2)
PLAIN = GraphNode("y", "Boris Rosenfeld", "Розенфельд Борис Николаевич", 0)


def _style() -> GraphStyle:
    return GraphStyle.of(light_palette())


def test_a_box_shows_the_name_and_escapes_its_tooltip() -> None:
    node = NodeItem(HOSTILE, False, _style(), QFont())
    assert node.text == '<img\nsrc="file:///etc/passwd">'
    assert "<img" not in node.toolTip() and "&lt;img" in node.toolTip()
    assert "&lt;b&gt;жирный&lt;/b&gt;" in node.toolTip()
    assert "2 more relations are not drawn" in node.toolTip()
    assert node.key == "x" and node.size.width() > 0


def test_a_line_follows_its_box_and_is_easy_to_hit() -> None:
    scene = QGraphicsScene()
    a = NodeItem(PLAIN, True, _style(), QFont())
    b = NodeItem(HOSTILE, False, _style(), QFont())
    for item, at in ((a, QPointF(0, 0)), (b, QPointF(300, 0))):
        item.setPos(at)
        scene.addItem(item)
    edge = EdgeItem(GraphEdge("r1", "y", "x", "brother"), (a, b), 0.0, _style())
    scene.addItem(edge)
    end = edge.path().currentPosition()
    b.setPos(300, 200)
    assert edge.path().currentPosition() != end
    assert edge.shape().boundingRect().height() >= 10  # a band, not a hairline
    moved: list[str] = []
    a.on_moved = lambda item: moved.append(item.key)  # type: ignore[attr-defined]
    a.setPos(10, 10)
    assert moved == ["y"]


def test_the_more_box_counts_what_is_hidden() -> None:
    more = MoreItem(GraphNode("z", "Z", "З", 0, more=12, more_named=3), _style(), QFont())
    assert more.text == "+15" and more.key == "more:z"
    words = hidden_words(GraphNode("z", "Z", "З", 0, more=1, more_named=3))
    assert words == (
        "1 more relation is not drawn; 3 more people named in the same documents are not drawn"
    )


def test_an_edge_tooltip_is_escaped_text() -> None:
    edge = GraphEdge("r1", "x", "y", "brother")
    tip = edge_tooltip(edge, edge.sentence("<b>A</b>", "B"))
    assert tip == "<qt>&lt;b&gt;A&lt;/b&gt; is brother of B (0 sources)</qt>"
