"""The fixed word lists agree with the archive's controlled vocabulary: verdict kinds,
tribunals and tally categories are values the builder accepts, and each tribunal's verdict
weights are a whole distribution."""

from __future__ import annotations

from collections import Counter

import pytest

from db import vocab
from db.synth import vocabulary


@pytest.mark.parametrize("tribunal", sorted(vocabulary.VERDICTS))
def test_each_tribunals_verdict_weights_sum_to_one(tribunal: str) -> None:
    weights = [w for _, w, _ in vocabulary.VERDICTS[tribunal]]
    assert sum(weights) == pytest.approx(1.0) and all(w > 0 for w in weights)


def test_verdicts_use_the_archives_tribunals_and_sentence_kinds() -> None:
    assert set(vocabulary.VERDICTS) <= set(vocab.TRIBUNALS)
    kinds = {kind for options in vocabulary.VERDICTS.values() for kind, _, _ in options}
    assert kinds <= set(vocab.SENTENCE_KINDS)
    assert kinds <= set(vocabulary.TALLY_CATEGORY)


def test_terms_are_given_only_for_kinds_that_have_one() -> None:
    for options in vocabulary.VERDICTS.values():
        for kind, _, terms in options:
            if kind in ("death", "none", "unknown"):
                assert terms == (), kind
            else:
                assert terms and all(1 <= t <= 25 for t in terms), kind


def test_only_the_tallied_tribunals_have_russian_document_titles() -> None:
    assert set(vocabulary.TRIBUNAL_RU) == {"military-collegium", "special-board-oso"}
    assert set(vocabulary.TRIBUNAL_RU) <= set(vocabulary.VERDICTS)


def test_word_lists_repeat_no_entry_except_the_weighted_moscow() -> None:
    lists = {k: v for k, v in vars(vocabulary).items() if k.isupper() and isinstance(v, tuple)}
    assert len(lists) >= 10
    repeats = {k: [w for w, n in Counter(v).items() if n > 1] for k, v in lists.items()}
    assert {k: r for k, r in repeats.items() if r} == {"CITIES": ["Moscow"]}
