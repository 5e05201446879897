"""The drawing area: zoom within its limits, fitting never blows a small graph up, a click on
a box is a click, a press elsewhere is not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsScene
from pytestqt.qtbot import QtBot

from app.appearance import light_palette
from app.charts.network_paint import GraphStyle
from app.widgets.network_canvas import MAX_FIT, MAX_ZOOM, MIN_ZOOM, NetworkCanvas
from app.widgets.network_items import NodeItem
from db.graph import GraphNode
from tests.app.conftest import _delete


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[NetworkCanvas]:
    view = NetworkCanvas()
    scene = QGraphicsScene(view)
    view.setScene(scene)
    node = NodeItem(
        GraphNode("a", "Anna", "Анна", 0), True, GraphStyle.of(light_palette()), QFont()
    )
    scene.addItem(node)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    yield view
    _delete([view])


def test_zoom_stays_within_its_limits(canvas: NetworkCanvas) -> None:
    for _ in range(40):
        canvas.zoom(2.0)
    assert canvas.zoom_level() == pytest.approx(MAX_ZOOM)
    for _ in range(40):
        canvas.zoom(0.5)
    assert canvas.zoom_level() == pytest.approx(MIN_ZOOM)
    assert not canvas.fitting


def test_fitting_a_small_graph_does_not_enlarge_it_much(canvas: NetworkCanvas) -> None:
    canvas.fit()
    assert canvas.zoom_level() == pytest.approx(MAX_FIT) and canvas.fitting


def test_a_click_on_a_box_is_a_click_and_empty_space_is_not(
    qtbot: QtBot, canvas: NetworkCanvas
) -> None:
    canvas.fit()
    box = canvas.mapFromScene(QPointF(0, 0))
    with qtbot.waitSignal(canvas.node_clicked, timeout=30_000) as signal:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert signal.args == ["a"]
    with qtbot.assertNotEmitted(canvas.node_clicked), qtbot.assertNotEmitted(canvas.edge_clicked):
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=box + box / 2)


def test_the_wheel_and_keys_zoom(qtbot: QtBot, canvas: NetworkCanvas) -> None:
    canvas.fit()
    before = canvas.zoom_level()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.zoom_level() > before
    qtbot.keyClick(canvas, Qt.Key.Key_0)
    assert canvas.zoom_level() == pytest.approx(before)
