"""Window state kept between runs: geometry, splitter, headers, sorts, tab and current item."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.bootstrap import App

#: Settings names of the list panes (their object names).
PANE_NAMES = {"person": "peoplePane", "event": "eventsPane", "document": "documentsPane"}


def restore(app: App) -> None:
    """Window geometry, splitter, headers, tab and current item from the last run."""
    s, w = app.settings, app.window
    if (geometry := s.geometry) is not None:
        w.restoreGeometry(geometry)
    if (splitter := s.splitter) is not None:
        w.splitter.restoreState(splitter)
    for kind, pane in app.panes.items():
        if (state := s.header_state(PANE_NAMES[kind])) is not None:
            pane.view.horizontalHeader().restoreState(state)
            pane.order_name_columns()  # saved in another language, maybe
    from db.dto import Ref  # not at import: gui.py reads PANE_NAMES before the first rows

    ref = Ref.from_uri(s.current_item)
    if ref is not None:
        app.navigator.go(ref)  # shows the item, and switches to its pane …
    w.tabs.setCurrentIndex(min(max(s.current_tab, 0), w.tabs.count() - 1))  # … then the tab


def save(app: App) -> None:
    """Remember layout and position for the next start."""
    s, w = app.settings, app.window
    s.geometry = w.saveGeometry()
    s.splitter = w.splitter.saveState()
    s.current_tab = w.tabs.currentIndex()
    current = app.navigator.current
    s.current_item = current.uri() if current else ""
    for kind, pane in app.panes.items():
        s.set_header_state(PANE_NAMES[kind], pane.view.horizontalHeader().saveState())
        q = pane.model.query
        s.set_sort(PANE_NAMES[kind], q.sort, q.descending)
    s.sync()
