"""The ego network of a person: typed, directed relations (1 or 2 hops) and co-mentions.

:func:`ego_graph` reads the ``relation`` table around one person (``person_pk`` → ``related_pk``:
"A is interrogated by B" is an edge from A to B) and, on request, the people named in the same
documents (``document_person``; weight = shared documents).  Every read is an index lookup
with a LIMIT, so the graph stays small and fast on a 3-million-person archive: each expanded
person shows at most ``cap`` relations (the rest is counted in :attr:`GraphNode.more`), the
co-mentions come from at most :data:`DOCUMENT_LIMIT` of the person's documents.

Each relation is sorted into a :data:`CATEGORIES` entry (:data:`RELATION_CATEGORIES` maps every
kind of the vocabulary).  Doubt is what the archive records, nothing more: a relation is
``disputed`` when its sources give different kinds (claims on the field ``relation``), and
``alleged`` when its kind says so (``alleged-co-conspirator``, ``alleged-link``,
``recruited-by-alleged``).  An edge carries its claims (:class:`db.dto.Facts`) so that a view can
show the relation with its sources and notes.  No Qt here.
"""

from __future__ import annotations

import dataclasses
import heapq
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from db.dto import ClaimDTO, Facts, Labelled, Ref
from db.i18n import N_, _
from db.queries import facts, person_name
from db.schema import Document, DocumentPerson, Person, Relation
from db.vocab import Labels, format_date, relation_phrase, relation_sentence

#: Relations shown per expanded person by default; the rest become "N more".
DEFAULT_CAP = 40
#: At two hops each neighbour of the ego shows at most ``cap // 4`` (at least this many).
MIN_SECOND_CAP = 5
#: Co-mentions are counted over at most this many documents of the ego.
DOCUMENT_LIMIT = 500
#: At most this many (document, person) rows are read for the co-mentions.
NAMED_LIMIT = 5000
#: The kind of edge that is no relation but a co-mention.
CO_MENTION = "co-mention"

CATEGORIES = Labels(
    {
        "family": N_("family"),
        "investigation": N_("investigation"),
        "hierarchy": N_("hierarchy and patronage"),
        "conspiracy": N_("alleged conspiracy"),
        "other": N_("other ties"),
        CO_MENTION: N_("named in the same documents"),
    }
)

_FAMILY = (
    "aunt brother daughter ex-husband ex-wife father former-sister-in-law husband mother "
    "nephew second-wife sister son wife"
)
_INVESTIGATION = (
    "accused-by arrested-after-testimony-of blamed clemency-refused-by implicated-by "
    "interrogated-by named-as-rumour-source-by pressured-before-trial-by questioned-as-witness-by"
)
_HIERARCHY = "subordinate-of confidant-of recommended-by released-after-intervention-of"
_CONSPIRACY = "alleged-co-conspirator alleged-link recruited-by-alleged"
_OTHER = "acquaintance classmate fellow-villager former-partner friend school-friend"

#: Every relation kind of the vocabulary → its category (a kind missing here is "other").
RELATION_CATEGORIES: dict[str, str] = {
    kind: category
    for category, kinds in (
        ("family", _FAMILY),
        ("investigation", _INVESTIGATION),
        ("hierarchy", _HIERARCHY),
        ("conspiracy", _CONSPIRACY),
        ("other", _OTHER),
    )
    for kind in kinds.split()
}


#: Categories in which two different relations of one pair contradict each other (a person is
#: not both someone's brother and nephew); investigation ties may all hold at once.
RIVAL_CATEGORIES = frozenset({"family"})


def _mark_rivals(edges: list[GraphEdge]) -> list[GraphEdge]:
    """``edges`` with :attr:`GraphEdge.rival` set where one person is stated to be two
    different things of a :data:`RIVAL_CATEGORIES` category to the same other person (the
    same direction only: "wife of" one way and "husband of" the other agree)."""
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in edges:
        if e.category in RIVAL_CATEGORIES:
            kinds[(e.source, e.target)].add(e.relation)
    return [
        dataclasses.replace(e, rival=True)
        if e.category in RIVAL_CATEGORIES and len(kinds[(e.source, e.target)]) > 1
        else e
        for e in edges
    ]


def category_of(relation: str) -> str:
    """The category of a relation kind (``other`` for a kind the vocabulary lacks)."""
    return RELATION_CATEGORIES.get(relation, "other")


def category_label(category: str) -> str:
    """A category's name in the reader's language."""
    return CATEGORIES.get(category, category)


def is_alleged(relation: str) -> bool:
    """True when the kind itself says the tie is alleged (the vocabulary's own word)."""
    return "alleged" in relation.split("-")


@dataclass(frozen=True, slots=True)
class GraphNode:
    """A person in the ego graph.

    ``hop`` is 0 for the ego; ``more`` counts this person's relations not drawn (only for the
    people whose relations were read: the ego, and its neighbours at two hops), ``more_named``
    the people named with the ego in documents but not drawn.
    """

    id: str
    name_en: str
    name_ru: str
    hop: int
    more: int = 0
    more_named: int = 0
    sex: str | None = None  # as stored (M, F); None: not recorded

    @property
    def ref(self) -> Ref:
        """This person's reference."""
        return Ref("person", self.id)

    @property
    def label(self) -> str:
        """The name in the reader's script (Cyrillic in Russian)."""
        return person_name(self.name_en, self.name_ru)

    @property
    def hidden(self) -> int:
        """Neighbours not drawn, relations and co-mentions together."""
        return self.more + self.more_named


@dataclass(frozen=True, slots=True)
class GraphEdge:
    """A relation (``source`` is the person it is stated of) or a co-mention.

    A co-mention has ``relation`` :data:`CO_MENTION`, no claims, and ``documents``: the
    documents naming both people (``weight`` of them).
    """

    id: str
    source: str
    target: str
    relation: str
    note: str | None = None
    facts: Facts = field(default_factory=Facts)
    documents: tuple[Labelled, ...] = ()
    weight: int = 1
    #: Another relation of the same two people says otherwise of the same kind of tie (a
    #: family one: "wife" and "ex-wife", "brother" and "nephew"): two records, two sources'
    #: accounts, drawn as the disagreement they are.
    rival: bool = False

    @property
    def category(self) -> str:
        """Key of :data:`CATEGORIES`."""
        return CO_MENTION if self.relation == CO_MENTION else category_of(self.relation)

    @property
    def co_mention(self) -> bool:
        """True for a co-mention edge (not a relation)."""
        return self.relation == CO_MENTION

    @property
    def alleged(self) -> bool:
        """The relation's kind calls it alleged."""
        return is_alleged(self.relation)

    @property
    def disputed(self) -> bool:
        """The sources give different kinds for this relation, in its own claims or as another
        relation of the same two people (:attr:`rival`)."""
        claims = self.facts.field("relation")
        return self.rival or (claims is not None and claims.disputed)

    @property
    def dashed(self) -> bool:
        """Drawn dashed: alleged or disputed."""
        return self.alleged or self.disputed

    @property
    def sources(self) -> tuple[Labelled, ...]:
        """The distinct sources of the relation's claims (the documents of a co-mention)."""
        if self.co_mention:
            return self.documents
        seen: dict[Ref, Labelled] = {}
        for claim in self.claims:
            seen.setdefault(claim.source.ref, claim.source)
        return tuple(seen.values())

    @property
    def claims(self) -> tuple[ClaimDTO, ...]:
        """Every claim: the record's sources, then those about its fields."""
        return self.facts.sources + tuple(c for f in self.facts.fields for c in f.claims)

    def words(self) -> str:
        """The relation in words (``interrogated by``), or the co-mention's."""
        if self.co_mention:
            return _("named in the same documents")
        return relation_phrase(self.relation)

    def sentence(
        self,
        source_name: str,
        target_name: str,
        source_sex: str | None = None,
        target_sex: str | None = None,
    ) -> str:
        """The edge as one sentence naming both people (its words agreeing with their sexes
        where the reader's language does so and both are known)."""
        if self.co_mention:
            # TRANSLATORS: a co-mention edge of the relationship graph.
            return _("{a} and {b} are named in the same documents").format(
                a=source_name, b=target_name
            )
        return relation_sentence(source_name, self.relation, target_name, source_sex, target_sex)


@dataclass(frozen=True, slots=True)
class EgoGraph:
    """The ego network of one person: nodes (the ego first) and edges, both in a stable order.

    ``documents_capped`` is True when the ego has more than :data:`DOCUMENT_LIMIT` documents
    (co-mention weights then count the first ones only).
    """

    ego: str
    hops: int
    co_mentions: bool
    cap: int
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    documents_capped: bool = False

    def node(self, person_id: str) -> GraphNode | None:
        """The node of ``person_id`` (None: not in the graph)."""
        return next((n for n in self.nodes if n.id == person_id), None)

    def edge(self, edge_id: str) -> GraphEdge | None:
        """The edge ``edge_id`` (a relation id or a co-mention's)."""
        return next((e for e in self.edges if e.id == edge_id), None)

    def label_of(self, person_id: str) -> str:
        """The name of a node in the reader's script (the id when absent)."""
        node = self.node(person_id)
        return node.label if node is not None else person_id

    def sentence_of(self, edge: GraphEdge) -> str:
        """``edge`` as one sentence naming both people in the reader's script."""
        source, target = self.node(edge.source), self.node(edge.target)
        return edge.sentence(
            self.label_of(edge.source),
            self.label_of(edge.target),
            source.sex if source is not None else None,
            target.sex if target is not None else None,
        )

    def to_json(self) -> dict[str, Any]:
        """The graph as JSON-ready data (keys and the reader's words, sources by id and label)."""
        return {
            "ego": self.ego,
            "hops": self.hops,
            "co_mentions": self.co_mentions,
            "cap": self.cap,
            "documents_capped": self.documents_capped,
            "nodes": [
                {**dataclasses.asdict(n), "label": n.label, "ego": n.id == self.ego}
                for n in self.nodes
            ],
            "edges": [_edge_json(e, self.sentence_of(e)) for e in self.edges],
        }


def _edge_json(e: GraphEdge, sentence: str) -> dict[str, Any]:
    return {
        "id": e.id,
        "from": e.source,
        "to": e.target,
        "relation": e.relation,
        "words": e.words(),
        "sentence": sentence,
        "category": e.category,
        "category_label": category_label(e.category),
        "note": e.note,
        "alleged": e.alleged,
        "disputed": e.disputed,
        "weight": e.weight,
        "claims": [
            {
                "field": c.field,
                "value": c.value,
                "source": c.source.ref.id,
                "source_label": c.source.label,
                "locator": c.locator,
                "note": c.note,
                "confidence": c.confidence,
            }
            for c in e.claims
        ],
        "documents": [{"id": d.ref.id, "title": d.label} for d in e.documents],
    }


# -- queries -------------------------------------------------------------------------------------

_COLUMNS = (
    Relation.pk,
    Relation.id,
    Relation.person_pk,
    Relation.related_pk,
    Relation.relation,
    Relation.note,
)
# Each walks one index in pk order and stops after :n rows: bounded at any degree.
_OUT = select(*_COLUMNS).where(Relation.person_pk == bindparam("pk")).order_by(Relation.pk)
_IN = select(*_COLUMNS).where(Relation.related_pk == bindparam("pk")).order_by(Relation.pk)
_OUT_N = _OUT.limit(bindparam("n"))
_IN_N = _IN.limit(bindparam("n"))
_OUT_COUNT = select(func.count()).where(Relation.person_pk == bindparam("pk"))
_IN_COUNT = select(func.count()).where(Relation.related_pk == bindparam("pk"))
_AMONG = (
    select(*_COLUMNS)
    .where(
        Relation.person_pk.in_(bindparam("pks", expanding=True)),
        Relation.related_pk.in_(bindparam("pks", expanding=True)),
    )
    # No ORDER BY: SQLite would walk the whole table in pk order to avoid a sort.
    .limit(bindparam("n"))
)
_EGO = select(Person.pk, Person.id, Person.name_en, Person.name_ru, Person.sex).where(
    Person.id == bindparam("id")
)
_PEOPLE = select(Person.pk, Person.id, Person.name_en, Person.name_ru, Person.sex).where(
    Person.pk.in_(bindparam("pks", expanding=True))
)
_DOCUMENTS_OF = (
    select(DocumentPerson.document_pk)
    .where(DocumentPerson.person_pk == bindparam("pk"))
    .order_by(DocumentPerson.pk)  # the index's own order: no sort, stops at the LIMIT
    .limit(bindparam("n"))
)
_NAMED_IN = (
    select(DocumentPerson.document_pk, DocumentPerson.person_pk)
    .where(
        DocumentPerson.document_pk.in_(bindparam("docs", expanding=True)),
        DocumentPerson.person_pk.is_not(None),
        DocumentPerson.person_pk != bindparam("pk"),
    )
    .limit(bindparam("n"))
)
_DOCUMENT_LABELS = select(Document.pk, Document.id, Document.title, Document.date).where(
    Document.pk.in_(bindparam("pks", expanding=True))
)

Row = Any  # a Core row of _COLUMNS


def _around(conn: Connection, pk: int, cap: int) -> tuple[list[Row], int]:
    """The first ``cap`` relations of ``pk`` (both directions, by pk) and how many it has."""
    out = list(conn.execute(_OUT_N, {"pk": pk, "n": cap + 1}))
    inn = list(conn.execute(_IN_N, {"pk": pk, "n": cap + 1}))
    # A self-relation is in both lists: keep it once.
    rows = list({r.pk: r for r in heapq.merge(out, inn, key=lambda r: r.pk)}.values())
    total = len(rows)
    if len(out) > cap or len(inn) > cap:
        total = int(conn.execute(_OUT_COUNT, {"pk": pk}).scalar() or 0) + int(
            conn.execute(_IN_COUNT, {"pk": pk}).scalar() or 0
        )
    return rows[:cap], total


def second_cap(cap: int) -> int:
    """Relations shown per neighbour of the ego at two hops."""
    return max(MIN_SECOND_CAP, cap // 4)


def ego_graph(
    conn: Connection,
    person_id: str,
    hops: int = 1,
    co_mentions: bool = False,
    cap: int = DEFAULT_CAP,
) -> EgoGraph | None:
    """The ego network of ``person_id`` (None: no such person).

    ``hops`` 1: the person's relations and those among the people they lead to; 2: also each
    neighbour's relations (at most :func:`second_cap` each).  ``co_mentions`` adds the people
    named in the same documents as the ego (the ``cap`` sharing most documents).
    """
    if hops not in (1, 2):
        raise ValueError(f"hops must be 1 or 2, not {hops}")
    ego = conn.execute(_EGO, {"id": person_id}).first()
    if ego is None:
        return None
    hop: dict[int, int] = {ego.pk: 0}
    rows: dict[int, Row] = {}
    totals: dict[int, int] = {}
    frontier = [ego.pk]
    for depth in range(1, hops + 1):
        limit = cap if depth == 1 else second_cap(cap)
        found: list[int] = []
        for pk in frontier:
            around, totals[pk] = _around(conn, pk, limit)
            for r in around:
                rows[r.pk] = r
                for other in (r.person_pk, r.related_pk):
                    if other not in hop:
                        hop[other] = depth
                        found.append(other)
        frontier = found
    # Ties among the people reached whose own relations were not read (bounded by LIMIT).
    if frontier:
        for r in conn.execute(_AMONG, {"pks": frontier, "n": 4 * cap}):
            rows.setdefault(r.pk, r)
    named, documents_capped, more_named = (
        _co_mentions(conn, ego.pk, cap) if co_mentions else ({}, False, 0)
    )
    for pk in named:
        hop.setdefault(pk, 1)
    people = {r.pk: r for r in conn.execute(_PEOPLE, {"pks": list(hop)})}
    relations = sorted(rows.values(), key=lambda r: r.pk)
    rfacts = facts(conn, "relation", (r.id for r in relations))
    edges = [
        GraphEdge(
            r.id,
            people[r.person_pk].id,
            people[r.related_pk].id,
            r.relation,
            r.note,
            rfacts[r.id],
        )
        for r in relations
    ]
    edges = _mark_rivals(edges)
    edges += _co_mention_edges(conn, people, ego.pk, named)
    drawn: dict[int, int] = defaultdict(int)
    for r in relations:
        drawn[r.person_pk] += 1
        if r.related_pk != r.person_pk:
            drawn[r.related_pk] += 1
    nodes = tuple(
        GraphNode(
            people[pk].id,
            people[pk].name_en,
            people[pk].name_ru,
            h,
            max(0, totals[pk] - drawn[pk]) if pk in totals else 0,
            more_named if pk == ego.pk else 0,
            people[pk].sex,
        )
        for pk, h in sorted(hop.items(), key=lambda item: (item[1], item[0]))
        if pk in people
    )
    return EgoGraph(person_id, hops, co_mentions, cap, nodes, tuple(edges), documents_capped)


def _co_mentions(conn: Connection, pk: int, cap: int) -> tuple[dict[int, list[int]], bool, int]:
    """The ``cap`` people sharing most documents with ``pk``: person → document pks; whether
    the documents were capped; how many more people were named with the ego."""
    docs = list(conn.scalars(_DOCUMENTS_OF, {"pk": pk, "n": DOCUMENT_LIMIT + 1}))
    capped = len(docs) > DOCUMENT_LIMIT
    docs = sorted(set(docs[:DOCUMENT_LIMIT]))
    if not docs:
        return {}, capped, 0
    shared: dict[int, set[int]] = defaultdict(set)
    for doc, other in conn.execute(_NAMED_IN, {"docs": docs, "pk": pk, "n": NAMED_LIMIT}):
        if other is not None:
            shared[other].add(doc)
    ranked = sorted(shared.items(), key=lambda item: (-len(item[1]), item[0]))
    return {p: sorted(d) for p, d in ranked[:cap]}, capped, max(0, len(ranked) - cap)


def _co_mention_edges(
    conn: Connection, people: dict[int, Row], ego: int, named: dict[int, list[int]]
) -> list[GraphEdge]:
    if not named:
        return []
    wanted = sorted({d for docs in named.values() for d in docs})
    labels = {
        r.pk: Labelled(
            Ref("document", r.id),
            f"{r.title} ({format_date(r.date, 'day')})" if r.date else r.title,
        )
        for r in conn.execute(_DOCUMENT_LABELS, {"pks": wanted})
    }
    return [
        GraphEdge(
            co_mention_id(people[ego].id, people[pk].id),
            people[ego].id,
            people[pk].id,
            CO_MENTION,
            documents=tuple(labels[d] for d in docs if d in labels),
            weight=len(docs),
        )
        for pk, docs in named.items()
        if pk in people
    ]


def co_mention_id(a: str, b: str) -> str:
    """The id of the co-mention edge between two people."""
    return f"{CO_MENTION}:{a}:{b}"


def graphml(graph: EgoGraph) -> bytes:
    """The graph as GraphML (UTF-8), readable by ``networkx.read_graphml``, Gephi or yEd.

    A ``MultiDiGraph``: edges keep their ids as keys (two relations of one pair stay two);
    None becomes the empty string (GraphML has no null).
    """
    import io

    import networkx as nx  # not at import: only exports need it

    g = nx.MultiDiGraph(ego=graph.ego, hops=graph.hops, co_mentions=graph.co_mentions)
    for n in graph.nodes:
        g.add_node(
            n.id,
            label=xml_text(n.label),
            name_en=xml_text(n.name_en),
            name_ru=xml_text(n.name_ru),
            hop=n.hop,
            more=n.more,
            more_named=n.more_named,
        )
    for e in graph.edges:
        g.add_edge(e.source, e.target, key=e.id, **edge_attributes(e))
    out = io.BytesIO()
    nx.write_graphml(g, out, encoding="utf-8")
    return out.getvalue()


def edge_attributes(e: GraphEdge) -> dict[str, str | int | bool]:
    """An edge's GraphML attributes (sources and documents as space-separated ids)."""
    return {
        "relation": e.relation,
        "words": e.words(),
        "category": e.category,
        "note": xml_text(e.note or ""),
        "alleged": e.alleged,
        "disputed": e.disputed,
        "weight": e.weight,
        "sources": " ".join(s.ref.id for s in e.sources if s.ref.kind == "source"),
        "documents": " ".join(d.ref.id for d in e.documents),
    }


#: Characters XML 1.0 cannot hold at all (archive text could).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the control characters XML 1.0 forbids (GraphML stays well-formed)."""
    return _NOT_XML.sub("", text)


def kinds(conn: Connection) -> Iterable[str]:
    """The relation kinds used in this archive (for the categories' completeness check)."""
    return conn.scalars(select(Relation.relation).distinct().order_by(Relation.relation))
