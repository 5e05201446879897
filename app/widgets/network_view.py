"""NetworkView: the relationship graph of the current person, a pane of its own.

The ego network (:func:`db.graph.ego_graph`) is read and laid out on a worker
(:class:`app.workers.Runner`), then drawn on a ``QGraphicsScene``: people as boxes named in the
reader's script (the ego highlighted), relations as arrows coloured by kind of tie, dashed when
alleged or disputed, co-mentions dotted, "+N" pills for what the caps left out.  Beside it: the
legend and a panel showing the chosen relation with its sources; below it, the same edges as a
table (``networkList``) for the keyboard and screen readers.

The graph is read only while the pane is visible (:meth:`set_person` on a hidden pane waits
for it to be shown); positions are kept per (person, hops, co-mentions) for the session, so a
person's graph looks the same at every visit, dragged boxes included.

Signals:
    item_activated(object): a :class:`db.dto.Ref` to show: a person's box was clicked, or a
        person, source or document link of the side panel.
    graph_shown(): a graph, or the message that there is none, is on screen.
    export_requested(): the user asked to save the graph (see :meth:`save`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSignalBlocker,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.archive_source import ArchiveSource
from app.charts.network_layout import LayoutCache, Positions, layout, node_sizes
from app.charts.network_paint import GraphStyle
from app.widgets.network_canvas import FIT_MARGIN, ZOOM_STEP, NetworkCanvas
from app.widgets.network_details import edge_html, hint_html
from app.widgets.network_export import save_graph
from app.widgets.network_items import EdgeItem, NodeItem
from app.widgets.network_legend import LegendArea, NetworkLegend
from app.widgets.network_model import EdgeColumn, NetworkEdgesModel
from app.widgets.network_scene import GraphScene
from app.widgets.row_table import row_table
from app.workers import Runner
from db.dto import Ref
from db.graph import EgoGraph, ego_graph
from db.i18n import _, ngettext

Key = tuple[str, int, bool]


def _compute(
    source: ArchiveSource, key: Key, font: str, cached: Positions | None
) -> tuple[EgoGraph | None, Positions]:
    """On the worker: the graph of ``key`` and its positions (the cached ones if they fit)."""
    person, hops, co_mentions = key
    with source.connect() as conn:
        graph = ego_graph(conn, person, hops, co_mentions)
    if graph is None:
        return None, {}
    qfont = QFont()
    qfont.fromString(font)
    sizes = node_sizes(graph, qfont)
    if cached is not None and set(sizes) <= set(cached):
        return graph, cached
    return graph, layout(graph, sizes)


class NetworkView(QWidget):
    """The relationship graph pane (object name ``networkView``)."""

    #: A figure: the search results above it keep less of the column (MainWindow).
    TALL = True

    item_activated = Signal(object)
    graph_shown = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None, runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self._source: ArchiveSource | None = None
        self._person: str | None = None
        self._shown_key: Key | None = None
        self._stale = False
        self._message_key = "nobody"
        self._cache = LayoutCache()
        self._runner = runner or Runner(self)
        self._runner.failed.connect(self._on_failed)
        self._build()
        self.retranslate()
        self._set_graph(None, {})

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.hops = QComboBox(self)
        self.hops.setObjectName("networkView_hops")
        self.hops.addItems(["", ""])
        self.hops.currentIndexChanged.connect(self._on_options_changed)
        self.hops_label = QLabel(self)
        self.hops_label.setBuddy(self.hops)
        self.co_mentions = QCheckBox(self)
        self.co_mentions.setObjectName("networkView_coMentions")
        self.co_mentions.toggled.connect(self._on_options_changed)
        self.zoom_out_button = self._button("networkView_zoomOut", "−", self._on_zoom_out)
        self.zoom_in_button = self._button("networkView_zoomIn", "+", self._on_zoom_in)
        self.fit_button = self._button("networkView_fit", "", self._on_fit)
        self.export_button = self._button("networkView_export", "", self.export_requested.emit)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for control in (self.hops_label, self.hops, self.co_mentions):
            bar.addWidget(control)
        bar.addStretch(1)
        for button in (
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.export_button,
        ):
            bar.addWidget(button)

        self.scene = GraphScene(self)
        self.scene.on_moved = self._on_box_moved
        self.canvas = NetworkCanvas(self)
        self.canvas.setScene(self.scene)
        self.canvas.node_clicked.connect(self._on_node_clicked)
        self.canvas.edge_clicked.connect(self._on_edge_clicked)
        self.legend = NetworkLegend(self)
        self.details = QTextBrowser(self)
        self.details.setObjectName("networkDetails")
        self.details.setOpenLinks(False)
        self.details.setOpenExternalLinks(False)
        self.details.anchorClicked.connect(self._on_anchor_clicked)
        side = QWidget(self)
        # at least 24 characters wide, and as wide as the legend's longest word in the
        # language shown (the side's layout asks the legend's area, which follows its words)
        self.details.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        side_box.addWidget(LegendArea(self.legend, side))
        side_box.addWidget(self.details, 1)

        self.model = NetworkEdgesModel(self)
        self.list = row_table(self, "networkList", self.model)
        hh = self.list.horizontalHeader()
        hh.setStretchLastSection(False)
        for column, width in zip(EdgeColumn, (150, 150, 330, 120, 70), strict=True):
            self.list.setColumnWidth(column, width)
        # The relation's words give way, so every column fits a 1280-wide window unscrolled.
        hh.setSectionResizeMode(EdgeColumn.RELATION, QHeaderView.ResizeMode.Stretch)
        self.list.selectionModel().currentRowChanged.connect(self._on_row_changed)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.canvas)
        top.addWidget(side)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        top.setSizes([700, 260])
        main = QSplitter(Qt.Orientation.Vertical, self)
        main.setObjectName("networkView_splitter")
        main.addWidget(top)
        main.addWidget(self.list)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 1)
        main.setSizes([500, 150])
        self.count_label = QLabel(self)
        self.count_label.setObjectName("networkView_count")
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(bar)
        box.addWidget(main, 1)
        box.addWidget(self.count_label)

    def _button(self, name: str, text: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        return button

    # -- language and palette ------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every word of the pane in the interface language now in use (names too)."""
        self.hops_label.setText(_("Reach:"))
        self.hops.setItemText(0, _("direct relations"))
        self.hops.setItemText(1, _("relations of relations"))
        self.hops.setAccessibleName(_("How far the graph reaches"))
        self.co_mentions.setText(_("Named together"))
        self.co_mentions.setToolTip(_("People named in the same documents"))
        self.co_mentions.setAccessibleName(_("People named in the same documents"))
        for button, (name, tip) in {
            self.zoom_out_button: (_("Zoom out"), _("Zoom out (−)")),
            self.zoom_in_button: (_("Zoom in"), _("Zoom in (+)")),
            self.fit_button: (_("Fit"), _("Show the whole graph (0)")),
            self.export_button: (
                _("Export…"),
                _("Save the graph as PNG, SVG, PDF, JSON or GraphML"),
            ),
        }.items():
            button.setAccessibleName(name)
            button.setToolTip(tip)
        self.fit_button.setText(_("Fit"))
        self.export_button.setText(_("Export…"))
        self.canvas.setAccessibleName(_("Relationship graph"))
        self.canvas.setAccessibleDescription(
            _("People as boxes, relations as lines; the list below holds the same relations.")
        )
        self.details.setAccessibleName(_("The relation chosen, with its sources"))
        self.list.setAccessibleName(_("Relations of the graph"))
        self.model.retranslate()
        self.scene.retranslate()
        self.scene.show_message(self._message_text(), GraphStyle.of(self.palette()))
        self._show_details()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _restyle(self) -> None:
        style = GraphStyle.of(self.palette())
        self.canvas.setBackgroundBrush(style.base)
        self.scene.restyle(style)

    # -- data --------------------------------------------------------------------------------

    def set_source(self, source: ArchiveSource) -> None:
        """Read graphs from ``source`` (another archive: positions of the last one forgotten)."""
        self._source = source
        self._cache.clear()
        self.reload()

    def set_person(self, person_id: str | None) -> None:
        """Show the graph of ``person_id`` (None: nobody); read when the pane is visible."""
        if person_id == self._person and not self._stale:
            return
        self._person = person_id
        self.reload()

    def person(self) -> str | None:
        """The person whose graph the pane shows (or will show)."""
        return self._person

    def set_hops(self, hops: int) -> None:
        """1: the person's relations; 2: their neighbours' relations too."""
        self.hops.setCurrentIndex(1 if hops == 2 else 0)

    def set_co_mentions(self, on: bool) -> None:
        """Also draw the people named in the same documents."""
        self.co_mentions.setChecked(on)

    def key(self) -> Key | None:
        """(person, hops, co-mentions) of the graph asked for."""
        if self._person is None:
            return None
        return (
            self._person,
            2 if self.hops.currentIndex() == 1 else 1,
            self.co_mentions.isChecked(),
        )

    def reload(self) -> None:
        """Read the graph again (now if the pane is visible, else when it is shown)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        key = self.key()
        if key is None or self._source is None:
            self._runner.cancel()
            self._shown_key = None
            self._message_key = "nobody"
            self._set_graph(None, {})
            self.graph_shown.emit()
            return
        font = self.font().toString()
        source, cached = self._source, self._cache.get(key)
        self.count_label.setText(_("Reading the relations…"))
        self._runner.submit(
            lambda: _compute(source, key, font, cached),
            lambda result: self._on_computed(key, result),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_computed(self, key: Key, result: tuple[EgoGraph | None, Positions]) -> None:
        graph, positions = result
        if graph is not None:
            self._cache.put(key, positions)
        self._shown_key = key
        self._message_key = "missing" if graph is None else ("alone" if not graph.edges else "")
        self._set_graph(graph, positions)
        self.graph_shown.emit()

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        # The worker logged the traceback; the pane says it in one line and stays usable.
        self.count_label.setText(_("Cannot read the relations: {error}").format(error=exc))

    @Slot(int)
    @Slot(bool)
    def _on_options_changed(self, _value: object = None) -> None:
        self.reload()

    # -- the scene ---------------------------------------------------------------------------

    def _message_text(self) -> str:
        graph = self.scene.graph
        if self._message_key == "missing":
            return _("This person is not in the archive.")
        if self._message_key == "alone" and graph is not None:
            return _("No relations of {name} are recorded.").format(name=graph.label_of(graph.ego))
        if self._message_key == "nobody":
            return _("Choose a person to see their relationship graph.")
        return ""

    def _set_graph(self, graph: EgoGraph | None, positions: Positions) -> None:
        style = GraphStyle.of(self.palette())
        self.canvas.setBackgroundBrush(style.base)
        self.scene.show_graph(graph, positions, style, self.font())
        self.scene.show_message(self._message_text(), style)
        # A scene's area only grows by itself: after a bigger graph, the smaller one would sit
        # off-centre under scroll bars.  The area is this graph's, with the margin the fit
        # shows (a wider one put scroll bars on a graph that fits).
        m = FIT_MARGIN
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-m, -m, m, m))
        self.model.set_graph(graph)
        self._show_details()
        self._show_count()
        self.canvas.fitting = True
        ego = self.scene.boxes.get(graph.ego) if graph is not None else None
        # Readable first: a graph too big for the pane at a legible scale is shown around its
        # person (Fit shows all of it).
        self.canvas.fit(whole=False, around=ego.sceneBoundingRect().center() if ego else None)

    def _on_box_moved(self, key: str, at: tuple[float, float]) -> None:
        if self._shown_key is not None:
            self._cache.move(self._shown_key, key, at)
        # A box dragged out of the area takes the area with it (room to scroll to it).
        m = FIT_MARGIN
        room = self.scene.itemsBoundingRect().adjusted(-m, -m, m, m)
        self.scene.setSceneRect(self.scene.sceneRect().united(room))

    # -- reading the state (tests, exports, the lead) ------------------------------------------

    def graph(self) -> EgoGraph | None:
        """The graph on screen."""
        return self.scene.graph

    def positions(self) -> Positions:
        """Where each box is drawn now (scene pixels), dragged ones included."""
        return dict(self.scene.positions)

    def node_item(self, person_id: str) -> NodeItem | None:
        """The box of ``person_id``."""
        item = self.scene.boxes.get(person_id)
        return item if isinstance(item, NodeItem) else None

    def edge_item(self, edge_id: str) -> EdgeItem | None:
        """The line of ``edge_id``."""
        return self.scene.edges.get(edge_id)

    def chosen_edge(self) -> str | None:
        """The edge whose details the side panel shows."""
        return self.scene.chosen

    def message(self) -> str:
        """The message shown instead of (or under) a graph, if any."""
        return self.scene.message()

    # -- clicks and the list ---------------------------------------------------------------------

    @Slot(str)
    def _on_node_clicked(self, person_id: str) -> None:
        self.item_activated.emit(Ref("person", person_id))

    @Slot(str)
    def _on_edge_clicked(self, edge_id: str) -> None:
        self.show_edge(edge_id)

    def show_edge(self, edge_id: str | None) -> None:
        """Show ``edge_id`` in the side panel, highlighted and selected in the list."""
        self.scene.choose(edge_id)
        chosen = self.scene.chosen
        row = self.model.row_of(chosen) if chosen else -1
        with QSignalBlocker(self.list.selectionModel()):
            if row >= 0:
                self.list.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.list.scrollTo(self.model.index(row, 0))
            else:
                self.list.clearSelection()
        self._show_details()

    @Slot(QModelIndex, QModelIndex)
    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        edge = self.model.edge_at(current.row()) if current.isValid() else None
        self.show_edge(edge.id if edge is not None else None)

    def _show_details(self) -> None:
        g = self.scene.graph
        edge = g.edge(self.scene.chosen) if g is not None and self.scene.chosen else None
        self.details.setHtml(edge_html(g, edge) if g is not None and edge else hint_html())

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        ref = Ref.from_uri(url.toString())
        if ref is not None:
            self.item_activated.emit(ref)

    def _show_count(self) -> None:
        g = self.scene.graph
        if g is None:
            self.count_label.setText("")
            return
        people = ngettext("{n} person", "{n} people", len(g.nodes)).format(n=len(g.nodes))
        ties = ngettext("{n} tie", "{n} ties", len(g.edges)).format(n=len(g.edges))
        hidden = sum(n.hidden for n in g.nodes)
        # TRANSLATORS: the graph's size under it, e.g. "12 people, 21 ties".
        text = _("{people}, {ties}").format(people=people, ties=ties)
        if hidden:
            text += "; " + ngettext(
                "{n} more not drawn (see the +N boxes)",
                "{n} more not drawn (see the +N boxes)",
                hidden,
            ).format(n=hidden)
        self.count_label.setText(text)

    # -- zoom and export -------------------------------------------------------------------------

    @Slot()
    def _on_zoom_in(self) -> None:
        self.canvas.zoom(ZOOM_STEP)

    @Slot()
    def _on_zoom_out(self) -> None:
        self.canvas.zoom(1 / ZOOM_STEP)

    @Slot()
    def _on_fit(self) -> None:
        self.canvas.fit()

    def save(self, path: Path) -> Path:
        """Save the graph on screen (its suffix: .png, .svg, .pdf, .json or .graphml).

        Raises:
            OSError: nothing to save, an unknown suffix, or the file cannot be written.
        """
        g = self.scene.graph
        if g is None:
            raise OSError(_("There is no graph to save: choose a person first."))
        title = _("Relationship graph of {name}").format(name=g.label_of(g.ego))
        return save_graph(path, g, self.scene.positions, self.font(), title)

    def suggested_name(self) -> str:
        """A file name stem for the export dialog (the lead sanitises it)."""
        g = self.scene.graph
        return f"graph-{g.ego}" if g is not None else "graph"
