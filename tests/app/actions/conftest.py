"""The real objects an action class is given, built alone on the session's bundled archive.

Actions get their collaborators in their constructor (never look them up), so each test
module builds its action class around these: a main window, a controller holding the
bundled archive (it never switches archives here, so it never closes the shared one) and
the three list panes with the filters the app offers.  Nothing is connected but what a test
connects itself; whole-app flows live in ``tests/app/test_bootstrap.py``.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.actions.lists import filter_specs
from app.controller import ArchiveController
from app.models.columns import DOCUMENT_COLUMNS, EVENT_COLUMNS, PEOPLE_COLUMNS
from app.models.paged_table import PagedTableModel
from app.widgets.list_pane import ListPane
from app.widgets.main_window import MainWindow
from app.window_state import PANE_NAMES
from db import Archive, listing
from db.listing import ListQuery

PANES = {
    "person": (listing.PEOPLE, PEOPLE_COLUMNS, "people", "People", "Ctrl+1"),
    "event": (listing.EVENTS, EVENT_COLUMNS, "events", "Events", "Ctrl+2"),
    "document": (listing.DOCUMENTS, DOCUMENT_COLUMNS, "documents", "Documents", "Ctrl+3"),
}


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def controller(window: MainWindow, archive: Archive) -> ArchiveController:
    """A controller on the shared bundled archive (tests here never open another one)."""
    return ArchiveController(archive, window)


@pytest.fixture
def panes(window: MainWindow, controller: ArchiveController) -> dict[str, ListPane]:
    """People, Events and Documents as tabs of the window, reading through the holder."""
    filters = filter_specs(controller)
    panes: dict[str, ListPane] = {}
    for kind, (spec, columns, noun, title, key) in PANES.items():
        model = PagedTableModel(controller.holder, spec, columns, window)
        model.set_query(ListQuery(spec.default_sort))
        panes[kind] = ListPane(model, PANE_NAMES[kind], noun, filters[kind], window)
        window.add_pane(panes[kind], title, key)
    return panes
