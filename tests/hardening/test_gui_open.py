"""Damaged archives opened through the main window: one clear message each, nothing lost.

The app's real open path (``Wiring.open_path`` → ``ArchiveController.open_path`` →
``open_archive``) gets 48 mutants of the campaign.  A refused one shows exactly one message and
leaves the archive that was open displayed and searchable; one that opens is browsed, then the
bundled archive is opened again.  pytest-qt's exception capture is on throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.bootstrap import App
from db.dto import Ref
from tests.app.conftest import FakeDialogs
from tests.conftest import BUNDLED
from tests.hardening.conftest import SEED
from tests.hardening.mutants import NAMES, PageMap, mutant

MakeApp = Callable[..., App]
COUNT = 3 * len(NAMES)


def _still_usable(app: App, archive_path: Path) -> None:
    assert app.controller.archive.path == archive_path
    app.navigator.go(Ref("person", "kamenev-lev"))
    assert "Kamenev" in app.window.detail.plain_text()
    assert app.panes["person"].model.rowCount() == 99


def test_damaged_archives_through_the_window(
    make_app: MakeApp, fake_dialogs: FakeDialogs, qtbot: QtBot, tmp_path: Path, figures: list[str]
) -> None:
    app = make_app()
    wiring = app.archive_actions
    assert wiring is not None
    good, pm = BUNDLED.read_bytes(), PageMap.of(BUNDLED)
    refused = opened = 0
    for index in range(COUNT):
        strategy, data = mutant(good, pm, SEED, index)
        path = tmp_path / f"m{index:03d}-{strategy}.sqlite"
        path.write_bytes(data)
        before = len(fake_dialogs.messages)
        if wiring.open_path(path):  # type: ignore[attr-defined]
            opened += 1
            assert len(fake_dialogs.messages) == before
            for kind, pane in app.panes.items():
                if pane.model.rowCount():
                    app.navigator.go(Ref(kind, str(pane.model.id_at(0))))
            assert wiring.open_path(BUNDLED)
        else:
            refused += 1
            assert len(fake_dialogs.messages) == before + 1
            title, message = fake_dialogs.messages[-1]
            assert title and str(path) in message and message.startswith("Cannot open")
        _still_usable(app, BUNDLED)
    assert refused and opened
    figures.append(
        f"GUI open path: {COUNT} mutants, {refused} refused with one message each, "
        f"{opened} opened and browsed; the open archive stayed usable"
    )
