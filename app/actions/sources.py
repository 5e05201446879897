"""SourcesActions: the Sources pane's filter values, its counts in the status bar, a new archive."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from app.controller import ArchiveController
from app.widgets.main_window import MainWindow
from app.widgets.sources_pane import FILTERS, SourcesPane
from db import sources

#: Names of the language codes sources use (others are shown as their code).
LANGUAGES = {
    "be": "Belarusian",
    "de": "German",
    "en": "English",
    "fr": "French",
    "pl": "Polish",
    "ru": "Russian",
    "uk": "Ukrainian",
}


def language_name(code: str) -> str:
    """``ru`` → ``Russian (ru)``; an unknown code as it is."""
    name = LANGUAGES.get(code)
    return f"{name} ({code})" if name else code


class SourcesActions(QObject):
    """Keeps the Sources pane's combos and the status bar in step with the archive.

    Args:
        window: the main window (tabs, status bar).
        controller: the archive holder (filter values are read from it).
        pane: the Sources pane.
    """

    def __init__(
        self, window: MainWindow, controller: ArchiveController, pane: SourcesPane
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._pane = pane

    @Slot()
    def fill_filters(self) -> None:
        """Offer the kinds and languages the open archive's sources have (at most a few hundred)."""
        with self._controller.holder.connect() as conn:
            values = {key: sources.distinct_values(conn, key) for key in FILTERS}
        query = self._pane.model.query
        for key, found in values.items():
            texts = [(v, language_name(v) if key == "language" else v) for v in found]
            self._pane.set_filter_options(key, texts, query.filter_value(key))

    @Slot()
    def reset_for_new_archive(self) -> None:
        """Another archive is open: every source of it, in the default order, no filter."""
        self._pane.model.reload()
        self.fill_filters()

    @Slot(int)
    def show_tab_counts(self, _index: int = 0) -> None:
        """The status bar counts, when the Sources tab is the current one."""
        if self._window.tabs.currentWidget() is self._pane:
            model = self._pane.model
            self._show(model.total, model.table_total)

    @Slot(int, int)
    def show_pane_counts(self, shown: int, total: int) -> None:
        """The pane's counts changed: show them if its tab is current."""
        if self._window.tabs.currentWidget() is self._pane:
            self._show(shown, total)

    def _show(self, shown: int, total: int) -> None:
        self._window.set_status(f"{shown:,} of {total:,} sources shown")
