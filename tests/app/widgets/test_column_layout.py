"""Column widths fitted to the rows and the room there is; the header's column chooser.

Built as the app builds it on the bundled archive (``make_app``).  At 1280×720 the People
list needs no sideways scrolling and the longest Cyrillic name is shown whole; a drag of a
column edge stops the fitting; the chooser hides and shows columns, never the last one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import App
from app.models.columns import PEOPLE_COLUMNS
from tests.conftest import BUNDLED

MakeApp = Callable[..., App]
ATTRS = [c.attr for c in PEOPLE_COLUMNS]


def _app_at(qtbot: QtBot, make_app: MakeApp, width: int, height: int) -> App:
    app = make_app()
    app.window.resize(width, height)
    pane = app.panes["person"]
    qtbot.waitUntil(lambda: pane.view.width() > 0)
    QApplication.processEvents()
    return app


def _longest_cyrillic_name() -> str:
    conn = sqlite3.connect(f"file:{BUNDLED}?mode=ro&immutable=1", uri=True)
    try:
        names = [n for (n,) in conn.execute("SELECT name_ru FROM person")]
    finally:
        conn.close()
    return max(names, key=len)


def test_at_1280_by_720_people_need_no_sideways_scrolling(qtbot: QtBot, make_app: MakeApp) -> None:
    pane = _app_at(qtbot, make_app, 1280, 720).panes["person"]
    header = pane.view.horizontalHeader()
    assert header.length() <= pane.view.viewport().width()
    assert pane.view.horizontalScrollBar().maximum() == 0


def test_the_cyrillic_name_is_never_cut(qtbot: QtBot, make_app: MakeApp) -> None:
    pane = _app_at(qtbot, make_app, 1280, 720).panes["person"]
    name = _longest_cyrillic_name()
    needed = QFontMetrics(pane.view.font()).horizontalAdvance(name)
    assert pane.view.columnWidth(ATTRS.index("name_ru")) > needed
    born = pane.view.columnWidth(ATTRS.index("birth_year"))
    assert born < pane.view.columnWidth(ATTRS.index("name_ru")) / 3  # Born stays narrow


def test_a_wider_window_gives_the_room_to_the_columns_that_gave_way(
    qtbot: QtBot, make_app: MakeApp
) -> None:
    app = _app_at(qtbot, make_app, 1280, 720)
    pane = app.panes["person"]
    narrow = pane.view.columnWidth(ATTRS.index("name"))
    app.window.resize(1600, 1000)
    qtbot.waitUntil(lambda: pane.view.columnWidth(ATTRS.index("name")) > narrow)


def test_the_died_column_shows_death_years_and_cannot_sort(qtbot: QtBot, make_app: MakeApp) -> None:
    pane = make_app().panes["person"]
    died = ATTRS.index("death_year")
    assert pane.model.headerData(died, Qt.Orientation.Horizontal) == "Died"
    years = {pane.model.index(r, died).data() for r in range(pane.model.rowCount())}
    assert "1937" in years and "" in years
    before = pane.model.query
    pane.view.horizontalHeader().setSortIndicator(died, Qt.SortOrder.DescendingOrder)
    assert pane.model.query == before
    assert pane.view.horizontalHeader().sortIndicatorSection() != died
    header = pane.view.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(died) + 5, 5)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, header.viewport().mapToGlobal(pos))
    assert pane.columns.eventFilter(header.viewport(), event)


def test_the_chooser_hides_and_shows_columns(qtbot: QtBot, make_app: MakeApp) -> None:
    pane = make_app().panes["person"]
    menu = pane.columns.menu()
    actions = menu.actions()
    assert [a.text() for a in actions] == [c.header for c in PEOPLE_COLUMNS]
    assert all(a.isCheckable() and a.isChecked() for a in actions)
    actions[ATTRS.index("role")].setChecked(False)
    assert pane.view.isColumnHidden(ATTRS.index("role"))
    assert pane.columns.hidden() == ["role"]
    menu.deleteLater()
    again = pane.columns.menu()
    assert not again.actions()[ATTRS.index("role")].isChecked()
    again.actions()[ATTRS.index("role")].setChecked(True)
    assert pane.columns.hidden() == []
    again.deleteLater()


def test_the_last_column_shown_cannot_be_hidden(qtbot: QtBot, make_app: MakeApp) -> None:
    pane = make_app().panes["person"]
    pane.columns.set_hidden(ATTRS[1:])
    assert pane.columns.hidden() == ATTRS[1:]
    pane.columns.set_shown(0, False)
    assert not pane.view.isColumnHidden(0)
    menu = pane.columns.menu()
    assert not menu.actions()[0].isEnabled()
    menu.deleteLater()
    pane.columns.set_hidden(ATTRS)  # all: refused, nothing changes
    assert pane.columns.hidden() == ATTRS[1:]
