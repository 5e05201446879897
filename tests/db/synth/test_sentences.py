"""Sentences of generated people: about 60 % get one 1935 verdict on a session day of its
tribunal, with the kinds and terms each tribunal passed; death sentences are sometimes
commuted, some people are sentenced again later, and each fate agrees with the death year.

Shares are counted exactly on fixed-seed rows; the bounds are the promised share ± about
four standard deviations of a binomial count of that size.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from datetime import date

import pytest

from db.synth.dates import iso
from db.synth.generator import Generator
from db.synth.names import build_groups
from db.synth.records import Batch
from db.synth.sentences import TROIKA_START
from db.synth.vocabulary import VERDICTS
from tests.db.synth.collector import Collector
from tests.db.synth.conftest import GENERATED_PEOPLE


@pytest.fixture(scope="module")
def chunk() -> tuple[Generator, Batch]:
    """A generator after one 600-person chunk (seed 11), and that chunk's rows."""
    gen = Generator(build_groups(), 600, 11)
    list(gen.sources())
    return gen, gen.chunk(0, 600)


def verdicts(generated: Collector) -> list[dict[str, object]]:
    return [s for s in generated.records("sentence") if s["stage"] == "verdict"]


def test_about_sixty_percent_get_a_1935_verdict(generated: Collector) -> None:
    assert 0.58 < len(verdicts(generated)) / GENERATED_PEOPLE < 0.69


def test_nobody_gets_two_1935_verdicts(generated: Collector) -> None:
    people = [s["person_id"] for s in verdicts(generated)]
    assert len(people) == len(set(people))
    assert all(s["id"] == f"s-{s['person_id']}-1935" for s in verdicts(generated))


def test_the_special_board_passes_most_verdicts(generated: Collector) -> None:
    people = generated.by_id("person")
    tribunals = Counter(
        s["tribunal"] for s in verdicts(generated) if people[s["person_id"]]["role"] != "relative"
    )
    total = tribunals.total()
    assert 0.54 < tribunals["special-board-oso"] / total < 0.66  # 60 %
    assert 0.25 < tribunals["military-collegium"] / total < 0.35  # 30 %
    assert 0.07 < tribunals["unknown"] / total < 0.13  # 10 %


def test_each_verdict_is_one_its_tribunal_passed(generated: Collector) -> None:
    allowed = {
        (tribunal, kind, years)
        for tribunal, options in VERDICTS.items()
        for kind, _, terms in options
        for years in (terms or (None,))
    }
    assert {(s["tribunal"], s["kind"], s["years"]) for s in verdicts(generated)} <= allowed


def test_relatives_get_five_or_eight_years_of_camp_from_the_special_board(
    generated: Collector,
) -> None:
    people = generated.by_id("person")
    of_relatives = [s for s in verdicts(generated) if people[s["person_id"]]["role"] == "relative"]
    assert of_relatives
    assert {(s["tribunal"], s["kind"]) for s in of_relatives} == {("special-board-oso", "camp")}
    assert {s["years"] for s in of_relatives} <= {5, 8}
    assert {s["notes"] for s in of_relatives} == {
        "Sentenced as a member of a traitor's family (ChSIR)."
    }


def test_verdicts_fall_on_a_session_day_of_their_tribunal_in_1935(
    chunk: tuple[Generator, Batch],
) -> None:
    gen, batch = chunk
    days = {t: {iso(d) for d in days} for t, days in gen.sentence_maker.sessions.items()}
    assert all(min(d) >= "1935-01-31" and max(d) <= "1935-12-31" for d in days.values())
    rows = [r for r in batch.sentence if r[2] == "verdict"]
    assert rows
    for _, _, _, tribunal, when, precision, *_ in rows:
        assert any(d.startswith(str(when)) for d in days[str(tribunal)])
        if precision == "day":
            assert when in days[str(tribunal)]


def test_the_verdict_tally_counts_every_verdict_row(chunk: tuple[Generator, Batch]) -> None:
    gen, batch = chunk
    rows = Counter((r[3], r[6], r[7]) for r in batch.sentence if r[2] == "verdict")
    assert gen.sentence_maker.verdicts == rows


def test_only_death_sentences_are_commuted_to_ten_years_of_camp(generated: Collector) -> None:
    first = {s["person_id"]: s for s in verdicts(generated)}
    commuted = [s for s in generated.records("sentence") if s["stage"] == "commutation"]
    assert commuted
    for s in commuted:
        assert first[s["person_id"]]["kind"] == "death"
        assert (s["kind"], s["years"], s["tribunal"]) == (
            "camp",
            10,
            first[s["person_id"]]["tribunal"],
        )
        assert str(s["date"]) > str(first[s["person_id"]]["date"])


def test_later_sentences_come_from_the_troikas_or_years_later(generated: Collector) -> None:
    later = [s for s in generated.records("sentence") if s["stage"] == "later"]
    assert later
    troika = (date.fromordinal(TROIKA_START), date.fromordinal(TROIKA_START + 469))
    for s in later:
        when = date.fromisoformat(str(s["date"]))
        if s["tribunal"] == "nkvd-troika":
            assert troika[0] <= when <= troika[1]
            assert (s["kind"], s["years"]) in {("death", None), ("camp", 10)}
        else:
            assert when >= date(1936, 2, 4)  # at least 400 days after the first sessions


def test_the_fate_agrees_with_the_year_of_death(generated: Collector) -> None:
    checked = 0
    for p in generated.records("person"):
        fate = str(p["later_fate"] or "")
        shot = re.match(r"(?:Sentenced again and shot|Shot) on \d+ \w+ (\d{4})\.", fate)
        died = re.match(r"Died in .+? in (\d{4})\.", fate)
        match = shot or died
        if match is not None:
            assert p["death_year"] == int(match[1]), p
            checked += 1
        elif fate.startswith(("Released", "Lived in exile", "Death sentence commuted")):
            assert p["death_year"] is None, p
    assert checked > 50


def test_sentence_terms_run_from_one_to_twenty_five_years(sql: sqlite3.Connection) -> None:
    years = {y for (y,) in sql.execute("SELECT DISTINCT years FROM sentence WHERE years > 0")}
    assert min(years) == 1 and max(years) == 25
