"""ListActions: the list panes' commands — counts, export, filters from the chart and search."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot

from app.controller import ArchiveController
from app.dialogs import Dialogs
from app.export_job import ExportJob
from app.filenames import safe_file_name
from app.widgets.list_pane import FilterSpec, ListPane
from app.widgets.main_window import MainWindow
from app.widgets.search_panel import SearchPanel
from db import listing, vocab
from db.export import Progress


class ListActions(QObject):
    """Works on the list pane shown (or on People, for the chart and the search).

    Args:
        window: the main window (tabs, status bar).
        controller: the archive holder (exports, search keys).
        panes: the list panes by kind.
        search: the search panel whose matches may filter People.
        dialogs: where to ask for a file name and report failures.
    """

    def __init__(
        self,
        window: MainWindow,
        controller: ArchiveController,
        panes: dict[str, ListPane],
        search: SearchPanel,
        dialogs: Dialogs,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._panes = panes
        self._search = search
        self._dialogs = dialogs
        #: The export running now (one at a time), if any.
        self.export_job: ExportJob | None = None

    def current_pane(self) -> ListPane | None:
        """The list pane on the current tab, if any."""
        widget = self._window.tabs.currentWidget()
        return widget if isinstance(widget, ListPane) else None

    # -- counts ----------------------------------------------------------------------------

    @Slot(int)
    def show_tab_counts(self, _index: int = 0) -> None:
        """The status bar counts of the pane on the current tab."""
        pane = self.current_pane()
        if pane is not None:
            self._show_counts(pane, pane.model.total, pane.model.table_total)

    @Slot(int, int)
    def show_pane_counts(self, shown: int, total: int) -> None:
        """A pane's counts changed: show them if it is the current tab."""
        pane = self.sender()
        if isinstance(pane, ListPane) and pane is self._window.tabs.currentWidget():
            self._show_counts(pane, shown, total)

    def _show_counts(self, pane: ListPane, shown: int, total: int) -> None:
        self._window.set_status(f"{shown:,} of {total:,} {pane.noun} shown")

    # -- commands --------------------------------------------------------------------------

    @Slot()
    def export_current(self) -> None:
        """File → Export list: the current pane's rows, in its sort and filter, as CSV/JSON.

        Runs on the worker pool with a progress dialog and Cancel (:class:`ExportJob`).
        """
        pane = self.current_pane()
        if pane is None or self.export_job is not None:
            return
        w = self._window
        answer = self._dialogs.ask_export(w, safe_file_name(pane.noun, ".csv"))
        if answer is None:
            return
        path, fmt = answer
        model, note = pane.model, pane.chip.text() if pane.chip.isVisible() else ""
        columns = [(c.attr, c.header) for c in model.columns]
        spec, query = model.spec, model.query

        def work(progress: Progress) -> int:
            return self._controller.export(spec, query, path, columns, fmt, note, progress)

        job = ExportJob(work, path, model.total, w)
        job.finished.connect(lambda n, p: self._on_export_done(pane.noun, n, p))
        job.failed.connect(lambda message: self._on_export_failed(message))
        job.cancelled.connect(self._on_export_cancelled)
        self.export_job = job
        job.start()

    def _end_export(self) -> None:
        if self.export_job is not None:
            self.export_job.deleteLater()
        self.export_job = None

    def _on_export_done(self, noun: str, rows: int, path: Path) -> None:
        self._end_export()
        self._window.statusBar().showMessage(f"Exported {rows:,} {noun} to {path}", 8000)

    def _on_export_failed(self, message: str) -> None:
        self._end_export()
        self._dialogs.show(self._window, "Export failed", message)

    @Slot()
    def _on_export_cancelled(self) -> None:
        self._end_export()
        self._window.statusBar().showMessage("Export cancelled; no file was written", 8000)

    @Slot()
    def clear_current_filters(self) -> None:
        """View → Clear filters on the pane shown."""
        pane = self.current_pane()
        if pane is not None:
            pane.clear_filters()

    @Slot()
    def reset_for_new_archive(self) -> None:
        """Another archive was opened: filter values come from it, every pane shows all rows."""
        filters = filter_specs(self._controller)
        for kind, pane in self._panes.items():
            pane.set_filter_options(filters[kind])
            pane.clear_filters()

    @Slot(str, str)
    def show_outcome_in_people(self, tribunal: str, outcome: str) -> None:
        """A named chart bar: People shows exactly the people it counts."""
        pane = self._panes["person"]
        label = f"{vocab.TRIBUNALS.get(tribunal, tribunal)}: {vocab.outcome_label(outcome)}"
        pane.set_extra_filters({"tribunal": tribunal, "outcome": outcome}, f"Outcome — {label}")
        self._window.tabs.setCurrentWidget(pane)

    @Slot()
    def show_search_in_people(self) -> None:
        """View → Show search matches in People (an empty search removes the filter)."""
        results = self._search.results
        query = results.query.strip() if results else ""
        pane = self._panes["person"]
        if not query:
            pane.clear_extra_filters()
            return
        pks = self._controller.person_pks(query)
        pane.set_pks_filter(tuple(pks), f"Search — “{query}”: {len(pks):,} people")
        self._window.tabs.setCurrentWidget(pane)


def _people_filters() -> tuple[FilterSpec, ...]:
    return (
        FilterSpec("role", "Role", tuple(vocab.ROLES.items())),
        FilterSpec(
            "tribunal",
            "Tribunal",
            tuple((k, "no tribunal" if k == "none" else v) for k, v in vocab.TRIBUNALS.items()),
        ),
        FilterSpec(
            "sentence_kind",
            "Sentence",
            tuple(
                (k, "no verdict recorded" if k == "none" else v)
                for k, v in vocab.SENTENCE_KINDS.items()
            ),
        ),
    )


def filter_specs(controller: ArchiveController) -> dict[str, tuple[FilterSpec, ...]]:
    """The filter combos of each pane, with the values the open archive holds."""

    def values(spec: listing.ListSpec, key: str) -> list[str]:
        return controller.filter_values(spec, key)

    return {
        "person": _people_filters(),
        "event": (
            FilterSpec("year", "Year", tuple((y, y) for y in values(listing.EVENTS, "year"))),
        ),
        "document": (
            FilterSpec(
                "doc_type",
                "Type",
                tuple((t, t.replace("_", " ")) for t in values(listing.DOCUMENTS, "doc_type")),
            ),
            FilterSpec("year", "Year", tuple((y, y) for y in values(listing.DOCUMENTS, "year"))),
        ),
    }
