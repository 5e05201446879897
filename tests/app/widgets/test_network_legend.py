"""The legend: one row per kind of tie, doubt, arrow and "+N", each with a drawn sample, in the
interface language."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app import language
from app.widgets.network_legend import EXTRA_ROWS, NetworkLegend
from db.graph import CATEGORIES
from tests.app.conftest import _delete
from tests.app.ui_texts import english

__all__ = ["english"]


@pytest.fixture
def legend(qtbot: QtBot) -> NetworkLegend:
    widget = NetworkLegend()
    yield widget
    _delete([widget])


def test_every_kind_of_line_has_a_row_with_a_sample(legend: NetworkLegend, english: None) -> None:
    texts = legend.texts()
    assert len(texts) == len(CATEGORIES) + len(EXTRA_ROWS)
    assert texts[:6] == [
        "family",
        "investigation",
        "hierarchy and patronage",
        "alleged conspiracy",
        "other ties",
        "named in the same documents",
    ]
    assert "dashed: alleged, or the sources disagree" in texts
    assert all(not label.pixmap().isNull() for label in legend._samples.values())
    assert legend.objectName() == "networkLegend" and legend.accessibleName()


def test_the_legend_speaks_russian(legend: NetworkLegend, english: None) -> None:
    language.apply("ru")
    try:
        assert legend.texts()[0] == "семья"
        assert "пунктир: мнимая связь, или источники расходятся" in legend.texts()
        assert legend.accessibleName() == "Легенда графа связей"
    finally:
        language.apply("en")
