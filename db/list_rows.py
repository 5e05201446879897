"""Rows of the list panes (DTOs), made from database rows read by :mod:`db.listing`.

The makers read attributes (``r.sort_name``); People rows share their fields with the first
page :mod:`db.first_page` reads before SQLAlchemy is imported.
"""

from __future__ import annotations

from typing import Any

from db import vocab
from db.dto import DocumentRow, EventRow, PersonRow
from db.first_page import person_fields


def person_row(r: Any) -> PersonRow:
    """A People row from a record with the person columns as attributes."""
    return PersonRow(**person_fields(r))


def event_row(r: Any) -> EventRow:
    """An Events row."""
    return EventRow(
        pk=int(r.pk),
        id=str(r.id),
        date=vocab.format_date(str(r.date), str(r.date_precision)),
        title=str(r.title),
        people=int(r.people or 0),
    )


def document_row(r: Any) -> DocumentRow:
    """A Documents row."""
    return DocumentRow(
        pk=int(r.pk),
        id=str(r.id),
        date=vocab.format_date(str(r.date), "day"),
        doc_type=vocab.doc_type_label(str(r.doc_type)),  # in the reader's language
        title=str(r.title),
        persons=str(r.persons),
    )
