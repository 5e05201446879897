"""The graph's look: names wrapped and cut, pens by kind of tie and doubt, parallel edges fanned
out, arrow heads, colours from the palette, and a whole graph painted on an image."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette

from app.appearance import dark_palette, light_palette
from app.charts import network_paint as paint
from db.dto import ClaimDTO, Facts, FieldClaims, Labelled, Ref
from db.graph import CO_MENTION, EgoGraph, GraphEdge, GraphNode

pytestmark = pytest.mark.usefixtures("qapp")  # fonts need a QGuiApplication


@pytest.mark.parametrize(
    ("name", "wrapped"),
    [
        ("Lev Kamenev", "Lev Kamenev"),
        ("S. M. Zaks-Gladnev", "S. M.\nZaks-Gladnev"),
        ("Чернявский Михаил Кондратьевич", "Чернявский Михаил\nКондратьевич"),
        ("Aaaaaaaaaaaaaaaaaaaaaaaaaa", "Aaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ("line\nbreak\tand  spaces", "line break\nand spaces"),
    ],
)
def test_long_names_go_on_two_lines(name: str, wrapped: str) -> None:
    assert paint.wrap_name(name) == wrapped


def test_a_name_of_a_megabyte_is_cut() -> None:
    wrapped = paint.wrap_name("x" * 1_000_000)
    assert len(wrapped) == paint.NAME_LIMIT and wrapped.endswith("…")


def _edge(relation: str, disputed: bool = False, weight: int = 1, ident: str = "e") -> GraphEdge:
    facts = Facts()
    if disputed:
        src = Labelled(Ref("source", "s"), "S")
        claims = (
            ClaimDTO("relation", "sister", src, None, None, None),
            ClaimDTO("relation", "brother", src, None, None, None),
        )
        facts = Facts(fields=(FieldClaims("relation", claims),))
    return GraphEdge(ident, "a", "b", relation, facts=facts, weight=weight)


def test_pens_tell_the_kinds_and_the_doubt_apart() -> None:
    style = paint.GraphStyle.of(light_palette())
    family = paint.edge_pen(style, _edge("brother"))
    assert family.style() == Qt.PenStyle.SolidLine
    assert family.color() == QColor(paint.CATEGORY_COLOURS["family"][0])
    assert paint.edge_pen(style, _edge("alleged-link")).style() == Qt.PenStyle.DashLine
    assert paint.edge_pen(style, _edge("brother", disputed=True)).style() == Qt.PenStyle.DashLine
    one = paint.edge_pen(style, _edge(CO_MENTION, weight=1))
    many = paint.edge_pen(style, _edge(CO_MENTION, weight=34))
    assert one.style() == Qt.PenStyle.DotLine and many.widthF() > one.widthF()
    chosen = paint.edge_pen(style, _edge("brother"), selected=True)
    plain = paint.edge_pen(style, _edge("brother"))
    assert chosen.color() == plain.color()  # the kind of tie stays readable when chosen …
    assert chosen.widthF() > plain.widthF()  # … wider, and haloed where it is drawn
    colours = {
        paint.edge_pen(style, _edge(k)).color().name()
        for k in (
            "brother",
            "interrogated-by",
            "subordinate-of",
            "alleged-link",
            "friend",
            CO_MENTION,
        )
    }
    assert len(colours) == 6


def test_dark_palettes_get_light_lines() -> None:
    light = paint.GraphStyle.of(light_palette())
    dark = paint.GraphStyle.of(dark_palette())
    assert paint.is_dark(dark_palette()) and not paint.is_dark(light_palette())
    for key in paint.CATEGORY_COLOURS:
        assert dark.colour(key).lightness() > light.colour(key).lightness()
    assert dark.base == dark_palette().color(QPalette.ColorRole.Base)


def _graph(*edges: GraphEdge) -> EgoGraph:
    nodes = (GraphNode("a", "Anna A", "Анна А", 0, more=3), GraphNode("b", "Boris B", "Борис Б", 1))
    return EgoGraph("a", 1, False, 40, nodes, edges)


def test_edges_of_one_pair_fan_out_around_their_line() -> None:
    g = _graph(_edge("brother", ident="x"), _edge("friend", ident="y"), _edge("son", ident="z"))
    assert paint.bends(g) == {"x": -paint.BEND_STEP, "y": 0.0, "z": paint.BEND_STEP}
    alone = _graph(_edge("brother", ident="x"))
    assert paint.bends(alone) == {"x": 0.0}


def test_an_edge_ends_on_the_border_of_its_box_with_an_arrow() -> None:
    a, b = QPointF(0, 0), QPointF(200, 0)
    half = QSizeF(40, 10)
    path, tip, before = paint.edge_geometry(a, half, b, half, 0.0)
    assert tip == QPointF(160, 0) and path.pointAtPercent(0) == QPointF(40, 0)
    head = paint.arrow_head(tip, before)
    assert head.count() == 3 and all(p.x() <= 160 for p in head)
    curved, _tip, _before = paint.edge_geometry(a, half, b, half, 20.0)
    # The curve passes at least `bend` from the line between the centres (its ends leave the
    # boxes on the side it bends to).
    assert 20.0 <= abs(curved.pointAtPercent(0.5).y()) <= 30.0


def test_paint_graph_draws_boxes_and_lines_anywhere() -> None:
    g = _graph(_edge("interrogated-by"))
    positions = {"a": (0.0, 0.0), "b": (220.0, 60.0), "more:a": (-60.0, -40.0)}
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint.paint_graph(painter, QRectF(0, 0, 400, 300), g, positions, light_palette(), QFont())
    painter.end()
    base = light_palette().color(QPalette.ColorRole.Base).rgb()
    colours = {image.pixel(x, y) for x in range(0, 400, 3) for y in range(0, 300, 3)}
    assert base in colours and len(colours) > 10
    red = QColor(paint.CATEGORY_COLOURS["investigation"][0])
    assert any(
        abs(QColor(c).hue() - red.hue()) < 8 and QColor(c).saturation() > 120 for c in colours
    )


def test_paint_graph_without_positions_draws_nothing() -> None:
    image = QImage(50, 50, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.black)
    painter = QPainter(image)
    paint.paint_graph(painter, QRectF(0, 0, 50, 50), _graph(), {}, light_palette())
    painter.end()
    assert image.pixel(25, 25) == QColor(Qt.GlobalColor.black).rgb()


def test_a_printed_edge_bends_around_a_box_it_would_cross() -> None:
    """A straight line through a third person's box reads as a tie to them: on paper (where
    nothing is dragged) it goes around, and lines that pass clear stay straight."""
    nodes = tuple(GraphNode(k, k, k, 1) for k in ("a", "b", "c", "d"))
    edges = (GraphEdge("ab", "a", "b", "friend"), GraphEdge("ad", "a", "d", "friend"))
    graph = EgoGraph("a", 1, False, 40, nodes, edges)
    boxes = {
        "a": QRectF(0, 0, 60, 20),
        "b": QRectF(300, 0, 60, 20),
        "c": QRectF(150, 4, 60, 20),  # across the line from a to b, a little below it
        "d": QRectF(0, 200, 60, 20),
    }
    offsets = paint.clear_of_boxes(graph, boxes, paint.bends(graph))
    assert offsets["ad"] == 0.0  # clear of every box
    assert offsets["ab"] != 0.0
    a, b = boxes["a"], boxes["b"]
    path, _tip, _before = paint.edge_geometry(
        a.center(), a.size() / 2, b.center(), b.size() / 2, offsets["ab"]
    )
    points = [path.pointAtPercent(i / 50) for i in range(51)]
    assert not any(boxes["c"].contains(p) for p in points)
    assert min(p.y() for p in points) < 0  # around its near side: above, the box being below
