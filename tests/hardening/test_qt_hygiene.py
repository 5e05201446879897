"""The GUI suite runs with pytest-qt's exception capture on, offscreen, and nothing opts out.

pytest-qt fails any test during which Qt delivered an exception to ``sys.excepthook`` (a slot,
a virtual override); with capture on everywhere, a passing suite means it captured none.
"""

from __future__ import annotations

import os

import pytest

from tests.hardening.campaign import REPO

#: Spelled in two parts so this file does not match its own search.
OPT_OUT = ("qt_no_exception" + "_capture", "qt_no_exception" + "_capture_")


def test_nothing_turns_pytest_qt_exception_capture_off() -> None:
    files = [
        *(REPO / "tests").rglob("*.py"),
        REPO / "pyproject.toml",
        *(p for p in (REPO / "pytest.ini", REPO / "setup.cfg", REPO / "tox.ini") if p.exists()),
    ]
    offenders = [
        str(p.relative_to(REPO))
        for p in files
        if any(word in p.read_text(encoding="utf-8") for word in OPT_OUT)
    ]
    assert offenders == []


def test_capture_is_on_for_this_run(request: pytest.FixtureRequest) -> None:
    assert not request.config.getini(OPT_OUT[0])
    assert "pytestqt" in {
        p.__name__.split(".")[0]
        for p in request.config.pluginmanager.get_plugins()
        if hasattr(p, "__name__")
    }


def test_gui_tests_run_offscreen() -> None:
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
