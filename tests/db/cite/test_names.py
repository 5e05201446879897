"""Author strings split into family and given names only where the form is unmistakable."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, text

from db.cite.names import Name, authors


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Пётр Кошель", [Name("Кошель", "Пётр")]),
        ("Robert Conquest", [Name("Conquest", "Robert")]),
        ("Никита Петров, Марк Янсен", [Name("Петров", "Никита"), Name("Янсен", "Марк")]),
        ("В. Кожинов", [Name("Кожинов", "В.")]),
        ("И. В. Сталин", [Name("Сталин", "И. В.")]),
        ("И.В. Сталин", [Name("Сталин", "И.В.")]),
        ("Каменев Лев Борисович", [Name("Каменев", "Лев Борисович")]),
        ("Лев Борисович Каменев", [Name("Каменев", "Лев Борисович")]),
        ("Георгий Синани-Скалов", [Name("Синани-Скалов", "Георгий")]),
    ],
)
def test_clear_personal_names_are_split(author: str, expected: list[Name]) -> None:
    assert list(authors(author)) == expected


@pytest.mark.parametrize(
    "author",
    [
        "Wikipedia contributors",
        "Бессмертный барак",
        "Коммерсантъ",
        "Мегаэнциклопедия Кирилла и Мефодия",
        "Российские вести / «Кремль-9»",
        "И.В. Сталин (Сочинения, т. 18)",
        "В. Кожинов, Ю. Мухин (compilation)",
        "Simon Sebag Montefiore",
        "Пётр Koshel",
        "Кошель, Пётр",
        "showtrials.ru (site editors)",
        "Лазарь Моисеевич Каганович",
        "ЦК ВКП(б)",
        "=cmd|' /C calc'!A0",
    ],
)
def test_anything_else_stays_one_literal_name(author: str) -> None:
    assert authors(author) == (Name(literal=author),)


def test_empty_authors_are_no_names() -> None:
    assert authors(None) == () and authors("  ") == ()


def test_control_characters_never_reach_a_name() -> None:
    (name,) = authors("Пётр\x1b\n\x85Кошель\u202e")
    assert name == Name("Кошель", "Пётр")
    assert name.inverted == "Кошель, Пётр"
    assert Name(literal="Wikipedia contributors").inverted == "Wikipedia contributors"


def test_most_authors_of_the_bundled_sources_split(conn: Connection) -> None:
    rows = [a for (a,) in conn.execute(text("SELECT author FROM source WHERE author != ''"))]
    split = [a for a in rows if authors(a)[0].literal is None]
    # Books by people outnumber organisations and remarks, but both kinds are present.
    assert len(rows) > len(split) > len(rows) // 2
