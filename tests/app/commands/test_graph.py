"""``kremlin-archive graph``: the table, JSON that parses, GraphML that networkx reads back, a
file with -o, and one clear line (with its exit code) for every mistake — in Russian too."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from app import cli
from app.__main__ import main
from db import Archive
from db.graph import ego_graph

CHERNIAVSKY = "cherniavsky-mikhail"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_table_lists_every_relation_as_a_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["graph", CHERNIAVSKY], capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == (
        "Relationship graph of Mikhail Cherniavsky (cherniavsky-mikhail): 9 people, 8 ties"
    )
    assert lines[1].split() == ["Kind", "of", "tie", "Sources", "Relation"]
    assert len(lines) == 2 + 8
    assert any(
        line.split()[:3] == ["investigation", "1", "Mikhail"]
        and line.endswith("Mikhail Cherniavsky is interrogated by D. M. Dmitriev")
        for line in lines
    )
    assert any(line.strip().startswith("alleged conspiracy") for line in lines)


def test_json_parses_and_is_the_graph(capsys: pytest.CaptureFixture[str], archive: Archive) -> None:
    code, out, _err = _run(["graph", CHERNIAVSKY, "--hops", "2", "--co-mentions", "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    with archive.connect() as conn:
        g = ego_graph(conn, CHERNIAVSKY, 2, True)
    assert g is not None
    assert data["hops"] == 2 and data["co_mentions"]
    assert [n["id"] for n in data["nodes"]] == [n.id for n in g.nodes]
    assert [e["id"] for e in data["edges"]] == [e.id for e in g.edges]


def test_graphml_round_trips_through_networkx(
    capsys: pytest.CaptureFixture[str], archive: Archive
) -> None:
    code, out, _err = _run(["graph", "kamenev-lev", "--graphml", "--co-mentions"], capsys)
    assert code == 0
    back = nx.read_graphml(io.StringIO(out))
    with archive.connect() as conn:
        g = ego_graph(conn, "kamenev-lev", co_mentions=True)
    assert g is not None
    assert set(back.nodes) == {n.id for n in g.nodes}
    assert {(u, v, k) for u, v, k in back.edges(keys=True)} == {
        (e.source, e.target, e.id) for e in g.edges
    }
    assert back.nodes["kamenev-lev"]["name_ru"] == "Каменев (Розенфельд) Лев Борисович"
    assert back.edges["rozenfeld-nina", "kamenev-lev", "r003"]["disputed"] is True


def test_output_goes_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "g.graphml"
    code, out, err = _run(["graph", CHERNIAVSKY, "--graphml", "-o", str(target)], capsys)
    assert (code, out, err) == (0, "", "")
    assert set(nx.read_graphml(target).nodes) >= {CHERNIAVSKY, "dmitriev-d-m"}


def test_a_cap_says_what_it_left_out(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(["graph", "kamenev-lev", "--cap", "3"], capsys)
    assert code == 0
    assert out.splitlines()[-1].strip() == "Lev Kamenev: 10 more relations not shown (--cap)"


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["graph", "nobody-at-all"], cli.EXIT_NOT_FOUND, "no person with id “nobody-at-all”"),
        (["graph", "ev-1934-kirov"], cli.EXIT_NOT_FOUND, "no person with id “ev-1934-kirov”"),
        (["graph", CHERNIAVSKY, "--cap", "0"], cli.EXIT_USAGE, "is not a positive number"),
        (["graph", CHERNIAVSKY, "--hops", "3"], cli.EXIT_USAGE, "invalid choice"),
        (["graph", CHERNIAVSKY, "--json", "--graphml"], cli.EXIT_USAGE, "not allowed with"),
    ],
)
def test_mistakes_give_one_line_and_an_exit_code(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, words: str
) -> None:
    try:
        got, out, err = _run(argv, capsys)
    except SystemExit as exit_:  # argparse's own errors
        got, out, err = int(str(exit_.code)), *capsys.readouterr()
    assert got == code and out == ""
    assert words in err and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("kremlin-archive")


def test_a_folder_as_output_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = _run(["graph", CHERNIAVSKY, "-o", str(tmp_path)], capsys)
    assert code == cli.EXIT_USAGE and "it is a folder" in err and err.count("\n") == 1


def test_russian(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "ru", "graph", CHERNIAVSKY]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "Граф связей: Чернявский Михаил Кондратьевич (cherniavsky-mikhail): 9 человек, 8 связей"
    )
    assert lines[1].split() == ["Вид", "связи", "Источники", "Связь"]
    assert any(
        line.endswith("Дмитриев Д. М.: допрашивал — Чернявский Михаил Кондратьевич")
        and line.split()[0] == "следствие"
        for line in lines
    )
    assert main(["--lang", "ru", "graph", "nobody"]) == cli.EXIT_NOT_FOUND
    assert capsys.readouterr().err == "kremlin-archive: нет человека с идентификатором «nobody»\n"
