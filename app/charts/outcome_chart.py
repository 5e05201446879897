"""The sentence-outcome chart: published tallies beside the archive's own verdict records.

Functions of :class:`db.dto.OutcomeCount` values (no database access), shared by the chart pane
(on screen) and the case-summary dossier (:func:`render_image`, off screen, for printing); the
words (labels, tooltips) live in :mod:`app.charts.outcome_text`.  One bar group per
outcome category; inside a group, for each tribunal, a *published* bar (the figure most sources
give) beside a *named* bar (people of this archive with that 1935 verdict).

Greyscale-safe by construction: tribunals differ in lightness (dark / middle / light), and
*published* bars are solid while *named* bars are hatched (a different hatch per tribunal), so
nothing depends on hue alone.  Labels fit the width (:func:`fit_to_width`): below
:data:`COMPACT_BELOW` pixels (a dossier page) legend and category labels get short forms, and
value labels are dropped when counts are too wide for their bars (generated archives).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QValueAxis
from PySide6.QtCore import QMargins, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsScene

from app.charts.outcome_text import (
    PUBLISHED,
    SUBTITLE,
    TITLE,
    X_TITLE,
    X_TITLE_COMPACT,
    Y_TITLE,
    ChartLayout,
    axis_label,
    set_label,
    tr,
)
from app.pages.escape import escape
from db.dto import OutcomeCount

#: Tribunal colours, chosen for lightness first (greyscale luma ≈ 45, 116, 179 of 255).
TRIBUNAL_COLOURS = {
    "military-collegium": QColor("#1b2f4e"),
    "special-board-oso": QColor("#b8621b"),
    "unknown": QColor("#7fae86"),
}
_FALLBACK_COLOURS = (QColor("#6b3d7a"), QColor("#888888"))
#: The same on a dark background: the lightness order is turned over (light / middle / dark
#: against a near-black plot) so the darkest bars do not vanish.
TRIBUNAL_COLOURS_DARK = {
    "military-collegium": QColor("#a9c1e8"),
    "special-board-oso": QColor("#d9823a"),
    "unknown": QColor("#5b8f63"),
}
_FALLBACK_COLOURS_DARK = (QColor("#b48cc4"), QColor("#9a9a9a"))
#: Hatch of each tribunal's *named* bars: a second cue, besides lightness, for greyscale.
_HATCHES = (
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.DiagCrossPattern,
    Qt.BrushStyle.CrossPattern,
)

#: Dynamic properties set on every QBarSet so views and tests can read a bar back as data.
TRIBUNAL_PROPERTY = "tribunal"
MEASURE_PROPERTY = "measure"
#: Charts narrower than this (pixels) get short legend labels and smaller label fonts.
COMPACT_BELOW = 1100
#: Chart width taken by the value axis and margins, not by bar groups (pixels, approximate).
_PLOT_MARGIN = 110


def title_html(*, compact: bool = False) -> str:
    """The chart's title over its key; ``compact``: the key's two halves on two lines."""
    key = escape(tr(SUBTITLE))
    if compact:
        key = key.replace(" · ", "<br>")
    return f"<div align='center'><b>{escape(tr(TITLE))}</b><br><small>{key}</small></div>"


def tribunal_colour(tribunal: str, index: int, *, dark: bool = False) -> QColor:
    """Colour of a tribunal's bars (a fallback by index for tribunals outside the palette);
    ``dark``: for a dark background."""
    colours, fallback = (
        (TRIBUNAL_COLOURS_DARK, _FALLBACK_COLOURS_DARK)
        if dark
        else (TRIBUNAL_COLOURS, _FALLBACK_COLOURS)
    )
    return QColor(colours.get(tribunal, fallback[index % 2]))


def _style(
    bar_set: QBarSet, colour: QColor, measure: str, index: int, label: QColor | None = None
) -> None:
    pen = QPen(colour.darker(115), 1.2)
    bar_set.setPen(pen)
    if measure == PUBLISHED:
        bar_set.setBrush(QBrush(colour))
    else:
        bar_set.setBrush(QBrush(colour, _HATCHES[index % len(_HATCHES)]))
    bar_set.setLabelColor(label or QColor("#202020"))


def _is_dark(palette: QPalette) -> bool:
    return (
        palette.color(QPalette.ColorRole.Base).lightness()
        < palette.color(QPalette.ColorRole.Text).lightness()
    )


def apply_palette(chart: QChart, palette: QPalette) -> None:
    """Colour ``chart`` from a widget's ``palette``: its page colour behind, its text colour
    for title, axes, legend and value labels, and bar colours chosen for a light or a dark
    background.  Images and printed dossiers skip this and stay on white."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    dark = _is_dark(palette)
    grid = QColor(text)
    grid.setAlpha(60)
    chart.setBackgroundBrush(QBrush(base))
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.setTitleBrush(QBrush(text))
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsBrush(QBrush(text))
        axis.setTitleBrush(QBrush(text))
        axis.setLinePenColor(grid)
        axis.setGridLineColor(grid)
    tribunal_index: dict[str, int] = {}
    for series in chart.series():
        if not isinstance(series, QBarSeries):
            continue
        for bar_set in series.barSets():
            tribunal = str(bar_set.property(TRIBUNAL_PROPERTY))
            idx = tribunal_index.setdefault(tribunal, len(tribunal_index))
            colour = tribunal_colour(tribunal, idx, dark=dark)
            _style(bar_set, colour, str(bar_set.property(MEASURE_PROPERTY)), idx, text)


def _nice_max(value: int) -> tuple[int, int]:
    """An axis maximum ≥ ``value`` on a 1-2-5 step, and the tick count that divides it."""
    if value <= 0:
        return 1, 2
    step = 1
    while value / step > 8:
        for mult in (2, 5, 10):
            if value / (step * mult) <= 8:
                step *= mult
                break
        else:
            step *= 10
    top = -(-value // step) * step
    if top == value:
        top += step  # headroom for the value labels above the tallest bar
    return top, top // step + 1


def _show_values_if_they_fit(chart: QChart, width: float) -> None:
    """Value labels on the bars: across them where the widest count fits a bar's slot, else
    standing up along them (a line's height wide, a little into the neighbour's slot, which is
    mostly an empty bar), else none (large archives: six-digit counts on hair-thin bars)."""
    outcomes = chart.property("outcomes") or []
    compact = width < COMPACT_BELOW
    font = QFont()
    font.setPointSizeF(max(font.pointSizeF() - (2.0 if compact else 1.0), 6.5))
    metrics = QFontMetricsF(font)
    plot = width - _PLOT_MARGIN  # not plotArea(): it is laid out after this is called
    for series in chart.series():
        if not isinstance(series, QBarSeries) or not series.barSets():
            continue
        sets = series.barSets()
        for bar_set in sets:
            bar_set.setLabelFont(font)
        widest = max((s.at(i) for s in sets for i in range(s.count())), default=0)
        slot = plot / max(len(outcomes), 1) * series.barWidth() / len(sets)
        across = metrics.horizontalAdvance(f"{widest:.0f}") <= slot
        upright = not across and metrics.height() <= slot * 1.25
        series.setLabelsAngle(0 if across else -90)
        series.setLabelsVisible(bool(chart.property("show_values")) and (across or upright))


def _full_labels_fit(chart: QChart, width: float) -> bool:
    """Whether the legend's full entries fit on its one line, and each category's label (one
    line of it, as :func:`axis_label` breaks it) in its bar group, ``width`` pixels wide:
    Russian's long tribunal names need the short forms at widths where English has room."""
    metrics = QFontMetricsF(QFont())  # the legend's and the axis's body font
    entries = [
        html.unescape(
            set_label(str(b.property(TRIBUNAL_PROPERTY)), str(b.property(MEASURE_PROPERTY)))
        )
        for series in chart.series()
        if isinstance(series, QBarSeries)
        for b in series.barSets()
    ]
    # each entry: its marker and the gaps around it (about two line heights)
    legend = sum(metrics.horizontalAdvance(e) + 2 * metrics.height() for e in entries)
    if legend > width - 24:
        return False
    outcomes = chart.property("outcomes") or []
    group = (width - _PLOT_MARGIN) / max(len(outcomes), 1)
    return all(
        metrics.horizontalAdvance(html.unescape(line)) <= group - 6
        for o in outcomes
        for line in axis_label(o).split("<br>")
    )


def fit_to_width(chart: QChart, width: float) -> None:
    """Fit labels to a chart ``width`` pixels wide: value labels across the bars, or up along
    them where they are too wide (none where neither fits); below :data:`COMPACT_BELOW`, or
    where the full labels would not fit (:func:`_full_labels_fit`), short legend and category
    labels, the axes' in a smaller font (restored when the chart is wide again), so nothing
    elides.  The legend keeps the body font."""
    _show_values_if_they_fit(chart, width)
    compact = width < COMPACT_BELOW or not _full_labels_fit(chart, width)
    if chart.property("compact") == compact:
        return
    chart.setProperty("compact", compact)
    chart.setTitle(title_html(compact=compact))
    # The legend is read like body text: the body font, however narrow the chart.
    chart.legend().setFont(QFont())
    font = QFont()
    if compact:
        font.setPointSizeF(max(font.pointSizeF() - 1.5, 6.5))
    for axis in chart.axes(Qt.Orientation.Horizontal):
        axis.setLabelsFont(font)
        if isinstance(axis, QBarCategoryAxis):
            # Narrow groups elide even two-line labels ("residence"): use short forms.
            axis.setCategories(
                [axis_label(o, compact=compact) for o in chart.property("outcomes") or []]
            )
            axis.setTitleText(tr(X_TITLE_COMPACT if compact else X_TITLE))
    for series in chart.series():
        if isinstance(series, QBarSeries):
            for bar_set in series.barSets():
                bar_set.setLabel(
                    set_label(
                        str(bar_set.property(TRIBUNAL_PROPERTY)),
                        str(bar_set.property(MEASURE_PROPERTY)),
                        compact=compact,
                    )
                )


def build_chart(
    counts: Sequence[OutcomeCount], *, width: float = 1240, show_values: bool = True
) -> QChart:
    """The outcome chart for ``counts`` (one series filled in one pass, animations off),
    labelled for a chart ``width`` pixels wide (see :func:`fit_to_width`).

    Every bar set carries the dynamic properties :data:`TRIBUNAL_PROPERTY` and
    :data:`MEASURE_PROPERTY`; the category axis lists :func:`axis_label` of
    :attr:`ChartLayout.outcomes` in order.
    """
    layout = ChartLayout.of(counts)
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    title_font = QFont(chart.titleFont())
    title_font.setPointSizeF(max(title_font.pointSizeF(), 9.0) + 2)
    chart.setTitleFont(title_font)
    chart.setTitle(title_html(compact=width < COMPACT_BELOW))
    chart.setMargins(QMargins(6, 6, 6, 0))
    series = QBarSeries()
    tribunal_index: dict[str, int] = {}
    top = 0
    for tribunal, measure in layout.bar_sets:
        idx = tribunal_index.setdefault(tribunal, len(tribunal_index))
        bar_set = QBarSet(set_label(tribunal, measure))
        bar_set.setProperty(TRIBUNAL_PROPERTY, tribunal)
        bar_set.setProperty(MEASURE_PROPERTY, measure)
        values = [layout.value(tribunal, measure, o) for o in layout.outcomes]
        top = max(top, *values) if values else top
        bar_set.append(values)
        _style(bar_set, tribunal_colour(tribunal, idx), measure, idx)
        series.append(bar_set)
    series.setBarWidth(0.85)
    chart.setProperty("show_values", show_values)
    if show_values:
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
    chart.addSeries(series)
    chart.setProperty("outcomes", list(layout.outcomes))
    x_axis = QBarCategoryAxis()
    x_axis.append([axis_label(o) for o in layout.outcomes])
    x_axis.setTitleText(tr(X_TITLE))
    y_axis = QValueAxis()
    y_max, ticks = _nice_max(top)
    y_axis.setRange(0, y_max)
    y_axis.setTickCount(ticks)
    y_axis.setLabelFormat("%d")
    y_axis.setTitleText(tr(Y_TITLE))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    legend = chart.legend()
    legend.setVisible(True)
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    fit_to_width(chart, width)
    return chart


def paint_chart(painter: QPainter, counts: Sequence[OutcomeCount], width: int, height: int) -> None:
    """Draw the chart for ``counts`` on white into ``painter``'s device, ``width`` × ``height``.

    The chart lives in a throw-away scene, so this works with no window (images, SVG, print).
    """
    chart = build_chart(counts, width=width)
    chart.setBackgroundBrush(QBrush(Qt.GlobalColor.white))
    chart.setBackgroundRoundness(0)
    chart.setDropShadowEnabled(False)
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QRectF(QPointF(0, 0), QSize(width, height).toSizeF()))
    scene.setSceneRect(chart.geometry())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, width, height), scene.sceneRect())


def render_image(counts: list[OutcomeCount], width: int, height: int) -> QImage:
    """The chart drawn off screen on white, ``width`` × ``height`` pixels, for printing.

    Needs a ``QApplication`` (charts are graphics widgets); no window is shown.
    """
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        paint_chart(painter, counts, width, height)
    finally:
        painter.end()
    return image
