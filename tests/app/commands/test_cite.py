"""``kremlin-archive cite``: a record's citation in both styles, the record and its sources in
every export format, the whole bibliography, and one clear line for every mistake.

Exports are read back with the real parsers; counts come from the bundled archive by SQL.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import bibtexparser
import pytest
import rispy

from app import cli
from app.__main__ import main
from tests.conftest import BUNDLED, sha256

PARSERS: dict[str, Callable[[str], int]] = {
    "csl-json": lambda text: len(json.loads(text)),
    "ris": lambda text: len(rispy.loads(text)),
    "bibtex": lambda text: len(bibtexparser.loads(text).entries),
}


def _scalar(query: str, *params: object) -> object:
    with sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute(query, params).fetchone()[0]


def _meta(key: str) -> str:
    return str(_scalar("SELECT value FROM meta WHERE key = ?", key))


def _cited_sources(kind: str, ident: str) -> int:
    """Sources of the claims about one event or source record (by SQL)."""
    if kind == "source":
        return 1
    return int(
        str(
            _scalar(
                "SELECT count(DISTINCT source_pk) FROM claim "
                "WHERE subject_kind = ? AND subject_id = ?",
                kind,
                ident,
            )
        )
    )


def _out(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["cite", *argv, "--accessed", "2026-12-04"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


@pytest.mark.parametrize("style", ["chicago", "gost"])
@pytest.mark.parametrize("ident", ["cherniavsky-mikhail", "ev-1934-kirov", "koshel-kniga87"])
def test_text_citation_in_each_style(
    ident: str, style: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _out([ident, "--style", style], capsys)
    assert out.count("\n") == 1
    assert _meta("data_version") in out and "kremlin-affair.sqlite" in out
    assert _meta("title" if style == "chicago" else "title_ru") in out
    assert ("December 4, 2026" if style == "chicago" else "(дата обращения: 04.12.2026)") in out
    assert "/" + ident in out and "[koshel" not in out


def test_a_person_in_gost_names_them_in_cyrillic(capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(["cherniavsky-mikhail", "--style", "gost"], capsys)
    assert out.startswith("Чернявский Михаил Кондратьевич [Электронный ресурс] : запись о лице")


@pytest.mark.parametrize("fmt", ["csl-json", "ris", "bibtex"])
@pytest.mark.parametrize(
    ("kind", "ident"), [("event", "ev-1934-kirov"), ("source", "koshel-kniga87")]
)
def test_record_exports_hold_the_record_and_its_sources(
    kind: str, ident: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _out([f"{kind}/{ident}", "--format", fmt], capsys)
    assert PARSERS[fmt](out) == 1 + _cited_sources(kind, ident)
    assert f"{kind}:{ident}" in out


@pytest.mark.parametrize("fmt", ["csl-json", "ris", "bibtex"])
def test_a_person_export_parses(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert PARSERS[fmt](_out(["cherniavsky-mikhail", "--format", fmt], capsys)) > 1


@pytest.mark.parametrize("fmt", ["csl-json", "ris", "bibtex"])
def test_all_sources(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(["--all-sources", "--format", fmt], capsys)
    assert PARSERS[fmt](out) == _scalar("SELECT count(*) FROM source")


def test_the_chart_and_the_whole_archive(capsys: pytest.CaptureFixture[str]) -> None:
    assert "chart/outcomes" in _out(["chart"], capsys)
    whole = _out(["--whole-archive", "--style", "gost"], capsys)
    assert whole.startswith(f"{_meta('title_ru')} [Электронный ресурс] : база данных.")


def test_sha256_names_the_file_digest(capsys: pytest.CaptureFixture[str]) -> None:
    assert sha256(BUNDLED) in _out(["kamenev-lev", "--sha256"], capsys)


def test_unknown_id_is_one_line_and_exit_4(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "no-such-record"]) == cli.EXIT_NOT_FOUND
    captured = capsys.readouterr()
    assert captured.err == "kremlin-archive: no record with id “no-such-record”\n"
    assert captured.out == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "cite: give exactly one of ID, --whole-archive or --all-sources"),
        (["kamenev-lev", "--all-sources"], "cite: give exactly one of ID"),
        (["--all-sources"], "cite --all-sources needs --format csl-json or ris or bibtex"),
        (["--all-sources", "--format", "text"], "cite --all-sources needs --format"),
    ],
)
def test_usage_mistakes_exit_2_with_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cite", *argv]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"kremlin-archive: {message}") and err.count("\n") == 1


def test_a_bad_access_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["cite", "kamenev-lev", "--accessed", "4.12.2026"])
    assert exit_.value.code == cli.EXIT_USAGE
    assert "is not a date like 2026-12-04" in capsys.readouterr().err


def test_a_hostile_file_name_cannot_steer_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "k\x1b]0;owned\x07\nTY  - X.sqlite"
    shutil.copyfile(BUNDLED, hostile)
    for fmt in ("text", "ris"):
        out = _out(["kamenev-lev", "--archive", str(hostile), "--format", fmt], capsys)
        assert "\x1b" not in out and "\x07" not in out
        assert "k ]0;owned TY - X.sqlite" in out


def test_russian_messages_of_cite(capsys: pytest.CaptureFixture[str]) -> None:
    from app import cli

    assert cli.run(["--lang", "ru", "cite"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        "kremlin-archive: cite: укажите ровно одно из: ID, --whole-archive или --all-sources\n"
    )
    assert cli.run(["--lang", "ru", "cite", "nobody-at-all"]) == cli.EXIT_NOT_FOUND
    assert capsys.readouterr().err == (
        "kremlin-archive: нет записи с идентификатором «nobody-at-all»\n"
    )


def test_a_russian_reader_gets_gost_unless_asking_for_chicago(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app import cli

    assert cli.run(["--lang", "ru", "cite", "kamenev-lev"]) == 0
    assert "[Электронный ресурс]" in capsys.readouterr().out
    assert cli.run(["--lang", "ru", "cite", "kamenev-lev", "--style", "chicago"]) == 0
    assert "Accessed" in capsys.readouterr().out
    assert cli.run(["cite", "kamenev-lev"]) == 0
    assert "Accessed" in capsys.readouterr().out


def test_style_and_format_names_are_read_in_any_case(capsys: pytest.CaptureFixture[str]) -> None:
    from app import cli

    assert cli.run(["cite", "kamenev-lev", "--style", "GOST"]) == 0
    gost = capsys.readouterr().out
    assert cli.run(["cite", "kamenev-lev", "--style", "gost"]) == 0
    assert capsys.readouterr().out == gost
