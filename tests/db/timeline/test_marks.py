"""Single marks (db.timeline.marks) on the bundled archive, against plain SQL: a disputed date
is one mark per claimed date carrying its sources; agreeing claims are one mark; a range read
holds what starts in it and the periods covering its start, and stops at its LIMIT."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, text

from db import timeline
from db.queries import source_label
from db.timeline import Mark, TimelineSlice
from db.timeline.dates import parse
from tests.db.timeline.conftest import EVERYTHING


def _labels(conn: Connection, source_ids: list[str]) -> set[str]:
    """The labels :func:`db.queries.source_label` gives these sources."""
    out = set()
    for sid in source_ids:
        a, t, y = conn.execute(
            text("SELECT author, title, year FROM source WHERE id = :id"), {"id": sid}
        ).one()
        out.add(source_label(a, t, y))
    return out


# -- disputed dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "subject", "field", "subject_kind"),
    [
        ("event", "ev-1935-vk-verdict", "date", "event"),
        ("arrest", "rozenfeld-boris", "arrest_date", "person"),
        ("sentence", "s-mukhanova-ekaterina-1935", "date", "sentence"),
        ("document", "doc-5077", "date", "document"),
    ],
)
def test_a_disputed_date_is_one_mark_per_claimed_date_with_its_sources(
    conn: Connection,
    whole: TimelineSlice,
    kind: str,
    subject: str,
    field: str,
    subject_kind: str,
) -> None:
    claims: dict[str, list[str]] = {}
    for value, sid in conn.execute(
        text(
            "SELECT c.value, s.id FROM claim c JOIN source s ON s.pk = c.source_pk "
            "WHERE c.subject_kind = :k AND c.subject_id = :i AND c.field = :f ORDER BY c.pk"
        ),
        {"k": subject_kind, "i": subject, "f": field},
    ):
        claims.setdefault(value, []).append(sid)
    assert len(claims) == 2
    marks = [m for m in whole.marks if m.kind == kind and m.subject == subject]
    assert {m.date for m in marks} == set(claims)
    assert len({m.dispute for m in marks}) == 1 and marks[0].dispute is not None
    for m in marks:
        assert set(m.source_labels) == _labels(conn, claims[m.date])
        assert {c.value for c in m.claims} == {m.date}
    assert marks[0].source_labels != marks[1].source_labels


def test_the_verdict_is_27_july_in_six_sources_and_25_july_in_one(whole: TimelineSlice) -> None:
    verdict = {m.date: m for m in whole.marks if m.subject == "ev-1935-vk-verdict"}
    assert sorted(verdict) == ["1935-07-25", "1935-07-27"]
    assert len(verdict["1935-07-27"].source_labels) == 6
    assert verdict["1935-07-25"].source_labels == (
        "Бессмертный барак, Муханова Екатерина Константиновна",
    )


def test_rozenfelds_arrest_is_27_january_in_three_sources_and_31_in_one(
    whole: TimelineSlice,
) -> None:
    arrest = {m.date: m for m in whole.marks if m.kind == "arrest"}
    assert sorted(arrest) == ["1935-01-27", "1935-01-31"]
    assert len(arrest["1935-01-27"].source_labels) == 3
    assert arrest["1935-01-31"].claims[0].confidence == "low"
    assert all(m.ref.id == "rozenfeld-boris" for m in arrest.values())


def test_a_year_only_claim_beside_a_day_is_no_dispute(whole: TimelineSlice) -> None:
    death = [m for m in whole.marks if m.kind == "death" and m.subject == "yenukidze-avel"]
    assert len(death) == 1
    assert (death[0].date, death[0].dispute) == ("1937-10-30", None)
    assert {c.value for c in death[0].claims} == {"1937-10-30", "1937"}


def test_a_death_year_stands_where_no_claim_dates_the_death(
    conn: Connection, whole: TimelineSlice
) -> None:
    years = dict(
        conn.execute(text("SELECT id, death_year FROM person WHERE death_year IS NOT NULL")).all()
    )
    claimed = {m.subject for m in whole.marks if m.kind == "death" and m.claims}
    plain = [m for m in whole.marks if m.kind == "death" and not m.claims]
    assert plain and all((m.date, m.precision) == (str(years[m.subject]), "year") for m in plain)
    assert {m.subject for m in plain} == set(years) - claimed


# -- ranges and limits ----------------------------------------------------------------------


def test_a_range_holds_what_starts_in_it_and_the_periods_covering_its_start(
    conn: Connection,
) -> None:
    marks, cut = timeline.marks_in(conn, "1935-06-10", "1935-06-20")
    assert cut == ()
    assert "ev-1935-june-plenum" in {m.subject for m in marks}  # June 1935 covers 10 June
    lo, hi = parse("1935-06-10"), parse("1935-06-20")
    assert lo is not None and hi is not None
    for m in marks:
        assert m.dispute or (m.last >= lo[0] and m.first <= hi[1])


def test_a_lane_read_stops_at_its_limit(conn: Connection) -> None:
    marks, cut = timeline.marks_in(conn, *EVERYTHING, lanes=["document"], limit=10)
    assert cut == ("document",)
    assert len({m.subject for m in marks}) <= 10 + 1  # a disputed date found by its claim
    assert [m.date for m in marks] == sorted(m.date for m in marks)


def test_marks_are_in_time_order(whole: TimelineSlice) -> None:
    firsts = [m.first for m in whole.marks]
    assert firsts == sorted(firsts)
    assert len({m.key for m in whole.marks}) == len(whole.marks)


def test_mark_keys_tell_the_dates_of_a_dispute_apart(whole: TimelineSlice) -> None:
    verdict: list[Mark] = [m for m in whole.marks if m.subject == "ev-1935-vk-verdict"]
    assert verdict[0].key != verdict[1].key
