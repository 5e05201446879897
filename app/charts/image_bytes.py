"""PNG and SVG bytes of a drawing: the one encoder and SVG writer of the chart, the
relationship graph and the timeline exports.

A drawing is a function ``draw(painter, rect)``; these wrap it in the device and return the
file's bytes (the caller writes them atomically).  Failures are ``OSError`` with a sentence
for the user.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from db.i18n import _

Draw = Callable[[QPainter, QRectF], None]


def encode_png(image: QImage, error: str) -> bytes:
    """``image`` as PNG bytes; ``error``: the sentence for the user if that fails."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 6.12 accepts only str for the format here although its stubs say bytes.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError(error)
    return bytes(buffer.data().data())


def paint_image(image: QImage, size: QSize | QRectF, draw: Draw) -> QImage:
    """``draw`` over ``image`` in a rect of ``size`` (logical pixels); returns the image."""
    painter = QPainter(image)
    try:
        draw(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return image


def svg_bytes(size: QSize, draw: Draw, title: str, dpi: int = 96, description: str = "") -> bytes:
    """``draw`` as an SVG of ``size`` pixels at ``dpi`` (text stays text; keep the screen's
    dpi when the drawing measured its text there)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(dpi)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    if description:
        generator.setDescription(description)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(_("Cannot start the SVG writer."))
    try:
        draw(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())
