"""GUI fixtures: the whole app on the bundled archive, with temporary settings and fake dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.bootstrap import App, Dialogs, build_app
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
            save_path=lambda _parent, _name: (self.save_answers.pop(0)
                                              if self.save_answers else None),
            notify=lambda _parent, title, msg: self.messages.append((title, msg)),
            open_url=self.urls.append)


@pytest.fixture
def fake_dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def make_app(qtbot: QtBot, tmp_path: Path,
             fake_dialogs: FakeDialogs) -> Iterator[Callable[..., App]]:
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
