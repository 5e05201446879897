"""The test tree mirrors the source tree: every module of ``app/`` and ``db/`` has its tests.

``tests/X/Y/test_z.py`` tests ``X/Y/z.py``.  A module without behaviour of its own (a table of
data, a protocol, a package marker) is named in :data:`NO_TEST_MODULE` with the reason, so a
new module without tests fails here instead of going unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Modules that need no test module of their own, and why.
NO_TEST_MODULE = {
    "app/__main__.py": "two lines calling app.cli / app.gui; tests/app/test_gui.py starts it",
    "db/build/__main__.py": "argument parsing around db.build.build; test_writer runs main()",
    "db/synth/__main__.py": "calls db.synth.cli.main, tested in tests/db/synth/test_cli.py",
}


def _modules() -> list[str]:
    found = []
    for top in ("app", "db"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if path.name == "__init__.py":
                continue
            found.append(path.relative_to(ROOT).as_posix())
    return found


def _test_of(module: str) -> Path:
    path = Path(module)
    return ROOT / "tests" / path.parent / f"test_{path.stem}.py"


@pytest.mark.parametrize("module", _modules())
def test_every_module_has_a_test_module_at_the_mirrored_path(module: str) -> None:
    if module in NO_TEST_MODULE:
        assert not _test_of(module).exists(), f"{module} has tests now: drop it from the list"
        return
    assert _test_of(module).is_file(), f"{module} has no tests/{Path(module).parent}/test_…"


def test_the_exemption_list_names_only_modules_that_exist() -> None:
    assert set(NO_TEST_MODULE) <= set(_modules())


def test_every_test_folder_mirrors_a_source_folder() -> None:
    # tests/hardening is the cross-cutting hostile-input suite; every other folder mirrors.
    for folder in sorted((ROOT / "tests").rglob("*")):
        if not folder.is_dir() or folder.name == "__pycache__":
            continue
        rel = folder.relative_to(ROOT / "tests")
        if rel.parts[0] == "hardening":
            continue
        assert (ROOT / rel).is_dir(), f"tests/{rel} mirrors no source folder"


def test_every_long_module_named_for_the_workers_exists() -> None:
    """A renamed module would silently lose its early start (tests/conftest.py)."""
    from tests.conftest import LONG_MODULES

    assert [m for m in LONG_MODULES if not (ROOT / m).is_file()] == []
