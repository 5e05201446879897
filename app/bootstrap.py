"""Composition root: builds models, widgets and actions, and makes every connection.

Panes never talk to each other: a pane's selection becomes ``navigator.go(ref)``; the
navigator's ``current_changed`` drives the detail view, the tab switch, the pane reveal and the
breadcrumb.  This module only builds objects and connects them (grouped by topic in
:func:`_connect`); what a signal *does* lives with the object that owns the behaviour
(:mod:`app.actions`, the widgets, the controller).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from PySide6.QtWidgets import QApplication, QTableView

# Before any other import: see its docstring.
from app import pyside_imports  # noqa: F401

# isort: split
from app import appearance, icons, window_state
from app.actions.archive import ArchiveActions
from app.actions.cite import CiteActions
from app.actions.context_menus import ContextMenus
from app.actions.detail import DetailActions
from app.actions.lists import ListActions, filter_specs
from app.actions.notebook import NotebookActions
from app.actions.output import OutputActions
from app.actions.sources import SourcesActions
from app.archive_digest import ArchiveDigest
from app.archive_source import ArchiveSource
from app.controller import ArchiveController
from app.dialogs import Dialogs
from app.language import LanguageSwitcher
from app.models.columns import DOCUMENT_COLUMNS, EVENT_COLUMNS, PEOPLE_COLUMNS
from app.models.paged_table import PagedTableModel
from app.models.sources_model import SourcesModel
from app.navigation import Navigator
from app.notebook_session import NotebookSession
from app.printing import DossierService
from app.settings import Settings
from app.widgets.chart_pane import ChartPane
from app.widgets.list_pane import ListPane
from app.widgets.main_window import MainWindow
from app.widgets.network_view import NetworkView
from app.widgets.note_panel import NotePanel
from app.widgets.notebook_pane import NotebookPane
from app.widgets.search_panel import SearchPanel
from app.widgets.sources_pane import SourcesPane
from app.widgets.timeline_view import TimelineView
from app.window_state import PANE_NAMES
from db import Archive, i18n, listing
from db.dto import Ref
from db.i18n import N_
from db.listing import ListQuery

PANE_KINDS = ("person", "event", "document")


def default_sort(kind: str, sort: str) -> str:
    """A pane's sort when none was saved: People by the name in the reader's script."""
    return "name_ru" if kind == "person" and sort == "name" and i18n.language() == "ru" else sort


__all__ = ["PANE_KINDS", "PANE_NAMES", "App", "Dialogs", "build_app"]


@dataclass
class App:
    """Everything the composition root built (tests reach widgets through this)."""

    window: MainWindow
    navigator: Navigator
    controller: ArchiveController
    settings: Settings
    dialogs: Dialogs
    panes: dict[str, ListPane] = field(default_factory=dict)
    chart: ChartPane = field(default=None)  # type: ignore[assignment]
    search: SearchPanel = field(default=None)  # type: ignore[assignment]
    dossiers: DossierService = field(default=None)  # type: ignore[assignment]
    detail_actions: DetailActions = field(default=None)  # type: ignore[assignment]
    list_actions: ListActions = field(default=None)  # type: ignore[assignment]
    archive_actions: ArchiveActions = field(default=None)  # type: ignore[assignment]
    output_actions: OutputActions = field(default=None)  # type: ignore[assignment]
    sources: SourcesPane = field(default=None)  # type: ignore[assignment]
    sources_actions: SourcesActions = field(default=None)  # type: ignore[assignment]
    cite_actions: CiteActions = field(default=None)  # type: ignore[assignment]
    digest: ArchiveDigest = field(default=None)  # type: ignore[assignment]
    language: LanguageSwitcher = field(default=None)  # type: ignore[assignment]
    context_menus: ContextMenus = field(default=None)  # type: ignore[assignment]
    notebook: NotebookSession = field(default=None)  # type: ignore[assignment]
    note_panel: NotePanel = field(default=None)  # type: ignore[assignment]
    notebook_pane: NotebookPane = field(default=None)  # type: ignore[assignment]
    notebook_actions: NotebookActions = field(default=None)  # type: ignore[assignment]
    network: NetworkView = field(default=None)  # type: ignore[assignment]
    timeline: TimelineView = field(default=None)  # type: ignore[assignment]


def _build_panes(app: App) -> None:
    specs = {
        "person": (listing.PEOPLE, PEOPLE_COLUMNS, "people"),
        "event": (listing.EVENTS, EVENT_COLUMNS, "events"),
        "document": (listing.DOCUMENTS, DOCUMENT_COLUMNS, "documents"),
    }
    titles = {
        "person": (N_("People"), "Ctrl+1"),
        "event": (N_("Events"), "Ctrl+2"),
        "document": (N_("Documents"), "Ctrl+3"),
    }
    filters = filter_specs(app.controller)
    window = app.window
    for kind in PANE_KINDS:
        spec, columns, noun = specs[kind]
        model = PagedTableModel(app.controller.holder, spec, columns, window)
        saved = app.settings.sort(PANE_NAMES[kind])
        query = (
            ListQuery(saved[0], saved[1])
            if saved and saved[0] in spec.sorts
            else ListQuery(default_sort(kind, spec.default_sort))
        )
        model.set_query(query)
        pane = ListPane(model, PANE_NAMES[kind], noun, filters[kind], window)
        app.panes[kind] = pane
        window.add_pane(pane, *titles[kind])


def build_app(
    archive: Archive,
    settings: Settings,
    dialogs: Dialogs | None = None,
    window: MainWindow | None = None,
    notebook: NotebookSession | None = None,
) -> App:
    """Create the whole application around ``archive`` (in ``window`` if already shown);
    ``notebook``: the reader's notebook (default: the one in the user data folder, or
    ``$KREMLIN_ARCHIVE_NOTEBOOK``)."""
    window = window or MainWindow()
    window.complete()
    controller = ArchiveController(archive, window)
    app = App(window, Navigator(window), controller, settings, dialogs or Dialogs())
    with window.adding_panes():  # one retranslation and one tab order for all
        _build_panes(app)
        app.chart = ChartPane(window)
        app.chart.set_source(controller.holder)
        window.add_pane(app.chart, N_("Outcomes"), "Ctrl+4")
        sources_model = SourcesModel(controller.holder, window)
        sources_model.reload()
        app.sources = SourcesPane(sources_model, window)
        window.add_pane(app.sources, N_("Sources"), "Ctrl+5")
        app.search = SearchPanel(window)
        app.search.set_source(controller.holder)
        window.set_search_panel(app.search)
        app.notebook = notebook or NotebookSession.open(controller.info.meta, parent=window)
        app.notebook.setParent(window)
        app.note_panel = NotePanel(window)
        window.set_note_panel(app.note_panel)
        app.notebook_pane = NotebookPane(window)
        window.add_pane(app.notebook_pane, N_("Notebook"), "Ctrl+6")
        app.timeline = TimelineView(window)
        app.timeline.set_source(controller.holder)
        window.add_pane(app.timeline, N_("Timeline"), "Ctrl+7")
        app.network = NetworkView(window)
        app.network.set_source(controller.holder)
        window.add_pane(app.network, N_("Network"), "Ctrl+8")
    app.dossiers = DossierService(controller.holder)
    app.digest = ArchiveDigest(window)
    app.language = LanguageSwitcher(settings, window)
    app.detail_actions = DetailActions(window, app.navigator, controller, app.panes, app.sources)
    app.list_actions = ListActions(window, controller, app.panes, app.search, app.dialogs)
    app.archive_actions = ArchiveActions(window, controller, settings, app.dialogs, app.digest)
    app.output_actions = OutputActions(window, app.dossiers, app.chart, app.dialogs, app.network)
    app.sources_actions = SourcesActions(window, controller, app.sources)
    app.cite_actions = CiteActions(
        window, controller, settings, app.dialogs, app.digest, app.chart, app.sources
    )
    app.context_menus = ContextMenus(
        window,
        app.navigator,
        controller,
        app.cite_actions.cite,
        app.dialogs,
        {**app.panes, "source": app.sources},
    )
    app.notebook_actions = NotebookActions(
        window,
        app.navigator,
        controller,
        app.notebook,
        app.note_panel,
        app.notebook_pane,
        app.panes,
        app.search,
        app.dialogs,
        app.dossiers,
    )
    window.command_palette.set_source(controller.holder)
    _connect(app)
    window.fix_tab_order()
    window.name_widgets()
    app.archive_actions.show_title()
    app.detail_actions.show_welcome()
    app.sources_actions.fill_filters()
    app.cite_actions.show_style()
    window.set_language(app.language.code)
    icons.apply(window)
    appearance.install(window, settings)
    window_state.restore(app)
    app.notebook_actions.refresh(None)
    app.notebook.greet()
    controller.check_in_background()
    return app


def _connect(app: App) -> None:
    """Every cross-object connection of the app, grouped by topic."""
    w, nav, ctl = app.window, app.navigator, app.controller
    detail, lists = app.detail_actions, app.list_actions
    archive, output = app.archive_actions, app.output_actions
    sources, cite = app.sources_actions, app.cite_actions
    # Selection → navigation → everything that shows the current item.
    for kind, pane in app.panes.items():
        pane.item_selected.connect(lambda item_id, k=kind: nav.go(Ref(k, item_id)))
    app.sources.item_selected.connect(lambda item_id: nav.go(Ref("source", item_id)))
    nav.current_changed.connect(detail.show_current)
    nav.history_changed.connect(detail.show_history)
    w.detail.link_activated.connect(nav.go)
    w.detail.external_link_requested.connect(app.dialogs.external)
    w.detail.page_shown.connect(detail.name_dossier_target)
    w.breadcrumb_clicked.connect(nav.go_to_index)
    w.back_action.triggered.connect(nav.back)
    w.forward_action.triggered.connect(nav.forward)
    # The status bar counts the rows selected in the list shown (its own line counts the rows).
    for view in [p.view for p in app.panes.values()] + [app.sources.view]:
        view.selectionModel().selectionChanged.connect(lists.show_selection)
    w.tabs.currentChanged.connect(lists.show_selection)
    # Archive: open, recent, refusals; a new archive resets everything that showed the old.
    w.open_action.triggered.connect(archive.ask_open)
    w.open_server_action.triggered.connect(archive.ask_open_server)
    w.recent_menu.aboutToShow.connect(archive.fill_recent_menu)
    ctl.error.connect(archive.report_refusal)
    ctl.archive_changed.connect(lists.reset_for_new_archive)
    for pane in app.panes.values():
        ctl.archive_changed.connect(pane.model.reload)
    ctl.archive_changed.connect(app.chart.reload)
    ctl.archive_changed.connect(sources.reset_for_new_archive)
    ctl.archive_changed.connect(app.search.reload)
    ctl.archive_changed.connect(nav.clear)
    ctl.archive_changed.connect(archive.show_title)
    ctl.archive_changed.connect(ctl.check_in_background)
    # Outcome chart: a named bar filters People, a published bar explains its sources.
    app.chart.named_bar_clicked.connect(lists.show_outcome_in_people)
    app.chart.published_bar_clicked.connect(detail.show_published_figure)
    w.save_chart_action.triggered.connect(output.save_chart)
    app.chart.set_menu_actions([w.copy_citation_action, w.save_chart_action])
    app.chart.copied.connect(lambda text: w.statusBar().showMessage(text, 5000))
    # Search: Ctrl+F, open a hit, show the matches in the People pane.
    w.find_action.triggered.connect(app.search.focus_search)
    app.search.words_activated.connect(w.detail.highlight_words)
    app.search.item_activated.connect(nav.go)
    w.search_filter_action.triggered.connect(lists.show_search_in_people)
    # Dossiers: print, preview, export PDF, case summary (of what the detail view shows).
    w.print_action.triggered.connect(output.print_shown)
    w.preview_action.triggered.connect(output.preview_shown)
    w.export_pdf_action.triggered.connect(output.export_shown_pdf)
    w.case_summary_action.triggered.connect(output.preview_case_summary)
    w.case_summary_pdf_action.triggered.connect(output.export_case_summary_pdf)
    # Citations: copy one (of the item shown, or the chart), its style, bibliographies.
    w.copy_citation_action.triggered.connect(cite.copy_citation)
    for style, action in w.citation_style_actions.items():
        action.triggered.connect(lambda _checked=False, s=style: cite.set_style(s))
    w.export_bibliography_action.triggered.connect(cite.export_all_sources)
    w.export_record_bibliography_action.triggered.connect(cite.export_record_sources)
    app.sources.export_requested.connect(cite.export_listed_sources)
    w.export_action.triggered.connect(cite.export_listed_if_shown)  # Ctrl+E on Sources
    w.detail.page_shown.connect(cite.show_target)
    w.tabs.currentChanged.connect(cite.show_target)
    # Keyboard: the command palette opens items; context menus on rows and links; Edit → Copy.
    w.command_palette.item_activated.connect(nav.go)
    w.command_palette.words_activated.connect(w.detail.highlight_words)
    menus = app.context_menus
    views: dict[str, QTableView] = {kind: pane.view for kind, pane in app.panes.items()}
    views["source"] = app.sources.view
    for kind, view in views.items():
        view.customContextMenuRequested.connect(lambda pos, k=kind: menus.show_row_menu(k, pos))
    w.detail_menu_built.connect(menus.add_link_entries)
    w.copy_rows_action.triggered.connect(menus.copy_focused)
    # Lists, help, lifetime.
    w.export_action.triggered.connect(lists.export_current)
    w.clear_filters_action.triggered.connect(lists.clear_current_filters)
    w.about_action.triggered.connect(archive.show_about)
    w.quit_action.triggered.connect(w.close)
    w.closing.connect(lambda: window_state.save(app))
    _connect_notebook(app)
    _connect_views(app)
    _connect_language(app)
    instance = QApplication.instance()
    if instance is not None:
        instance.installEventFilter(w)  # mouse back/forward buttons anywhere in the window


def _follow_person(view: NetworkView, ref: object) -> None:
    """The graph follows the people shown (an event or a document keeps the last person)."""
    if isinstance(ref, Ref) and ref.kind == "person":
        view.set_person(ref.id)


def _restart_graph(view: NetworkView, source: ArchiveSource) -> None:
    """Another archive is open: no person yet, and the old graphs' positions forgotten."""
    view.set_person(None)
    view.set_source(source)


def _connect_views(app: App) -> None:
    """The relationship graph and the timeline: the graph follows the person shown, the
    timeline rings the item shown; their marks, boxes and links open records (one history);
    they save themselves; a new archive starts them afresh."""
    nav, network = app.navigator, app.network
    nav.current_changed.connect(partial(_follow_person, network))
    network.item_activated.connect(nav.go)
    network.export_requested.connect(app.output_actions.save_graph)
    timeline = app.timeline
    nav.current_changed.connect(timeline.set_current)
    timeline.item_activated.connect(nav.go)
    app.window.save_timeline_action.triggered.connect(app.output_actions.save_timeline)
    app.controller.archive_changed.connect(lambda _archive: timeline.reload())
    holder = app.controller.holder
    app.controller.archive_changed.connect(lambda _archive: _restart_graph(network, holder))


def _connect_notebook(app: App) -> None:
    """The reader's notebook: the note panel follows the record shown, every save refreshes
    the Notebook pane and the lists' marks, saved searches run again, export and import."""
    w, nav, session, notes = app.window, app.navigator, app.notebook, app.notebook_actions
    panel, pane = app.note_panel, app.notebook_pane
    nav.current_changed.connect(notes.show_current)
    panel.note_edited.connect(notes.save_note)
    panel.tags_edited.connect(notes.save_tags)
    panel.bookmark_toggled.connect(notes.save_bookmark)
    w.bookmark_action.triggered.connect(notes.toggle_bookmark)
    session.changed.connect(notes.refresh)
    session.error.connect(app.archive_actions.report_refusal)
    app.controller.archive_changed.connect(session.set_archive)
    pane.item_selected.connect(nav.go)
    pane.filters_changed.connect(notes.fill_pane)
    pane.search_activated.connect(notes.run_search)
    pane.search_delete_requested.connect(notes.delete_search)
    pane.export_requested.connect(notes.export_notebook)
    pane.import_requested.connect(notes.import_notebook)
    w.save_search_action.triggered.connect(notes.save_search)
    w.export_notebook_action.triggered.connect(notes.export_notebook)
    w.import_notebook_action.triggered.connect(notes.import_notebook)
    w.activated.connect(session.check_external)  # another instance may have saved
    w.closing.connect(panel.flush)
    w.closing.connect(session.close)
    app.dossiers.reader_notes = notes.reader_notes
    w.include_notes_action.toggled.connect(notes.include_notes_in_dossiers)


def _connect_language(app: App) -> None:
    """View → Language: widgets retranslate themselves (``LanguageChange``); what is not a
    widget is refreshed here, after them — models, the page shown, counts, chips, tooltips."""
    w, language = app.window, app.language
    for code, action in w.language_actions.items():
        action.triggered.connect(lambda _checked=False, c=code: language.switch(c))
    changed = language.changed
    changed.connect(w.set_language)
    changed.connect(app.controller.forget_labels)  # names may read otherwise now
    for pane in app.panes.values():
        changed.connect(pane.model.retranslate)
    changed.connect(app.list_actions.retranslate)
    changed.connect(app.sources_actions.retranslate)
    changed.connect(app.archive_actions.show_title)
    changed.connect(app.detail_actions.retranslate)  # the page shown, then the breadcrumb
    changed.connect(app.cite_actions.show_target)
    changed.connect(app.cite_actions.show_style)  # unchosen, the style follows the language
    changed.connect(w.name_widgets)  # Qt's own parts and toolbar buttons, named again
    changed.connect(app.notebook_actions.show_marks_in_lists)  # the marks' tooltips
    changed.connect(app.notebook_actions.fill_pane)  # kinds, orphans' words
