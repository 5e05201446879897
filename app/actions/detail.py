"""DetailActions: what the right-hand side shows — the current item, the trail, a chart figure."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from app.controller import ArchiveController, Renderer
from app.navigation import Navigator
from app.widgets.list_pane import ListPane
from app.widgets.main_window import MainWindow
from app.widgets.sources_pane import SourcesPane
from app.workers import Runner
from db import vocab
from db.dto import Ref
from db.i18n import N_, _

#: What the status bar says when a link leads to an item this archive lacks, by its kind.
NOT_FOUND = {
    "person": N_("No person “{id}” in this archive"),
    "event": N_("No event “{id}” in this archive"),
    "document": N_("No document “{id}” in this archive"),
    "source": N_("No source “{id}” in this archive"),
}


class DetailActions(QObject):
    """Shows the navigator's current item in the detail view and keeps the breadcrumb.

    On a file a page is read where it is asked for (a millisecond).  On a server every
    statement is a round trip, so the page, its breadcrumb label and its row in the list are
    read on a worker (:attr:`loader`, newest request wins) and shown when they arrive; the
    window stays responsive however slow the server is.

    Args:
        window: the main window (detail view, tabs, breadcrumb, status bar).
        navigator: the one history.
        controller: the archive holder that turns a ``Ref`` into a page.
        panes: the list panes by kind, to reveal the current item in its list.
        sources: the Sources pane, where a source shown is revealed.
    """

    def __init__(
        self,
        window: MainWindow,
        navigator: Navigator,
        controller: ArchiveController,
        panes: dict[str, ListPane],
        sources: SourcesPane | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._navigator = navigator
        self._controller = controller
        self._panes: dict[str, ListPane | SourcesPane] = dict(panes)
        if sources is not None:
            self._panes["source"] = sources
        #: The published chart bar whose figures the detail view shows (None: another page).
        self._figure: tuple[str, str] | None = None
        #: Reads pages of a server archive off the GUI thread.
        self.loader = Runner(self)
        self.loader.failed.connect(self._on_load_failed)

    @Slot()
    def show_welcome(self) -> None:
        """The archive's welcome page (nothing selected)."""
        self._figure = None
        self._window.detail.show_page(None, self._controller.welcome_page(), [])

    @Slot(object)
    def show_current(self, ref: Ref | None) -> None:
        """Show ``ref``'s page, switch to its pane and select its row."""
        if ref is None:
            self.loader.cancel()
            self.show_welcome()
            return
        if self._controller.info.server:
            self._load(ref)
            return
        self._show(ref, self._controller.page(ref), None)

    def _load(self, ref: Ref) -> None:
        """Read ``ref``'s page, label and list row on the worker, then show them."""
        controller = self._controller
        pane = self._panes.get(ref.kind)
        model = pane.model if pane is not None else None
        self._window.statusBar().showMessage(_("Loading…"))

        def work() -> tuple[object, int | None]:
            page = controller.page(ref)
            controller.label(ref)  # cached for the breadcrumb
            row = model.row_of(ref.id) if model is not None and page else None
            return page, -1 if row is None else row

        def done(result: tuple[object, int | None]) -> None:
            if self._navigator.current != ref:
                return  # the reader went on meanwhile
            self._window.statusBar().clearMessage()
            page, row = result
            self._show(ref, page, row)  # type: ignore[arg-type]
            self.show_history()
            self.name_dossier_target(ref)

        self.loader.submit(work, done)

    @Slot(object)
    def _on_load_failed(self, exc: object) -> None:
        """A page could not be read from the server: say why in the status bar (the page on
        screen stays; going there again tries again)."""
        from app.errors import server_lost

        lost = server_lost(exc) if isinstance(exc, BaseException) else None
        self._window.statusBar().showMessage(
            _("The page could not be read from the archive server ({detail})").format(
                detail=lost or type(exc).__name__
            )
        )
        self.show_history()

    def _show(
        self,
        ref: Ref,
        page: tuple[Renderer, list[str]] | None,
        row: int | None,
    ) -> None:
        """Show a page read now or on the worker; ``row``: its list row read with it (-1: not
        in the list as filtered), None: to be looked up now."""
        w = self._window
        if page is None:
            missing = NOT_FOUND.get(ref.kind, N_("“{id}” is not in this archive"))
            w.statusBar().showMessage(_(missing).format(id=ref.id), 5000)
            self.show_welcome()
            return
        self._figure = None
        w.detail.show_page(ref, *page)
        pane = self._panes.get(ref.kind)
        if pane is not None:
            w.tabs.setCurrentWidget(pane)
            shown = pane.reveal(ref.id) if row is None else pane.reveal_at(ref.id, row)
            if not shown:
                w.statusBar().showMessage(
                    _("The item is not among the rows the pane's filter shows"), 5000
                )

    @Slot()
    def retranslate(self) -> None:
        """The language changed: the page shown is made again in it (the same item, part of
        long fields and scroll position; no history step), then the breadcrumb."""
        w = self._window
        w.statusBar().clearMessage()
        ref = w.detail.ref
        if ref is not None:
            page = self._controller.page(ref)
            if page is not None:
                w.detail.replace_page(*page)
            pane = self._panes.get(ref.kind)
            if pane is not None:
                pane.reveal(ref.id)  # its list may be sorted by the other name now
        elif self._figure is not None:
            figure = self._controller.outcome_page(*self._figure)
            if figure is not None:
                w.detail.replace_page(figure, [])
        else:
            w.detail.replace_page(self._controller.welcome_page(), [])
        self.show_history()

    @Slot()
    def show_history(self) -> None:
        """Back/Forward availability and the breadcrumb trail."""
        w, nav = self._window, self._navigator
        w.back_action.setEnabled(nav.can_go_back())
        w.forward_action.setEnabled(nav.can_go_forward())
        ctl = self._controller
        # On a server a step not read yet shows "…" until its page (and label) arrives.
        label = (lambda r: ctl.cached_label(r) or "…") if ctl.info.server else ctl.label
        trail = [(i, label(r), i == nav.index) for i, r in nav.trail()]
        if self._figure is not None and w.detail.ref is None:
            # The figures of a chart bar are shown, outside the history: the trail leads
            # back, and its last step names what is on screen.
            trail = [(i, label, False) for i, label, _current in trail]
            trail.append((-1, self._figure_label(*self._figure), True))
        w.set_breadcrumb(trail)

    @staticmethod
    def _figure_label(tribunal: str, outcome: str) -> str:
        """The breadcrumb's words for a published chart bar's figures."""
        # TRANSLATORS: the breadcrumb over the published figures of one chart bar.
        return _("Figures: {outcome}, {tribunal}").format(
            outcome=vocab.outcome_label(outcome), tribunal=vocab.tribunal_label(tribunal)
        )

    @Slot(str, str)
    def show_published_figure(self, tribunal: str, outcome: str) -> None:
        """A published chart bar: every source's figure and the tallies behind it."""
        page = self._controller.outcome_page(tribunal, outcome)
        if page is not None:
            self._window.detail.show_page(None, page, [])
            self._figure = (tribunal, outcome)
            self.show_history()

    @Slot(object)
    def name_dossier_target(self, ref: Ref | None) -> None:
        """Print/Preview/Export PDF name what they act on: the item shown or the case.

        On a server the label is read with the page (see :meth:`_load`), which names the
        target again when it arrives."""
        if ref is not None and self._controller.info.server:
            label = self._controller.cached_label(ref)
            if label is None:
                return
        self._window.set_dossier_target(None if ref is None else self._controller.label(ref))
