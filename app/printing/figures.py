"""Vector figures in dossiers: a person's small timeline and relationship graph.

A dossier is a ``QTextDocument``, whose ``<img>`` takes only bitmaps.  A figure is recorded
instead as a ``QPicture`` (the painting commands of :func:`app.charts.timeline_paint.
paint_timeline` or :func:`app.charts.network_paint.paint_graph`), the page refers to it with
``<img src="dossier-figure:NAME">``, and :func:`install` turns each such image into a text
object that :class:`FigureObject` draws by replaying the commands on the page's painter: in
a PDF the figure stays lines, shapes and text, sharp at any zoom.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QPainter,
    QPicture,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

#: Address prefix of a figure in dossier HTML.
SCHEME = "dossier-figure:"
#: The text object type of a figure, and the format property holding its name.
FIGURE_TYPE = int(QTextFormat.ObjectTypes.UserObject.value) + 17
NAME_PROPERTY = int(QTextFormat.Property.UserProperty.value) + 17


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
    """Draws the figures of one document where its figure objects stand."""

    def __init__(self, figures: Mapping[str, Figure]) -> None:
        super().__init__()
        self._figures = dict(figures)

    def _figure(self, fmt: QTextFormat) -> Figure | None:
        name = fmt.property(NAME_PROPERTY)
        return self._figures.get(name) if isinstance(name, str) else None

    def intrinsicSize(self, doc: QTextDocument, _pos: int, fmt: QTextFormat) -> QSizeF:
        figure = self._figure(fmt)
        if figure is None:
            return QSizeF(0, 0)
        device = doc.documentLayout().paintDevice()
        scale = device.logicalDpiX() / 96 if device is not None else 1.0
        # Never wider than the page's text.
        width = min(figure.width * scale, doc.pageSize().width() or figure.width * scale)
        return QSizeF(width, figure.height * width / figure.width)

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


def install(doc: QTextDocument, figures: Mapping[str, Figure]) -> FigureObject | None:
    """Replace each ``<img src="dossier-figure:NAME">`` of ``doc`` by a figure object drawn
    from ``figures``; returns the handler (keep it alive as long as ``doc``)."""
    if not figures:
        return None
    handler = FigureObject(figures)
    doc.documentLayout().registerHandler(FIGURE_TYPE, handler)
    found: list[tuple[int, int, str]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                name = fmt.toImageFormat().name()
                if name.startswith(SCHEME) and name[len(SCHEME) :] in figures:
                    found.append((fragment.position(), fragment.length(), name[len(SCHEME) :]))
            it += 1
        block = block.next()
    for position, length, name in reversed(found):  # from the end: positions stay valid
        cursor = QTextCursor(doc)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        object_format = QTextCharFormat()
        object_format.setObjectType(FIGURE_TYPE)
        object_format.setProperty(NAME_PROPERTY, name)
        cursor.insertText("\ufffc", object_format)
    return handler
