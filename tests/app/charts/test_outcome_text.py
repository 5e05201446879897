"""The chart's words without Qt: which bars a chart has, category and legend labels (short
forms for narrow charts), tooltips and the totals line — archive text always escaped."""

from __future__ import annotations

import pytest

from app.charts.outcome_text import (
    NAMED,
    PUBLISHED,
    ChartLayout,
    axis_label,
    bar_tooltip,
    category_description,
    category_label,
    heading,
    n_of_n,
    set_label,
    totals_line,
    tribunal_label,
)
from db.dto import OutcomeCount
from db.outcomes import UncountedFigure
from tests.app.pages.html_tree import parse
from tests.app.ui_texts import russian

__all__ = ["russian"]

MC, OSO = "military-collegium", "special-board-oso"
HOSTILE = '<img src=x> & "q"'


def count(
    tribunal: str,
    outcome: str,
    named: int,
    published: int | None = None,
    by: tuple[tuple[str, int], ...] = (),
    position: int = 0,
) -> OutcomeCount:
    return OutcomeCount(tribunal, outcome, outcome, position, named, published, by)


# -- layout --------------------------------------------------------------------------------


def test_categories_follow_their_axis_position_then_their_key() -> None:
    layout = ChartLayout.of(
        [
            count(OSO, "exile", 1, position=200),
            count(MC, "death", 2, position=0),
            count(MC, "term:5", 1, position=95),
            count(OSO, "b-tie", 1, position=95),
        ]
    )
    assert layout.outcomes == ("death", "b-tie", "term:5", "exile")


def test_tribunals_come_in_vocabulary_order_unknown_keys_last() -> None:
    keys = ["zz-court", "unknown", OSO, MC, "aa-court"]
    layout = ChartLayout.of([count(t, "death", 1) for t in keys])
    tribunals = list(dict.fromkeys(t for t, _ in layout.bar_sets))
    assert tribunals == [MC, OSO, "unknown", "aa-court", "zz-court"]


def test_a_tribunal_gets_a_published_set_only_when_a_source_gives_a_figure() -> None:
    layout = ChartLayout.of(
        [
            count(MC, "death", 2, published=2),
            count(OSO, "exile", 0, published=30),  # published, nobody named
            count("unknown", "death", 4),  # named, nothing published
            count("nkvd-troika", "death", 0),  # neither: still one (empty) named set
        ]
    )
    assert layout.bar_sets == (
        (MC, PUBLISHED),
        (MC, NAMED),
        (OSO, PUBLISHED),
        ("nkvd-troika", NAMED),
        ("unknown", NAMED),
    )


def test_bar_heights_are_the_counts_and_zero_where_there_is_no_figure() -> None:
    layout = ChartLayout.of([count(MC, "death", 2, published=5), count(OSO, "exile", 7)])
    assert layout.value(MC, PUBLISHED, "death") == 5
    assert layout.value(MC, NAMED, "death") == 2
    assert layout.value(OSO, PUBLISHED, "exile") == 0  # published None
    assert layout.value(MC, NAMED, "exile") == 0  # no such category for the tribunal


# -- labels --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "label", "description"),
    [
        ("death", "death", "death"),
        ("term:10", "10 yrs", "prison or camp, 10 years"),
        ("term:1", "1 yr", "prison or camp, 1 year"),
        ("term:?", "prison/camp, term unknown", "prison or camp, term unknown"),
        ("ban", "ban on residence", "ban on residence"),
        ("unknown", "sentence unknown", "sentence unknown"),
        ("something-new", "something-new", "something-new"),
    ],
)
def test_category_labels_and_descriptions(outcome: str, label: str, description: str) -> None:
    assert (category_label(outcome), category_description(outcome)) == (label, description)


@pytest.mark.parametrize(
    ("outcome", "wide", "compact"),
    [
        ("death", "death", "death"),
        ("term:10", "10 yrs", "10 yrs"),
        ("ban", "ban on<br>residence", "res. ban"),
        ("none", "none /<br>released", "released"),
        ("unknown", "sentence<br>unknown", "?"),
        ("term:?", "prison/camp,<br>term unknown", "? yrs"),
        ("no-verdict", "no verdict", "no verdict"),
    ],
)
def test_axis_labels_break_long_labels_and_shorten_them_when_narrow(
    outcome: str, wide: str, compact: str
) -> None:
    assert axis_label(outcome) == wide
    assert axis_label(outcome, compact=True) == compact


def test_axis_labels_escape_unknown_category_keys() -> None:
    label = axis_label("a <b>verdict</b> & more")
    assert label == "a &lt;b&gt;verdict&lt;/b&gt;<br>&amp; more"
    tree = parse(label)
    assert [e.tag for e in tree.all()] == ["br"]
    assert tree.text() == "a <b>verdict</b>\n& more"


@pytest.mark.parametrize(
    ("tribunal", "measure", "wide", "compact"),
    [
        (MC, PUBLISHED, "Military Collegium, published", "Mil. Collegium, published"),
        (OSO, NAMED, "Special Board (OSO), named", "OSO, named"),
        ("unknown", NAMED, "tribunal unknown, named", "trib. unknown, named"),
        ("a<b>", NAMED, "a&lt;b&gt;, named", "a&lt;b&gt;, named"),
    ],
)
def test_legend_labels(tribunal: str, measure: str, wide: str, compact: str) -> None:
    assert set_label(tribunal, measure) == wide
    assert set_label(tribunal, measure, compact=True) == compact


@pytest.mark.parametrize(
    ("tribunal", "label", "head"),
    [
        (MC, "Military Collegium", "Military Collegium"),
        ("unknown", "tribunal unknown", "Tribunal unknown"),
        ("x-court", "x-court", "X-court"),
    ],
)
def test_tribunal_names_and_headings(tribunal: str, label: str, head: str) -> None:
    assert (tribunal_label(tribunal), heading(tribunal)) == (label, head)


@pytest.mark.parametrize(
    ("named", "published", "text"),
    [(3, 9, "3 of 9 named"), (1234, 5678, "1,234 of 5,678 named"), (3, None, "3 named")],
)
def test_n_of_n(named: int, published: int | None, text: str) -> None:
    assert n_of_n(named, published) == text


# -- tooltips and totals -------------------------------------------------------------------


def _tooltip_lines(markup: str) -> list[str]:
    tree = parse(markup)
    assert tree.find("div").attrs["style"] == "white-space:pre"
    return tree.text().split("\n")


def test_tooltip_lists_the_figure_every_source_gives() -> None:
    c = count(MC, "term:5", 3, published=9, by=(("koshel", 9), ("prudnikova", 9)))
    lines = _tooltip_lines(bar_tooltip(c, MC, "term:5", PUBLISHED, {"koshel": "Кошель"}))
    assert lines == [
        "prison or camp, 5 years — Military Collegium (published bar)",
        "Published: 9",
        "    9 — Кошель",
        "    9 — prudnikova",
        "Named in the archive: 3 (3 of 9 named)",
    ]


def test_tooltip_says_when_the_sources_disagree() -> None:
    c = count(MC, "death", 2, published=2, by=(("a", 2), ("b", 1), ("c", 2)))
    lines = _tooltip_lines(bar_tooltip(c, MC, "death", NAMED))
    assert lines[1] == "Published: 2 — the figure most sources give; they disagree"


def test_tooltip_of_a_bar_without_figures_says_so() -> None:
    lines = _tooltip_lines(bar_tooltip(None, "unknown", "death", NAMED))
    assert lines == [
        "death — tribunal unknown (named bar)",
        "Published: no source gives a figure",
        "Named in the archive: 0 (0 named)",
    ]


def test_tooltip_lists_uncounted_figures_with_the_reason() -> None:
    uncounted = [
        UncountedFigure(OSO, "term:*", "prud", "Prudnikova", 13, "three to five years"),
        UncountedFigure(OSO, "ban", "koshel", "Koshel", None, "к запрещению прож…"),
    ]
    c = count(OSO, "term:5", 29, published=29, by=(("koshel", 29),))
    lines = _tooltip_lines(bar_tooltip(c, OSO, "term:5", PUBLISHED, uncounted=uncounted))
    assert lines[3:7] == [
        "    13 — Prudnikova (not counted: a range of terms)",
        "        “three to five years”",
        "    ? — Koshel (not counted: count not visible)",
        "        “к запрещению прож…”",
    ]


def test_tooltip_escapes_and_clips_archive_text() -> None:
    label = HOSTILE + " " + "x" * 200
    c = count(MC, "death", 1, published=1, by=(("src", 1),))
    markup = bar_tooltip(c, MC, "death", PUBLISHED, {"src": label})
    tree = parse(markup)
    assert tree.all("img") == []
    line = tree.text().split("\n")[2]
    assert line.startswith(f"    1 — {HOSTILE} x")
    assert line.endswith("…") and len(line) == len("    1 — ") + 100


def test_totals_line_compares_each_tribunal_with_its_published_total() -> None:
    counts = [
        count(MC, "death", 2, published=2),
        count(MC, "term:10", 1234, published=9),
        count("unknown", "death", 4),
    ]
    assert totals_line(counts, {MC: 30}) == (
        "Military Collegium: 1,236 of 30 convicted named here"
        " · Tribunal unknown: 4 named here (no published total)"
    )


def test_totals_line_of_no_counts_is_empty() -> None:
    assert totals_line([], {MC: 30}) == ""


# -- Russian --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "label"),
    [
        (1, "1 год"),
        (2, "2 года"),
        (5, "5 лет"),
        (11, "11 лет"),
        (21, "21 год"),
        (22, "22 года"),
        (25, "25 лет"),
    ],
)
def test_russian_terms_on_the_axis_take_their_plural_form(
    russian: None, n: int, label: str
) -> None:
    assert category_label(f"term:{n}") == label


@pytest.mark.parametrize(
    ("named", "published", "text"),
    [
        (1, 9, "назван 1 из 9"),
        (2, 9, "названы 2 из 9"),
        (5, None, "названо 5"),
        (11, 30, "названо 11 из 30"),
        (21, None, "назван 21"),
        (22, 30, "названы 22 из 30"),
        (1234, 5678, "названы 1\u00a0234 из 5\u00a0678"),
    ],
)
def test_russian_n_of_n_agrees_with_the_named(
    russian: None, named: int, published: int | None, text: str
) -> None:
    assert n_of_n(named, published) == text


@pytest.mark.parametrize(
    ("total", "convicted"),
    [(1, "осуждённого"), (2, "осуждённых"), (21, "осуждённого"), (25, "осуждённых")],
)
def test_russian_totals_put_the_published_total_in_the_genitive(
    russian: None, total: int, convicted: str
) -> None:
    line = totals_line([count(MC, "death", 1, published=1)], {MC: total})
    assert line.endswith(f"в архиве поимённо 1 из {total} {convicted}")


def test_russian_legend_short_labels_and_tooltip(russian: None) -> None:
    assert set_label(OSO, NAMED, compact=True) == "ОСО: поимённо"
    assert set_label(MC, PUBLISHED, compact=True) == "ВК ВС СССР: опубл."  # fits at 1280 px
    assert set_label(MC, PUBLISHED) == "Военная коллегия Верховного суда СССР: опубликовано"
    assert axis_label("ban", compact=True) == "запрет"
    c = count(MC, "term:5", 3, published=9, by=(("koshel", 9),))
    lines = _tooltip_lines(bar_tooltip(c, MC, "term:5", PUBLISHED, {"koshel": "Кошель"}))
    assert lines[0].endswith("(столбец «опубликовано»)")
    assert lines[1:] == [
        "Опубликовано: 9",
        "    9 — Кошель",
        "В архиве поимённо: 3 (названы 3 из 9)",
    ]
