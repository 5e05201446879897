"""FTS5 expressions of the search as tsquery text: same meaning, user text never syntax."""

from __future__ import annotations

import pytest

from db.pg.tsquery import NotATerm, to_tsquery
from db.search.query import Rank, fts_expression, parse, quote


def test_terms_prefixes_and_operators() -> None:
    expr = '("ежов" OR "iva"*) AND ("0н" OR "0n")'
    assert to_tsquery(expr) == "( 'ежов' | 'iva':* ) & ( '0н' | '0n' )"


def test_quotes_in_a_term_stay_inside_the_lexeme() -> None:
    with pytest.raises(NotATerm):
        to_tsquery(quote("o'brien"))
    with pytest.raises(NotATerm):
        to_tsquery(quote('a"b'))


@pytest.mark.parametrize("text", ["", "-", "a b", "x*", '"'])
def test_a_term_that_is_not_one_token_matches_nothing(text: str) -> None:
    with pytest.raises(NotATerm):
        to_tsquery(quote(text))


def test_syntax_outside_terms_is_refused() -> None:
    for expr in ('"a" NEAR "b"', '"a" OR', "a", '"a" & "b"'):
        if expr == '"a" OR':
            assert to_tsquery(expr) == "'a' |"  # the search never writes it; the server refuses
            continue
        with pytest.raises(NotATerm):
            to_tsquery(expr)


def test_every_expression_the_search_writes_converts() -> None:
    query = parse("Ежов Н. И.")
    words = tuple(w for w in query.words)
    assert words
    from db.search.query import Candidate, Word

    word = Word(words[0].token, (Candidate("ежов", Rank.NAME, "ежов", "cyr"),), wide=True)
    resolved = type(query)(query.text, (word,), query.initials, query.notices)
    expr = fts_expression(resolved, Rank.PREFIX)
    assert to_tsquery(expr) == "( 'ежов' | 'ежов':* ) & ( '0н' ) & ( '1и' )"


def test_one_group_of_whole_terms_is_read_from_the_postings() -> None:
    from db.pg.tsquery import single_group

    assert single_group('("ivanov" OR "иванов" OR "ivanov")') == ["ivanov", "иванов"]
    assert single_group('"ежов"') == ["ежов"]
    for expr in ('("a" OR "b"*)', '("a") AND ("b")', "", '(("a"))', '"a" "b" x'):
        assert single_group(expr) is None, expr
    with pytest.raises(NotATerm):
        single_group(quote("o'brien"))
