"""``kremlin-archive search``: the same results as the search box, as text or JSON."""

from __future__ import annotations

import json

import pytest

from app.__main__ import main


def test_search_prints_groups_ids_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Jeschow", "--limit", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "People (3+)"  # the limit; more texts name him
    assert out[1].split()[:2] == ["person", "yezhov-nikolai"]
    assert "Nikolai Yezhov (Ежов Николай Иванович)" in out[1]
    assert out[2].strip() == "why: German spelling Jeschow of Ежов"
    assert any(line.startswith("Events (") for line in out)


def test_search_json_has_spans_and_uris(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Н.Б.", "Розенфельд", "--json", "--limit", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "Н.Б. Розенфельд" and data["error"] is None
    people = data["groups"][0]
    assert people["kind"] == "person" and people["count"] == 2 and people["more"]
    hit = people["hits"][0]
    assert hit["id"] == "rozenfeld-nikolai" and hit["uri"] == "archive://person/rozenfeld-nikolai"
    assert [hit["label"][a:b] for a, b in hit["label_spans"]] == ["Розенфельд"]
    assert [hit["why"][a:b] for a, b in hit["why_spans"]] == ["Розенфельд", "Н. Б."]
    assert all(len(g["hits"]) <= 2 for g in data["groups"])


def test_search_with_nothing_found_exits_4(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zzqqxxw"]) == 4
    assert capsys.readouterr().out.strip() == "nothing found"


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_is_a_usage_error(capsys: pytest.CaptureFixture[str], query: str) -> None:
    assert main(["search", query]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "give a word to find" in captured.err
    assert captured.err.count("\n") == 1


def test_nothing_found_for_a_russian_word_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "ru", "search", "троцкист"]) == 4
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "ничего не найдено"
    assert out[1].startswith("примечание: описания, примечания и судьбы в архиве написаны")


def test_search_reports_a_shortened_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Ежов " * 100]) == 0
    assert capsys.readouterr().out.startswith("note: the query was shortened")


def test_search_of_fts_syntax_is_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", 'NEAR("Ежов"', "keys:*"]) in (0, 4)
    assert capsys.readouterr().err == ""


def test_russian_search_lines(capsys: pytest.CaptureFixture[str]) -> None:
    from app.__main__ import main

    assert main(["--lang", "ru", "search", "Jeschow", "--limit", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "Люди (1+)",  # three more people's texts name him: a longer list shows them
        "  лицо     yezhov-nikolai  Ежов Николай Иванович (Nikolai Yezhov) [должностное лицо]",
        "           совпадение: немецкое написание Jeschow фамилии Ежов",
    ]
    assert main(["--lang", "ru", "search", "xyzzy-nothing"]) == 4
    assert capsys.readouterr().out == "ничего не найдено\n"


def test_a_group_cut_at_the_limit_says_how_many_are_left_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["search", "Енукидзе", "--limit", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    documents = out.index("Documents (11)")
    # three hits of two lines each, then the line that says the list stops short
    assert out[documents + 7] == "  … and 8 more (--limit N shows more)"
    assert main(["search", "Енукидзе", "--limit", "20"]) == 0
    whole = capsys.readouterr().out.splitlines()
    assert not any(line.startswith("  …") for line in whole)  # every hit is listed
