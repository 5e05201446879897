"""The bundled print face: it loads, it covers every character the archive holds, and a
missing font file falls back to the installed DejaVu Serif with a logged warning."""

from __future__ import annotations

import logging
import sqlite3
import unicodedata
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QRawFont
from PySide6.QtWidgets import QApplication

from app import resources
from app.printing import fonts


def _archive_text() -> Iterator[str]:
    """Every text value of the bundled archive (names, titles, summaries, notes, claims)."""
    with sqlite3.connect(resources.bundled_archive().as_uri() + "?mode=ro", uri=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' "
                "AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%' "
                "AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                for (value,) in conn.execute(
                    f'SELECT DISTINCT "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''
                ):
                    yield value


def test_bundled_face_is_registered(qapp: QApplication) -> None:
    assert fonts.print_family() == fonts.PRINT_FAMILY


def test_bundled_face_covers_every_character_of_the_archive(qapp: QApplication) -> None:
    raw = QRawFont(str(resources.resource(*fonts.FONT_FILE)), 12)
    assert raw.isValid() and raw.familyName() == fonts.PRINT_FAMILY
    chars = {c for text in _archive_text() for c in text}
    printable = {c for c in chars if unicodedata.category(c)[0] not in "CZ" or c == " "}
    assert len(printable) > 150  # Latin, Cyrillic, digits, punctuation, dashes, quotes
    missing = sorted(c for c in printable if not raw.supportsCharacter(ord(c)))
    assert missing == [], [f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in missing]


def test_missing_font_file_falls_back_to_the_installed_face(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    fonts.print_family.cache_clear()
    monkeypatch.setattr(fonts, "FONT_FILE", ("fonts", "no-such-font.ttf"))
    try:
        with caplog.at_level(logging.WARNING, logger=fonts.__name__):
            assert fonts.print_family() == fonts.FALLBACK_FAMILY
        assert "no-such-font.ttf" in caplog.text
    finally:
        fonts.print_family.cache_clear()
