"""Every text the interface shows of itself, gathered from a live window, and a judge of its
language.

:func:`window_texts` walks menus, actions (text, tooltip, status tip), labels, buttons, combo
items, line-edit placeholders, tab titles, table headers (text and tooltip), accessible names,
the toolbar and the outcome chart (title, axes, categories, legend, every bar's tooltip).
Archive data is not interface: table cells, search hits, the breadcrumb's names and the detail
page (written by :mod:`app.pages`) are left out.

:func:`english_only` finds texts with Latin words and no Cyrillic once proper names, ids,
addresses, file names and a short list of technical names are taken out;
:func:`cyrillic` finds texts with Cyrillic.  The fixtures :func:`russian` and :func:`english`
set the interface language (Qt's catalogues too) and put English back afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QChartView
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)

from app import language
from app.charts.outcome_chart import MEASURE_PROPERTY, TRIBUNAL_PROPERTY
from app.widgets.chart_pane import ChartPane

#: Names and technical words that stay Latin in a Russian interface.
ALLOWED = {
    "PDF",
    "CSV",
    "JSON",
    "BibTeX",
    "RIS",
    "CSL",
    "PNG",
    "SVG",
    "SHA",
    "UTF",
    "BOM",
    "Zotero",
    "EndNote",
    "Mendeley",
    "English",  # the language menu names each language in itself
}
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&[a-z]+;|&#\d+;")
_URL = re.compile(r"https?://\S+|\S+\.(?:sqlite|db|csv|json|pdf|png|svg|bib|ris)\b")
_SLUG = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")  # archive ids: cherniavsky-mikhail
_KEYS = re.compile(r"\b(?:Ctrl|Alt|Shift)(?:\+\w+)+")  # shortcuts: Ctrl+Shift+C
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def plain(text: str) -> str:
    """``text`` without markup, entities and mnemonic ampersands."""
    text = _TAG.sub(" ", text)
    text = _ENTITY.sub(" ", text)
    return text.replace("&", "")


def latin_words(text: str) -> list[str]:
    """The Latin words of ``text`` that are neither allowed names nor ids nor addresses."""
    text = _KEYS.sub(" ", _SLUG.sub(" ", _URL.sub(" ", plain(text))))
    return [w for w in _LATIN_WORD.findall(text) if w not in ALLOWED]


def english_only(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Texts with Latin words left and no Cyrillic at all."""
    return [(where, t) for where, t in texts if latin_words(t) and not _CYRILLIC.search(t)]


def cyrillic(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Texts with Cyrillic letters."""
    return [(where, t) for where, t in texts if _CYRILLIC.search(t)]


# -- the walk ---------------------------------------------------------------------------------


def _action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    name = action.objectName() or action.text()
    yield f"{where} {name} text", action.text()
    yield f"{where} {name} tooltip", action.toolTip()
    yield f"{where} {name} status tip", action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield from _menu_texts(menu, f"{where} › {menu.objectName() or menu.title()}")


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where} title", menu.title()
    for action in menu.actions():
        yield from _action_texts(action, where)


def _table_texts(view: QTableView) -> Iterator[tuple[str, str]]:
    model = view.model()
    header = view.horizontalHeader()
    for section in range(header.count()):
        for role, what in ((0, "header"), (3, "header tooltip")):
            value = model.headerData(section, header.orientation(), role)
            if value:
                yield f"{view.objectName()} {what} {section}", str(value)


def chart_texts(pane: ChartPane) -> Iterator[tuple[str, str]]:
    """Title, axes, categories, legend and every bar's tooltip of the outcome chart."""
    chart = pane.chart()
    yield "chart title", chart.title()
    for axis in chart.axes():
        yield "chart axis title", axis.titleText()
        if isinstance(axis, QBarCategoryAxis):
            for category in axis.categories():
                yield "chart category", category
    for marker in chart.legend().markers():
        yield "chart legend", marker.label()
    layout_outcomes = chart.property("outcomes") or []
    for series in chart.series():
        if not isinstance(series, QBarSeries):
            continue
        for bar_set in series.barSets():
            yield "chart bar set", bar_set.label()
            tribunal = str(bar_set.property(TRIBUNAL_PROPERTY))
            measure = str(bar_set.property(MEASURE_PROPERTY))
            for outcome in layout_outcomes:
                yield (
                    f"chart tooltip {tribunal} {outcome}",
                    pane.tooltip(tribunal, measure, outcome),
                )
    yield "chart totals", pane.totals.text()
    yield "chart accessible name", pane.view.accessibleName()


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    name = widget.objectName() or type(widget).__name__
    yield f"{name} accessible name", widget.accessibleName()
    yield f"{name} tooltip", widget.toolTip()
    if (isinstance(widget, QLabel) and widget.objectName() != "breadcrumb") or isinstance(
        widget, QAbstractButton
    ):
        yield f"{name} text", widget.text()
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{name} item {i}", widget.itemText(i)
    elif isinstance(widget, QLineEdit):
        yield f"{name} placeholder", widget.placeholderText()
    elif isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield f"{name} tab {i}", widget.tabText(i)
            yield f"{name} tab tooltip {i}", widget.tabToolTip(i)
    elif isinstance(widget, QTableView):
        yield from _table_texts(widget)
    elif isinstance(widget, QToolBar):
        yield f"{name} title", widget.windowTitle()
    elif isinstance(widget, QChartView) and isinstance(widget.parent(), ChartPane):
        yield from chart_texts(widget.parent())


def window_texts(window: QMainWindow) -> list[tuple[str, str]]:
    """(where, text) of every non-empty text the window shows of itself."""
    found: list[tuple[str, str]] = [("window title", window.windowTitle())]
    for action in window.menuBar().actions():
        found += _action_texts(action, "menu")
    for action in window.findChildren(QAction):
        found += _action_texts(action, "action")
    for widget in window.findChildren(QWidget):
        found += _widget_texts(widget)
    found.append(("status bar", window.statusBar().currentMessage()))
    return [(where, text) for where, text in found if text and text.strip()]


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def russian() -> Iterator[None]:
    """The interface in Russian for one test (English again afterwards)."""
    language.apply("ru")
    yield
    language.apply("en")


@pytest.fixture
def english() -> Iterator[None]:
    """The interface in English for one test, whatever the system says."""
    language.apply("en")
    yield
    language.apply("en")
