"""List panes as the app builds them, over the bundled archive, for the tests of their table
and its painting: a ``PagedTableModel`` of one kind and its ``ListPane``, shown."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from pytestqt.qtbot import QtBot

from app.models.columns import DOCUMENT_COLUMNS, EVENT_COLUMNS, PEOPLE_COLUMNS
from app.models.paged_table import PagedTableModel
from app.widgets.list_pane import ListPane
from db import Archive, listing
from db.listing import ListQuery

#: The list panes, by kind: the listing and its columns.
KINDS = {
    "person": (listing.PEOPLE, PEOPLE_COLUMNS),
    "event": (listing.EVENTS, EVENT_COLUMNS),
    "document": (listing.DOCUMENTS, DOCUMENT_COLUMNS),
}


def shown_pane(qtbot: QtBot, archive: Archive, kind: str = "person") -> ListPane:
    """The ``kind`` list pane over ``archive``, 1000×600, shown."""
    spec, columns = KINDS[kind]
    model = PagedTableModel(archive, spec, columns)
    model.set_query(ListQuery(spec.default_sort))
    pane = ListPane(model, f"{kind}Pane", "people", ())
    qtbot.addWidget(pane)
    pane.resize(1000, 600)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def bookmark_rows(model: PagedTableModel, rows: tuple[int, ...]) -> None:
    """Give ``rows`` the reader's bookmark mark, shown as a red icon in the first column."""
    marked = {str(model.id_at(row)) for row in rows}
    red = QPixmap(16, 16)
    red.fill(QColor("red"))
    model.set_marks(
        lambda ids: {i: "bookmarked" for i in ids if i in marked},
        {"bookmarked": QIcon(red)},
        {"bookmarked": "bookmarked"},
    )
