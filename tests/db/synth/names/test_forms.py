"""Every written form of a person's name: the Russian record name, the English name and its
sort name, one to three variants (ё/е, national spelling, transliterations, initials), the
initials of document titles and the id slug."""

from __future__ import annotations

import random
import re
import sqlite3
from collections import Counter, defaultdict

import pytest

from db.build.writer import sort_name
from db.synth.names import Group, Namer, build_groups
from db.synth.names.declension import decline
from db.synth.names.forms import SCHEMES, Transliterator, ascii_fold, initial, join_slugs, slug_word
from tests.db.synth.collector import Collector

CYRILLIC = re.compile("[А-яЁё]")


@pytest.fixture(scope="module")
def groups() -> dict[str, Group]:
    return {g.key: g for g in build_groups()}


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Łukasiewicz", "Lukasiewicz"),
        ("Bērziņš", "Berzins"),
        ("Strauß", "Strauss"),
        ("Müller", "Muller"),
        ("Šleževičius", "Slezevicius"),
        ("Kazlauskienė", "Kazlauskiene"),
        ("O'Neil", "ONeil"),
        ("Ivanov", "Ivanov"),
    ],
)
def test_ascii_fold_drops_diacritics_and_apostrophes(text: str, folded: str) -> None:
    assert ascii_fold(text) == folded


@pytest.mark.parametrize(
    ("name", "initials"), [("Пётр", "П."), ("Анна-Мария", "А.-М."), ("Jānis", "J."), ("", "")]
)
def test_initial_takes_the_first_letter_of_each_hyphen_part(name: str, initials: str) -> None:
    assert initial(name) == initials


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Ter-Petrosyan", "ter-petrosyan"), ("Łukasiewicz", "lukasiewicz"), ("  A  b!", "a-b")],
)
def test_slug_word_is_lower_case_ascii_with_hyphens(text: str, slug: str) -> None:
    assert slug_word(text) == slug


@pytest.mark.parametrize(
    ("surname", "given", "slug"),
    [("ivanov", "ivan", "ivanov-ivan"), ("", "ivan", "ivan"), ("ivanov", "", "ivanov")],
)
def test_join_slugs_skips_an_empty_part(surname: str, given: str, slug: str) -> None:
    assert join_slugs(surname, given) == slug


def test_every_transliteration_of_a_name_with_yo_is_latin() -> None:
    tr = Transliterator()
    for word in ("Пётр", "Королёв", "Семён", "Фёкла"):
        for scheme, _ in (*SCHEMES, ("WIKIPEDIA", "")):
            assert not CYRILLIC.search(tr(scheme, word)), (scheme, word)


def test_a_russian_name_is_transliterated_for_english(groups: dict[str, Group]) -> None:
    ru = groups["ru"]
    names = Namer().forms(random.Random(1), ru, 0, ru.surnames[0], ru.male[0], ru.male[5])
    assert (names.ru, names.en, names.sort_name) == (
        "Иванов Иван Петрович",
        "Ivan Ivanov",
        "Ivanov, Ivan",
    )
    assert (names.initials, names.en_short, names.slug) == ("И.П.", "I. P. Ivanov", "ivanov-ivan")
    assert names.rows[:2] == (
        ("Иванов Иван Петрович", "cyrl", "russian", None),
        ("Ivan Ivanov", "latn", "english", None),
    )


def test_a_woman_gets_the_female_surname_and_patronymic(groups: dict[str, Group]) -> None:
    ru = groups["ru"]
    names = Namer().forms(random.Random(1), ru, 1, ru.surnames[0], ru.female[0], ru.male[0])
    assert names.ru == "Иванова Мария Ивановна" and names.en == "Mariya Ivanova"


def test_a_polish_name_is_english_in_folded_polish_spelling(groups: dict[str, Group]) -> None:
    pl = groups["pl"]
    names = Namer().forms(random.Random(1), pl, 0, pl.surnames[0], pl.male[0], pl.male[1])
    assert (names.ru, names.en, names.slug) == (
        "Лукасевич Юзеф Янович",
        "Jozef Lukasiewicz",
        "lukasiewicz-jozef",
    )
    assert ("Józef Łukasiewicz", "latn", "variant", "Polish spelling") in names.rows
    assert ("Yuzef Lukasevich", "latn", "variant", "from the Russian form") in names.rows


def test_the_same_random_state_gives_the_same_names(groups: dict[str, Group]) -> None:
    def draw(seed: int) -> list[object]:
        rng, namer = random.Random(seed), Namer()
        return [
            namer.forms(rng, g, k % 2, g.surnames[k], g.male[k % len(g.male)], g.male[0])
            for k in range(20)
            for g in groups.values()
        ]

    assert draw(4) == draw(4) and draw(4) != draw(5)


def test_a_pool_entry_that_is_not_one_word_is_refused(groups: dict[str, Group]) -> None:
    ru = groups["ru"]
    two_words = decline("ru", "Ван Дайк")
    with pytest.raises(ValueError, match="not one plain word"):
        Namer().forms(random.Random(1), ru, 0, two_words, ru.male[0], ru.male[0])


def test_each_person_has_russian_english_and_one_to_three_more_names(
    generated: Collector,
) -> None:
    kinds: dict[object, list[object]] = defaultdict(list)
    for row in generated.records("name"):
        kinds[row["person_id"]].append(row["kind"])
    shapes = Counter((k[0], k[1], len(k) - 2) for k in kinds.values())
    assert {(ru, en) for ru, en, _ in shapes} == {("russian", "english")}
    assert {extra for _, _, extra in shapes} == {1, 2, 3}
    assert len(kinds) == len(generated.rows["person"])


def test_the_record_names_are_the_first_two_name_rows(generated: Collector) -> None:
    first: dict[object, list[object]] = defaultdict(list)
    for row in generated.records("name"):
        first[row["person_id"]].append(row["name"])
    for person in generated.records("person"):
        assert first[person["id"]][:2] == [person["name_ru"], person["name_en"]]


def test_the_sort_name_is_the_builders_sort_name_of_the_english_name(
    generated: Collector,
) -> None:
    for person in generated.records("person"):
        assert person["sort_name"] == sort_name(str(person["name_en"])), person


def test_names_with_yo_are_written_both_ways(sql: sqlite3.Connection) -> None:
    pairs = sql.execute(
        "SELECT r.name, v.name FROM person_name r JOIN person_name v ON v.person_pk = "
        "r.person_pk AND v.kind = 'variant' AND v.script = 'cyrl' WHERE r.kind = 'russian' "
        "AND replace(r.name, 'ё', 'е') = replace(v.name, 'ё', 'е') AND r.name != v.name"
    ).fetchall()
    assert any("ё" in ru for ru, _ in pairs) and any("ё" in v for _, v in pairs)


def test_national_latin_spellings_keep_their_diacritics(sql: sqlite3.Connection) -> None:
    native = {
        name
        for (name,) in sql.execute(
            "SELECT name FROM person_name WHERE note IN ('Latvian spelling', "
            "'Lithuanian spelling', 'Polish spelling', 'German spelling')"
        )
    }
    letters = set("".join(native))
    assert letters & set("āēīņšž")  # Latvian, Lithuanian
    assert letters & set("łąęóśźż")  # Polish
    assert letters & set("äöüß")  # German


def test_english_names_are_plain_ascii(generated: Collector) -> None:
    for person in generated.records("person"):
        assert re.fullmatch(r"[A-Za-z-]+ [A-Za-z-]+", str(person["name_en"])), person
