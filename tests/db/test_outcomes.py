"""The outcome summary: named counts equal the verdict records, published values follow the rule
"the figure most sources give", and figures that cannot vote are kept as footnotes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from db import Archive, open_archive, outcomes, vocab
from db.build import DEFAULT_DATA, write_source_data
from db.build.source_data import load
from db.queries import outcome_counts


def verdict_counts_by_sql(archive: Archive) -> Counter[tuple[str, str]]:
    """Named counts per (tribunal, outcome) made from the sentence table with plain SQL."""
    out: Counter[tuple[str, str]] = Counter()
    with archive.connect() as conn:
        for tribunal, kind, years, n in conn.execute(
            text(
                "SELECT tribunal, kind, years, count(*) FROM sentence WHERE stage = 'verdict' "
                "GROUP BY tribunal, kind, years"
            )
        ):
            out[(tribunal, vocab.outcome_key(kind, years))] += n
    return out


def test_named_counts_equal_the_verdict_records(archive: Archive) -> None:
    with archive.connect() as conn:
        counts = outcome_counts(conn)
    assert {(c.tribunal, c.outcome): c.named for c in counts if c.named} == dict(
        verdict_counts_by_sql(archive)
    )


def test_every_verdict_is_on_the_chart_once(archive: Archive) -> None:
    with archive.connect() as conn:
        named = sum(c.named for c in outcome_counts(conn))
        verdicts = conn.execute(
            text("SELECT count(*) FROM sentence WHERE stage = 'verdict'")
        ).scalar()
    assert named == verdicts


def test_disputed_death_count_shows_the_majority_and_keeps_every_figure(archive: Archive) -> None:
    with archive.connect() as conn:
        death = next(
            c
            for c in outcome_counts(conn)
            if (c.tribunal, c.outcome) == ("military-collegium", "death")
        )
    assert death.published == 2
    assert dict(death.published_by)["kapchenko-polbio"] == 1
    assert Counter(n for _, n in death.published_by)[2] >= 3


def test_oso_exile_sums_each_sources_rows(archive: Archive) -> None:
    # Koshel prints two exile rows (30 and 7); Prudnikova one (37): both say 37.
    with archive.connect() as conn:
        exile = next(
            c
            for c in outcome_counts(conn)
            if (c.tribunal, c.outcome) == ("special-board-oso", "exile")
        )
    assert exile.published == 37
    assert dict(exile.published_by) == {"koshel-kniga87": 37, "prudnikova-dvoynoy": 37}


def test_cut_off_count_is_a_footnote_not_a_vote(archive: Archive) -> None:
    with archive.connect() as conn:
        ban = next(
            c
            for c in outcome_counts(conn)
            if (c.tribunal, c.outcome) == ("special-board-oso", "ban")
        )
        notes = outcomes.uncounted_figures(conn)
    assert ban.published == 1 and dict(ban.published_by) == {"prudnikova-dvoynoy": 1}
    koshel = [f for f in notes if f.applies_to("special-board-oso", "ban")]
    assert [(f.source_id, f.count, f.reason) for f in koshel] == [
        ("koshel-kniga87", None, "count not visible")
    ]


def test_term_range_is_a_footnote_of_every_term_bar_of_its_tribunal(archive: Archive) -> None:
    with archive.connect() as conn:
        notes = outcomes.uncounted_figures(conn)
    prudnikova = [f for f in notes if f.source_id == "prudnikova-dvoynoy"]
    assert [(f.outcome, f.count) for f in prudnikova] == [(outcomes.ANY_TERM, 42)]
    assert prudnikova[0].applies_to("special-board-oso", "term:5")
    assert prudnikova[0].applies_to("special-board-oso", "term:3")
    assert not prudnikova[0].applies_to("special-board-oso", "exile")
    assert not prudnikova[0].applies_to("military-collegium", "term:5")


def test_published_totals_are_the_figures_most_sources_give(archive: Archive) -> None:
    with archive.connect() as conn:
        totals = outcomes.published_totals(conn)
    assert totals["military-collegium"] == 30
    assert totals["special-board-oso"] == 80


@pytest.mark.parametrize(
    ("category", "years", "expected"),
    [
        ("death", None, "death"),
        ("prison", 10, "term:10"),
        ("camp", 5, "term:5"),
        ("prison", None, outcomes.ANY_TERM),
        ("exile", 2, "exile"),
        ("ban", 5, "ban"),
        ("total", None, None),
        ("other", None, None),
    ],
)
def test_tally_outcome(category: str, years: int | None, expected: str | None) -> None:
    assert outcomes.tally_outcome(category, years) == expected


def test_source_labels_cover_every_published_figure(archive: Archive) -> None:
    with archive.connect() as conn:
        labels = outcomes.source_labels(conn)
        counts = outcome_counts(conn)
    assert {s for c in counts for s, _ in c.published_by} <= set(labels)
    assert labels["koshel-kniga87"].startswith("Пётр Кошель")


# -- a variant archive built by the same build code ----------------------------------------


def _tally(
    row_id: str,
    tribunal: str,
    category: str,
    years: str | None,
    count: str | None,
    source: str,
    label: str,
) -> dict[str, str | None]:
    return {
        "id": row_id,
        "tribunal": tribunal,
        "category": category,
        "years": years,
        "count": count,
        "label": label,
        "source_id": source,
        "note": None,
    }


@pytest.fixture(scope="module")
def variant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """The bundled data plus: a tie (MC 7 years: 5 vs 6), and a bar known only from a row
    whose count is cut off (OSO death)."""
    data = load(DEFAULT_DATA)
    data.tables["tallies"] += [
        _tally(
            "tx1", "military-collegium", "prison", "7", "6", "prudnikova-dvoynoy", "seven years"
        ),
        _tally(
            "tx2",
            "special-board-oso",
            "death",
            None,
            None,
            "petrov-jansen-ezhov",
            "death <b>cut off</b>",
        ),
    ]
    path = write_source_data(data, tmp_path_factory.mktemp("variant") / "v.sqlite")
    archive = open_archive(Path(path))
    yield archive
    archive.close()


def test_tie_goes_to_the_larger_figure(variant: Archive) -> None:
    with variant.connect() as conn:
        seven = next(
            c
            for c in outcome_counts(conn)
            if (c.tribunal, c.outcome) == ("military-collegium", "term:7")
        )
    assert seven.published == 6
    assert dict(seven.published_by) == {"koshel-kniga87": 5, "prudnikova-dvoynoy": 6}


def test_bar_known_only_from_a_cut_off_row_has_a_row_without_figure(variant: Archive) -> None:
    with variant.connect() as conn:
        death = next(
            c
            for c in outcome_counts(conn)
            if (c.tribunal, c.outcome) == ("special-board-oso", "death")
        )
        notes = [
            f
            for f in outcomes.uncounted_figures(conn)
            if f.applies_to("special-board-oso", "death")
        ]
    assert (death.published, death.named, death.published_by) == (None, 0, ())
    assert [(f.source_id, f.count, f.label) for f in notes] == [
        ("petrov-jansen-ezhov", None, "death <b>cut off</b>")
    ]


def test_why_a_figure_does_not_vote_reads_in_the_language_in_use() -> None:
    from db import i18n

    figure = outcomes.UncountedFigure("special-board-oso", "ban", "s", "S", None, "label")
    assert figure.reason == "count not visible"
    i18n.set_language("ru")
    try:
        assert figure.reason == "число не видно"
        assert outcomes.UncountedFigure("x", "term:*", "s", "S", 42, "l").reason == (
            "диапазон сроков"
        )
    finally:
        i18n.set_language("en")
