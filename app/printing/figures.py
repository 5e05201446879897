"""Vector figures in dossiers: a person's small timeline and relationship graph.

A dossier is a ``QTextDocument``, whose ``<img>`` takes only bitmaps.  A figure is recorded
instead as a ``QPicture`` (the painting commands of :func:`app.charts.timeline_paint.
paint_timeline` or :func:`app.charts.network_paint.paint_graph`), the page refers to it with
``<img src="dossier-figure:NAME">``, and :func:`install` makes :class:`FigureObject` the
document's handler of images, which draws a figure by replaying its commands on the page's
painter: in a PDF the figure stays lines, shapes and text, sharp at any zoom.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QImage,
    QPainter,
    QPicture,
    QPyTextObject,
    QTextDocument,
    QTextFormat,
)

#: Address prefix of a figure in dossier HTML.
SCHEME = "dossier-figure:"


@dataclass(frozen=True)
class Figure:
    """A recorded figure and the size it takes on the page, in CSS pixels (1/96 inch)."""

    picture: QPicture
    width: float
    height: float


def record(width: float, height: float, draw: object) -> Figure:
    """Record ``draw(painter, rect)`` as a figure of ``width`` × ``height`` CSS pixels."""
    picture = QPicture()
    painter = QPainter()
    if not painter.begin(picture):
        raise RuntimeError("cannot record a figure")
    try:
        draw(painter, QRectF(0, 0, width, height))  # type: ignore[operator]
    finally:
        painter.end()
    return Figure(picture, width, height)


class FigureObject(QPyTextObject):
    """Draws the images of one document: figures as vectors, registered bitmaps as bitmaps.

    It is the document's handler of image objects, in place of Qt's own, and is registered
    before the HTML is set: the first layout already gives every figure its size.  (Swapping
    each figure's image for a text object of its own after the HTML was in cost a second
    layout of the whole document.)  An image that names neither a figure nor a registered
    bitmap takes no room and draws nothing: a dossier loads no resource it was not given.
    """

    def __init__(self, figures: Mapping[str, Figure], images: Mapping[str, QImage]) -> None:
        super().__init__()
        self._figures = dict(figures)
        self._images = dict(images)

    @staticmethod
    def _name(fmt: QTextFormat) -> str:
        name = fmt.property(QTextFormat.Property.ImageName)
        return name if isinstance(name, str) else ""

    def _figure(self, fmt: QTextFormat) -> Figure | None:
        name = self._name(fmt)
        return self._figures.get(name[len(SCHEME) :]) if name.startswith(SCHEME) else None

    def intrinsicSize(self, doc: QTextDocument, _pos: int, fmt: QTextFormat) -> QSizeF:
        device = doc.documentLayout().paintDevice()
        figure = self._figure(fmt)
        if figure is not None:
            width, height = figure.width, figure.height
            scale = device.logicalDpiX() / 96 if device is not None else 1.0
            shown_w, shown_h = width * scale, height * scale
        else:
            image = self._images.get(self._name(fmt))
            if image is None or image.isNull():
                return QSizeF(0, 0)
            # As Qt's own handler sizes an image: whole CSS pixels, scaled by the device's
            # vertical resolution, rounded.
            width, height = (float(round(v)) for v in _css_size(fmt, image))
            scale = device.logicalDpiY() / 96 if device is not None else 1.0
            shown_w, shown_h = float(round(width * scale)), float(round(height * scale))
        if shown_w <= 0 or shown_h <= 0:
            return QSizeF(0, 0)
        page = doc.pageSize().width()  # -1 until a page size is set
        if 0 < page < shown_w:
            # Never wider than the page's text (Qt's handler let a bitmap run off the page).
            shown_w, shown_h = page, shown_h * page / shown_w
        return QSizeF(shown_w, shown_h)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        _doc: QTextDocument,
        _pos: int,
        fmt: QTextFormat,
    ) -> None:
        figure = self._figure(fmt)
        if figure is None:
            image = self._images.get(self._name(fmt))
            if image is not None and not image.isNull():
                painter.drawImage(QRectF(rect), image)
            return
        painter.save()
        painter.setClipRect(QRectF(rect), Qt.ClipOperation.IntersectClip)  # labels stay inside
        painter.translate(QRectF(rect).topLeft())
        # QPicture replays at the target's resolution by itself (a 1200 dpi PDF writer gets
        # its 96 dpi commands scaled by 12.5): only what is left of the rect's scale is ours.
        device = painter.device()
        own = figure.picture.logicalDpiX() or 96
        replay = (device.logicalDpiX() / own) if device is not None else 1.0
        painter.scale(rect.width() / figure.width / replay, rect.height() / figure.height / replay)
        painter.drawPicture(QPointF(0, 0), figure.picture)
        painter.restore()


def _css_size(fmt: QTextFormat, image: QImage) -> tuple[float, float]:
    """A bitmap's size in CSS pixels: the ``<img>``'s width and height, the one missing
    taken from the image's proportions, the image's own size when neither is given."""
    given_w = fmt.doubleProperty(QTextFormat.Property.ImageWidth)
    given_h = fmt.doubleProperty(QTextFormat.Property.ImageHeight)
    has_w = fmt.hasProperty(QTextFormat.Property.ImageWidth) and given_w > 0
    has_h = fmt.hasProperty(QTextFormat.Property.ImageHeight) and given_h > 0
    natural = image.deviceIndependentSize()  # (a high-DPI image counts its CSS pixels)
    w, h = natural.width(), natural.height()
    if has_w and has_h:
        return given_w, given_h
    if has_w:
        return given_w, given_w * h / w
    if has_h:
        return given_h * w / h, given_h
    return w, h


def install(
    doc: QTextDocument, figures: Mapping[str, Figure], images: Mapping[str, QImage]
) -> FigureObject:
    """Make ``doc`` draw its ``<img src="dossier-figure:NAME">`` from ``figures`` and its other
    images from ``images``; call it before the HTML is set.  Returns the handler (keep it
    alive as long as ``doc``)."""
    handler = FigureObject(figures, images)
    doc.documentLayout().registerHandler(int(QTextFormat.ObjectTypes.ImageObject.value), handler)
    return handler
