"""The side panel's page of an edge: the sentence with linked names, the kind of tie, doubt, the
note and each source once with what it says — all archive text escaped."""

from __future__ import annotations

import re

from app.widgets.network_details import edge_html, hint_html
from db import Archive
from db.dto import ClaimDTO, Facts, FieldClaims, Labelled, Ref
from db.graph import EgoGraph, GraphEdge, GraphNode, ego_graph
from tests.app.ui_texts import english

__all__ = ["english"]

HOSTILE = '<img src="file:///etc/passwd"><a href="javascript:x">go</a>'


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&quot;", '"').replace("&#x27;", "'")


def test_a_relation_page_names_both_people_kind_note_and_sources(
    archive: Archive, english: None
) -> None:
    with archive.connect() as conn:
        g = ego_graph(conn, "kamenev-lev")
    assert g is not None
    edge = g.edge("r003")
    assert edge is not None
    html = edge_html(g, edge)
    assert '<a href="archive://person/rozenfeld-nina">Nina Rosenfeld</a>' in html
    assert '<a href="archive://person/kamenev-lev">Lev Kamenev</a>' in html
    text = _text(html)
    assert "Kind of tie: family" in text
    assert "The sources disagree on this relation: former sister-in-law of, sister of." in text
    assert "Note: She had been married to Kamenev" in text
    assert text.count("says: sister of") == 1
    sources = [s.ref.id for s in edge.sources]
    assert html.count("archive://source/") == len(sources)  # each source once
    assert f"{len(sources)} sources:" in text


def _hostile_graph(edge: GraphEdge) -> EgoGraph:
    nodes = (GraphNode("a", HOSTILE, HOSTILE, 0), GraphNode("b", "B", "Б", 1))
    return EgoGraph("a", 1, False, 40, nodes, (edge,))


def test_archive_text_is_escaped_everywhere(english: None) -> None:
    source = Labelled(Ref("source", "s1"), HOSTILE)
    claim = ClaimDTO("relation", "friend", source, HOSTILE, HOSTILE, "low")
    edge = GraphEdge(
        "r1",
        "a",
        "b",
        "friend",
        note=HOSTILE,
        facts=Facts(fields=(FieldClaims("relation", (claim,)),)),
    )
    html = edge_html(_hostile_graph(edge), edge)
    assert "<img" not in html and "javascript:" not in html.replace("&quot;javascript:", "")
    assert html.count("&lt;img") == 5  # name, note, source label, locator, claim note
    assert 'href="archive://source/s1"' in html
    assert "confidence: low" in _text(html)


def test_a_co_mention_lists_its_documents(english: None) -> None:
    docs = (Labelled(Ref("document", "d1"), "Протокол <1>"), Labelled(Ref("document", "d2"), "Два"))
    edge = GraphEdge("c", "a", "b", "co-mention", documents=docs, weight=2)
    html = edge_html(_hostile_graph(edge), edge)
    assert "Named together in 2 documents:" in html
    assert '<a href="archive://document/d1">Протокол &lt;1&gt;</a>' in html


def test_no_sources_and_no_edge_say_so(english: None) -> None:
    edge = GraphEdge("r1", "a", "b", "alleged-link")
    text = _text(edge_html(_hostile_graph(edge), edge))
    assert "No source is recorded for this relation." in text
    assert "Alleged: the relation was asserted, not shown." in text
    assert "Click a line of the graph" in hint_html()
