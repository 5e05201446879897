"""File names built from archive text (ids, titles): sanitised, and kept inside their folder.

An archive is untrusted input: an id such as ``../../x``, ``/tmp/x``, ``.hidden``, a name
with a right-to-left override (U+202E, which shows ``gpj.pdf`` as ``fdp.jpg``) or a NUL must
never become a path outside the folder the user chose, a hidden file or a spoofed extension.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

#: Longest file name stem, in UTF-8 bytes (file systems allow 255 for the whole name).
MAX_STEM_BYTES = 120
#: Characters no file name gets: separators and what Windows refuses.
_REPLACED = set('/\\:*?"<>|')
#: Names Windows reserves whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}  # fmt: skip


class OutsideFolder(ValueError):
    """A path that would leave the folder it was meant for."""


def safe_stem(text: str, fallback: str = "untitled") -> str:
    """``text`` as a file name stem: no separators, controls, bidi marks or leading dots."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            continue  # controls, bidi/format marks, surrogates, unassigned
        out.append("-" if ch in _REPLACED else " " if category == "Zs" else ch)
    stem = " ".join("".join(out).split())  # no runs of white space, none at the ends
    stem = stem.lstrip(".- ").rstrip(". ")
    encoded = stem.encode("utf-8")[:MAX_STEM_BYTES]
    stem = encoded.decode("utf-8", errors="ignore").rstrip(". ")
    if not stem:
        return fallback
    if stem.split(".")[0].casefold() in _RESERVED:
        stem = f"_{stem}"
    return stem


def safe_file_name(text: str, suffix: str, fallback: str = "untitled") -> str:
    """``safe_stem(text)`` plus ``suffix`` (e.g. ``.pdf``)."""
    return safe_stem(text, fallback) + suffix


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, proved to stay inside ``folder``; raises :class:`OutsideFolder`."""
    base = folder.resolve()
    target = (base / name).resolve()
    if target.parent != base:
        raise OutsideFolder(f"“{name}” would be written outside {folder}")
    return target
