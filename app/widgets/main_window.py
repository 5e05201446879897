"""MainWindow: layout, menus, actions, toolbar and status bar — no SQL, no wiring of others.

Left: the list panes as tabs (People, Events, Documents, plus any extra pane such as the
outcome chart and the sources).  Right: a breadcrumb over the detail view.  Every action has a
menu entry and most a shortcut; the composition root (:mod:`app.bootstrap`) connects them.
The detail view's context menu is Qt's own (copy, select all) plus Copy citation, and what
the handlers of :attr:`MainWindow.detail_menu_built` add (the link under the pointer).  The
command palette (Ctrl+K) and the help window (F1, Help → Keyboard shortcuts) belong to the
window.  Tab order follows the layout (:meth:`MainWindow.fix_tab_order`) and every
interactive widget has an accessible name (:mod:`app.widgets.accessible_names`).

Signals:
    breadcrumb_clicked(int): a history index chosen in the breadcrumb.
    closing(): the window is about to close (save settings).
    activated(): the window became the active one (what another instance saved may show).
    detail_menu_built(QMenu, QPoint): the detail view's context menu at a point of its
        viewport, before it shows (connected slots add entries; direct connections only).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QIcon,
    QKeySequence,
    QMouseEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.i18n import LANGUAGES, N_, _

if TYPE_CHECKING:
    from app.widgets.command_palette import CommandPalette
    from app.widgets.detail_view import DetailView
    from app.widgets.help_view import HelpView

#: Every fixed action: object name → (text, tip), English marked for translation.  The Go
#: menu's pane actions, the dossier actions' item-specific words and the citation actions'
#: target are made in :meth:`MainWindow.retranslate` from what the window was told.
ACTION_TEXTS: dict[str, tuple[str, str]] = {
    "openAction": (N_("&Open archive…"), N_("Open another archive file")),
    "openServerAction": (
        N_("Open &archive on a server…"),
        N_("Open an archive kept in a PostgreSQL database (postgresql://…)"),
    ),
    "exportAction": (
        N_("&Export list…"),
        N_("Save the rows the current pane shows as CSV or JSON"),
    ),
    "saveChartAction": (N_("Save outcome &chart…"), N_("Save the outcome chart as PNG or SVG")),
    "saveTimelineAction": (
        N_("Save &timeline…"),
        N_("Save the timeline as shown as PNG, SVG, PDF or JSON"),
    ),
    "caseSummaryAction": (N_("Case summar&y dossier…"), N_("Print or save the case summary")),
    "bookmarkAction": (
        N_("&Bookmark the record shown"),
        N_("Add the record shown to your notebook's bookmarks, or remove it"),
    ),
    "saveSearchAction": (
        N_("Sa&ve search…"),
        N_("Keep the search text and the People filters in your notebook under a name"),
    ),
    "includeNotesAction": (
        N_("Include &my notes in dossiers"),
        N_("End printed and exported dossiers with your own notes, marked as yours"),
    ),
    "exportNotebookAction": (
        N_("Export &notebook…"),
        N_("Save your bookmarks, notes and tags as Markdown, JSON or CSV"),
    ),
    "importNotebookAction": (
        N_("&Import notes…"),
        N_("Merge a notebook exported as JSON into yours"),
    ),
    "caseSummaryPdfAction": (
        N_("Export case summary as P&DF…"),
        N_("Save the case summary dossier as a PDF file"),
    ),
    "quitAction": (N_("&Quit"), ""),
    "backAction": (N_("&Back"), N_("Go back")),
    "forwardAction": (N_("&Forward"), N_("Go forward")),
    "findAction": (N_("&Find…"), N_("Search names and texts")),
    "searchFilterAction": (
        N_("Show search &matches in People"),
        N_("Filter the People pane to the people the current search finds"),
    ),
    "clearFiltersAction": (N_("&Clear filters"), N_("Show every row of the pane")),
    "aboutAction": (N_("&About"), ""),
    "paletteAction": (
        N_("Command &palette…"),
        N_("Jump to any person, event, document or source, or run any command"),
    ),
    "helpAction": (N_("&Help contents"), N_("Open the offline help page")),
    "shortcutsAction": (N_("&Keyboard shortcuts"), N_("List every keyboard shortcut")),
    "copyRowsAction": (
        N_("&Copy"),
        N_("Copy the selected rows as tab-separated text, or the selected text"),
    ),
    "exportBibliographyAction": (
        N_("Export &bibliography…"),
        N_("Save every source of the archive as BibTeX, RIS or CSL-JSON"),
    ),
    "exportRecordBibliographyAction": (
        N_("Export bibliography of the item &shown…"),
        N_("Save the sources the item shown cites as BibTeX, RIS or CSL-JSON"),
    ),
    "chicagoStyleAction": (
        N_("&Chicago (notes and bibliography)"),
        N_("Copy citations in the Chicago style (notes and bibliography)"),
    ),
    "gostStyleAction": (
        N_("&GOST R 7.0.5-2008"),
        N_("Copy citations in the GOST R 7.0.5-2008 style"),
    ),
}
#: Citation styles of Edit → Citation style: style → its action's object name.
STYLE_ACTIONS = {"chicago": "chicagoStyleAction", "gost": "gostStyleAction"}


def mnemonic(text: str) -> str:
    """The key ``&`` marks in a menu text (``""``: none), case folded."""
    i = text.replace("&&", "").find("&")
    plain = text.replace("&&", "")
    return plain[i + 1].casefold() if 0 <= i < len(plain) - 1 else ""


def with_mnemonic(text: str, used: set[str]) -> str:
    """``text`` with ``&`` before its first letter that ``used`` lacks (added to it), so the
    Go menu's panes each get their own key (Notebook, Network → &Notebook, Ne&twork)."""
    for i, ch in enumerate(text):
        if ch.isalnum() and ch.casefold() not in used:
            used.add(ch.casefold())
            return f"{text[:i]}&{text[i:]}"
    return text


def _icon_rise(toolbar: QToolBar) -> int:
    """How much taller a button of ``toolbar`` grows when it gets an icon of the toolbar's
    size (its text stays beside it)."""
    text = QToolButton()
    text.setText("Xy")
    icon = QToolButton()
    icon.setIconSize(toolbar.iconSize())
    icon.setIcon(QIcon(QPixmap(toolbar.iconSize())))
    return max(0, icon.sizeHint().height() - text.sizeHint().height())


#: Text lines of room the search panel first takes for its results: the box, the counts and a
#: group's heading, then about seven hits of two lines each (at most half the column: twelve
#: lines showed one hit of "Mukhanova"'s fifty at 1280×720, under a list of two rows).
SEARCH_RESULT_LINES = 26


class _Breadcrumb(QLabel):
    """The trail over the detail view: as many of its newest entries as its width holds, the
    older ones given as "…" (a trail cut at its right edge lost the newest, the page shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trail: list[tuple[str, str]] = []  # (plain text, markup) of each entry

    def set_trail(self, trail: list[tuple[str, str]]) -> None:
        """Show ``trail`` (oldest first), fitted to the width."""
        self.trail = list(trail)
        self._fit()

    def _fit(self) -> None:
        metrics, room, sep = self.fontMetrics(), self.contentsRect().width() - 4, " › "
        shown = self.trail
        while (
            self.isVisible()
            and len(shown) > 1
            and metrics.horizontalAdvance("… › " + sep.join(plain for plain, _markup in shown))
            > room
        ):
            shown = shown[1:]
        text = sep.join(markup for _plain, markup in shown)
        self.setText(("… › " + text) if len(shown) < len(self.trail) else text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # hidden, the whole trail was kept: fitted now that it has its width


class MainWindow(QMainWindow):
    """The application window."""

    breadcrumb_clicked = Signal(int)
    closing = Signal()
    activated = Signal()
    detail_menu_built = Signal(QMenu, QPoint)

    DEFAULT_SIZE = (1280, 800)

    def __init__(self, parent: QWidget | None = None, *, complete: bool = True) -> None:
        """``complete=False`` leaves the detail view, command palette and help window to
        :meth:`complete` (:func:`app.gui.run` paints the first rows in between: their
        modules and widgets cost about a tenth of the start)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.resize(*self.DEFAULT_SIZE)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("paneTabs")
        self.tabs.setDocumentMode(True)
        self._first_rows: QWidget | None = None
        #: Each tab's widget → its English title (translated where shown).
        self._tab_titles: dict[QWidget, str] = {}
        #: The label of the item the dossier actions act on (None: the case summary).
        self._dossier_label: str | None = None
        #: What Copy citation cites, as a phrase of the current language (None: not yet said).
        self._citation_target: str | None = None
        self._search_panel: QWidget | None = None

        self.breadcrumb = _Breadcrumb(self)
        self.breadcrumb.setObjectName("breadcrumb")
        self.breadcrumb.setOpenExternalLinks(False)
        # One line: a wrapped trail moved the page down a line as it grew.  What does not
        # fit is its oldest entries, given as "…" (the newest, the page shown, stays).
        self.breadcrumb.setWordWrap(False)
        self.breadcrumb.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.breadcrumb.linkActivated.connect(self._on_breadcrumb_link)
        self.detail: DetailView
        self.command_palette: CommandPalette
        self.help_view: HelpView
        #: True once :meth:`complete` built the detail view, palette and help window.
        self.completed = False
        self._adding_panes = False  # (see adding_panes)

        right = QWidget(self)
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(4, 4, 4, 4)
        rlayout.addWidget(self.breadcrumb)
        # Vertical, like left_split, once complete() fills it: Qt's namespace of enums costs
        # about 10 ms to build, not spent before the first rows are painted (a positional
        # parent would build it too: QSplitter(Qt.Orientation, …) is an overload).
        self.right_split = QSplitter(parent=right)
        self.right_split.setObjectName("detailSplitter")
        rlayout.addWidget(self.right_split, 1)

        self.left = QWidget(self)
        self.left_layout = QVBoxLayout(self.left)
        self.left_layout.setContentsMargins(0, 0, 0, 0)
        self.left_split = QSplitter(parent=self.left)
        self.left_split.setObjectName("leftSplitter")
        self.left_split.addWidget(self.tabs)
        self.left_layout.addWidget(self.left_split, 1)

        self.splitter = QSplitter(parent=self)  # horizontal
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([800, 480])
        self.setCentralWidget(self.splitter)

        self.status = QLabel(self)
        self.status.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.status)
        self._make_actions()
        self._make_menus()
        if complete:
            self.complete()
        else:
            self.retranslate()

    def complete(self) -> None:
        """Build the detail view, the command palette and the help window (once)."""
        if self.completed:
            return
        from PySide6.QtCore import Qt

        from app.widgets.command_palette import CommandPalette
        from app.widgets.detail_view import DetailView
        from app.widgets.help_view import HelpView

        self.breadcrumb.setTextFormat(Qt.TextFormat.RichText)
        self.left_split.setOrientation(Qt.Orientation.Vertical)
        self.right_split.setOrientation(Qt.Orientation.Vertical)
        # Text only, as the buttons look until then (they have no icons).
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.detail = DetailView(self)
        self.detail.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.detail.customContextMenuRequested.connect(self._on_detail_context_menu_requested)
        self.right_split.insertWidget(0, self.detail)
        self.command_palette = CommandPalette(
            lambda: [a for a in self.menu_actions() if a is not self.palette_action], self
        )
        self.palette_action.triggered.connect(self.command_palette.open)
        self.help_view = HelpView(self.menu_actions, self)
        self.help_action.triggered.connect(self.help_view.show_help)
        self.shortcuts_action.triggered.connect(self.help_view.show_shortcuts)
        self.completed = True
        self.retranslate()

    # -- actions --------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            # The same as setShortcut(); that overload's resolution builds Qt's namespace of
            # enums (see __init__), which the first paint goes without.
            action.setShortcuts([QKeySequence(shortcut)])
        self.addAction(action)
        return action

    def set_dossier_target(self, label: str | None) -> None:
        """Name what Print, Print preview and Export PDF act on: an item, or the case summary."""
        self._dossier_label = label
        self._name_dossier_target()

    def _name_dossier_target(self) -> None:
        label = self._dossier_label
        if label is None:
            texts = (
                _("&Print case summary…"),
                _("Print pre&view of the case summary…"),
                _("Export case summary as PD&F…"),
            )
            tip = _("No single item is shown: these act on the case summary")
        else:
            texts = (
                _("&Print dossier…"),
                _("Print pre&view of the dossier…"),
                _("Export dossier as PD&F…"),
            )
            tip = _("Dossier of {item}").format(item=label)
        # With no item shown, Print and Export PDF act on the case summary already: its own
        # two entries would be the same commands twice in the File menu.
        for summary in (self.case_summary_action, self.case_summary_pdf_action):
            summary.setVisible(label is not None)
        for action, text in zip(
            (self.print_action, self.preview_action, self.export_pdf_action), texts, strict=True
        ):
            action.setText(text)
            action.setStatusTip(tip)
            # TRANSLATORS: a tooltip: an action's name, then what it acts on.
            action.setToolTip(
                _("{action} — {target}").format(
                    action=text.replace("&", "").rstrip("…"), target=tip
                )
            )

    def set_citation_target(self, what: str | None) -> None:
        """Name what Copy citation cites (``the outcome chart``, in the current language;
        None: the item shown, whatever it is)."""
        self._citation_target = what
        self._name_citation_target()

    def _name_citation_target(self) -> None:
        what = self._citation_target
        if what is None:
            tip = _("Copy a citation of the item shown (or of the chart, on the Outcomes tab)")
        else:
            tip = _("Copy a citation of {what}").format(what=what)
        self.copy_citation_action.setStatusTip(tip)
        self.copy_citation_action.setToolTip(tip)

    def _make_actions(self) -> None:
        K = QKeySequence.StandardKey  # noqa: N806
        self.open_action = self._action("openAction", K.Open)
        self.open_server_action = self._action("openServerAction")
        self.export_action = self._action("exportAction", "Ctrl+E")
        self.print_action = self._action("printAction", K.Print)
        self.preview_action = self._action("printPreviewAction")
        self.export_pdf_action = self._action("exportPdfAction", "Ctrl+Shift+E")
        self.case_summary_action = self._action("caseSummaryAction")
        self.case_summary_pdf_action = self._action("caseSummaryPdfAction")
        self.save_chart_action = self._action("saveChartAction")
        self.save_timeline_action = self._action("saveTimelineAction")
        self.quit_action = self._action("quitAction", K.Quit)
        self.back_action = self._action("backAction", "Alt+Left")
        self.forward_action = self._action("forwardAction", "Alt+Right")
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        self.find_action = self._action("findAction", K.Find)
        self.search_filter_action = self._action("searchFilterAction", "Ctrl+Shift+F")
        self.clear_filters_action = self._action("clearFiltersAction", "Ctrl+Shift+L")
        self.about_action = self._action("aboutAction")
        self.palette_action = self._action("paletteAction", "Ctrl+K")
        self.help_action = self._action("helpAction", K.HelpContents)
        self.shortcuts_action = self._action("shortcutsAction")
        self.copy_rows_action = self._action("copyRowsAction", K.Copy)
        self.bookmark_action = self._action("bookmarkAction", "Ctrl+D")
        self.bookmark_action.setCheckable(True)
        self.save_search_action = self._action("saveSearchAction", "Ctrl+Shift+S")
        self.export_notebook_action = self._action("exportNotebookAction")
        self.include_notes_action = self._action("includeNotesAction")
        self.include_notes_action.setCheckable(True)  # off by default, never remembered
        self.import_notebook_action = self._action("importNotebookAction")
        self.tab_actions: list[QAction] = []
        self._make_citation_actions()
        self._make_language_actions()

    def _make_citation_actions(self) -> None:
        self.copy_citation_action = self._action("copyCitationAction", "Ctrl+Shift+C")
        self.export_bibliography_action = self._action("exportBibliographyAction")
        self.export_record_bibliography_action = self._action("exportRecordBibliographyAction")
        #: Style → checkable action of Edit → Citation style (one checked at a time).
        self.citation_style_group = QActionGroup(self)
        self.citation_style_group.setExclusive(True)
        self.citation_style_actions: dict[str, QAction] = {}
        for style, name in STYLE_ACTIONS.items():
            action = self._action(name)
            action.setCheckable(True)
            action.setData(style)
            self.citation_style_group.addAction(action)
            self.citation_style_actions[style] = action

    def _make_language_actions(self) -> None:
        #: Language code → checkable action of View → Language, named in its own language.
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = self._action(f"language{code.capitalize()}Action")
            action.setText(name)  # never translated: a reader finds their own language
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_actions[code] = action

    def set_citation_style(self, style: str) -> None:
        """Check ``style`` in Edit → Citation style."""
        action = self.citation_style_actions.get(style)
        if action is not None:
            action.setChecked(True)

    def set_language(self, code: str) -> None:
        """Check ``code`` in View → Language."""
        action = self.language_actions.get(code)
        if action is not None:
            action.setChecked(True)

    def _make_menus(self) -> None:
        menu = self.menuBar()
        self.file_menu = menu.addMenu("")
        self.file_menu.setObjectName("fileMenu")
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.open_server_action)
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.save_chart_action)
        self.file_menu.addAction(self.save_timeline_action)
        self.file_menu.addAction(self.export_bibliography_action)
        self.file_menu.addAction(self.export_record_bibliography_action)
        self.file_menu.addAction(self.export_notebook_action)
        self.file_menu.addAction(self.import_notebook_action)
        self.file_menu.addSeparator()
        for a in (
            self.print_action,
            self.preview_action,
            self.export_pdf_action,
            self.case_summary_action,
            self.case_summary_pdf_action,
            self.include_notes_action,
        ):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = menu.addMenu("")
        self.edit_menu.setObjectName("editMenu")
        self.edit_menu.addAction(self.copy_rows_action)
        self.edit_menu.addAction(self.copy_citation_action)
        self.style_menu = self.edit_menu.addMenu("")
        self.style_menu.setObjectName("citationStyleMenu")
        for action in self.citation_style_actions.values():
            self.style_menu.addAction(action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.bookmark_action)
        self.edit_menu.addAction(self.save_search_action)
        self.go_menu = menu.addMenu("")
        self.go_menu.setObjectName("goMenu")
        self.go_menu.addAction(self.back_action)
        self.go_menu.addAction(self.forward_action)
        self.go_menu.addSeparator()
        self.view_menu = menu.addMenu("")
        self.view_menu.setObjectName("viewMenu")
        self.view_menu.addAction(self.palette_action)
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.search_filter_action)
        self.view_menu.addAction(self.clear_filters_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = menu.addMenu("")
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        for a in (self.back_action, self.forward_action):
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        for a in (self.open_action, self.export_action, self.print_action, self.export_pdf_action):
            self.toolbar.addAction(a)
        self.addToolBar(self.toolbar)

    # -- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text of the window in the interface language now in use."""
        for name, (text, tip) in ACTION_TEXTS.items():
            action = self.findChild(QAction, name)
            if action is None:
                continue
            action.setText(_(text))
            action.setStatusTip(_(tip) if tip else "")
            action.setToolTip(_(tip) if tip else "")  # no tip: Qt shows the text
        self._name_dossier_target()
        self._name_citation_target()
        self.copy_citation_action.setText(_("Copy c&itation"))
        for menu, title in (
            (self.file_menu, N_("&File")),
            (self.recent_menu, N_("Open &recent")),
            (self.edit_menu, N_("&Edit")),
            (self.style_menu, N_("Citation &style")),
            (self.go_menu, N_("&Go")),
            (self.view_menu, N_("&View")),
            (self.language_menu, N_("&Language")),
            (self.help_menu, N_("&Help")),
        ):
            menu.setTitle(_(title))
        self.toolbar.setWindowTitle(_("Navigation"))
        self.breadcrumb.setAccessibleName(_("Where you came from"))
        self.breadcrumb.setAccessibleDescription(_("The last items shown; each one is a link"))
        self.tabs.tabBar().setAccessibleName(_("Panes"))
        self.tabs.tabBar().setAccessibleDescription(
            _("People, events, documents, the outcome chart and the sources")
        )
        if self.completed:
            self.detail.setAccessibleDescription(
                _("The page of the item chosen; every person, event, document and source is a link")
            )
        self.toolbar.setAccessibleName(_("Navigation"))
        if self._search_panel is not None:
            self._search_panel.setAccessibleName(_("Search"))
        for widget, title in self._tab_titles.items():
            self.tabs.setTabText(self.tabs.indexOf(widget), _(title))
        used = {mnemonic(a.text()) for a in (self.back_action, self.forward_action)} - {""}
        for action in self.tab_actions:
            title = str(action.data())
            action.setText(with_mnemonic(_(title), used))
            tip = _("Show the {pane} pane").format(pane=_(title))
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self._retranslate_qt_tab_buttons()

    def _retranslate_qt_tab_buttons(self) -> None:
        # Qt names a tab bar's scroll buttons once, when it makes them, and never again on a
        # language change: name them in Qt's own catalogue (qtbase) here.
        for name, text in (
            ("ScrollLeftButton", "Scroll Left"),
            ("ScrollRightButton", "Scroll Right"),
        ):
            for button in self.findChildren(QToolButton, name):
                button.setAccessibleName(QCoreApplication.translate("QTabBar", text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.activated.emit()
        super().changeEvent(event)

    @Slot()
    def name_widgets(self) -> None:
        """Give every interactive widget that has none an accessible name (Qt's own parts,
        toolbar buttons); call once everything is built, and after a language switch."""
        from app.widgets import accessible_names

        accessible_names.name_unnamed(self)

    # -- keyboard ---------------------------------------------------------------------------

    def menu_actions(self) -> list[QAction]:
        """Every command of the menus, in menu order (the palette and the shortcut list)."""
        found: list[QAction] = []

        def walk(menu: QMenu) -> None:
            for action in menu.actions():
                sub = action.menu()
                if isinstance(sub, QMenu):
                    walk(sub)
                elif not action.isSeparator() and action not in found:
                    found.append(action)

        for top in self.menuBar().actions():
            sub = top.menu()
            if isinstance(sub, QMenu):
                walk(sub)
        found += [a for a in self.actions() if a not in found and a.text()]
        return found

    def fix_tab_order(self) -> None:
        """Tab goes the way the eye reads: search box, its results, the pane tabs, the current
        pane (filters, then its table), then the detail view.  Widgets keep their order
        within each of these regions; call after the panes and the search are in place."""
        regions: list[QWidget] = [self._search_panel] if self._search_panel is not None else []
        regions.append(self.tabs.tabBar())
        regions += [w for w in map(self.tabs.widget, range(self.tabs.count())) if w is not None]
        regions.append(self.breadcrumb)
        if self.completed:
            regions.append(self.detail)

        def region(widget: QWidget) -> int:
            for rank, owner in enumerate(regions):
                if widget is owner or owner.isAncestorOf(widget):
                    return rank
            return len(regions)

        # A widget with a focus proxy (the tab widget → its tab bar) is not ordered itself:
        # Qt would order its proxy, which is in the list already, a second time.
        chain = [w for w in self._focus_ring() if self.isAncestorOf(w) and w.focusProxy() is None]
        ordered = sorted(chain, key=region)  # stable: a region keeps its inner order
        for first, second in pairwise(ordered):
            QWidget.setTabOrder(first, second)

    def focus_chain(self) -> list[QWidget]:
        """The widgets Tab visits from the first one now, in order (tests, accessibility)."""
        return [
            w
            for w in self._focus_ring()
            if w.isVisibleTo(self) and w.isEnabled() and w.focusProxy() is None
        ]

    def _focus_ring(self) -> list[QWidget]:
        """Every widget of the window's focus chain that Tab can reach, in chain order."""
        visited: list[QWidget] = []
        seen: set[QWidget] = set()
        widget = self.nextInFocusChain()
        # isinstance: a widget deleted a moment ago (the first rows' table, an old chart) can
        # come back as a stale wrapper of another type; the chain ends there for this pass.
        while isinstance(widget, QWidget) and widget is not self and widget not in seen:
            visited.append(widget)
            seen.add(widget)
            widget = widget.nextInFocusChain()
        from PySide6.QtCore import Qt

        return [w for w in visited if w.focusPolicy() & Qt.FocusPolicy.TabFocus]

    # -- panes ------------------------------------------------------------------------------

    def set_search_panel(self, panel: QWidget) -> None:
        """Put the search box and its results above the panes.

        A panel with an ``expanded_changed(bool)`` signal (the search panel) takes room for
        its results only while it shows them: the lists get the space back when the box is
        emptied, and the results the height they last had when a search starts again.
        """
        self._search_panel = panel
        panel.setAccessibleName(_("Search"))
        self.left_layout.setContentsMargins(0, 0, 0, 0)  # (the first rows' room for it)
        self.left_split.insertWidget(0, panel)
        self.left_split.setCollapsible(0, False)
        self.left_split.setCollapsible(1, False)
        split = self.left_split
        results_height = [split.fontMetrics().lineSpacing() * SEARCH_RESULT_LINES]

        def tall() -> bool:
            return bool(getattr(self.tabs.currentWidget(), "TALL", False))

        def share(total: int) -> int:
            # A figure (timeline, graph, chart) needs the height more than a list does: the
            # results keep a quarter of the column above one, half above a list.
            return total // 4 if tall() else total // 2

        on_figure = [tall()]

        def fit(expanded: bool) -> None:
            sizes = split.sizes()
            total = sum(sizes)
            if expanded:
                panel.setMaximumHeight(16_777_215)  # QWIDGETSIZE_MAX
                height = min(results_height[0], share(total)) if total else results_height[0]
                split.setSizes([height, max(total - height, 0)])
            else:
                box = panel.minimumSizeHint().height()
                if sizes and sizes[0] > box and not tall():
                    results_height[0] = sizes[0]  # (above a list: the reader's own height)
                panel.setMaximumHeight(box)  # no dragging blank space under the box
                split.setSizes([0, total])

        def tab_changed(_index: int) -> None:
            left_list, on_figure[0] = not on_figure[0], tall()
            if getattr(panel, "expanded", False):
                sizes = split.sizes()
                if left_list and sizes and sizes[0] > panel.minimumSizeHint().height():
                    results_height[0] = sizes[0]  # the height the reader had over the list
                fit(True)

        self.tabs.currentChanged.connect(tab_changed)
        changed = getattr(panel, "expanded_changed", None)
        if changed is not None:
            changed.connect(fit)
            fit(bool(getattr(panel, "expanded", False)))
        else:
            split.setSizes([190, 560])

    def set_note_panel(self, panel: QWidget) -> None:
        """Put the reader's note panel under the detail view (a splitter between them)."""
        self.right_split.addWidget(panel)
        self.right_split.setCollapsible(0, False)
        self.right_split.setStretchFactor(0, 4)
        self.right_split.setStretchFactor(1, 1)
        height = self.fontMetrics().lineSpacing() * 9
        self.right_split.setSizes([max(self.height() - height, height), height])

    def show_first_rows(self, widget: QWidget, title: str) -> None:
        """Show ``widget`` as the first tab until the first real pane is added (``title``:
        English, translated here)."""
        self._first_rows = widget
        self._tab_titles[widget] = title
        self.tabs.addTab(widget, _(title))
        # Room where the search box will stand (its height and the splitter's handle under
        # it), so the rows do not move down when it arrives.
        box = QLineEdit()
        box.setClearButtonEnabled(True)
        room = box.minimumSizeHint().height() + self.left_split.handleWidth()
        self.left_layout.setContentsMargins(0, room, 0, 0)
        # … and the toolbar's height once its buttons have icons beside their text.
        self.toolbar.setMinimumHeight(self.toolbar.sizeHint().height() + _icon_rise(self.toolbar))
        # Now: the first rows are painted before any event runs.
        for layout in (self.layout(), self.left_layout):
            if layout is not None:
                layout.activate()

    def add_pane(self, widget: QWidget, title: str, shortcut: str) -> QAction:
        """Add a tab with a Go-menu action switching to it (replacing the first rows' tab);
        ``title`` is English (marked with ``N_``), shown in the interface language."""
        if self._first_rows is not None:
            self.tabs.removeTab(self.tabs.indexOf(self._first_rows))
            self._tab_titles.pop(self._first_rows, None)
            self._first_rows.deleteLater()
            self._first_rows = None
        index = self.tabs.addTab(widget, _(title))
        self._tab_titles[widget] = title
        action = self._action(f"show{title.replace(' ', '')}Action", shortcut)
        action.setData(title)
        action.triggered.connect(lambda: self.tabs.setCurrentIndex(index))
        self.go_menu.addAction(action)
        self.tab_actions.append(action)
        if not self._adding_panes:
            self.retranslate()
            self.fix_tab_order()
        return action

    @contextmanager
    def adding_panes(self) -> Iterator[None]:
        """Add several panes, then retranslate and order Tab once: each costs a walk over
        every widget of the window, which :meth:`add_pane` alone does for each pane."""
        outer = self._adding_panes
        self._adding_panes = True
        try:
            yield
        finally:
            self._adding_panes = outer
        if not outer:  # (not after a failure: its own error is the one to see)
            self.retranslate()
            self.fix_tab_order()

    # -- breadcrumb, status -----------------------------------------------------------------

    def set_breadcrumb(self, trail: list[tuple[int, str, bool]]) -> None:
        """Show the trail: (history index, label, is current) — labels are escaped here."""
        from app.pages.escape import escape

        parts = []
        for index, label, current in trail:
            plain = label if len(label) <= 30 else label[:28] + "…"
            text = escape(plain)
            markup = f"<b>{text}</b>" if current else f'<a href="history:{index}">{text}</a>'
            parts.append((plain, markup))
        self.breadcrumb.set_trail(parts)

    @Slot(str)
    def _on_breadcrumb_link(self, link: str) -> None:
        if link.startswith("history:") and link[8:].isdigit():
            self.breadcrumb_clicked.emit(int(link[8:]))

    def set_status(self, text: str) -> None:
        """The permanent label of the status bar (the rows selected in the list shown)."""
        self.status.setText(text)

    # -- detail context menu ----------------------------------------------------------------

    def detail_context_menu(self, pos: QPoint) -> QMenu:
        """The detail view's context menu at ``pos``: Qt's own entries, then Copy citation."""
        menu = self.detail.createStandardContextMenu(pos)
        menu.setParent(self, menu.windowFlags())
        menu.addSeparator()
        menu.addAction(self.copy_citation_action)
        menu.addMenu(self.style_menu)
        self.detail_menu_built.emit(menu, pos)
        return menu

    @Slot(QPoint)
    def _on_detail_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.detail_context_menu(pos)
        menu.exec(self.detail.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- events ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Mouse back/forward buttons anywhere in the window navigate the history.  Installed
        # on the application, so it sees every event of every object: the cheap isinstance
        # comes first (event.type() builds a Python enum each call), and nothing else is done
        # for the events it lets pass (this filter is only ever installed by the app).
        if isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonPress:
            from PySide6.QtCore import Qt

            if event.button() == Qt.MouseButton.BackButton:
                self.back_action.trigger()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward_action.trigger()
                return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
