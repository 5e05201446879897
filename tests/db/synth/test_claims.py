"""Source citations: every record cites one to three distinct sources, drawn Zipf-like;
a dispute is two values for one field from two different sources."""

from __future__ import annotations

import random
from collections import Counter

from db.synth.claims import Citer, source_ids
from db.synth.records import Row
from tests.db.synth.collector import Collector


def cite_many(sources: int, subjects: int, extra: float, seed: int = 1) -> list[Row]:
    citer = Citer(random.Random(seed), sources)
    claims: list[Row] = []
    for i in range(subjects):
        citer.cite(claims, "person", f"p{i}", "high", extra)
    return claims


def test_source_ids_are_numbered_from_one_with_five_digits() -> None:
    assert source_ids(3) == ["src-00001", "src-00002", "src-00003"]
    assert source_ids(12_000)[-1] == "src-12000"
    assert source_ids(0) == []


def test_without_extra_chance_each_record_cites_exactly_one_source() -> None:
    claims = cite_many(sources=50, subjects=500, extra=0.0)
    assert Counter(c[1] for c in claims) == {f"p{i}": 1 for i in range(500)}


def test_a_record_never_cites_the_same_source_twice() -> None:
    # With one source, the second and third draws always repeat the first one.
    claims = cite_many(sources=1, subjects=300, extra=1.0)
    assert len(claims) == 300 and {c[4] for c in claims} == {"src-00001"}


def test_second_and_third_sources_come_with_the_promised_chances() -> None:
    # n = 1 + (u < 0.4) + (u < 0.1): one source 54 %, two 42 %, three 4 % of 4,000 records;
    # 5,000 sources make a repeated draw (which would drop a claim) rare.
    claims = cite_many(sources=5000, subjects=4000, extra=0.4)
    per_record = Counter(Counter(c[1] for c in claims).values())
    assert set(per_record) == {1, 2, 3}
    assert 0.51 < per_record[1] / 4000 < 0.57
    assert 0.39 < per_record[2] / 4000 < 0.45
    assert 0.03 < per_record[3] / 4000 < 0.05


def test_record_claims_have_the_staging_shape_with_page_locators() -> None:
    claims = cite_many(sources=20, subjects=1000, extra=0.4)
    assert {(c[0], c[2], c[3], c[6], c[7]) for c in claims} == {
        ("person", "record", None, None, "high")
    }
    locators = [c[5] for c in claims if c[5] is not None]
    assert 0.25 < len(locators) / len(claims) < 0.35  # "p. N" on 30 % of claims
    pages = {int(str(loc).removeprefix("p. ")) for loc in locators}
    assert min(pages) >= 1 and max(pages) <= 600


def test_a_few_sources_back_most_records() -> None:
    claims = cite_many(sources=1000, subjects=20_000, extra=0.0)
    count = Counter(c[4] for c in claims)
    ranked = [count[s] for s in source_ids(1000)]
    assert ranked[0] == max(ranked)  # src-00001 is the commonest
    assert sum(ranked[:10]) > sum(ranked[500:])  # the top 1 % beat the bottom half


def test_a_dispute_is_two_values_from_two_sources() -> None:
    citer = Citer(random.Random(4), 40)
    claims: list[Row] = []
    for i in range(200):
        citer.dispute(claims, "person", f"p{i}", "birth_year", ("1900", "1901"), "Another year.")
    pairs = [claims[k : k + 2] for k in range(0, len(claims), 2)]
    for first, second in pairs:
        assert first[:4] == (*second[:3], "1900") and second[3] == "1901"
        assert (first[6], first[7], second[6], second[7]) == (
            None,
            "medium",
            "Another year.",
            "low",
        )
        assert first[4] != second[4]


def test_a_dispute_with_one_source_takes_the_article_as_the_second() -> None:
    claims: list[Row] = []
    Citer(random.Random(1), 1).dispute(claims, "sentence", "s1", "years", ("5", "8"), "n")
    assert [(c[3], c[4]) for c in claims] == [("5", "src-00001"), ("8", "tally-article")]


def test_every_generated_record_cites_a_source(generated: Collector) -> None:
    cited = {(c["subject_kind"], c["subject_id"]) for c in generated.records("claim")}
    for kind in ("person", "sentence", "relation", "event", "document"):
        ids = {(kind, r["id"]) for r in generated.records(kind)}
        assert ids and ids <= cited, kind
