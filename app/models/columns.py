"""Column specs of the list panes and the custom item roles."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from db import i18n
from db.i18n import N_

#: Longest text a cell shows (archive fields may hold a megabyte).
DISPLAY_LIMIT = 1000

#: Role returning the item's text id (``cherniavsky-mikhail``).
IdRole = Qt.ItemDataRole.UserRole + 1
#: Role returning the row's DTO.
RowRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class ColumnSpec:
    """One column: DTO attribute, header text, db sort key (None = not sortable)."""

    attr: str
    header: str  # English, marked with N_(): translated where shown
    sort_key: str | None
    align_right: bool = False
    width: int = 160


PEOPLE_COLUMNS = (
    ColumnSpec("name", N_("Name"), "name", width=155),
    ColumnSpec("name_ru", N_("Name (Cyrillic)"), "name_ru", width=205),
    ColumnSpec("role", N_("Role"), "role", width=100),
    ColumnSpec("tribunal", N_("Tribunal"), "tribunal", width=133),
    ColumnSpec("sentence", N_("Sentence"), "sentence", width=105),
    ColumnSpec("birth_year", N_("Born"), "birth_year", align_right=True, width=72),
)

EVENT_COLUMNS = (
    ColumnSpec("date", N_("Date"), "date", width=150),
    ColumnSpec("title", N_("Event"), "title", width=505),
    ColumnSpec("people", N_("People"), None, align_right=True, width=60),
)

DOCUMENT_COLUMNS = (
    ColumnSpec("date", N_("Date"), "date", width=150),
    ColumnSpec("doc_type", N_("Type"), "doc_type", width=160),
    ColumnSpec("title", N_("Title"), "title", width=300),
    ColumnSpec("persons", N_("Persons named"), None, width=200),
)


def cell_text(text: str) -> str:
    """What a cell shows of ``text``: at most :data:`DISPLAY_LIMIT` characters.

    A cell is elided to its column anyway; eliding a 1 MB string costs ~0.7 s per paint.
    """
    return text if len(text) <= DISPLAY_LIMIT else text[:DISPLAY_LIMIT] + "…"


def name_columns_in_reading_order(columns: tuple[ColumnSpec, ...]) -> tuple[int, int] | None:
    """(the name column to show first, the other) as column indexes, in the interface
    language: the Cyrillic name leads in Russian, the English one otherwise; None when the
    columns do not hold both."""
    keys = [c.attr for c in columns]
    if "name" not in keys or "name_ru" not in keys:
        return None
    english, russian = keys.index("name"), keys.index("name_ru")
    return (russian, english) if i18n.language() == "ru" else (english, russian)
