"""The outcome chart pane: series read back from the widget equal the archive's tallies and
verdict records; clicks emit filters that select exactly the right people; tooltips, export."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QMenu, QToolTip
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app import language
from app.charts import outcome_text
from app.charts.outcome_chart import (
    MEASURE_PROPERTY,
    TRIBUNAL_PROPERTY,
    build_chart,
    render_image,
)
from app.charts.outcome_text import NAMED, PUBLISHED, ChartLayout, axis_label, bar_tooltip
from app.widgets.chart_pane import ChartPane
from db import Archive, listing, open_archive, vocab
from db.build import DEFAULT_DATA, write_source_data
from db.build.source_data import load
from db.dto import OutcomeCount
from db.listing import PEOPLE, ListQuery
from db.outcomes import UncountedFigure
from db.queries import outcome_counts
from tests.app.ui_texts import english

__all__ = ["english"]

Bars = dict[tuple[str, str, str], int]  # (tribunal, measure, outcome) -> bar height


@pytest.fixture
def pane(qtbot: QtBot, archive: Archive) -> ChartPane:
    """The pane at the chart tab's size, showing the bundled archive."""
    p = ChartPane()
    qtbot.addWidget(p)
    p.resize(1240, 650)
    p.show()
    qtbot.waitExposed(p)
    p.set_source(archive)
    return p


def _view(p: ChartPane) -> QChartView:
    view = p.findChild(QChartView, "outcomeChart")
    assert view is not None
    return view


def _series(p: ChartPane) -> QBarSeries:
    series = _view(p).chart().series()
    assert len(series) == 1 and isinstance(series[0], QBarSeries)
    return series[0]


def _outcomes(p: ChartPane) -> tuple[str, ...]:
    """Category keys of the x axis, proved to be what the axis shows, in order."""
    outcomes = ChartLayout.of(p.counts()).outcomes
    chart = _view(p).chart()
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(axis, QBarCategoryAxis)
    compact = bool(chart.property("compact"))
    assert axis.categories() == [axis_label(o, compact=compact) for o in outcomes]
    return outcomes


def bars_of(p: ChartPane) -> Bars:
    """Every non-zero bar as the widget holds it."""
    outcomes = _outcomes(p)
    out: Bars = {}
    for bar_set in _series(p).barSets():
        tribunal = bar_set.property(TRIBUNAL_PROPERTY)
        measure = bar_set.property(MEASURE_PROPERTY)
        assert bar_set.count() == len(outcomes)
        for i, outcome in enumerate(outcomes):
            if bar_set.at(i):
                out[(tribunal, measure, outcome)] = int(bar_set.at(i))
    return out


def named_by_sql(archive: Archive) -> Bars:
    """Named bars made from the sentence records with plain SQL."""
    out: Counter[tuple[str, str, str]] = Counter()
    with archive.connect() as conn:
        for tribunal, kind, years, n in conn.execute(
            text(
                "SELECT tribunal, kind, years, count(*) FROM sentence WHERE stage = 'verdict' "
                "GROUP BY tribunal, kind, years"
            )
        ):
            out[(tribunal, NAMED, vocab.outcome_key(kind, years))] += n
    return dict(out)


def published_by_sql(archive: Archive) -> Bars:
    """Published bars made from the tally table with plain SQL: per source, sum its rows for a
    bar; show the figure most sources give (ties: the larger)."""
    per_source: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with archive.connect() as conn:
        for tribunal, category, years, count, source in conn.execute(
            text(
                "SELECT t.tribunal, t.category, t.years, t.count, s.id FROM tally t "
                "JOIN source s ON s.pk = t.source_pk WHERE t.count IS NOT NULL AND "
                "(t.category IN ('death', 'exile', 'ban') OR "
                " (t.category IN ('prison', 'camp') AND t.years IS NOT NULL))"
            )
        ):
            outcome = {"death": "death", "exile": "exile", "ban": "ban"}.get(
                category, f"term:{years}"
            )
            per_source[(tribunal, outcome)][source] += count
    out: Bars = {}
    for (tribunal, outcome), figures in per_source.items():
        votes = Counter(figures.values())
        out[(tribunal, PUBLISHED, outcome)] = max(votes, key=lambda v: (votes[v], v))
    return out


def test_chart_series_equal_tallies_and_verdict_records(pane: ChartPane, archive: Archive) -> None:
    assert bars_of(pane) == {**published_by_sql(archive), **named_by_sql(archive)}


def test_published_figures_shown_for_the_known_tallies(pane: ChartPane) -> None:
    bars = bars_of(pane)
    assert bars[("military-collegium", PUBLISHED, "death")] == 2  # 2 in most, 1 in Kapchenko
    assert bars[("military-collegium", PUBLISHED, "term:10")] == 9
    assert bars[("special-board-oso", PUBLISHED, "exile")] == 37
    assert bars[("special-board-oso", PUBLISHED, "ban")] == 1
    assert (
        sum(v for (t, m, _), v in bars.items() if t == "military-collegium" and m == PUBLISHED)
        == 30
    )  # = published total


def test_tribunal_unknown_group_has_named_bars_only(pane: ChartPane) -> None:
    sets = [
        (s.property(TRIBUNAL_PROPERTY), s.property(MEASURE_PROPERTY))
        for s in _series(pane).barSets()
    ]
    assert ("unknown", NAMED) in sets and ("unknown", PUBLISHED) not in sets
    assert (
        sets.index(("military-collegium", PUBLISHED))
        < sets.index(("military-collegium", NAMED))
        < sets.index(("special-board-oso", PUBLISHED))
    )


def test_axes_legend_no_animation(pane: ChartPane) -> None:
    chart = _view(pane).chart()
    assert chart.animationOptions() == QChart.AnimationOption.NoAnimation
    assert chart.legend().isVisible()
    y_axis = chart.axes(Qt.Orientation.Vertical)[0]
    x_axis = chart.axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(y_axis, QValueAxis) and y_axis.titleText() == "number of people"
    assert x_axis.titleText().startswith("1935 sentence")
    assert y_axis.min() == 0 and y_axis.max() >= max(bars_of(pane).values())
    assert [s.label() for s in _series(pane).barSets()][:2] == [
        "Military Collegium, published",
        "Military Collegium, named",
    ]


def test_bar_sets_differ_without_colour(pane: ChartPane) -> None:
    # Greyscale printing keeps only lightness and the brush pattern.
    looks = {
        (s.brush().style(), round(s.brush().color().lightnessF(), 1))
        for s in _series(pane).barSets()
    }
    assert len(looks) == len(_series(pane).barSets())


def test_narrow_pane_shortens_labels_instead_of_eliding(pane: ChartPane, qtbot: QtBot) -> None:
    labels = [s.label() for s in _series(pane).barSets()]
    assert "Special Board (OSO), named" in labels
    pane.resize(800, 450)
    qtbot.waitUntil(lambda: "OSO, named" in [s.label() for s in _series(pane).barSets()])
    axis = _view(pane).chart().axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(axis, QBarCategoryAxis) and "res. ban" in axis.categories()
    assert "res. ban: ban on residence" in axis.titleText()
    pane.resize(1240, 650)
    qtbot.waitUntil(lambda: [s.label() for s in _series(pane).barSets()] == labels)


# -- clicks --------------------------------------------------------------------------------


def _bar_point(p: ChartPane, tribunal: str, measure: str, outcome: str) -> QPoint:
    """Viewport position of the middle of one bar, from the chart's own geometry."""
    view = _view(p)
    chart = view.chart()
    series = _series(p)
    sets: list[QBarSet] = series.barSets()
    j = next(
        k
        for k, s in enumerate(sets)
        if (s.property(TRIBUNAL_PROPERTY), s.property(MEASURE_PROPERTY)) == (tribunal, measure)
    )
    i = _outcomes(p).index(outcome)
    width = series.barWidth()
    x = i - width / 2 + (j + 0.5) * width / len(sets)
    pos = chart.mapToPosition(QPointF(x, sets[j].at(i) / 2), series)
    return view.mapFromScene(chart.mapToScene(pos))


def people_by_sql(archive: Archive, tribunal: str, outcome: str) -> set[str]:
    """Ids of the people whose verdict falls in (tribunal, outcome), by plain SQL."""
    with archive.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT p.id, s.kind, s.years FROM sentence s JOIN person p ON p.pk = s.person_pk "
                "WHERE s.stage = 'verdict' AND s.tribunal = :t"
            ),
            {"t": tribunal},
        )
        return {pid for pid, kind, years in rows if vocab.outcome_key(kind, years) == outcome}


def people_by_filter(archive: Archive, tribunal: str, outcome: str) -> set[str]:
    """Ids the People pane shows for the emitted filter."""
    query = ListQuery().with_filter("tribunal", tribunal).with_filter("outcome", outcome)
    with archive.connect() as conn:
        pks = listing.snapshot(conn, PEOPLE, query)
        rows = listing.rows_by_pks(conn, PEOPLE, pks)
    assert len(rows) == len(pks)
    return {r.id for r in rows}


def test_clicking_each_named_bar_filters_to_exactly_its_people(
    pane: ChartPane, archive: Archive, qtbot: QtBot
) -> None:
    named = [k for k in bars_of(pane) if k[1] == NAMED]
    assert len(named) >= 10
    for tribunal, measure, outcome in named:
        with (
            qtbot.waitSignal(pane.named_bar_clicked, timeout=30_000) as blocker,
            qtbot.assertNotEmitted(pane.published_bar_clicked),
        ):
            qtbot.mouseClick(
                _view(pane).viewport(),
                Qt.MouseButton.LeftButton,
                pos=_bar_point(pane, tribunal, measure, outcome),
            )
        assert blocker.args == [tribunal, outcome]
        got = people_by_filter(archive, *blocker.args)
        assert got == people_by_sql(archive, tribunal, outcome)
        assert len(got) == bars_of(pane)[(tribunal, NAMED, outcome)]


def test_clicking_a_published_bar_names_the_tally_and_its_sources(
    pane: ChartPane, qtbot: QtBot
) -> None:
    with (
        qtbot.waitSignal(pane.published_bar_clicked, timeout=30_000) as blocker,
        qtbot.assertNotEmitted(pane.named_bar_clicked),
    ):
        qtbot.mouseClick(
            _view(pane).viewport(),
            Qt.MouseButton.LeftButton,
            pos=_bar_point(pane, "military-collegium", PUBLISHED, "death"),
        )
    assert blocker.args == ["military-collegium", "death"]
    count = pane.count("military-collegium", "death")
    assert count is not None
    assert {s for s, _ in count.published_by} == {
        "kapchenko-polbio",
        "koshel-kniga87",
        "petrov-jansen-ezhov",
        "prudnikova-dvoynoy",
    }


def test_bars_without_a_figure_emit_nothing(pane: ChartPane, qtbot: QtBot) -> None:
    with (
        qtbot.assertNotEmitted(pane.named_bar_clicked),
        qtbot.assertNotEmitted(pane.published_bar_clicked),
    ):
        pane.activate_bar("unknown", PUBLISHED, "exile")  # no source gives a figure
        pane.activate_bar("special-board-oso", NAMED, "exile")  # nobody named
        pane.activate_bar("military-collegium", NAMED, "no-such-category")


# -- tooltips ------------------------------------------------------------------------------


def test_disputed_tooltip_lists_every_sources_figure(pane: ChartPane) -> None:
    tip = pane.tooltip("military-collegium", PUBLISHED, "death")
    assert "Published: <b>2</b>" in tip and "they disagree" in tip
    assert "1 — Политическая биография Сталина" in tip
    assert "2 — Пётр Кошель" in tip
    assert "Named in the archive: <b>2</b> (2 of 2 named)" in tip


def test_tooltip_names_the_cut_off_row_and_the_range(pane: ChartPane) -> None:
    ban = pane.tooltip("special-board-oso", PUBLISHED, "ban")
    assert "? — Пётр Кошель" in ban and "not counted: count not visible" in ban
    five = pane.tooltip("special-board-oso", NAMED, "term:5")
    assert "42 — " in five and "not counted: a range of terms" in five
    assert "1 of 29 named" in five


def test_unknown_tribunal_tooltip_says_no_figure(pane: ChartPane) -> None:
    tip = pane.tooltip("unknown", NAMED, "exile")
    assert "tribunal unknown" in tip and "no source gives a figure" in tip
    assert "8 named" in tip


def test_hovering_a_bar_shows_its_tooltip(pane: ChartPane, qtbot: QtBot) -> None:
    qtbot.mouseMove(
        _view(pane).viewport(), _bar_point(pane, "special-board-oso", PUBLISHED, "exile")
    )
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "exile" in QToolTip.text(), timeout=30_000)
    assert QToolTip.text() == pane.tooltip("special-board-oso", PUBLISHED, "exile")
    QToolTip.hideText()


def test_tooltip_escapes_archive_text() -> None:
    count = OutcomeCount("military-collegium", "death", "death", 0, 1, 1, (("<src>", 1),))
    note = UncountedFigure(
        "military-collegium", "death", "x", "<i>Evil</i> & co", None, "<script>alert(1)</script>"
    )
    tip = bar_tooltip(
        count, "military-collegium", "death", PUBLISHED, {"<src>": "<b>Bold</b>"}, [note]
    )
    assert "<b>Bold</b>" not in tip and "&lt;b&gt;Bold&lt;/b&gt;" in tip
    assert "<script>" not in tip and "&lt;script&gt;" in tip
    assert "&lt;i&gt;Evil&lt;/i&gt; &amp; co" in tip


def test_chart_labels_escape_archive_text(qtbot: QtBot) -> None:
    hostile = "<i>x</i> & <b>y</b>"
    counts = [
        OutcomeCount(hostile, "death", "death", 0, 3, 2, (("s", 2),)),
        OutcomeCount(hostile, "<u>odd</u>", "odd", 5, 1, None, ()),
    ]
    chart = build_chart(counts)
    series = chart.series()[0]
    assert isinstance(series, QBarSeries)
    assert [s.label() for s in series.barSets()] == [
        "&lt;i&gt;x&lt;/i&gt; &amp; &lt;b&gt;y&lt;/b&gt;, published",
        "&lt;i&gt;x&lt;/i&gt; &amp; &lt;b&gt;y&lt;/b&gt;, named",
    ]
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(axis, QBarCategoryAxis)
    assert axis.categories() == ["death", "&lt;u&gt;odd&lt;/u&gt;"]
    chart.deleteLater()


def test_totals_line_compares_named_with_published_totals(pane: ChartPane) -> None:
    assert pane.totals.text() == (
        "Military Collegium: 16 of 30 convicted named here · "
        "Special Board (OSO): 1 of 80 convicted named here · "
        "Tribunal unknown: 42 named here (no published total); "
        "32 of them with neither court nor sentence known"  # as the case summary says
    )
    assert outcome_text.totals_line([], {}) == ""


# -- following the archive -----------------------------------------------------------------


@pytest.fixture(scope="module")
def other_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """Bundled data with one more OSO verdict (exile) and a new published OSO death figure."""
    data = load(DEFAULT_DATA)
    person = next(
        p
        for p in data.tables["people"]
        if p["id"]
        not in {s["person_id"] for s in data.tables["sentences"] if s["stage"] == "verdict"}
    )
    data.tables["sentences"].append(
        {
            "id": "s-extra",
            "person_id": person["id"],
            "stage": "verdict",
            "tribunal": "special-board-oso",
            "date": "1935-07-14",
            "date_precision": "day",
            "kind": "exile",
            "years": "3",
            "notes": None,
            "source_ids": "koshel-kniga87",
            "confidence": "low",
        }
    )
    data.tables["tallies"].append(
        {
            "id": "tx",
            "tribunal": "special-board-oso",
            "category": "death",
            "years": None,
            "count": "4",
            "label": "made up",
            "source_id": "koshel-kniga87",
            "note": None,
        }
    )
    path = write_source_data(data, tmp_path_factory.mktemp("other") / "other.sqlite")
    archive = open_archive(Path(path))
    yield archive
    archive.close()


def test_chart_follows_the_open_archive(pane: ChartPane, other_archive: Archive) -> None:
    before = bars_of(pane)
    pane.set_source(other_archive)
    after = bars_of(pane)
    assert after == {**published_by_sql(other_archive), **named_by_sql(other_archive)}
    assert after[("special-board-oso", NAMED, "exile")] == 1
    assert after[("special-board-oso", PUBLISHED, "death")] == 4
    assert ("special-board-oso", NAMED, "exile") not in before
    with other_archive.connect() as conn:
        assert pane.counts() == outcome_counts(conn)


def test_empty_chart_says_so(qtbot: QtBot) -> None:
    p = ChartPane()
    qtbot.addWidget(p)
    assert p.counts() == [] and "no 1935 verdicts" in p.totals.text()
    (series,) = p.chart().series()  # a hidden pane builds its chart when asked for it
    assert isinstance(series, QBarSeries) and series.barSets() == []


def test_a_hidden_pane_builds_its_chart_when_first_shown(qtbot: QtBot, archive: Archive) -> None:
    p = ChartPane()
    qtbot.addWidget(p)
    p.set_source(archive)  # at start-up the chart tab is behind People
    assert p.counts() and _view(p).chart().series() == []  # numbers read, nothing drawn yet
    p.show()
    qtbot.waitExposed(p)
    assert len(_series(p).barSets()) > 0


# -- export --------------------------------------------------------------------------------


def test_save_png_at_the_pane_size(pane: ChartPane, tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    pane.save_image(out)
    image = QImage(str(out))
    assert image.size() == _view(pane).size()
    assert image.pixelColor(2, 2).name() == "#ffffff"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]


def test_save_svg(pane: ChartPane, tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    pane.save_image(out)
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "How the 1935 sentences fell" in svg


def test_save_failures_raise_oserror_naming_the_problem(pane: ChartPane, tmp_path: Path) -> None:
    with pytest.raises(OSError, match=r"\.png or \.svg"):
        pane.save_image(tmp_path / "chart.jpg")
    missing = tmp_path / "no-such-folder" / "chart.png"
    with pytest.raises(OSError, match="no-such-folder"):
        pane.save_image(missing)
    assert list(tmp_path.iterdir()) == []


def test_render_image_for_printing(qtbot: QtBot, archive: Archive) -> None:
    with archive.connect() as conn:
        counts = outcome_counts(conn)
    image = render_image(counts, 900, 500)
    assert (image.width(), image.height()) == (900, 500)
    assert image.pixelColor(0, 0).name() == "#ffffff"
    dark = sum(
        1
        for x in range(0, 900, 3)
        for y in range(0, 500, 3)
        if image.pixelColor(x, y).lightness() < 80
    )
    assert dark > 300  # bars and text were drawn


# -- scale ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_chart_of_3m_people_counts_every_verdict(qtbot: QtBot) -> None:
    # How fast it appears is a `make bench` figure; here: the summary table is right.
    synth = pytest.importorskip("db.synth")
    big = open_archive(Path(synth.cached_archive(3_000_000)))
    try:
        p = ChartPane()
        qtbot.addWidget(p)
        p.resize(1240, 650)
        p.show()
        qtbot.waitExposed(p)
        p.set_source(big)
        _view(p).viewport().repaint()  # the new chart painted, synchronously
        with big.connect() as conn:
            verdicts = conn.execute(
                text("SELECT count(*) FROM sentence WHERE stage = 'verdict'")
            ).scalar()
        assert sum(c.named for c in p.counts()) == verdicts
    finally:
        big.close()


# -- language -------------------------------------------------------------------------------


def test_a_language_change_rebuilds_the_chart_with_the_same_numbers(
    pane: ChartPane, english: None
) -> None:
    before = bars_of(pane)
    language.apply("ru")  # the pane gets LanguageChange and builds the chart again
    chart = pane.chart()
    x_axis, y_axis = (
        chart.axes(Qt.Orientation.Horizontal)[0],
        chart.axes(Qt.Orientation.Vertical)[0],
    )
    assert "Приговоры 1935 года" in chart.title()
    assert y_axis.titleText() == "Число людей" and x_axis.titleText().startswith("Приговор 1935 г")
    # 1240 pixels hold the English legend whole but not the Russian tribunals' full names:
    # the short forms, rather than entries cut before the words that tell them apart
    assert isinstance(x_axis, QBarCategoryAxis) and x_axis.categories()[0] == "расстр."
    labels = [s.label() for s in _series(pane).barSets()]
    assert "ВК ВС СССР: опубл." in labels and "ВК ВС СССР: поимённо" in labels
    assert pane.totals.text().startswith("Военная коллегия Верховного суда СССР: в архиве поимённо")
    assert "(столбец «поимённо»)" in pane.tooltip("military-collegium", NAMED, "death")
    assert bars_of(pane) == before
    pane.resize(2400, 650)  # room for the full names
    labels = [s.label() for s in _series(pane).barSets()]
    assert "Военная коллегия Верховного суда СССР: опубликовано" in labels
    language.apply("en")
    assert pane.chart().axes(Qt.Orientation.Vertical)[0].titleText() == "number of people"
    assert "Military Collegium, published" in [s.label() for s in _series(pane).barSets()]


@pytest.mark.parametrize("width", [790, 1240])
def test_bars_carry_their_values_at_the_usual_widths(
    pane: ChartPane, qtbot: QtBot, width: int
) -> None:
    pane.resize(width, 650)
    qtbot.waitUntil(lambda: pane.width() == width)
    series = _series(pane)
    assert series.isLabelsVisible()
    assert series.labelsFormat() == "@value"


def test_a_palette_change_recolours_the_chart(pane: ChartPane, qtbot: QtBot) -> None:
    from PySide6.QtGui import QPalette

    from app.appearance import dark_palette

    chart = pane.chart()
    assert chart.backgroundBrush().color() == pane.palette().color(QPalette.ColorRole.Base)
    pane.setPalette(dark_palette())
    base = dark_palette().color(QPalette.ColorRole.Base)
    qtbot.waitUntil(lambda: pane.chart().backgroundBrush().color() == base)
    text = dark_palette().color(QPalette.ColorRole.Text)
    assert pane.chart().legend().labelColor() == text


def test_a_bar_menu_opens_copies_and_offers_the_window_s_chart_actions(
    pane: ChartPane, qtbot: QtBot, english: None
) -> None:
    from PySide6.QtGui import QGuiApplication

    save = QAction("Save outcome chart…", pane)
    pane.set_menu_actions([save])
    named = next(c for c in pane.counts() if c.named > 0)
    menu = pane.bar_menu(named.tribunal, NAMED, named.outcome)
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.objectName() for a in entries[:2]] == ["chartBarOpenAction", "chartBarCopyAction"]
    assert entries[2] is save and entries[0].isEnabled()
    with qtbot.waitSignal(pane.named_bar_clicked) as opened:
        entries[0].trigger()
    assert opened.args == [named.tribunal, named.outcome]
    with qtbot.waitSignal(pane.copied):
        entries[1].trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.endswith(f"(named bar): {vocab.format_number(named.named)}")
    assert outcome_text.tribunal_label(named.tribunal) in copied
    menu.deleteLater()


def test_a_bar_without_a_figure_cannot_be_opened_from_its_menu(pane: ChartPane) -> None:
    blank = next(c for c in pane.counts() if c.published is None)
    menu = pane.bar_menu(blank.tribunal, PUBLISHED, blank.outcome)
    opener = menu.findChild(QAction, "chartBarOpenAction")
    assert opener is not None and not opener.isEnabled()
    assert pane.bar_text(blank.tribunal, PUBLISHED, blank.outcome).endswith(": no figure")
    menu.deleteLater()


def test_a_right_click_over_a_hovered_bar_builds_its_menu(pane: ChartPane) -> None:
    shown: list[list[str]] = []

    def record(menu: QMenu, _pos: QPoint) -> None:
        shown.append([a.objectName() for a in menu.actions()])

    pane.exec_menu = record
    pane._on_context_menu(QPoint(5, 5))  # nothing under the pointer: no menu
    assert shown == []
    series = _series(pane)
    bar_set = series.barSets()[0]
    series.hovered.emit(True, 0, bar_set)
    pane._on_context_menu(QPoint(5, 5))
    assert shown and shown[0][:2] == ["chartBarOpenAction", "chartBarCopyAction"]
