"""Guards on the Qt binding itself (see the PySide6 pin in pyproject.toml)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    # PySide6 6.12.0 on Python 3.11 dropped one reference to None per call of a void Qt
    # method; a long session then aborted in none_dealloc.  The pin keeps us off it.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    assert sys.getrefcount(None) - before >= -10
