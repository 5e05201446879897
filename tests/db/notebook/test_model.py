"""What the notebook may store: kinds, ids, tags, labels, note text, filters."""

from __future__ import annotations

import dataclasses

import pytest

from db.dto import Ref
from db.notebook.model import (
    KINDS,
    MAX_FILTERS,
    ArchiveKey,
    check_ref,
    claim_ref,
    clean_line,
    clean_tag,
    clean_text,
    fold,
    frozen_filters,
    tag_key,
)


def test_the_kinds_are_the_navigators_and_claims() -> None:
    assert KINDS == ("person", "event", "document", "source", "claim")


def test_a_claim_is_noted_by_its_integer_key() -> None:
    assert claim_ref(1082) == Ref("claim", "1082") == check_ref(Ref("claim", "1082"))


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("nul\x00byte", "nul\ufffdbyte"),
        ("lone \udc80 surrogate", "lone ? surrogate"),
        ("\tindented\n\n", "\tindented\n\n"),
    ],
)
def test_note_text_is_kept_but_for_line_ends_and_unstorable_characters(
    text: str, stored: str
) -> None:
    assert clean_text(text) == stored


def test_one_line_values_lose_controls_and_extra_spaces() -> None:
    assert clean_line("  a\n\tb \x1b[2J  c ", 100) == "a b [2J c"
    assert clean_line("x" * 50, 10) == "x" * 10


def test_tags_are_one_line_and_compared_folded() -> None:
    assert clean_tag("  Ёжов\n досье ") == "Ёжов досье"
    assert tag_key("Ёжов Досье") == tag_key("ежов досье") == fold("ЕЖОВ ДОСЬЕ")


def test_filters_are_frozen_text() -> None:
    frozen = frozen_filters({"tribunal": " military-collegium "})
    assert dict(frozen) == {"tribunal": "military-collegium"}
    with pytest.raises(TypeError):
        frozen["x"] = "y"  # type: ignore[index]
    with pytest.raises(ValueError):
        frozen_filters({str(i): "v" for i in range(MAX_FILTERS + 1)})


def test_values_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ArchiveKey("a", "b").title = "c"  # type: ignore[misc]
