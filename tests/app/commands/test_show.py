"""``kremlin-archive show ID``: one record of any kind with every fact and its sources, as text
or JSON; ids in every accepted form; an unknown id is one line on stderr and exit code 4.

Line counts are checked against plain SQL on the bundled file.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from app import cli
from app.__main__ import main
from app.commands import show
from db import Archive
from tests.conftest import BUNDLED


def _sql(query: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute(query, params).fetchall()


def _lines(
    ident: str, archive: Archive, capsys: pytest.CaptureFixture[str], prefix: str = ""
) -> list[str]:
    """The text ``show`` prints for ``ident``, only the lines starting with ``prefix``."""
    assert show.run(cli.parser().parse_args(["show", ident]), archive) == 0
    return [line for line in capsys.readouterr().out.splitlines() if line.startswith(prefix)]


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


def test_unknown_id_exits_4_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "no-such-person"]) == cli.EXIT_NOT_FOUND == 4
    captured = capsys.readouterr()
    assert captured.err == "kremlin-archive: no record with id “no-such-person”\n"
    assert captured.out == ""


@pytest.mark.parametrize("ident", ["person/kamenev-lev", "archive://person/kamenev-lev"])
def test_every_id_form_shows_the_same_record(
    ident: str, archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _lines(ident, archive, capsys) == _lines("kamenev-lev", archive, capsys)


def test_an_id_of_the_wrong_kind_is_not_found(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    args = cli.parser().parse_args(["show", "event/kamenev-lev"])
    assert show.run(args, archive) == cli.EXIT_NOT_FOUND
    assert capsys.readouterr().err.count("\n") == 1


def test_person_text_has_a_line_per_name_sentence_and_relation(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _lines("kamenev-lev", archive, capsys)
    assert lines[0] == "PERSON kamenev-lev: Lev Kamenev / Каменев (Розенфельд) Лев Борисович"
    pk = "(SELECT pk FROM person WHERE id = 'kamenev-lev')"
    names = _sql(f"SELECT count(*) FROM person_name WHERE person_pk = {pk}")[0][0]
    sentences = _sql(f"SELECT count(*) FROM sentence WHERE person_pk = {pk}")[0][0]
    relations = _sql(f"SELECT count(*) FROM relation WHERE person_pk = {pk} OR related_pk = {pk}")[
        0
    ][0]
    assert sum(line.startswith("  name: ") for line in lines) == names
    assert sum(line.startswith("  sentence (") for line in lines) == sentences
    assert sum(line.startswith("  relation: ") for line in lines) == relations == 13


def test_person_text_says_sex_and_name_forms_in_words(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _lines("kamenev-lev", archive, capsys)
    assert "  sex: male" in lines
    assert "  name: Каменев (Розенфельд) Лев Борисович (Cyrillic, Russian form)" in lines
    assert "  name: Lev Kamenev (Latin, English form)" in lines
    assert not any("cyrl" in line or "latn" in line for line in lines)


def test_event_text_lists_every_participant_by_id(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = _lines("ev-1935-vk-verdict", archive, capsys, "  participant: ")
    ids = _sql(
        "SELECT p.id FROM event_person ep JOIN person p ON p.pk = ep.person_pk "
        "JOIN event e ON e.pk = ep.event_pk WHERE e.id = 'ev-1935-vk-verdict'"
    )
    assert sorted(line.rsplit("[", 1)[1].split("]")[0] for line in shown) == sorted(
        str(i) for (i,) in ids
    )


def test_document_text_links_names_or_says_not_linked(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _lines("doc-10040", archive, capsys, "  names: ") == [
        "  names: А.С. Енукидзе → Avel Yenukidze (Енукидзе Авель Сафронович) [yenukidze-avel]",
        "  names: Л.З. Мехлису → not linked",
    ]


def test_source_text_lists_its_tallies_with_unknown_counts_as_a_question_mark(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = _lines("koshel-kniga87", archive, capsys, "  tally: ")
    counts = _sql(
        "SELECT t.count FROM tally t JOIN source s ON s.pk = t.source_pk "
        "WHERE s.id = 'koshel-kniga87' ORDER BY t.pk"
    )
    assert [line.rsplit(" = ", 1)[1] for line in shown] == [
        "?" if n is None else str(n) for (n,) in counts
    ]
    assert "?" in [line.rsplit(" = ", 1)[1] for line in shown]


def test_source_text_counts_the_citations_it_does_not_list(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _lines("showtrials-catalog", archive, capsys)
    total = _sql(
        "SELECT count(*) FROM claim c JOIN source s ON s.pk = c.source_pk "
        "WHERE s.id = 'showtrials-catalog'"
    )[0][0]
    listed = sum(line.startswith("  cited for: ") for line in lines)
    assert isinstance(total, int) and listed < total
    assert lines[-1] == f"  … and {total - listed} more"


def _json(ident: str, archive: Archive, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert show.run(cli.parser().parse_args(["show", ident, "--json"]), archive) == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out, dict)
    return out


def test_json_of_a_source_carries_its_tallies(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _json("koshel-kniga87", archive, capsys)
    assert out["id"] == "koshel-kniga87"
    shown = _lines("koshel-kniga87", archive, capsys, "  tally: ")
    assert isinstance(out["tallies"], list) and len(out["tallies"]) == len(shown) > 0


def test_json_of_a_source_says_it_is_a_source(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _json("koshel-kniga87", archive, capsys)["kind"] == "source"


def _dates(value: object) -> list[dict[str, object]]:
    """Every JSON object in ``value`` that has a ``date_label`` (a machine date beside it)."""
    if isinstance(value, list):
        return [d for v in value for d in _dates(v)]
    if not isinstance(value, dict):
        return []
    own = [value] if "date_label" in value else []
    return own + [d for v in value.values() for d in _dates(v)]


@pytest.mark.parametrize("ident", ["cherniavsky-mikhail", "ev-1935-pb-yenukidze", "doc-5077"])
def test_json_dates_are_iso_8601_with_a_precision_and_the_label_beside(
    ident: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    assert main(["show", ident, "--json", "--archive", str(BUNDLED)]) == 0
    dated = _dates(json.loads(capsys.readouterr().out))
    assert dated
    for item in dated:
        assert item["date"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(item["date"]))
        assert item["precision"] in (None, "day", "month", "year")
        assert (item["date"] is None) == (item["precision"] is None)
    labels = {str(item["date_label"]) for item in dated}
    assert not any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", label) for label in labels)


def test_russian_person_puts_the_cyrillic_name_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "ru", "show", "cherniavsky-mikhail"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "ЛИЦО cherniavsky-mikhail: Чернявский Михаил Кондратьевич / Mikhail Cherniavsky"
    )
    assert lines[1] == "  роль: обвиняемый; годы жизни: 1901–?; достоверность: средняя"
    assert (
        "  приговор 1935 г.: Военная коллегия Верховного суда СССР, 27 июля 1935 г.: расстрел "
        "(достоверность: средняя)"
    ) in lines
    assert (
        "  связь: Чернявский Михаил Кондратьевич: жена — Черкасова Евдокия Трофимовна "
        "(Evdokia Cherkasova) [cherkasova-evdokia]"
    ) in lines


def test_russian_event_document_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "ru", "show", "ev-1934-kirov"]) == 0
    event = capsys.readouterr().out.splitlines()
    assert event[1] == "  дата: 1 декабря 1934 г."
    assert main(["--lang", "ru", "show", "doc-10040"]) == 0
    document = capsys.readouterr().out.splitlines()
    assert "  вид документа: письмо" in document
    assert "  упоминает: Л.З. Мехлису → не связано" in document
    assert main(["--lang", "ru", "show", "ev-1935-june-plenum"]) == 0
    names = [
        line.removeprefix("  участник: ").split(" (")[0]
        for line in capsys.readouterr().out.splitlines()
        if line.startswith("  участник: ")
    ]
    # In the reader's alphabet (Ежов … Ягода), not by the Latin names (Kamenev … Yezhov).
    assert names[0].startswith("Ежов") and names[-1].startswith("Ягода")
    assert names == sorted(names)
    assert main(["--lang", "ru", "show", "doc-1733"]) == 0  # a type of two words
    assert "  вид документа: выписка" in capsys.readouterr().out.splitlines()
    assert main(["--lang", "ru", "show", "koshel-kniga87"]) == 0
    source = capsys.readouterr().out.splitlines()
    assert source[1] == "  вид: книга, язык: ru"
    assert any(
        line.startswith("  сводка: Военная коллегия Верховного суда СССР: ") for line in source
    )
