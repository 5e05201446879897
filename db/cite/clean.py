"""Untrusted archive text made safe for one-line citation fields.

Every value a citation takes from the archive (titles, names, notes, the archive's own title)
may hold anything the builder let through, and a hostile file may hold more.  A citation field
is one line: :func:`one_line` turns every control character and every character that
:meth:`str.splitlines` treats as a line break (so RIS or BibTeX readers might too) into a space,
drops the invisible bidirectional controls that can reorder what a reader sees, and collapses
runs of white space.
"""

from __future__ import annotations

import re

#: C0 and C1 controls, DEL, and the Unicode line and paragraph separators: become a space.
_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
#: Bidirectional marks, embeddings, overrides and isolates: dropped.
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
#: A SHA-256 digest as hex.
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


def one_line(text: str | None) -> str:
    """``text`` on one line with no control characters ('' for None)."""
    if not text:
        return ""
    text = _BIDI.sub("", _BREAKING.sub(" ", text))
    return _SPACES.sub(" ", text).strip()


def optional(text: str | None) -> str | None:
    """:func:`one_line`, but None when nothing is left."""
    return one_line(text) or None


def sha256_hex(digest: str | None) -> str | None:
    """A SHA-256 hex digest in lower case; None stays None.

    Raises:
        ValueError: ``digest`` is not 64 hex digits (so nothing else can ride into a citation).
    """
    if digest is None:
        return None
    digest = digest.strip()
    if not _SHA256.fullmatch(digest):
        raise ValueError("a SHA-256 digest is 64 hexadecimal digits")
    return digest.lower()
