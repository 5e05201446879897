"""Full-text search tables written at build time (FTS5).

``person_fts`` holds every name form of a person (rowid = person pk) and ``text_fts`` the
words of event titles/summaries, document titles, occupations, organisations and source
titles.  Text is NFC-normalised and folded (case, ё→е, й→и) before indexing, because FTS5's
``unicode61`` tokenizer removes Latin diacritics only; queries apply the same :func:`fold`.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable

_FOLD = str.maketrans({"ё": "е", "й": "и", "ъ": "", "ь": ""})


def fold(text: str) -> str:
    """Normalise text for indexing and querying (NFC, casefold, ё→е, й→и, drop ъ/ь)."""
    return unicodedata.normalize("NFC", text).casefold().translate(_FOLD)


def build(conn: sqlite3.Connection, progress: Callable[[str], None]) -> None:
    """Create and fill the FTS tables from the numbered archive tables."""
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.execute(
        "CREATE VIRTUAL TABLE person_fts USING fts5(names, "
        "tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute(
        "INSERT INTO person_fts (rowid, names) SELECT p.pk, fold(group_concat(n.name, ' ; ')) "
        "FROM person p JOIN person_name n ON n.person_pk = p.pk GROUP BY p.pk ORDER BY p.pk")
    conn.execute(
        "CREATE VIRTUAL TABLE text_fts USING fts5(kind UNINDEXED, ref UNINDEXED, body, "
        "tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute(
        "INSERT INTO text_fts (kind, ref, body) "
        "SELECT 'event', pk, fold(title || ' ' || coalesce(summary, '')) FROM event "
        "UNION ALL SELECT 'document', pk, fold(title) FROM document "
        "UNION ALL SELECT 'person', pk, fold(coalesce(occupation, '') || ' ' || "
        "coalesce(organisation, '')) FROM person "
        "UNION ALL SELECT 'source', pk, fold(coalesce(author, '') || ' ' || title) FROM source")
    progress("optimising search index")
    conn.execute("INSERT INTO person_fts (person_fts) VALUES ('optimize')")
    conn.execute("INSERT INTO text_fts (text_fts) VALUES ('optimize')")
