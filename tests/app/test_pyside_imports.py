"""app.pyside_imports: PySide6's import hook keeps no module's source, and still answers right."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from app import pyside_imports

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_the_answer_is_the_hooks_own() -> None:
    import sqlalchemy

    from app import gui

    assert pyside_imports.names_pyside(gui)  # imports PySide6
    assert not pyside_imports.names_pyside(sqlalchemy)
    assert not pyside_imports.names_pyside(sys)  # built in: no source to read


def test_a_loader_that_fails_means_no_pyside() -> None:
    class Refusing:
        def get_source(self, name: str) -> str:
            raise ImportError(name)

    module = types.ModuleType("refused")
    module.__loader__ = Refusing()  # type: ignore[assignment]
    assert not pyside_imports.names_pyside(module)
    module.__loader__ = None
    assert not pyside_imports.names_pyside(module)


def test_installed_in_a_process_that_imported_pyside6_first() -> None:
    """pytest-qt imports PySide6 before the tests import the app (as a script may)."""
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is pyside_imports.names_pyside


_CACHED = """
import json, linecache, sys
import PySide6.QtWidgets
assert "colorsys" not in sys.modules and "sqlalchemy" not in sys.modules
import colorsys  # through the hook as PySide6 ships it
plain = [f for f in linecache.cache if f.endswith("colorsys.py")]
from app import gui  # the window's start: the hook is tamed before the app's imports
import sqlalchemy.orm
feature = sys.modules["shibokensupport.feature"]
kept = [f for f in linecache.cache if not f.startswith("<")  # SQLAlchemy keeps its generated code
        and ("sqlalchemy" in f or "/app/" in f or "/db/" in f)]
print(json.dumps({
    "plain": plain, "kept": kept,
    "sqlalchemy": feature.pyside_feature_dict.get("sqlalchemy.orm"),
    "gui": feature.pyside_feature_dict.get("app.widgets.main_window"),
}))
"""


def test_the_window_start_keeps_no_source_and_sorts_modules_as_before() -> None:
    seen = _run(_CACHED)
    if not seen["plain"]:
        pytest.skip("this PySide6's import hook no longer keeps sources: app.pyside_imports can go")
    assert seen["kept"] == []  # 12 MiB of SQLAlchemy's lines alone, before
    assert seen["sqlalchemy"] == -1  # names no PySide6: left out of feature switching
    assert seen["gui"] == 0  # uses PySide6: switched with the default, no feature
