"""The cache key: it covers the synth package and every ``db`` module it imports, nothing else.

The tests point the hash at a private copy of ``db/`` and edit files there: an edit to a
module that shapes the archive, directly or through an import, changes the fingerprint; an
edit anywhere else leaves it alone.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from db.synth import codehash

DB = Path(codehash.__file__).resolve().parent.parent


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of ``db/`` that :mod:`db.synth.codehash` hashes instead of the real one."""
    root = tmp_path / "db"
    shutil.copytree(DB, root, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(codehash, "_DB_ROOT", root)
    monkeypatch.setattr(codehash, "__file__", str(root / "synth" / "codehash.py"))
    return root


def append(root: Path, relative: str, text: str = "\n# edited\n") -> None:
    path = root / relative
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def hashed(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in codehash.build_modules()}


def test_the_fingerprint_does_not_depend_on_where_the_code_lives(copy: Path) -> None:
    here = codehash.fingerprint()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(codehash, "_DB_ROOT", DB)
        mp.setattr(codehash, "__file__", str(DB / "synth" / "codehash.py"))
        assert codehash.fingerprint() == here


def test_the_fingerprint_is_twenty_hex_digits_and_stable(copy: Path) -> None:
    first = codehash.fingerprint()
    assert re.fullmatch(r"[0-9a-f]{20}", first)
    assert codehash.fingerprint() == first


def test_every_synth_module_and_the_builder_it_imports_are_hashed(copy: Path) -> None:
    files = hashed(copy)
    synth = {p.relative_to(copy).as_posix() for p in (copy / "synth").rglob("*.py")}
    assert synth <= files
    # imported directly (db.build, db.vocab) and through them (the schema, the search index)
    assert {"build/writer.py", "vocab.py", "schema.py", "search/translit_tables.py"} <= files


def test_modules_the_build_never_imports_are_not_hashed(copy: Path) -> None:
    files = hashed(copy)
    assert not {"__init__.py", "listing.py", "engine.py", "build/research_import.py"} & files


@pytest.mark.parametrize(
    "relative",
    [
        "synth/dates.py",  # a shaping module of the package
        "synth/names/surname_data.py",  # a data table
        "build/writer.py",  # the builder, imported directly
        "search/translit_tables.py",  # imported only through db.search
    ],
)
def test_an_edit_to_a_shaping_module_changes_the_fingerprint(copy: Path, relative: str) -> None:
    before = codehash.fingerprint()
    append(copy, relative)
    assert codehash.fingerprint() != before


@pytest.mark.parametrize("relative", ["listing.py", "engine.py", "__init__.py"])
def test_an_edit_elsewhere_keeps_the_fingerprint(copy: Path, relative: str) -> None:
    before = codehash.fingerprint()
    append(copy, relative)
    assert codehash.fingerprint() == before


def test_a_new_module_in_the_package_changes_the_fingerprint(copy: Path) -> None:
    before = codehash.fingerprint()
    (copy / "synth" / "extra.py").write_text('"""New."""\n', encoding="utf-8")
    assert codehash.fingerprint() != before


def test_a_new_import_brings_its_module_into_the_hash(copy: Path) -> None:
    assert "listing.py" not in hashed(copy)
    append(copy, "synth/dates.py", "\nfrom db import listing\n")
    assert "listing.py" in hashed(copy)


@pytest.mark.parametrize(
    "change",
    [
        lambda mp: mp.setattr(codehash, "SYNTH_VERSION", codehash.SYNTH_VERSION + 1),
        lambda mp: mp.setattr(codehash.sqlite3, "sqlite_version", "0.0.0"),
    ],
    ids=["synth-version", "sqlite-version"],
)
def test_the_version_bump_and_the_sqlite_version_change_the_fingerprint(
    copy: Path, change: Callable[[pytest.MonkeyPatch], None]
) -> None:
    before = codehash.fingerprint()
    with pytest.MonkeyPatch.context() as mp:
        change(mp)
        assert codehash.fingerprint() != before
