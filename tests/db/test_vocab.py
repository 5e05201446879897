"""Controlled vocabularies and their words (db.vocab): sentence labels, chart categories and their
axis order, dates at their precision, relation and tally-scope words — and every controlled value
stored in the bundled archive has a label."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db import Archive, vocab


@pytest.mark.parametrize(
    ("kind", "years", "label"),
    [
        ("death", None, "death"),
        ("death", 10, "death"),
        ("none", None, "no sentence"),
        ("none", 3, "no sentence"),
        ("prison", 10, "10 years prison"),
        ("camp", 1, "1 year camp"),
        ("exile", 3, "3 years exile"),
        ("ban-on-residence", 5, "5 years ban on residence"),
        ("prison", None, "prison"),
        ("unknown", 4, "4 years, kind of sentence unknown"),
        ("unknown", None, "unknown"),
        ("labour-army", 2, "2 years labour-army"),  # not in the vocabulary: shown as stored
    ],
)
def test_sentence_label(kind: str, years: int | None, label: str) -> None:
    assert vocab.sentence_label(kind, years) == label


@pytest.mark.parametrize(
    ("kind", "years", "key"),
    [
        ("death", None, "death"),
        ("prison", 10, "term:10"),
        ("camp", 10, "term:10"),  # prison and camp terms share a bar
        ("prison", None, "term:?"),
        ("exile", 5, "exile"),
        ("ban-on-residence", 3, "ban"),
        ("none", None, "none"),
        ("unknown", 4, "unknown"),
        ("labour-army", 2, "unknown"),
    ],
)
def test_outcome_key(kind: str, years: int | None, key: str) -> None:
    assert vocab.outcome_key(kind, years) == key


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("term:10", "10 yrs"),
        ("term:?", "prison/camp, term unknown"),
        ("ban", "ban on residence"),
        ("none", "none / released"),
        ("no-verdict", "no verdict"),
        ("death", "death"),
        ("something-new", "something-new"),
    ],
)
def test_outcome_label(key: str, label: str) -> None:
    assert vocab.outcome_label(key) == label


def test_chart_axis_runs_from_death_through_longest_to_shortest_term_then_the_rest() -> None:
    keys = ["unknown", "term:2", "exile", "none", "term:?", "death", "ban", "term:10", "other"]
    assert sorted(keys, key=vocab.outcome_order) == [
        "death",
        "term:10",
        "term:2",
        "term:?",
        "exile",
        "ban",
        "none",
        "unknown",
        "other",
    ]


@pytest.mark.parametrize(
    ("date", "precision", "shown"),
    [
        ("1935-03-26", "day", "26 March 1935"),
        ("1935-03-06", None, "6 March 1935"),
        ("1935-03-26", "month", "March 1935"),
        ("1935-03", "day", "March 1935"),  # a partial date shows no more than it holds
        ("1935-03-26", "year", "1935"),
        ("1935", "day", "1935"),
        (None, "day", "date unknown"),
        ("", None, "date unknown"),
        ("1935-13-01", "day", "1935-13-01"),  # impossible month: shown as stored
        ("19xx", "year", "19xx"),
        ("1935-03-xx", "day", "1935-03-xx"),
    ],
)
def test_format_date_shows_a_date_at_its_precision(
    date: str | None, precision: str | None, shown: str
) -> None:
    assert vocab.format_date(date, precision) == shown


@pytest.mark.parametrize(
    ("relation", "words"),
    [
        ("brother", "brother"),
        ("accused-by", "accused by"),
        ("former-sister-in-law", "former sister-in-law"),
        ("ex-wife", "ex-wife"),
        ("alleged-co-conspirator", "alleged co-conspirator"),
        ("recruited-by-alleged", "allegedly recruited by"),
    ],
)
def test_relation_words_keep_the_hyphens_of_hyphenated_words_only(
    relation: str, words: str
) -> None:
    assert vocab.relation_words(relation) == words


@pytest.mark.parametrize(
    ("key", "scope"),
    [
        ("all", "all"),
        ("yagoda-proposal", "Yagoda's proposal"),
        ("military-collegium", "Military Collegium"),
        ("special-board-oso", "Special Board (OSO)"),
        ("regional-court", "regional-court"),
    ],
)
def test_tally_scope(key: str, scope: str) -> None:
    assert vocab.tally_scope(key) == scope


@pytest.mark.parametrize(
    ("sql", "labels"),
    [
        ("SELECT DISTINCT role FROM person", vocab.ROLES),
        ("SELECT DISTINCT tribunal FROM person", vocab.TRIBUNALS),
        ("SELECT DISTINCT tribunal FROM sentence", vocab.TRIBUNALS),
        ("SELECT DISTINCT kind FROM sentence", vocab.SENTENCE_KINDS),
        ("SELECT DISTINCT stage FROM sentence", vocab.STAGES),
        ("SELECT DISTINCT confidence FROM person", dict.fromkeys(vocab.CONFIDENCE)),
        ("SELECT DISTINCT date_precision FROM event", dict.fromkeys(vocab.PRECISIONS)),
    ],
)
def test_every_controlled_value_in_the_archive_is_in_its_vocabulary(
    archive: Archive, sql: str, labels: dict[str, object]
) -> None:
    with archive.connect() as conn:
        values = {r[0] for r in conn.execute(text(sql))}
    assert values
    assert values <= set(labels)


def test_every_chart_category_in_the_archive_has_words_of_its_own(archive: Archive) -> None:
    with archive.connect() as conn:
        keys = {r[0] for r in conn.execute(text("SELECT DISTINCT outcome FROM person"))}
    assert {"death", "no-verdict"} <= keys
    for key in keys:
        assert vocab.outcome_label(key) != key or key in ("death", "exile", "unknown")
        assert vocab.outcome_order(key) < 300 or key == "no-verdict"
