"""Helpers to inspect what Qt made of rich text: plain text, anchors, images, resource loads."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

_SPACE = re.compile(r"\s+")


def normal(text: str) -> str:
    """Text as compared on screen: no zero-width break hints, any whitespace run is a space."""
    text = text.replace("\u200b", "").replace("\xa0", " ").replace("\u2028", " ")
    return _SPACE.sub(" ", text.replace("\u2029", " ")).strip()


class SpyDocument(QTextDocument):
    """A QTextDocument that records every resource it is asked for and loads none."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        self.requests.append(name.toString() if isinstance(name, QUrl) else name)
        return None


def rendered(markup: str) -> SpyDocument:
    """``markup`` laid out as Qt rich text (what a tooltip or rich QLabel shows)."""
    doc = SpyDocument()
    doc.setHtml(markup)
    doc.size()  # force layout: images are requested when laid out
    return doc


def anchors(doc: QTextDocument) -> list[str]:
    """Every link target in ``doc``."""
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                out.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return out


def images(doc: QTextDocument) -> int:
    """Number of image fragments in ``doc``."""
    count = 0
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if it.fragment().charFormat().isImageFormat():
                count += 1
            it += 1
        block = block.next()
    return count
