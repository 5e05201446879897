"""The outcome chart built from OutcomeCount values: one bar set per (tribunal, measure) holding
exactly the input's figures, axes and labels fitted to the width, greyscale-safe styling, and
an off-screen image for printing.

Data: the bundled archive's own counts (``db.queries.outcome_counts``) and small hand-made
lists for the edge cases.  The chart pane (a widget) has its own tests in tests/app/widgets.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.charts.outcome_chart import (
    COMPACT_BELOW,
    MEASURE_PROPERTY,
    TRIBUNAL_COLOURS,
    TRIBUNAL_PROPERTY,
    build_chart,
    fit_to_width,
    render_image,
    title_html,
    tribunal_colour,
)
from app.charts.outcome_text import (
    NAMED,
    PUBLISHED,
    X_TITLE,
    X_TITLE_COMPACT,
    ChartLayout,
    axis_label,
    set_label,
)
from db import Archive, queries
from db.dto import OutcomeCount

MC, OSO = "military-collegium", "special-board-oso"


@pytest.fixture(scope="module")
def counts(archive: Archive) -> list[OutcomeCount]:
    with archive.connect() as conn:
        return queries.outcome_counts(conn)


def _sets(chart: QChart) -> list[QBarSet]:
    [series] = chart.series()
    assert isinstance(series, QBarSeries)
    return list(series.barSets())


def _series(chart: QChart) -> QBarSeries:
    [series] = chart.series()
    assert isinstance(series, QBarSeries)
    return series


def _x_axis(chart: QChart) -> QBarCategoryAxis:
    [axis] = chart.axes(Qt.Orientation.Horizontal)
    assert isinstance(axis, QBarCategoryAxis)
    return axis


def _y_axis(chart: QChart) -> QValueAxis:
    [axis] = chart.axes(Qt.Orientation.Vertical)
    assert isinstance(axis, QValueAxis)
    return axis


def _values(bar_set: QBarSet) -> list[float]:
    return [bar_set.at(i) for i in range(bar_set.count())]


def test_bar_values_equal_the_counts_given(qapp: QApplication, counts: list[OutcomeCount]) -> None:
    chart = build_chart(counts)
    outcomes = ChartLayout.of(counts).outcomes
    by_key = {(c.tribunal, c.outcome): c for c in counts}
    for bar_set in _sets(chart):
        tribunal = bar_set.property(TRIBUNAL_PROPERTY)
        measure = bar_set.property(MEASURE_PROPERTY)
        expected = []
        for outcome in outcomes:
            c = by_key.get((tribunal, outcome))
            figure = None if c is None else c.published if measure == PUBLISHED else c.named
            expected.append(float(figure or 0))
        assert _values(bar_set) == expected, (tribunal, measure)


def test_every_named_person_and_published_figure_is_on_a_bar(
    qapp: QApplication, counts: list[OutcomeCount]
) -> None:
    totals: Counter[tuple[str, str]] = Counter()
    chart = build_chart(counts)  # the chart owns its sets: keep it alive while reading them
    for bar_set in _sets(chart):
        key = (bar_set.property(TRIBUNAL_PROPERTY), bar_set.property(MEASURE_PROPERTY))
        totals[key] += int(sum(_values(bar_set)))
    for tribunal in {c.tribunal for c in counts}:
        mine = [c for c in counts if c.tribunal == tribunal]
        assert totals[(tribunal, NAMED)] == sum(c.named for c in mine)
        assert totals[(tribunal, PUBLISHED)] == sum(c.published or 0 for c in mine)


def test_bar_sets_are_the_layouts_in_order_with_their_legend_labels(
    qapp: QApplication, counts: list[OutcomeCount]
) -> None:
    chart = build_chart(counts, width=1240)
    sets = _sets(chart)
    layout = ChartLayout.of(counts)
    assert [(s.property(TRIBUNAL_PROPERTY), s.property(MEASURE_PROPERTY)) for s in sets] == list(
        layout.bar_sets
    )
    assert [s.label() for s in sets] == [set_label(t, m) for t, m in layout.bar_sets]


def test_categories_are_the_outcomes_in_axis_order(
    qapp: QApplication, counts: list[OutcomeCount]
) -> None:
    chart = build_chart(counts, width=1240)
    axis = _x_axis(chart)
    outcomes = ChartLayout.of(counts).outcomes
    assert axis.categories() == [axis_label(o) for o in outcomes]
    assert axis.categories()[0] == "death" and axis.titleText() == X_TITLE


def test_a_narrow_chart_gets_short_labels_and_a_wide_one_gets_them_back(
    qapp: QApplication, counts: list[OutcomeCount]
) -> None:
    chart = build_chart(counts, width=COMPACT_BELOW - 1)
    outcomes = ChartLayout.of(counts).outcomes
    assert _x_axis(chart).categories() == [axis_label(o, compact=True) for o in outcomes]
    assert _x_axis(chart).titleText() == X_TITLE_COMPACT
    assert "OSO, named" in [s.label() for s in _sets(chart)]
    fit_to_width(chart, COMPACT_BELOW)
    assert _x_axis(chart).categories() == [axis_label(o) for o in outcomes]
    assert [s.label() for s in _sets(chart)] == [
        set_label(s.property(TRIBUNAL_PROPERTY), s.property(MEASURE_PROPERTY)) for s in _sets(chart)
    ]
    assert "Special Board (OSO), named" in [s.label() for s in _sets(chart)]


@pytest.mark.parametrize("tallest", [0, 1, 7, 8, 9, 37, 100, 999, 12_345])
def test_value_axis_has_headroom_and_round_ticks(qapp: QApplication, tallest: int) -> None:
    chart = build_chart([OutcomeCount(MC, "death", "death", 0, tallest, None, ())])
    axis = _y_axis(chart)
    top, ticks = axis.max(), axis.tickCount()
    step = int(top) // (ticks - 1)
    magnitude = 10 ** (len(str(step)) - 1)
    assert axis.min() == 0 and step * (ticks - 1) == top and ticks <= 10
    assert step in (magnitude, 2 * magnitude, 5 * magnitude)
    assert top - step <= tallest < top  # room above the tallest bar: at most one step


def test_animations_are_off(qapp: QApplication, counts: list[OutcomeCount]) -> None:
    assert build_chart(counts).animationOptions() == QChart.AnimationOption.NoAnimation


def test_published_bars_are_solid_and_named_bars_hatched_per_tribunal(
    qapp: QApplication, counts: list[OutcomeCount]
) -> None:
    chart = build_chart(counts)
    sets = _sets(chart)
    solid = Qt.BrushStyle.SolidPattern
    for s in sets:
        assert (s.brush().style() == solid) == (s.property(MEASURE_PROPERTY) == PUBLISHED)
    hatches = [s.brush().style() for s in sets if s.property(MEASURE_PROPERTY) == NAMED]
    assert len(set(hatches)) == len(hatches) == 3
    for s in sets:
        tribunal = s.property(TRIBUNAL_PROPERTY)
        assert s.brush().color() == TRIBUNAL_COLOURS[tribunal]


def test_tribunals_outside_the_palette_get_alternating_fallback_colours() -> None:
    assert tribunal_colour(MC, 5) == TRIBUNAL_COLOURS[MC]
    first, second, third = (tribunal_colour("x-court", i) for i in range(3))
    assert first != second and first == third
    assert first not in TRIBUNAL_COLOURS.values() and second not in TRIBUNAL_COLOURS.values()


def test_value_labels_show_when_they_fit(qapp: QApplication, counts: list[OutcomeCount]) -> None:
    shown, hidden = build_chart(counts, width=1240), build_chart(counts, show_values=False)
    assert _series(shown).isLabelsVisible()
    assert not _series(hidden).isLabelsVisible()


def test_value_labels_too_wide_for_their_bars_are_dropped(qapp: QApplication) -> None:
    many = [
        OutcomeCount(t, f"term:{n}", f"{n} yrs", 100 - n, 123_456, 654_321, (("s", 654_321),))
        for t in (MC, OSO, "unknown")
        for n in range(1, 11)
    ]
    chart = build_chart(many, width=700)
    assert not _series(chart).isLabelsVisible()
    fit_to_width(chart, 20_000)
    assert _series(chart).isLabelsVisible()


def _colours(image: QImage) -> Counter[str]:
    return Counter(
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def test_render_image_has_the_size_asked_for_on_white(
    qapp: QApplication, counts: list[OutcomeCount]
) -> None:
    image = render_image(counts, 640, 361)
    assert (image.width(), image.height()) == (640, 361)
    corners = [(0, 0), (639, 0), (0, 360), (639, 360)]
    assert {image.pixelColor(x, y).name() for x, y in corners} == {"#ffffff"}


def test_render_image_paints_each_tribunals_bars_in_its_colour(
    qapp: QApplication, counts: list[OutcomeCount]
) -> None:
    colours = _colours(render_image(counts, 640, 361))
    assert colours[TRIBUNAL_COLOURS[MC].name()] > 50
    assert colours[TRIBUNAL_COLOURS[OSO].name()] > 50
    only_oso = _colours(render_image([c for c in counts if c.tribunal == OSO], 640, 361))
    assert only_oso[TRIBUNAL_COLOURS[MC].name()] == 0
    assert only_oso[TRIBUNAL_COLOURS[OSO].name()] > 50


def test_render_image_of_no_counts_is_a_titled_empty_chart(qapp: QApplication) -> None:
    image = render_image([], 300, 200)
    colours = _colours(image)
    assert (image.width(), image.height()) == (300, 200)
    assert colours["#ffffff"] < 300 * 200 // 4  # the title and axes were drawn
    assert not set(colours) & {c.name() for c in TRIBUNAL_COLOURS.values()}


def test_a_narrow_chart_puts_its_key_on_two_lines(
    qapp: QApplication, counts: list[OutcomeCount]
) -> None:
    wide, narrow = title_html(), title_html(compact=True)
    assert wide.count("<br>") == 1 and narrow.count("<br>") == 2
    chart = build_chart(counts, width=COMPACT_BELOW - 1)
    assert chart.title() == narrow
    fit_to_width(chart, COMPACT_BELOW)
    assert chart.title() == wide


def test_value_labels_stand_up_on_bars_too_thin_for_them_across(
    qapp: QApplication, counts: list[OutcomeCount]
) -> None:
    chart = build_chart(counts, width=790)  # the chart tab in a 1280-pixel window
    assert _series(chart).isLabelsVisible()
    assert _series(chart).labelsAngle() == -90
    assert _series(chart).labelsFormat() == "@value"
    fit_to_width(chart, 20_000)
    assert _series(chart).labelsAngle() == 0


@pytest.mark.parametrize("width", [600, 1240])
def test_the_legend_is_at_the_body_font_size(
    qapp: QApplication, counts: list[OutcomeCount], width: int
) -> None:
    from PySide6.QtGui import QFont

    chart = build_chart(counts, width=width)
    assert chart.legend().font().pointSizeF() == QFont().pointSizeF()


def test_apply_palette_colours_the_chart_for_a_dark_background(
    qapp: QApplication, counts: list[OutcomeCount]
) -> None:
    from PySide6.QtGui import QPalette

    from app.appearance import dark_palette
    from app.charts.outcome_chart import TRIBUNAL_COLOURS_DARK, apply_palette

    chart = build_chart(counts)
    palette = dark_palette()
    apply_palette(chart, palette)
    text = palette.color(QPalette.ColorRole.Text)
    assert chart.backgroundBrush().color() == palette.color(QPalette.ColorRole.Base)
    assert chart.titleBrush().color() == text
    assert chart.legend().labelColor() == text
    assert all(a.labelsBrush().color() == text for a in chart.axes())
    for bar_set in _series(chart).barSets():
        assert bar_set.labelColor() == text
        tribunal = bar_set.property(TRIBUNAL_PROPERTY)
        assert bar_set.brush().color() == TRIBUNAL_COLOURS_DARK[tribunal]
