"""Hostile-but-valid archives are refused within the gate's work budget, touching nothing.

Also: no application function ever runs from an archive's schema (``trusted_schema`` is off on
every connection, proved with a spy), and the app's connections cap the size of any value.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from db import Archive, ArchiveInfo, errors, gate, open_archive, verified
from tests.conftest import BUNDLED
from tests.hardening import hostile


def _state(folder: Path) -> dict[str, tuple[int, int, str]]:
    return {
        p.name: (p.stat().st_size, p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in folder.iterdir()
    }


@pytest.mark.parametrize("name", list(hostile.CASES))
def test_hostile_archive_is_refused_with_its_own_message(tmp_path: Path, name: str) -> None:
    case = hostile.CASES[name]
    path = case.build(tmp_path)
    before = _state(tmp_path)
    with pytest.raises(errors.ArchiveError) as info:
        open_archive(path)
    assert type(info.value) is case.error, info.value.message
    assert case.words in info.value.message
    assert str(path) in info.value.message
    assert _state(tmp_path) == before  # nothing created, nothing modified (not even the -wal)


def _ungated(path: Path) -> Archive:
    """An Archive over ``path`` that skipped the gate: what the app's connections allow."""
    info = ArchiveInfo(path, "ungated", "0", 1, {}, path.stat().st_size, False)
    return Archive(path, path.resolve().as_uri() + "?mode=ro", info)


def test_no_app_function_runs_from_an_archive_schema(tmp_path: Path) -> None:
    path = hostile.function_view(tmp_path)
    calls: list[tuple[str, str]] = []

    def spy(pattern: str, value: str) -> int:
        calls.append((pattern, value))
        return 1

    archive = _ungated(path)
    event.listen(
        archive.engine,
        "connect",
        lambda dbapi, _record: dbapi.create_function("regexp", 2, spy, deterministic=True),
    )
    try:
        with archive.connect() as conn:
            assert conn.exec_driver_sql("SELECT regexp('a', 'b')").scalar() == 1
            assert calls == [("a", "b")]  # the spy is live on the app's connection…
            with pytest.raises(OperationalError, match="unsafe use of regexp"):
                conn.exec_driver_sql("SELECT r FROM person_names").all()
    finally:
        archive.close()
    assert calls == [("a", "b")]  # … and the archive's view could not call it


def test_app_connections_refuse_oversized_values_instead_of_reading_them(tmp_path: Path) -> None:
    for build, sql in (
        (hostile.field_60mb, "SELECT summary FROM person WHERE pk = 1"),
        (hostile.generated_column, "SELECT boom FROM person LIMIT 1"),
    ):
        archive = _ungated(build(tmp_path))
        try:
            with archive.connect() as conn, pytest.raises(SQLAlchemyError) as info:
                conn.exec_driver_sql(sql).all()
        finally:
            archive.close()
        assert "string or blob too big" in str(info.value)
        assert errors.classify(info.value).key == "too-big"


def test_big_files_skip_the_deep_scan_but_stay_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Above DEEP_CHECK_LIMIT (a generated multi-GB archive) the value scan is skipped; the
    # connection's FIELD_LIMIT still stops a 60 MB field at query time.
    monkeypatch.setattr(gate, "DEEP_CHECK_LIMIT", 1024 * 1024)
    archive = open_archive(hostile.field_60mb(tmp_path))
    try:
        # The quick_check of such a file runs after it opens (ArchiveController).
        assert not archive.info.integrity_checked and not archive.info.deep_checked
        with archive.connect() as conn, pytest.raises(SQLAlchemyError, match="too big"):
            conn.exec_driver_sql("SELECT summary FROM person WHERE pk = 1").all()
    finally:
        archive.close()


def test_the_gate_has_a_work_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gate, "GATE_STEPS", 0)
    monkeypatch.setattr(gate, "GATE_STEPS_PER_MB", 0)
    with pytest.raises(errors.ArchiveCorrupt) as info:
        open_archive(BUNDLED)
    assert info.value.family == "interrupted"
    assert "took too long" in info.value.message


def test_bundled_archive_passes_every_check_within_a_small_part_of_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    budgets: list[gate.StepBudget] = []
    real = gate.gate_budget

    def spy(size: int) -> gate.StepBudget:
        budgets.append(real(size))
        return budgets[-1]

    monkeypatch.setattr(gate, "gate_budget", spy)
    verified.forget()  # an earlier open in this process would let the file skip the gate
    archive = open_archive(BUNDLED)
    archive.close()
    assert archive.info.integrity_checked and archive.info.deep_checked
    (budget,) = budgets
    assert 0 < budget.used < budget.calls_left // 20  # every check ran, well inside the budget
