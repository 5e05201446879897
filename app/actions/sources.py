"""SourcesActions: the Sources pane's filter values, a new archive."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

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
        """The language changed: the combos' values and the table again."""
        self.fill_filters()
        self._pane.model.retranslate()

    @Slot()
    def reset_for_new_archive(self) -> None:
        """Another archive is open: every source of it, in the default order, no filter."""
        self._pane.model.reload()
        self.fill_filters()
