"""Generated sources and published tallies: the bibliography, an archival summary that counts
the generated verdicts exactly, and an article whose figures differ by at most a few percent."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from db import open_archive, queries
from db.synth.generator import Generator
from db.synth.names import build_groups
from db.synth.records import Row
from db.synth.sources import tally_label
from db.synth.vocabulary import TALLY_CATEGORY

CYRILLIC = re.compile("[А-яЁё]")
SHORT = {"military-collegium": "mc", "special-board-oso": "oso"}


@dataclass
class Run:
    sources: list[Row]
    verdicts: Counter[tuple[str, str, int | None]]
    tallies: dict[str, Row]


@pytest.fixture(scope="module")
def run() -> Run:
    """Sources, verdict counts and tallies of a 900-person generation (seed 12, 40 sources)."""
    gen = Generator(build_groups(), 900, 12)
    sources = list(gen.sources())
    gen.chunk(0, 900)
    tallies = {str(t[0]): t for t in gen.tallies()}
    return Run(sources, gen.sentence_maker.verdicts, tallies)


def expected(run: Run, tribunal: str) -> Counter[tuple[str, int | None]]:
    """Verdicts of ``tribunal`` by tally category and term (death has no term)."""
    out: Counter[tuple[str, int | None]] = Counter()
    for (trib, kind, years), n in run.verdicts.items():
        if trib == tribunal:
            category = TALLY_CATEGORY[kind]
            out[(category, None if category == "death" else years)] += n
    return out


@pytest.mark.parametrize(
    ("category", "years", "label"),
    [
        ("death", None, "к расстрелу (death)"),
        ("death", 5, "к расстрелу (death)"),
        ("other", None, "прочие решения (other)"),
        ("camp", None, "к заключению в ИТЛ (camp)"),
        ("camp", 5, "к 5 годам ИТЛ (5 years camp)"),
        ("camp", 21, "к 21 году ИТЛ (21 years camp)"),
        ("prison", 1, "к 1 году тюремного заключения (1 year prison)"),
        ("exile", 3, "к ссылке на 3 г. (3 years exile)"),
        ("ban", 5, "к запрету проживания на 5 г. (5 years ban on residence)"),
        ("ban", None, "к запрету проживания (ban)"),
    ],
)
def test_tally_labels_read_like_the_russian_publications(
    category: str, years: int | None, label: str
) -> None:
    assert tally_label(category, years) == label


def test_the_bibliography_has_the_two_tally_sources_then_numbered_ones(run: Run) -> None:
    ids = [s[0] for s in run.sources]
    assert ids == ["tally-archive", "tally-article", *(f"src-{k:05d}" for k in range(1, 41))]


def test_sources_have_a_kind_language_and_title_that_fit_together(run: Run) -> None:
    for _, author, title, year, kind, language, _, _ in run.sources[2:]:
        assert kind in {"book", "archive", "article", "encyclopedia"}
        assert language == ("en" if not CYRILLIC.search(str(title)) else "ru")
        if language == "en":
            assert kind == "article" and not CYRILLIC.search(str(author))
        if kind == "book":
            assert str(title).startswith("Книга памяти жертв политических репрессий")
        assert year is None or 1989 <= int(str(year)) <= 2024


def test_the_archival_summary_counts_the_verdicts_exactly(run: Run) -> None:
    for tribunal, short in SHORT.items():
        counts = expected(run, tribunal)
        published = {
            (t[2], t[3]): t[4]
            for t in run.tallies.values()
            if t[1] == tribunal and t[6] == "tally-archive" and t[2] != "total"
        }
        assert published == dict(counts)
        assert run.tallies[f"t-a-{short}-total"][4] == counts.total()


def test_the_grand_total_adds_both_tribunals(run: Run) -> None:
    grand = run.tallies["t-a-all-total"]
    both = run.tallies["t-a-mc-total"][4], run.tallies["t-a-oso-total"][4]
    assert (grand[1], grand[4]) == ("all", sum(int(str(n)) for n in both))


def test_verdicts_of_an_unknown_tribunal_are_not_tallied(run: Run) -> None:
    assert any(trib == "unknown" for trib, _, _ in run.verdicts)
    assert {t[1] for t in run.tallies.values()} == {*SHORT, "all"}


def test_the_article_differs_from_the_archive_by_a_few_percent_at_most(run: Run) -> None:
    differs = 0
    for tid, row in run.tallies.items():
        if not tid.startswith("t-b-"):
            continue
        exact = int(str(run.tallies["t-a-" + tid.removeprefix("t-b-")][4]))
        article = int(str(row[4]))
        assert abs(article - exact) <= max(exact, 10) * 0.03, tid
        assert row[6] == "tally-article"
        differs += article != exact
    assert differs > 0


def test_published_tallies_roughly_match_the_named_verdicts(built: Path) -> None:
    archive = open_archive(built)
    try:
        with archive.connect() as conn:
            bars = [o for o in queries.outcome_counts(conn) if o.published is not None]
    finally:
        archive.close()
    assert {o.tribunal for o in bars} == set(SHORT)
    for bar in bars:
        for _source, figure in bar.published_by:
            assert abs(figure - bar.named) <= max(2, 0.05 * bar.named), bar
