"""Layouts: the same graph gets the same picture, no two names overlap for any person of the
bundled archive (one hop, and two with co-mentions), boxes fit both scripts, and the cache
keeps at most its size."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from sqlalchemy import Connection

from app.charts import network_layout as nl
from app.charts.network_paint import box_size, more_key, wrap_name
from db import Archive
from db.graph import ego_graph
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
