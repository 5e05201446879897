"""An archive's notebook key: its ``archive_id`` and title from ``meta``, never its path."""

from __future__ import annotations

import shutil
import tomllib
import uuid
from pathlib import Path

from db import Archive, open_archive
from db.build.writer import DEFAULT_DATA
from db.notebook import ArchiveKey, Notebook, archive_key
from db.synth.archive import meta_for
from tests.conftest import BUNDLED
from tests.db.notebook.conftest import KAMENEV


def test_the_bundled_archive_carries_the_id_of_archive_toml(archive: Archive) -> None:
    toml = tomllib.loads((DEFAULT_DATA / "archive.toml").read_text(encoding="utf-8"))
    key = archive_key(archive.info.meta)
    assert key == ArchiveKey(toml["archive_id"], "The Kremlin Affair, 1935")
    assert uuid.UUID(key.archive_id).version == 4


def test_an_archive_without_an_id_is_keyed_by_its_title() -> None:
    assert archive_key({"title": " Old synthetic\narchive "}) == ArchiveKey(
        "", "Old synthetic archive"
    )
    assert archive_key({}) == ArchiveKey("", "")


def test_synthetic_archives_get_a_deterministic_id_per_size_and_seed() -> None:
    ids = {archive_key(meta_for(p, s)).archive_id for p, s in ((300, 1), (300, 2), (3000, 1))}
    assert len(ids) == 3
    assert archive_key(meta_for(300, 1)) == archive_key(meta_for(300, 1))
    assert uuid.UUID(archive_key(meta_for(300, 1)).archive_id).version == 5


def test_notes_follow_the_archive_when_its_file_is_moved(archive: Archive, tmp_path: Path) -> None:
    with Notebook.open(tmp_path / "nb.sqlite") as nb:
        nb.set_note(archive_key(archive.info.meta), KAMENEV, "made on the bundled file")
        moved = tmp_path / "elsewhere" / "renamed copy.sqlite"
        moved.parent.mkdir()
        shutil.copyfile(BUNDLED, moved)
        copy = open_archive(moved)
        try:
            assert nb.note(archive_key(copy.info.meta), KAMENEV) == "made on the bundled file"
        finally:
            copy.close()
