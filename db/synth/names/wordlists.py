"""The notation of the name lists: words split on whitespace, the forms of a word on ``/``."""

from __future__ import annotations


def words(text: str) -> list[str]:
    """``"Иванов Смирнов"`` → ``["Иванов", "Смирнов"]``."""
    return text.split()


def slashed(text: str) -> list[list[str]]:
    """``"a/b/c d/e/f"`` → ``[["a", "b", "c"], ["d", "e", "f"]]``."""
    return [w.split("/") for w in text.split()]
