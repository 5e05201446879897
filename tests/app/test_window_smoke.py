"""The app starts on the bundled archive and shows people."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.bootstrap import build_main_window
from db import Archive


def test_main_window_lists_people(qtbot: QtBot, archive: Archive) -> None:
    window = build_main_window(archive)
    qtbot.addWidget(window)
    window.show()
    from PySide6.QtWidgets import QTableView

    view = window.findChild(QTableView, "peoplePane")
    assert view is not None
    model = view.model()
    assert model.rowCount() == 99
    assert model.index(0, 0).data() == "Agranov, Yakov"
