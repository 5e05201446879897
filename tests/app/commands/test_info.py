"""``kremlin-archive info``: the archive's title, versions, size and record counts, as text and
as JSON — the counts equal the tables' own ``count(*)``."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app import cli
from app.commands import info
from db import Archive
from tests.conftest import BUNDLED

TABLES = ("claim", "document", "event", "person", "relation", "sentence", "source", "tally")


@pytest.fixture(scope="module")
def rows() -> dict[str, int]:
    """Rows of each counted table, read with plain sqlite3."""
    with sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _run(argv: list[str], archive: Archive, capsys: pytest.CaptureFixture[str]) -> str:
    assert info.run(cli.parser().parse_args(argv), archive) == 0
    return capsys.readouterr().out


def test_json_counts_equal_the_tables(
    archive: Archive, rows: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    out = json.loads(_run(["info", "--json"], archive, capsys))
    assert out["counts"] == rows


def test_json_names_the_file_its_size_and_versions(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    out = json.loads(_run(["info", "--json"], archive, capsys))
    with sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True) as conn:
        (user_version,) = conn.execute("PRAGMA user_version").fetchone()
    assert out["path"] == str(BUNDLED)
    assert out["size_bytes"] == BUNDLED.stat().st_size
    assert out["schema_version"] == user_version == 2
    assert (out["title"], out["data_version"]) == ("The Kremlin Affair, 1935", "2026.12.2")


def test_text_lists_every_count_by_name_with_thousands_separators(
    archive: Archive, rows: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _run(["info"], archive, capsys).splitlines()
    counted = {
        label.strip().rstrip(":"): value.strip()
        for label, value in (line.split(":", 1) for line in lines[4:])
    }
    assert counted == {
        "claims": f"{rows['claim']:,}",
        "documents": f"{rows['document']:,}",
        "events": f"{rows['event']:,}",
        "people": f"{rows['person']:,}",
        "relations": f"{rows['relation']:,}",
        "sentences": f"{rows['sentence']:,}",
        "sources": f"{rows['source']:,}",
        "tallies": f"{rows['tally']:,}",
    }
    assert counted["claims"] == "1,082"


def test_text_heads_with_title_file_and_versions(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _run(["info"], archive, capsys).splitlines()
    size = BUNDLED.stat().st_size
    assert lines[:4] == [
        "The Kremlin Affair, 1935",
        f"  file:            {BUNDLED} ({size:,} bytes)",
        "  data version:    2026.12.2",
        "  schema version:  2",
    ]


def test_russian_text_groups_digits_and_names_the_counts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.__main__ import main

    assert main(["--lang", "ru", "info"]) == 0
    lines = capsys.readouterr().out.splitlines()
    size = f"{BUNDLED.stat().st_size:,}".replace(",", "\xa0")
    assert lines[1] == f"  файл:            {BUNDLED} ({size} байт)"
    assert lines[2] == "  версия данных:   2026.12.2"
    assert "  утверждения:     1\xa0082" in lines
    assert "  люди:            99" in lines


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (1, "байт"),
        (2, "байта"),
        (5, "байт"),
        (11, "байт"),
        (21, "байт"),
        (22, "байта"),
        (25, "байт"),
    ],
)
def test_sizes_take_the_russian_plural(n: int, word: str) -> None:
    from db import i18n

    i18n.set_language("ru")
    try:
        assert i18n.ngettext("{n} byte", "{n} bytes", n).format(n=n) == f"{n} {word}"
    finally:
        i18n.set_language("en")


def test_in_russian_info_names_the_archive_by_its_own_russian_title(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.__main__ import main

    assert main(["--lang", "ru", "info", "--archive", str(BUNDLED)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Кремлёвское дело, 1935"
