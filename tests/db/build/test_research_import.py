"""The one-off research import (db.build.research_import): run on the real shared research
(read-only) into a temporary folder it regenerates resources/data's document catalogue and
document-person links byte for byte and writes nothing else; its name parser and its linker
follow the rule "one person by surname, initials agreeing where both are known"."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from db.build import DEFAULT_DATA, REPO_ROOT
from db.build import research_import as ri

#: ``../shared/research`` beside the checkout (the module's default input).
RESEARCH = REPO_ROOT.parent / "shared" / "research"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a copy of people.csv, after the import ran into it."""
    if not (RESEARCH / "showtrials-catalogue" / "documents.tsv").is_file():
        pytest.skip(f"the shared research is not at {RESEARCH}")
    out = tmp_path_factory.mktemp("import")
    shutil.copyfile(DEFAULT_DATA / "people.csv", out / "people.csv")
    assert ri.main(["--research", str(RESEARCH), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def people() -> list[ri.PersonKey]:
    """The archive's people as the linker knows them (as main() builds them)."""
    with (DEFAULT_DATA / "people.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        ri.PersonKey(p["id"], parts.surnames, parts.initials)
        for p in rows
        for parts in [ri.parse_ru_name(p["name_ru"])]
    ]


@pytest.fixture(scope="module")
def morph() -> object:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@pytest.mark.parametrize("name", ["documents.csv", "document_people.csv"])
def test_the_import_regenerates_the_bundled_files_byte_for_byte(imported: Path, name: str) -> None:
    assert (imported / name).read_bytes() == (DEFAULT_DATA / name).read_bytes()


def test_the_import_writes_only_the_mechanical_files(imported: Path) -> None:
    assert {p.name for p in imported.iterdir()} == {
        "people.csv",
        "documents.csv",
        "document_people.csv",
    }
    assert (imported / "people.csv").read_bytes() == (DEFAULT_DATA / "people.csv").read_bytes()


def test_the_imported_catalogue_is_the_kremlin_case_in_date_order(imported: Path) -> None:
    with (imported / "documents.csv").open(encoding="utf-8", newline="") as fh:
        docs = list(csv.DictReader(fh))
    assert len(docs) == 292
    dates = [d["date"] for d in docs]
    assert dates == sorted(dates)
    assert len({d["id"] for d in docs}) == 292
    assert {d["source_ids"] for d in docs} == {"showtrials-catalog"}


def test_every_link_names_a_person_of_the_archive(imported: Path) -> None:
    with (DEFAULT_DATA / "people.csv").open(encoding="utf-8", newline="") as fh:
        ids = {p["id"] for p in csv.DictReader(fh)}
    with (imported / "document_people.csv").open(encoding="utf-8", newline="") as fh:
        links = list(csv.DictReader(fh))
    linked = [r["person_id"] for r in links if r["person_id"]]
    assert set(linked) <= ids
    assert 0 < len(linked) < len(links)  # some names stay unlinked, as the rule demands


@pytest.mark.parametrize(
    ("name_ru", "surnames", "initials"),
    [
        ("Агранов Яков Саулович", ("агранов",), "ЯС"),
        ("Каменев (Розенфельд) Лев Борисович", ("каменев", "розенфельд"), "ЛБ"),
        ("Розенфельд (урожд. Бигаева) Нина Александровна", ("розенфельд", "бигаева"), "НА"),
        ("Синани-Скалов Георгий Борисович", ("синани-скалов",), "ГБ"),
        ("Ягода Г.Г.", ("ягода",), "ГГ"),
        ("Рюмин", ("рюмин",), ""),
        ("Ёлкин Пётр", ("елкин",), "П"),
        ("", (), ""),
    ],
)
def test_parse_ru_name(name_ru: str, surnames: tuple[str, ...], initials: str) -> None:
    assert ri.parse_ru_name(name_ru) == ri.NameParts(surnames, initials)


@pytest.mark.parametrize(
    ("raw", "person"),
    [
        ("Енукидзе", "yenukidze-avel"),  # an indeclinable surname
        ("Агранова", "agranov-yakov"),  # genitive of Агранов
        ("Я.С. Агранова", "agranov-yakov"),
        ("И.И. Агранова", None),  # the initials disagree
        ("Розенфельда", None),  # four people answer to Розенфельд
        ("Н.Б. Розенфельда", "rozenfeld-nikolai"),
        ("Н.А. Розенфельд", "rozenfeld-nina"),
        ("Н. Розенфельд", None),  # Nikolai or Nina
        ("Каменева", None),  # Kamenev's genitive or Olga Kameneva
        ("Л.Б. Каменева", "kamenev-lev"),
        ("Г.Б. Синани-", "sinani-skalov-georgy"),  # a title cut after the hyphen
        ("Иван Петров", None),  # two words: not one surname
        ("Нечаева", None),  # nobody of the archive
    ],
)
def test_a_name_is_linked_only_to_the_one_person_it_can_mean(
    people: list[ri.PersonKey], morph: object, raw: str, person: str | None
) -> None:
    assert ri.link_person(raw, people, morph) == person
