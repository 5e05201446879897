"""ListActions: the list panes' commands — selection count, export, filters from the chart and
search."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QAbstractItemView

from app import counts
from app.controller import ArchiveController
from app.dialogs import Dialogs
from app.export_job import ExportJob
from app.filenames import safe_file_name
from app.models.columns import SENTENCE_TIP, TRIBUNAL_TIP
from app.widgets import selection
from app.widgets.list_pane import FilterSpec, ListPane
from app.widgets.main_window import MainWindow
from app.widgets.search_panel import SearchPanel
from db import listing, vocab
from db.export import Progress
from db.i18n import _, ngettext


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
        #: Each pane's chip, as words made again in a new language (None: no chip).
        self._chips: dict[str, Callable[[], str]] = {}
        #: What the People chip was made from (see :meth:`people_chip`).
        self._chip_origin: dict[str, str] = {}

    def current_pane(self) -> ListPane | None:
        """The list pane on the current tab, if any."""
        widget = self._window.tabs.currentWidget()
        return widget if isinstance(widget, ListPane) else None

    # -- selection count -------------------------------------------------------------------

    @Slot()
    def show_selection(self) -> None:
        """The status bar's permanent label: how many rows of the list on the current tab are
        selected (what Edit → Copy and Export selection take), when more than one is.  The
        list's own count line says how many rows it shows; the status bar does not repeat it."""
        widget = self._window.tabs.currentWidget()
        view = getattr(widget, "view", None)
        noun = getattr(widget, "noun", None)
        n = selection.count(view) if isinstance(view, QAbstractItemView) else 0
        self._window.set_status(counts.selected(str(noun), n) if n > 1 else "")

    @Slot()
    def retranslate(self) -> None:
        """The language changed: filter words, chips and the status bar counts again."""
        filters = filter_specs(self._controller)
        for kind, pane in self._panes.items():
            pane.retitle_filters(filters[kind])
            pane.sort_by_reading_name()
            describe = self._chips.get(kind)
            if describe is not None and pane.chip.isVisibleTo(pane):
                pane.set_chip_text(describe())
        self.show_selection()

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
        answer = self._dialogs.ask_export(w, safe_file_name(counts.file_stem(pane.noun), ".csv"))
        if answer is None:
            return
        path, fmt = answer
        model, note = pane.model, pane.chip.text() if pane.chip.isVisible() else ""
        # JSON keys stay English (programs read them); a spreadsheet's header row is read.
        columns = [(c.attr, c.header if fmt == "json" else _(c.header)) for c in model.columns]
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
        self._window.statusBar().showMessage(counts.exported(noun, rows, path), 8000)

    def _on_export_failed(self, message: str) -> None:
        self._end_export()
        self._dialogs.show(self._window, _("Export failed"), message)

    @Slot()
    def _on_export_cancelled(self) -> None:
        self._end_export()
        self._window.statusBar().showMessage(_("Export cancelled; no file was written"), 8000)

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

    def people_chip(self) -> dict[str, str] | None:
        """What the chip over People filters by, to restore at the next start: ``{"tribunal":
        …, "outcome": …}`` after a chart bar, ``{"search": text}`` after a search; None when
        People shows no chip."""
        pane = self._panes["person"]
        if not pane.chip.isVisibleTo(pane):
            return None
        return dict(self._chip_origin) if self._chip_origin else None

    def restore_people_chip(self, origin: dict[str, str]) -> None:
        """Put back a chip :meth:`people_chip` returned, without switching tabs or a message."""
        if set(origin) == {"tribunal", "outcome"}:
            self.show_outcome_in_people(origin["tribunal"], origin["outcome"], quiet=True)
        elif set(origin) == {"search"} and origin["search"].strip():
            self._filter_people_by_search(origin["search"].strip(), quiet=True)

    @Slot(str, str)
    def show_outcome_in_people(self, tribunal: str, outcome: str, quiet: bool = False) -> None:
        """A named chart bar: People shows exactly the people it counts (``quiet``: without
        switching to People or saying so, as when the chip is restored at start)."""
        pane = self._panes["person"]

        def describe() -> str:
            # TRANSLATORS: the chip over People after a click on a chart bar.
            return _("Outcome — {tribunal}: {outcome}").format(
                tribunal=vocab.tribunal_label(tribunal), outcome=vocab.outcome_label(outcome)
            )

        self._chips["person"] = describe
        self._chip_origin = {"tribunal": tribunal, "outcome": outcome}
        pane.set_extra_filters(
            {"tribunal": tribunal, "outcome": outcome}, describe(), replace_all=True
        )
        if quiet:
            return
        self._window.tabs.setCurrentWidget(pane)
        self._window.statusBar().showMessage(
            # TRANSLATORS: after a click on a chart bar; {what} is the chip's text.
            _("People now shows only “{what}”; earlier filters were removed").format(
                what=describe()
            ),
            8000,
        )

    @Slot()
    def show_search_in_people(self) -> None:
        """View → Show search matches in People (an empty search removes the filter)."""
        results = self._search.results
        query = results.query.strip() if results else ""
        pane = self._panes["person"]
        if not query:
            pane.clear_extra_filters()
            return
        self._filter_people_by_search(query)

    def _filter_people_by_search(self, query: str, quiet: bool = False) -> None:
        pane = self._panes["person"]
        pks = self._controller.person_pks(query)
        n = len(pks)

        def describe() -> str:
            return ngettext(
                "Search — “{query}”: {n} person", "Search — “{query}”: {n} people", n
            ).format(query=query, n=counts.number(n))

        self._chips["person"] = describe
        self._chip_origin = {"search": query}
        pane.set_pks_filter(tuple(pks), describe())
        if not quiet:
            self._window.tabs.setCurrentWidget(pane)


def _people_filters() -> tuple[FilterSpec, ...]:
    # The People list's tribunal and sentence are the 1935 verdict's (a filter on death did
    # not find those sentenced to death later, and nothing said why: new-user trial).
    return (
        FilterSpec("role", _("Role"), tuple(vocab.ROLES.items()), _("All roles")),
        FilterSpec(
            "tribunal",
            _("Tribunal"),
            tuple((k, _("no tribunal") if k == "none" else v) for k, v in vocab.TRIBUNALS.items()),
            _("All tribunals"),
            _(TRIBUNAL_TIP),
        ),
        FilterSpec(
            "sentence_kind",
            _("Sentence"),
            tuple(
                (k, _("no verdict recorded") if k == "none" else v)
                for k, v in vocab.SENTENCE_KINDS.items()
            ),
            _("All sentences"),
            _(SENTENCE_TIP),
        ),
    )


def filter_specs(controller: ArchiveController) -> dict[str, tuple[FilterSpec, ...]]:
    """The filter combos of each pane, with the values the open archive holds, in the
    interface language now in use."""

    def values(spec: listing.ListSpec, key: str) -> list[str]:
        return controller.filter_values(spec, key)

    def years(spec: listing.ListSpec) -> FilterSpec:
        return FilterSpec(
            "year", _("Year"), tuple((y, y) for y in values(spec, "year")), _("All years")
        )

    return {
        "person": _people_filters(),
        "event": (years(listing.EVENTS),),
        "document": (
            FilterSpec(
                "doc_type",
                _("Type"),
                tuple((t, vocab.doc_type_label(t)) for t in values(listing.DOCUMENTS, "doc_type")),
                _("All types"),
            ),
            years(listing.DOCUMENTS),
        ),
    }
