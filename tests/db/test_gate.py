"""The archive gate (db.gate), step by step: the file, its header, the journal beside it, the
schema, the values, the search index and the metadata are each refused with their own error, the
hardened connection settings hold, and the work budget is a count of SQLite steps that is
exact and the same on every run."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from db import errors, gate, open_archive
from db.schema import APPLICATION_ID, SCHEMA_VERSION, Base
from tests.conftest import BUNDLED

MiB = 1024 * 1024


def _copy(folder: Path, name: str = "a.sqlite") -> Path:
    path = folder / name
    shutil.copyfile(BUNDLED, path)
    return path


def _edit(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()
    return path


def _ro(path: Path) -> sqlite3.Connection:
    return gate.harden(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True))


def _validate(path: Path) -> tuple[bool, bool, bool]:
    conn = _ro(path)
    try:
        return gate.validate(conn, path, path.stat().st_size)
    finally:
        conn.close()


def _with_header(folder: Path, edit: Callable[[bytearray], None]) -> Path:
    """A file holding the bundled archive's first page with its header edited."""
    data = bytearray(BUNDLED.read_bytes()[:4096])
    edit(data)
    path = folder / "h.sqlite"
    path.write_bytes(data)
    return path


def _foreign_sqlite(path: Path, app_id: int = 0, version: int = 0) -> Path:
    return _edit(
        path,
        "CREATE TABLE t (x)",
        f"PRAGMA application_id = {app_id}",
        f"PRAGMA user_version = {version}",
    )


def _count_to(n: int) -> str:
    return (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < "
        f"{n}) SELECT count(*) FROM c"
    )


# -- step 1: the file itself ---------------------------------------------------------------


def test_stat_file_gives_the_size_of_a_regular_file() -> None:
    assert gate.stat_file(BUNDLED) == os.path.getsize(BUNDLED)


def test_stat_file_follows_a_symlink_to_the_archive(tmp_path: Path) -> None:
    link = tmp_path / "link.sqlite"
    link.symlink_to(BUNDLED)
    assert gate.stat_file(link) == os.path.getsize(BUNDLED)


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda d: d / "missing.sqlite", errors.ArchiveNotFound, "no such file"),
        (lambda d: d, errors.ArchiveNotAFile, "folder"),
        (
            lambda d: (d / "empty.sqlite", (d / "empty.sqlite").write_bytes(b""))[0],
            errors.ArchiveEmpty,
            "empty (0 bytes)",
        ),
        (
            lambda d: (d / "dangling", (d / "dangling").symlink_to(d / "gone"))[0],
            errors.ArchiveNotFound,
            "no such file",
        ),
        (lambda d: d / "nul\x00.sqlite", errors.ArchiveNotFound, "cannot be used"),
        (lambda d: Path("/dev/null"), errors.ArchiveNotAFile, "device, pipe or socket"),
    ],
    ids=["missing", "folder", "zero-bytes", "dangling-symlink", "nul-in-name", "device"],
)
def test_stat_file_refuses_what_is_not_a_readable_file(
    tmp_path: Path, make: Callable[[Path], Path], error: type[errors.ArchiveError], words: str
) -> None:
    target = make(tmp_path)
    with pytest.raises(error) as info:
        gate.stat_file(target)
    assert type(info.value) is error
    assert words in info.value.message
    assert str(target) in info.value.message


def test_a_fifo_is_refused_by_stat_before_anything_opens_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    with pytest.raises(errors.ArchiveNotAFile, match="pipe"):
        gate.stat_file(fifo)  # opening the FIFO would block forever: this returns at once


# -- step 2: the header and the journal beside the file -----------------------------------


def test_the_bundled_header_passes() -> None:
    gate.check_header(BUNDLED)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"hello, this is a note\n", "this is a text file"),
        (bytes(range(256)), "this is not a database"),
        (b"SQLite format 3\x00" + bytes(40), "this is not a database"),  # cut before byte 100
    ],
    ids=["text", "binary", "short-sqlite-header"],
)
def test_files_without_a_whole_sqlite_header_are_not_sqlite(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(content)
    with pytest.raises(errors.ArchiveNotSQLite) as info:
        gate.check_header(path)
    assert words in info.value.message
    assert info.value.family == "not-sqlite"


def _set(offset: int, value: bytes) -> Callable[[bytearray], None]:
    def edit(data: bytearray) -> None:
        data[offset : offset + len(value)] = value

    return edit


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (_set(16, (1000).to_bytes(2, "big")), "page size 1000"),
        (_set(16, (256).to_bytes(2, "big")), "page size 256"),
        (_set(18, b"\x03"), "file format versions 3/1"),
        (_set(19, b"\x00"), "file format versions 1/0"),
        (_set(21, b"\x41"), "payload fractions"),
        (_set(44, (5).to_bytes(4, "big")), "schema format 5"),
        (_set(56, (4).to_bytes(4, "big")), "text encoding 4"),
    ],
    ids=["page-size", "small-page", "write-version", "read-version", "payload", "schema", "enc"],
)
def test_impossible_header_fields_are_named_as_damage(
    tmp_path: Path, edit: Callable[[bytearray], None], words: str
) -> None:
    path = _with_header(tmp_path, edit)
    with pytest.raises(errors.ArchiveCorrupt) as info:
        gate.check_header(path)
    assert f"the file header is damaged ({words})" in info.value.message
    assert info.value.family == "bad-header"


def test_page_size_one_means_65536_and_is_not_damage(tmp_path: Path) -> None:
    gate.check_header(_with_header(tmp_path, _set(16, (1).to_bytes(2, "big"))))


@pytest.mark.parametrize("offset", [18, 19])
def test_a_wal_header_is_unsupported(tmp_path: Path, offset: int) -> None:
    path = _with_header(tmp_path, _set(offset, b"\x02"))
    with pytest.raises(errors.ArchiveUnsupported, match="write-ahead logging"):
        gate.check_header(path)


def test_a_database_of_another_application_is_foreign(tmp_path: Path) -> None:
    path = _foreign_sqlite(tmp_path / "other.sqlite", app_id=APPLICATION_ID + 1)
    with pytest.raises(errors.ArchiveForeign, match="not a Kremlin Affair archive"):
        gate.check_header(path)


def test_another_schema_version_is_named_with_both_versions(tmp_path: Path) -> None:
    path = _foreign_sqlite(tmp_path / "old.sqlite", APPLICATION_ID, 99)
    with pytest.raises(errors.ArchiveVersionMismatch) as info:
        gate.check_header(path)
    assert f"archive schema version 99; this program reads version {SCHEMA_VERSION}" in (
        info.value.message
    )


def test_an_unfinished_journal_beside_the_file_is_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path, "x.sqlite")
    (tmp_path / "x.sqlite-journal").write_bytes(gate.JOURNAL_MAGIC + bytes(504))
    with pytest.raises(errors.ArchiveUnsupported) as info:
        gate.check_siblings(path)
    assert "“x.sqlite-journal”" in info.value.message
    assert info.value.family == "needs-write"


@pytest.mark.parametrize(
    "make",
    [
        lambda j: j.write_bytes(bytes(512)),  # a finished journal (persist mode zeroes it)
        lambda j: j.write_bytes(b""),
        lambda j: j.mkdir(),
    ],
    ids=["zeroed-journal", "empty-journal", "folder"],
)
def test_a_journal_name_without_a_live_journal_is_ignored(
    tmp_path: Path, make: Callable[[Path], object]
) -> None:
    path = _copy(tmp_path, "x.sqlite")
    make(tmp_path / "x.sqlite-journal")
    gate.check_siblings(path)


# -- the hardened connection -----------------------------------------------------------------


def test_hardened_connections_read_invalid_utf8_as_replacement_characters() -> None:
    conn = gate.harden(sqlite3.connect(":memory:"))
    assert conn.execute("SELECT CAST(x'ff41' AS TEXT)").fetchone() == ("\ufffdA",)


def test_hardened_connections_refuse_values_past_the_field_limit() -> None:
    conn = gate.harden(sqlite3.connect(":memory:"))
    limit = gate.FIELD_LIMIT
    assert conn.execute("SELECT length(zeroblob(?))", (limit,)).fetchone() == (limit,)
    with pytest.raises(sqlite3.DataError, match="too big"):
        conn.execute("SELECT length(zeroblob(?))", (limit + 1,)).fetchone()


def test_hardened_connections_run_no_function_from_the_schema() -> None:
    calls: list[int] = []
    conn = sqlite3.connect(":memory:")
    conn.create_function("spy", 0, lambda: calls.append(1) or 1)
    conn.execute("CREATE VIEW v AS SELECT spy() AS x")
    assert conn.execute("SELECT x FROM v").fetchone() == (1,)  # the spy is live …
    gate.harden(conn)
    with pytest.raises(sqlite3.OperationalError, match="unsafe use of spy"):
        conn.execute("SELECT x FROM v").fetchone()
    assert calls == [1]  # … and the hardened connection did not call it again


# -- the work budget ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def calls_of_count() -> int:
    """Progress-handler calls the counting query needs (measured with a huge budget)."""
    budget = gate.StepBudget(10**12)
    conn = sqlite3.connect(":memory:")
    budget.install(conn)
    conn.execute(_count_to(20_000)).fetchone()
    conn.close()
    assert budget.used > 10
    return budget.used


def test_a_budget_of_exactly_the_needed_calls_lets_the_query_finish(calls_of_count: int) -> None:
    budget = gate.StepBudget(calls_of_count * gate.STEPS_PER_CALL)
    conn = sqlite3.connect(":memory:")
    budget.install(conn)
    assert conn.execute(_count_to(20_000)).fetchone() == (20_000,)
    assert budget.used == calls_of_count


def test_a_budget_interrupts_on_the_first_call_past_its_count(calls_of_count: int) -> None:
    budget = gate.StepBudget((calls_of_count - 1) * gate.STEPS_PER_CALL)
    assert budget.calls_left == calls_of_count - 1
    conn = sqlite3.connect(":memory:")
    budget.install(conn)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        conn.execute(_count_to(20_000)).fetchone()
    assert budget.used == budget.calls_left + 1


def test_a_budget_is_shared_by_every_connection_it_is_installed_on(calls_of_count: int) -> None:
    budget = gate.StepBudget(calls_of_count * 3 // 2 * gate.STEPS_PER_CALL)
    first, second = sqlite3.connect(":memory:"), sqlite3.connect(":memory:")
    budget.install(first)
    budget.install(second)
    assert first.execute(_count_to(20_000)).fetchone() == (20_000,)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        second.execute(_count_to(20_000)).fetchone()


def test_a_removed_budget_stops_counting() -> None:
    budget = gate.StepBudget(gate.STEPS_PER_CALL)
    conn = sqlite3.connect(":memory:")
    budget.install(conn)
    gate.StepBudget.remove(conn)
    assert conn.execute(_count_to(20_000)).fetchone() == (20_000,)
    assert budget.used == 0


def test_a_budget_below_one_call_still_allows_one_call() -> None:
    assert gate.StepBudget(0).calls_left == 1
    assert gate.StepBudget(gate.STEPS_PER_CALL - 1).calls_left == 1


def test_the_gate_budget_grows_per_whole_megabyte_only() -> None:
    per_mb = gate.GATE_STEPS_PER_MB // gate.STEPS_PER_CALL
    base = gate.gate_budget(0).calls_left
    assert base == gate.GATE_STEPS // gate.STEPS_PER_CALL
    assert gate.gate_budget(MiB - 1).calls_left == base
    assert gate.gate_budget(MiB).calls_left == base + per_mb
    assert gate.gate_budget(10 * MiB + 5).calls_left == base + 10 * per_mb


@pytest.fixture
def budgets(monkeypatch: pytest.MonkeyPatch) -> list[gate.StepBudget]:
    """Every budget the gate makes, kept to read how much of it was used."""
    made: list[gate.StepBudget] = []
    real = gate.gate_budget

    def spy(size: int) -> gate.StepBudget:
        made.append(real(size))
        return made[-1]

    monkeypatch.setattr(gate, "gate_budget", spy)
    return made


def test_the_gate_uses_the_same_number_of_steps_on_the_same_file_every_time(
    tmp_path: Path, budgets: list[gate.StepBudget]
) -> None:
    path = _copy(tmp_path)
    assert _validate(path) == (True, True, True)
    assert _validate(path) == (True, True, True)
    first, second = budgets
    assert first.used > 0
    assert first.used == second.used


def test_validate_leaves_no_budget_on_the_connection_even_when_it_runs_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gate, "GATE_STEPS", 0)
    monkeypatch.setattr(gate, "GATE_STEPS_PER_MB", 0)
    conn = _ro(BUNDLED)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        gate.validate(conn, BUNDLED, BUNDLED.stat().st_size)
    assert conn.execute(_count_to(20_000)).fetchone() == (20_000,)
    conn.close()


def test_files_past_the_check_limits_skip_the_scans_they_would_pay_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gate, "QUICK_CHECK_LIMIT", MiB // 2)
    monkeypatch.setattr(gate, "DEEP_CHECK_LIMIT", MiB // 4)
    assert _validate(BUNDLED) == (False, False, False)


# -- step 5: the schema ------------------------------------------------------------------------


def _schema_of(path: Path) -> dict[tuple[str, str], str]:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return {
            (kind, name): " ".join((sql or "").replace('"', "").split())
            for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_schema")
        }
    finally:
        conn.close()


def test_the_expected_schema_is_what_the_build_wrote_into_the_bundled_archive() -> None:
    assert gate.expected_schema() == _schema_of(BUNDLED)


def test_the_expected_schema_holds_every_declared_table_and_no_code() -> None:
    expected = gate.expected_schema()
    tables = {name for kind, name in expected if kind == "table"}
    assert set(Base.metadata.tables) <= tables
    assert {kind for kind, _ in expected} == {"table", "index"}


def test_search_tables_are_the_virtual_tables_of_the_bundled_archive() -> None:
    virtual = sorted(
        name
        for (kind, name), sql in _schema_of(BUNDLED).items()
        if kind == "table" and sql.startswith("CREATE VIRTUAL TABLE")
    )
    assert list(gate.search_tables()) == virtual == ["person_fts", "text_fts"]


def test_search_side_tables_are_the_plain_search_tables_not_fts_shadows() -> None:
    assert gate.search_side_tables() == ["search_vocab", "search_words"]


@pytest.mark.parametrize(
    ("statements", "family", "words"),
    [
        (["DROP TABLE tally"], "missing-table", "the table 'tally' is missing"),
        (["DROP TABLE text_fts"], "missing-table", "the search index 'text_fts' is missing"),
        (
            [f"DROP INDEX {n}" for n in ("ix_claim_subject", "ix_event_id", "ix_tally_id")]
            + ["DROP INDEX ix_source_id", "DROP INDEX ix_person_id"],
            "missing-table",
            "lacks 'ix_claim_subject', 'ix_event_id', 'ix_person_id' and 2 more",
        ),
        (
            ["DROP INDEX ix_person_role_rank", "CREATE INDEX ix_person_role_rank ON person(role)"],
            "schema-differs",
            "'ix_person_role_rank' is not defined the way this program writes archives",
        ),
        (
            ["CREATE INDEX by_summary ON person(summary)"],
            "schema-differs",
            "1 unknown table(s) or index(es) ('by_summary')",
        ),
        (
            ["ALTER TABLE person DROP COLUMN later_fate"],
            "missing-table",
            "the table 'person' lacks column(s) later_fate",
        ),
    ],
    ids=[
        "missing-table",
        "missing-search-index",
        "five-missing",
        "redefined-index",
        "extra-index",
        "dropped-column",
    ],
)
def test_a_schema_unlike_the_built_one_is_refused_naming_the_difference(
    tmp_path: Path, statements: list[str], family: str, words: str
) -> None:
    path = _edit(_copy(tmp_path), *statements)
    with pytest.raises(errors.ArchiveCorrupt) as info:
        _validate(path)
    assert info.value.family == family
    assert words in info.value.message


# -- step 6: values, chart summary, search index -----------------------------------------------


@pytest.mark.parametrize(
    ("statement", "words"),
    [
        (
            "UPDATE person SET birth_year = 'about 1900' WHERE pk = 3",
            "'person.birth_year' holds values that are not whole number",
        ),
        (
            "UPDATE event SET title = x'4142' WHERE pk = 2",
            "'event.title' holds values that are not text",
        ),
        (
            "UPDATE claim SET source_pk = 1.5 WHERE pk = 7",
            "'claim.source_pk' holds values that are not whole number",
        ),
    ],
    ids=["text-in-integer", "blob-in-text", "real-in-integer"],
)
def test_a_value_of_the_wrong_storage_class_is_refused(
    tmp_path: Path, statement: str, words: str
) -> None:
    path = _edit(_copy(tmp_path), statement)
    with pytest.raises(errors.ArchiveCorrupt) as info:
        _validate(path)
    assert info.value.family == "bad-value"
    assert words in info.value.message


@pytest.mark.parametrize(
    "detail",
    [
        "koshel-kniga87=2|kapchenko-polbio=\u0663",  # ARABIC-INDIC DIGIT THREE: not ASCII
        "koshel-kniga87=",
        "koshel-kniga87",
    ],
    ids=["non-ascii-digit", "no-figure", "no-equals"],
)
def test_a_chart_summary_figure_that_does_not_parse_is_refused(tmp_path: Path, detail: str) -> None:
    # The bundled archive, which passes, has both figures ("a=2|b=1") and empty details.
    path = _copy(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE outcome_summary SET published_detail = ? "
        "WHERE tribunal = 'military-collegium' AND outcome = 'death'",
        (detail,),
    )
    conn.commit()
    conn.close()
    with pytest.raises(errors.ArchiveCorrupt) as info:
        _validate(path)
    assert info.value.family == "bad-value"
    assert "the chart summary is damaged (a published figure reads “" in info.value.message


@pytest.mark.parametrize("deep", [True, False], ids=["every-row", "probes-only"])
def test_a_value_breaking_the_archive_contract_is_refused_at_any_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deep: bool
) -> None:
    if not deep:  # a file past the deep-check limit still gets the contract's index probes
        monkeypatch.setattr(gate, "DEEP_CHECK_LIMIT", MiB // 4)
    path = _edit(_copy(tmp_path), "UPDATE meta SET value = '98' WHERE key = 'person_count'")
    with pytest.raises(errors.ArchiveCorrupt) as info:
        _validate(path)
    assert info.value.family == "contract"
    assert "the archive breaks the archive contract: the metadata says 98 rows of 'person'" in (
        info.value.message
    )


def test_a_damaged_search_index_block_is_found_by_the_in_memory_check(tmp_path: Path) -> None:
    path = _edit(
        _copy(tmp_path),
        "UPDATE text_fts_data SET block = zeroblob(length(block)) "
        "WHERE id = (SELECT max(id) FROM text_fts_data)",
    )
    with pytest.raises(errors.ArchiveCorrupt) as info:
        _validate(path)
    assert info.value.family == "search-index"
    assert "the search index is damaged" in info.value.message


# -- reading the metadata ----------------------------------------------------------------------


@pytest.fixture
def meta() -> Iterator[sqlite3.Connection]:
    """An in-memory copy of the bundled archive's meta table, free to edit."""
    src = _ro(BUNDLED)
    rows = src.execute("SELECT key, value FROM meta").fetchall()
    src.close()
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.executemany("INSERT INTO meta VALUES (?, ?)", rows)
    yield conn
    conn.close()


def test_read_info_counts_are_the_row_counts_of_the_tables() -> None:
    tables = ("person", "event", "document", "source", "sentence", "relation", "claim", "tally")
    conn = _ro(BUNDLED)
    try:
        info = gate.read_info(conn, BUNDLED, 123, True, False)
        real = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()
    assert info.counts == real
    assert (info.title, info.schema_version) == ("The Kremlin Affair, 1935", SCHEMA_VERSION)
    assert (info.size_bytes, info.integrity_checked, info.deep_checked) == (123, True, False)
    assert info.meta["title_ru"] == "Кремлёвское дело, 1935"


@pytest.mark.parametrize(
    ("statement", "words"),
    [
        ("DELETE FROM meta WHERE key = 'title'", "the archive metadata is incomplete ('title')"),
        ("DELETE FROM meta WHERE key = 'data_version'", "incomplete ('data_version')"),
        ("UPDATE meta SET value = 'one' WHERE key = 'schema_version'", "incomplete"),
        ("UPDATE meta SET value = 'many' WHERE key = 'event_count'", "incomplete"),
        ("DELETE FROM meta WHERE key = 'person_count'", "the archive metadata has no person count"),
        ("DELETE FROM meta", "incomplete"),
    ],
    ids=["no-title", "no-version", "bad-schema-version", "bad-count", "no-person-count", "empty"],
)
def test_read_info_refuses_incomplete_metadata(
    meta: sqlite3.Connection, statement: str, words: str
) -> None:
    meta.execute(statement)
    path = Path("/archives/x.sqlite")
    with pytest.raises(errors.ArchiveCorrupt) as info:
        gate.read_info(meta, path, 1, True, True)
    assert info.value.family == "bad-value"
    assert words in info.value.message
    assert str(path) in info.value.message


def test_read_info_keeps_unknown_meta_keys_without_taking_them_for_counts(
    meta: sqlite3.Connection,
) -> None:
    meta.execute("INSERT INTO meta VALUES ('curator', 'Jane Roe')")
    info = gate.read_info(meta, Path("x.sqlite"), 1, True, True)
    assert info.meta["curator"] == "Jane Roe"
    assert "curator" not in info.counts


def test_files_past_the_contract_limit_get_index_probes_and_a_sample_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gate, "CONTRACT_FULL_LIMIT", MiB // 4)
    assert _validate(BUNDLED) == (True, True, False)
    archive = open_archive(BUNDLED)
    archive.close()
    assert archive.info.deep_checked and not archive.info.contract_checked


def test_only_archives_with_whole_file_checks_are_slow_to_open(tmp_path: Path) -> None:
    small, mid, big = tmp_path / "small", tmp_path / "mid", tmp_path / "big"
    for path, size in (
        (small, 1024),
        (mid, gate.SLOW_OPEN_SIZE + 1),
        (big, gate.DEEP_CHECK_LIMIT + 1),
    ):
        with path.open("wb") as f:
            f.truncate(size)
    assert [gate.slow_to_open(p) for p in (small, mid, big)] == [False, True, False]
    assert not gate.slow_to_open(tmp_path / "missing")
    assert not gate.slow_to_open(BUNDLED)


# -- refusals in Russian ----------------------------------------------------------------------

from db import i18n  # noqa: E402


@pytest.fixture
def russian() -> Iterator[None]:
    i18n.set_language("ru")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("make", "title", "words"),
    [
        (lambda d: d / "missing.sqlite", "Архив не найден", "файла нет"),
        (lambda d: d, "Это не файл архива", "это папка, а не файл архива"),
        (
            lambda d: (d / "empty.sqlite", (d / "empty.sqlite").write_bytes(b""))[0],
            "Пустой файл",
            "файл пуст (0 байт)",
        ),
        (lambda d: Path("/dev/null"), "Это не файл архива", "устройство, канал или сокет"),
    ],
    ids=["missing", "folder", "zero-bytes", "device"],
)
def test_stat_refusals_read_in_russian(
    tmp_path: Path, russian: None, make: Callable[[Path], Path], title: str, words: str
) -> None:
    target = make(tmp_path)
    with pytest.raises(errors.ArchiveError) as info:
        gate.stat_file(target)
    assert info.value.title == title
    assert info.value.message == f"Не удаётся открыть «{target}»: {info.value.problem}"
    assert words in info.value.problem


def test_header_refusals_read_in_russian(tmp_path: Path, russian: None) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"hello, this is a note\n")
    with pytest.raises(errors.ArchiveNotSQLite) as info:
        gate.check_header(path)
    assert info.value.problem == "это текстовый файл, а не архив «Кремлёвского дела»"
    data = bytearray(BUNDLED.read_bytes()[:100])
    data[16:18] = (1000).to_bytes(2, "big")
    path.write_bytes(bytes(data))
    with pytest.raises(errors.ArchiveCorrupt) as damaged:
        gate.check_header(path)
    assert damaged.value.problem == "повреждён заголовок файла (размер страницы 1000)"
    assert damaged.value.title == "Архив повреждён"
    i18n.set_language("en")  # the same error, shown after a switch, reads in English
    assert damaged.value.problem == "the file header is damaged (page size 1000)"
