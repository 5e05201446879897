"""The command line: info and show, JSON output, one-line errors with non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.__main__ import main


def test_info_json_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["counts"]["person"] == 99
    assert out["counts"]["document"] == 292
    assert out["schema_version"] == 1


def test_show_person_prints_both_scripts_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "cherniavsky-mikhail"]) == 0
    out = capsys.readouterr().out
    assert "Mikhail Cherniavsky" in out and "Чернявский Михаил Кондратьевич" in out
    assert "Military Collegium" in out and "death" in out
    assert "[koshel-kniga87]" in out


def test_show_json_event(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "event/ev-1935-vk-verdict", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "event" and out["date_label"] == "27 July 1935"
    assert any(p["item"]["ref"]["id"] == "kamenev-lev" for p in out["participants"])


def test_unknown_id_exits_non_zero_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "no-such-person"]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no record" in err


def test_bad_archive_exits_non_zero_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "x.sqlite"
    bad.write_text("not a database")
    assert main(["info", "--archive", str(bad)]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "text file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.sqlite"]
