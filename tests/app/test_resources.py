"""Bundled files are found by absolute path whatever the working folder, and every file the app
asks ``app.resources`` for is shipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import resources
from app.printing.fonts import FONT_FILE

#: Every resource the app reads by name (see app/printing).
USED = [("templates", "dossier.css"), FONT_FILE]


def test_the_bundled_archive_is_found_from_any_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = resources.bundled_archive()
    assert path.is_absolute()
    with path.open("rb") as archive:
        assert archive.read(16) == b"SQLite format 3\x00"


@pytest.mark.parametrize("parts", USED, ids=["/".join(p) for p in USED])
def test_every_resource_the_app_reads_is_shipped(
    parts: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = resources.resource(*parts)
    assert path.is_absolute() and path.is_file() and path.stat().st_size > 0
