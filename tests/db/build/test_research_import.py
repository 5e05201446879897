"""The one-off research import (db.build.research_import): run on the real shared research
(read-only) into a temporary folder it regenerates resources/data's document catalogue and
document-person links byte for byte and writes nothing else; its name parser and its linker
follow the rule "one person by surname, and initials written in the title that agree with the
person's" (a bare surname is never linked); names are taken from the title as it writes them."""

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
        ("А.С. Енукидзе", "yenukidze-avel"),  # an indeclinable surname
        ("Енукидзе", None),  # one person bears it, but no initials are written
        ("Агранова", None),  # genitive of Агранов, without initials
        ("Я.С. Агранова", "agranov-yakov"),
        ("Ф.С. Аграновича", None),  # Agranovich, not Agranov
        ("О.Д. Каменевой", "kameneva-olga"),  # not Lev Kamenev
        ("С.А. Башкировой-Эрдман", None),  # nobody of the archive (not Kirov)
        ("А.А. Гардина-Гейера", "gardin-geyer-alexander"),  # both parts declined
        ("М.С. Жалыбиной-Быковой", "zhalybina-bykova"),
        ("Сталине", None),  # a bare surname in the prepositional case
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


@pytest.mark.parametrize(
    ("raw", "title", "written"),
    [
        # The catalogue cut a surname out of a longer one: the whole word is the name.
        ("Киров", "Протокол допроса С.А. Башкировой-Эрдман", "С.А. Башкировой-Эрдман"),
        # … or out of a different surname, dropping the initials.
        ("Агранов", "Протокол допроса Ф.С. Аграновича", "Ф.С. Аграновича"),
        ("Каменев", "Протокол допроса О.Д. Каменевой", "О.Д. Каменевой"),
        ("Ежов", "Спецсообщение Я.С. Агранова Н.И. Ежову с приложением", "Н.И. Ежову"),
        ("Зиновьев", "очной ставки между Г.Е. Зиновьевым и В.Д. Вуйовичем", "Г.Е. Зиновьевым"),
        # A name cut after its hyphen gets its second part back.
        ("Г.Б. Синани-", "Автобиография Г.Б. Синани-Скалова", "Г.Б. Синани-Скалова"),
        # A place where the name starts a word wins over one inside another word.
        ("Киров", "Протокол допроса С.А. Башкировой и С.М. Кирова", "С.М. Кирова"),
        ("Елкин", "Письмо П.И. Ёлкина", "П.И. Ёлкина"),  # ё and е are one letter here
        ("Сталин", "донесения о высказываниях о Сталине", "Сталине"),  # no initials written
        ("Петров", "Протокол допроса И.И. Иванова", "Петров"),  # not in the title: unchanged
        ("Иванов", "Справка НКВД СССР. Иванова", "Иванова"),  # "Р." ends a word, no initial
        ("Иванов", "Справка НКВД СССР. И.И. Иванова", "И.И. Иванова"),
        ("Штрасс", "Письмо Straße И.И. Штрассе", "И.И. Штрассе"),  # ß folds to two letters
        ("", "Протокол допроса", ""),
    ],
)
def test_a_name_is_taken_from_the_title_as_written(raw: str, title: str, written: str) -> None:
    assert ri.written_in_title(raw, title) == written


@pytest.mark.parametrize(
    ("written", "person", "agree"),
    [
        ("ЯС", "ЯС", True),
        ("Н", "НБ", True),  # a single initial written
        ("НБ", "Н", True),  # a person known by one initial
        ("ФС", "ЯС", False),
        ("", "ЯС", False),  # a bare surname: nothing to agree
        ("ЯС", "", False),  # a person without initials: nothing to compare
    ],
)
def test_initials_agree_only_when_both_are_known_and_match(
    written: str, person: str, agree: bool
) -> None:
    assert ri.initials_agree(written, person) is agree


@pytest.mark.parametrize(
    ("written", "initials"),
    [("Я.С. Агранова", "ЯС"), ("Н. Розенфельд", "Н"), ("Агранова", ""), ("Я.С.Агранова", "ЯС")],
)
def test_initials_of_a_written_name(written: str, initials: str) -> None:
    assert ri.initials_of(written) == initials


def test_no_imported_link_rests_on_a_bare_surname(imported: Path) -> None:
    with (imported / "document_people.csv").open(encoding="utf-8", newline="") as fh:
        links = [r for r in csv.DictReader(fh) if r["person_id"]]
    assert links
    assert [r for r in links if not ri.initials_of(r["name_as_written"])] == []


def test_every_imported_name_is_written_in_its_title(imported: Path) -> None:
    with (imported / "documents.csv").open(encoding="utf-8", newline="") as fh:
        titles = {d["id"]: d["title"] for d in csv.DictReader(fh)}
    with (imported / "document_people.csv").open(encoding="utf-8", newline="") as fh:
        links = list(csv.DictReader(fh))
    assert [r for r in links if r["name_as_written"] not in titles[r["document_id"]]] == []
