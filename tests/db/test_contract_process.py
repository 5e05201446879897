"""The full contract check in a child process: the same answers as in-process, in the
reader's language, stoppable, and a failing child said in one line."""

from __future__ import annotations

import shutil
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from db import contract, contract_process, gate
from tests.conftest import BUNDLED, sha256


@pytest.fixture
def breached(tmp_path: Path) -> Path:
    """A copy of the bundled archive with two breaches the gate's sample need not meet."""
    path = tmp_path / "breached.sqlite"
    shutil.copyfile(BUNDLED, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE document SET date = '1935-02-30' WHERE pk = 7")
        conn.execute("UPDATE person SET name_en = 'a' || char(27) || '[2J' WHERE pk = 5")
    return path


def _in_process(path: Path) -> list[str]:
    conn = gate.harden(sqlite3.connect(path.as_uri() + "?mode=ro", uri=True))
    try:
        return contract.full_problems(conn)
    finally:
        conn.close()


def test_the_child_finds_what_the_check_finds_in_process(breached: Path) -> None:
    before = sha256(breached)
    found = contract_process.full_problems_apart(breached, threading.Event(), "en")
    assert found == _in_process(breached)
    assert found is not None and len(found) == 2
    assert sha256(breached) == before  # read only


def test_an_intact_archive_has_no_problems() -> None:
    assert contract_process.full_problems_apart(BUNDLED, threading.Event(), "en") == []


def test_the_child_answers_in_the_language_it_is_given(breached: Path) -> None:
    found = contract_process.full_problems_apart(breached, threading.Event(), "ru")
    assert found and all(any("а" <= ch <= "я" for ch in p) for p in found)


def test_a_stop_ends_the_child_and_answers_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = tmp_path / "started"
    endless = f"open({str(started)!r}, 'w').close(); import time; time.sleep(3600)"
    monkeypatch.setattr(contract_process, "command", lambda *_: [sys.executable, "-c", endless])
    stop = threading.Event()
    answer: list[object] = []
    waiting = threading.Thread(
        target=lambda: answer.append(contract_process.full_problems_apart(BUNDLED, stop))
    )
    waiting.start()
    for _ in range(600):  # the child has started (a safety net of 60 s, not a measurement)
        if started.exists():
            break
        threading.Event().wait(0.1)
    stop.set()
    waiting.join(60)
    assert not waiting.is_alive() and answer == [None]


def test_a_child_that_fails_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(contract_process.CheckFailed, match=r"^sqlite3\.\w*Error: "):
        contract_process.full_problems_apart(tmp_path / "missing.sqlite", threading.Event())
