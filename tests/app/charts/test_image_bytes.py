"""image_bytes: a drawing as PNG or SVG bytes, text kept as text in the SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from app.charts import image_bytes


def _draw(painter: QPainter, rect: QRectF) -> None:
    painter.fillRect(QRectF(0, 0, rect.width() / 2, rect.height()), QColor("red"))
    painter.drawText(rect, "Каменев")


def test_a_png_holds_the_drawing(qapp: object) -> None:
    image = QImage(40, 20, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    image_bytes.paint_image(image, QSize(40, 20), _draw)
    back = QImage.fromData(image_bytes.encode_png(image, "no"))
    assert back.size() == QSize(40, 20)
    assert back.pixelColor(5, 10) == QColor("red") and back.pixelColor(35, 2) == QColor("white")


def test_an_image_that_cannot_be_encoded_says_so(qapp: object) -> None:
    with pytest.raises(OSError, match="cannot encode this"):
        image_bytes.encode_png(QImage(), "cannot encode this")


def test_an_svg_keeps_its_text_title_and_size(qapp: object) -> None:
    data = image_bytes.svg_bytes(QSize(300, 100), _draw, "Заголовок", description="about")
    root = ET.fromstring(data)
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 300 100"
    text = data.decode("utf-8")
    assert "Каменев" in text and "Заголовок" in text and "about" in text
