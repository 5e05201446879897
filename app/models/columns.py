"""Column specs of the list panes and the custom item roles."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

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
    ColumnSpec("name", N_("Name"), "name", width=165),
    ColumnSpec("name_ru", N_("Name (Cyrillic)"), "name_ru", width=215),
    ColumnSpec("role", N_("Role"), "role", width=95),
    ColumnSpec("tribunal", N_("Tribunal"), "tribunal", width=140),
    ColumnSpec("sentence", N_("Sentence"), "sentence", width=110),
    ColumnSpec("birth_year", N_("Born"), "birth_year", align_right=True, width=50),
)

EVENT_COLUMNS = (
    ColumnSpec("date", N_("Date"), "date", width=135),
    ColumnSpec("title", N_("Event"), "title", width=520),
    ColumnSpec("people", N_("People"), None, align_right=True, width=60),
)

DOCUMENT_COLUMNS = (
    ColumnSpec("date", N_("Date"), "date", width=115),
    ColumnSpec("doc_type", N_("Type"), "doc_type", width=135),
    ColumnSpec("title", N_("Title"), "title", width=340),
    ColumnSpec("persons", N_("Persons named"), None, width=200),
)


def cell_text(text: str) -> str:
    """What a cell shows of ``text``: at most :data:`DISPLAY_LIMIT` characters.

    A cell is elided to its column anyway; eliding a 1 MB string costs ~0.7 s per paint.
    """
    return text if len(text) <= DISPLAY_LIMIT else text[:DISPLAY_LIMIT] + "…"
