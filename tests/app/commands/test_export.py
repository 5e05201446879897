"""``kremlin-archive export``: the GUI's list export from the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from app import cli


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.run(["export", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_people_filtered_by_tribunal_are_written_with_provenance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mc.csv"
    code, out, _ = _run(capsys, "people", "-o", str(target), "--filter",
                        "tribunal=military-collegium")  # fmt: skip
    assert code == 0 and out == f"16 people written to {target}\n"
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 16 and {r["tribunal"] for r in rows} == {"Military Collegium"}
    about = json.loads((tmp_path / "mc.csv.provenance.json").read_text("utf-8"))
    assert about["filters"] == {"tribunal": "military-collegium"} and about["rows"] == 16


def test_events_as_json_in_descending_date_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    down, up = tmp_path / "down.json", tmp_path / "up.json"
    assert _run(capsys, "events", "-o", str(down), "--descending")[0] == 0
    assert _run(capsys, "events", "-o", str(up))[0] == 0
    descending = [r["id"] for r in json.loads(down.read_text("utf-8"))["rows"]]
    ascending = [r["id"] for r in json.loads(up.read_text("utf-8"))["rows"]]
    assert len(descending) == 47 and descending == ascending[::-1]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--sort", "nonsense"], "sorts by"),
        (["--filter", "colour=red"], "filters of the people list"),
        (["--filter", "no-equals-sign"], "filters of the people list"),
        (
            ["--filter", "tribunal=Military"],
            "no tribunal “Military” in the people list; its values: military-collegium, none,",
        ),
    ],
)
def test_a_bad_option_is_one_line_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    code, out, err = _run(capsys, "people", "-o", str(tmp_path / "x.csv"), *argv)
    assert code == cli.EXIT_USAGE and out == "" and words in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "people", "-o", str(tmp_path / "missing" / "x.csv"))
    assert code == cli.EXIT_FAILED and "cannot write" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("n", "people", "events"),
    [
        (1, "1 лицо", "1 событие"),
        (2, "2 лица", "2 события"),
        (5, "5 лиц", "5 событий"),
        (11, "11 лиц", "11 событий"),
        (21, "21 лицо", "21 событие"),
        (22, "22 лица", "22 события"),
        (25, "25 лиц", "25 событий"),
    ],
)
def test_russian_counts_of_rows_written(n: int, people: str, events: str) -> None:
    from app.commands.export import _written
    from db import i18n

    i18n.set_language("ru")
    try:
        assert _written("people", n).format(n=n, path="p") == f"в p записано {people}"
        assert _written("events", n).format(n=n, path="p") == f"в p записано {events}"
    finally:
        i18n.set_language("en")


def test_russian_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.run(
        ["--lang", "ru", "export", "events", "-o", str(tmp_path / "e.csv"), "--sort", "x"]
    )
    assert code == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        "kremlin-archive: export: список events сортируется по: date, title\n"
    )
