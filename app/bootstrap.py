"""Composition root: builds models and widgets and makes every cross-widget connection.

Panes never talk to each other: a pane's selection becomes ``navigator.go(ref)``; the
navigator's ``current_changed`` drives the detail view, the tab switch, the pane reveal and the
breadcrumb.  Everything that connects two objects is in this module, grouped by topic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.controller import ArchiveController
from app.models.columns import DOCUMENT_COLUMNS, EVENT_COLUMNS, PEOPLE_COLUMNS
from app.models.paged_table import PagedTableModel
from app.navigation import Navigator
from app.printing import (
    DossierService,
    export_dossier_pdf,
    preview_dossier,
    print_dossier,
)
from app.settings import Settings
from app.widgets.chart_pane import ChartPane
from app.widgets.list_pane import FilterSpec, ListPane
from app.widgets.main_window import MainWindow
from app.widgets.search_panel import SearchPanel
from db import Archive, listing, vocab
from db.dto import Ref
from db.listing import ListQuery

PANE_KINDS = ("person", "event", "document")
PANE_NAMES = {"person": "peoplePane", "event": "eventsPane", "document": "documentsPane"}


@dataclass
class Dialogs:
    """Modal interactions, replaceable in tests (no real modal ever opens there)."""

    open_path: object = None  # Callable[[QWidget], Path | None]
    save_path: object = None  # Callable[[QWidget, str], Path | None]
    notify: object = None  # Callable[[QWidget, str, str], None]
    open_url: object = None  # Callable[[str], None]
    run_print: object = None  # Callable[[QWidget, QPrinter], bool] (the print dialog)
    run_preview: object = None  # Callable[[QPrintPreviewDialog], None]

    def ask_open(self, parent: QWidget) -> Path | None:
        """Ask for an archive file."""
        if callable(self.open_path):
            result: Path | None = self.open_path(parent)
            return result
        name, _ = QFileDialog.getOpenFileName(parent, "Open archive", "",
                                              "Archives (*.sqlite *.db);;All files (*)")
        return Path(name) if name else None

    def ask_save(self, parent: QWidget, suggested: str,
                 filters: str = "CSV (*.csv);;JSON (*.json)") -> Path | None:
        """Ask where to save (a list export, a chart image)."""
        if callable(self.save_path):
            result: Path | None = self.save_path(parent, suggested)
            return result
        name, _ = QFileDialog.getSaveFileName(parent, "Save as", suggested, filters)
        return Path(name) if name else None

    def show(self, parent: QWidget, title: str, message: str) -> None:
        """Tell the user something."""
        if callable(self.notify):
            self.notify(parent, title, message)
        else:
            QMessageBox.information(parent, title, message)

    def external(self, address: str) -> None:
        """Open a web address in the system browser."""
        if callable(self.open_url):
            self.open_url(address)
        else:
            QDesktopServices.openUrl(QUrl(address))


@dataclass
class App:
    """Everything the composition root built (tests reach widgets through this)."""

    window: MainWindow
    navigator: Navigator
    controller: ArchiveController
    settings: Settings
    dialogs: Dialogs
    panes: dict[str, ListPane] = field(default_factory=dict)
    chart: ChartPane | None = None
    search: SearchPanel | None = None
    wiring: QObject | None = None


def _people_filters() -> tuple[FilterSpec, ...]:
    return (
        FilterSpec("role", "Role", tuple(vocab.ROLES.items())),
        FilterSpec("tribunal", "Tribunal", tuple(
            (k, "no tribunal" if k == "none" else v) for k, v in vocab.TRIBUNALS.items())),
        FilterSpec("sentence_kind", "Sentence", tuple(
            (k, "no verdict recorded" if k == "none" else v)
            for k, v in vocab.SENTENCE_KINDS.items())),
    )


def build_app(archive: Archive, settings: Settings, dialogs: Dialogs | None = None,
              window: MainWindow | None = None) -> App:
    """Create the whole application around ``archive`` (in ``window`` if already shown)."""
    window = window or MainWindow()
    navigator = Navigator(window)
    controller = ArchiveController(archive, window)
    app = App(window, navigator, controller, settings, dialogs or Dialogs())

    specs = {"person": (listing.PEOPLE, PEOPLE_COLUMNS, "people"),
             "event": (listing.EVENTS, EVENT_COLUMNS, "events"),
             "document": (listing.DOCUMENTS, DOCUMENT_COLUMNS, "documents")}
    filters = {
        "person": _people_filters(),
        "event": (FilterSpec("year", "Year", tuple(
            (y, y) for y in controller.filter_values(listing.EVENTS, "year"))),),
        "document": (
            FilterSpec("doc_type", "Type", tuple(
                (t, t.replace("_", " ")) for t in
                controller.filter_values(listing.DOCUMENTS, "doc_type"))),
            FilterSpec("year", "Year", tuple(
                (y, y) for y in controller.filter_values(listing.DOCUMENTS, "year")))),
    }
    titles = {"person": ("People", "Ctrl+1"), "event": ("Events", "Ctrl+2"),
              "document": ("Documents", "Ctrl+3")}
    for kind in PANE_KINDS:
        spec, columns, noun = specs[kind]
        model = PagedTableModel(archive, spec, columns, window)
        saved = settings.sort(PANE_NAMES[kind])
        query = ListQuery(saved[0], saved[1]) if saved and saved[0] in spec.sorts \
            else ListQuery(spec.default_sort)
        model.set_query(query)
        pane = ListPane(model, PANE_NAMES[kind], noun, filters[kind], window)
        app.panes[kind] = pane
        window.add_pane(pane, *titles[kind])
    app.chart = ChartPane(window)
    app.chart.set_archive(archive)
    window.add_pane(app.chart, "Outcomes", "Ctrl+4")
    app.search = SearchPanel(window)
    app.search.set_archive(archive)
    window.set_search_panel(app.search)
    app.wiring = Wiring(app)
    restore(app)
    return app


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
    w.tabs.setCurrentIndex(min(max(s.current_tab, 0), w.tabs.count() - 1))
    ref = Ref.from_uri(s.current_item)
    if ref is not None:
        app.navigator.go(ref)


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


class Wiring(QObject):
    """Every cross-widget connection of the app, grouped by topic, with its slots."""

    def __init__(self, app: App) -> None:
        super().__init__(app.window)
        self.app = app
        w, nav, ctl = app.window, app.navigator, app.controller
        # Selection → navigation → everything that shows the current item.
        for kind, pane in app.panes.items():
            pane.item_selected.connect(lambda item_id, k=kind: nav.go(Ref(k, item_id)))
            pane.counts_changed.connect(self._on_counts_changed)
        nav.current_changed.connect(self._on_current_changed)
        nav.history_changed.connect(self._on_history_changed)
        w.detail.link_activated.connect(nav.go)
        w.detail.external_link_requested.connect(app.dialogs.external)
        w.breadcrumb_clicked.connect(nav.go_to_index)
        w.back_action.triggered.connect(nav.back)
        w.forward_action.triggered.connect(nav.forward)
        w.tabs.currentChanged.connect(self._on_tab_changed)
        # Archive: open, recent, errors, swap.
        w.open_action.triggered.connect(self._on_open)
        w.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        ctl.error.connect(lambda title, msg: app.dialogs.show(w, title, msg))
        ctl.archive_changed.connect(self._on_archive_changed)
        # Outcome chart: a named bar filters People, a published bar explains its sources.
        assert app.chart is not None
        app.chart.named_bar_clicked.connect(self._on_named_bar)
        app.chart.published_bar_clicked.connect(self._on_published_bar)
        w.save_chart_action.triggered.connect(self._on_save_chart)
        # Search: Ctrl+F, open a hit, show the matches in the People pane.
        assert app.search is not None
        w.find_action.triggered.connect(app.search.focus_search)
        app.search.item_activated.connect(nav.go)
        w.search_filter_action.triggered.connect(self._on_search_filter)
        # Dossiers: print, preview, export PDF, case summary.
        self.dossiers = DossierService(ctl.archive)
        # They act on what the detail view shows (None: the case summary), and say so.
        w.detail.page_shown.connect(self._on_page_shown)
        w.print_action.triggered.connect(self._on_print)
        w.preview_action.triggered.connect(lambda: self._preview(self.app.window.detail.ref))
        w.export_pdf_action.triggered.connect(self._on_export_pdf)
        w.case_summary_action.triggered.connect(lambda: self._preview(None))
        # Lists, help, lifetime.
        w.export_action.triggered.connect(self._on_export)
        w.clear_filters_action.triggered.connect(self._on_clear_filters)
        w.about_action.triggered.connect(self._on_about)
        w.quit_action.triggered.connect(w.close)
        w.closing.connect(lambda: save(app))
        from PySide6.QtWidgets import QApplication

        instance = QApplication.instance()
        if instance is not None:
            instance.installEventFilter(w)
        self._set_title()
        w.detail.show_page(None, ctl.welcome_page(), [])
        self._on_tab_changed(w.tabs.currentIndex())

    # -- navigation ---------------------------------------------------------------------------

    @Slot(object)
    def _on_current_changed(self, ref: Ref | None) -> None:
        w, ctl = self.app.window, self.app.controller
        if ref is None:
            w.detail.show_page(None, ctl.welcome_page(), [])
            return
        page = ctl.page(ref)
        if page is None:
            w.statusBar().showMessage(f"No {ref.kind} “{ref.id}” in this archive", 5000)
            w.detail.show_page(None, ctl.welcome_page(), [])
            return
        w.detail.show_page(ref, *page)
        pane = self.app.panes.get(ref.kind)
        if pane is not None:
            w.tabs.setCurrentWidget(pane)
            if not pane.reveal(ref.id):
                w.statusBar().showMessage(
                    "The item is not among the rows the pane's filter shows", 5000)

    @Slot()
    def _on_history_changed(self) -> None:
        w, nav, ctl = self.app.window, self.app.navigator, self.app.controller
        w.back_action.setEnabled(nav.can_go_back())
        w.forward_action.setEnabled(nav.can_go_forward())
        w.set_breadcrumb([(i, ctl.label(r), i == nav.index) for i, r in nav.trail()])

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        pane = self.app.window.tabs.widget(index)
        if isinstance(pane, ListPane):
            m = pane.model
            self._show_counts(pane, m.total, m.table_total)

    @Slot(int, int)
    def _on_counts_changed(self, shown: int, total: int) -> None:
        pane = self.sender()
        if isinstance(pane, ListPane) and pane is self.app.window.tabs.currentWidget():
            self._show_counts(pane, shown, total)

    def _show_counts(self, pane: ListPane, shown: int, total: int) -> None:
        self.app.window.set_status(f"{shown:,} of {total:,} {pane.noun} shown")

    # -- archive ------------------------------------------------------------------------------

    @Slot()
    def _on_open(self) -> None:
        path = self.app.dialogs.ask_open(self.app.window)
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open another archive (keeps the current one on failure)."""
        ok = self.app.controller.open_path(path)
        if ok:
            self.app.settings.add_recent_archive(path)
        return ok

    @Slot()
    def _fill_recent_menu(self) -> None:
        menu = self.app.window.recent_menu
        menu.clear()
        for text in self.app.settings.recent_archives:
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, p=text: self.open_path(Path(p)))
        if menu.isEmpty():
            menu.addAction("(none)").setEnabled(False)

    @Slot(object)
    def _on_archive_changed(self, archive: Archive) -> None:
        for pane in self.app.panes.values():
            pane.clear_filters()
            pane.model.set_archive(archive)
        if self.app.chart is not None:
            self.app.chart.set_archive(archive)
        if self.app.search is not None:
            self.app.search.set_archive(archive)
        self.dossiers = DossierService(archive)
        self.app.navigator.clear()
        self._set_title()

    def _set_title(self) -> None:
        info = self.app.controller.archive.info
        self.app.window.setWindowTitle(f"{info.title} — {info.path.name} — Kremlin Affair Archive")

    # -- outcome chart -------------------------------------------------------------------------

    @Slot(str, str)
    def _on_named_bar(self, tribunal: str, outcome: str) -> None:
        pane = self.app.panes["person"]
        label = f"{vocab.TRIBUNALS.get(tribunal, tribunal)}: {vocab.outcome_label(outcome)}"
        pane.set_extra_filters({"tribunal": tribunal, "outcome": outcome},
                               f"Outcome — {label}")
        self.app.window.tabs.setCurrentWidget(pane)

    @Slot(str, str)
    def _on_published_bar(self, tribunal: str, outcome: str) -> None:
        page = self.app.controller.outcome_page(tribunal, outcome)
        if page is not None:
            self.app.window.detail.show_page(None, page, [])

    @Slot()
    def _on_save_chart(self) -> None:
        chart = self.app.chart
        if chart is None:
            return
        w = self.app.window
        path = self.app.dialogs.ask_save(w, "outcomes.png", "Images (*.png);;SVG (*.svg)")
        if path is None:
            return
        try:
            chart.save_image(path)
        except OSError as exc:
            self.app.dialogs.show(w, "Could not save the chart", str(exc))
            return
        w.statusBar().showMessage(f"Chart saved to {path}", 8000)

    # -- search ---------------------------------------------------------------------------------

    @Slot()
    def _on_search_filter(self) -> None:
        search = self.app.search
        if search is None:
            return
        query = search.results.query.strip() if search.results else ""
        pane = self.app.panes["person"]
        if not query:
            pane.clear_extra_filters()
            return
        pks = self.app.controller.person_pks(query)
        pane.set_pks_filter(tuple(pks), f"Search — “{query}”: {len(pks):,} people")
        self.app.window.tabs.setCurrentWidget(pane)

    # -- dossiers -------------------------------------------------------------------------------

    def _error(self, parent: QWidget | None, title: str, message: str) -> None:
        self.app.dialogs.show(self.app.window, title, message)

    @Slot(object)
    def _on_page_shown(self, ref: Ref | None) -> None:
        self.app.window.set_dossier_target(
            None if ref is None else self.app.controller.label(ref))

    @Slot()
    def _on_print(self) -> None:
        d = self.app.dialogs
        kwargs = {"run_dialog": d.run_print} if callable(d.run_print) else {}
        print_dossier(self.app.window, self.dossiers, self.app.window.detail.ref,
                      show_error=self._error, **kwargs)  # type: ignore[arg-type]

    def _preview(self, ref: Ref | None) -> None:
        d = self.app.dialogs
        kwargs = {"run_dialog": d.run_preview} if callable(d.run_preview) else {}
        preview_dossier(self.app.window, self.dossiers, ref, show_error=self._error, **kwargs)

    @Slot()
    def _on_export_pdf(self) -> None:
        ref = self.app.window.detail.ref
        path = export_dossier_pdf(
            self.app.window, self.dossiers, ref,
            ask_path=lambda parent, name: self.app.dialogs.ask_save(
                self.app.window, name, "PDF (*.pdf)"),
            show_error=self._error)
        if path is not None:
            self.app.window.statusBar().showMessage(f"Dossier saved to {path}", 8000)

    # -- lists and help -------------------------------------------------------------------------

    def current_pane(self) -> ListPane | None:
        """The list pane on the current tab, if any."""
        widget = self.app.window.tabs.currentWidget()
        return widget if isinstance(widget, ListPane) else None

    @Slot()
    def _on_export(self) -> None:
        pane = self.current_pane()
        if pane is None:
            return
        w = self.app.window
        path = self.app.dialogs.ask_save(w, f"{pane.noun}.csv")
        if path is None:
            return
        columns = [(c.attr, c.header) for c in pane.model.columns]
        try:
            n = self.app.controller.export(pane.model.spec, pane.model.query, path, columns)
        except OSError as exc:
            self.app.dialogs.show(w, "Export failed",
                                  f"Could not write “{path}”: {exc.strerror or exc}")
            return
        w.statusBar().showMessage(f"Exported {n:,} {pane.noun} to {path}", 8000)

    @Slot()
    def _on_clear_filters(self) -> None:
        pane = self.current_pane()
        if pane is not None:
            pane.clear_filters()

    @Slot()
    def _on_about(self) -> None:
        info = self.app.controller.archive.info
        counts = ", ".join(f"{info.counts.get(k, 0):,} {label}" for k, label in (
            ("person", "people"), ("event", "events"), ("document", "documents"),
            ("source", "sources"), ("claim", "claims")))
        from app import __version__

        self.app.dialogs.show(
            self.app.window, "About Kremlin Affair Archive",
            f"Kremlin Affair Archive {__version__}\n\n{info.title}\n"
            f"Data version {info.data_version} (schema {info.schema_version})\n{counts}\n\n"
            f"Archive: {info.path}\n\nEvery fact cites its sources; see the Sources of each "
            "record, or run `kremlin-archive show SOURCE-ID`.")
