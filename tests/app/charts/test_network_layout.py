"""Layouts: the same graph gets the same picture, no two names overlap for any person of the
bundled archive (one hop, and two with co-mentions), boxes fit both scripts, and the cache
keeps at most its size."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtGui import QFont
from sqlalchemy import Connection

from app.charts import network_layout as nl
from app.charts.network_paint import box_size, more_key, wrap_name
from db import Archive
from db.graph import EgoGraph, GraphEdge, GraphNode, ego_graph
from tests.conftest import BUNDLED

pytestmark = pytest.mark.usefixtures("qapp")  # fonts need a QGuiApplication


@pytest.fixture
def conn(archive: Archive) -> Iterator[Connection]:
    with archive.connect() as c:
        yield c


def _related_people() -> list[str]:
    with sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True) as sql:
        return [
            pid
            for (pid,) in sql.execute(
                "SELECT DISTINCT p.id FROM person p JOIN relation r "
                "ON p.pk IN (r.person_pk, r.related_pk) ORDER BY p.id"
            )
        ]


def test_the_same_graph_gets_the_same_positions(conn: Connection) -> None:
    g = ego_graph(conn, "kamenev-lev", 2, True)
    assert g is not None
    sizes = nl.node_sizes(g, QFont())
    first = nl.layout(g, sizes)
    assert nl.layout(g, sizes) == first
    assert set(first) == set(sizes) and first["kamenev-lev"] == (0.0, 0.0)


@pytest.mark.parametrize(("hops", "co"), [(1, False), (2, True)])
def test_no_two_names_overlap_for_anyone(conn: Connection, hops: int, co: bool) -> None:
    font = QFont()
    people = _related_people()
    assert len(people) > 50
    for person in people:
        g = ego_graph(conn, person, hops, co)
        assert g is not None
        sizes = nl.node_sizes(g, font)
        positions = nl.layout(g, sizes)
        assert nl.overlaps(positions, sizes) == [], person


def _sprung(monkeypatch: pytest.MonkeyPatch, g: EgoGraph, sizes: nl.Sizes) -> nl.Positions:
    """``g`` laid out by the spring layout whatever its shape."""
    with monkeypatch.context() as m:
        m.setattr(nl, "_star", lambda *_a: False)
        return nl.layout(g, sizes)


def _close(a: nl.Positions, b: nl.Positions) -> bool:
    return a.keys() == b.keys() and all(
        abs(a[k][0] - b[k][0]) <= 0.02 and abs(a[k][1] - b[k][1]) <= 0.02 for k in a
    )


def _star_of(n: int) -> EgoGraph:
    ego = GraphNode("ego", "Yagoda, Genrikh", "Ягода Генрих Григорьевич", 0)
    people = tuple(
        GraphNode(f"p{i:02d}", f"Person {i} " + "Long" * (i % 4), f"Лицо {i}", 1) for i in range(n)
    )
    edges = tuple(
        GraphEdge(f"r{i}", *(("ego", p.id) if i % 2 else (p.id, "ego")), "investigator")
        for i, p in enumerate(people)
    )
    return EgoGraph("ego", 1, False, 50, (ego, *people), edges)


def test_a_star_is_laid_out_where_the_spring_layout_leaves_it(
    conn: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A star (the ego, up to STAR_EXACT neighbours, edges only to the ego, no "N more") keeps
    # its ring: laid out without networkx, each name lands where the spring layout puts it.
    font = QFont()
    shapes: list[bool] = []
    star = nl._star
    monkeypatch.setattr(nl, "_star", lambda *a: shapes.append(star(*a)) or shapes[-1])
    for person in _related_people():
        for hops, co in ((1, False), (1, True), (2, True)):
            g = ego_graph(conn, person, hops, co)
            assert g is not None
            sizes = nl.node_sizes(g, font)
            assert _close(nl.layout(g, sizes), _sprung(monkeypatch, g, sizes)), (person, hops)
    # Both ways were taken: the bundled archive has stars and other graphs.
    assert shapes.count(True) > 20 and shapes.count(False) > 20
    for n in range(1, nl.STAR_EXACT + 1):
        g = _star_of(n)
        sizes = nl.node_sizes(g, font)
        assert nl._star(g, nl._rings(g)[0])
        assert _close(nl.layout(g, sizes), _sprung(monkeypatch, g, sizes)), n
    assert not nl._star(_star_of(nl.STAR_EXACT + 1), nl._rings(_star_of(nl.STAR_EXACT + 1))[0])
    # An "N more" node breaks the symmetry: such a graph takes the spring layout.
    for n in (3, 6, nl.STAR_EXACT):
        plain = _star_of(n)
        ego, first, *rest = plain.nodes
        for nodes in (
            (ego, replace(first, more=3), *rest),
            (replace(ego, more_named=2), first, *rest),
        ):
            g = replace(plain, nodes=nodes)
            sizes = nl.node_sizes(g, font)
            assert len(sizes) == n + 2
            shapes.clear()
            positions = nl.layout(g, sizes)
            assert shapes == [False], n
            assert _close(positions, _sprung(monkeypatch, g, sizes))


def test_boxes_are_as_wide_as_the_longer_script(conn: Connection) -> None:
    g = ego_graph(conn, "cherniavsky-mikhail")
    assert g is not None
    font = QFont()
    sizes = nl.node_sizes(g, font)
    node = g.node("zhiromsky-pavel")
    assert node is not None
    russian = box_size(wrap_name(node.name_ru), font)
    english = box_size(wrap_name(node.name_en), font)
    assert sizes[node.id][0] == max(russian.width(), english.width())


def test_the_n_more_box_is_placed_too(conn: Connection) -> None:
    g = ego_graph(conn, "kamenev-lev", cap=3)
    assert g is not None
    sizes = nl.node_sizes(g, QFont())
    positions = nl.layout(g, sizes)
    assert more_key("kamenev-lev") in positions
    assert nl.overlaps(positions, sizes) == []


def test_separation_pushes_boxes_apart_and_keeps_the_fixed_one() -> None:
    sizes = {"a": (100.0, 20.0), "b": (100.0, 20.0), "c": (100.0, 20.0)}
    out = nl.separate({"a": (0.0, 0.0), "b": (10.0, 5.0), "c": (10.0, 5.0)}, sizes, fixed="a")
    assert out["a"] == (0.0, 0.0)
    assert nl.overlaps(out, sizes) == []


def test_the_cache_keeps_the_newest_and_remembers_drags() -> None:
    cache = nl.LayoutCache(size=2)
    cache.put(("a", 1, False), {"a": (0.0, 0.0)})
    cache.put(("b", 1, False), {"b": (1.0, 1.0)})
    assert cache.get(("a", 1, False)) == {"a": (0.0, 0.0)}  # now the newest
    cache.put(("c", 1, False), {"c": (2.0, 2.0)})
    assert cache.get(("b", 1, False)) is None and len(cache) == 2
    cache.move(("a", 1, False), "a", (5.0, 6.0))
    assert cache.get(("a", 1, False)) == {"a": (5.0, 6.0)}
    got = cache.get(("a", 1, False))
    assert got is not None
    got["a"] = (9.0, 9.0)  # a copy: the cache is not changed through it
    assert cache.get(("a", 1, False)) == {"a": (5.0, 6.0)}
    cache.clear()
    assert len(cache) == 0
