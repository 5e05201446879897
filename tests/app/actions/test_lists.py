"""ListActions: export the pane shown, its counts in the status bar, and clearing filters.

Built alone around a main window, a controller on the bundled archive, the three list panes,
a search panel and the fake dialogs (answering the file dialog).  An export writes exactly
the rows the pane shows, in its order, on a worker, and reports a failure once; the status
bar counts the pane on the current tab only; View → Clear filters clears the pane shown and
no other.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app import language
from app.actions.lists import ListActions
from app.bootstrap import App
from app.controller import ArchiveController
from app.widgets.list_pane import ListPane
from app.widgets.main_window import MainWindow
from app.widgets.search_panel import SearchPanel
from tests.app.conftest import FakeDialogs
from tests.app.ui_texts import english

__all__ = ["english"]


@dataclass
class Rig:
    actions: ListActions
    window: MainWindow
    controller: ArchiveController
    panes: dict[str, ListPane]
    search: SearchPanel
    dialogs: FakeDialogs


@pytest.fixture
def rig(
    window: MainWindow,
    controller: ArchiveController,
    panes: dict[str, ListPane],
    fake_dialogs: FakeDialogs,
) -> Rig:
    """ListActions with the status wiring the app makes (tab changes and row selections)."""
    search = SearchPanel(window)
    actions = ListActions(window, controller, panes, search, fake_dialogs.dialogs())
    window.tabs.currentChanged.connect(actions.show_selection)
    for pane in panes.values():
        pane.view.selectionModel().selectionChanged.connect(actions.show_selection)
    return Rig(actions, window, controller, panes, search, fake_dialogs)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_writes_the_rows_the_pane_shows(
    rig: Rig, tmp_path: Path, fmt: str, qtbot: QtBot
) -> None:
    pane = rig.panes["person"]
    pane.set_combo_filter("tribunal", "military-collegium")
    target = tmp_path / f"people.{fmt}"
    rig.dialogs.save_answers.append(target)
    rig.actions.export_current()
    job = rig.actions.export_job
    assert job is not None  # the export runs on the worker, with a progress dialog
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    shown = [pane.model.id_at(r) for r in range(pane.model.rowCount())]
    if fmt == "csv":
        with target.open(encoding="utf-8-sig") as fh:  # a BOM, for spreadsheet programs
            ids = [row["id"] for row in csv.DictReader(fh)]
        about = json.loads((tmp_path / "people.csv.provenance.json").read_text("utf-8"))
    else:
        document = json.loads(target.read_text(encoding="utf-8"))
        ids = [row["id"] for row in document["rows"]]
        about = document["export"]
    assert ids == shown and len(ids) == 16
    assert about["filters"] == {"tribunal": "military-collegium"}
    assert about["data_version"] == rig.controller.info.data_version
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == f".{fmt}") == [target.name]
    assert rig.window.statusBar().currentMessage() == f"Exported 16 people to {target}"
    assert rig.actions.export_job is None


def test_cancelling_the_file_dialog_starts_no_export(rig: Rig, tmp_path: Path) -> None:
    rig.actions.export_current()
    assert rig.actions.export_job is None
    assert rig.dialogs.messages == [] and list(tmp_path.glob("*.csv")) == []


def test_a_failed_export_is_reported_once_and_writes_nothing(
    rig: Rig, tmp_path: Path, qtbot: QtBot
) -> None:
    target = tmp_path / "missing" / "people.csv"
    rig.dialogs.save_answers.append(target)
    rig.actions.export_current()
    job = rig.actions.export_job
    assert job is not None
    with qtbot.waitSignal(job.failed, timeout=30_000):
        pass
    ((title, message),) = rig.dialogs.messages
    assert title == "Export failed" and str(target) in message
    assert not (tmp_path / "missing").exists() and rig.actions.export_job is None


def test_a_second_export_while_one_runs_asks_nothing(
    rig: Rig, tmp_path: Path, qtbot: QtBot
) -> None:
    rig.dialogs.save_answers.extend([tmp_path / "first.csv", tmp_path / "second.csv"])
    rig.actions.export_current()
    running = rig.actions.export_job
    assert running is not None
    rig.actions.export_current()
    assert rig.actions.export_job is running
    assert rig.dialogs.save_answers == [tmp_path / "second.csv"]  # never asked
    with qtbot.waitSignal(running.finished, timeout=30_000):
        pass
    assert (tmp_path / "first.csv").exists() and not (tmp_path / "second.csv").exists()


def test_export_on_a_tab_without_a_list_does_nothing(rig: Rig, tmp_path: Path) -> None:
    rig.window.add_pane(QWidget(), "Outcomes", "Ctrl+4")  # a tab with no list
    rig.window.tabs.setCurrentIndex(3)
    rig.dialogs.save_answers.append(tmp_path / "chart.csv")
    rig.actions.export_current()
    assert rig.actions.export_job is None
    assert rig.dialogs.save_answers == [tmp_path / "chart.csv"]


def test_the_status_bar_counts_selected_rows_not_the_rows_the_list_shows(rig: Rig) -> None:
    w, people = rig.window, rig.panes["person"]
    w.tabs.setCurrentWidget(people)
    assert people.count_label.text() == "99 of 99 people shown"
    assert w.status.text() == ""  # the list's own line says it; the status bar does not repeat
    people.view.selectRow(0)
    assert w.status.text() == ""  # one row: nothing to count
    people.view.selectAll()
    assert w.status.text() == "99 people selected"
    rig.panes["event"].view.selectAll()  # a hidden pane's selection does not show …
    assert w.status.text() == "99 people selected"
    w.tabs.setCurrentWidget(rig.panes["event"])  # … until its tab is current
    assert w.status.text() == "47 events selected"


def test_a_tab_without_a_list_shows_no_selection_count(rig: Rig) -> None:
    w = rig.window
    rig.panes["person"].view.selectAll()
    w.add_pane(QWidget(), "Outcomes", "Ctrl+4")  # a tab with no list, like the chart
    w.tabs.setCurrentIndex(3)
    assert w.status.text() == ""
    w.tabs.setCurrentWidget(rig.panes["person"])
    assert w.status.text() == "99 people selected"


def test_clear_filters_clears_the_pane_shown_and_no_other(rig: Rig) -> None:
    people, events = rig.panes["person"], rig.panes["event"]
    people.set_combo_filter("role", "witness")
    events.set_combo_filter("year", "1937")
    rig.window.tabs.setCurrentWidget(events)
    rig.actions.clear_current_filters()
    assert events.model.rowCount() == 47
    assert people.model.rowCount() == 6


def test_an_empty_search_removes_the_search_filter_from_people(rig: Rig) -> None:
    people = rig.panes["person"]
    people.set_pks_filter((1, 2, 3), "Search — “x”: 3 people")
    assert rig.search.results.query == ""
    rig.actions.show_search_in_people()
    assert people.model.rowCount() == 99 and people.chip.isHidden()


def test_a_language_change_says_filters_chip_and_counts_again(rig: Rig, english: None) -> None:
    people = rig.panes["person"]
    rig.window.tabs.setCurrentWidget(people)
    rig.actions.show_outcome_in_people("military-collegium", "death")
    people.set_combo_filter("role", "defendant")
    language.apply("ru")
    rig.actions.retranslate()
    role = people.findChild(QWidget, "peoplePane_roleFilter")
    assert role is not None and role.currentText() == "обвиняемый"  # type: ignore[attr-defined]
    assert people.chip.text().startswith("Приговор — Военная коллегия")
    people.view.selectAll()
    assert rig.window.status.text() == "Выбраны 2 человека"  # the chip's filter left two
    assert people.model.query.sort == "name_ru"  # sorted by the name shown first


def test_the_search_chip_counts_people_in_russian(rig: Rig, qtbot: QtBot, english: None) -> None:
    language.apply("ru")
    with qtbot.waitSignal(rig.search.results_changed, timeout=30_000):
        rig.search.set_source(rig.controller.holder)
    box = rig.search.findChild(QWidget, "searchBox")
    with qtbot.waitSignal(rig.search.results_changed, timeout=30_000):
        box.setText("Kamenev")  # type: ignore[union-attr]
    rig.actions.show_search_in_people()
    text = rig.panes["person"].chip.text()
    assert text.startswith("Поиск — «Kamenev»: ") and text.endswith(("человек", "человека"))


def test_a_chart_bar_replaces_every_earlier_filter_and_says_so(rig: Rig, english: None) -> None:
    people = rig.panes["person"]
    people.set_combo_filter("role", "defendant")
    people.set_combo_filter("sentence_kind", "exile")
    rig.actions.show_outcome_in_people("military-collegium", "death")
    assert dict(people.model.query.filters) == {
        "tribunal": "military-collegium",
        "outcome": "death",
    }
    role = people.findChild(QWidget, "peoplePane_roleFilter")
    assert role is not None and role.currentIndex() == 0  # type: ignore[attr-defined]
    assert people.chip.isVisibleTo(people) and "Military Collegium" in people.chip.text()
    message = rig.window.statusBar().currentMessage()
    assert "earlier filters were removed" in message


def test_the_tribunal_and_sentence_filters_say_they_are_the_1935_verdicts(
    make_app: Callable[..., App],
) -> None:
    # A filter on death did not find those sentenced to death later, and nothing said why
    # (a new user's trial): the combos, their labels and the columns' headers say it.
    from PySide6.QtWidgets import QComboBox, QLabel

    from app.models.columns import PEOPLE_COLUMNS

    app = make_app()
    pane = app.panes["person"]

    def tips() -> dict[str, str]:
        widgets = [*pane.findChildren(QComboBox), *pane.findChildren(QLabel)]
        return {
            w.objectName(): w.toolTip()
            for w in widgets
            if w.objectName().endswith(("tribunalFilter", "sentence_kindFilter", "Label"))
        }

    shown = tips()
    verdict = {k: v for k, v in shown.items() if "tribunal" in k or "sentence_kind" in k}
    assert len(verdict) == 4 and all("1935 verdict" in tip for tip in verdict.values()), shown
    assert all(not tip for k, tip in shown.items() if k.endswith(("roleFilter", "roleLabel")))
    headers = {c.attr: c.tip for c in PEOPLE_COLUMNS}
    assert "1935 verdict" in headers["tribunal"] and "1935 verdict" in headers["sentence"]
    app.language.switch("ru")
    try:
        russian = {k: tip for k, tip in tips().items() if k in verdict}
        assert all("1935 года" in tip for tip in russian.values()), russian
    finally:
        app.language.switch("en")
