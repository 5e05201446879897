"""The elided status line: "…" where the text does not fit, the whole text kept and shown as
the tooltip."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.widgets.elided_label import ElidedLabel

TEXT = "370 отметок в этом промежутке и рядом · 44 без даты (не показаны)"


def test_a_narrow_label_ends_in_an_ellipsis_and_keeps_its_whole_text(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText(TEXT)
    label.resize(120, 20)
    label.show()
    qtbot.waitExposed(label)
    shown = label.shown_text()
    assert shown.endswith("…") and TEXT.startswith(shown[:-1])
    assert label.text() == TEXT and label.toolTip() == TEXT
    label.resize(label.fontMetrics().horizontalAdvance(TEXT) + 20, 20)
    qtbot.waitUntil(lambda: label.shown_text() == TEXT)  # room enough: no ellipsis
    label.grab()  # paints without error
