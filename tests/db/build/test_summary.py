"""The chart summary (db.build.summary): on the bundled archive its named counts are a GROUP BY
over person and its per-source figures are sums over tally in plain SQL; on a tiny staged
archive each rule of the published figure (majority, ties, sums, ranges, cut-off and zero
counts, totals) gives exactly the row it should."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db import vocab
from db.build import STAGING, ArchiveWriter
from tests.conftest import BUNDLED


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


@pytest.fixture(scope="module")
def sql() -> Iterator[sqlite3.Connection]:
    conn = _ro(BUNDLED)
    yield conn
    conn.close()


def test_named_counts_are_a_group_by_over_person(sql: sqlite3.Connection) -> None:
    summary = {
        (t, o): n for t, o, n in sql.execute("SELECT tribunal, outcome, named FROM outcome_summary")
    }
    grouped = dict(
        ((t, o), n)
        for t, o, n in sql.execute(
            "SELECT tribunal, outcome, count(*) FROM person WHERE outcome != 'no-verdict' "
            "GROUP BY tribunal, outcome"
        )
    )
    assert {k: n for k, n in summary.items() if n} == grouped
    assert (
        sum(grouped.values())
        == sql.execute("SELECT count(*) FROM sentence WHERE stage = 'verdict'").fetchone()[0]
    )


def test_published_figures_are_each_sources_sum_per_bar(sql: sqlite3.Connection) -> None:
    sums: dict[tuple[str, str], dict[str, int]] = {}
    for tribunal, outcome, source, total in sql.execute(
        "SELECT t.tribunal, CASE WHEN t.category IN ('prison', 'camp') THEN 'term:' || t.years "
        "ELSE t.category END AS bar, s.id, sum(t.count) FROM tally t "
        "JOIN source s ON s.pk = t.source_pk "
        "WHERE t.category IN ('death', 'prison', 'camp', 'exile', 'ban') AND t.count IS NOT NULL "
        "AND NOT (t.category IN ('prison', 'camp') AND t.years IS NULL) "
        "GROUP BY t.tribunal, bar, s.id"
    ):
        sums.setdefault((tribunal, outcome), {})[source] = total
    details = {
        (t, o): d
        for t, o, d in sql.execute(
            "SELECT tribunal, outcome, published_detail FROM outcome_summary"
        )
        if d
    }
    assert details == {
        key: "|".join(f"{s}={n}" for s, n in sorted(figures.items()))
        for key, figures in sums.items()
    }


def test_bar_positions_follow_the_chart_axis(sql: sqlite3.Connection) -> None:
    for outcome, position in sql.execute("SELECT outcome, position FROM outcome_summary"):
        assert position == vocab.outcome_order(outcome)


# -- a tiny staged archive ---------------------------------------------------------------------


def _person(pid: str) -> tuple[Any, ...]:
    given = {
        "id": pid,
        "name_en": pid,
        "name_ru": pid,
        "sort_name": pid,
        "role": "defendant",
        "confidence": "high",
    }
    return tuple(given.get(c) for c in STAGING["person"])


def _verdict(pid: str, tribunal: str, kind: str, years: str | None) -> tuple[Any, ...]:
    return (f"s-{pid}", pid, "verdict", tribunal, None, None, kind, years, None, "high")


def _tally(
    tid: str, tribunal: str, category: str, years: str | None, count: str | None, source: str
) -> tuple[Any, ...]:
    return (tid, tribunal, category, years, count, f"{category} {count}", source, None)


MC, OSO = "military-collegium", "special-board-oso"


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[Any, ...]]:
    """(tribunal, outcome) → (position, named, published, published_detail) of a tiny build."""
    out = tmp_path_factory.mktemp("summary") / "s.sqlite"
    w = ArchiveWriter(out, {"title": "summary", "data_version": "0"})
    w.insert("source", [(s, None, s.upper(), None, "book", "en", None, None) for s in "abc"])
    w.insert("person", [_person(f"p{i}") for i in range(1, 7)])
    w.insert(
        "sentence",
        [
            _verdict("p1", MC, "death", None),
            _verdict("p2", MC, "prison", "10"),
            _verdict("p3", MC, "camp", "10"),  # prison and camp terms share a bar
            _verdict("p5", OSO, "exile", "3"),
            _verdict("p6", "unknown", "unknown", None),
        ],
    )  # p4 has no verdict
    w.insert(
        "tally",
        [
            _tally("t01", MC, "death", None, "2", "a"),
            _tally("t02", MC, "death", None, "2", "b"),
            _tally("t03", MC, "death", None, "1", "c"),  # outvoted, but kept in the detail
            _tally("t04", MC, "prison", "10", "6", "a"),
            _tally("t05", MC, "camp", "10", "5", "b"),  # a tie: the larger figure
            _tally("t06", OSO, "exile", None, "30", "a"),
            _tally("t07", OSO, "exile", None, "7", "a"),  # a's two rows: 37
            _tally("t08", OSO, "exile", None, "37", "b"),
            _tally("t09", OSO, "prison", None, "42", "b"),  # a range of terms: no single bar
            _tally("t10", OSO, "ban", None, None, "a"),  # cut off: a bar without a figure
            _tally("t11", OSO, "death", None, "0", "c"),  # a printed zero is a figure
            _tally("t12", MC, "total", None, "30", "a"),
            _tally("t13", MC, "other", None, "3", "a"),
        ],
    )
    w.finish()
    conn = _ro(out)
    try:
        return {
            (r[0], r[1]): r[2:]
            for r in conn.execute(
                "SELECT tribunal, outcome, position, named, published, published_detail "
                "FROM outcome_summary"
            )
        }
    finally:
        conn.close()


def test_the_summary_has_a_row_per_named_or_published_bar(
    summary: dict[tuple[str, str], tuple[Any, ...]],
) -> None:
    assert sorted(summary) == [
        (MC, "death"),
        (MC, "term:10"),
        (OSO, "ban"),
        (OSO, "death"),
        (OSO, "exile"),
        ("unknown", "unknown"),
    ]


@pytest.mark.parametrize(
    ("bar", "row"),
    [
        ((MC, "death"), (0, 1, 2, "a=2|b=2|c=1")),
        ((MC, "term:10"), (90, 2, 6, "a=6|b=5")),
        ((OSO, "exile"), (200, 1, 37, "a=37|b=37")),
        ((OSO, "ban"), (201, 0, None, "")),
        ((OSO, "death"), (0, 0, 0, "c=0")),
        (("unknown", "unknown"), (203, 1, None, "")),
    ],
    ids=["majority", "tie-to-larger", "sums-per-source", "cut-off", "zero", "named-only"],
)
def test_each_bar_gets_its_figure_by_the_rules(
    summary: dict[tuple[str, str], tuple[Any, ...]], bar: tuple[str, str], row: tuple[Any, ...]
) -> None:
    assert summary[bar] == row
