"""Paged rendering of dossier HTML with Qt: every page gets a running header and a footer.

``QTextDocument.print_()`` draws no headers and reports no errors, so pages are painted here:
the document is laid out once on the target device (printer, preview or PDF writer), then
each page is drawn with ``QPainter`` as a slice of the layout, between a header (the dossier
title) and a footer (archive title, data version, "page X of Y", print date).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from app.pages import labels
from app.pages.markup import ROW_INDENT_PX, hanging_css
from app.printing import figures
from app.printing.figures import SCHEME, Figure, FigureObject
from app.printing.fonts import print_family
from db.i18n import _

#: Page sizes offered by name (command line, export).
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
#: Page margins in millimetres (left, top, right, bottom); header and footer sit inside them.
MARGINS_MM = (18.0, 12.0, 18.0, 12.0)
#: Point sizes of the dossier text and of the running header and footer.
BODY_PT = 9.5
DECOR_PT = 7.0
#: PDF resolution: text is laid out at this many dots per inch (QPrinter's HighResolution).
PDF_DPI = 1200


#: Device pixels by which a page's clip is narrowed for the layout (1/1200 inch at PDF_DPI).
PAGE_EDGE_INSET = 1.0
#: Colour of text that sets none.
TEXT_COLOUR = QColor("#111111")


class RenderError(RuntimeError):
    """The dossier could not be drawn on the device (the painter refused to start)."""


@dataclass(frozen=True)
class PageDecor:
    """Text of the running header and footer, in the reader's language when it is asked for.

    ``archive_title_ru``: the archive's Russian title (its ``title_ru``), printed instead of
    ``archive_title`` in Russian.
    """

    title: str
    archive_title: str
    data_version: str
    printed: date
    archive_title_ru: str | None = None

    def footer_left(self) -> str:
        """``The Kremlin Affair, 1935 · data version 2026.11.3``."""
        title = self.archive_title
        if labels.cyrillic_first() and self.archive_title_ru:
            title = self.archive_title_ru
        return _("{archive} · data version {version}").format(
            archive=title, version=self.data_version
        )

    def footer_right(self) -> str:
        """``printed 25 November 2026`` (the date written by :func:`db.vocab.format_date`)."""
        return _("printed {date}").format(date=labels.date(self.printed.isoformat(), "day"))


def page_number(number: int, total: int) -> str:
    """``page 3 of 7`` in the footer."""
    return _("page {number} of {total}").format(number=number, total=total)


@dataclass(frozen=True)
class Rendition:
    """A dossier ready to paint: its HTML, images it refers to, and the page decoration."""

    title: str
    html: str
    decor: PageDecor
    images: Mapping[str, QImage] = field(default_factory=dict)
    #: Vector figures the page refers to as ``dossier-figure:NAME`` (see
    #: :mod:`app.printing.figures`).
    figures: Mapping[str, Figure] = field(default_factory=dict)


class DossierDocument(QTextDocument):
    """A text document that loads no resource it was not given: no files, no network.

    Archive text is escaped before it gets here; this is the second wall, should an
    ``<img src="file:///…">`` ever slip through.
    """

    def __init__(self) -> None:
        super().__init__()
        #: Page index → the paragraph that runs over onto that page from the one before
        #: (filled by :func:`paginate`, drawn by :func:`_draw_body`).
        self.continued: dict[int, QTextBlock] = {}
        #: Draws the vector figures (kept alive with the document).
        self.figures: FigureObject | None = None

    def loadResource(self, type: int, name: QUrl | str) -> object:
        """Refuse every resource not registered with ``addResource``."""
        return None


def page_layout(page_size: str) -> QPageLayout:
    """Portrait layout of a named page size with the dossier margins."""
    left, top, right, bottom = MARGINS_MM
    return QPageLayout(
        QPageSize(PAGE_SIZES[page_size]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(left, top, right, bottom),
        QPageLayout.Unit.Millimeter,
    )


def _font(points: float) -> QFont:
    font = QFont(print_family())
    font.setPointSizeF(points)
    # No ligatures: "ﬁ" in "confidence" would be extracted and searched as one odd glyph.
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def build_document(
    rendition: Rendition, device: QPagedPaintDevice, body: QSizeF
) -> DossierDocument:
    """The dossier laid out on ``device`` in pages of ``body`` (device pixels)."""
    doc = DossierDocument()
    doc.setUndoRedoEnabled(False)  # built once, never edited by a user
    doc.setDefaultFont(_font(BODY_PT))  # explicit, so that Cyrillic glyphs are embedded
    doc.setDocumentMargin(0)
    option = QTextOption()
    # Long unbroken strings (URLs, ids) wrap anywhere instead of running off the page.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    # The tab of "label<TAB>value" rows.  Qt uses a block's own tab list (HTML gives none)
    # and otherwise this distance, in CSS pixels (the layout scales it to the device).
    option.setTabStopDistance(ROW_INDENT_PX)
    doc.setDefaultTextOption(option)
    doc.documentLayout().setPaintDevice(device)
    # Images and figures are drawn by a handler of our own, there before the HTML's layout.
    doc.figures = figures.install(doc, rendition.figures, rendition.images)
    # Page size first: set after the HTML, it would throw away a first layout at the wrong width.
    doc.setPageSize(body)
    # The rows' hanging indent in device pixels: swap the page's own rule (written for the
    # screen) for one at this device's scale.  (A second <style> did not reliably override.)
    scaled = hanging_css(device.logicalDpiX() / 96)
    doc.setHtml(rendition.html.replace(hanging_css(), scaled, 1))
    paginate(doc, body.height())
    return doc


def paginate(doc: DossierDocument, page_height: float) -> tuple[int, int]:
    """Mend Qt's page breaks in one pass; return (headings moved, page tops mended).

    * Qt has no "keep with next": a heading that would be the last line of a page, its text
      overleaf, gets a page break before it; so does a figure whose caption would be
      overleaf (with the heading just before it, if any).
    * Each page is drawn with the whole layout clipped to it, and Qt draws a paragraph's
      lines that touch the clip *plus the one line just above it* (``QTextLayout::draw``).
      The painter's clip hides that line, but its text stays in the PDF: copied, searched or
      read aloud, the line before every break came twice.  So a paragraph that runs over a
      break is noted in ``doc.continued`` and :func:`_draw_body` draws its lines on the
      later page itself.  In a table cell that cannot be done (the table is drawn whole):
      such a paragraph is split in two at the break (the continuation without space above
      or first-line indent), and the document laid out again.

    The document is laid out in full first: Qt lays out lazily, and an edit made while the
    lazy layout was unfinished left everything after it unlaid (a dossier's whole sources
    list went missing from the PDF; a test prints every dossier to catch that).
    """
    layout = doc.documentLayout()
    doc.pageCount()  # finish the lazy layout first (see above)
    cursor = QTextCursor(doc)
    moved = 0
    in_tables: list[tuple[QTextBlock, int]] = []
    continued: dict[int, QTextBlock] = {}
    block = doc.begin()
    while block.isValid():
        following = block.next()
        rect = layout.blockBoundingRect(block)
        figure = _holds_figure(block)
        if (block.blockFormat().headingLevel() or figure) and following.isValid():
            # a heading keeps its next line; a figure keeps its whole caption
            if _stranded(layout, block, rect.top(), following, page_height, whole=figure):
                before = block.previous()
                if not block.blockFormat().headingLevel() and before.blockFormat().headingLevel():
                    block = before  # the figure's heading goes with it
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
                moved += 1
        elif int(rect.top() // page_height) != int((rect.bottom() - 1) // page_height):
            at = _first_line_overleaf(block, rect.top(), page_height)
            if at is not None and QTextCursor(block).currentTable() is not None:
                in_tables.append((block, at))
            elif at is not None:
                first = int(rect.top() // page_height) + 1
                for page in range(first, int((rect.bottom() - 1) // page_height) + 1):
                    continued[page] = block
        block = following
    if in_tables:
        cursor.beginEditBlock()
        for block, at in reversed(in_tables):  # from the end: earlier positions stay valid
            _split_block(cursor, block, at)
        cursor.endEditBlock()
        # Qt re-lays out a table after an edit in one of its cells only in part, and its rows
        # lost their page positions (a case summary shrank from 8 pages to 6, rows drawn over
        # rows); laying the whole document out again gives the same pages as before the split.
        doc.markContentsDirty(0, doc.characterCount())
    doc.continued = continued
    return moved, len(continued) + len(in_tables)


def _holds_figure(block: QTextBlock) -> bool:
    """Whether ``block`` draws one of the dossier's figures (``dossier-figure:NAME``)."""
    fragments = block.begin()
    while not fragments.atEnd():
        char_format = fragments.fragment().charFormat()
        if char_format.isImageFormat() and char_format.toImageFormat().name().startswith(SCHEME):
            return True
        fragments += 1
    return False


def _stranded(
    layout: QAbstractTextDocumentLayout,
    heading: QTextBlock,
    top: float,
    following: QTextBlock,
    page_height: float,
    whole: bool = False,
) -> bool:
    """True when ``heading`` is not at the top of its page and the next line (``whole``: the
    last line of the next block) is overleaf."""
    lines = following.layout()
    count = lines.lineCount()
    line = lines.lineAt(count - 1 if whole else 0) if count else None
    below = layout.blockBoundingRect(following).top() + (line.y() if line is not None else 0.0)
    page = int(top // page_height)
    return int(below // page_height) > page and top - page * page_height > 1.0


def _first_line_overleaf(block: QTextBlock, top: float, page_height: float) -> int | None:
    """Text offset of the block's first line on a later page than its first line, if any."""
    lines = block.layout()
    if lines.lineCount() < 2:
        return None
    first_page = int((top + lines.lineAt(0).y()) // page_height)
    for j in range(1, lines.lineCount()):
        line = lines.lineAt(j)
        if int((top + line.y()) // page_height) > first_page:
            return line.textStart()
    return None


def _split_block(cursor: QTextCursor, block: QTextBlock, at: int) -> None:
    cursor.beginEditBlock()  # one change, one relayout
    head = block.blockFormat()
    head.setBottomMargin(0)
    cursor.setPosition(block.position())
    cursor.setBlockFormat(head)
    cursor.setPosition(block.position() + at)
    tail = QTextBlockFormat(head)
    tail.setTopMargin(0)
    tail.setTextIndent(0)
    tail.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
    cursor.insertBlock(tail)
    listed = cursor.block().textList()
    if listed is not None:
        listed.remove(cursor.block())
    cursor.endEditBlock()


@dataclass(frozen=True)
class _Frame:
    """Geometry of one page in device pixels."""

    header: QRectF
    body: QRectF
    footer: QRectF


def _frame(device: QPagedPaintDevice, decor_font: QFont) -> _Frame:
    width, height = float(device.width()), float(device.height())
    line = QFontMetricsF(decor_font, device).height()
    band = line * 2.2
    return _Frame(
        QRectF(0, 0, width, line * 1.4),
        QRectF(0, band, width, height - 2 * band),
        QRectF(0, height - line * 1.4, width, line * 1.4),
    )


class _Decorator:
    """Draws the running header and the footer; the texts are fitted once per dossier."""

    def __init__(
        self, device: QPagedPaintDevice, frame: _Frame, decor: PageDecor, font: QFont, total: int
    ) -> None:
        self._frame = frame
        self._font = font
        metrics = QFontMetricsF(font, device)
        h, f = frame.header, frame.footer
        self._title = metrics.elidedText(decor.title, Qt.TextElideMode.ElideMiddle, h.width())
        # The widest centre text ("page 10 of 10") keeps both sides clear of it on every page.
        widest = metrics.horizontalAdvance(page_number(total, total))
        side = (f.width() - widest) / 2 - metrics.averageCharWidth() * 2
        self._left = metrics.elidedText(decor.footer_left(), Qt.TextElideMode.ElideRight, side)
        self._right = metrics.elidedText(decor.footer_right(), Qt.TextElideMode.ElideLeft, side)
        self._total = total
        self._text_pen = QPen(QColor("#444444"))
        self._rule_pen = QPen(QColor("#9aa4b5"))
        self._rule_pen.setWidthF(device.logicalDpiY() / 144)  # half a point

    def draw(self, painter: QPainter, number: int) -> None:
        """Header and footer of page ``number``."""
        h, f = self._frame.header, self._frame.footer
        painter.save()
        painter.setFont(self._font)
        painter.setPen(self._text_pen)
        painter.drawText(h, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self._title)
        painter.drawText(f, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self._left)
        painter.drawText(
            f,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            page_number(number, self._total),
        )
        painter.drawText(f, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, self._right)
        painter.setPen(self._rule_pen)
        painter.drawLine(h.bottomLeft(), h.bottomRight())
        painter.drawLine(f.topLeft(), f.topRight())
        painter.restore()


def _draw_body(painter: QPainter, doc: DossierDocument, body: QRectF, index: int) -> None:
    painter.save()
    top = index * body.height()
    bottom = top + body.height()
    painter.translate(body.left(), body.top() - top)
    clip = QRectF(0, top, body.width(), body.height())
    painter.setClipRect(clip)
    # Qt draws every line that touches the clip, and the pagination puts a page's first
    # line exactly on the boundary: the layout's clip is inset a hair at both edges.
    inner = clip.adjusted(0, PAGE_EDGE_INSET, 0, -PAGE_EDGE_INSET)
    continued = doc.continued.get(index)
    if continued is not None:
        # The layout skips the paragraph running over from the page before (it would also
        # draw that paragraph's last line of the previous page); its lines are drawn here.
        rect = doc.documentLayout().blockBoundingRect(continued)
        _draw_lines(painter, continued, rect, top, bottom)
        inner.setTop(rect.bottom() + PAGE_EDGE_INSET)
    if inner.top() < inner.bottom():
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = inner
        context.palette.setColor(QPalette.ColorRole.Text, TEXT_COLOUR)
        doc.documentLayout().draw(painter, context)
    painter.restore()


def _draw_lines(
    painter: QPainter, block: QTextBlock, rect: QRectF, top: float, bottom: float
) -> None:
    """The lines of ``block`` (laid out at ``rect``) that start between top and bottom."""
    lines = block.layout()
    origin = rect.topLeft()  # the layout's position on the page: lines are placed from it
    painter.setPen(TEXT_COLOUR)
    for i in range(lines.lineCount()):
        line = lines.lineAt(i)
        y = rect.top() + line.y()
        if top - PAGE_EDGE_INSET <= y < bottom - PAGE_EDGE_INSET:
            line.draw(painter, origin)


def paint(device: QPagedPaintDevice, rendition: Rendition, first: int = 1, last: int = 0) -> int:
    """Paint pages ``first..last`` (1-based, 0 = to the end) on ``device``; return the total.

    Raises :class:`RenderError` when the device refuses the painter (Qt's only sign of a
    printer that cannot print).
    """
    font = _font(DECOR_PT)
    frame = _frame(device, font)
    doc = build_document(rendition, device, frame.body.size())
    total = max(1, doc.pageCount())
    last = total if last <= 0 else min(last, total)
    first = max(1, first)
    painter = QPainter()
    if not painter.begin(device):
        raise RenderError(_("the printer or file could not be opened for drawing"))
    try:
        decorator = _Decorator(device, frame, rendition.decor, font, total)
        for number in range(first, last + 1):
            if number > first and not device.newPage():
                raise RenderError(_("the printer refused page {number}").format(number=number))
            decorator.draw(painter, number)
            _draw_body(painter, doc, frame.body, number - 1)
    finally:
        painter.end()
    return total


def pdf_bytes(
    rendition: Rendition, layout: QPageLayout, first: int = 1, last: int = 0
) -> tuple[bytes, int]:
    """The dossier (pages ``first..last``, 0 = to the end) as PDF bytes and its page count."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(layout)
    writer.setTitle(rendition.title)
    writer.setCreator(_("Kremlin Affair Archive"))
    pages = paint(writer, rendition, first, last)
    del writer  # flushes nothing more: the painter's end() already wrote the trailer
    buffer.close()
    return bytes(data.data()), pages
