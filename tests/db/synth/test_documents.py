"""Generated documents: about one per four people, Russian titles with declined names, and
every name in a title also a document-person row linked to the person it names."""

from __future__ import annotations

import re
from collections import defaultdict

from tests.db.synth.collector import Collector
from tests.db.synth.conftest import GENERATED_PEOPLE

_YO = str.maketrans("ёЁ", "еЕ")


def named(generated: Collector) -> dict[object, list[tuple[object, object]]]:
    """``document id → [(name as written, person id)]`` in row order."""
    out: dict[object, list[tuple[object, object]]] = defaultdict(list)
    for row in generated.records("document_person"):
        out[row["document_id"]].append((row["name_as_written"], row["person_id"]))
    return out


def test_there_is_one_document_per_four_people_numbered_in_order(generated: Collector) -> None:
    ids = [d["id"] for d in generated.records("document")]
    assert ids == [f"doc-{k:07d}" for k in range(1, GENERATED_PEOPLE // 4 + 1)]


def test_the_names_in_a_title_are_document_person_rows_of_real_people(
    generated: Collector,
) -> None:
    names = named(generated)
    people = generated.by_id("person")
    for doc in generated.records("document"):
        rows = names[doc["id"]]
        # A list names its main person in the title; the others are the list's entries.
        in_title = rows[:1] if doc["doc_type"] == "list" else rows
        assert rows and all(str(written) in str(doc["title"]) for written, _ in in_title), doc
        assert rows[0][1] in people
        assert all(person is None or person in people for _, person in rows)


def test_interrogation_titles_decline_the_surname_into_the_genitive(
    generated: Collector,
) -> None:
    people = generated.by_id("person")
    checked = 0
    for doc in generated.records("document"):
        if doc["doc_type"] != "interrogation_protocol":
            continue
        ((written, pid),) = named(generated)[doc["id"]]
        person = people[pid]
        surname, given, patronymic = str(person["name_ru"]).translate(_YO).split()
        assert str(written).translate(_YO).startswith(f"{given[0]}.{patronymic[0]}. ")
        if person["sex"] == "M" and re.search("(ов|ев|ин)$", surname):
            assert str(written).translate(_YO).endswith(f" {surname}а")
            checked += 1
        elif person["sex"] == "F" and re.search("(ова|ева|ина)$", surname):
            assert str(written).translate(_YO).endswith(f" {surname[:-1]}ой")
            checked += 1
    assert checked > 100


def test_a_confrontation_names_two_people_in_the_instrumental_and_links_both(
    generated: Collector,
) -> None:
    names = named(generated)
    confrontations = [
        d for d in generated.records("document") if d["doc_type"] == "confrontation_protocol"
    ]
    assert confrontations
    for doc in confrontations:
        rows = names[doc["id"]]
        (a, pa), (c, pc) = rows
        assert doc["title"] == f"Протокол очной ставки между {a} и {c}"
        assert pa is not None and pc is not None and pa != pc


def test_a_letter_names_an_addressee_who_is_not_a_generated_person(generated: Collector) -> None:
    letters = [d for d in generated.records("document") if d["doc_type"] == "letter"]
    names = named(generated)
    assert letters
    for doc in letters:
        (sender, sender_id), (to, to_id) = names[doc["id"]]
        assert doc["title"] == f"Письмо {sender} {to}"
        assert sender_id is not None and to_id is None


def test_documents_are_dated_from_the_first_arrests_to_the_end_of_1935(
    generated: Collector,
) -> None:
    # Arrests start 20 days before 1935 (12 December 1934); documents follow them.
    dates = [str(d["date"]) for d in generated.records("document")]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", d) for d in dates)
    assert min(dates) >= "1934-12-12" and max(dates) <= "1935-12-31"


def test_a_verdict_document_is_dated_on_the_persons_verdict_day(generated: Collector) -> None:
    names = named(generated)
    verdicts = {s["person_id"]: s for s in generated.records("sentence") if s["stage"] == "verdict"}
    prefix = {
        "military-collegium": "Приговор Военной коллегии",
        "special-board-oso": "Выписка из протокола Особого совещания",
    }
    docs = [d for d in generated.records("document") if d["doc_type"] == "verdict_or_sentence"]
    assert docs
    for doc in docs:
        ((_, pid),) = names[doc["id"]]
        verdict = verdicts[pid]
        assert str(doc["date"]).startswith(str(verdict["date"]))  # the verdict's precision
        assert str(doc["title"]).startswith(prefix[str(verdict["tribunal"])])


def test_a_document_is_filed_under_its_persons_case_and_surname(generated: Collector) -> None:
    names = named(generated)
    people = generated.by_id("person")
    for doc in generated.records("document"):
        pid = names[doc["id"]][0][1]
        case = re.fullmatch(r"Архивно-следственное дело № Р-(\d+)", str(doc["collection"]))
        assert case is not None and 1000 <= int(case[1]) < 99_000
        surname = str(people[pid]["name_ru"]).split()[0]
        assert str(doc["category"]).translate(_YO) == surname.translate(_YO)
