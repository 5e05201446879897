"""Window state: what one run saves, the next run on the same settings file restores.

The restart tests build the real app (``make_app``) twice on one INI file in ``tmp_path``:
the first run changes layout, sort, tab and item and closes (which saves); the second shows
them again.  The tab rules alone run on a light app (a window with four tabs, a navigator).
Values the next run cannot use (a deleted item, a tab that no longer exists, bytes that are
no Qt state, an unknown sort) leave the default in place and never stop the start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app import window_state
from app.bootstrap import App
from app.controller import ArchiveController
from app.dialogs import Dialogs
from app.navigation import Navigator
from app.settings import Settings
from app.widgets.main_window import MainWindow
from app.window_state import PANE_NAMES
from db import Archive
from db.dto import Ref

MakeApp = Callable[..., App]


def test_restart_restores_layout_sort_tab_and_item(make_app: MakeApp, tmp_path: Path) -> None:
    ini = tmp_path / "restart.ini"
    first = make_app(ini)
    first.window.resize(761, 555)  # the offscreen screen is 800×600
    first.window.splitter.setSizes([600, 500])
    first.panes["person"].view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    first.panes["event"].columns.automatic = False  # as a drag of a column edge does
    first.panes["event"].view.setColumnWidth(1, 333)
    first.navigator.go(Ref("event", "ev-1934-kirov"))
    sizes = first.window.splitter.sizes()
    first.window.close()

    second = make_app(ini)
    assert second.window.size().width() == 761 and second.window.size().height() == 555
    assert second.window.splitter.sizes() == sizes
    assert second.panes["person"].model.query.sort == "role"
    assert second.panes["person"].model.query.descending
    assert second.panes["event"].view.columnWidth(1) == 333
    assert second.navigator.current == Ref("event", "ev-1934-kirov")
    assert second.window.tabs.currentWidget() is second.panes["event"]
    assert second.panes["event"].current_id() == "ev-1934-kirov"


def light_app(window: MainWindow, settings: Settings, archive: Archive) -> App:
    """What restore/save touch, without the panes: a window with four tabs and a navigator."""
    for i in range(4):
        window.add_pane(QWidget(), f"Tab {i}", f"Ctrl+{i + 1}")
    controller = ArchiveController(archive, window)
    return App(window, Navigator(window), controller, settings, Dialogs())


def test_a_tab_without_an_item_is_restored_as_saved(
    qtbot: QtBot, tmp_path: Path, archive: Archive
) -> None:
    first, second = MainWindow(), MainWindow()
    for w in (first, second):
        qtbot.addWidget(w)
    before = light_app(first, Settings(tmp_path / "s.ini"), archive)
    before.window.tabs.setCurrentIndex(3)
    window_state.save(before)
    after = light_app(second, Settings(tmp_path / "s.ini"), archive)
    window_state.restore(after)
    assert after.window.tabs.currentIndex() == 3 and after.navigator.current is None


def test_restart_restores_the_saved_tab_even_when_the_item_is_in_another_pane(
    make_app: MakeApp, tmp_path: Path
) -> None:
    ini = tmp_path / "restart.ini"
    first = make_app(ini)
    first.navigator.go(Ref("person", "kamenev-lev"))
    first.window.tabs.setCurrentWidget(first.chart)
    first.window.close()

    second = make_app(ini)
    assert second.navigator.current == Ref("person", "kamenev-lev")
    assert second.window.tabs.currentWidget() is second.chart


def test_a_saved_item_the_archive_no_longer_has_falls_back_to_the_welcome_page(
    make_app: MakeApp, tmp_path: Path
) -> None:
    ini = tmp_path / "gone.ini"
    settings = Settings(ini)
    settings.current_item = "archive://person/deleted-since"
    settings.sync()
    app = make_app(ini)
    assert app.window.detail.ref is None
    assert app.controller.info.title in app.window.detail.plain_text()
    assert "deleted-since" in app.window.statusBar().currentMessage()


@pytest.mark.parametrize(("saved", "shown"), [(-5, 0), (99, 3)])
def test_the_saved_tab_is_kept_within_the_tabs_there_are(
    qtbot: QtBot, tmp_path: Path, archive: Archive, saved: int, shown: int
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    settings = Settings(tmp_path / "tab.ini")
    settings.current_tab = saved
    app = light_app(window, settings, archive)
    window_state.restore(app)
    assert app.window.tabs.currentIndex() == shown


def test_unusable_saved_values_never_stop_the_start(make_app: MakeApp, tmp_path: Path) -> None:
    ini = tmp_path / "hostile.ini"
    settings = Settings(ini)
    junk = QByteArray(b"\x00\xffnot a Qt state\x01" * 8)
    settings.geometry = junk
    settings.splitter = junk
    for name in PANE_NAMES.values():
        settings.set_header_state(name, junk)
        settings.set_sort(name, "'; DROP TABLE person; --", True)
    settings.current_item = "javascript:alert(1)"
    settings.sync()
    app = make_app(ini)
    for kind, pane in app.panes.items():
        assert pane.model.query.sort == pane.model.spec.default_sort, kind
        assert pane.model.rowCount() == pane.model.table_total > 0
        assert pane.view.horizontalHeader().count() == len(pane.model.columns)
    assert app.navigator.current is None
    assert app.controller.info.title in app.window.detail.plain_text()


def test_restart_restores_tab_filters_search_text_and_history(
    qtbot: QtBot, make_app: MakeApp, tmp_path: Path
) -> None:
    ini = tmp_path / "remembered.ini"
    first = make_app(ini)
    people = first.panes["person"]
    people.set_combo_filter("tribunal", "military-collegium")
    first.panes["document"].set_combo_filter("year", "1935")
    first.search.set_text("Ежов")
    trail = [
        Ref("person", "kamenev-lev"),
        Ref("event", "ev-1934-kirov"),
        Ref("person", "cherniavsky-mikhail"),
    ]
    for ref in trail:
        first.navigator.go(ref)
    first.navigator.back()
    first.window.tabs.setCurrentWidget(first.sources)
    first.search.wait()
    first.window.close()

    second = make_app(ini)
    assert second.window.tabs.currentWidget() is second.sources
    assert second.panes["person"].combo_filters() == {"tribunal": "military-collegium"}
    assert second.panes["person"].model.query.filters == (("tribunal", "military-collegium"),)
    assert second.panes["document"].combo_filters() == {"year": "1935"}
    assert second.search.text() == "Ежов"
    assert second.navigator.history == tuple(trail)
    assert second.navigator.current == Ref("event", "ev-1934-kirov")
    assert second.navigator.can_go_back() and second.navigator.can_go_forward()
    second.search.wait()


def test_the_history_is_restored_showing_only_its_current_entry(
    qtbot: QtBot, tmp_path: Path, archive: Archive
) -> None:
    nav = Navigator()
    shown: list[object] = []
    nav.current_changed.connect(shown.append)
    refs = [Ref("person", "kamenev-lev"), Ref("person", "cherniavsky-mikhail")]
    window_state.restore_history(nav, refs, 0)
    assert nav.history == tuple(refs) and nav.index == 0
    assert shown == [refs[0]]


def test_hidden_columns_and_fitted_widths_survive_a_restart(
    make_app: MakeApp, tmp_path: Path
) -> None:
    ini = tmp_path / "columns.ini"
    first = make_app(ini)
    first.panes["person"].columns.set_hidden(["role", "death_year"])
    first.window.close()

    second = make_app(ini)
    assert second.panes["person"].columns.hidden() == ["role", "death_year"]
    assert second.panes["person"].columns.automatic


def test_unreadable_remembered_values_are_ignored(make_app: MakeApp, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    ini = tmp_path / "junk.ini"
    qs = QSettings(str(ini), QSettings.Format.IniFormat)
    qs.setValue("panes/peoplePane/filters", "{not json")
    qs.setValue(
        "panes/peoplePane/hidden",
        '["name", "name_ru", "role", "tribunal", "sentence", "birth_year", "death_year"]',
    )
    qs.setValue("navigation/history", '{"items": ["javascript:x", 3], "index": "a"}')
    qs.sync()
    app = make_app(ini)
    pane = app.panes["person"]
    assert pane.combo_filters() == {} and pane.columns.hidden() == []
    assert app.navigator.current is None


def test_a_chart_bar_chip_and_the_combos_set_after_it_survive_a_restart(
    make_app: MakeApp, tmp_path: Path
) -> None:
    ini = tmp_path / "chip.ini"
    first = make_app(ini)
    first.list_actions.show_outcome_in_people("military-collegium", "death")
    first.panes["person"].set_combo_filter("role", "defendant")
    rows = first.panes["person"].model.rowCount()
    chip = first.panes["person"].chip.text()
    first.window.close()

    second = make_app(ini)
    people = second.panes["person"]
    assert people.chip.isVisibleTo(people) and people.chip.text() == chip
    assert people.combo_filters() == {"role": "defendant"}
    assert people.model.rowCount() == rows > 0
    assert second.list_actions.people_chip() == {
        "tribunal": "military-collegium",
        "outcome": "death",
    }


def test_a_search_chip_survives_a_restart_and_a_removed_chip_stays_removed(
    qtbot: QtBot, make_app: MakeApp, tmp_path: Path
) -> None:
    ini = tmp_path / "search-chip.ini"
    first = make_app(ini)
    first.search.set_text("Rozenfeld")
    qtbot.waitUntil(lambda: first.search.results.query == "Rozenfeld")
    first.list_actions.show_search_in_people()
    rows = first.panes["person"].model.rowCount()
    assert 0 < rows < 99
    first.window.close()

    second = make_app(ini)
    people = second.panes["person"]
    assert people.chip.isVisibleTo(people) and "Rozenfeld" in people.chip.text()
    assert people.model.rowCount() == rows
    people.clear_extra_filters()
    second.search.wait()
    second.window.close()

    third = make_app(ini)
    assert not third.panes["person"].chip.isVisibleTo(third.panes["person"])
    assert third.panes["person"].model.rowCount() == 99
    third.search.wait()


def test_a_chip_saved_with_strange_values_is_ignored(make_app: MakeApp, tmp_path: Path) -> None:
    ini = tmp_path / "odd.ini"
    settings = Settings(ini)
    window_state.Remembered(settings).set_people_chip({"search": "x", "tribunal": "y"})
    settings.sync()
    app = make_app(ini)
    assert not app.panes["person"].chip.isVisibleTo(app.panes["person"])
