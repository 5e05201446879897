"""The memo of files that passed the whole gate: reused only for the very same, unchanged file."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import errors, gate, open_archive, verified
from tests.conftest import BUNDLED


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """The paths :func:`db.gate.validate` ran on, from a clean memo."""
    ran: list[Path] = []
    real = gate.validate

    def spy(conn: object, path: Path, size: int) -> tuple[bool, bool, bool]:
        ran.append(path)
        return real(conn, path, size)  # type: ignore[arg-type]

    monkeypatch.setattr(gate, "validate", spy)
    verified.forget()
    yield ran
    verified.forget()


def _copy(folder: Path, name: str = "a.sqlite") -> Path:
    path = folder / name
    shutil.copyfile(BUNDLED, path)
    return path


def _open(path: Path) -> None:
    open_archive(path).close()


def _damage_keeping_size_and_mtime(path: Path) -> None:
    """A control character written over one letter of a name, the modification time set back."""
    before = os.stat(path)
    data = bytearray(path.read_bytes())
    at = data.index(b"Yenukidze")
    data[at] = 0x01
    with path.open("r+b") as fh:
        fh.write(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_an_unchanged_file_is_checked_once(tmp_path: Path, checks: list[Path]) -> None:
    path = _copy(tmp_path)
    for _ in range(3):
        archive = open_archive(path)
        archive.close()
        assert archive.info.integrity_checked and archive.info.contract_checked
    assert len(checks) == 1


def test_a_file_changed_in_place_is_checked_again_and_refused(
    tmp_path: Path, checks: list[Path]
) -> None:
    path = _copy(tmp_path)
    _open(path)
    _damage_keeping_size_and_mtime(path)
    with pytest.raises(errors.ArchiveCorrupt):
        _open(path)
    assert len(checks) == 2


def test_a_file_replaced_by_another_is_checked_again(tmp_path: Path, checks: list[Path]) -> None:
    path = _copy(tmp_path)
    _open(path)
    damaged = _copy(tmp_path, "b.sqlite")
    _damage_keeping_size_and_mtime(damaged)
    os.utime(damaged, ns=(os.stat(path).st_atime_ns, os.stat(path).st_mtime_ns))
    os.replace(damaged, path)
    with pytest.raises(errors.ArchiveCorrupt):
        _open(path)
    assert len(checks) == 2


def test_a_refusal_is_not_remembered(tmp_path: Path, checks: list[Path]) -> None:
    path = _copy(tmp_path)
    shutil.copyfile(BUNDLED, tmp_path / "good")
    _damage_keeping_size_and_mtime(path)
    for _ in range(2):
        with pytest.raises(errors.ArchiveCorrupt):
            _open(path)
    shutil.copyfile(tmp_path / "good", path)  # repaired in place
    _open(path)
    assert len(checks) == 3


def test_a_pass_under_other_limits_is_not_reused(
    tmp_path: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(tmp_path)
    _open(path)
    monkeypatch.setattr(gate, "CONTRACT_FULL_LIMIT", 1024)
    archive = open_archive(path)
    archive.close()
    assert not archive.info.contract_checked  # the sample-only verdict, not the earlier one
    assert len(checks) == 2


def test_a_file_left_for_the_background_check_is_not_remembered(
    tmp_path: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gate, "DEEP_CHECK_LIMIT", 1024)
    path = _copy(tmp_path)
    _open(path)
    _open(path)
    assert len(checks) == 2


def test_the_memo_keeps_the_newest_files_only(tmp_path: Path, checks: list[Path]) -> None:
    paths = [_copy(tmp_path, f"{n}.sqlite") for n in range(verified.LIMIT + 1)]
    for path in paths:
        _open(path)
    _open(paths[-1])  # still remembered
    _open(paths[0])  # the oldest was forgotten
    assert checks == [*paths, paths[0]]


def test_a_missing_file_has_no_fingerprint(tmp_path: Path) -> None:
    assert verified.fingerprint(tmp_path / "missing") is None
    assert not verified.passed(None)
    verified.remember(None)  # nothing to remember, nothing raised
