"""Untrusted text becomes one clean line: no control character, no line break of any kind."""

from __future__ import annotations

import pytest

from db.cite.clean import one_line, optional, sha256_hex


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("two\nlines\r\nand\ttab", "two lines and tab"),
        ("esc\x1b]0;title\x07 bell", "esc ]0;title bell"),
        ("nul\x00 del\x7f c1\x85\x9b", "nul del c1"),
        ("para\u2029graph line\u2028sep", "para graph line sep"),
        ("\u202eevil.exe\u202c and \u2066iso\u2069", "evil.exe and iso"),
        ("  spaced   out  ", "spaced out"),
        ("Кремлёвское дело", "Кремлёвское дело"),
        (None, ""),
    ],
)
def test_one_line(text: str | None, expected: str) -> None:
    assert one_line(text) == expected


def test_nothing_left_is_none() -> None:
    assert optional(" \n\x00 ") is None
    assert optional(" x ") == "x"


def test_every_line_break_python_knows_is_gone() -> None:
    breaks = "".join(chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".splitlines()) > 1)
    assert len(breaks) >= 8
    assert one_line(f"a{breaks}b").splitlines() == ["a b"]


def test_a_digest_is_64_hex_digits_in_lower_case() -> None:
    assert sha256_hex("AB" * 32) == "ab" * 32
    assert sha256_hex(None) is None
    for bad in ("ab" * 31, "zz" * 32, "ab" * 32 + "\nTY  - X"):
        with pytest.raises(ValueError, match="64 hexadecimal"):
            sha256_hex(bad)
