"""Detail and aggregate queries (db.queries) against plain SQL on the bundled archive.

Every person, event, document and source detail is compared with what independent SQL over the
same file says (names, sentences, relations, links, claims, citations, tallies), the one
kind → query dispatch answers every kind and nothing else, and the small lookups (labels,
references, tallies, the chart summary) agree with the tables they read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from db import Archive, queries, vocab
from db.dto import (
    DocumentDetail,
    EventDetail,
    Facts,
    PersonDetail,
    Ref,
    RelationFact,
    SourceDetail,
)
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def sql() -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection on the bundled archive: the oracle."""
    conn = sqlite3.connect(BUNDLED.resolve().as_uri() + "?mode=ro", uri=True)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def conn(archive: Archive) -> Iterator[Any]:
    """One read-only Core connection for the module (the queries take a Connection)."""
    with archive.connect() as c:
        yield c


def _ids(sql: sqlite3.Connection, table: str) -> list[str]:
    return [r[0] for r in sql.execute(f"SELECT id FROM {table} ORDER BY pk")]


def _claims(sql: sqlite3.Connection, kind: str, subject: str) -> list[tuple[Any, ...]]:
    return sql.execute(
        "SELECT c.field, c.value, s.id, c.locator, c.note, c.confidence FROM claim c "
        "JOIN source s ON s.pk = c.source_pk WHERE c.subject_kind = ? AND c.subject_id = ? "
        "ORDER BY c.pk",
        (kind, subject),
    ).fetchall()


def _flat(facts: Facts) -> tuple[list[tuple[Any, ...]], dict[str, list[tuple[Any, ...]]]]:
    """(record claims, field → claims) as (field, value, source, locator, note, confidence)."""

    def row(c: Any) -> tuple[Any, ...]:
        return (c.field, c.value, c.source.ref.id, c.locator, c.note, c.confidence)

    return [row(c) for c in facts.sources], {
        f.field: [row(c) for c in f.claims] for f in facts.fields
    }


def _expected_facts(
    sql: sqlite3.Connection, kind: str, subject: str
) -> tuple[list[tuple[Any, ...]], dict[str, list[tuple[Any, ...]]]]:
    record: list[tuple[Any, ...]] = []
    fields: dict[str, list[tuple[Any, ...]]] = {}
    for row in _claims(sql, kind, subject):
        if row[0] == "record":
            record.append(row)
        else:
            fields.setdefault(row[0], []).append(row)
    return record, fields


# -- dispatch ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "ident", "dto"),
    [
        ("person", "cherniavsky-mikhail", PersonDetail),
        ("event", "ev-1935-june-plenum", EventDetail),
        ("document", "doc-1734", DocumentDetail),
        ("source", "koshel-kniga87", SourceDetail),
    ],
)
def test_detail_dispatches_each_kind_to_its_own_detail(
    conn: Any, kind: str, ident: str, dto: type
) -> None:
    d = queries.detail(conn, Ref(kind, ident))
    assert type(d) is dto
    assert d.ref == Ref(kind, ident)


@pytest.mark.parametrize(
    "ref",
    [
        Ref("sentence", "s-mukhanova-ekaterina-1935"),  # a real id of a kind with no detail
        Ref("claim", "1"),
        Ref("person", "no-such-person"),
        Ref("event", "cherniavsky-mikhail"),  # a person's id asked as an event
        Ref("source", ""),
    ],
    ids=["sentence", "unknown-kind", "missing-person", "wrong-kind", "empty-id"],
)
def test_detail_of_anything_else_is_none(conn: Any, ref: Ref) -> None:
    assert queries.detail(conn, ref) is None


def test_detail_passes_the_citation_cap_to_sources(conn: Any) -> None:
    d = queries.detail(conn, Ref("source", "showtrials-catalog"), citations=7)
    assert isinstance(d, SourceDetail)
    assert len(d.citations) == 7
    assert d.citations_total == 352


# -- person ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def people(conn: Any, sql: sqlite3.Connection) -> dict[str, PersonDetail]:
    """The detail of every person of the bundled archive, by id."""
    out = {}
    for pid in _ids(sql, "person"):
        d = queries.person_detail(conn, pid)
        assert d is not None
        out[pid] = d
    return out


@pytest.fixture(scope="module")
def events(conn: Any, sql: sqlite3.Connection) -> dict[str, EventDetail]:
    """The detail of every event, by id."""
    out = {}
    for eid in _ids(sql, "event"):
        d = queries.event_detail(conn, eid)
        assert d is not None
        out[eid] = d
    return out


@pytest.fixture(scope="module")
def documents(conn: Any, sql: sqlite3.Connection) -> dict[str, DocumentDetail]:
    """The detail of every document, by id."""
    out = {}
    for did in _ids(sql, "document"):
        d = queries.document_detail(conn, did)
        assert d is not None
        out[did] = d
    return out


def test_every_person_detail_matches_plain_sql(
    people: dict[str, PersonDetail], sql: sqlite3.Connection
) -> None:
    assert list(people) == _ids(sql, "person")
    for pid, d in people.items():
        pk, name_en, name_ru, role, later_fate = sql.execute(
            "SELECT pk, name_en, name_ru, role, later_fate FROM person WHERE id = ?", (pid,)
        ).fetchone()
        assert (d.id, d.name_en, d.name_ru, d.role, d.later_fate) == (
            pid,
            name_en,
            name_ru,
            role,
            later_fate,
        )
        names = sql.execute(
            "SELECT name, script, kind, note FROM person_name WHERE person_pk = ? ORDER BY pk",
            (pk,),
        ).fetchall()
        assert [(n.name, n.script, n.kind, n.note) for n in d.names] == names
        sentences = sql.execute(
            "SELECT id, stage, kind, years FROM sentence WHERE person_pk = ? ORDER BY pk", (pk,)
        ).fetchall()
        assert [(s.id, s.stage, s.kind, s.years) for s in d.sentences] == sentences
        relations = sql.execute(
            "SELECT r.id, o.id, r.person_pk = ? FROM relation r JOIN person o "
            "ON o.pk = CASE WHEN r.person_pk = ? THEN r.related_pk ELSE r.person_pk END "
            "WHERE ? IN (r.person_pk, r.related_pk) ORDER BY r.pk",
            (pk, pk, pk),
        ).fetchall()
        assert [(r.id, r.other.ref.id, int(r.outgoing)) for r in d.relations] == relations
        events = sql.execute(
            "SELECT e.id, ep.role FROM event_person ep JOIN event e ON e.pk = ep.event_pk "
            "WHERE ep.person_pk = ? ORDER BY e.pk",
            (pk,),
        ).fetchall()
        assert [(e.item.ref.id, e.role) for e in d.events] == events
        documents = sql.execute(
            "SELECT DISTINCT d.id FROM document d JOIN document_person dp "
            "ON dp.document_pk = d.pk WHERE dp.person_pk = ? ORDER BY d.pk",
            (pk,),
        ).fetchall()
        assert [(e.item.ref.id,) for e in d.documents] == documents
        assert _flat(d.facts) == _expected_facts(sql, "person", pid), pid


def test_each_relation_is_seen_once_from_each_end(
    people: dict[str, PersonDetail], sql: sqlite3.Connection
) -> None:
    rows = sql.execute(
        "SELECT r.id, pa.id, pb.id FROM relation r JOIN person pa ON pa.pk = r.person_pk "
        "JOIN person pb ON pb.pk = r.related_pk ORDER BY r.pk"
    ).fetchall()
    assert len(rows) == 88
    for rid, a, b in rows:
        ra = [(r.outgoing, r.other.ref.id) for r in people[a].relations if r.id == rid]
        rb = [(r.outgoing, r.other.ref.id) for r in people[b].relations if r.id == rid]
        assert (ra, rb) == ([(True, b)], [(False, a)]), rid


def test_sentence_facts_carry_their_labels_and_sources(
    people: dict[str, PersonDetail], sql: sqlite3.Connection
) -> None:
    d = people["mukhanova-ekaterina"]
    assert len(d.sentences) == 2
    for s in d.sentences:
        assert s.label == vocab.sentence_label(s.kind, s.years)
        assert _flat(s.facts) == _expected_facts(sql, "sentence", s.id)
    dates = {c.value for s in d.sentences if (f := s.facts.field("date")) for c in f.claims}
    assert {"1935-07-27", "1935-07-25"} <= dates  # the disputed verdict date, both sources


# -- event -----------------------------------------------------------------------------------


def test_every_event_detail_matches_plain_sql(
    events: dict[str, EventDetail], sql: sqlite3.Connection
) -> None:
    assert list(events) == _ids(sql, "event")
    for eid, d in events.items():
        pk, date, precision, title = sql.execute(
            "SELECT pk, date, date_precision, title FROM event WHERE id = ?", (eid,)
        ).fetchone()
        assert (d.date, d.precision, d.title) == (date, precision, title)
        assert d.date_label == vocab.format_date(date, precision)
        people = sql.execute(
            "SELECT p.id, ep.role, p.tribunal, p.sentence_kind, p.sentence_years "
            "FROM event_person ep JOIN person p ON p.pk = ep.person_pk "
            "WHERE ep.event_pk = ? ORDER BY p.sort_name COLLATE NOCASE, p.id",
            (pk,),
        ).fetchall()
        assert [(p.item.ref.id, p.role, p.date) for p in d.participants] == [
            (i, role, "" if tribunal == "none" else vocab.sentence_label(kind, years))
            for i, role, tribunal, kind, years in people
        ]
        if precision == "year":
            docs: list[str] = []
        else:
            docs = [
                r[0]
                for r in sql.execute(
                    "SELECT id FROM document WHERE substr(date, 1, length(?)) = ? ORDER BY pk",
                    (date, date),
                )
            ]
        assert [x.item.ref.id for x in d.documents] == docs[: queries.DETAIL_LIMIT]
        assert d.documents_total == len(docs)
        assert _flat(d.facts) == _expected_facts(sql, "event", eid)


def test_a_month_event_lists_the_documents_of_its_month(events: dict[str, EventDetail]) -> None:
    d = events["ev-1935-june-plenum"]
    assert d.precision == "month"
    assert d.documents_total > 0
    assert all(x.item.ref.id.startswith("doc-") for x in d.documents)
    assert all(x.date.endswith("June 1935") for x in d.documents)


def test_an_event_lists_a_document_exactly_when_the_document_lists_the_event(
    events: dict[str, EventDetail], documents: dict[str, DocumentDetail]
) -> None:
    from_events = {(eid, x.item.ref.id) for eid, e in events.items() for x in e.documents}
    from_documents = {(x.item.ref.id, did) for did, d in documents.items() for x in d.events}
    assert from_events
    assert from_events == from_documents


# -- document ----------------------------------------------------------------------------------


def test_every_document_detail_matches_plain_sql(
    documents: dict[str, DocumentDetail], sql: sqlite3.Connection
) -> None:
    assert list(documents) == _ids(sql, "document")
    for did, d in documents.items():
        pk, date, doc_type, title = sql.execute(
            "SELECT pk, date, doc_type, title FROM document WHERE id = ?", (did,)
        ).fetchone()
        assert (d.date, d.title, d.doc_type) == (date, title, doc_type.replace("_", " "))
        named = sql.execute(
            "SELECT dp.name_as_written, p.id FROM document_person dp LEFT JOIN person p "
            "ON p.pk = dp.person_pk WHERE dp.document_pk = ? ORDER BY dp.pk",
            (pk,),
        ).fetchall()
        assert [(n, None if p is None else p.ref.id) for n, p in d.named] == named
        assert _flat(d.facts) == _expected_facts(sql, "document", did)


def test_a_document_keeps_unlinked_names_beside_linked_people(
    documents: dict[str, DocumentDetail], people: dict[str, PersonDetail]
) -> None:
    d = documents["doc-1734"]
    linked = [p for _, p in d.named if p is not None]
    assert len(linked) == 1 and len(d.named) == 3
    person = people[linked[0].ref.id]
    assert linked[0].label == queries.person_label(person.name_en, person.name_ru)


# -- source ------------------------------------------------------------------------------------


Subject = tuple[str, str, str | None]


@pytest.fixture(scope="module")
def subjects(sql: sqlite3.Connection) -> dict[tuple[str, str], Subject]:
    """(claim kind, subject id) → (kind, id, label) of the item its citation links to.

    Sentences and relations link to their (first) person; the label is None for relations
    (their wording is checked by the relation-citation test below).
    """
    out: dict[tuple[str, str], Subject] = {}
    for pid, name_en, name_ru in sql.execute("SELECT id, name_en, name_ru FROM person"):
        out[("person", pid)] = ("person", pid, queries.person_label(name_en, name_ru))
    for kind in ("event", "document"):
        for ident, title in sql.execute(f"SELECT id, title FROM {kind}"):
            out[(kind, ident)] = (kind, ident, title)
    for sid, pid, name, kind, years in sql.execute(
        "SELECT s.id, p.id, p.name_en, s.kind, s.years FROM sentence s "
        "JOIN person p ON p.pk = s.person_pk"
    ):
        label = f"{name}: sentence ({vocab.sentence_label(kind, years)})"
        out[("sentence", sid)] = ("person", pid, label)
    for rid, pid in sql.execute(
        "SELECT r.id, p.id FROM relation r JOIN person p ON p.pk = r.person_pk"
    ):
        out[("relation", rid)] = ("person", pid, None)
    return out


@pytest.fixture(scope="module")
def sources(conn: Any, sql: sqlite3.Connection) -> dict[str, SourceDetail]:
    """The detail of every source (default citation limit), by id."""
    out = {}
    for sid in _ids(sql, "source"):
        d = queries.source_detail(conn, sid)
        assert d is not None
        out[sid] = d
    return out


def _cited(sql: sqlite3.Connection, pk: int) -> list[tuple[str, str, str, str | None]]:
    return sql.execute(
        "SELECT subject_kind, subject_id, field, value FROM claim WHERE source_pk = ? ORDER BY pk",
        (pk,),
    ).fetchall()


def test_every_source_detail_matches_plain_sql(
    sources: dict[str, SourceDetail],
    subjects: dict[tuple[str, str], Subject],
    sql: sqlite3.Connection,
) -> None:
    assert list(sources) == _ids(sql, "source")
    for sid, d in sources.items():
        pk, author, title, year = sql.execute(
            "SELECT pk, author, title, year FROM source WHERE id = ?", (sid,)
        ).fetchone()
        assert d.label == queries.source_label(author, title, year)
        cited = _cited(sql, pk)
        assert d.citations_total == len(cited)
        expected = [(subjects[(k, i)], f, v) for k, i, f, v in cited[: queries.DETAIL_LIMIT]]
        assert len(d.citations) == len(expected)
        for c, ((kind, ident, label), field, value) in zip(d.citations, expected, strict=True):
            assert (c.subject.ref, c.field, c.value) == (Ref(kind, ident), field, value)
            assert label is None or c.subject.label == label
        tallies = sql.execute("SELECT id FROM tally WHERE source_pk = ? ORDER BY pk", (pk,))
        assert [t.id for t in d.tallies] == [r[0] for r in tallies]


def test_a_source_with_more_citations_than_the_limit_lists_the_first_ones(conn: Any) -> None:
    d = queries.source_detail(conn, "showtrials-catalog")
    assert d is not None
    assert (len(d.citations), d.citations_total) == (queries.DETAIL_LIMIT, 352)


def test_relation_citations_use_the_relation_words_of_the_person_view(
    sources: dict[str, SourceDetail], sql: sqlite3.Connection
) -> None:
    relation_of = dict(sql.execute("SELECT id, relation FROM relation").fetchall())
    bad = []
    for sid, pk in sql.execute("SELECT id, pk FROM source ORDER BY pk").fetchall():
        for c, (kind, subject, _, _) in zip(sources[sid].citations, _cited(sql, pk), strict=False):
            if kind == "relation" and vocab.relation_words(relation_of[subject]) not in (
                c.subject.label
            ):
                bad.append(c.subject.label)
    assert bad == []


def test_a_relation_reads_as_a_sentence_naming_both_people(
    people: dict[str, PersonDetail],
) -> None:
    nina, lev = people["rozenfeld-nina"], people["kamenev-lev"]
    outgoing = next(r for r in nina.relations if r.relation == "former-sister-in-law")
    incoming = next(r for r in lev.relations if r.id == outgoing.id)
    assert isinstance(outgoing, RelationFact)
    assert outgoing.other.label == queries.person_label(lev.name_en, lev.name_ru)
    assert outgoing.sentence(nina.name_en) == (
        f"Nina Rosenfeld is former sister-in-law of {outgoing.other.label}"
    )
    assert incoming.sentence(lev.name_en) == (
        f"{incoming.other.label} is former sister-in-law of Lev Kamenev"
    )


# -- facts -----------------------------------------------------------------------------------


def test_facts_of_no_ids_is_empty_without_a_query(conn: Any) -> None:
    assert queries.facts(conn, "person", []) == {}


def test_facts_answer_every_id_asked_even_without_claims(conn: Any) -> None:
    got = queries.facts(conn, "person", ["cherniavsky-mikhail", "no-such-person"])
    assert list(got) == ["cherniavsky-mikhail", "no-such-person"]
    assert got["no-such-person"] == Facts()
    assert got["cherniavsky-mikhail"].sources


def test_facts_of_several_records_equal_each_record_asked_alone(conn: Any) -> None:
    ids = ["ev-1935-vk-verdict", "ev-1935-june-plenum", "ev-1935-yagoda-proposal"]
    together = queries.facts(conn, "event", ids)
    assert together == {i: queries.facts(conn, "event", [i])[i] for i in ids}


def test_facts_limited_to_fields_keep_only_those(conn: Any, sql: sqlite3.Connection) -> None:
    got = queries.facts(conn, "event", ["ev-1935-vk-verdict"], only=["record", "date"])
    facts = got["ev-1935-vk-verdict"]
    record, fields = _expected_facts(sql, "event", "ev-1935-vk-verdict")
    assert _flat(facts) == (record, {"date": fields["date"]})
    assert [f.field for f in facts.disputed] == ["date"]


def test_disputed_fields_are_those_with_two_values(conn: Any, sql: sqlite3.Connection) -> None:
    facts = queries.facts(conn, "event", ["ev-1935-yagoda-proposal"])["ev-1935-yagoda-proposal"]
    disputed = {
        r[0]
        for r in sql.execute(
            "SELECT field FROM claim WHERE subject_kind = 'event' AND subject_id = ? AND "
            "field != 'record' GROUP BY field HAVING count(DISTINCT coalesce(value, '')) > 1",
            ("ev-1935-yagoda-proposal",),
        )
    }
    assert {f.field for f in facts.disputed} == disputed
    assert "proposed_death_sentences" in disputed


# -- labels, references ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "column"),
    [("person", "name_en"), ("event", "title"), ("document", "title"), ("source", "title")],
)
def test_label_of_is_the_short_title_of_every_item(
    conn: Any, sql: sqlite3.Connection, kind: str, column: str
) -> None:
    for ident, label in sql.execute(f"SELECT id, {column} FROM {kind} ORDER BY pk"):
        assert queries.label_of(conn, Ref(kind, ident)) == label


@pytest.mark.parametrize(
    "ref",
    [Ref("person", "nobody"), Ref("sentence", "s-mukhanova-ekaterina-1935"), Ref("x", "y")],
)
def test_label_of_an_unknown_item_is_none(conn: Any, ref: Ref) -> None:
    assert queries.label_of(conn, ref) is None


def test_resolve_knows_every_item_of_the_four_kinds_and_nothing_else(
    conn: Any, sql: sqlite3.Connection
) -> None:
    for kind in ("person", "event", "document", "source"):
        ids = _ids(sql, kind)
        assert all(queries.resolve(conn, Ref(kind, i)) for i in ids)
    assert not queries.resolve(conn, Ref("person", "ev-1935-june-plenum"))
    assert not queries.resolve(conn, Ref("sentence", "s-mukhanova-ekaterina-1935"))
    assert not queries.resolve(conn, Ref("person", "CHERNIAVSKY-MIKHAIL"))  # ids are exact


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("cherniavsky-mikhail", [Ref("person", "cherniavsky-mikhail")]),
        ("doc-1734", [Ref("document", "doc-1734")]),
        ("koshel-kniga87", [Ref("source", "koshel-kniga87")]),
        ("event/ev-1935-june-plenum", [Ref("event", "ev-1935-june-plenum")]),
        ("archive://person/kamenev-lev", [Ref("person", "kamenev-lev")]),
        ("event/kamenev-lev", []),
        ("person/no-such", []),
        ("no-such", []),
        ("sentence/s-mukhanova-ekaterina-1935", []),
        ("", []),
    ],
)
def test_find_refs_accepts_bare_ids_kind_slash_id_and_links(
    conn: Any, text: str, found: list[Ref]
) -> None:
    assert queries.find_refs(conn, text) == found


# -- tallies and the chart summary ------------------------------------------------------------


def test_tallies_are_every_tally_in_file_order_with_its_source(
    conn: Any, sql: sqlite3.Connection
) -> None:
    rows = sql.execute(
        "SELECT t.id, t.tribunal, t.category, t.years, t.count, t.label, t.note, s.id "
        "FROM tally t JOIN source s ON s.pk = t.source_pk ORDER BY t.pk"
    ).fetchall()
    got = queries.tallies(conn)
    assert [
        (t.id, t.tribunal, t.category, t.years, t.count, t.label, t.note, t.source.ref.id)
        for t in got
    ] == rows
    assert len(got) == 60


def test_tallies_of_one_source_are_its_rows_only(conn: Any, sql: sqlite3.Connection) -> None:
    pk = sql.execute("SELECT pk FROM source WHERE id = 'koshel-kniga87'").fetchone()[0]
    got = queries.tallies(conn, source_pk=pk)
    assert len(got) == 17
    assert {t.source.ref.id for t in got} == {"koshel-kniga87"}


def test_outcome_counts_read_the_summary_in_chart_order(conn: Any, sql: sqlite3.Connection) -> None:
    rows = sql.execute(
        "SELECT tribunal, outcome, position, named, published, published_detail "
        "FROM outcome_summary ORDER BY tribunal, position"
    ).fetchall()
    got = queries.outcome_counts(conn)
    assert [(c.tribunal, c.outcome, c.position, c.named, c.published) for c in got] == [
        r[:5] for r in rows
    ]
    for c, r in zip(got, rows, strict=True):
        assert "|".join(f"{s}={n}" for s, n in c.published_by) == r[5]
        assert c.label == vocab.outcome_label(c.outcome)


# -- label helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("author", "title", "year", "label"),
    [
        ("Пётр Кошель", "Кремлёвское дело", 1997, "Пётр Кошель, Кремлёвское дело (1997)"),
        (None, "Showtrials catalogue", 2020, "Showtrials catalogue (2020)"),
        ("R. Conquest", "The Great Terror", None, "R. Conquest, The Great Terror"),
        (None, "Untitled", None, "Untitled"),
        ("", "Anonymous", 1935, "Anonymous (1935)"),
    ],
)
def test_source_label_is_author_title_year_leaving_out_what_is_unknown(
    author: str | None, title: str, year: int | None, label: str
) -> None:
    assert queries.source_label(author, title, year) == label


def test_person_label_puts_the_russian_name_in_brackets() -> None:
    assert (
        queries.person_label("Mikhail Cherniavsky", "Чернявский Михаил Кондратьевич")
        == "Mikhail Cherniavsky (Чернявский Михаил Кондратьевич)"
    )


def test_a_person_label_puts_the_readers_script_first() -> None:
    from db import i18n

    assert queries.person_label("Lev Kamenev", "Каменев Лев Борисович") == (
        "Lev Kamenev (Каменев Лев Борисович)"
    )
    assert queries.person_name("Lev Kamenev", "Каменев Лев Борисович") == "Lev Kamenev"
    i18n.set_language("ru")
    try:
        assert queries.person_label("Mikhail Cherniavsky", "Чернявский Михаил Кондратьевич") == (
            "Чернявский Михаил Кондратьевич (Mikhail Cherniavsky)"
        )
        assert queries.person_name("Lev Kamenev", "Каменев Лев Борисович") == (
            "Каменев Лев Борисович"
        )
        assert queries.person_name("Lev Kamenev", None) == "Lev Kamenev"
    finally:
        i18n.set_language("en")


def test_russian_details_date_and_label_in_russian(conn: Any) -> None:
    from db import i18n

    i18n.set_language("ru")
    try:
        d = queries.person_detail(conn, "cherniavsky-mikhail")
    finally:
        i18n.set_language("en")
    assert d is not None
    verdict = next(s for s in d.sentences if s.stage == "verdict")
    assert (verdict.date, verdict.label) == ("27 июля 1935 г.", "расстрел")
    assert d.relations[0].other.label.startswith("Черкасова Евдокия")


def test_a_relation_reads_in_the_forms_of_both_people_s_sexes(conn: Any) -> None:
    from db import i18n

    d = queries.person_detail(conn, "mukhanova-ekaterina")
    assert d is not None
    i18n.set_language("ru")
    try:
        sentences = {r.other.ref.id: r.sentence("Муханова") for r in d.relations}
        cited = queries._subject_labels(conn, "relation", [r.id for r in d.relations])
    finally:
        i18n.set_language("en")
    assert all(r.this_sex == "F" for r in d.relations)
    # she named Kamenev; a man interrogated her; a woman is her friend
    assert sentences["kamenev-lev"].startswith("Муханова: назвала в показаниях — ")
    assert sentences["agranov-yakov"].endswith(": допрашивал — Муханова")
    assert sentences["rozenfeld-nina"].endswith(": подруга — Муханова")
    assert not any("(а)" in s or "(-" in s for s in sentences.values())
    assert any("назвала в показаниях" in c.label for c in cited.values())  # a source's page
