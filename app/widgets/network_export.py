"""Save a relationship graph: PNG, SVG and PDF pictures (drawn by :func:`paint_graph`, on a
light page), its data as JSON (with the positions drawn) or GraphML.

Pictures and data are made in memory first and then written in one step: PDFs through the
verified writer of the dossiers (:func:`app.printing.pdf_file.write_pdf_file`), the rest to a
temporary file moved into place, so a failed save leaves nothing behind.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from app import part_files
from app.appearance import light_palette
from app.charts import image_bytes
from app.charts.network_paint import paint_graph
from app.printing.pdf_file import PdfWriteError, write_pdf_file
from db.graph import EgoGraph, graphml
from db.i18n import _

#: File suffixes :func:`save_graph` writes.
SUFFIXES = (".png", ".svg", ".pdf", ".json", ".graphml")
#: Pixels of a picture per scene pixel (PNG: twice, for sharp text).
PNG_SCALE = 2.0

Positions = Mapping[str, tuple[float, float]]


def picture_size(graph: EgoGraph, positions: Positions) -> QSize:
    """A picture's size: the drawn graph's extent plus a margin (at least 400 × 300)."""
    xs = [p[0] for p in positions.values()] or [0.0]
    ys = [p[1] for p in positions.values()] or [0.0]
    return QSize(max(400, int(max(xs) - min(xs)) + 360), max(300, int(max(ys) - min(ys)) + 160))


def graph_json(graph: EgoGraph, positions: Positions) -> str:
    """The graph's data (:meth:`EgoGraph.to_json`) and where each node was drawn."""
    data = graph.to_json()
    data["positions"] = {k: [x, y] for k, (x, y) in sorted(positions.items())}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _drawer(
    graph: EgoGraph, positions: Positions, font: QFont
) -> Callable[[QPainter, QRectF], None]:
    def draw(painter: QPainter, rect: QRectF) -> None:
        paint_graph(painter, rect, graph, positions, light_palette(), font)

    return draw


def png_bytes(graph: EgoGraph, positions: Positions, font: QFont) -> bytes:
    """The graph as a PNG on a light page."""
    size = picture_size(graph, positions)
    image = QImage(
        int(size.width() * PNG_SCALE), int(size.height() * PNG_SCALE), QImage.Format.Format_RGB32
    )
    image.setDevicePixelRatio(PNG_SCALE)
    image_bytes.paint_image(image, size, _drawer(graph, positions, font))
    return image_bytes.encode_png(image, _("Cannot encode the graph as PNG."))


def svg_bytes(graph: EgoGraph, positions: Positions, font: QFont, title: str) -> bytes:
    """The graph as SVG (vector; text stays text)."""
    size = picture_size(graph, positions)
    return image_bytes.svg_bytes(size, _drawer(graph, positions, font), title)


def pdf_bytes(graph: EgoGraph, positions: Positions, font: QFont, title: str) -> bytes:
    """The graph as a one-page vector PDF sized to the picture (landscape when wide)."""
    size = picture_size(graph, positions)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("kremlin-archive")
    writer.setResolution(96)
    page = QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point, "graph")
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF()))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(_("Cannot start the PDF writer."))
    try:
        target = QRectF(0, 0, writer.width(), writer.height())
        paint_graph(painter, target, graph, positions, light_palette(), font)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def save_graph(path: Path, graph: EgoGraph, positions: Positions, font: QFont, title: str) -> Path:
    """Write ``graph`` to ``path`` in the format its suffix names (:data:`SUFFIXES`).

    Raises:
        OSError: another suffix, or the file cannot be written (the message is for the user).
    """
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        try:
            return write_pdf_file(path, pdf_bytes(graph, positions, font, title))
        except PdfWriteError as exc:
            raise OSError(exc.message) from exc
    if suffix == ".png":
        data = png_bytes(graph, positions, font)
    elif suffix == ".svg":
        data = svg_bytes(graph, positions, font, title)
    elif suffix == ".json":
        data = graph_json(graph, positions).encode("utf-8")
    elif suffix == ".graphml":
        data = graphml(graph)
    else:
        raise OSError(
            _("Cannot save the graph as “{kind}”: choose a file name ending in {suffixes}.").format(
                kind=path.suffix or path.name, suffixes=", ".join(SUFFIXES)
            )
        )
    _write(path, data)
    return path


def _write(path: Path, data: bytes) -> None:
    try:
        part_files.write_bytes(path, data)
    except OSError as exc:
        raise OSError(
            exc.errno,
            _("Cannot save the graph to {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            ),
        ) from exc
