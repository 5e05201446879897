"""Integrity of the hand-written surname lists: Cyrillic where Cyrillic is meant, the national
spelling in Latin letters, the promised number of forms per entry, no entry twice."""

from __future__ import annotations

import re

import pytest

from db.synth.names import surname_data as data

CYRILLIC = re.compile(r"[А-ЯЁа-яё][а-яё]*(-[А-ЯЁ][а-яё]+)?")  # roots and suffixes may be lower
LATIN = re.compile(r"[^\sА-яЁё]+")
WORDS = {k: v for k, v in vars(data).items() if k.isupper() and v and isinstance(v[0], str)}
#: Slashed lists: which forms are Latin (L) or Cyrillic (C), in order.
SLASHED = {
    "GE_TOP": "CL",
    "GE_STEMS": "CL",
    "PL_TOP": "LLC",
    "DE_TOP": "LC",
    "LV_TOP": "LLCCC",
    "LT_TOP": "LLCC",
}


def test_every_list_is_covered() -> None:
    lists = {k for k, v in vars(data).items() if k.isupper() and isinstance(v, list)}
    assert lists == set(WORDS) | set(SLASHED)


@pytest.mark.parametrize("name", sorted(WORDS))
def test_word_lists_are_cyrillic_words_without_repeats(name: str) -> None:
    entries = [w.rstrip("!") for w in WORDS[name]]  # "!" marks a stem that takes -ёв
    assert all(CYRILLIC.fullmatch(w) for w in entries), [
        w for w in entries if not CYRILLIC.fullmatch(w)
    ]
    assert len(entries) == len(set(entries))


@pytest.mark.parametrize(("name", "scripts"), sorted(SLASHED.items()))
def test_slashed_lists_have_their_forms_in_the_right_scripts(name: str, scripts: str) -> None:
    rows: list[list[str]] = getattr(data, name)
    assert rows and {len(r) for r in rows} == {len(scripts)}
    for row in rows:
        for form, script in zip(row, scripts, strict=True):
            assert (CYRILLIC if script == "C" else LATIN).fullmatch(form), (name, row)
    firsts = [r[0] for r in rows]
    assert len(firsts) == len(set(firsts))
