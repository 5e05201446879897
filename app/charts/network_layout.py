"""Where the relationship graph's nodes go: a spring layout (networkx) with a fixed seed, started
from rings around the ego, scaled to the names' sizes, then pushed apart until no two names
overlap.  A small star keeps its starting ring, where the spring layout would leave it
(:func:`_star`).  Runs off the GUI thread (no widgets here); :class:`LayoutCache` keeps the
positions of each ego graph for the session, so a person's graph looks the same at every
visit, dragged nodes included.

Positions are scene pixels keyed by person id, plus :func:`network_paint.more_key` keys for the
"N more" nodes.  The boxes are measured for both scripts of a name, so switching the interface
language never makes names overlap and never moves a node.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Mapping

from PySide6.QtGui import QFont

from app.charts.network_paint import (
    box_size,
    label_font,
    more_font,
    more_key,
    more_text,
    wrap_name,
)
from db.graph import EgoGraph

#: The spring layout's seed: the same graph gets the same picture every time.
SEED = 1935
#: Space kept between two boxes (pixels).
GAP = 24.0
#: Smallest typical distance from the ego to its neighbours (pixels).
MIN_RADIUS = 110.0
#: Share of the pairs of boxes that scaling alone must keep apart.
SCALE_QUANTILE = 0.95
#: Largest scale (pixels per layout unit), whatever the pairs need.
MAX_SCALE = 2000.0
#: Rounds of pushing overlapping boxes apart (each ends early when nothing overlaps).
SEPARATION_ROUNDS = 120
#: Most neighbours of a star laid out without the spring layout (it keeps a star's even
#: ring, to a hundredth of a pixel, up to 15 neighbours; beyond, rounding breaks the symmetry).
STAR_EXACT = 12
#: Graphs kept by :class:`LayoutCache`.
CACHE_SIZE = 64

Positions = dict[str, tuple[float, float]]
Sizes = Mapping[str, tuple[float, float]]


def node_sizes(graph: EgoGraph, font: QFont) -> dict[str, tuple[float, float]]:
    """Box size of every node and "N more" node: the larger of its English and Russian names."""
    small = more_font(font)
    out: dict[str, tuple[float, float]] = {}
    for n in graph.nodes:
        f = label_font(font, n.id == graph.ego)
        sizes = [box_size(wrap_name(name), f) for name in (n.name_en, n.name_ru or n.name_en)]
        out[n.id] = (max(s.width() for s in sizes), max(s.height() for s in sizes))
        if n.hidden:
            s = box_size(more_text(n.hidden), small)
            out[more_key(n.id)] = (s.width(), s.height())
    return out


def _rings(graph: EgoGraph) -> tuple[Positions, dict[str, str]]:
    """Starting positions on rings (radius 1, 2) and each outer node's parent."""
    ego = graph.ego
    first = [n.id for n in graph.nodes if n.hop == 1]
    category = {}
    for e in graph.edges:
        for a, b in ((e.source, e.target), (e.target, e.source)):
            if a == ego and b not in category:
                category[b] = e.category
    first.sort(key=lambda i: (category.get(i, "~"), i))
    pos: Positions = {ego: (0.0, 0.0)}
    angle: dict[str, float] = {}
    for i, node in enumerate(first):
        angle[node] = 2 * math.pi * i / max(1, len(first)) - math.pi / 2
        pos[node] = (math.cos(angle[node]), math.sin(angle[node]))
    parent: dict[str, str] = {}
    for e in graph.edges:
        for a, b in ((e.source, e.target), (e.target, e.source)):
            if a in angle and b not in pos and b not in parent:
                parent[b] = a
    children: dict[str, list[str]] = {}
    for node in sorted(parent):
        children.setdefault(parent[node], []).append(node)
    step = 2 * math.pi / max(1, len(first))
    for p, kids in children.items():
        spread = min(step * 0.8, 0.5 * len(kids))
        for j, kid in enumerate(kids):
            turn = angle[p] + (j - (len(kids) - 1) / 2) * spread / max(1, len(kids))
            pos[kid] = (2 * math.cos(turn), 2 * math.sin(turn))
    # Anyone left (ties among outer people only): spread on an outer ring.
    rest = [n.id for n in graph.nodes if n.id not in pos]
    for i, node in enumerate(rest):
        turn = 2 * math.pi * (i + 0.5) / len(rest)
        pos[node] = (2.5 * math.cos(turn), 2.5 * math.sin(turn))
    return pos, parent


def _star(graph: EgoGraph, start: Positions) -> bool:
    """True when ``graph`` is the ego and at most :data:`STAR_EXACT` neighbours, every edge
    between the ego and one of them, no "N more" node (``start``: nodes and "more" nodes).

    Such a star starts on an even ring around the fixed ego, so the spring forces on its
    neighbours are all alike and only change the ring's radius, which the scaling then takes
    out: the spring layout would leave every name where it starts (tests compare the two).
    """
    if len(start) != len(graph.nodes) or len(graph.nodes) - 1 > STAR_EXACT:
        return False
    return all(graph.ego in (e.source, e.target) for e in graph.edges)


def _spring(graph: EgoGraph, start: Positions) -> Positions:
    """networkx's spring layout from ``start`` (the ego fixed), in layout units."""
    import networkx as nx  # not at import: loaded on the worker with numpy

    g = nx.Graph()
    g.add_nodes_from(start)
    for e in graph.edges:
        if e.source != e.target:
            g.add_edge(e.source, e.target)
    for n in graph.nodes:
        if more_key(n.id) in start:
            g.add_edge(n.id, more_key(n.id))
    found = nx.spring_layout(
        g,
        pos=start,
        fixed=[graph.ego],
        k=1.0 / math.sqrt(max(1, len(start)) / 4),
        iterations=80,
        seed=SEED,
    )
    return {k: (float(v[0]), float(v[1])) for k, v in found.items()}


def layout(graph: EgoGraph, sizes: Sizes) -> Positions:
    """Scene positions of every node of ``graph`` (boxes of ``sizes``), deterministic."""
    start, _parent = _rings(graph)
    for n in graph.nodes:
        key = more_key(n.id)
        if key in sizes:
            x, y = start[n.id]
            r = math.hypot(x, y)
            ox, oy = (x / r, y / r) if r > 0 else (0.0, -1.0)
            start[key] = (x + 0.35 * ox + 0.15 * oy, y + 0.35 * oy - 0.15 * ox)
    unit = _spring(graph, start) if len(start) > 2 and not _star(graph, start) else start
    scale = max(_scale(sizes, unit), MIN_RADIUS / max(_median_radius(graph, unit), 0.05))
    pixels = {k: (x * scale, y * scale) for k, (x, y) in unit.items()}
    return separate(pixels, sizes, fixed=graph.ego)


def _scale(sizes: Sizes, unit: Positions) -> float:
    """Pixels per layout unit: the smallest scale at which most pairs of boxes no longer
    overlap (the :data:`SCALE_QUANTILE` of the scales each pair needs); :func:`separate`
    then moves the few that still do, so one close pair does not blow the whole picture up."""
    keys = sorted(unit)
    needed = []
    for i, a in enumerate(keys):
        aw, ah = sizes.get(a, (0.0, 0.0))
        for b in keys[i + 1 :]:
            bw, bh = sizes.get(b, (0.0, 0.0))
            dx, dy = abs(unit[a][0] - unit[b][0]), abs(unit[a][1] - unit[b][1])
            sx = ((aw + bw) / 2 + GAP) / dx if dx > 1e-9 else math.inf
            sy = ((ah + bh) / 2 + GAP) / dy if dy > 1e-9 else math.inf
            needed.append(min(sx, sy))
    if not needed:
        return MIN_RADIUS
    needed.sort()
    return min(needed[int(SCALE_QUANTILE * (len(needed) - 1))], MAX_SCALE)


def _median_radius(graph: EgoGraph, unit: Positions) -> float:
    radii = sorted(math.hypot(*unit[n.id]) for n in graph.nodes if n.hop == 1 and n.id in unit)
    return radii[len(radii) // 2] if radii else 1.0


def separate(
    positions: Positions, sizes: Sizes, fixed: str | None = None, gap: float = GAP
) -> Positions:
    """Push overlapping boxes apart along the shorter way out, until none overlap (or the
    rounds run out); ``fixed`` never moves."""
    pos = {k: [x, y] for k, (x, y) in positions.items()}
    keys = sorted(pos)
    widest = max((sizes.get(k, (0.0, 0.0))[0] for k in keys), default=0.0)
    for _round in range(SEPARATION_ROUNDS):
        moved = False
        keys.sort(key=lambda k: pos[k][0])
        for i, a in enumerate(keys):
            aw, ah = sizes.get(a, (0.0, 0.0))
            for b in keys[i + 1 :]:
                if pos[b][0] - pos[a][0] > widest + gap:
                    break  # sorted by x: nobody further right can touch a
                bw, bh = sizes.get(b, (0.0, 0.0))
                dx, dy = pos[b][0] - pos[a][0], pos[b][1] - pos[a][1]
                ox = (aw + bw) / 2 + gap - abs(dx)
                oy = (ah + bh) / 2 + gap - abs(dy)
                if ox <= 0 or oy <= 0:
                    continue
                moved = True
                share_a = 0.0 if a == fixed else (1.0 if b == fixed else 0.5)
                share_b = 1.0 - share_a
                if ox * (ah + bh) < oy * (aw + bw):  # cheaper sideways (relative to size)
                    sign = 1.0 if dx > 0 or (dx == 0 and a < b) else -1.0
                    pos[a][0] -= sign * ox * share_a
                    pos[b][0] += sign * ox * share_b
                else:
                    sign = 1.0 if dy > 0 or (dy == 0 and a < b) else -1.0
                    pos[a][1] -= sign * oy * share_a
                    pos[b][1] += sign * oy * share_b
        if not moved:
            break
    return {k: (round(x, 2), round(y, 2)) for k, (x, y) in pos.items()}


def overlaps(positions: Positions, sizes: Sizes) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap (tests and screenshots check there are none)."""
    keys = sorted(positions)
    out = []
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            (ax, ay), (bx, by) = positions[a], positions[b]
            aw, ah = sizes[a]
            bw, bh = sizes[b]
            if abs(ax - bx) < (aw + bw) / 2 and abs(ay - by) < (ah + bh) / 2:
                out.append((a, b))
    return out


class LayoutCache:
    """Positions of the ego graphs seen this session (at most :data:`CACHE_SIZE`, least
    recently used dropped), by (person, hops, co-mentions)."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._size = size
        self._items: OrderedDict[tuple[str, int, bool], Positions] = OrderedDict()

    def get(self, key: tuple[str, int, bool]) -> Positions | None:
        """A copy of the positions kept for ``key``."""
        found = self._items.get(key)
        if found is None:
            return None
        self._items.move_to_end(key)
        return dict(found)

    def put(self, key: tuple[str, int, bool], positions: Positions) -> None:
        """Keep ``positions`` for ``key``."""
        self._items[key] = dict(positions)
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)

    def move(self, key: tuple[str, int, bool], node: str, at: tuple[float, float]) -> None:
        """Remember that ``node`` was dragged to ``at``."""
        if key in self._items:
            self._items[key][node] = at

    def clear(self) -> None:
        """Forget every layout (another archive is open)."""
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
