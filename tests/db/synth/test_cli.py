"""``python -m db.synth``: arguments, the default target, progress on stderr, report on stdout."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from db import synth
from db.synth import cache


def people_and_version(path: Path) -> tuple[int, str]:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
        version = conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()[0]
    finally:
        conn.close()
    return people, version


def test_command_line_writes_the_archive_it_was_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.sqlite"
    assert synth.main(["--people", "200", "--seed", "9", "--out", str(out), "-q"]) == 0
    assert people_and_version(out) == (200, "synth-200-seed9")
    printed = capsys.readouterr()
    lines = printed.out.splitlines()
    assert len(lines) == 3 and lines[0].startswith(f"wrote {out} (")
    assert lines[1].startswith("phases: staging ") and lines[2].startswith("rows: source ")
    assert printed.err == ""  # -q: no progress lines


def test_without_quiet_progress_goes_to_stderr_with_timestamps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert synth.main(["--people", "200", "--out", str(tmp_path / "v.sqlite")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err and all(re.match(r"\[ +\d+\.\ds\] \S", line) for line in err)
    assert any("generated 200/200 people (100 %)" in line for line in err)


def test_without_out_or_seed_seed_one_goes_to_the_cache_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path)
    assert synth.main(["--people", "120", "-q"]) == 0
    assert people_and_version(tmp_path / "synth-120-seed1.sqlite") == (120, "synth-120-seed1")
    assert f"wrote {tmp_path / 'synth-120-seed1.sqlite'}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--people", "0"], "--people must be at least 1"),
        (["--people", "-5"], "--people must be at least 1"),
        (["--people", "many"], "invalid int value: 'many'"),
        ([], "the following arguments are required: --people"),
        (["--people", "10", "--seed", "x"], "invalid int value: 'x'"),
    ],
)
def test_bad_arguments_exit_with_a_usage_error_and_write_nothing(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        synth.main([*argv, "--out", str(tmp_path / "no.sqlite")])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
