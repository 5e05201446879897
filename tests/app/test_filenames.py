"""File names from archive text stay inside their folder and cannot spoof or hide."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.filenames import MAX_STEM_BYTES, OutsideFolder, inside, safe_file_name, safe_stem

HOSTILE = [
    "../../x",
    "/tmp/x",
    "..",
    ".hidden",
    "\u202egpj.exe",
    "a\x00b",
    "a\x1b[2Jb",
    "C:\\Windows\\x",
    'a/b\\c:d*e?f"g<h>i|j',
    "",
    " . ",
    "\u2028line",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_name_becomes_one_plain_visible_file_name(text: str) -> None:
    stem = safe_stem(text)
    assert stem and not stem.startswith((".", "-", " "))
    assert not set(stem) & set('/\\:*?"<>|\x00')
    assert all(ch.isprintable() for ch in stem)
    assert "\u202e" not in stem


@pytest.mark.parametrize("text", HOSTILE)
def test_every_sanitised_name_lands_inside_the_folder(tmp_path: Path, text: str) -> None:
    target = inside(tmp_path, safe_file_name(text, ".pdf"))
    assert target.parent == tmp_path.resolve()
    assert target.name.endswith(".pdf")


def test_ordinary_names_keep_their_letters() -> None:
    assert safe_stem("cherniavsky-mikhail") == "cherniavsky-mikhail"
    assert safe_stem("Чернявский М.К.") == "Чернявский М.К"
    assert safe_stem("a\u00a0b  c") == "a b c"  # other spaces become one plain space


def test_names_are_capped_in_bytes_without_splitting_a_letter() -> None:
    stem = safe_stem("ж" * 500)
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert set(stem) == {"ж"}


def test_reserved_device_names_are_not_used_bare() -> None:
    assert safe_stem("CON") == "_CON"
    assert safe_stem("nul.txt") == "_nul.txt"


def test_inside_refuses_a_name_that_leaves_the_folder(tmp_path: Path) -> None:
    with pytest.raises(OutsideFolder):
        inside(tmp_path, "../escape.pdf")
    with pytest.raises(OutsideFolder):
        inside(tmp_path, "/etc/passwd")
    with pytest.raises(OutsideFolder):
        inside(tmp_path, "sub/deeper.pdf")
