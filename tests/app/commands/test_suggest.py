"""An id that names no record is answered with the ids of the records its words name: ``show
Mukhanova`` offers ``mukhanova-ekaterina`` (a new user's first try), and words that name
nothing add no line."""

from __future__ import annotations

import pytest

from app import cli
from app.__main__ import main
from app.commands.suggest import MAX_SUGGESTIONS, suggestion
from db import Archive


@pytest.mark.parametrize(
    ("argv", "offered"),
    [
        (["show", "Mukhanova"], ["mukhanova-ekaterina", "mukhanov-konstantin"]),
        (["show", "Мухановой"], ["mukhanova-ekaterina"]),
        (["cite", "Kamenev"], ["kamenev-lev", "kameneva-olga"]),
        (["timeline", "--person", "Kirov"], ["kirov-sergei"]),
        (["dossier", "Mukhanova", "-o", "unused.pdf"], ["mukhanova-ekaterina"]),
    ],
)
def test_a_name_typed_for_an_id_is_answered_with_the_ids_it_names(
    capsys: pytest.CaptureFixture[str], argv: list[str], offered: list[str]
) -> None:
    assert main(argv) == cli.EXIT_NOT_FOUND
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("kremlin-archive: no ")
    hint = err[1]
    assert hint.startswith("did you mean ")
    assert [i for i in offered if i in hint] == offered
    assert "agranov-yakov" not in hint  # a summary that mentions the name names nobody


def test_the_hint_is_in_russian_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["--lang", "ru", "show", "Мухановой"]) == cli.EXIT_NOT_FOUND
    hint = capsys.readouterr().err.splitlines()[1]
    assert hint.startswith("может быть, имелось в виду mukhanova-ekaterina")


@pytest.mark.parametrize("text", ["zzzqqq", "", "   ", "x" * 5000])
def test_words_that_name_nothing_offer_nothing(archive: Archive, text: str) -> None:
    with archive.connect() as conn:
        assert suggestion(conn, text) == ""


def test_only_the_kinds_asked_for_and_a_few_of_them(archive: Archive) -> None:
    with archive.connect() as conn:
        people = suggestion(conn, "Kamenev", ("person",))
        events = suggestion(conn, "Kirov", ("event",))
        many = suggestion(conn, "Rozenfeld")
    assert "kamenev-lev" in people and " ev-" not in people
    assert "ev-1934-kirov" in events and "kirov-sergei" not in events
    offered = many.removeprefix("did you mean ").partition("? (")[0].split("; ")
    assert 1 < len(offered) <= MAX_SUGGESTIONS, many
