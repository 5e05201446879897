"""List panes on generated archives: first paint and a jump cost a bounded number of queries.

Budgets are call counts (page fetches, data() calls), not wall time, so they cannot flake on
a busy machine.  The default run uses a 20,000-person archive; ``-m slow`` adds 1,000,000.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.bootstrap import App
from db import synth
from tests.app.conftest import ModelCalls

MakeApp = Callable[..., App]


@pytest.fixture(scope="session")
def synth_20k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth.cached_archive(20_000, 1, tmp_path_factory.mktemp("synth"))


def _check_paging(app: App, people: int, calls: ModelCalls) -> None:
    pane = app.panes["person"]
    model = pane.model
    app.window.tabs.setCurrentWidget(pane)
    assert model.rowCount() == people
    app.window.grab()
    visible_rows = pane.view.viewport().height() // pane.view.verticalHeader().defaultSectionSize()
    cell_budget = (visible_rows + 2) * len(model.columns) * 12
    fetches, data = calls.of(model)
    assert 1 <= fetches <= 2  # the first page (and at most the next)
    assert 0 < data < cell_budget  # counted: the paint asked for cells

    pane.view.scrollToBottom()
    app.window.grab()
    after_fetches, after_data = calls.of(model)
    assert after_fetches - fetches <= 2  # the last page (a screen may straddle two)
    assert after_data - data < cell_budget
    assert model.cached_pages <= model.MAX_PAGES

    middle = people // 2
    before, _ = calls.of(model)
    pane.view.scrollTo(model.index(middle, 0))
    app.window.grab()
    assert calls.of(model)[0] - before <= 2


def test_people_pane_pages_on_a_generated_archive(
    make_app: MakeApp, synth_20k: Path, model_calls: ModelCalls
) -> None:
    app = make_app(archive_path=synth_20k)
    _check_paging(app, 20_000, model_calls)


def test_filtered_people_pane_pages_too(
    make_app: MakeApp, synth_20k: Path, model_calls: ModelCalls
) -> None:
    app = make_app(archive_path=synth_20k)
    pane = app.panes["person"]
    pane.set_combo_filter("tribunal", "military-collegium")
    total = pane.model.rowCount()
    assert 0 < total < 20_000
    before, _ = model_calls.of(pane.model)
    pane.view.scrollToBottom()
    app.window.grab()
    assert model_calls.of(pane.model)[0] - before <= 2
    last = pane.model.row_at(total - 1)
    assert last is not None and last.tribunal == "Military Collegium"


@pytest.mark.slow
def test_people_pane_pages_on_a_million_people(make_app: MakeApp, model_calls: ModelCalls) -> None:
    path = synth.cached_archive(1_000_000, 1)
    app = make_app(archive_path=path)
    _check_paging(app, 1_000_000, model_calls)


def test_big_filtered_snapshot_runs_off_the_gui_thread(
    make_app: MakeApp, synth_20k: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pytestqt.qtbot import QtBot

    assert isinstance(qtbot, QtBot)
    app = make_app(archive_path=synth_20k)
    pane = app.panes["person"]
    monkeypatch.setattr(type(pane.model), "ASYNC_ROWS", 1_000)  # 20k counts as big here
    with qtbot.waitSignal(pane.model.runner.busy_changed, timeout=30_000) as started:
        pane.set_combo_filter("role", "defendant")
    assert started.args == [True]
    assert pane.count_label.text() == "Filtering people…"
    qtbot.waitUntil(lambda: not pane.model.runner.busy, timeout=30_000)
    qtbot.waitUntil(lambda: pane.model.query.filters == (("role", "defendant"),), timeout=30_000)
    assert 0 < pane.model.rowCount() < 20_000
    assert pane.count_label.text().endswith("of 20,000 people shown")
