"""The command line itself: which argv is a command, the parser, exit codes, ``--archive``, and
errors as one line on stderr (the commands' own output is tested in tests/app/commands)."""

from __future__ import annotations

import errno
import io
import json
import logging
import shutil
from pathlib import Path

import pytest

from app import cli
from app.__main__ import main
from tests.conftest import BUNDLED


class FailingStdout(io.StringIO):
    """A terminal that refuses output with ``error`` (a full disk, a closed pipe)."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], False),
        (["info"], True),
        (["show", "kamenev-lev", "--json"], True),
        (["--archive", "x.sqlite"], False),
        (["Info"], False),
        (["information"], False),
        (["x.sqlite", "info"], False),
    ],
)
def test_only_a_known_first_word_is_a_command(argv: list[str], command: bool) -> None:
    assert cli.is_command(argv) is command


@pytest.mark.parametrize("name", cli.COMMANDS)
def test_every_command_takes_an_archive_option(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.parser().parse_args([name, "--help"])
    assert exit_.value.code == 0
    assert "--archive ARCHIVE" in capsys.readouterr().out


def test_without_archive_option_the_bundled_archive_is_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.parser().parse_args(["info"]).archive is None
    assert main(["info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(BUNDLED)


def test_archive_option_reads_that_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "copy of the archive.sqlite"
    shutil.copyfile(BUNDLED, other)
    assert main(["info", "--json", "--archive", str(other)]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(other)


def test_a_usage_error_exits_2_naming_what_is_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["show"])
    assert exit_.value.code == cli.EXIT_USAGE == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        "kremlin-archive show: error: the following arguments are required: id"
    )


def test_bad_archive_exits_3_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "x.sqlite"
    bad.write_text("not a database")
    assert main(["info", "--archive", str(bad)]) == cli.EXIT_ARCHIVE == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "text file" in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.sqlite"]


def test_missing_archive_exits_3_naming_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere" / "gone.sqlite"
    assert main(["show", "kamenev-lev", "--archive", str(missing)]) == 3
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith("kremlin-archive: ") and str(missing) in captured.err
    assert not missing.parent.exists()


def test_a_failing_command_exits_1_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full = FailingStdout(OSError(errno.ENOSPC, "No space left on device"))
    monkeypatch.setattr("sys.stdout", full)
    assert main(["info"]) == cli.EXIT_FAILED == 1
    assert capsys.readouterr().err == (
        "kremlin-archive: info failed: [Errno 28] No space left on device\n"
    )


def test_a_closed_pipe_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdout", FailingStdout(BrokenPipeError(errno.EPIPE, "Broken pipe")))
    assert main(["show", "kamenev-lev"]) == 0
    assert capsys.readouterr().err == ""


def test_a_failing_command_prints_no_traceback_when_logging_is_not_set_up(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As in a real ``kremlin-archive`` process: no handler on the root logger (pytest's own
    # capture handlers are taken away for this test).
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    monkeypatch.setattr("sys.stdout", FailingStdout(OSError(errno.ENOSPC, "No space left")))
    assert main(["info"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
