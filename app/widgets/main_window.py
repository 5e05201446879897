"""MainWindow: layout, menus, actions, toolbar and status bar — no SQL, no wiring of others.

Left: the list panes as tabs (People, Events, Documents, plus any extra pane such as the
outcome chart and the sources).  Right: a breadcrumb over the detail view.  Every action has a
menu entry and most a shortcut; the composition root (:mod:`app.bootstrap`) connects them.
The detail view's context menu is Qt's own (copy, select all) plus Copy citation.

Signals:
    breadcrumb_clicked(int): a history index chosen in the breadcrumb.
    closing(): the window is about to close (save settings).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.pages.escape import escape
from app.widgets.detail_view import DetailView


class MainWindow(QMainWindow):
    """The application window."""

    breadcrumb_clicked = Signal(int)
    closing = Signal()

    DEFAULT_SIZE = (1280, 800)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.resize(*self.DEFAULT_SIZE)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("paneTabs")
        self.tabs.setDocumentMode(True)
        self._first_rows: QWidget | None = None

        self.breadcrumb = QLabel(self)
        self.breadcrumb.setObjectName("breadcrumb")
        self.breadcrumb.setAccessibleName("Where you came from")
        self.breadcrumb.setTextFormat(Qt.TextFormat.RichText)
        self.breadcrumb.setOpenExternalLinks(False)
        self.breadcrumb.setWordWrap(True)
        self.breadcrumb.linkActivated.connect(self._on_breadcrumb_link)
        self.detail = DetailView(self)
        self.detail.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.detail.customContextMenuRequested.connect(self._on_detail_context_menu_requested)

        right = QWidget(self)
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(4, 4, 4, 4)
        rlayout.addWidget(self.breadcrumb)
        rlayout.addWidget(self.detail, 1)

        self.left = QWidget(self)
        self.left_layout = QVBoxLayout(self.left)
        self.left_layout.setContentsMargins(0, 0, 0, 0)
        self.left_split = QSplitter(Qt.Orientation.Vertical, self.left)
        self.left_split.setObjectName("leftSplitter")
        self.left_split.addWidget(self.tabs)
        self.left_layout.addWidget(self.left_split, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
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

    # -- actions --------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self.addAction(action)
        return action

    def set_dossier_target(self, label: str | None) -> None:
        """Name what Print, Print preview and Export PDF act on: an item, or the case summary."""
        if label is None:
            texts = (
                "&Print case summary…",
                "Print pre&view of the case summary…",
                "Export case summary as &PDF…",
            )
            tip = "No single item is shown: these act on the case summary"
        else:
            texts = ("&Print dossier…", "Print pre&view of the dossier…", "Export dossier as &PDF…")
            tip = f"Dossier of {label}"
        for action, text in zip(
            (self.print_action, self.preview_action, self.export_pdf_action), texts, strict=True
        ):
            action.setText(text)
            action.setStatusTip(tip)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} — {tip}")

    def _make_actions(self) -> None:
        K = QKeySequence.StandardKey  # noqa: N806
        self.open_action = self._action(
            "openAction", "&Open archive…", K.Open, "Open another archive file"
        )
        self.export_action = self._action(
            "exportAction",
            "&Export list…",
            "Ctrl+E",
            "Save the rows the current pane shows as CSV or JSON",
        )
        self.print_action = self._action(
            "printAction", "&Print…", K.Print, "Print the dossier of the item shown"
        )
        self.preview_action = self._action(
            "printPreviewAction", "Print pre&view…", None, "Preview the dossier of the item shown"
        )
        self.export_pdf_action = self._action(
            "exportPdfAction",
            "Export &PDF…",
            "Ctrl+Shift+E",
            "Save the dossier of the item shown as PDF",
        )
        self.case_summary_action = self._action(
            "caseSummaryAction", "Case &summary dossier…", None, "Print or save the case summary"
        )
        self.save_chart_action = self._action(
            "saveChartAction", "Save outcome &chart…", None, "Save the outcome chart as PNG or SVG"
        )
        self.quit_action = self._action("quitAction", "&Quit", K.Quit)
        self.back_action = self._action("backAction", "&Back", "Alt+Left", "Go back")
        self.forward_action = self._action("forwardAction", "&Forward", "Alt+Right", "Go forward")
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        self.find_action = self._action("findAction", "&Find…", K.Find, "Search names and texts")
        self.search_filter_action = self._action(
            "searchFilterAction",
            "Show search matches in &People",
            "Ctrl+Shift+F",
            "Filter the People pane to the people the current search finds",
        )
        self.clear_filters_action = self._action(
            "clearFiltersAction", "&Clear filters", "Ctrl+Shift+L", "Show every row of the pane"
        )
        self.about_action = self._action("aboutAction", "&About")
        self.tab_actions: list[QAction] = []
        self._make_citation_actions()

    def _make_citation_actions(self) -> None:
        self.copy_citation_action = self._action(
            "copyCitationAction",
            "Copy &citation",
            "Ctrl+Shift+C",
            "Copy a citation of the item shown (or of the chart, on the Outcomes tab)",
        )
        self.export_bibliography_action = self._action(
            "exportBibliographyAction",
            "Export &bibliography…",
            None,
            "Save every source of the archive as BibTeX, RIS or CSL-JSON",
        )
        self.export_record_bibliography_action = self._action(
            "exportRecordBibliographyAction",
            "Export bibliography of the item &shown…",
            None,
            "Save the sources the item shown cites as BibTeX, RIS or CSL-JSON",
        )
        #: Style → checkable action of Edit → Citation style (one checked at a time).
        self.citation_style_group = QActionGroup(self)
        self.citation_style_group.setExclusive(True)
        self.citation_style_actions: dict[str, QAction] = {}
        for style, name, text in (
            ("chicago", "chicagoStyleAction", "&Chicago (notes and bibliography)"),
            ("gost", "gostStyleAction", "&GOST R 7.0.5-2008"),
        ):
            action = self._action(
                name, text, None, f"Copy citations in the {text.replace('&', '')} style"
            )
            action.setCheckable(True)
            action.setData(style)
            self.citation_style_group.addAction(action)
            self.citation_style_actions[style] = action

    def set_citation_style(self, style: str) -> None:
        """Check ``style`` in Edit → Citation style."""
        action = self.citation_style_actions.get(style)
        if action is not None:
            action.setChecked(True)

    def _make_menus(self) -> None:
        menu = self.menuBar()
        self.file_menu = menu.addMenu("&File")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.setObjectName("recentMenu")
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.save_chart_action)
        self.file_menu.addAction(self.export_bibliography_action)
        self.file_menu.addAction(self.export_record_bibliography_action)
        self.file_menu.addSeparator()
        for a in (
            self.print_action,
            self.preview_action,
            self.export_pdf_action,
            self.case_summary_action,
        ):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = menu.addMenu("&Edit")
        self.edit_menu.addAction(self.copy_citation_action)
        self.style_menu = self.edit_menu.addMenu("Citation &style")
        self.style_menu.setObjectName("citationStyleMenu")
        for action in self.citation_style_actions.values():
            self.style_menu.addAction(action)
        self.go_menu = menu.addMenu("&Go")
        self.go_menu.addAction(self.back_action)
        self.go_menu.addAction(self.forward_action)
        self.go_menu.addSeparator()
        self.view_menu = menu.addMenu("&View")
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.search_filter_action)
        self.view_menu.addAction(self.clear_filters_action)
        self.help_menu = menu.addMenu("&Help")
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar("Navigation", self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.back_action, self.forward_action):
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        for a in (self.open_action, self.export_action, self.print_action, self.export_pdf_action):
            self.toolbar.addAction(a)
        self.addToolBar(self.toolbar)

    def set_search_panel(self, panel: QWidget) -> None:
        """Put the search box and its results above the panes."""
        panel.setAccessibleName("Search")
        self.left_split.insertWidget(0, panel)
        self.left_split.setCollapsible(1, False)
        self.left_split.setSizes([190, 560])

    def show_first_rows(self, widget: QWidget, title: str) -> None:
        """Show ``widget`` as the first tab until the first real pane is added."""
        self._first_rows = widget
        self.tabs.addTab(widget, title)

    def add_pane(self, widget: QWidget, title: str, shortcut: str) -> QAction:
        """Add a tab with a Go-menu action switching to it (replacing the first rows' tab)."""
        if self._first_rows is not None:
            self.tabs.removeTab(self.tabs.indexOf(self._first_rows))
            self._first_rows.deleteLater()
            self._first_rows = None
        index = self.tabs.addTab(widget, title)
        action = self._action(
            f"show{title.replace(' ', '')}Action", f"&{title}", shortcut, f"Show the {title} pane"
        )
        action.triggered.connect(lambda: self.tabs.setCurrentIndex(index))
        self.go_menu.addAction(action)
        self.tab_actions.append(action)
        return action

    # -- breadcrumb, status -----------------------------------------------------------------

    def set_breadcrumb(self, trail: list[tuple[int, str, bool]]) -> None:
        """Show the trail: (history index, label, is current) — labels are escaped here."""
        parts = []
        for index, label, current in trail:
            text = escape(label if len(label) <= 30 else label[:28] + "…")
            parts.append(f"<b>{text}</b>" if current else f'<a href="history:{index}">{text}</a>')
        self.breadcrumb.setText(" › ".join(parts))

    @Slot(str)
    def _on_breadcrumb_link(self, link: str) -> None:
        if link.startswith("history:") and link[8:].isdigit():
            self.breadcrumb_clicked.emit(int(link[8:]))

    def set_status(self, text: str) -> None:
        """The permanent counts label in the status bar."""
        self.status.setText(text)

    # -- detail context menu ----------------------------------------------------------------

    def detail_context_menu(self, pos: QPoint) -> QMenu:
        """The detail view's context menu at ``pos``: Qt's own entries, then Copy citation."""
        menu = self.detail.createStandardContextMenu(pos)
        menu.setParent(self, menu.windowFlags())
        menu.addSeparator()
        menu.addAction(self.copy_citation_action)
        menu.addMenu(self.style_menu)
        return menu

    @Slot(QPoint)
    def _on_detail_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.detail_context_menu(pos)
        menu.exec(self.detail.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- events ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Mouse back/forward buttons anywhere in the window navigate the history.
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.back_action.trigger()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward_action.trigger()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
