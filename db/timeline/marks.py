"""Single marks of the timeline: a record's marks (one per claimed date where they disagree)
and the bounded reads of a date range, lane by lane.

A range query over ISO texts (``date BETWEEN lo AND hi``) finds every date that starts inside
the range; the months and years that start before ``lo`` and still cover it are ``lo``'s own
month and year, looked up exactly (:func:`db.timeline.dates.containing`).  Each lane reads at
most its LIMIT of records through a date index (``ix_event_date``, ``ix_document_date``,
``ix_sentence_date``, ``ix_person_death_year``, the partial ``ix_claim_date``).

Disputed dates: where the claims about one record's date (an event's, a document's or a
sentence's ``date``, a person's ``arrest_date`` or ``death_date``) disagree, the record becomes
one mark per claimed date, sharing a ``dispute`` key, each carrying the claims (and so the
sources' labels) that give it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select, text

from db import vocab
from db.dto import ClaimDTO, Facts, Ref
from db.i18n import _, pgettext
from db.queries import facts, person_name
from db.schema import (
    DATED_CLAIMS,
    Claim,
    Document,
    Event,
    Person,
    Sentence,
)
from db.timeline import dates
from db.timeline.dates import FIELD_OF, KINDS, containing, disputed, parse, primary
from db.timeline.model import Mark

#: A lane holding more marks than this in a range is drawn as density, not marks.
MARK_BUDGET = 2000


# -- labels -------------------------------------------------------------------------------


def sentence_label(name: str | None, kind: str, years: int | None, stage: str) -> str:
    """A sentence's mark: whose it is (``name``; None in the person's own lane), the sentence
    and its stage."""
    sentence = (
        vocab.outcome_description("unknown")
        if kind == "unknown" and years is None
        else vocab.sentence_label(kind, years)
    )
    stage_label = vocab.STAGES.get(stage, stage)
    if name is None:
        return f"{sentence} ({stage_label})"
    # TRANSLATORS: a sentence on the timeline: "Ekaterina Mukhanova: 5 years prison (1935
    # verdict)".
    return _("{name}: {sentence} ({stage})").format(name=name, sentence=sentence, stage=stage_label)


def _person_label(kind: str, name: str | None) -> str:
    """An arrest's or a death's mark: whose it is (``name``; None in the person's own lane)."""
    if name is None:
        return (
            pgettext("timeline mark", "Arrest")
            if kind == "arrest"
            else pgettext("timeline mark", "Death")
        )
    if kind == "arrest":
        return _("Arrest of {name}").format(name=name)
    return _("Death of {name}").format(name=name)


# -- marks of one record -----------------------------------------------------------------------


def _by_value(claims: Iterable[ClaimDTO]) -> dict[str, list[ClaimDTO]]:
    """Valid date claims grouped by the date they give (first-seen order)."""
    out: dict[str, list[ClaimDTO]] = {}
    for c in claims:
        if c.value is not None and parse(c.value) is not None:
            out.setdefault(c.value, []).append(c)
    return out


def record_marks(
    lane: str,
    kind: str,
    ref: Ref,
    subject: str,
    day: str | None,
    label: str,
    fact: Facts | None,
) -> list[Mark]:
    """The marks of one record dated ``day`` (None: only its claims date it).

    Undisputed: one mark at the record's date (or, with no date of its own, the date most
    claims give), carrying every date claim.  Disputed: one mark per claimed date.
    """
    field = FIELD_OF[kind]
    found = fact.field(field) if fact is not None else None
    claims = found.claims if found is not None else ()
    sources = tuple(c.source for c in fact.sources) if fact is not None else ()
    groups = _by_value(claims)
    if day is not None and parse(day) is None:
        day = None
    if not disputed(groups):
        at = day if day is not None else primary([c.value or "" for c in claims])
        if at is None:
            return []
        return [Mark(lane, kind, ref, subject, at, _precision(at), label, tuple(claims), sources)]
    if day is not None and not any(dates.compatible(day, v) for v in groups):
        groups[day] = []  # the record's own date, which no claim gives
    key = f"{lane}|{kind}/{subject}"
    return [
        Mark(lane, kind, ref, subject, v, _precision(v), label, tuple(cs), sources, key)
        for v, cs in groups.items()
    ]


def _precision(day: str) -> str:
    period = parse(day)
    assert period is not None
    return period[2]


# -- ranges -------------------------------------------------------------------------------


def starting_in(column: Any, lo: str, hi: str) -> Any:
    """Dates starting in [lo, hi] (ISO texts sort by date)."""
    return column.between(lo, hi)


def covering(column: Any, lo: str) -> Any:
    """The month and year that start before ``lo`` and cover it."""
    return column.in_(containing(lo))


def _rows(
    conn: Connection, stmt: Any, column: Any, lo: str, hi: str, limit: int, cover: bool
) -> list[Any]:
    """Rows whose date starts in the range (and, with ``cover``, the month or year covering
    its start): at most ``limit`` + 1."""
    rows = list(conn.execute(stmt.where(covering(column, lo)).limit(limit + 1))) if cover else []
    rest = limit + 1 - len(rows)
    if rest > 0:
        rows += conn.execute(
            stmt.where(starting_in(column, lo, hi)).order_by(column).limit(rest)
        ).all()
    return rows


def _claimed(conn: Connection, kind: str, lo: str, hi: str, limit: int) -> list[str]:
    """Ids of the records of ``kind`` with a date claim inside the range (the partial index)."""
    subject_kind = "person" if kind in ("arrest", "death") else kind
    base = (
        select(Claim.subject_id)
        .where(text(DATED_CLAIMS))
        .where(Claim.field == FIELD_OF[kind], Claim.subject_kind == subject_kind)
    )
    found: dict[str, None] = {}
    for cond in (covering(Claim.value, lo), starting_in(Claim.value, lo, hi)):
        for (sid,) in conn.execute(base.where(cond).limit(limit + 1)):
            found.setdefault(str(sid), None)
    return list(found)


def dated_facts(conn: Connection, kind: str, ids: Sequence[str]) -> dict[str, Facts]:
    subject_kind = "person" if kind in ("arrest", "death") else kind
    out: dict[str, Facts] = {}
    for i in range(0, len(ids), 5000):  # well under SQLite's bound-parameter limit
        out.update(facts(conn, subject_kind, ids[i : i + 5000], only=("record", FIELD_OF[kind])))
    return out


EVENT_ROWS = select(Event.id, Event.date, Event.title)
DOCUMENT_ROWS = select(Document.id, Document.date, Document.title)
SENTENCE_ROWS = select(
    Sentence.id,
    Sentence.date,
    Sentence.kind,
    Sentence.years,
    Sentence.stage,
    Person.id.label("pid"),
    Person.name_en,
    Person.name_ru,
).join(Person, Person.pk == Sentence.person_pk)
PERSON_ROWS = select(Person.id, Person.name_en, Person.name_ru, Person.death_year)


def _record_lane(
    conn: Connection, kind: str, lane: str, lo: str, hi: str, limit: int, cover: bool
) -> tuple[list[Mark], bool]:
    """Marks of events, documents or sentences in the range; True when the LIMIT cut them."""
    stmt, column, ident = {
        "event": (EVENT_ROWS, Event.date, Event.id),
        "document": (DOCUMENT_ROWS, Document.date, Document.id),
        "sentence": (SENTENCE_ROWS, Sentence.date, Sentence.id),
    }[kind]
    rows = _rows(conn, stmt, column, lo, hi, limit, cover)
    cut = len(rows) > limit
    rows = rows[:limit]
    seen = {r.id for r in rows}
    extra = [i for i in _claimed(conn, kind, lo, hi, limit) if i not in seen]
    if extra:
        rows += conn.execute(stmt.where(ident.in_(extra[:limit]))).all()
    fact = dated_facts(conn, kind, [r.id for r in rows])
    marks: list[Mark] = []
    for r in rows:
        if kind == "sentence":
            ref = Ref("person", r.pid)
            label = sentence_label(person_name(r.name_en, r.name_ru), r.kind, r.years, r.stage)
        else:
            ref, label = Ref(kind, r.id), r.title
        marks += record_marks(lane, kind, ref, r.id, r.date, label, fact.get(r.id))
    return marks, cut


def person_marks(
    kind: str,
    lane_of: Any,
    rows: Sequence[Any],
    fact: Mapping[str, Facts],
    *,
    own_lane: bool = False,
) -> list[Mark]:
    """Arrest or death marks of people ``rows`` (a death year stands where no claim dates it);
    ``own_lane``: each in a lane of their own, which names them already."""
    marks: list[Mark] = []
    for r in rows:
        name = None if own_lane else person_name(r.name_en, r.name_ru)
        year = str(r.death_year) if kind == "death" and r.death_year is not None else None
        found = record_marks(
            lane_of(r.id),
            kind,
            Ref("person", r.id),
            r.id,
            None,
            _person_label(kind, name),
            fact.get(r.id),
        )
        if not found and year is not None:
            found = record_marks(
                lane_of(r.id),
                kind,
                Ref("person", r.id),
                r.id,
                year,
                _person_label(kind, name),
                fact.get(r.id),
            )
        marks += found
    return marks


def _people_lane(
    conn: Connection, kind: str, lane: str, lo: str, hi: str, limit: int, cover: bool
) -> tuple[list[Mark], bool]:
    """Arrests or deaths in the range; True when the LIMIT cut them."""
    ids = dict.fromkeys(_claimed(conn, kind, lo, hi, limit))
    if kind == "death":
        first = int(lo[:4]) + (not cover)  # the year of ``lo`` covers it: read with ``cover``
        years = select(Person.id).where(Person.death_year.between(first, int(hi[:4])))
        for (pid,) in conn.execute(years.order_by(Person.death_year).limit(limit + 1)):
            ids.setdefault(str(pid), None)
    cut = len(ids) > limit
    chosen = list(ids)[:limit]
    rows = conn.execute(PERSON_ROWS.where(Person.id.in_(chosen))).all() if chosen else []
    fact = dated_facts(conn, kind, [r.id for r in rows])
    return person_marks(kind, lambda _pid: lane, rows, fact), cut


def touching(marks: Iterable[Mark], lo: str, hi: str) -> list[Mark]:
    """The marks of the records (or disputes) of which some mark touches [lo, hi].

    A death year in range whose claims date the death elsewhere leaves; both dates of a
    dispute stay when one of them is in range.
    """
    marks = list(marks)
    first, last = _ordinal(lo, 0), _ordinal(hi, 1)
    keep = {m.dispute or m.key for m in marks if m.last >= first and m.first <= last}
    return [m for m in marks if (m.dispute or m.key) in keep]


def _ordinal(day: str, end: int) -> int:
    period = parse(day)
    assert period is not None, day
    return period[1] if end else period[0]


def sort_marks(marks: Iterable[Mark], lanes: Sequence[str]) -> tuple[Mark, ...]:
    order = {lane: i for i, lane in enumerate(lanes)}
    return tuple(sorted(marks, key=lambda m: (m.first, order.get(m.lane, 99), m.label, m.key)))


def marks_in(
    conn: Connection,
    lo: str,
    hi: str,
    lanes: Sequence[str] = KINDS,
    limit: int = MARK_BUDGET,
    starting: Sequence[str] = (),
) -> tuple[tuple[Mark, ...], tuple[str, ...]]:
    """Marks of the lanes by kind between the ISO days ``lo`` and ``hi`` (each lane at most
    ``limit`` records, plus the other dates of a dispute); and the lanes the LIMIT cut.

    Lanes in ``starting`` get only the marks whose date starts in the range, not the month
    or year covering ``lo`` (those come as density when there are too many of them).
    """
    marks: list[Mark] = []
    cut: list[str] = []
    for lane in lanes:
        cover = lane not in starting
        if lane in ("event", "document", "sentence"):
            found, was_cut = _record_lane(conn, lane, lane, lo, hi, limit, cover)
        elif lane in ("arrest", "death"):
            found, was_cut = _people_lane(conn, lane, lane, lo, hi, limit, cover)
        else:
            continue
        marks += touching(found, lo, hi)
        if was_cut:
            cut.append(lane)
    return sort_marks(marks, lanes), tuple(cut)
