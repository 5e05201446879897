"""The timeline's slices (db.timeline.queries) on the bundled archive, against plain SQL: every
dated event, document and sentence once, arrests and deaths, precision kept as spans, undated
records counted and never drawn, person lanes, and lanes with too many marks as density."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import Connection, text

from db import timeline
from db.timeline import TimelineSlice


def _subjects(s: TimelineSlice, kind: str) -> Counter[str]:
    """How often each record of ``kind`` is a mark (a disputed one once per claimed date)."""
    return Counter(m.subject for m in s.marks if m.kind == kind and not m.dispute) + Counter(
        {m.subject: 1 for m in s.marks if m.kind == kind and m.dispute}
    )


# -- every dated record once ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "sql"),
    [
        ("event", "SELECT id FROM event"),
        ("document", "SELECT id FROM document"),
        ("sentence", "SELECT id FROM sentence WHERE date IS NOT NULL"),
        (
            "death",
            "SELECT id FROM person WHERE death_year IS NOT NULL UNION SELECT subject_id FROM claim "
            "WHERE subject_kind = 'person' AND field = 'death_date'",
        ),
        (
            "arrest",
            "SELECT subject_id FROM claim WHERE subject_kind = 'person' AND field = 'arrest_date'",
        ),
    ],
)
def test_every_dated_record_of_each_kind_is_on_the_timeline_once(
    conn: Connection, whole: TimelineSlice, kind: str, sql: str
) -> None:
    expected = {r[0] for r in conn.execute(text(sql))}
    got = _subjects(whole, kind)
    assert expected and set(got) == expected
    assert set(got.values()) == {1}  # once (a disputed date: one record, several marks)
    assert whole.total(kind) == len(expected)


def test_the_bundled_counts_are_those_of_the_issue(whole: TimelineSlice) -> None:
    assert [whole.total(k) for k in timeline.KINDS] == [47, 292, 21, 1, 9]
    assert whole.dense == () and whole.truncated == ()


def test_each_event_sits_at_its_date_with_its_precision(
    conn: Connection, whole: TimelineSlice
) -> None:
    stored = {r.id: (r.date, r.date_precision) for r in conn.execute(text("SELECT * FROM event"))}
    for m in whole.marks:
        if m.kind == "event" and not m.dispute:
            assert (m.date, m.precision) == stored[m.subject]
            assert m.ref.kind == "event" and m.ref.id == m.subject


def test_month_and_year_dates_are_spans_over_their_whole_period(whole: TimelineSlice) -> None:
    events = {m.subject: m for m in whole.marks if m.kind == "event"}
    months = [m for m in events.values() if m.precision == "month"]
    assert len(months) == 5
    plenum = events["ev-1935-june-plenum"]
    assert (plenum.date, plenum.last - plenum.first + 1) == ("1935-06", 30)
    published = events["ev-1988-publication"]
    assert (published.precision, published.last - published.first + 1) == ("year", 366)
    days = [m for m in events.values() if m.precision == "day"]
    assert len(days) == 41 and all(m.first == m.last for m in days)


def test_undated_sentences_are_counted_and_never_drawn(
    conn: Connection, whole: TimelineSlice
) -> None:
    undated = {r[0] for r in conn.execute(text("SELECT id FROM sentence WHERE date IS NULL"))}
    assert whole.undated == len(undated) == timeline.undated(conn) == 44
    assert not undated & {m.subject for m in whole.marks}


def test_sentences_arrests_and_deaths_open_their_person(whole: TimelineSlice) -> None:
    for m in whole.marks:
        if m.kind in ("sentence", "arrest", "death"):
            assert m.ref.kind == "person"
    sentence = next(m for m in whole.marks if m.subject == "s-cherniavsky-mikhail-1935")
    assert sentence.ref.id == "cherniavsky-mikhail"
    assert sentence.label == "Mikhail Cherniavsky: death (1935 verdict)"


# -- person lanes -------------------------------------------------------------------------------


def test_each_person_gets_a_lane_of_their_own_marks(conn: Connection) -> None:
    s = timeline.person_slice(conn, ["rozenfeld-boris", "nobody", "yenukidze-avel"])
    assert [lane.key for lane in s.lanes] == ["person:rozenfeld-boris", "person:yenukidze-avel"]
    assert s.lanes[0].label == "Boris Rosenfeld" and s.lanes[0].ref is not None
    mine = [m for m in s.marks if m.lane == "person:rozenfeld-boris"]
    events = {
        r[0]
        for r in conn.execute(
            text(
                "SELECT e.id FROM event e JOIN event_person ep ON ep.event_pk = e.pk "
                "JOIN person p ON p.pk = ep.person_pk WHERE p.id = 'rozenfeld-boris'"
            )
        )
    }
    documents = {
        r[0]
        for r in conn.execute(
            text(
                "SELECT DISTINCT d.id FROM document d JOIN document_person dp "
                "ON dp.document_pk = d.pk JOIN person p ON p.pk = dp.person_pk "
                "WHERE p.id = 'rozenfeld-boris'"
            )
        )
    }
    assert {m.subject for m in mine if m.kind == "event"} == events
    assert {m.subject for m in mine if m.kind == "document"} == documents
    assert {m.date for m in mine if m.kind == "arrest"} == {"1935-01-27", "1935-01-31"}
    assert {m.subject for m in mine if m.kind == "sentence"} == {"s-rozenfeld-boris-1935"}
    assert s.total("person:rozenfeld-boris") == len(mine)


def test_person_lanes_keep_the_order_given_and_drop_unknown_ids(conn: Connection) -> None:
    assert timeline.known_people(conn, ["zzz", "kamenev-lev", "kamenev-lev"]) == ["kamenev-lev"]
    s = timeline.person_slice(conn, ["kamenev-lev", "cherniavsky-mikhail"])
    assert [lane.ref.id for lane in s.lanes if lane.ref] == ["kamenev-lev", "cherniavsky-mikhail"]


def test_a_person_range_keeps_the_marks_touching_it(conn: Connection) -> None:
    s = timeline.person_slice(conn, ["rozenfeld-boris"], "1935-07-26", "1935-07-31")
    assert {m.date for m in s.marks} >= {"1935-07-27", "1935-07-25"}  # the dispute stays whole
    assert all(m.date >= "1935-07" for m in s.marks)


def test_more_people_than_lanes_are_counted_not_drawn(conn: Connection) -> None:
    ids = [r[0] for r in conn.execute(text("SELECT id FROM person ORDER BY pk"))]
    s = timeline.person_slice(conn, ids)
    assert len(s.lanes) == timeline.PERSON_LANES
    assert s.hidden_people == len(ids) - timeline.PERSON_LANES


def test_a_lane_with_more_marks_than_the_budget_comes_as_density(conn: Connection) -> None:
    s = timeline.kind_slice(conn, "1935-01-01", "1935-12-31", "month", budget=100)
    assert "document" in s.dense and not [m for m in s.marks if m.kind == "document"]
    assert sum(b.n for b in s.buckets if b.lane == "document") == s.total("document")
    assert {b.precision for b in s.buckets} == {"month"}
    assert "event" not in s.dense and any(m.kind == "event" for m in s.marks)


def test_too_many_periods_covering_the_start_come_as_spans_beside_single_marks(
    conn: Connection,
) -> None:
    s = timeline.kind_slice(conn, "1935-02-10", "1935-02-20", "day", ["event"], budget=1)
    assert s.dense == () and s.total("event") == 2
    assert [m.subject for m in s.marks] == ["ev-1935-pb-kremlin-guard"]
    assert [(b.date, b.precision, b.n) for b in s.buckets] == [("1935-02", "month", 1)]
    dense = timeline.kind_slice(conn, "1935-02-01", "1935-02-28", "day", ["event"], budget=1)
    assert dense.dense == ("event",) and dense.marks == ()


def _slices_agree(conn: Connection, person_ids: list[str]) -> int:
    """person_slice_of (from a detail) equals person_slice (read) for each person; returns
    how many were made from their detail (the rest fell back to reading)."""
    from dataclasses import replace

    from db import queries
    from db.dto import PersonDetail

    linked = ("record", "date")
    made = 0
    for pid in person_ids:
        detail = queries.person_detail(conn, pid)
        assert isinstance(detail, PersonDetail)
        events = queries.facts(conn, "event", [e.item.ref.id for e in detail.events], linked)
        documents = queries.facts(
            conn, "document", [d.item.ref.id for d in detail.documents], linked
        )
        expected = timeline.person_slice(conn, [pid])
        got = timeline.person_slice_of(detail, events, documents)
        if got is None:
            assert queries.DETAIL_LIMIT in (len(detail.events), len(detail.documents)), pid
            continue
        made += 1
        assert got == expected, pid
        # Anything other than the detail changes the answer (the test has power).
        if detail.sentences:
            other = replace(detail, sentences=detail.sentences[1:])
            assert timeline.person_slice_of(other, events, documents) != expected, pid
    return made


def test_a_person_timeline_made_from_their_detail_is_the_one_read(conn: Connection) -> None:
    """A dossier makes the person's timeline from the detail it has read: the same marks,
    lanes, counts and undated sentences as reading it, for everyone in the archive."""
    ids = [r[0] for r in conn.execute(text("SELECT id FROM person ORDER BY pk"))]
    assert _slices_agree(conn, ids) == len(ids)


def test_the_same_holds_on_a_generated_archive(tmp_path_factory: pytest.TempPathFactory) -> None:
    from db import open_archive
    from db.synth.archive import build_synthetic

    path = build_synthetic(3000, tmp_path_factory.mktemp("synth") / "s.sqlite", 7).path
    archive = open_archive(path)
    try:
        with archive.connect() as c:
            ids = [r[0] for r in c.execute(text("SELECT id FROM person ORDER BY pk"))]
            assert _slices_agree(c, ids[::7]) > 300
    finally:
        archive.close()


def test_a_detail_that_may_be_cut_is_read_again(conn: Connection) -> None:
    from dataclasses import replace

    from db import queries

    detail = queries.person_detail(conn, "kamenev-lev")
    assert detail is not None and detail.events
    full = replace(detail, events=(detail.events[0],) * queries.DETAIL_LIMIT)
    assert timeline.person_slice_of(full, {}, {}) is None
