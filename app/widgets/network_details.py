"""The side panel's page for one edge of the relationship graph: the relation in words, its
kind of tie, why it is dashed, its note and every source with what it says (escaped rich text).

People, sources and documents are ``archive://kind/id`` links; every archive value goes
through :func:`app.pages.escape.escape` and is cut to :data:`TEXT_LIMIT` characters.
"""

from __future__ import annotations

from app.pages.escape import escape
from db.dto import ClaimDTO, Labelled, Ref
from db.graph import EgoGraph, GraphEdge, category_label
from db.i18n import _, ngettext
from db.vocab import confidence_label, relation_phrase

#: Longest archive text the panel shows in one place.
TEXT_LIMIT = 2000


def _plain(text: str | None) -> str:
    """Archive text cut to :data:`TEXT_LIMIT` characters (not escaped yet)."""
    text = text or ""
    return text if len(text) <= TEXT_LIMIT else text[:TEXT_LIMIT] + "…"


def _cut(text: str | None) -> str:
    return escape(_plain(text))


def _link(item: Labelled) -> str:
    return f'<a href="{escape(item.ref.uri())}">{_cut(item.label)}</a>'


def _person(graph: EgoGraph, person_id: str) -> str:
    return _link(Labelled(Ref("person", person_id), graph.label_of(person_id)))


def hint_html() -> str:
    """What the panel says before an edge is chosen."""
    return "<p>{}</p>".format(
        escape(_("Click a line of the graph, or choose a row below, to see that relation."))
    )


def edge_html(graph: EgoGraph, edge: GraphEdge) -> str:
    """The page of ``edge``: sentence, kind, doubt, note, sources."""
    parts = [f"<p><b>{_sentence(graph, edge)}</b></p>"]
    # TRANSLATORS: before a relation's kind of tie in the graph's side panel.
    head = escape(_("Kind of tie: {kind}").format(kind=category_label(edge.category)))
    parts.append(f"<p>{head}</p>")
    if edge.alleged:
        alleged = escape(_("Alleged: the relation was asserted, not shown."))
        parts.append(f"<p><i>{alleged}</i></p>")
    if edge.disputed:
        claims = edge.facts.field("relation")
        values = ", ".join(relation_phrase(v) for v in claims.values) if claims else ""
        parts.append(
            "<p><i>{}</i></p>".format(
                escape(_("The sources disagree on this relation: {values}.").format(values=values))
            )
        )
    if edge.note:
        note = escape(_("Note: {note}").format(note=_plain(edge.note)))
        parts.append(f"<p>{note}</p>")
    if edge.co_mention:
        parts.append(_documents(edge))
    else:
        parts.append(_sources(edge))
    return "\n".join(parts)


def _sentence(graph: EgoGraph, edge: GraphEdge) -> str:
    """The edge's sentence with both names as links (placeholders filled after escaping)."""
    a, b = "\x00A\x00", "\x00B\x00"
    source, target = graph.node(edge.source), graph.node(edge.target)
    sexes = (source.sex if source else None, target.sex if target else None)
    text = escape(edge.sentence(a, b, *sexes))
    return text.replace(a, _person(graph, edge.source)).replace(b, _person(graph, edge.target))


def _documents(edge: GraphEdge) -> str:
    head = ngettext(
        "Named together in {n} document:", "Named together in {n} documents:", edge.weight
    ).format(n=edge.weight)
    items = "".join(f"<li>{_link(d)}</li>" for d in edge.documents)
    return f"<p>{escape(head)}</p><ul>{items}</ul>"


def _says(claim: ClaimDTO) -> str:
    """What one claim adds to its source's line (value, place, confidence, note)."""
    bits = []
    if claim.field != "record" and claim.value:
        # TRANSLATORS: what one source says the relation is, e.g. "says: sister of".
        bits.append(escape(_("says: {value}").format(value=relation_phrase(claim.value))))
    if claim.locator:
        bits.append(escape(_("at {locator}").format(locator=claim.locator[:TEXT_LIMIT])))
    if claim.confidence:
        bits.append(
            escape(_("confidence: {level}").format(level=confidence_label(claim.confidence)))
        )
    if claim.note:
        bits.append(_cut(claim.note))
    return "; ".join(bits)


def _sources(edge: GraphEdge) -> str:
    """Each source once, with what its claims say."""
    claims = edge.claims
    if not claims:
        none = escape(_("No source is recorded for this relation."))
        return f"<p>{none}</p>"
    by_source: dict[Ref, list[ClaimDTO]] = {}
    for claim in claims:
        by_source.setdefault(claim.source.ref, []).append(claim)
    items = []
    for group in by_source.values():
        said = [s for s in (_says(c) for c in group) if s]
        tail = " — " + "; ".join(dict.fromkeys(said)) if said else ""
        items.append(f"<li>{_link(group[0].source)}{tail}</li>")
    head = ngettext("{n} source:", "{n} sources:", len(by_source)).format(n=len(by_source))
    return f"<p>{escape(head)}</p><ul>{''.join(items)}</ul>"
