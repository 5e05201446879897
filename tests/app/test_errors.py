"""The excepthook and the log: an unexpected exception is logged with its traceback and shown in
ONE dialog (through the notifier passed in — no real modal); repeats, exceptions raised while
the dialog is open and exceptions of other threads are only logged; archive read errors get the
plain words of their family.  The log setup writes a file and takes its handlers away again.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from app import language
from app.errors import ExceptHook, setup_logging
from db import errors as db_errors
from tests.app.ui_texts import english

__all__ = ["english"]

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class Shown(list[tuple[str, str]]):
    """A notifier that records (title, message) instead of opening a dialog."""

    def __call__(self, title: str, message: str) -> None:
        self.append((title, message))


def _caught(fault: Callable[[], object]) -> ExcInfo:
    try:
        fault()
    except Exception:
        kind, exc, tb = sys.exc_info()
        assert kind is not None and exc is not None
        return kind, exc, tb
    raise AssertionError("no exception")


def _boom() -> None:
    raise RuntimeError("boom")


def _other() -> None:
    raise KeyError("missing")


def _not_a_database(tmp_path: Path) -> sqlite3.DatabaseError:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("this is not a database " * 100)
    conn = sqlite3.connect(bad)
    try:
        conn.execute("SELECT * FROM sqlite_master")
    except sqlite3.DatabaseError as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("sqlite read a text file")


def _logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "kremlin_archive"]


@pytest.fixture
def shown(caplog: pytest.LogCaptureFixture) -> Shown:
    caplog.set_level(logging.INFO)
    return Shown()


def test_a_fault_is_logged_with_its_traceback_and_shown_once(
    shown: Shown, caplog: pytest.LogCaptureFixture
) -> None:
    hook = ExceptHook(shown, Path("/logs/kremlin-archive.log"))
    hook(*_caught(_boom))
    [(title, message)] = shown
    assert title == "Unexpected error"
    assert message.startswith("Something went wrong: RuntimeError: boom.")
    assert "Details were written to /logs/kremlin-archive.log." in message
    [record] = _logged(caplog)
    assert "Traceback (most recent call last)" in record and "in _boom" in record
    assert record.rstrip().endswith("RuntimeError: boom")


def test_without_a_log_file_the_dialog_does_not_point_to_one(shown: Shown) -> None:
    ExceptHook(shown)(*_caught(_boom))
    assert "Details were written" not in shown[0][1]


def test_a_repeating_fault_shows_one_dialog_and_is_counted_in_the_log(
    shown: Shown, caplog: pytest.LogCaptureFixture
) -> None:
    hook = ExceptHook(shown)
    for _ in range(12):
        hook(*_caught(_boom))
    assert len(shown) == 1 and hook.count == 12
    logged = _logged(caplog)
    assert len(logged) == 2
    assert logged[1].startswith("the same error again (10 times so far): RuntimeError: boom at ")


def test_a_different_fault_gets_its_own_dialog(shown: Shown) -> None:
    hook = ExceptHook(shown)
    hook(*_caught(_boom))
    hook(*_caught(_boom))
    hook(*_caught(_other))
    assert [message.split(".")[0] for _, message in shown] == [
        "Something went wrong: RuntimeError: boom",
        "Something went wrong: KeyError: 'missing'",
    ]


def test_a_fault_while_the_dialog_is_open_is_only_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    shown: list[str] = []

    def notify(title: str, message: str) -> None:
        shown.append(message)
        hook(*_caught(_other))  # e.g. a repaint under the modal dialog raises

    hook = ExceptHook(notify)
    hook(*_caught(_boom))
    assert len(shown) == 1 and hook.count == 2
    assert "KeyError: 'missing'" in _logged(caplog)[1]


def test_a_fault_of_another_thread_is_logged_without_a_dialog(
    shown: Shown, caplog: pytest.LogCaptureFixture
) -> None:
    hook = ExceptHook(shown)
    hook.install()
    try:
        worker = threading.Thread(target=_boom)
        worker.start()
        worker.join()
    finally:
        hook.uninstall()
    assert shown == [] and hook.count == 1
    assert "RuntimeError: boom" in _logged(caplog)[0]


def test_archive_read_errors_name_the_problem_not_a_bug(shown: Shown, tmp_path: Path) -> None:
    exc = _not_a_database(tmp_path)
    ExceptHook(shown)(type(exc), exc, exc.__traceback__)
    [(title, message)] = shown
    assert title == "Cannot read the archive"
    assert db_errors.classify(exc).key == "not-a-database"
    assert message.startswith(f"Reading the archive failed: {db_errors.classify(exc).problem}.")


def test_archive_errors_wrapped_by_sqlalchemy_get_the_same_words(
    shown: Shown, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("this is not a database " * 100)
    engine = create_engine(f"sqlite:///{bad}")
    try:
        with pytest.raises(DBAPIError) as raised, engine.connect() as conn:
            conn.execute(text("SELECT * FROM sqlite_master"))
    finally:
        engine.dispose()
    exc = raised.value
    ExceptHook(shown)(type(exc), exc, exc.__traceback__)
    assert shown[0][0] == "Cannot read the archive"
    assert db_errors.classify(exc).problem in shown[0][1]


def test_a_bug_raising_value_error_is_not_taken_for_a_damaged_archive(shown: Shown) -> None:
    ExceptHook(shown)(*_caught(lambda: int("x")))
    assert shown[0][0] == "Unexpected error"


def test_an_exception_that_cannot_be_printed_still_gets_its_dialog(shown: Shown) -> None:
    class Unprintable(Exception):
        def __str__(self) -> str:
            raise RuntimeError("no text")

    def fault() -> None:
        raise Unprintable

    ExceptHook(shown)(*_caught(fault))
    assert [title for title, _ in shown] == ["Unexpected error"]


def test_install_and_uninstall_swap_both_hooks() -> None:
    before = (sys.excepthook, threading.excepthook)
    hook = ExceptHook(Shown())
    hook.install()
    try:
        assert sys.excepthook is hook and threading.excepthook != before[1]
    finally:
        hook.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_uninstall_leaves_a_hook_installed_after_it_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hook = ExceptHook(Shown())
    hook.install()
    later = ExceptHook(Shown())
    monkeypatch.setattr(sys, "excepthook", later)
    hook.uninstall()
    assert sys.excepthook is later


# -- the log ---------------------------------------------------------------------------------


@pytest.fixture
def root_level() -> Iterator[None]:
    """setup_logging lowers the root level to INFO; put it back afterwards."""
    root = logging.getLogger()
    level = root.level
    yield
    root.setLevel(level)


def test_the_log_file_is_created_written_and_released(tmp_path: Path, root_level: None) -> None:
    root = logging.getLogger()
    handlers = list(root.handlers)
    folder = tmp_path / "deep" / "logs"
    logs = setup_logging(folder)
    try:
        assert logs.path == folder / "kremlin-archive.log"
        logging.getLogger("kremlin_archive").info("опись: %s", "<b>")
    finally:
        logs.close()
    assert root.handlers == handlers
    line = logs.path.read_text(encoding="utf-8").strip()
    assert line.endswith(" INFO kremlin_archive: опись: <b>")
    logging.getLogger("kremlin_archive").error("after close")
    assert "after close" not in logs.path.read_text(encoding="utf-8")


def test_an_unusable_log_folder_leaves_logging_to_stderr(tmp_path: Path, root_level: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    logs = setup_logging(blocker / "logs")
    try:
        assert logs.path is None
        assert [type(h) for h in logs.handlers] == [logging.StreamHandler]
    finally:
        logs.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_the_terminal_gets_warnings_the_file_gets_everything(
    tmp_path: Path, root_level: None, capsys: pytest.CaptureFixture[str]
) -> None:
    logs = setup_logging(tmp_path)
    try:
        logging.getLogger("pymorphy3.opencorpora_dict.wrapper").info("Loading dictionaries")
        logging.getLogger("kremlin_archive").warning("the archive changed on disk")
    finally:
        logs.close()
    err = capsys.readouterr().err
    assert "Loading dictionaries" not in err and "the archive changed on disk" in err
    assert logs.path is not None
    assert "INFO pymorphy3.opencorpora_dict.wrapper: Loading dictionaries" in logs.path.read_text(
        encoding="utf-8"
    )


def test_no_folder_means_no_file(root_level: None) -> None:
    logs = setup_logging(None)
    logs.close()
    assert logs.path is None and len(logs.handlers) == 1


def test_the_dialog_speaks_the_interface_language(shown: Shown, english: None) -> None:
    language.apply("ru")
    ExceptHook(shown, Path("/logs/kremlin-archive.log"))(*_caught(_boom))
    [(title, message)] = shown
    assert title == "Непредвиденная ошибка"
    assert message.startswith("Что-то пошло не так: RuntimeError: boom.")
    assert "Подробности записаны в /logs/kremlin-archive.log." in message
