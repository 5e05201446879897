"""Command output helpers: DTOs as JSON (dataclasses, tuples, paths), claims as plain lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.commands.output import claim_line, facts_lines, print_json, to_jsonable
from db import Archive, queries
from db.dto import ClaimDTO, Facts, FieldClaims, Labelled, Ref

BOOK = Labelled(Ref("source", "koshel"), "Пётр Кошель, История")


def claim(
    value: str | None = None,
    locator: str | None = None,
    confidence: str | None = None,
    note: str | None = None,
    field: str = "record",
) -> ClaimDTO:
    return ClaimDTO(field, value, BOOK, locator, note, confidence)


def test_dataclasses_become_dicts_all_the_way_down() -> None:
    assert to_jsonable(claim("shot", "p. 3")) == {
        "field": "record",
        "value": "shot",
        "source": {"ref": {"kind": "source", "id": "koshel"}, "label": "Пётр Кошель, История"},
        "locator": "p. 3",
        "note": None,
        "confidence": None,
    }


def test_tuples_lists_and_dict_keys_become_json_types() -> None:
    value = {1: (Ref("person", "a"), [2, (3,)]), "path": Path("/tmp/x y")}
    assert to_jsonable(value) == {
        "1": [{"kind": "person", "id": "a"}, [2, [3]]],
        "path": "/tmp/x y",
    }


def test_a_dataclass_type_is_not_taken_for_a_value() -> None:
    assert to_jsonable(Ref) is Ref


def test_a_whole_person_round_trips_through_json(archive: Archive) -> None:
    with archive.connect() as conn:
        person = queries.person_detail(conn, "kamenev-lev")
    assert person is not None
    data = json.loads(json.dumps(to_jsonable(person)))
    assert data["name_ru"] == person.name_ru
    assert [s["label"] for s in data["sentences"]] == [s.label for s in person.sentences]
    assert len(data["facts"]["sources"]) == len(person.facts.sources)


def test_print_json_writes_unescaped_utf8_and_a_final_newline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    print_json({"name": "Каменев", "ref": Ref("person", "kamenev-lev")})
    out = capsys.readouterr().out
    assert "Каменев" in out and out.endswith("}\n")
    assert json.loads(out) == {"name": "Каменев", "ref": {"kind": "person", "id": "kamenev-lev"}}


@pytest.mark.parametrize(
    ("c", "line"),
    [
        (claim(), "[koshel] Пётр Кошель, История"),
        (claim("shot"), "[koshel] Пётр Кошель, История — shot"),
        (
            claim("shot", "p. 87", "high", "a note"),
            "[koshel] Пётр Кошель, История — shot at p. 87 (high) — a note",
        ),
        (claim(None, None, "low"), "[koshel] Пётр Кошель, История (low)"),
    ],
)
def test_claim_line_leaves_out_what_is_not_given(c: ClaimDTO, line: str) -> None:
    assert claim_line(c) == line


def test_facts_lines_flag_disputed_fields_then_list_the_record_sources() -> None:
    facts = Facts(
        sources=(claim(),),
        fields=(
            FieldClaims("date", (claim("1935-07-27", field="date"),)),
            FieldClaims("fate", (claim("shot", field="fate"), claim("exiled", field="fate"))),
        ),
    )
    assert facts_lines(facts, "  ") == [
        "  date:",
        "    [koshel] Пётр Кошель, История — 1935-07-27",
        "  fate [sources disagree]:",
        "    [koshel] Пётр Кошель, История — shot",
        "    [koshel] Пётр Кошель, История — exiled",
        "  sources:",
        "    [koshel] Пётр Кошель, История",
    ]


def test_no_facts_give_no_lines() -> None:
    assert facts_lines(Facts()) == []


def test_facts_lines_in_russian() -> None:
    from db import i18n

    facts = Facts(
        sources=(claim(),),
        fields=(
            FieldClaims("later_fate", (claim("shot", "p. 87", "high", field="later_fate"),)),
            FieldClaims("fate", (claim("shot", field="fate"), claim("exiled", field="fate"))),
        ),
    )
    i18n.set_language("ru")
    try:
        lines = facts_lines(facts, "  ")
    finally:
        i18n.set_language("en")
    assert lines == [
        "  дальнейшая судьба:",
        "    [koshel] Пётр Кошель, История — shot [p. 87] (высокая)",
        "  fate [источники расходятся]:",
        "    [koshel] Пётр Кошель, История — shot",
        "    [koshel] Пётр Кошель, История — exiled",
        "  источники:",
        "    [koshel] Пётр Кошель, История",
    ]
