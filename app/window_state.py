"""Window state kept between runs: geometry, splitter, headers, sorts, the tab, each pane's
filters and shown columns, the People chip (a chart bar's or a search's filter), the search
text, and the navigation history with its position.

The keys beyond :class:`app.settings.Settings`' own are declared here (:class:`Remembered`),
on the same settings file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSignalBlocker

if TYPE_CHECKING:
    from app.bootstrap import App
    from app.navigation import Navigator
    from app.settings import Settings
    from db.dto import Ref

#: Settings names of the list panes (their object names).
PANE_NAMES = {"person": "peoplePane", "event": "eventsPane", "document": "documentsPane"}
#: The most history entries kept between runs (the navigator keeps more while running).
MAX_SAVED_HISTORY = 200


def _qsettings(settings: Settings) -> QSettings:
    # Settings declares its keys as properties; these few live beside them, in one file.
    return settings.store


class Remembered:
    """Typed access to the keys this module adds to the settings file.

    Args:
        settings: the application's settings (their file is used).
    """

    def __init__(self, settings: Settings) -> None:
        self._qs = _qsettings(settings)

    def _json(self, key: str) -> Any:
        value = self._qs.value(key, "")
        try:
            import json  # not at import: gui.py reads PANE_NAMES before the first rows

            return json.loads(value) if isinstance(value, str) and value else None
        except ValueError:
            return None

    def _set_json(self, key: str, value: object) -> None:
        import json

        self._qs.setValue(key, json.dumps(value, ensure_ascii=False))

    def filters(self, pane: str) -> dict[str, str]:
        """The filter combo values of a pane (key → value)."""
        value = self._json(f"panes/{pane}/filters")
        if not isinstance(value, dict):
            return {}
        return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}

    def set_filters(self, pane: str, filters: dict[str, str]) -> None:
        """Remember a pane's filter combo values."""
        self._set_json(f"panes/{pane}/filters", filters)

    def hidden_columns(self, pane: str) -> list[str]:
        """The columns hidden with the header's column chooser (their attributes)."""
        value = self._json(f"panes/{pane}/hidden")
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    def set_hidden_columns(self, pane: str, attrs: list[str]) -> None:
        """Remember the hidden columns of a pane."""
        self._set_json(f"panes/{pane}/hidden", attrs)

    def fitted(self, pane: str) -> bool:
        """True when the pane's widths followed its rows (no column was resized by hand)."""
        return self._json(f"panes/{pane}/fitted") is not False

    def set_fitted(self, pane: str, fitted: bool) -> None:
        """Remember whether the widths followed the rows."""
        self._set_json(f"panes/{pane}/fitted", fitted)

    def people_chip(self) -> dict[str, str] | None:
        """The chip over People (a chart bar's or a search's filter), as ListActions gave it."""
        value = self._json("panes/peoplePane/chip")
        if not isinstance(value, dict) or not value:
            return None
        chip = {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}
        return chip if len(chip) == len(value) else None

    def set_people_chip(self, chip: dict[str, str] | None) -> None:
        """Remember the People chip (None: there is none)."""
        self._set_json("panes/peoplePane/chip", chip or {})

    @property
    def search_text(self) -> str:
        """The text in the search box."""
        value = self._qs.value("search/text", "")
        return value[:1000] if isinstance(value, str) else ""

    @search_text.setter
    def search_text(self, value: str) -> None:
        self._qs.setValue("search/text", value)

    def history(self) -> tuple[list[str], int]:
        """(the history's ``archive://`` addresses, oldest first; the current one's index)."""
        value = self._json("navigation/history")
        if not isinstance(value, dict):
            return [], -1
        uris, index = value.get("items"), value.get("index")
        if not isinstance(uris, list) or not isinstance(index, int):
            return [], -1
        return [u for u in uris if isinstance(u, str)], index

    def set_history(self, uris: list[str], index: int) -> None:
        """Remember the history and the current entry's index."""
        self._set_json("navigation/history", {"items": uris, "index": index})


def restore_history(navigator: Navigator, refs: list[Ref], index: int) -> None:
    """Give ``navigator`` this history with entry ``index`` current, announcing only that
    entry (the others are not shown on the way)."""
    if not refs:
        return
    index = min(max(index, 0), len(refs) - 1)
    if len(refs) == 1:
        navigator.go(refs[0])
        return
    with QSignalBlocker(navigator):
        navigator.clear()
        for ref in refs:
            navigator.go(ref)
        navigator.go_to_index(1 if index == 0 else 0)  # then one real move, announced
    navigator.go_to_index(index)


def _saved_history(app: App) -> tuple[list[Ref], int]:
    from db.dto import Ref

    uris, index = Remembered(app.settings).history()
    refs: list[Ref] = []
    for n, uri in enumerate(uris):
        ref = Ref.from_uri(uri)
        if ref is None or (refs and refs[-1] == ref):
            if n <= index:
                index -= 1
            continue
        refs.append(ref)
    return refs, index


def restore(app: App) -> None:
    """Window geometry, splitter, headers, filters, search, history and tab from the last run."""
    from app.dialogs import FolderMemory

    s, w = app.settings, app.window
    memory = Remembered(s)
    app.dialogs.folders = FolderMemory(_qsettings(s))
    if (geometry := s.geometry) is not None:
        w.restoreGeometry(geometry)
    if (splitter := s.splitter) is not None:
        w.splitter.restoreState(splitter)
    if (chip := memory.people_chip()) is not None and app.list_actions is not None:
        app.list_actions.restore_people_chip(chip)  # before the combos: a bar's chip clears them
    for kind, pane in app.panes.items():
        name = PANE_NAMES[kind]
        if (state := s.header_state(name)) is not None:
            pane.restore_header(state)
        pane.columns.set_hidden(memory.hidden_columns(name))
        pane.columns.automatic = memory.fitted(name)
        pane.set_combo_filters(memory.filters(name))
    if memory.search_text and app.search is not None:
        app.search.set_text(memory.search_text)
    from db.dto import Ref  # not at import: gui.py reads PANE_NAMES before the first rows

    refs, index = _saved_history(app)
    if refs:
        restore_history(app.navigator, refs, index)  # shows the item, switches to its pane …
    elif (ref := Ref.from_uri(s.current_item)) is not None:
        app.navigator.go(ref)
    w.tabs.setCurrentIndex(min(max(s.current_tab, 0), w.tabs.count() - 1))  # … then the tab


def save(app: App) -> None:
    """Remember layout, position, filters, search and history for the next start."""
    s, w = app.settings, app.window
    memory = Remembered(s)
    s.geometry = w.saveGeometry()
    s.splitter = w.splitter.saveState()
    s.current_tab = w.tabs.currentIndex()
    current = app.navigator.current
    s.current_item = current.uri() if current else ""
    for kind, pane in app.panes.items():
        name = PANE_NAMES[kind]
        s.set_header_state(name, pane.view.horizontalHeader().saveState())
        q = pane.model.query
        s.set_sort(name, q.sort, q.descending)
        memory.set_filters(name, pane.combo_filters())
        memory.set_hidden_columns(name, pane.columns.hidden())
        memory.set_fitted(name, pane.columns.automatic)
    if app.search is not None:
        memory.search_text = app.search.text()
    if app.list_actions is not None:
        memory.set_people_chip(app.list_actions.people_chip())
    history = app.navigator.history
    start = max(0, len(history) - MAX_SAVED_HISTORY)
    memory.set_history([r.uri() for r in history[start:]], app.navigator.index - start)
    s.sync()
