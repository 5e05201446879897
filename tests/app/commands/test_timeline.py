"""``kremlin-archive timeline``: marks in date order as text or JSON (the view's export shape),
lanes per person, ranges, density where a lane holds too many marks, and one clear line for
every mistake — in English and in Russian."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app import cli
from app.__main__ import main
from db import timeline


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["timeline", "--json", *args]) == 0
    out: dict[str, Any] = json.loads(capsys.readouterr().out)
    return out


def test_json_holds_every_lane_and_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys)
    assert [lane["key"] for lane in out["lanes"]] == list(timeline.KINDS)
    assert out["totals"] == {"event": 47, "document": 292, "sentence": 21, "arrest": 1, "death": 9}
    assert out["undated"] == 44
    back = timeline.slice_from_json(json.dumps(out))
    assert len(back.marks) == len(out["marks"])


def test_json_of_a_range_keeps_what_touches_it(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, "--from", "1935-07-25", "--to", "1935-07")
    assert (out["from"], out["to"]) == ("1935-07-25", "1935-07-31")
    dates = {m["date"] for m in out["marks"]}
    assert "1935-07-27" in dates and "1935-07-25" in dates
    assert all(d >= "1935-07" for d in dates)


def test_json_of_a_person_has_their_lane_and_disputed_arrest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _json(capsys, "--person", "rozenfeld-boris")
    assert [lane["key"] for lane in out["lanes"]] == ["person:rozenfeld-boris"]
    arrests = [m for m in out["marks"] if m["kind"] == "arrest"]
    assert sorted(m["date"] for m in arrests) == ["1935-01-27", "1935-01-31"]
    assert {c["source"]["ref"]["id"] for c in arrests[1]["claims"]} == {
        "showtrials-rozenfeld-na-1mar"
    }


def test_a_small_limit_prints_counts_instead_of_marks(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, "--limit", "10")
    assert "document" in out["dense"]
    assert sum(b["n"] for b in out["density"] if b["lane"] == "document") == 292


def test_text_lists_marks_with_date_precision_and_disputes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["timeline", "--from", "1935-01-27", "--to", "1935-01-31"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Timeline from 27 January 1935 to 31 January 1935"
    # a kind's lane is not repeated before a mark that says its kind ("Arrests: Arrest of …")
    assert not [line for line in lines if "Arrests:" in line]
    arrest = [line for line in lines if "to the day             Arrest of Boris Rosenfeld" in line]
    assert len(arrest) == 2
    assert arrest[1].startswith("31 January 1935") and "to the day" in arrest[1]
    assert "disputed; given by showtrials.ru" in arrest[1]
    assert lines[-1] == "44 undated (not drawn)"


def test_text_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "ru", "timeline", "--person", "rozenfeld-boris"]) == 0
    out = capsys.readouterr().out
    assert "31 января 1935 г." in out and "с точностью до дня" in out
    # His own lane names him once; the disputed arrest says so in Russian.
    assert "Розенфельд Борис Николаевич: Арест — дата спорная; её дают:" in out
    assert "(арест)" not in out and "(приговор)" not in out  # the label says what it is


def test_an_unknown_person_is_one_line_and_exit_code_4(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["timeline", "--person", "kamenev-lev", "--person", "nobody"]) == cli.EXIT_NOT_FOUND
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "kremlin-archive: no person with id “nobody”\n"


def test_an_unknown_person_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--lang", "ru", "--person", "nobody"]) == cli.EXIT_NOT_FOUND
    assert capsys.readouterr().err == "kremlin-archive: нет человека с идентификатором «nobody»\n"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--from", "1935-08-01", "--to", "1935-07-01"], "--from is later than --to"),
        (["--limit", "0"], "--limit must be at least 1"),
    ],
)
def test_mistakes_are_one_line_and_a_usage_exit(
    capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    assert main(["timeline", *args]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_a_date_that_is_no_date_is_refused_by_the_parser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["timeline", "--from", "1935-02-30"])
    assert info.value.code == cli.EXIT_USAGE
    assert "“1935-02-30” is not a date like 1935, 1935-07 or 1935-07-27" in capsys.readouterr().err


def test_a_persons_lane_does_not_name_them_twice(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--person", "mukhanova-ekaterina"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "prison" in line]
    assert lines and all("Ekaterina Mukhanova: Ekaterina Mukhanova" not in line for line in lines)
    assert any("Ekaterina Mukhanova: 10 years prison" in line for line in lines)
    assert main(["timeline", "--from", "1935-07-27", "--to", "1935-07-27"]) == 0
    out = capsys.readouterr().out  # in the lane of all sentences each still says whose it is
    assert "to the day             Alexei Sinelobov: death" in out
    assert main(["--lang", "ru", "timeline", "--from", "1937-07", "--to", "1937-10"]) == 0
    out = capsys.readouterr().out
    assert "Смерть: Муханова Екатерина Константиновна" in out and "Смерти:" not in out
