"""The archive contract: each rule on single values, and the cheap and full checks of a file."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import contract
from tests.conftest import BUNDLED


@pytest.mark.parametrize("value", ["a", "cherniavsky-mikhail", "doc-5202", "x" * 80, "0-9"])
def test_slugs_are_ids(value: str) -> None:
    assert contract.id_problem(value) is None


@pytest.mark.parametrize(
    "value",
    ["", None, "-lead", "Upper", "../../x", "/tmp/x", "a b", "a\x00b", "\u202ex", "x" * 81, "ж"],
)
def test_anything_else_is_not_an_id(value: str | None) -> None:
    assert contract.id_problem(value) is not None


@pytest.mark.parametrize(
    ("value", "precision"),
    [("1935", "year"), ("1935-07", "month"), ("1935-07-27", "day"), ("1936-02-29", None)],
)
def test_iso_dates_at_their_precision_are_dates(value: str, precision: str | None) -> None:
    assert contract.date_problem(value, precision) is None


@pytest.mark.parametrize(
    ("value", "precision", "words"),
    [
        ("9999-12-31", None, "year 9999 is outside 1000..2100"),
        ("0999", None, "outside"),
        ("n.d.", None, "is not a date"),
        ("27 July 1935", None, "is not a date"),
        ("1935-13-01", None, "no month 13"),
        ("1935-02-29", None, "not a day of the calendar"),
        ("1935-07", "day", "does not have day precision"),
        ("1935-07-27", "year", "does not have year precision"),
        ("1935", "decade", "is not year, month or day"),
        ("", None, "is empty"),
    ],
)
def test_other_dates_are_refused_with_the_reason(
    value: str, precision: str | None, words: str
) -> None:
    problem = contract.date_problem(value, precision)
    assert problem is not None and words in problem


def test_an_unknown_date_is_allowed_only_where_the_contract_says() -> None:
    assert contract.date_problem(None, may_be_empty=True) is None
    assert contract.date_problem("", may_be_empty=True) is None
    assert contract.date_problem(None) is not None


@pytest.mark.parametrize(("value", "ok"), [(None, True), ("", True), (1898, True),
                                           ("1935", True), (999, False), (2101, False),
                                           ("19x5", False)])  # fmt: skip
def test_years_are_empty_or_within_the_range(value: int | str | None, ok: bool) -> None:
    assert (contract.year_problem(value) is None) is ok


def test_text_may_hold_newlines_and_tabs_but_no_other_control() -> None:
    assert contract.text_problem("line\nnext\tcell") is None
    assert contract.text_problem(None) is None
    for ch in ("\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b"):
        problem = contract.text_problem(f"a{ch}b")
        assert problem == f"holds the control character U+{ord(ch):04X}"


def test_printable_shows_control_characters_and_cuts() -> None:
    assert contract.printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert contract.printable("x" * 100, 10) == "x" * 9 + "…"


# -- a file ------------------------------------------------------------------------------


def test_the_bundled_archive_keeps_the_contract() -> None:
    conn = sqlite3.connect(f"file:{BUNDLED}?mode=ro", uri=True)
    try:
        assert contract.cheap_problems(conn) == []
        assert contract.full_problems(conn) == []
    finally:
        conn.close()


@pytest.fixture
def copy(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    path = tmp_path / "copy.sqlite"
    shutil.copyfile(BUNDLED, path)
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


@pytest.mark.parametrize(
    ("sql", "cheap", "words"),
    [
        ("UPDATE meta SET value = '98' WHERE key = 'person_count'", True, "metadata says 98"),
        ("UPDATE meta SET value = 'many' WHERE key = 'event_count'", True, "is no number"),
        ("DELETE FROM meta WHERE key = 'tally_count'", True, "no tally count"),
        ("UPDATE person SET rank_birth = rank_birth + 1000", True, "person.rank_birth"),
        ("UPDATE person SET id = 'BAD ID' WHERE pk = 1", True, "is not an id"),
        ("UPDATE event SET date = 'soon' WHERE pk = 1", True, "is not a date"),
        ("DELETE FROM claim WHERE pk = 500", False, "the table holds 1,081"),
        ("UPDATE person SET id = 'a/b' WHERE pk = 2", False, "is not an id"),
        ("UPDATE document SET year = 3000 WHERE pk = 9", False, "year 3000 is outside"),
        ("UPDATE tally SET label = 'x' || char(27) WHERE pk = 3", False, "U+001B"),
        ("UPDATE claim SET note = 'x' || char(0) || 'y' WHERE pk = 3", False, "U+0000"),
        ("UPDATE person SET rank_name = 1 WHERE pk = 2", False, "person.rank_name"),
        ("UPDATE person SET tribunal = 'maybe' WHERE pk = 4", False, "the tribunal 'maybe'"),
        ("UPDATE sentence SET stage = 'appeal' WHERE pk = 4", False, "the stage 'appeal'"),
    ],
)
def test_each_breach_is_found_by_the_check_that_can_see_it(
    copy: sqlite3.Connection, sql: str, cheap: bool, words: str
) -> None:
    if "rank_name = 1 WHERE" in sql:
        index = copy.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'person' "
            "AND sql LIKE '%(rank_name)'"
        ).fetchone()[0]
        copy.execute(f'DROP INDEX "{index}"')  # let a duplicate rank in
    copy.execute(sql)
    copy.commit()
    full = contract.full_problems(copy)
    assert any(words in p for p in full), full
    found_cheaply = any(words in p for p in contract.cheap_problems(copy))
    if cheap:
        assert found_cheaply  # index probes at any size


def test_the_cheap_check_reads_index_ends_not_tables(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Counted in SQLite VM steps, not seconds: a table scan of the 20,000-person archive's
    # claims alone takes hundreds of thousands of steps; index probes take a few hundred.
    from db import synth

    path = synth.cached_archive(20_000, 1)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(count, 10)  # a call every 10 VM instructions
    try:
        assert contract.cheap_problems(conn) == []
        cheap, steps[0] = steps[0], 0
        conn.execute("SELECT min(pk), max(pk) FROM claim").fetchone()  # what it must not do
        one_scan = steps[0]
    finally:
        conn.close()
    assert 0 < cheap * 20 < one_scan, (cheap, one_scan)


def test_unknown_and_none_are_both_allowed_and_different(copy: sqlite3.Connection) -> None:
    for table, column, allowed in contract.VOCABULARIES:
        if column in ("tribunal", "sentence_kind", "kind"):
            assert {"unknown", "none"} <= set(allowed), (table, column)
    copy.execute("UPDATE person SET tribunal = 'unknown', sentence_kind = 'unknown' WHERE pk = 1")
    copy.execute("UPDATE person SET tribunal = 'none', sentence_kind = 'none' WHERE pk = 2")
    copy.commit()
    assert contract.full_problems(copy) == []


def test_problems_read_in_the_language_in_use() -> None:
    from db import i18n

    i18n.set_language("ru")
    try:
        assert contract.id_problem("") == "пусто"
        assert contract.date_problem("1935-02-30") == "'1935-02-30' — несуществующий день календаря"
        assert contract.year_problem(3000) == "год 3000 вне пределов 1000..2100"
        assert contract.text_problem("a\x1bb") == "содержит управляющий символ U+001B"
    finally:
        i18n.set_language("en")
    assert contract.year_problem(3000) == "year 3000 is outside 1000..2100"
