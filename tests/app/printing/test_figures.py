"""Vector figures in a dossier: recorded once, drawn where their image stood, never a bitmap."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from pytestqt.qtbot import QtBot

from app.printing import figures
from app.printing.service import DossierService
from db import Archive
from db.dto import Ref
from tests.app.printing.dossier_fixtures import needs_poppler, pdf_text


def _square(painter: QPainter, rect: QRectF) -> None:
    painter.fillRect(QRectF(rect.width() / 4, 0, rect.width() / 2, rect.height()), QColor("red"))


def test_a_recorded_figure_replays_at_any_scale(qapp: object) -> None:
    fig = figures.record(40, 20, _square)
    assert (fig.width, fig.height) == (40, 20)
    image = QImage(80, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(2, 2)
    painter.drawPicture(QPointF(0, 0), fig.picture)
    painter.end()
    assert image.pixelColor(40, 20) == QColor("red")  # the middle, scaled
    assert image.pixelColor(5, 20) == QColor("white")


def test_the_handler_sizes_figures_and_given_bitmaps_and_nothing_else(qapp: object) -> None:
    doc = QTextDocument()
    bitmap = QImage(30, 10, QImage.Format.Format_RGB32)
    handler = figures.install(doc, {"one": figures.record(40, 20, _square)}, {"chart:x": bitmap})
    doc.setHtml(
        '<p>a<img src="dossier-figure:one" width="40" height="20">b'
        '<img src="dossier-figure:unknown" width="4" height="4">'
        '<img src="chart:x" width="60">'
        '<img src="file:///etc/passwd" width="50" height="50"></p>'
    )
    assert doc.toPlainText().count("\ufffc") == 4  # the HTML is not edited: four images
    sizes = []
    block = doc.begin()
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.charFormat().isImageFormat():
            size = handler.intrinsicSize(doc, fragment.position(), fragment.charFormat())
            sizes.append((size.width(), size.height()))
        it += 1
    # The figure at its size; a bitmap at the <img>'s width, its height in proportion; an
    # unknown figure and an unregistered file take no room (a dossier loads nothing itself).
    assert sizes == [(40, 20), (0, 0), (60, 20), (0, 0)]
    # The layout asked the handler: the 50x50 file image took no room (with Qt's own handler
    # the line is over 50 px high, and wider by the unknown and the file images).
    layout_size = doc.documentLayout().documentSize()
    assert 20 <= layout_size.height() < 50 and layout_size.width() < 140


@needs_poppler
def test_a_person_dossier_draws_its_figures_as_vectors(
    archive: Archive, tmp_path: Path, qtbot: QtBot
) -> None:
    service = DossierService(archive)
    target = service.write_pdf(Ref("person", "kamenev-lev"), tmp_path / "kamenev.pdf")
    text = pdf_text(target)
    assert "In time and among people" in text
    assert "Tatiana Glebova" in text  # a name drawn inside the graph: text, not pixels
    images = subprocess.run(
        ["pdfimages", "-list", str(target)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert images == []  # no bitmap anywhere: the figures are vector


@needs_poppler
def test_the_case_summary_heads_its_timeline_with_the_whole_case_drawn(
    archive: Archive, tmp_path: Path
) -> None:
    service = DossierService(archive)
    rendition = service.rendition(None)
    assert set(rendition.figures) == {"case-timeline"}
    target = service.write_pdf(None, tmp_path / "case.pdf")
    text = " ".join(pdf_text(target).split())
    assert "of the whole case" in text
    assert text.index("Timeline of events") < text.index("of the whole case")
