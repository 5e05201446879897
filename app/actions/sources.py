"""SourcesActions: the Sources pane's filter values, its counts in the status bar, a new archive."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from app import counts
from app.controller import ArchiveController
from app.models.source_vocab import LANGUAGES, kind_label, language_name
from app.widgets.main_window import MainWindow
from app.widgets.sources_pane import FILTERS, SourcesPane
from db import sources

__all__ = ["LANGUAGES", "SourcesActions", "language_name"]


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
        """Offer the kinds and languages the open archive's sources have (at most a few
        hundred), named in the interface language now in use."""
        with self._controller.holder.connect() as conn:
            values = {key: sources.distinct_values(conn, key) for key in FILTERS}
        query = self._pane.model.query
        for key, found in values.items():
            name = language_name if key == "language" else kind_label
            self._pane.set_filter_options(
                key, [(v, name(v)) for v in found], query.filter_value(key)
            )

    @Slot()
    def retranslate(self) -> None:
        """The language changed: the combos' values, the table and the status bar again."""
        self.fill_filters()
        self._pane.model.retranslate()
        self.show_tab_counts()

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
        self._window.set_status(counts.shown_of("sources", shown, total))
