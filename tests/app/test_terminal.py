"""Terminal output cannot be steered by archive text, and never fails to encode."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from app import terminal


def test_control_characters_become_visible_escapes() -> None:
    assert terminal.visible("a\x1b]0;title\x07b\x1b[2J") == "a\\x1b]0;title\\x07b\\x1b[2J"
    assert terminal.visible("\x9b\x00\x7f") == "\\x9b\\x00\\x7f"
    assert terminal.visible("line\n\ttab") == "line\n\ttab"


def test_the_safe_stream_escapes_everything_written_through_print() -> None:
    raw = io.StringIO()
    stream = terminal.SafeStream(raw)
    print("name: \x1b[2Jx", file=stream)
    assert raw.getvalue() == "name: \\x1b[2Jx\n"
    assert stream.raw is raw


def test_safe_output_restores_the_streams(capsys: pytest.CaptureFixture[str]) -> None:
    before = sys.stdout
    with terminal.safe_output():
        print("\x1b[31mred")
        assert sys.stdout is not before
    assert sys.stdout is before
    assert capsys.readouterr().out == "\\x1b[31mred\n"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_that_cannot_encode_cyrillic_gets_escapes_not_a_traceback(
    encoding: str,
) -> None:
    env = dict(os.environ, PYTHONIOENCODING=encoding, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "app", "show", "cherniavsky-mikhail"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr
    assert b"\\u0427" in proc.stdout  # Ч, escaped
