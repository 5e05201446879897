"""Words of the timeline (app.charts.timeline_text): dates with precision, and tooltips that
list a dispute's claims with their sources and escape every archive value."""

from __future__ import annotations

import pytest

from app.charts import timeline_text
from db import Archive, timeline
from db.dto import ClaimDTO, Labelled, Ref
from db.timeline import Bucket, Lane, Mark, TimelineSlice
from tests.app.ui_texts import english, russian

__all__ = ["english", "russian"]


@pytest.fixture(scope="module")
def verdict(archive: Archive) -> list[Mark]:
    with archive.connect() as conn:
        s = timeline.kind_slice(conn, "1935-07-20", "1935-07-31", "day")
    return [m for m in s.marks if m.subject == "ev-1935-vk-verdict"]


def test_a_disputed_marks_tooltip_lists_every_date_with_its_sources(
    verdict: list[Mark], english: None
) -> None:
    tip = timeline_text.mark_tooltip(verdict[0], verdict)
    assert "Sources disagree on this date:" in tip
    assert "<b>25 July 1935</b>" in tip and "27 July 1935" in tip
    assert "Бессмертный барак" in tip and "Пётр Кошель" in tip
    assert "Memorial database entry for Mukhanova." not in tip  # that note is the sentence's


def test_archive_text_is_escaped_in_tooltips(english: None) -> None:
    source = Labelled(Ref("source", "s"), "<img src=x>")
    claim = ClaimDTO("date", "1935-07-27", source, "<b>p. 1</b>", "<a href=y>", "high")
    mark = Mark("event", "event", Ref("event", "e"), "e", "1935-07-27", "day", "<i>x</i>", (claim,))
    tip = timeline_text.mark_tooltip(mark)
    assert "<img" not in tip and "<a href" not in tip and "<i>x</i>" not in tip
    assert "&lt;img src=x&gt;" in tip


@pytest.mark.parametrize(
    ("date", "precision", "text", "words"),
    [
        ("1935-07-27", "day", "27 July 1935", "to the day"),
        ("1935-07", "month", "July 1935", "to the month"),
        ("1935", "year", "1935", "to the year"),
    ],
)
def test_dates_are_words_at_their_precision(
    date: str, precision: str, text: str, words: str, english: None
) -> None:
    assert timeline_text.date_text(date, precision) == text
    assert timeline_text.precision_text(precision) == words


def test_a_density_bar_says_lane_count_and_period(english: None) -> None:
    assert timeline_text.bucket_text(Bucket("document", "1935-03", "month", 1234)) == (
        "Documents: 1,234 in March 1935"
    )
    assert timeline_text.bucket_text(Bucket("event", "1934-12-12", "day", 17)) == (
        "Events: 17 on 12 December 1934"
    )


def test_a_density_bar_in_russian_says_za_for_every_period(russian: None) -> None:
    assert timeline_text.bucket_text(Bucket("event", "1934-12-12", "day", 17)) == (
        "События: 17 за 12 декабря 1934 г."
    )
    assert timeline_text.bucket_text(Bucket("event", "1935-03", "month", 2)).startswith(
        "События: 2 за "
    )


def test_the_status_line_names_counts_density_and_undated(english: None) -> None:
    s = TimelineSlice(
        (Lane("event", "Events"), Lane("document", "Documents")),
        (),
        totals=(("event", 1200), ("document", 5)),
        dense=("event",),
        level="month",
        undated=44,
    )
    assert timeline_text.status_text(s) == (
        "1,205 marks around this range · Events: counts per month; zoom in for single marks"
        " · 44 undated (not drawn)"
    )
    people = TimelineSlice((), (), mode="person", hidden_people=3)
    assert timeline_text.status_text(people) == (
        "Choose a person to see their timeline. · 3 more people not shown"
    )
    shown = TimelineSlice((Lane("person:a", "A"),), (), mode="person", undated=2)
    assert timeline_text.status_text(shown) == "0 dated marks · 2 undated (not drawn)"
