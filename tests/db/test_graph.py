"""The ego graph on the bundled archive, checked against plain SQL: relations with their kind and
direction, two hops, co-mention weights, caps, categories, doubt, sources, JSON and GraphML —
and every statement it runs finds its rows through an index."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator

import networkx as nx
import pytest
from sqlalchemy import Connection, event

from db import Archive, graph, queries, vocab
from db.graph import CATEGORIES, CO_MENTION, RELATION_CATEGORIES, ego_graph
from db.synth import people as synth_people
from db.synth import vocabulary as synth_vocabulary
from tests.conftest import BUNDLED

CHERNIAVSKY = "cherniavsky-mikhail"
KAMENEV = "kamenev-lev"  # the most connected person: 13 relations
YEZHOV = "yezhov-nikolai"  # named in the most documents


@pytest.fixture(scope="module")
def sql() -> Iterator[sqlite3.Connection]:
    """Plain read-only SQL on the bundled archive (the oracle)."""
    conn = sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True)
    yield conn
    conn.close()


@pytest.fixture
def conn(archive: Archive) -> Iterator[Connection]:
    with archive.connect() as c:
        yield c


def _relations_of(sql: sqlite3.Connection, person: str) -> set[tuple[str, str, str, str]]:
    """(relation id, from, kind, to) of every relation of ``person``."""
    return set(
        sql.execute(
            "SELECT r.id, a.id, r.relation, b.id FROM relation r "
            "JOIN person a ON a.pk = r.person_pk JOIN person b ON b.pk = r.related_pk "
            "WHERE a.id = ?1 OR b.id = ?1",
            (person,),
        )
    )


def _edges(g: graph.EgoGraph) -> set[tuple[str, str, str, str]]:
    return {(e.id, e.source, e.relation, e.target) for e in g.edges if not e.co_mention}


def test_cherniavsky_has_every_relation_of_his_record_with_direction_and_kind(
    conn: Connection, sql: sqlite3.Connection
) -> None:
    g = ego_graph(conn, CHERNIAVSKY)
    assert g is not None and g.nodes[0].id == CHERNIAVSKY and g.nodes[0].hop == 0
    expected = _relations_of(sql, CHERNIAVSKY)
    assert len(expected) == 8
    assert _edges(g) == expected
    # The direction the relation table gives: "Cherniavsky is interrogated by Dmitriev".
    assert ("r074", CHERNIAVSKY, "interrogated-by", "dmitriev-d-m") in _edges(g)
    assert ("r021", "novozhilov-maksim", "alleged-co-conspirator", CHERNIAVSKY) in _edges(g)
    # … and what his person page lists, relation for relation.
    detail = queries.person_detail(conn, CHERNIAVSKY)
    assert detail is not None
    assert {(r.id, r.relation, r.outgoing) for r in detail.relations} == {
        (e.id, e.relation, e.source == CHERNIAVSKY) for e in g.edges
    }


def test_one_hop_adds_the_ties_among_the_neighbours(
    conn: Connection, sql: sqlite3.Connection
) -> None:
    g = ego_graph(conn, KAMENEV)
    assert g is not None
    people = {n.id for n in g.nodes}
    among = {
        r
        for p in people - {KAMENEV}
        for r in _relations_of(sql, p)
        if r[1] in people and r[3] in people
    }
    assert _edges(g) == _relations_of(sql, KAMENEV) | among
    assert {n.hop for n in g.nodes} == {0, 1}


@pytest.mark.parametrize("person", [CHERNIAVSKY, KAMENEV, YEZHOV, "mukhanova-ekaterina"])
def test_two_hops_hold_everything_of_one_hop(conn: Connection, person: str) -> None:
    one, two = ego_graph(conn, person, 1, True), ego_graph(conn, person, 2, True)
    assert one is not None and two is not None
    assert {n.id for n in one.nodes} <= {n.id for n in two.nodes}
    assert {e.id for e in one.edges} <= {e.id for e in two.edges}


def test_two_hops_reach_the_neighbours_relations(conn: Connection, sql: sqlite3.Connection) -> None:
    g = ego_graph(conn, KAMENEV, hops=2)
    assert g is not None
    for n in g.nodes:
        if n.hop == 1:  # every neighbour's relations are drawn, or counted as "more"
            drawn = _relations_of(sql, n.id) & _edges(g)
            assert len(drawn) + n.more == len(_relations_of(sql, n.id)), n.id
            assert len(drawn) >= min(graph.second_cap(graph.DEFAULT_CAP), len(drawn) + n.more)
    assert 2 in {n.hop for n in g.nodes}
    muk = g.node("mukhanova-ekaterina")  # 11 relations, 10 drawn at two hops
    assert muk is not None and muk.more == 1


def test_co_mention_weights_are_the_documents_shared(
    conn: Connection, sql: sqlite3.Connection
) -> None:
    shared = dict(
        sql.execute(
            "SELECT q.id, count(DISTINCT a.document_pk) FROM document_person a "
            "JOIN document_person b ON b.document_pk = a.document_pk "
            "JOIN person p ON p.pk = a.person_pk JOIN person q ON q.pk = b.person_pk "
            "WHERE p.id = ? AND b.person_pk != a.person_pk GROUP BY q.id",
            (YEZHOV,),
        )
    )
    g = ego_graph(conn, YEZHOV, co_mentions=True)
    assert g is not None
    co = [e for e in g.edges if e.co_mention]
    assert {e.target: e.weight for e in co} == shared
    assert all(e.source == YEZHOV and len(e.documents) == e.weight for e in co)
    assert max(co, key=lambda e: e.weight).target == "agranov-yakov"
    assert all(d.ref.kind == "document" for e in co for d in e.documents)


def test_without_co_mentions_no_co_mention_edges(conn: Connection) -> None:
    g = ego_graph(conn, YEZHOV)
    assert g is not None and not any(e.co_mention for e in g.edges)


def test_a_cap_leaves_n_more(conn: Connection, sql: sqlite3.Connection) -> None:
    total = len(_relations_of(sql, KAMENEV))
    g = ego_graph(conn, KAMENEV, cap=3)
    assert g is not None
    ego = g.node(KAMENEV)
    assert ego is not None and ego.more == total - 3 == 10
    assert sum(1 for e in g.edges if KAMENEV in (e.source, e.target)) == 3
    assert all(n.more == 0 for n in g.nodes if n.id != KAMENEV)


def test_a_cap_on_co_mentions_counts_the_people_left_out(conn: Connection) -> None:
    full = ego_graph(conn, YEZHOV, co_mentions=True)
    capped = ego_graph(conn, YEZHOV, co_mentions=True, cap=5)
    assert full is not None and capped is not None
    named = [e for e in full.edges if e.co_mention]
    kept = [e for e in capped.edges if e.co_mention]
    assert len(kept) == 5
    assert {e.target for e in kept} <= {e.target for e in named}
    assert min(e.weight for e in kept) >= max(
        e.weight for e in named if e.target not in {k.target for k in kept}
    )
    node = capped.node(YEZHOV)
    assert node is not None and node.more_named == len(named) - 5


def test_two_hops_cap_each_neighbour(conn: Connection) -> None:
    g = ego_graph(conn, KAMENEV, hops=2, cap=8)  # neighbours show at most 5 each
    assert g is not None and graph.second_cap(8) == 5
    muk = g.node("mukhanova-ekaterina")
    assert muk is not None and muk.hop == 1 and muk.more > 0


def test_an_unknown_person_has_no_graph(conn: Connection) -> None:
    assert ego_graph(conn, "nobody-at-all") is None


def test_hops_are_one_or_two(conn: Connection) -> None:
    with pytest.raises(ValueError, match="hops"):
        ego_graph(conn, KAMENEV, hops=3)


def _all_kinds(sql: sqlite3.Connection) -> set[str]:
    archive = {k for (k,) in sql.execute("SELECT DISTINCT relation FROM relation")}
    synth = set(synth_vocabulary.RELATIONS_OTHER) | set(synth_people.KIN) | {"interrogated-by"}
    return archive | set(vocab.RELATION_SENTENCES) | synth


def test_every_relation_kind_has_a_category(sql: sqlite3.Connection) -> None:
    unmapped = _all_kinds(sql) - set(RELATION_CATEGORIES)
    assert not unmapped, f"relation kinds without a category: {sorted(unmapped)}"
    assert set(RELATION_CATEGORIES.values()) <= set(CATEGORIES) - {CO_MENTION}
    assert len({k for (k,) in sql.execute("SELECT DISTINCT relation FROM relation")}) == 33


@pytest.mark.parametrize(
    ("kind", "category"),
    [
        ("brother", "family"),
        ("interrogated-by", "investigation"),
        ("accused-by", "investigation"),
        ("implicated-by", "investigation"),
        ("subordinate-of", "hierarchy"),
        ("alleged-co-conspirator", "conspiracy"),
        ("recruited-by-alleged", "conspiracy"),
        ("friend", "other"),
        ("a-kind-nobody-knows", "other"),
    ],
)
def test_categories_of_kinds(kind: str, category: str) -> None:
    assert graph.category_of(kind) == category


def test_doubt_is_what_the_archive_records(conn: Connection) -> None:
    g = ego_graph(conn, KAMENEV, hops=2)
    assert g is not None
    r003 = g.edge("r003")  # sources give former sister-in-law and sister
    assert r003 is not None and r003.disputed and r003.dashed and not r003.alleged
    r008 = g.edge("r008")  # two sources, both "wife": its own claims agree …
    assert r008 is not None and not r008.facts.field("relation").disputed  # type: ignore[union-attr]
    assert r008.rival and r008.disputed  # … but another record calls her his former wife
    c = ego_graph(conn, CHERNIAVSKY)
    assert c is not None
    alleged = {e.id for e in c.edges if e.alleged}
    assert alleged == {"r020", "r021", "r022", "r023"}
    assert all(e.dashed for e in c.edges if e.alleged)


def test_an_edge_carries_the_sources_of_its_claims(
    conn: Connection, sql: sqlite3.Connection
) -> None:
    g = ego_graph(conn, KAMENEV)
    assert g is not None
    for e in g.edges:
        expected = {
            sid
            for (sid,) in sql.execute(
                "SELECT DISTINCT s.id FROM claim c JOIN source s ON s.pk = c.source_pk "
                "WHERE c.subject_kind = 'relation' AND c.subject_id = ?",
                (e.id,),
            )
        }
        assert {s.ref.id for s in e.sources} == expected, e.id
    r003 = g.edge("r003")
    assert r003 is not None and r003.note and "Nikolai" in r003.note


def test_json_holds_nodes_edges_and_claims(conn: Connection) -> None:
    g = ego_graph(conn, CHERNIAVSKY, co_mentions=True)
    assert g is not None
    data = json.loads(json.dumps(g.to_json(), ensure_ascii=False))
    assert data["ego"] == CHERNIAVSKY and data["nodes"][0]["ego"]
    assert len(data["edges"]) == len(g.edges)
    r074 = next(e for e in data["edges"] if e["id"] == "r074")
    assert (r074["from"], r074["to"], r074["category"]) == (
        CHERNIAVSKY,
        "dmitriev-d-m",
        "investigation",
    )
    assert r074["claims"] and all(c["source"] for c in r074["claims"])
    assert any(e["relation"] == CO_MENTION and e["documents"] for e in data["edges"])


def test_graphml_reads_back_with_the_same_nodes_edges_and_attributes(conn: Connection) -> None:
    g = ego_graph(conn, KAMENEV, hops=2, co_mentions=True, cap=10)
    assert g is not None
    back = nx.read_graphml(io.BytesIO(graph.graphml(g)))
    assert isinstance(back, nx.MultiDiGraph)
    assert set(back.nodes) == {n.id for n in g.nodes}
    assert {(u, v, k) for u, v, k in back.edges(keys=True)} == {
        (e.source, e.target, e.id) for e in g.edges
    }
    for n in g.nodes:
        attrs = back.nodes[n.id]
        assert (attrs["name_en"], attrs["name_ru"], attrs["hop"], attrs["more"]) == (
            n.name_en,
            n.name_ru,
            n.hop,
            n.more,
        )
    for e in g.edges:
        assert back.edges[e.source, e.target, e.id] == graph.edge_attributes(e)


def test_graphml_drops_what_xml_cannot_hold() -> None:
    assert graph.xml_text("a\x00b\x1bc\td\ne") == "abc\td\ne"


def test_every_statement_finds_its_rows_through_an_index(conn: Connection) -> None:
    seen: list[tuple[str, object]] = []

    def record(_c: object, _cur: object, statement: str, params: object, *_a: object) -> None:
        seen.append((statement, params))

    event.listen(conn, "before_cursor_execute", record)
    try:
        ego_graph(conn, KAMENEV, hops=2, co_mentions=True)
    finally:
        event.remove(conn, "before_cursor_execute", record)
    assert len(seen) >= 10
    raw = conn.connection.dbapi_connection
    assert raw is not None
    for statement, params in seen:
        plan = [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, params)]
        scans = [p for p in plan if p.startswith("SCAN") and "CONSTANT ROW" not in p]
        assert not scans, (statement, plan)


def test_an_edge_reads_in_the_forms_of_both_people_s_sexes(conn: Connection) -> None:
    from db import i18n

    g = ego_graph(conn, "mukhanova-ekaterina")
    assert g.node("mukhanova-ekaterina").sex == "F"  # type: ignore[union-attr]
    i18n.set_language("ru")
    try:
        sentences = [g.sentence_of(e) for e in g.edges]
        data = g.to_json()
    finally:
        i18n.set_language("en")
    assert any(
        s.startswith("Муханова Екатерина Константиновна: назвала в показаниях") for s in sentences
    )
    assert not any("(а)" in s for s in sentences)
    assert [e["sentence"] for e in data["edges"]] == sentences


def test_two_different_family_ties_of_one_pair_are_drawn_as_the_disagreement_they_are(
    conn: Connection,
) -> None:
    """Glebova is Kamenev's wife in one source and his former wife in another; Nikolai
    Rozenfeld his brother and his nephew: two records each, flagged, not two solid lines."""
    g = ego_graph(conn, "kamenev-lev")
    rivals = {(e.source, e.relation) for e in g.edges if e.rival}
    assert rivals == {
        ("glebova-tatiana", "wife"),
        ("glebova-tatiana", "ex-wife"),
        ("rozenfeld-nikolai", "brother"),
        ("rozenfeld-nikolai", "nephew"),
    }
    assert all(e.disputed and e.dashed for e in g.edges if e.rival)
    # ties of other kinds, or stated the other way round, are no disagreement
    assert not any(e.rival for e in g.edges if e.category != "family")
