"""GraphScene: the ``QGraphicsScene`` of one ego graph — its items, a message line, the edge
chosen, and the positions of boxes as they are dragged.

Built from an :class:`db.graph.EgoGraph` and its positions (:meth:`GraphScene.show_graph`);
words (names, tooltips, the message) are set again by :meth:`GraphScene.retranslate`, colours
by :meth:`GraphScene.restyle`.  ``on_moved(key, (x, y))`` reports a dragged box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem, QWidget

from app.charts.network_paint import GraphStyle, bends, more_key
from app.widgets.network_items import BoxItem, EdgeItem, MoreItem, NodeItem, edge_tooltip
from db.graph import EgoGraph

Positions = dict[str, tuple[float, float]]


class GraphScene(QGraphicsScene):
    """The items of one graph (or none), and the message shown with or instead of it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.graph: EgoGraph | None = None
        self.positions: Positions = {}
        self.boxes: dict[str, BoxItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self.chosen: str | None = None
        self.on_moved: Callable[[str, tuple[float, float]], None] | None = None
        self._note: QGraphicsSimpleTextItem | None = None

    def show_graph(
        self, graph: EgoGraph | None, positions: Positions, style: GraphStyle, font: QFont
    ) -> None:
        """Draw ``graph`` at ``positions`` (None: empty the scene)."""
        self.clear()
        self._note = None
        self.graph, self.positions = graph, dict(positions)
        self.boxes, self.edges, self.chosen = {}, {}, None
        if graph is None:
            return
        for n in graph.nodes:
            if n.id not in positions:
                continue
            node = self._place(NodeItem(n, n.id == graph.ego, style, font), positions[n.id])
            key = more_key(n.id)
            if n.hidden and key in positions:
                more = self._place(MoreItem(n, style, font), positions[key])
                self.addItem(EdgeItem(None, (node, more), 0.0, style))
        offsets = bends(graph)
        for e in graph.edges:
            ends = (self.boxes.get(e.source), self.boxes.get(e.target))
            if ends[0] is not None and ends[1] is not None and e.source != e.target:
                item = EdgeItem(e, (ends[0], ends[1]), offsets[e.id], style)
                self.addItem(item)
                self.edges[e.id] = item
        self._edge_tooltips()

    def _place(self, item: BoxItem, at: tuple[float, float]) -> BoxItem:
        item.setPos(*at)
        item.on_moved = self._moved
        self.addItem(item)
        self.boxes[self._key(item)] = item
        return item

    @staticmethod
    def _key(item: BoxItem) -> str:
        return item.key if isinstance(item, (NodeItem, MoreItem)) else ""

    def _moved(self, item: BoxItem) -> None:
        key = self._key(item)
        at = (round(item.pos().x(), 2), round(item.pos().y(), 2))
        self.positions[key] = at
        if self.on_moved is not None:
            self.on_moved(key, at)

    def _edge_tooltips(self) -> None:
        g = self.graph
        if g is None:
            return
        for item in self.edges.values():
            e = item.edge
            if e is not None:
                item.setToolTip(edge_tooltip(e, g.sentence_of(e)))

    def choose(self, edge_id: str | None) -> None:
        """Highlight ``edge_id`` (None: no edge)."""
        if self.chosen in self.edges:
            self.edges[self.chosen].set_selected_edge(False)
        self.chosen = edge_id if edge_id in self.edges else None
        if self.chosen is not None:
            self.edges[self.chosen].set_selected_edge(True)

    def show_message(self, text: str, style: GraphStyle) -> None:
        """A line of text: in the middle of an empty scene, under a graph otherwise."""
        if self._note is not None:
            self.removeItem(self._note)
            self._note = None
        if not text:
            return
        note = QGraphicsSimpleTextItem(text)
        note.setBrush(style.text)
        rect = self.itemsBoundingRect()
        below = rect.bottom() + 30 if self.boxes and not rect.isEmpty() else 0.0
        centre = rect.center().x() if self.boxes else 0.0
        note.setPos(centre - note.boundingRect().width() / 2, below)
        self.addItem(note)
        self._note = note

    def message(self) -> str:
        """The message shown, if any."""
        return self._note.text() if self._note is not None else ""

    def retranslate(self) -> None:
        """Names and tooltips in the interface language now in use."""
        for item in self.boxes.values():
            if isinstance(item, (NodeItem, MoreItem)):
                item.retranslate()
        self._edge_tooltips()

    def restyle(self, style: GraphStyle) -> None:
        """Colours of another palette."""
        for item in self.items():
            if isinstance(item, (BoxItem, EdgeItem)):
                item.set_style(style)
        if self._note is not None:
            self._note.setBrush(style.text)
