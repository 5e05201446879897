"""GUI fixtures: the whole app on the bundled archive, with temporary settings and fake dialogs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import App, Dialogs, build_app
from app.models.paged_table import PagedTableModel
from app.settings import Settings
from db import open_archive
from tests.conftest import BUNDLED


@dataclass
class FakeDialogs:
    """Records what would have been shown; answers file dialogs from a queue."""

    messages: list[tuple[str, str]] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    open_answers: list[Path | None] = field(default_factory=list)
    save_answers: list[Path | None] = field(default_factory=list)

    def dialogs(self) -> Dialogs:
        return Dialogs(
            open_path=lambda _parent: self.open_answers.pop(0) if self.open_answers else None,
            save_path=lambda _parent, _name: (
                self.save_answers.pop(0) if self.save_answers else None
            ),
            notify=lambda _parent, title, msg: self.messages.append((title, msg)),
            open_url=self.urls.append,
        )


@dataclass
class ModelCalls:
    """Page fetches, ``data()`` calls and rows asked for their display strings (what the
    list's delegate paints from) of each :class:`PagedTableModel`, counted by id."""

    fetches: Counter[int] = field(default_factory=Counter)
    data: Counter[int] = field(default_factory=Counter)
    rows: Counter[int] = field(default_factory=Counter)

    def of(self, model: PagedTableModel) -> tuple[int, int]:
        """(page fetches, data() calls) of ``model`` so far."""
        return self.fetches[id(model)], self.data[id(model)]

    def cells(self, model: PagedTableModel) -> int:
        """Cells of ``model`` asked for so far: data() calls and display_row() calls."""
        return self.data[id(model)] + self.rows[id(model)]


@pytest.fixture
def model_calls(monkeypatch: pytest.MonkeyPatch) -> ModelCalls:
    """Count every model's page fetches and data() calls (budgets are counts, not time)."""
    calls = ModelCalls()
    fetch, data = PagedTableModel._fetch, PagedTableModel.data
    display_row = PagedTableModel.display_row

    def counting_fetch(self: PagedTableModel, number: int) -> Any:
        calls.fetches[id(self)] += 1
        return fetch(self, number)

    def counting_data(
        self: PagedTableModel, index: Any, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        calls.data[id(self)] += 1
        return data(self, index, role)

    def counting_display_row(self: PagedTableModel, row: int) -> Any:
        calls.rows[id(self)] += 1
        return display_row(self, row)

    monkeypatch.setattr(PagedTableModel, "_fetch", counting_fetch)
    monkeypatch.setattr(PagedTableModel, "display_row", counting_display_row)
    monkeypatch.setattr(PagedTableModel, "data", counting_data)
    return calls


@pytest.fixture
def fake_dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def make_app(
    qtbot: QtBot, tmp_path: Path, fake_dialogs: FakeDialogs
) -> Iterator[Callable[..., App]]:
    """Build the app on the bundled archive; ``settings_file`` lets a test restart it."""
    built: list[App] = []

    def make(settings_file: Path | None = None, archive_path: Path = BUNDLED) -> App:
        settings = Settings(settings_file or tmp_path / "settings.ini")
        app = build_app(open_archive(archive_path), settings, fake_dialogs.dialogs())
        qtbot.addWidget(app.window)
        app.window.show()
        qtbot.waitExposed(app.window)
        built.append(app)
        return app

    yield make
    for app in built:
        app.controller.close()
    _delete([app.window for app in built])


def _delete(widgets: list[Any]) -> None:
    """Close and really delete ``widgets`` now: left-over windows pile up in the test process
    (67 after tests/app/widgets), and every language switch would then retranslate them all."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in widgets:
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def no_event_loop(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[int]]:
    """Run ``gui.run`` without an event loop: the People rows each shown window has, closed.

    ``QApplication.exec`` is replaced by a look at the window ``gui.run`` showed; logs go to
    ``tmp_path``.
    """
    import platformdirs
    from PySide6.QtWidgets import QApplication, QTableView

    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *_a, **_k: str(tmp_path / "log"))
    rows: list[int] = []
    earlier = set(QApplication.topLevelWidgets())  # windows of other tests are not counted

    def fake_exec() -> int:
        for widget in QApplication.topLevelWidgets():
            if widget in earlier:
                continue
            view = widget.findChild(QTableView, "peoplePane")
            if view is not None and widget.isVisible():
                rows.append(view.model().rowCount())
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    yield rows
    _delete([w for w in QApplication.topLevelWidgets() if w not in earlier and w.isWindow()])
