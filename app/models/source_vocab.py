"""Display names of the kinds and languages the archive's sources are stored with.

A source's ``kind`` (``book``, ``article`` …) and ``language`` (an ISO 639-1 code) are short
keys; the Sources pane shows them as words of the interface language, in its table and in its
filter combos.  A key outside these tables is archive data and is shown as it is stored.
"""

from __future__ import annotations

from db import vocab
from db.i18n import _

#: Language codes → the language's name (English, translated where shown).
LANGUAGES = vocab.SOURCE_LANGUAGES


def kind_label(kind: str) -> str:
    """``book`` → ``book`` / «книга»; an unknown kind as stored (:mod:`db.vocab`'s words)."""
    return vocab.source_kind_label(kind)


def language_label(code: str) -> str:
    """``ru`` → ``Russian`` / «русский»; an unknown code as stored."""
    return vocab.source_language_label(code)


def language_name(code: str) -> str:
    """``ru`` → ``Russian (ru)``, the code kept for readers who filter by it; an unknown code
    as it is."""
    name = LANGUAGES.get(code)
    # TRANSLATORS: a language and its ISO code, e.g. "Russian (ru)".
    return _("{language} ({code})").format(language=_(name), code=code) if name else code
