"""ChartPane: the sentence-outcome chart of the open archive, with tooltips, clicks and export.

The chart is drawn by :mod:`app.charts.outcome_chart` from the ``outcome_summary`` table the
archive builder precomputed, read synchronously: it is about twenty rows at any archive size
(plus the few dozen published tallies for the footnotes), so a worker would cost more than the
read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView
from PySide6.QtCore import (
    QEvent,
    QPoint,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCursor,
    QGuiApplication,
    QPainter,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QLabel, QMenu, QToolTip, QVBoxLayout, QWidget

from app import part_files
from app.archive_source import ArchiveSource
from app.charts import image_bytes, outcome_chart, outcome_text
from app.charts.outcome_chart import MEASURE_PROPERTY, TRIBUNAL_PROPERTY
from app.charts.outcome_text import NAMED, PUBLISHED
from db import outcomes, vocab
from db.dto import OutcomeCount
from db.i18n import _
from db.outcomes import UncountedFigure
from db.queries import outcome_counts

#: Size of saved images when the pane has never been laid out (the chart tab's usual size).
DEFAULT_EXPORT_SIZE = QSize(1240, 650)


class ChartPane(QWidget):
    """The outcome chart (a ``QChartView`` named ``outcomeChart``) and a line of totals.

    Signals:
        named_bar_clicked(str, str): (tribunal, outcome) of a clicked "named" bar; the People
            pane should show exactly the people with that tribunal and outcome.
        published_bar_clicked(str, str): (tribunal, outcome) of a clicked "published" bar;
            the detail view should show the sources of that tally (see :meth:`count`).
        copied(str): a bar's figure was put on the clipboard from its context menu.

    A right click on a bar opens its context menu (:meth:`bar_menu`): Open (what a click
    does), Copy figure, and the window's actions handed over in :meth:`set_menu_actions`
    (Copy citation of the chart, Save chart).
    """

    #: A figure: the search results above it keep less of the column (MainWindow).
    TALL = True

    named_bar_clicked = Signal(str, str)
    published_bar_clicked = Signal(str, str)
    #: The text a bar's context menu copied (tests and the status bar read it).
    copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: ArchiveSource | None = None
        self._counts: list[OutcomeCount] = []
        self._layout = outcome_text.ChartLayout.of([])
        self._uncounted: list[UncountedFigure] = []
        self._source_labels: dict[str, str] = {}
        self._totals: dict[str, int] = {}
        #: The bar under the pointer (tribunal, measure, outcome), from the series' hover.
        self._hovered: tuple[str, str, str] | None = None
        self._menu_actions: list[QAction] = []
        self._chart_stale = True
        #: Shows a bar's menu at a global point (tests replace it: ``QMenu.exec`` blocks).
        self.exec_menu: Callable[[QMenu, QPoint], object] = QMenu.exec
        self.view = QChartView(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.setObjectName("outcomeChart")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.totals = QLabel(self)
        self.totals.setObjectName("outcomeTotals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        self.totals.setContentsMargins(8, 0, 8, 4)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.view, 1)
        box.addWidget(self.totals)
        self._show([], {})

    # -- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Build the chart again in the interface language now in use (title, axes, legend,
        categories, totals); its numbers are kept, so nothing is read again — except the
        uncounted figures' labels and reasons, words of the data layer."""
        if self._source is not None:
            with self._source.connect() as conn:
                self._uncounted = outcomes.uncounted_figures(conn)
                self._source_labels = outcomes.source_labels(conn)
        self._show(self._counts, self._totals)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # Light or dark now: the chart's colours come from the palette.
            outcome_chart.apply_palette(self.view.chart(), self.palette())

    # -- data ------------------------------------------------------------------------------

    def set_source(self, source: ArchiveSource) -> None:
        """Show the chart of ``source`` (a few small reads; synchronous on purpose)."""
        self._source = source
        self.reload()

    def reload(self) -> None:
        """Read the chart again from the source's archive (it changed)."""
        if self._source is None:
            return
        with self._source.connect() as conn:
            counts = outcome_counts(conn)
            self._uncounted = outcomes.uncounted_figures(conn)
            self._source_labels = outcomes.source_labels(conn)
            totals = outcomes.published_totals(conn)
        self._show(counts, totals)

    def counts(self) -> list[OutcomeCount]:
        """The numbers the chart shows, one per (tribunal, outcome)."""
        return list(self._counts)

    def count(self, tribunal: str, outcome: str) -> OutcomeCount | None:
        """The numbers behind one bar pair (its ``published_by`` names the sources)."""
        return self._layout.counts.get((tribunal, outcome))

    def tooltip(self, tribunal: str, measure: str, outcome: str) -> str:
        """Rich-text tooltip of one bar (``measure`` is ``"published"`` or ``"named"``)."""
        notes = [f for f in self._uncounted if f.applies_to(tribunal, outcome)]
        return outcome_text.bar_tooltip(
            self.count(tribunal, outcome), tribunal, outcome, measure, self._source_labels, notes
        )

    def _show(self, counts: list[OutcomeCount], totals: dict[str, int]) -> None:
        self._counts = counts
        self._totals = totals
        self.view.setAccessibleName(_("Sentence outcomes chart"))
        self._layout = outcome_text.ChartLayout.of(counts)
        self.totals.setText(
            outcome_text.totals_line(counts, totals)
            if counts
            else _("This archive records no 1935 verdicts and no published tallies.")
        )
        self.view.setAccessibleDescription(self.totals.text())
        # The chart itself is built when the pane is seen: at start-up it is behind the
        # People tab, and building a QChart costs more than reading its twenty numbers.
        self._chart_stale = True
        if self.isVisible():
            self._build_chart()

    def _build_chart(self) -> None:
        self._chart_stale = False
        chart = outcome_chart.build_chart(self._counts, width=self.width())
        outcome_chart.apply_palette(chart, self.palette())
        for series in chart.series():
            if isinstance(series, QBarSeries):
                series.clicked.connect(self._on_series_clicked)
                series.hovered.connect(self._on_series_hovered)
        old = self.view.chart()
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    def showEvent(self, event: QShowEvent) -> None:
        """Build the chart the first time the pane is shown after its numbers changed."""
        if self._chart_stale:
            self._build_chart()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep labels readable: short legend and category labels when the pane is narrow."""
        super().resizeEvent(event)
        outcome_chart.fit_to_width(self.view.chart(), event.size().width())

    # -- bars ------------------------------------------------------------------------------

    def _bar(self, index: int, bar_set: QBarSet) -> tuple[str, str, str] | None:
        """(tribunal, measure, outcome) of bar ``index`` of ``bar_set``."""
        if not 0 <= index < len(self._layout.outcomes):
            return None
        tribunal = bar_set.property(TRIBUNAL_PROPERTY)
        measure = bar_set.property(MEASURE_PROPERTY)
        if not isinstance(tribunal, str) or measure not in (NAMED, PUBLISHED):
            return None
        return tribunal, str(measure), self._layout.outcomes[index]

    def activate_bar(self, tribunal: str, measure: str, outcome: str) -> None:
        """What a click on a bar does: emit the matching signal when the bar has a figure."""
        c = self.count(tribunal, outcome)
        if c is None:
            return
        if measure == NAMED and c.named > 0:
            self.named_bar_clicked.emit(tribunal, outcome)
        elif measure == PUBLISHED and c.published is not None:
            self.published_bar_clicked.emit(tribunal, outcome)

    @Slot(int, QBarSet)
    def _on_series_clicked(self, index: int, bar_set: QBarSet) -> None:
        bar = self._bar(index, bar_set)
        if bar is not None:
            self.activate_bar(*bar)

    @Slot(bool, int, QBarSet)
    def _on_series_hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        bar = self._bar(index, bar_set) if status else None
        self._hovered = bar
        if bar is None:
            QToolTip.hideText()
            self.view.unsetCursor()
            return
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(QCursor.pos(), self.tooltip(*bar), self.view)

    # -- context menu ----------------------------------------------------------------------

    def set_menu_actions(self, actions: list[QAction]) -> None:
        """Window actions a bar's context menu offers after its own (they act on the chart)."""
        self._menu_actions = list(actions)

    def bar_text(self, tribunal: str, measure: str, outcome: str) -> str:
        """One plain line for the clipboard: ``Military Collegium — death (named bar): 32``."""
        c = self.count(tribunal, outcome)
        value = (c.named if measure == NAMED else c.published) if c is not None else None
        figure = vocab.format_number(value) if value is not None else _("no figure")
        # TRANSLATORS: a copied chart bar: tribunal — outcome (named/published bar): figure.
        return _("{tribunal} — {outcome} ({measure} bar): {figure}").format(
            tribunal=outcome_text.tribunal_label(tribunal),
            outcome=outcome_text.category_description(outcome),
            measure=outcome_text.measure_label(measure),
            figure=figure,
        )

    def bar_menu(self, tribunal: str, measure: str, outcome: str) -> QMenu:
        """The context menu of one bar (the caller shows it, then deletes it)."""
        menu = QMenu(self)
        menu.setObjectName("chartBarMenu")
        c = self.count(tribunal, outcome)
        if measure == NAMED:
            open_text = _("&Show these people in People")
            can_open = c is not None and c.named > 0
        else:
            open_text = _("&Show the sources of this figure")
            can_open = c is not None and c.published is not None
        opener = menu.addAction(open_text)
        opener.setObjectName("chartBarOpenAction")
        opener.setEnabled(can_open)
        opener.triggered.connect(lambda: self.activate_bar(tribunal, measure, outcome))
        copy = menu.addAction(_("&Copy figure"))
        copy.setObjectName("chartBarCopyAction")
        copy.triggered.connect(lambda: self._copy(self.bar_text(tribunal, measure, outcome)))
        if self._menu_actions:
            menu.addSeparator()
            for action in self._menu_actions:
                menu.addAction(action)
        return menu

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        if self._hovered is None:
            return
        menu = self.bar_menu(*self._hovered)
        self.exec_menu(menu, self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- export ----------------------------------------------------------------------------

    def save_image(self, path: Path) -> None:
        """Save the chart as PNG or SVG (by suffix), at the pane's size, on white.

        Raises:
            OSError: the suffix is neither .png nor .svg, or the file cannot be written.
        """
        size = self.view.size() if self.view.width() > 200 else DEFAULT_EXPORT_SIZE
        suffix = path.suffix.lower()
        if suffix == ".png":
            data = self._png_bytes(size)
        elif suffix == ".svg":
            data = self._svg_bytes(size)
        else:
            raise OSError(
                _(
                    "Cannot save the chart as “{kind}”: choose a file name ending in .png or .svg."
                ).format(kind=path.suffix or path.name)
            )
        try:
            part_files.write_bytes(path, data)
        except OSError as exc:
            raise OSError(
                exc.errno,
                _("Cannot save the chart to {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc
                ),
            ) from exc

    def _png_bytes(self, size: QSize) -> bytes:
        image = outcome_chart.render_image(self._counts, size.width(), size.height())
        return image_bytes.encode_png(image, _("Cannot encode the chart as PNG."))

    def _svg_bytes(self, size: QSize) -> bytes:
        # The chart lays its text out in screen pixels; an SVG at another resolution (default
        # 72 dpi) would shrink the text and misplace the centred title.
        screen = self.screen()
        counts = self._counts
        return image_bytes.svg_bytes(
            size,
            lambda painter, rect: outcome_chart.paint_chart(
                painter, counts, int(rect.width()), int(rect.height())
            ),
            outcome_text.tr(outcome_text.TITLE),
            round(screen.logicalDotsPerInch()) if screen else 96,
            outcome_text.tr(outcome_text.SUBTITLE),
        )

    def chart(self) -> QChart:
        """The chart on screen, built now if the pane has not been shown yet (tests read its
        series back)."""
        if self._chart_stale:
            self._build_chart()
        return self.view.chart()
