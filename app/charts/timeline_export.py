"""The timeline as a PNG, an SVG or a vector PDF: :func:`paint_timeline` onto each device.

Each function renders a :class:`Drawing` (what the view shows: lanes, marks, density, the
visible days) in memory and returns the bytes; :func:`write_atomically` puts them in place
(a temporary ``.part`` file beside the target, renamed when complete).  PDFs go through the
print path's verified writer (:func:`app.printing.pdf_file.write_pdf_file`).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
)

from app import part_files
from app.charts import image_bytes
from app.charts.timeline_paint import paint_timeline
from db.dto import Ref
from db.i18n import _
from db.timeline import Bucket, Lane, Mark

#: Size of a saved image when the view has never been laid out.
DEFAULT_SIZE = QSize(1600, 600)
#: Resolution the PDF is laid out at (its text and lines stay vectors).
PDF_DPI = 96


@dataclass(frozen=True)
class Drawing:
    """Everything one picture of the timeline needs."""

    lanes: tuple[Lane, ...]
    marks: tuple[Mark, ...]
    buckets: tuple[Bucket, ...]
    start: float
    end: float
    palette: QPalette
    font: QFont
    current: Ref | None = None
    title: str = ""
    level: str | None = None  # the bucket size drawn as bars


def _paint(painter: QPainter, rect: QRectF, d: Drawing) -> None:
    painter.setFont(d.font)
    if d.title:
        line = painter.fontMetrics().height() + 8
        painter.setPen(d.palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            d.title,
        )
        rect = rect.adjusted(0, line, 0, 0)
    paint_timeline(
        painter,
        rect,
        d.marks,
        d.palette,
        lanes=d.lanes,
        start=d.start,
        end=d.end,
        buckets=d.buckets,
        current=d.current,
        level=d.level,
    )


def png_bytes(d: Drawing, size: QSize = DEFAULT_SIZE) -> bytes:
    """The drawing as a PNG of ``size`` pixels on the palette's base colour."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(d.palette.color(QPalette.ColorRole.Base))
    image_bytes.paint_image(image, size, lambda painter, rect: _paint(painter, rect, d))
    return image_bytes.encode_png(image, _("Cannot encode the timeline as PNG."))


def svg_bytes(d: Drawing, size: QSize = DEFAULT_SIZE, dpi: int = 96) -> bytes:
    """The drawing as an SVG of ``size`` pixels (text stays text; the font was measured on
    screen: ``dpi`` keeps its pixel size)."""
    return image_bytes.svg_bytes(
        size, lambda painter, rect: _paint(painter, rect, d), d.title or _("Timeline"), dpi
    )


def pdf_bytes(d: Drawing) -> bytes:
    """The drawing on one landscape A4 page of a vector PDF."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(d.title or _("Timeline"))
    writer.setCreator("Kremlin Affair Archive")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(_("Cannot start the PDF writer."))
    try:
        rect = QRectF(writer.pageLayout().paintRectPixels(PDF_DPI))
        _paint(painter, QRectF(0, 0, rect.width(), rect.height()), d)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    Raises:
        OSError: with a message for the user (folder missing, read-only, disk full …).
    """
    tmp: Path | None = None
    try:
        fd, tmp = part_files.create(path)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise OSError(
            exc.errno,
            _("Cannot save the timeline to {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            ),
        ) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
