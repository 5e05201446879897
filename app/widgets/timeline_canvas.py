"""TimelineCanvas: the drawn timeline — zoom, pan, click, hover and keyboard over marks.

The canvas holds what it shows (lanes, marks, density buckets, the visible days) and draws it
with :func:`app.charts.timeline_paint.paint_timeline`; it never reads the archive.  The wheel
and ``+``/``-`` zoom (the wheel around the pointer), a drag or ``Shift`` + arrows pan, the
arrows move between marks (left/right in time, up/down between lanes), ``Enter`` opens the
mark in focus, ``0`` fits everything.

Signals:
    mark_activated(object): the Mark clicked, or opened with Enter.
    focus_moved(object): the Mark the arrow keys moved to.
    range_changed(float, float): the visible days (ordinals) after a zoom, a pan or a resize
        (a resize changes how many pixels a day gets, so which density suits).
    fit_requested(): the user asked to see everything (``0`` or Home with Ctrl).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.charts import timeline_axis, timeline_layout, timeline_paint, timeline_text
from app.charts.timeline_layout import Picture, Placed
from db.dto import Ref
from db.timeline import Bucket, Lane, Mark

#: Narrowest and widest visible range, in days.
MIN_SPAN = 4.0
MAX_SPAN = float(timeline_axis.MAX_DAY - timeline_axis.MIN_DAY)
#: Zoom factor of one wheel step or one key press.
ZOOM_STEP = 1.25
#: Pixels the pointer moves before a press becomes a drag.
DRAG_START = 4
#: Share of the visible range one Shift+arrow pans.
PAN_STEP = 0.15


class TimelineCanvas(QWidget):
    """The drawing of :class:`app.widgets.timeline_view.TimelineView` (object name
    ``timelineCanvas``)."""

    mark_activated = Signal(object)
    focus_moved = Signal(object)
    range_changed = Signal(float, float)
    fit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)
        self._lanes: tuple[Lane, ...] = ()
        self._marks: tuple[Mark, ...] = ()
        self._buckets: tuple[Bucket, ...] = ()
        self._level: str | None = None
        self._t0, self._t1 = timeline_layout.fit_range(())
        self._current: Ref | None = None
        self._focus: str | None = None
        self._picture: Picture | None = None
        self._press: QPointF | None = None
        self._press_range = (self._t0, self._t1)
        self._dragging = False

    # -- content -------------------------------------------------------------------------

    def set_content(
        self,
        lanes: Sequence[Lane],
        marks: Sequence[Mark],
        buckets: Sequence[Bucket],
        level: str | None = None,
    ) -> None:
        """Show these lanes, marks and buckets (``level``: the bucket size drawn as bars; the
        visible range stays)."""
        self._lanes, self._marks, self._buckets = tuple(lanes), tuple(marks), tuple(buckets)
        self._level = level
        if self._focus is not None and not any(m.key == self._focus for m in self._marks):
            self._focus = None
        self._changed()

    def marks(self) -> tuple[Mark, ...]:
        """The marks held (shown where they fall in the visible range)."""
        return self._marks

    def buckets(self) -> tuple[Bucket, ...]:
        """The density buckets held."""
        return self._buckets

    def bucket_level(self) -> str | None:
        """The bucket size drawn as bars (None: each lane's finest)."""
        return self._level

    def lanes(self) -> tuple[Lane, ...]:
        """The lanes drawn, top to bottom."""
        return self._lanes

    def set_current(self, ref: Ref | None) -> None:
        """Ring the marks of ``ref`` (the item shown elsewhere)."""
        if ref != self._current:
            self._current = ref
            self.update()

    def current(self) -> Ref | None:
        """The item whose marks are ringed."""
        return self._current

    def focus_key(self) -> str | None:
        """:attr:`Mark.key` of the mark the keyboard is on."""
        return self._focus

    def set_focus_mark(self, key: str | None, reveal: bool = True) -> None:
        """Put the keyboard on the mark ``key`` (scrolled into view with ``reveal``)."""
        self._focus = key
        mark = self._mark(key)
        if reveal and mark is not None:
            self.reveal(mark)
        self.update()

    # -- range ---------------------------------------------------------------------------

    def visible_range(self) -> tuple[float, float]:
        """The first and last visible day (fractional ordinals)."""
        return self._t0, self._t1

    def set_range(self, t0: float, t1: float) -> None:
        """Show days ``t0``..``t1`` (kept within the years an archive may hold, at least
        :data:`MIN_SPAN` days); emits ``range_changed`` when it changed."""
        if not (math.isfinite(t0) and math.isfinite(t1)):
            return
        span = min(max(t1 - t0, MIN_SPAN), MAX_SPAN)
        mid = (t0 + t1) / 2
        lo = min(max(mid - span / 2, timeline_axis.MIN_DAY), timeline_axis.MAX_DAY - span)
        if (lo, lo + span) == (self._t0, self._t1):
            return
        self._t0, self._t1 = lo, lo + span
        self._changed()
        self.range_changed.emit(self._t0, self._t1)

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom in (``factor`` > 1) or out around ``anchor_x`` (the pointer's; without one,
        :meth:`zoom_anchor`)."""
        frame = self.picture().frame
        plot = frame.plot
        if anchor_x is None:
            anchor_x = self.zoom_anchor()
        x = min(max(anchor_x, plot.left()), plot.right())
        day = frame.day_at(x)
        share = (x - plot.left()) / max(plot.width(), 1.0)
        span = (self._t1 - self._t0) / factor
        span = min(max(span, MIN_SPAN), MAX_SPAN)
        self.set_range(day - share * span, day - share * span + span)

    def zoom_anchor(self) -> float:
        """The x a zoom by key or button keeps in place: the keyboard's mark, else the ringed
        item's, when in view; else the middle of what is drawn (as many marks, or counted
        marks of the bars, on either side); the plot's middle when nothing is.

        (The middle of the plot was empty whenever a far date widened the fit: the 1935
        cluster at the left and a 1989 rehabilitation at the right, three zooms showed 1944.)
        """
        picture = self.picture()
        frame, plot = picture.frame, picture.frame.plot
        inside = [p for p in picture.placed if plot.left() <= p.shape.center().x() <= plot.right()]
        focus, ringed = self._focus, self._current
        hit = next((p for p in inside if p.mark.key == focus), None) if focus else None
        if hit is None and ringed is not None:
            hit = next((p for p in inside if p.mark.ref == ringed), None)
        if hit is not None:
            return hit.shape.center().x()
        weighted = [(p.shape.center().x(), 1) for p in inside]
        for b in self._buckets:
            if self._level is not None and b.precision != self._level:
                continue  # (a coarser bucket counts the same marks again)
            x = frame.x((b.first + b.last + 1) / 2)
            if b.n > 0 and plot.left() <= x <= plot.right():
                weighted.append((x, b.n))
        half = sum(n for _x, n in weighted) / 2
        seen = 0
        for x, n in sorted(weighted):
            seen += n
            if seen >= half:
                return x
        return plot.center().x()

    def pan_pixels(self, dx: float) -> None:
        """Move the view ``dx`` pixels (positive: later days come into view)."""
        frame = self.picture().frame
        days = dx * (self._t1 - self._t0) / max(frame.plot.width(), 1.0)
        self.set_range(self._t0 + days, self._t1 + days)

    def reveal(self, mark: Mark) -> None:
        """Pan (zooming out if needed) so that ``mark`` is inside the visible range."""
        span = self._t1 - self._t0
        margin = span * 0.08
        if mark.first >= self._t0 + margin and mark.last + 1 <= self._t1 - margin:
            return
        need = mark.last + 1 - mark.first + 2 * margin
        if need > span:
            self.set_range(mark.first - margin, mark.last + 1 + margin)
            return
        mid = (mark.first + mark.last + 1) / 2
        self.set_range(mid - span / 2, mid + span / 2)

    # -- layout ----------------------------------------------------------------------------

    def picture(self) -> Picture:
        """Where everything goes at the present size and range (as the next paint draws it)."""
        if self._picture is None:
            metrics = QFontMetricsF(self.font())
            rect = QRectF(self.rect())
            frame = timeline_layout.make_frame(rect, self._lanes, self._t0, self._t1, metrics)
            self._picture = Picture(frame, timeline_layout.place(frame, self._marks, metrics))
        return self._picture

    def level(self) -> str:
        """The density bucket size that suits the zoom: day, month or year."""
        return timeline_layout.frame_level(self.picture().frame)

    def _changed(self) -> None:
        self._picture = None
        self.update()

    def _mark(self, key: str | None) -> Mark | None:
        return next((m for m in self._marks if m.key == key), None) if key else None

    def sizeHint(self) -> QSize:
        return QSize(900, 360)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._picture = timeline_paint.paint_timeline(
                painter,
                QRectF(self.rect()),
                self._marks,
                self.palette(),
                lanes=self._lanes,
                start=self._t0,
                end=self._t1,
                buckets=self._buckets,
                current=self._current,
                focus=self._focus,
                level=self._level,
            )
            if self.hasFocus():  # where the keyboard is: a frame in the highlight colour
                painter.setPen(self.palette().color(QPalette.ColorRole.Highlight))
                painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._picture = None
        super().resizeEvent(event)
        self.range_changed.emit(self._t0, self._t1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._changed()
        super().changeEvent(event)

    # -- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_range = (self._t0, self._t1)
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None:
            dx = event.position().x() - self._press.x()
            if self._dragging or abs(dx) >= DRAG_START:
                if not self._dragging:
                    self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self._dragging = True
                t0, t1 = self._press_range
                days = dx * (t1 - t0) / max(self.picture().frame.plot.width(), 1.0)
                self.set_range(t0 - days, t1 - days)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if self._dragging:
                self.unsetCursor()
            else:
                self.click(event.position())
            self._press = None
            self._dragging = False
        super().mouseReleaseEvent(event)

    def click(self, point: QPointF) -> None:
        """What a click at ``point`` does: open the mark there, or zoom into a density bar."""
        hit = self.picture().at(point)
        if hit is not None:
            self._focus = hit.mark.key
            self.update()
            self.mark_activated.emit(hit.mark)
            return
        bucket = self.bucket_at(point)
        if bucket is not None:
            self.set_range(bucket.first - 0.5, bucket.last + 1.5)

    def bucket_at(self, point: QPointF) -> Bucket | None:
        """The density bucket drawn under ``point`` (the finest, when spans overlap)."""
        frame = self.picture().frame
        if not frame.plot.contains(point):
            return None
        day = frame.day_at(point.x())
        lane = int(
            (point.y() - frame.plot.top()) // (frame.plot.height() / max(len(self._lanes), 1))
        )
        if not 0 <= lane < len(self._lanes):
            return None
        key = self._lanes[lane].key
        hits = [b for b in self._buckets if b.lane == key and b.first <= day < b.last + 1]
        return min(hits, key=lambda b: b.last - b.first) if hits else None

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if delta.y() and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.zoom(ZOOM_STEP ** (delta.y() / 120), event.position().x())
        elif delta.x() or delta.y():
            step = delta.x() or delta.y()
            self.pan_pixels(-step / 120 * 60)
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().event(event)

    def tooltip_at(self, point: QPointF) -> str:
        """The tooltip at ``point`` ('' where there is nothing)."""
        hit = self.picture().at(point)
        if hit is not None:
            group = [m for m in self._marks if hit.mark.dispute and m.dispute == hit.mark.dispute]
            return timeline_text.mark_tooltip(hit.mark, group)
        bucket = self.bucket_at(point)
        return timeline_text.bucket_text(bucket) if bucket is not None else ""

    def _show_tooltip(self, event: QHelpEvent) -> None:
        text = self.tooltip_at(QPointF(event.pos()))
        if text:
            QToolTip.showText(event.globalPos(), text, self)
        else:
            QToolTip.hideText()
            event.ignore()

    # -- keyboard --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        span = self._t1 - self._t0
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit_requested.emit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and shift:
            step = span * PAN_STEP * (1 if key == Qt.Key.Key_Right else -1)
            self.set_range(self._t0 + step, self._t1 + step)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.move_focus(1 if key == Qt.Key.Key_Right else -1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_lane(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._focus_at(0 if key == Qt.Key.Key_Home else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            mark = self._mark(self._focus)
            if mark is not None:
                self.mark_activated.emit(mark)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _order(self) -> list[Placed]:
        """Placed marks in keyboard order: by day, then lane (top first), then row."""
        return self.picture().placed

    def _visible(self, placed: Sequence[Placed]) -> list[Placed]:
        plot = self.picture().frame.plot
        return [p for p in placed if plot.left() <= p.shape.center().x() <= plot.right()]

    def _focus_at(self, position: int) -> None:
        order = self._order()
        if order:
            self._move_to(order[position].mark)

    def _move_to(self, mark: Mark) -> None:
        self._focus = mark.key
        self.reveal(mark)
        self.update()
        self.focus_moved.emit(mark)

    def move_focus(self, step: int) -> None:
        """Move the keyboard to the next (``step`` 1) or previous (-1) mark in time."""
        order = self._order()
        if not order:
            return
        keys = [p.mark.key for p in order]
        if self._focus in keys:
            i = keys.index(self._focus) + step
            if 0 <= i < len(order):
                self._move_to(order[i].mark)
            return
        visible = self._visible(order) or order
        self._move_to((visible[0] if step > 0 else visible[-1]).mark)

    def move_lane(self, step: int) -> None:
        """Move the keyboard to the nearest mark in time of the lane below (1) or above (-1)."""
        order = self._order()
        focus = self._mark(self._focus)
        if focus is None:
            self.move_focus(1)
            return
        keys = [lane.key for lane in self._lanes]
        if focus.lane not in keys:
            return
        i = keys.index(focus.lane) + step
        while 0 <= i < len(keys):
            here = [p.mark for p in order if p.mark.lane == keys[i]]
            if here:
                self._move_to(min(here, key=lambda m: (abs(m.first - focus.first), m.first)))
                return
            i += step
