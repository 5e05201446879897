"""Reading the timeline: the lanes by kind for a range, and one lane per person.

The lanes by kind count their marks in a range from the build-time summary
(:mod:`db.timeline.summary`); a lane holding more than :data:`MARK_BUDGET` marks there is
shown as density, and single marks are read (:mod:`db.timeline.marks`) only for the others,
each with a LIMIT — so no read ever loads a whole table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, select

from db import vocab
from db.dto import Facts, PersonDetail, Ref
from db.i18n import N_, pgettext
from db.queries import DETAIL_LIMIT, facts, person_name
from db.schema import (
    Document,
    DocumentPerson,
    Event,
    EventPerson,
    Person,
    Sentence,
)
from db.timeline import dates
from db.timeline.dates import FIELD_OF, KINDS
from db.timeline.marks import (
    DOCUMENT_ROWS,
    EVENT_ROWS,
    MARK_BUDGET,
    PERSON_ROWS,
    SENTENCE_ROWS,
    dated_facts,
    marks_in,
    person_marks,
    record_marks,
    sentence_label,
    sort_marks,
    touching,
)
from db.timeline.model import Lane, Mark, TimelineSlice
from db.timeline.summary import aggregate, summary_rows, undated

#: Person lanes shown at most (a search result may name thousands of people).
PERSON_LANES = 40
#: Marks read for one person at most.
PERSON_LIMIT = 1000

#: The lane of each kind, in the reader's language.
KIND_LANES = vocab.Labels(
    {
        "event": N_("Events"),
        "document": N_("Documents"),
        "sentence": N_("Sentences"),
        "arrest": N_("Arrests"),
        "death": N_("Deaths"),
    }
)


def kind_name(kind: str) -> str:
    """One mark of ``kind`` in the reader's language (the list's "kind" column)."""
    names = {
        "event": pgettext("timeline mark", "event"),
        "document": pgettext("timeline mark", "document"),
        "sentence": pgettext("timeline mark", "sentence"),
        "arrest": pgettext("timeline mark", "arrest"),
        "death": pgettext("timeline mark", "death"),
    }
    return names.get(kind, kind)


def person_lane(person_id: str) -> str:
    """Lane key of a person: ``person:<id>``."""
    return f"person:{person_id}"


def kind_slice(
    conn: Connection,
    lo: str,
    hi: str,
    level: str = "month",
    lanes: Sequence[str] = KINDS,
    budget: int = MARK_BUDGET,
) -> TimelineSlice:
    """The lanes by kind between ``lo`` and ``hi``: marks where a lane holds at most
    ``budget`` of them there, density buckets at ``level`` for the others.

    A lane whose many marks are months or years covering ``lo`` (a big archive's events
    known to the year only) shows those as density spans and the marks starting in the
    range singly, when these are few enough.
    """
    lanes = [lane for lane in lanes if lane in KINDS]
    covering, starting = summary_rows(conn, lanes, lo, hi)
    cover_n = {lane: sum(b.n for b in covering if b.lane == lane) for lane in lanes}
    start_n = {lane: sum(b.n for b in starting if b.lane == lane) for lane in lanes}
    counted = {lane: cover_n[lane] + start_n[lane] for lane in lanes}
    dense = tuple(lane for lane in lanes if start_n[lane] > budget)
    spans = tuple(lane for lane in lanes if lane not in dense and counted[lane] > budget)
    sparse = [lane for lane in lanes if lane not in dense]
    marks, cut = marks_in(conn, lo, hi, sparse, budget, spans) if sparse else ((), ())
    rows = [b for b in (*covering, *starting) if b.lane in dense]
    rows += [b for b in covering if b.lane in spans]
    return TimelineSlice(
        lanes=tuple(Lane(lane, KIND_LANES[lane]) for lane in lanes),
        marks=marks,
        buckets=aggregate(rows, level, lanes),
        lo=lo,
        hi=hi,
        undated=undated(conn) if "sentence" in lanes else 0,
        totals=tuple(counted.items()),
        dense=dense,
        truncated=cut,
        mode="kind",
        level=level,
    )


# -- person lanes ---------------------------------------------------------------------------


def known_people(conn: Connection, person_ids: Sequence[str]) -> list[str]:
    """Those of ``person_ids`` the archive holds, in the order given."""
    found = set(conn.execute(select(Person.id).where(Person.id.in_(list(person_ids)))).scalars())
    return [p for p in dict.fromkeys(person_ids) if p in found]


# One person's statements, built once (a dossier's timeline asks them on every print).
_PEOPLE_ROWS = PERSON_ROWS.add_columns(Person.pk).where(
    Person.id.in_(bindparam("ids", expanding=True))
)
_PERSON_EVENTS = (
    EVENT_ROWS.join(EventPerson, EventPerson.event_pk == Event.pk)
    .where(EventPerson.person_pk == bindparam("pk"))
    .order_by(Event.date)
    .limit(bindparam("limit"))
)
_PERSON_DOCUMENTS = (
    DOCUMENT_ROWS.where(
        Document.pk.in_(
            select(DocumentPerson.document_pk).where(DocumentPerson.person_pk == bindparam("pk"))
        )
    )
    .order_by(Document.date)
    .limit(bindparam("limit"))
)
_PERSON_SENTENCES = (
    SENTENCE_ROWS.where(Sentence.person_pk == bindparam("pk"))
    .order_by(Sentence.pk)
    .limit(bindparam("limit"))
)


def person_slice(
    conn: Connection,
    person_ids: Sequence[str],
    lo: str | None = None,
    hi: str | None = None,
    limit: int = PERSON_LIMIT,
) -> TimelineSlice:
    """One lane per person (at most :data:`PERSON_LANES`): their events, the documents naming
    them, their sentences, arrest and death; each person at most ``limit`` marks; unknown ids
    are left out; ``lo``/``hi`` (ISO days) keep the marks that touch that range."""
    ids = list(dict.fromkeys(person_ids))
    shown = ids[:PERSON_LANES]
    rows = {r.id: r for r in conn.execute(_PEOPLE_ROWS, {"ids": shown})}
    shown = [p for p in shown if p in rows]
    marks: list[Mark] = []
    no_date = 0
    for p in shown:
        found, missing = _one_person(conn, rows[p], limit)
        marks += found
        no_date += missing
    return _person_lanes(
        [(p, rows[p].name_en, rows[p].name_ru) for p in shown], marks, no_date, lo, hi, len(ids)
    )


def person_slice_of(
    detail: PersonDetail,
    event_facts: Mapping[str, Facts],
    document_facts: Mapping[str, Facts],
) -> TimelineSlice | None:
    """What ``person_slice(conn, [detail.id])`` reads, made from the person's detail and the
    ``record`` and ``date`` claims of their events and documents, which a dossier reads anyway:
    nothing is read twice.  None when the detail may have left records out (a list as long as
    :data:`db.queries.DETAIL_LIMIT`): read the slice then."""
    if DETAIL_LIMIT in (len(detail.events), len(detail.documents)):
        return None
    lane = person_lane(detail.id)
    wanted = ("record", FIELD_OF["sentence"])
    sentence_facts = {s.id: _only(s.facts, wanted) for s in detail.sentences[:PERSON_LIMIT]}
    person_facts = {detail.id: _only(detail.facts, ("record", *_PERSON_FIELDS))}
    marks, no_date = _marks_of(
        _PersonRow(detail.id, detail.name_en, detail.name_ru, detail.death_year),
        lane,
        [(e.item.ref.id, e.iso, e.item.label) for e in detail.events],
        [(d.item.ref.id, d.iso, d.item.label) for d in detail.documents],
        [(s.id, s.iso, s.kind, s.years, s.stage) for s in detail.sentences[:PERSON_LIMIT]],
        {"event": event_facts, "document": document_facts, "sentence": sentence_facts},
        person_facts,
    )
    return _person_lanes(
        [(detail.id, detail.name_en, detail.name_ru)], marks, no_date, None, None, 1
    )


def _only(fact: Facts, fields: Sequence[str]) -> Facts:
    # As facts(..., only=fields) reads them: the record's sources if asked, those fields.
    return Facts(
        fact.sources if "record" in fields else (),
        tuple(f for f in fact.fields if f.field in fields),
    )


def _person_lanes(
    people: Sequence[tuple[str, str, str | None]],
    marks: list[Mark],
    no_date: int,
    lo: str | None,
    hi: str | None,
    asked: int,
) -> TimelineSlice:
    lanes = tuple(
        Lane(person_lane(p), person_name(name_en, name_ru), Ref("person", p))
        for p, name_en, name_ru in people
    )
    if lo is not None or hi is not None:
        marks = touching(marks, lo or dates.iso_day(0), hi or dates.iso_day(10**7))
    return TimelineSlice(
        lanes=lanes,
        marks=sort_marks(marks, [lane.key for lane in lanes]),
        lo=lo,
        hi=hi,
        undated=no_date,
        totals=tuple((lane.key, sum(1 for m in marks if m.lane == lane.key)) for lane in lanes),
        mode="person",
        level="day",
        hidden_people=max(0, asked - PERSON_LANES),
    )


def _one_person(conn: Connection, person: Any, limit: int) -> tuple[list[Mark], int]:
    """Every mark of one person (a row of ``_PEOPLE_ROWS``; at most ``limit`` per kind) and
    their undated sentences."""
    given = {"pk": person.pk, "limit": limit}
    events = conn.execute(_PERSON_EVENTS, given).all()
    documents = conn.execute(_PERSON_DOCUMENTS, given).all()
    sentences = conn.execute(_PERSON_SENTENCES, given).all()
    linked = {
        kind: dated_facts(conn, kind, [r.id for r in rows])
        for kind, rows in (("event", events), ("document", documents), ("sentence", sentences))
    }
    # Arrest and death in one read: each kind's marks take their own field's claims only.
    both = facts(conn, "person", [person.id], only=("record", *_PERSON_FIELDS))
    return _marks_of(
        person,
        person_lane(person.id),
        [(r.id, r.date, r.title) for r in events],
        [(r.id, r.date, r.title) for r in documents],
        [(r.id, r.date, r.kind, r.years, r.stage) for r in sentences],
        linked,
        both,
    )


#: The person's own dated fields: arrest and death.
_PERSON_FIELDS = (FIELD_OF["arrest"], FIELD_OF["death"])


class _PersonRow(NamedTuple):
    id: str
    name_en: str
    name_ru: str | None
    death_year: int | None


def _marks_of(
    person: Any,
    lane: str,
    events: Sequence[tuple[str, str | None, str]],
    documents: Sequence[tuple[str, str | None, str]],
    sentences: Sequence[tuple[str, str | None, str, int | None, str]],
    linked: Mapping[str, Mapping[str, Facts]],
    person_facts: Mapping[str, Facts],
) -> tuple[list[Mark], int]:
    """The marks of one person (``person``: id, names, death year) from their records: events
    and documents (id, date, title), sentences (id, date, kind, years, stage), the ``record``
    and date claims of each (``linked`` by kind) and of the person; and how many of the
    sentences no date places."""
    marks: list[Mark] = []
    for kind, rows in (("event", events), ("document", documents)):
        fact = linked[kind]
        for rid, day, title in rows:
            marks += record_marks(lane, kind, Ref(kind, rid), rid, day, title, fact.get(rid))
    fact = linked["sentence"]
    no_date = 0
    for rid, day, kind, years, stage in sentences:
        # The lane is the person's own and names them: the mark need not ("10 years prison").
        label = sentence_label(None, kind, years, stage)
        found = record_marks(
            lane, "sentence", Ref("person", person.id), rid, day, label, fact.get(rid)
        )
        no_date += not found
        marks += found
    for kind in ("arrest", "death"):
        marks += person_marks(kind, lambda _pid: lane, [person], person_facts, own_lane=True)
    return marks, no_date
