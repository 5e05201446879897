"""Detail and aggregate queries: each takes a Connection and returns frozen DTOs.

Detail queries touch only the rows of one item (index lookups by text id or primary key),
so they cost the same on the bundled archive and on a 3-million-person one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, or_, select
from sqlalchemy.orm import aliased

from db import vocab
from db.dto import (
    Citation,
    ClaimDTO,
    DatedRef,
    Detail,
    DocumentDetail,
    EventDetail,
    Facts,
    FieldClaims,
    Labelled,
    NameForm,
    OutcomeCount,
    PersonDetail,
    Ref,
    RelationFact,
    SentenceFact,
    SourceDetail,
    TallyRow,
)
from db.i18n import _, language, pgettext
from db.schema import (
    Claim,
    Document,
    DocumentPerson,
    Event,
    EventPerson,
    OutcomeSummary,
    Person,
    PersonName,
    Relation,
    Sentence,
    Source,
    Tally,
)

#: At most this many linked rows are listed in one detail section (the rest are counted).
DETAIL_LIMIT = 200


def source_label(author: str | None, title: str, year: int | None) -> str:
    """``Author, Title (year)`` — the short citation used in lists and footnotes."""
    head = f"{author}, {title}" if author else title
    return f"{head} ({year})" if year else head


def person_label(name_en: str, name_ru: str) -> str:
    """``Mikhail Cherniavsky (Чернявский Михаил Кондратьевич)``; the reader's script first
    («Чернявский Михаил Кондратьевич (Mikhail Cherniavsky)» in Russian)."""
    # TRANSLATORS: a person's two stored names; put the name in your script first.
    return _("{name_en} ({name_ru})").format(name_en=name_en, name_ru=name_ru)


def person_name(name_en: str, name_ru: str | None) -> str:
    """One name of a person where a line has room for one: the reader's script."""
    # TRANSLATORS: the one name shown where a line has room for only one; {name_ru} is the
    # Cyrillic form, {name_en} the English one.
    return pgettext("one name", "{name_en}").format(name_en=name_en, name_ru=name_ru or name_en)


# Statements are built once: constructing a select() costs more than SQLite running it
# (a person page went from 3.9 ms to about 1.5 ms).
_FACTS = (
    select(
        Claim.subject_id,
        Claim.field,
        Claim.value,
        Claim.locator,
        Claim.note,
        Claim.confidence,
        Source.id,
        Source.author,
        Source.title,
        Source.year,
    )
    .join(Source, Source.pk == Claim.source_pk)
    .where(
        Claim.subject_kind == bindparam("kind"),
        Claim.subject_id.in_(bindparam("ids", expanding=True)),
    )
    .order_by(Claim.pk)
)
_SOME_FACTS = _FACTS.where(Claim.field.in_(bindparam("fields", expanding=True)))
_PERSON = select(Person).where(Person.id == bindparam("id"))
_NAMES = (
    select(PersonName.name, PersonName.script, PersonName.kind, PersonName.note)
    .where(PersonName.person_pk == bindparam("pk"))
    .order_by(PersonName.pk)
)
_SENTENCES = select(Sentence).where(Sentence.person_pk == bindparam("pk")).order_by(Sentence.pk)
_OTHER = aliased(Person)
_RELATIONS = (
    select(
        Relation.id,
        Relation.relation,
        Relation.note,
        Relation.person_pk,
        _OTHER.id.label("oid"),
        _OTHER.name_en,
        _OTHER.name_ru,
        _OTHER.sex.label("osex"),
    )
    .join(
        _OTHER,
        or_(
            and_(Relation.person_pk == bindparam("pk"), _OTHER.pk == Relation.related_pk),
            and_(Relation.related_pk == bindparam("pk"), _OTHER.pk == Relation.person_pk),
        ),
    )
    .where(or_(Relation.person_pk == bindparam("pk"), Relation.related_pk == bindparam("pk")))
    .order_by(Relation.pk)
)
_PERSON_EVENTS = (
    select(Event.id, Event.title, Event.date, Event.date_precision, EventPerson.role)
    .join(EventPerson, EventPerson.event_pk == Event.pk)
    .where(EventPerson.person_pk == bindparam("pk"))
    .order_by(Event.pk)
    .limit(DETAIL_LIMIT)
)
_PERSON_DOCUMENTS = (
    select(Document.id, Document.title, Document.date)
    .join(DocumentPerson, DocumentPerson.document_pk == Document.pk)
    .where(DocumentPerson.person_pk == bindparam("pk"))
    .group_by(Document.pk)
    .order_by(Document.pk)
    .limit(DETAIL_LIMIT)
)


def facts(
    conn: Connection, kind: str, ids: Iterable[str], only: Iterable[str] | None = None
) -> dict[str, Facts]:
    """The claims about records ``ids`` of ``kind``, in one query (record sources + fields).

    ``only`` limits them to those fields (``record`` is the record's own sources), e.g.
    for a timeline that cites each event by its sources and its date only.
    """
    ids = list(ids)
    if not ids:
        return {}
    rows = (
        conn.execute(_FACTS, {"kind": kind, "ids": ids})
        if only is None
        else conn.execute(_SOME_FACTS, {"kind": kind, "ids": ids, "fields": list(only)})
    )
    record: dict[str, list[ClaimDTO]] = defaultdict(list)
    fields: dict[str, dict[str, list[ClaimDTO]]] = defaultdict(dict)
    cited: dict[str, Labelled] = {}  # a few sources back most claims: label each once
    for subject, field, value, locator, note, confidence, sid, author, title, year in rows:
        source = cited.get(sid)
        if source is None:
            source = cited[sid] = Labelled(Ref("source", sid), source_label(author, title, year))
        claim = ClaimDTO(field, value, source, locator, note, confidence)
        if field == "record":
            record[subject].append(claim)
        else:
            fields[subject].setdefault(field, []).append(claim)
    return {
        i: Facts(
            tuple(record.get(i, ())),
            tuple(FieldClaims(f, tuple(cs)) for f, cs in fields.get(i, {}).items()),
        )
        for i in ids
    }


_facts = facts  # the name the detail queries use


def resolve(conn: Connection, ref: Ref) -> bool:
    """True when ``ref`` names an item of this archive."""
    tables: dict[str, Any] = {
        "person": Person,
        "event": Event,
        "document": Document,
        "source": Source,
    }
    table = tables.get(ref.kind)
    if table is None:
        return False
    return conn.execute(select(table.pk).where(table.id == ref.id)).first() is not None


def label_of(conn: Connection, ref: Ref) -> str | None:
    """Short display label of an item (for breadcrumbs, window titles, notebook lists): a
    person's name in the reader's script (:func:`person_name`)."""
    if ref.kind == "person":
        named = conn.execute(
            select(Person.name_en, Person.name_ru).where(Person.id == ref.id)
        ).first()
        return None if named is None else person_name(named[0], named[1])
    if ref.kind == "event":
        row = conn.execute(select(Event.title).where(Event.id == ref.id)).first()
    elif ref.kind == "document":
        row = conn.execute(select(Document.title).where(Document.id == ref.id)).first()
    elif ref.kind == "source":
        row = conn.execute(select(Source.title).where(Source.id == ref.id)).first()
    else:
        return None
    return None if row is None else str(row[0])


def person_detail(conn: Connection, person_id: str) -> PersonDetail | None:
    """Everything known about one person, each fact with its claims and sources."""
    p = conn.execute(_PERSON, {"id": person_id}).first()
    if p is None:
        return None
    pk = p.pk
    names = tuple(
        NameForm(r.name, r.script, r.kind, r.note) for r in conn.execute(_NAMES, {"pk": pk})
    )
    srows = list(conn.execute(_SENTENCES, {"pk": pk}))
    sfacts = _facts(conn, "sentence", (s.id for s in srows))
    sentences = tuple(
        SentenceFact(
            s.id,
            s.stage,
            s.tribunal,
            vocab.format_date(s.date, s.date_precision),
            s.kind,
            s.years,
            vocab.sentence_label(s.kind, s.years),
            s.notes,
            s.confidence,
            sfacts[s.id],
            s.date or None,
            s.date_precision if s.date else None,
        )
        for s in srows
    )
    rel_rows = list(conn.execute(_RELATIONS, {"pk": pk}))
    rfacts = _facts(conn, "relation", (r.id for r in rel_rows))
    relations = tuple(
        RelationFact(
            r.id,
            Labelled(Ref("person", r.oid), person_label(r.name_en, r.name_ru)),
            r.relation,
            r.person_pk == pk,
            r.note,
            rfacts[r.id],
            p.sex,
            r.osex,
        )
        for r in rel_rows
    )
    events = tuple(
        DatedRef(
            Labelled(Ref("event", r.id), r.title),
            vocab.format_date(r.date, r.date_precision),
            r.role,
            r.date,
            r.date_precision,
            p.sex,  # the part is this person's
        )
        for r in conn.execute(_PERSON_EVENTS, {"pk": pk})
    )
    documents = tuple(
        DatedRef(
            Labelled(Ref("document", r.id), r.title),
            vocab.format_date(r.date, "day"),
            iso=r.date or None,
            precision="day",
        )
        for r in conn.execute(_PERSON_DOCUMENTS, {"pk": pk})
    )
    return PersonDetail(
        id=p.id,
        name_en=p.name_en,
        name_ru=p.name_ru,
        names=names,
        sex=p.sex,
        birth_year=p.birth_year,
        death_year=p.death_year,
        nationality=p.nationality,
        occupation=p.occupation,
        organisation=p.organisation,
        role=p.role,
        confidence=p.confidence,
        summary=p.summary,
        later_fate=p.later_fate,
        sentences=sentences,
        relations=relations,
        events=events,
        documents=documents,
        facts=_facts(conn, "person", [p.id])[p.id],
    )


def event_detail(conn: Connection, event_id: str) -> EventDetail | None:
    """An event with its participants, documents of its date and sources."""
    e = conn.execute(select(Event).where(Event.id == event_id)).first()
    if e is None:
        return None
    participants = tuple(
        DatedRef(
            Labelled(Ref("person", r.id), person_label(r.name_en, r.name_ru)),
            vocab.sentence_label(r.sentence_kind, r.sentence_years) if r.tribunal != "none" else "",
            r.role,
            sex=r.sex,
        )
        for r in conn.execute(
            select(
                Person.id,
                Person.name_en,
                Person.name_ru,
                Person.tribunal,
                Person.sentence_kind,
                Person.sentence_years,
                EventPerson.role,
                Person.sex,
            )
            .join(EventPerson, EventPerson.person_pk == Person.pk)
            .where(EventPerson.event_pk == e.pk)
            # In the reader's alphabet: Cyrillic names in Russian (the pages list them so).
            .order_by(Person.rank_name_ru if language() == "ru" else Person.rank_name)
        )
    )
    # Documents "of that date": same day for day-precision events, same month for months.
    prefix = e.date if e.date_precision != "year" else None
    docs: tuple[DatedRef, ...] = ()
    total = 0
    if prefix:
        cond = (
            Document.date == prefix
            if e.date_precision == "day"
            else Document.date.between(f"{prefix}-01", f"{prefix}-31")
        )
        total = int(conn.execute(select(func.count()).where(cond)).scalar() or 0)
        docs = tuple(
            DatedRef(
                Labelled(Ref("document", r.id), r.title),
                vocab.format_date(r.date, "day"),
                iso=r.date or None,
                precision="day",
            )
            for r in conn.execute(
                select(Document.id, Document.title, Document.date)
                .where(cond)
                .order_by(Document.pk)
                .limit(DETAIL_LIMIT)
            )
        )
    return EventDetail(
        e.id,
        e.date,
        vocab.format_date(e.date, e.date_precision),
        e.date_precision,
        e.title,
        e.summary,
        participants,
        docs,
        total,
        _facts(conn, "event", [e.id])[e.id],
    )


def document_detail(conn: Connection, document_id: str) -> DocumentDetail | None:
    """A document with the people named in its title and the events of its date."""
    d = conn.execute(select(Document).where(Document.id == document_id)).first()
    if d is None:
        return None
    named = tuple(
        (
            r.name_as_written,
            Labelled(Ref("person", r.id), person_label(r.name_en, r.name_ru)) if r.id else None,
        )
        for r in conn.execute(
            select(DocumentPerson.name_as_written, Person.id, Person.name_en, Person.name_ru)
            .outerjoin(Person, Person.pk == DocumentPerson.person_pk)
            .where(DocumentPerson.document_pk == d.pk)
            .order_by(DocumentPerson.pk)
        )
    )
    events = tuple(
        DatedRef(
            Labelled(Ref("event", r.id), r.title),
            vocab.format_date(r.date, r.date_precision),
            iso=r.date or None,
            precision=r.date_precision,
        )
        for r in conn.execute(
            select(Event.id, Event.title, Event.date, Event.date_precision)
            .where(
                or_(
                    Event.date == d.date,
                    and_(Event.date_precision == "month", Event.date == d.date[:7]),
                )
            )
            .order_by(Event.pk)
        )
    )
    return DocumentDetail(
        d.id,
        d.date,
        vocab.format_date(d.date, "day"),
        d.doc_type.replace("_", " "),
        d.title,
        d.collection,
        d.category,
        d.url,
        named,
        events,
        _facts(conn, "document", [d.id])[d.id],
    )


def _subject_labels(conn: Connection, kind: str, ids: list[str]) -> dict[str, Labelled]:
    if kind == "person":
        rows = conn.execute(
            select(Person.id, Person.name_en, Person.name_ru).where(Person.id.in_(ids))
        )
        return {
            r.id: Labelled(Ref("person", r.id), person_label(r.name_en, r.name_ru)) for r in rows
        }
    if kind == "event":
        return {
            r.id: Labelled(Ref("event", r.id), r.title)
            for r in conn.execute(select(Event.id, Event.title).where(Event.id.in_(ids)))
        }
    if kind == "document":
        return {
            r.id: Labelled(Ref("document", r.id), r.title)
            for r in conn.execute(select(Document.id, Document.title).where(Document.id.in_(ids)))
        }
    if kind == "sentence":
        rows = conn.execute(
            select(
                Sentence.id,
                Sentence.kind,
                Sentence.years,
                Person.id.label("pid"),
                Person.name_en,
                Person.name_ru,
            )
            .join(Person, Person.pk == Sentence.person_pk)
            .where(Sentence.id.in_(ids))
        )
        return {
            r.id: Labelled(
                Ref("person", r.pid),
                _("{name}: sentence ({sentence})").format(
                    name=person_name(r.name_en, r.name_ru),
                    sentence=vocab.sentence_label(r.kind, r.years),
                ),
            )
            for r in rows
        }
    if kind == "relation":
        a, b = aliased(Person), aliased(Person)
        rows = conn.execute(
            select(
                Relation.id,
                Relation.relation,
                a.id.label("aid"),
                a.name_en.label("an"),
                a.name_ru.label("an_ru"),
                b.name_en.label("bn"),
                b.name_ru.label("bn_ru"),
                a.sex.label("asex"),
                b.sex.label("bsex"),
            )
            .join(a, a.pk == Relation.person_pk)
            .join(b, b.pk == Relation.related_pk)
            .where(Relation.id.in_(ids))
        )
        return {
            r.id: Labelled(
                Ref("person", r.aid),
                vocab.relation_label(
                    person_name(r.an, r.an_ru),
                    r.relation,
                    person_name(r.bn, r.bn_ru),
                    r.asex,
                    r.bsex,
                ),
            )
            for r in rows
        }
    return {}


def source_detail(
    conn: Connection, source_id: str, limit: int = DETAIL_LIMIT
) -> SourceDetail | None:
    """A source with the facts (records, fields and tallies) that cite it (``limit`` listed)."""
    s = conn.execute(select(Source).where(Source.id == source_id)).first()
    if s is None:
        return None
    total = int(conn.execute(select(func.count()).where(Claim.source_pk == s.pk)).scalar() or 0)
    rows = list(
        conn.execute(
            select(Claim.subject_kind, Claim.subject_id, Claim.field, Claim.value)
            .where(Claim.source_pk == s.pk)
            .order_by(Claim.pk)
            .limit(limit)
        )
    )
    by_kind: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        by_kind[r.subject_kind].append(r.subject_id)
    labels = {
        (k, i): lab
        for k, ids in by_kind.items()
        for i, lab in _subject_labels(conn, k, ids).items()
    }
    citations = tuple(
        Citation(labels[(r.subject_kind, r.subject_id)], r.field, r.value)
        for r in rows
        if (r.subject_kind, r.subject_id) in labels
    )
    label = source_label(s.author, s.title, s.year)
    return SourceDetail(
        s.id,
        s.author,
        s.title,
        s.year,
        s.kind,
        s.language,
        s.url,
        s.note,
        label,
        citations,
        total,
        tuple(tallies(conn, source_pk=s.pk)),
    )


def detail(conn: Connection, ref: Ref, citations: int = DETAIL_LIMIT) -> Detail | None:
    """The detail DTO of any item (None: no such item).

    The one kind → query dispatch: the detail view, ``kremlin-archive show`` and the dossiers
    all ask here.  ``citations`` caps the facts a source's detail lists.
    """
    if ref.kind == "person":
        return person_detail(conn, ref.id)
    if ref.kind == "event":
        return event_detail(conn, ref.id)
    if ref.kind == "document":
        return document_detail(conn, ref.id)
    if ref.kind == "source":
        return source_detail(conn, ref.id, citations)
    return None


def tallies(conn: Connection, source_pk: int | None = None) -> list[TallyRow]:
    """Published tallies (all, or those of one source), in source-file order."""
    stmt = (
        select(
            Tally.id,
            Tally.tribunal,
            Tally.category,
            Tally.years,
            Tally.count.label("n"),
            Tally.label,
            Tally.note,
            Source.id.label("sid"),
            Source.author,
            Source.title.label("stitle"),
            Source.year,
        )
        .join(Source, Source.pk == Tally.source_pk)
        .order_by(Tally.pk)
    )
    if source_pk is not None:
        stmt = stmt.where(Tally.source_pk == source_pk)
    return [
        TallyRow(
            r.id,
            r.tribunal,
            r.category,
            r.years,
            r.n,
            r.label,
            Labelled(Ref("source", r.sid), source_label(r.author, r.stitle, r.year)),
            r.note,
        )
        for r in conn.execute(stmt)
    ]


def outcome_counts(conn: Connection) -> list[OutcomeCount]:
    """The chart's numbers, read from the summary the builder precomputed."""
    out = []
    for r in conn.execute(
        select(OutcomeSummary).order_by(OutcomeSummary.tribunal, OutcomeSummary.position)
    ):
        detail = tuple(
            (s, int(n))
            for s, _, n in (part.partition("=") for part in r.published_detail.split("|") if part)
        )
        out.append(
            OutcomeCount(
                r.tribunal,
                r.outcome,
                vocab.outcome_label(r.outcome),
                r.position,
                r.named,
                r.published,
                detail,
            )
        )
    return out


def find_refs(conn: Connection, text: str) -> list[Ref]:
    """Items whose id is ``text`` (also accepts ``kind/id`` and ``archive://kind/id``)."""
    parsed = Ref.from_uri(text if text.startswith("archive://") else f"archive://{text}")
    if parsed is not None and "/" in text:
        return [parsed] if resolve(conn, parsed) else []
    return [
        ref
        for kind in ("person", "event", "document", "source")
        if resolve(conn, ref := Ref(kind, text))
    ]
