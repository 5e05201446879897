"""The relationship graph's drawing area: a ``QGraphicsView`` that zooms (wheel, +/-), fits,
and tells a click from a drag.

A click (press and release without moving) on a person's box is :attr:`NetworkCanvas.node_clicked`,
on a line :attr:`NetworkCanvas.edge_clicked`; dragging moves the box (the items handle that).

Signals:
    node_clicked(str): the id of the person whose box was clicked.
    edge_clicked(str): the id of the edge that was clicked.
    zoomed(): the user zoomed (the view stops fitting the graph to its size).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView, QWidget

from app.widgets.network_items import EdgeItem, NodeItem

#: Zoom factor of one step (wheel notch, + or - key, button).
ZOOM_STEP = 1.2
#: Zoom limits (scale of the view).
MIN_ZOOM, MAX_ZOOM = 0.1, 6.0
#: Fitting never enlarges a small graph beyond this scale.
MAX_FIT = 1.25
#: Room left around the graph when it is fitted (scene pixels).
FIT_MARGIN = 24.0
#: The smallest scale a graph is shown at when it comes (its names stay readable): a bigger
#: one is shown around its person, and Fit (or 0) shows all of it, however small.
LEGIBLE_FIT = 0.7


class NetworkCanvas(QGraphicsView):
    """The view of the graph's scene (object name ``networkView_canvas``)."""

    node_clicked = Signal(str)
    edge_clicked = Signal(str)
    zoomed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkView_canvas")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pressed: QGraphicsItem | None = None
        self._press_at = QPoint()
        self.fitting = True
        #: How the view follows its size while :attr:`fitting`: the arguments of :meth:`fit`.
        self._fit_args: tuple[bool, QPointF | None] = (True, None)

    # -- zoom ------------------------------------------------------------------------------

    def zoom(self, factor: float) -> None:
        """Zoom by ``factor`` within the limits; the view no longer follows its size."""
        current = self.transform().m11()
        target = min(MAX_ZOOM, max(MIN_ZOOM, current * factor))
        if abs(target - current) > 1e-9:
            self.scale(target / current, target / current)
        self.fitting = False
        self.zoomed.emit()

    def zoom_level(self) -> float:
        """The view's scale (1: one scene pixel per screen pixel)."""
        return float(self.transform().m11())

    def fit(self, whole: bool = True, around: QPointF | None = None) -> None:
        """Show the whole graph (a small one no larger than :data:`MAX_FIT`); with ``whole``
        False, no smaller than :data:`LEGIBLE_FIT` either, centred on ``around`` (the
        person) when it does not fit at that scale."""
        scene = self.scene()
        if scene is None:
            return
        rect = scene.itemsBoundingRect()
        if rect.isEmpty():
            return
        rect = rect.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self.transform().m11()
        if scale > MAX_FIT or (not whole and scale < LEGIBLE_FIT):
            scale = MAX_FIT if scale > MAX_FIT else LEGIBLE_FIT
            self.resetTransform()
            self.scale(scale, scale)
            self.centerOn(rect.center() if around is None or scale == MAX_FIT else around)
        self.fitting = True
        self._fit_args = (whole, around)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()  # all of it
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit(*self._fit_args)

    # -- clicks ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_at = event.position().toPoint()
        self._pressed = self._clickable_at(self._press_at)
        if self._pressed is not None:
            # A box or a line under the mouse: no hand-drag of the whole view.
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        event.accept()  # the canvas owns its clicks (a release on empty space included)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        pressed, self._pressed = self._pressed, None
        moved = (event.position().toPoint() - self._press_at).manhattanLength()
        if pressed is None or moved >= QApplication.startDragDistance():
            return
        if isinstance(pressed, NodeItem):
            self.node_clicked.emit(pressed.node.id)
        elif isinstance(pressed, EdgeItem) and pressed.edge is not None:
            self.edge_clicked.emit(pressed.edge.id)

    def _clickable_at(self, point: QPoint) -> QGraphicsItem | None:
        for item in self.items(point):
            if isinstance(item, NodeItem) or (isinstance(item, EdgeItem) and item.edge):
                return item
        return None

    def visible_scene_rect(self) -> QRectF:
        """The part of the scene on screen."""
        return self.mapToScene(self.viewport().rect()).boundingRect()
