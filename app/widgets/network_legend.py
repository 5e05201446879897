"""The relationship graph's legend: a drawn sample of each kind of line beside its meaning.

Rows of (sample picture, wrapped label): the five relation categories by colour, dashed for
alleged or disputed, dotted for co-mentions, the arrow's direction and the "+N" pill.  Samples
are drawn with the graph's own pens (:mod:`app.charts.network_paint`), again on a palette
change; words follow the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QFont, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QWidget

from app.charts.network_paint import GraphStyle, draw_edge, draw_node, edge_pen
from db.graph import CATEGORIES, CO_MENTION, GraphEdge
from db.i18n import N_, _

#: Size of a sample picture (logical pixels).
SAMPLE = QSizeF(44, 16)

#: Rows besides the categories: key → words.
EXTRA_ROWS = {
    "dashed": N_("dashed: alleged, or the sources disagree"),
    "arrow": N_("arrow A → B: “A is … of (by) B”"),
    "more": N_("relations not drawn"),
}
#: The sample edge of each row (relation kind, alleged/disputed).
_SAMPLES = {
    "family": "brother",
    "investigation": "interrogated-by",
    "hierarchy": "subordinate-of",
    "conspiracy": "alleged-co-conspirator",
    "other": "friend",
    CO_MENTION: CO_MENTION,
    "dashed": "alleged-link",
    "arrow": "accused-by",
}


class NetworkLegend(QWidget):
    """What the graph's colours, patterns and marks mean (object name ``networkLegend``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkLegend")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        self._samples: dict[str, QLabel] = {}
        self._words: dict[str, QLabel] = {}
        for row, key in enumerate((*CATEGORIES, *EXTRA_ROWS)):
            sample = QLabel(self)
            sample.setFixedSize(SAMPLE.toSize())
            words = QLabel(self)
            words.setWordWrap(True)
            words.setTextFormat(Qt.TextFormat.PlainText)
            words.setObjectName(f"networkLegend_{key}")
            self._grid.addWidget(sample, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(words, row, 1)
            self._samples[key] = sample
            self._words[key] = words
        self.retranslate()
        self._draw_samples()

    def retranslate(self) -> None:
        """The words in the interface language now in use."""
        for key, label in self._words.items():
            label.setText(CATEGORIES[key] if key in CATEGORIES else _(EXTRA_ROWS[key]))
        self.setAccessibleName(_("Legend of the relationship graph"))

    def texts(self) -> list[str]:
        """The legend's words, row by row (tests and accessibility)."""
        return [label.text() for label in self._words.values()]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_samples()

    def _draw_samples(self) -> None:
        style = GraphStyle.of(self.palette())
        ratio = self.devicePixelRatioF()
        for key, label in self._samples.items():
            pixmap = QPixmap((SAMPLE * ratio).toSize())
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._draw_sample(painter, style, key)
            painter.end()
            label.setPixmap(pixmap)

    def _draw_sample(self, painter: QPainter, style: GraphStyle, key: str) -> None:
        y = SAMPLE.height() / 2
        if key == "more":
            font = QFont(self.font())
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
            draw_node(painter, style, QRectF(6, 1, 30, SAMPLE.height() - 2), "+N", font, more=True)
            return
        edge = GraphEdge("sample", "a", "b", _SAMPLES[key], weight=2)
        if key == "dashed":
            pen = edge_pen(style, edge)
            pen.setColor(style.text)
            painter.setPen(pen)
            painter.drawLine(QPointF(2, y), QPointF(SAMPLE.width() - 2, y))
            return
        ends = (QPointF(-2, y), QSizeF(0, 0), QPointF(SAMPLE.width() - 2, y), QSizeF(0, 0))
        draw_edge(painter, style, edge, ends, 0.0)


class LegendArea(QScrollArea):
    """The legend at the height its wrapped words need at the width it is given, scrolled
    when the side panel has less room (object name ``networkLegendArea``): squeezed, the
    rows of a narrow legend drew over one another."""

    def __init__(self, legend: NetworkLegend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkLegendArea")
        self.setWidget(legend)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        legend.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # new words (another language): new hints for the side
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        legend = self.widget()
        width = self.viewport().width()
        if legend is None or width <= 0:
            return super().sizeHint()
        return QSize(super().sizeHint().width(), legend.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # as narrow as the legend's longest word (and a scroll bar) allows, never narrower:
        # the words are never cut at the side
        hint = super().minimumSizeHint()
        legend = self.widget()
        if legend is None:
            return hint
        width = legend.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # a new width wraps the words anew
