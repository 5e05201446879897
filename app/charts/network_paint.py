"""How the relationship graph looks: colours and pens from a palette, node boxes, edge paths
and arrow heads, and :func:`paint_graph`, which draws a whole ego graph on any paint device.

One set of functions serves the scene on screen (:mod:`app.widgets.network_items`), the image,
SVG and PDF exports and, later, the dossiers, so that every picture of a graph agrees.

Edges: the category gives the colour (family green, investigation red, hierarchy blue, alleged
conspiracy purple, other ties grey); alleged or disputed relations are dashed; co-mentions are
dotted, thicker with more shared documents.  Directed relations end in an arrow at the person
the relation points to.  Colours are chosen for the palette's lightness, so they read on a light
and on a dark page.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from db.graph import CO_MENTION, EgoGraph, GraphEdge, GraphNode

#: Category → (colour on a light page, colour on a dark page).
CATEGORY_COLOURS: dict[str, tuple[str, str]] = {
    "family": ("#2e7d32", "#81c784"),
    "investigation": ("#c62828", "#ef9a9a"),
    "hierarchy": ("#1565c0", "#90caf9"),
    "conspiracy": ("#7b1fa2", "#ce93d8"),
    "other": ("#6d4c41", "#bcaaa4"),
    CO_MENTION: ("#757575", "#9e9e9e"),
}
#: Padding inside a node's box (pixels), and the box's corner radius.
PAD_X, PAD_Y, RADIUS = 7.0, 4.0, 5.0
#: Names longer than this are set on two lines.
WRAP_AFTER = 16
#: Names longer than this are cut (archive text may be a megabyte long).
NAME_LIMIT = 60
#: Distance between parallel edges of one pair at the middle (pixels).
BEND_STEP = 22.0
ARROW = 9.0
#: Key of the "N more" pseudo-node of a person in positions.
MORE_PREFIX = "more:"


def more_key(person_id: str) -> str:
    """The positions key of ``person_id``'s "N more" node."""
    return MORE_PREFIX + person_id


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark base."""
    role = QPalette.ColorRole
    return palette.color(role.Base).lightness() < palette.color(role.Text).lightness()


@dataclass(frozen=True)
class GraphStyle:
    """Colours of one palette: page, text, nodes, the ego, "more" nodes and each category."""

    base: QColor
    text: QColor
    node: QColor
    node_border: QColor
    ego: QColor
    ego_text: QColor
    muted: QColor
    selected: QColor
    categories: dict[str, QColor]

    @classmethod
    def of(cls, palette: QPalette) -> GraphStyle:
        """The style for ``palette`` (light or dark)."""
        role = QPalette.ColorRole
        dark = is_dark(palette)
        text = palette.color(role.Text)
        base = palette.color(role.Base)
        muted = QColor(text)
        muted.setAlphaF(0.55)
        border = QColor(text)
        border.setAlphaF(0.45)
        return cls(
            base=base,
            text=text,
            node=palette.color(role.AlternateBase if dark else role.Window),
            node_border=border,
            ego=palette.color(role.Highlight),
            ego_text=palette.color(role.HighlightedText),
            muted=muted,
            selected=palette.color(role.Highlight),
            categories={k: QColor(v[1] if dark else v[0]) for k, v in CATEGORY_COLOURS.items()},
        )

    def colour(self, category: str) -> QColor:
        """The colour of a category's edges."""
        return self.categories.get(category, self.categories["other"])


def edge_pen(style: GraphStyle, edge: GraphEdge, selected: bool = False) -> QPen:
    """The pen of an edge: its category's colour (also when selected: the kind of tie stays
    readable); dashed when alleged or disputed, dotted for a co-mention (wider with more
    shared documents); wider when selected (and haloed, see :func:`draw_edge`)."""
    colour = style.colour(edge.category)
    if edge.co_mention:
        width = 1.2 + min(3.0, math.log2(max(1, edge.weight)))
        pen = QPen(colour, width, Qt.PenStyle.DotLine)
    else:
        pen = QPen(colour, 1.8, Qt.PenStyle.DashLine if edge.dashed else Qt.PenStyle.SolidLine)
    if selected:
        pen.setWidthF(pen.widthF() + 1.5)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def more_font(base: QFont) -> QFont:
    """The smaller font of a "+N" pill."""
    font = QFont(base)
    font.setPointSizeF(max(6.0, base.pointSizeF() * 0.85))
    return font


def label_font(base: QFont, ego: bool = False) -> QFont:
    """The font of a node's name (bold for the ego)."""
    font = QFont(base)
    font.setBold(ego)
    return font


def short_name(name: str) -> str:
    """``name`` cut to :data:`NAME_LIMIT` characters."""
    return name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1] + "…"


def wrap_name(name: str) -> str:
    """A long name on two lines, broken at the space that keeps the longer line shortest
    (cut first to :data:`NAME_LIMIT` characters)."""
    name = " ".join(short_name(name).split())  # no line breaks or tabs of the archive's
    if len(name) <= WRAP_AFTER or " " not in name:
        return name
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    best = min(spaces, key=lambda i: max(i, len(name) - i - 1))
    return name[:best] + "\n" + name[best + 1 :]


def text_size(text: str, font: QFont) -> QSizeF:
    """Size of ``text`` (lines split at ``\\n``) in ``font``."""
    metrics = QFontMetricsF(font)
    lines = text.split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines)
    return QSizeF(width, metrics.height() * len(lines))


def box_size(text: str, font: QFont) -> QSizeF:
    """Size of a node's box holding ``text``."""
    size = text_size(text, font)
    return QSizeF(size.width() + 2 * PAD_X, size.height() + 2 * PAD_Y)


def more_text(count: int) -> str:
    """The text of a "N more" node."""
    return f"+{count}"


def node_text(node: GraphNode) -> str:
    """What a node's box shows: the name in the reader's script, wrapped."""
    return wrap_name(node.label)


def clip_to_box(centre: QPointF, toward: QPointF, half: QSizeF) -> QPointF:
    """Where the line from ``centre`` toward ``toward`` leaves a box of ``half`` size."""
    dx, dy = toward.x() - centre.x(), toward.y() - centre.y()
    if abs(dx) < 1e-9 and abs(dy) < 1e-9:
        return QPointF(centre)
    t = min(
        half.width() / abs(dx) if abs(dx) > 1e-9 else math.inf,
        half.height() / abs(dy) if abs(dy) > 1e-9 else math.inf,
    )
    t = min(t, 1.0)
    return QPointF(centre.x() + dx * t, centre.y() + dy * t)


def edge_geometry(
    a: QPointF, a_half: QSizeF, b: QPointF, b_half: QSizeF, bend: float
) -> tuple[QPainterPath, QPointF, QPointF]:
    """The path of an edge from box ``a`` to box ``b`` (curved by ``bend`` pixels sideways),
    its end on ``b``'s border and the direction it arrives from (for the arrow head)."""
    mid = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
    length = math.hypot(b.x() - a.x(), b.y() - a.y()) or 1.0
    normal = QPointF(-(b.y() - a.y()) / length, (b.x() - a.x()) / length)
    control = mid + normal * (2 * bend)  # the curve passes `bend` from the straight line
    start = clip_to_box(a, control, a_half)
    end = clip_to_box(b, control, b_half)
    path = QPainterPath(start)
    if abs(bend) < 0.5:
        path.lineTo(end)
    else:
        path.quadTo(control, end)
    return path, end, control if abs(bend) >= 0.5 else start


def arrow_head(tip: QPointF, source: QPointF) -> QPolygonF:
    """A filled arrow head at ``tip`` pointing away from ``source``."""
    line = QLineF(tip, source)
    if line.length() < 1e-6:
        return QPolygonF()
    angle = math.atan2(source.y() - tip.y(), source.x() - tip.x())
    spread = math.radians(24)
    left = QPointF(
        tip.x() + ARROW * math.cos(angle + spread), tip.y() + ARROW * math.sin(angle + spread)
    )
    right = QPointF(
        tip.x() + ARROW * math.cos(angle - spread), tip.y() + ARROW * math.sin(angle - spread)
    )
    return QPolygonF([tip, left, right])


def bends(graph: EgoGraph) -> dict[str, float]:
    """Sideways offset of each edge: edges of one pair of people fan out around the line."""
    by_pair: dict[tuple[str, str], list[GraphEdge]] = {}
    for e in graph.edges:
        by_pair.setdefault(tuple(sorted((e.source, e.target))), []).append(e)  # type: ignore[arg-type]
    out: dict[str, float] = {}
    for (first, _second), edges in by_pair.items():
        n = len(edges)
        for i, e in enumerate(edges):
            offset = (i - (n - 1) / 2) * BEND_STEP
            # The offset is measured along the normal of the pair's canonical direction.
            out[e.id] = offset if e.source == first else -offset
    return out


#: Room an edge keeps from a box it passes (scene pixels), and its bend at most, as a share of
#: its length.
CLEARANCE = 6.0
MAX_BEND_SHARE = 0.45


def clear_of_boxes(
    graph: EgoGraph, boxes: Mapping[str, QRectF], offsets: Mapping[str, float]
) -> dict[str, float]:
    """``offsets`` with each straight edge that would cross a third person's box bent around
    it, on the side nearer to it (a line through a box reads as a tie to that person)."""
    out = dict(offsets)
    for e in graph.edges:
        if out.get(e.id, 0.0) or e.source not in boxes or e.target not in boxes:
            continue  # bent already (a pair's fan), or not drawn
        a, b = boxes[e.source].center(), boxes[e.target].center()
        length = math.hypot(b.x() - a.x(), b.y() - a.y())
        if length < 1.0:
            continue
        ux, uy = (b.x() - a.x()) / length, (b.y() - a.y()) / length
        nx, ny = -uy, ux  # the normal the bend is measured along
        best: float | None = None
        for key, box in boxes.items():
            if key in (e.source, e.target):
                continue
            c = box.center()
            t = ((c.x() - a.x()) * ux + (c.y() - a.y()) * uy) / length
            if not 0.05 < t < 0.95:
                continue
            side = (c.x() - a.x()) * nx + (c.y() - a.y()) * ny  # signed distance from the line
            reach = abs(nx) * box.width() / 2 + abs(ny) * box.height() / 2 + CLEARANCE
            if abs(side) >= reach:
                continue  # the line passes clear of it
            # away from the box, by what clears it there (a quadratic's offset at t is
            # 4t(1-t) times its bend)
            needed = -math.copysign(reach - abs(side), side or 1.0) / (4 * t * (1 - t))
            if best is None or abs(needed) > abs(best):
                best = needed
        if best is not None:
            limit = MAX_BEND_SHARE * length
            out[e.id] = max(-limit, min(limit, best))
    return out


def draw_edge(
    painter: QPainter,
    style: GraphStyle,
    edge: GraphEdge,
    ends: tuple[QPointF, QSizeF, QPointF, QSizeF],
    bend: float,
    selected: bool = False,
) -> QPainterPath:
    """Draw one edge (line and arrow head); returns its path."""
    a, a_half, b, b_half = ends
    path, tip, before = edge_geometry(a, a_half, b, b_half, bend)
    pen = edge_pen(style, edge, selected)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if selected:  # a halo in the text colour: seen on any theme, whatever the tie's colour
        halo = QColor(style.text)
        halo.setAlphaF(0.35)
        painter.setPen(QPen(halo, pen.widthF() + 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawPath(path)
    painter.setPen(pen)
    painter.drawPath(path)
    if not edge.co_mention:
        head = QPen(pen)
        head.setStyle(Qt.PenStyle.SolidLine)
        head.setWidthF(1.0)
        painter.setPen(head)
        painter.setBrush(QBrush(pen.color()))
        painter.drawPolygon(arrow_head(tip, before))
    return path


def draw_node(
    painter: QPainter,
    style: GraphStyle,
    rect: QRectF,
    text: str,
    font: QFont,
    ego: bool = False,
    more: bool = False,
) -> None:
    """Draw a node's box and its name (the ego in the highlight colour, "more" nodes grey)."""
    if more:
        painter.setPen(QPen(style.muted, 1.0))
        painter.setBrush(QBrush(style.base))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(style.muted)
    else:
        painter.setPen(QPen(style.ego if ego else style.node_border, 2.0 if ego else 1.0))
        painter.setBrush(QBrush(style.ego if ego else style.node))
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        painter.setPen(style.ego_text if ego else style.text)
    painter.setFont(font)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)


def paint_graph(
    painter: QPainter,
    rect: QRectF,
    graph: EgoGraph,
    positions: Mapping[str, tuple[float, float]],
    palette: QPalette,
    font: QFont | None = None,
) -> None:
    """Draw ``graph`` at ``positions`` (scene pixels) scaled to fit ``rect``, on any device.

    Static and vector: the dossier and the SVG/PDF exports draw with it.  Nodes without a
    position are left out (with their edges).
    """
    style = GraphStyle.of(palette)
    font = QFont(font) if font is not None else QFont()
    boxes = _boxes(graph, positions, font)
    if not boxes:
        return
    bounds = QRectF()
    for box, _text, _font, _kind in boxes.values():
        bounds = bounds.united(box)
    bounds.adjust(-12, -12, 12, 12)
    scale = min(rect.width() / bounds.width(), rect.height() / bounds.height())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, style.base)
    painter.translate(
        rect.center().x() - bounds.center().x() * scale,
        rect.center().y() - bounds.center().y() * scale,
    )
    painter.scale(scale, scale)
    # on paper nothing can be dragged: an edge is bent around a box it would cross
    offsets = clear_of_boxes(graph, {k: v[0] for k, v in boxes.items()}, bends(graph))
    for e in graph.edges:
        if e.source in boxes and e.target in boxes:
            sa, sb = boxes[e.source][0], boxes[e.target][0]
            ends = (sa.center(), sa.size() / 2, sb.center(), sb.size() / 2)
            draw_edge(painter, style, e, ends, offsets.get(e.id, 0.0))
    for n in graph.nodes:
        key = more_key(n.id)
        if key in boxes and n.id in boxes:
            painter.setPen(QPen(style.muted, 1.0, Qt.PenStyle.DotLine))
            painter.drawLine(boxes[n.id][0].center(), boxes[key][0].center())
    for box, text, box_font, kind in boxes.values():
        draw_node(painter, style, box, text, box_font, ego=kind == "ego", more=kind == "more")
    painter.restore()


def _boxes(
    graph: EgoGraph, positions: Mapping[str, tuple[float, float]], font: QFont
) -> dict[str, tuple[QRectF, str, QFont, str]]:
    """key → (box, text, font, kind) of every placed node and "more" node."""
    out: dict[str, tuple[QRectF, str, QFont, str]] = {}
    small = more_font(font)
    for n in graph.nodes:
        ego = n.id == graph.ego
        if n.id in positions:
            text = node_text(n)
            f = label_font(font, ego)
            out[n.id] = (
                _centred(positions[n.id], box_size(text, f)),
                text,
                f,
                "ego" if ego else "node",
            )
        key = more_key(n.id)
        if n.hidden and key in positions:
            text = more_text(n.hidden)
            out[key] = (_centred(positions[key], box_size(text, small)), text, small, "more")
    return out


def _centred(centre: tuple[float, float], size: QSizeF) -> QRectF:
    return QRectF(
        centre[0] - size.width() / 2, centre[1] - size.height() / 2, size.width(), size.height()
    )
