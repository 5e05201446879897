"""The relationship graph's scene items: a person's box (draggable), a "N more" pill, an edge.

Items draw with :mod:`app.charts.network_paint` and hold only values (a node, an edge, their
style); the view decides what a click means.  A node that moves tells its edges to follow and
reports its new position through ``on_moved`` (the view keeps it for the next visit).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.charts.network_paint import (
    GraphStyle,
    box_size,
    draw_edge,
    draw_node,
    edge_geometry,
    label_font,
    more_font,
    more_text,
    node_text,
)
from app.pages.escape import escape
from db.graph import GraphEdge, GraphNode
from db.i18n import ngettext

#: Width of the band around an edge that a click hits (pixels).
HIT_WIDTH = 10.0


class BoxItem(QGraphicsItem):
    """A box centred on its position: a person (:class:`NodeItem`) or a "N more" pill."""

    def __init__(self, style: GraphStyle, font: QFont) -> None:
        super().__init__()
        self.style = style
        self.font = font
        self.text = ""
        self.size = QSizeF(20, 20)
        self.edges: list[EdgeItem] = []
        self.on_moved: Callable[[BoxItem], None] | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(2)

    def set_text(self, text: str) -> None:
        """Show ``text`` (the box takes its size)."""
        self.prepareGeometryChange()
        self.text = text
        self.size = box_size(text, self.font)

    def set_style(self, style: GraphStyle) -> None:
        """Colours of another palette."""
        self.style = style
        self.update()

    def half(self) -> QSizeF:
        """Half the box's size (edges end on its border)."""
        return self.size / 2

    def boundingRect(self) -> QRectF:
        w, h = self.size.width(), self.size.height()
        return QRectF(-w / 2 - 2, -h / 2 - 2, w + 4, h + 4)

    def box(self) -> QRectF:
        """The box in item coordinates."""
        w, h = self.size.width(), self.size.height()
        return QRectF(-w / 2, -h / 2, w, h)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.refresh()
            if self.on_moved is not None:
                self.on_moved(self)
        return super().itemChange(change, value)


class NodeItem(BoxItem):
    """A person's box: the name in the reader's script, the ego highlighted; draggable."""

    def __init__(self, node: GraphNode, ego: bool, style: GraphStyle, font: QFont) -> None:
        super().__init__(style, label_font(font, ego))
        self.node = node
        self.ego = ego
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(3)
        self.retranslate()

    @property
    def key(self) -> str:
        """Its positions key: the person's id."""
        return self.node.id

    def retranslate(self) -> None:
        """The name and tooltip in the interface language now in use."""
        self.set_text(node_text(self.node))
        tip = f"<b>{escape(self.node.name_en)}</b><br>{escape(self.node.name_ru)}"
        if self.node.hidden:
            tip += "<br>" + escape(hidden_words(self.node))
        self.setToolTip(tip)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        draw_node(painter, self.style, self.box(), self.text, self.font, ego=self.ego)
        if self.isSelected():
            painter.setPen(QPen(self.style.selected, 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.box().adjusted(-3, -3, 3, 3))


class MoreItem(BoxItem):
    """The grey "+N" pill beside a person whose neighbours were not all drawn."""

    def __init__(self, node: GraphNode, style: GraphStyle, font: QFont) -> None:
        super().__init__(style, more_font(font))
        self.node = node
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.set_text(more_text(node.hidden))
        self.retranslate()

    @property
    def key(self) -> str:
        """Its positions key."""
        return "more:" + self.node.id

    def retranslate(self) -> None:
        """The tooltip in the interface language now in use."""
        self.setToolTip(f"<qt>{escape(hidden_words(self.node))}</qt>")

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        draw_node(painter, self.style, self.box(), self.text, self.font, more=True)


def hidden_words(node: GraphNode) -> str:
    """ "12 more relations and 3 more people named with them are not drawn"."""
    parts = []
    if node.more:
        parts.append(
            ngettext(
                "{n} more relation is not drawn", "{n} more relations are not drawn", node.more
            ).format(n=node.more)
        )
    if node.more_named:
        parts.append(
            ngettext(
                "{n} more person named in the same documents is not drawn",
                "{n} more people named in the same documents are not drawn",
                node.more_named,
            ).format(n=node.more_named)
        )
    return "; ".join(parts)


class EdgeItem(QGraphicsPathItem):
    """An edge between two boxes: a relation (with its arrow) or a co-mention, or the dotted
    tie of a "more" pill (``edge`` None)."""

    def __init__(
        self,
        edge: GraphEdge | None,
        ends: tuple[BoxItem, BoxItem],
        bend: float,
        style: GraphStyle,
    ) -> None:
        super().__init__()
        self.edge = edge
        self.ends = ends
        self.bend = bend
        self.style = style
        self.selected_edge = False
        self.setZValue(1 if edge is not None else 0)
        for end in ends:
            end.edges.append(self)
        if edge is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.refresh()

    def refresh(self) -> None:
        """Follow the boxes (one moved)."""
        a, b = self.ends
        path, _tip, _before = edge_geometry(a.pos(), a.half(), b.pos(), b.half(), self.bend)
        self.setPath(path)

    def set_style(self, style: GraphStyle) -> None:
        """Colours of another palette."""
        self.style = style
        self.update()

    def set_selected_edge(self, selected: bool) -> None:
        """Draw as the edge whose details are shown (above the boxes it runs under)."""
        self.selected_edge = selected
        self.setZValue(4 if selected else (1 if self.edge is not None else 0))
        self.update()

    def boundingRect(self) -> QRectF:
        return self.shape().boundingRect()

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(HIT_WIDTH)
        return stroker.createStroke(self.path())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        a, b = self.ends
        if self.edge is None:
            painter.setPen(QPen(self.style.muted, 1.0, Qt.PenStyle.DotLine))
            painter.drawPath(self.path())
            return
        ends = (QPointF(a.pos()), a.half(), QPointF(b.pos()), b.half())
        draw_edge(painter, self.style, self.edge, ends, self.bend, self.selected_edge)


def edge_tooltip(edge: GraphEdge, sentence: str) -> str:
    """Plain words of an edge for its tooltip (names are archive text: escaped)."""
    count = len(edge.sources)
    if edge.co_mention:
        tail = ngettext("{n} document", "{n} documents", count).format(n=count)
    else:
        tail = ngettext("{n} source", "{n} sources", count).format(n=count)
    return f"<qt>{escape(f'{sentence} ({tail})')}</qt>"
