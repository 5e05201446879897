"""The graph's scene: one box per person, one line per edge, a "+N" pill where something was
left out, a message, the chosen edge, new words and colours."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from app import language
from app.appearance import dark_palette, light_palette
from app.charts.network_layout import layout, node_sizes
from app.charts.network_paint import GraphStyle
from app.widgets.network_items import EdgeItem, MoreItem, NodeItem
from app.widgets.network_scene import GraphScene
from db import Archive
from db.graph import ego_graph
from tests.app.ui_texts import english

__all__ = ["english"]

pytestmark = pytest.mark.usefixtures("qapp")


def _scene(archive: Archive, cap: int = 40) -> GraphScene:
    with archive.connect() as conn:
        g = ego_graph(conn, "kamenev-lev", cap=cap)
    assert g is not None
    scene = GraphScene()
    scene.show_graph(g, layout(g, node_sizes(g, QFont())), GraphStyle.of(light_palette()), QFont())
    return scene


def test_one_item_per_person_and_edge(archive: Archive, english: None) -> None:
    scene = _scene(archive)
    g = scene.graph
    assert g is not None
    nodes = [i for i in scene.items() if isinstance(i, NodeItem)]
    assert len(nodes) == len(g.nodes) and len(scene.edges) == len(g.edges)
    assert not [i for i in scene.items() if isinstance(i, MoreItem)]


def test_a_cap_gives_a_pill_tied_to_its_person(archive: Archive, english: None) -> None:
    scene = _scene(archive, cap=3)
    pills = [i for i in scene.items() if isinstance(i, MoreItem)]
    assert [p.text for p in pills] == ["+10"]
    ties = [i for i in scene.items() if isinstance(i, EdgeItem) and i.edge is None]
    assert len(ties) == 1 and pills[0] in ties[0].ends


def test_a_message_under_the_graph_or_alone(archive: Archive) -> None:
    scene = _scene(archive)
    style = GraphStyle.of(light_palette())
    scene.show_message("hello", style)
    notes = [i for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
    assert len(notes) == 1 and scene.message() == "hello"
    assert notes[0].pos().y() > max(b.sceneBoundingRect().bottom() for b in scene.boxes.values())
    scene.show_message("", style)
    assert scene.message() == ""
    scene.show_graph(None, {}, style, QFont())
    assert not scene.items() and scene.graph is None


def test_choosing_an_edge_highlights_only_it(archive: Archive) -> None:
    scene = _scene(archive)
    scene.choose("r001")
    scene.choose("r003")
    assert scene.chosen == "r003"
    assert [k for k, e in scene.edges.items() if e.selected_edge] == ["r003"]
    scene.choose("nothing")
    assert scene.chosen is None and not any(e.selected_edge for e in scene.edges.values())


def test_new_words_and_colours(archive: Archive, english: None) -> None:
    scene = _scene(archive)
    box = scene.boxes["kamenev-lev"]
    assert isinstance(box, NodeItem) and box.text == "Lev Kamenev"
    language.apply("ru")
    try:
        scene.retranslate()
        assert box.text == "Каменев (Розенфельд)\nЛев Борисович"
    finally:
        language.apply("en")
    dark = GraphStyle.of(dark_palette())
    scene.restyle(dark)
    assert box.style.base == dark_palette().color(QPalette.ColorRole.Base)
    assert all(e.style is dark for e in scene.edges.values())
