"""DetailView: the right-hand page showing one person, event, document or source.

A QTextBrowser with ``openLinks`` off: it never follows a link itself.  Internal
``archive://`` links are emitted as :attr:`DetailView.link_activated`; a document's online
address is emitted as :attr:`external_link_requested` only when the user clicks it;
``expand://field/N`` re-renders the page with part N of one long field (all of it when it
is short enough).  ``loadResource`` refuses every resource, so even markup that slipped
through could not read a local file.

Signals:
    link_activated(object): a ``Ref`` the user clicked.
    external_link_requested(str): an http(s) address the user clicked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QRegularExpression, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPalette, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from app.pages.page_style import LIGHT_PAGE, PageColours, screen_css
from db.i18n import _

if TYPE_CHECKING:  # imported on first click: the window must show before the data layer
    from db.dto import Ref

#: Words of a search marked on a page, and marks per word (a common word stays cheap).
MAX_MARKED_WORDS = 8
MAX_MARKS = 200
_WORD = re.compile(r"\w+")
#: Letters the search folds together, and the signs it drops between letters.
_FOLDED = {"е": "[её]", "ё": "[её]", "и": "[ий]", "й": "[ий]"}
_DROPPED = "[ьъʹʺ'’]?"
_MATCH_OPTIONS = (
    QRegularExpression.PatternOption.CaseInsensitiveOption
    | QRegularExpression.PatternOption.UseUnicodePropertiesOption
)


def word_pattern(word: str) -> str:
    """A word beginning as the search finds it, any letter case: ё and е alike, й and и, a
    soft or hard sign or an apostrophe between any two letters (the key "илин" marks Ильин)."""
    return r"\b" + _DROPPED.join(_FOLDED.get(c, re.escape(c)) for c in word)


#: Renders the current page given the set of expanded field keys.
Renderer = Callable[[frozenset[str]], str]

#: The amber of disputed claims and source notes, mixed into the page's base colour.
_AMBER = QColor("#d9a441")
_RUST = QColor("#b4572a")


def _mix(a: QColor, b: QColor, share_of_b: float) -> str:
    """``a`` with ``share_of_b`` of ``b`` mixed in, as ``#rrggbb``."""
    k = share_of_b
    return QColor(
        round(a.red() * (1 - k) + b.red() * k),
        round(a.green() * (1 - k) + b.green() * k),
        round(a.blue() * (1 - k) + b.blue() * k),
    ).name()


def page_colours(palette: QPalette) -> PageColours:
    """The page's colours in ``palette``: its text on its base, muted words between the two,
    its link colour, amber shading faint enough for either scheme."""
    role = QPalette.ColorRole
    text, base = palette.color(role.Text), palette.color(role.Base)
    dark = base.lightness() < text.lightness()
    link = palette.color(role.Link).name()
    if not dark and link == "#0000ff":  # Qt's stock link blue: the page's own is calmer
        link = LIGHT_PAGE.link
    return PageColours(
        text=text.name(),
        base=base.name(),
        muted=_mix(text, base, 0.35),
        heading=_mix(text, base, 0.15),
        link=link,
        shade=_mix(base, _AMBER, 0.22 if dark else 0.14),
        shade_border=_AMBER.name(),
        shade_head=_mix(base, _AMBER, 0.38 if dark else 0.3),
        note_text=_mix(text, _RUST, 0.3 if dark else 0.75),
    )


def themed(html: str, colours: PageColours) -> str:
    """``html`` with the colour rules of ``colours`` after its own stylesheet."""
    style = f"<style>{screen_css(colours)}</style>"
    head_end = html.find("</head>")
    if head_end >= 0:
        return html[:head_end] + style + html[head_end:]
    return style + html


class DetailView(QTextBrowser):
    """Read-only rich-text page with internal links only."""

    link_activated = Signal(object)
    external_link_requested = Signal(str)
    #: A page was shown: the item's Ref, or None for pages of no single item (welcome, figures).
    page_shown = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._renderer: Renderer | None = None
        self._expanded: frozenset[str] = frozenset()
        self._external: list[str] = []
        self._words: tuple[str, ...] = ()
        self._next_words: tuple[str, ...] = ()
        self.ref: Ref | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """The view's own words (the page is made again by its owner: :meth:`replace_page`)."""
        self.setAccessibleName(_("Details of the item shown"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # Light or dark now: the page's colours come from the palette, so draw it again.
            position = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(position)

    def show_page(self, ref: Ref | None, renderer: Renderer, external: list[str]) -> None:
        """Show a page; ``external`` holds the addresses ``external:N`` links stand for.

        Words given to :meth:`highlight_words` just before are marked on this page only.
        """
        self.ref = ref
        self._renderer = renderer
        self._expanded = frozenset()
        self._external = list(external)
        self._words, self._next_words = self._next_words, ()
        self._render()
        self.verticalScrollBar().setValue(0)
        self.page_shown.emit(ref)

    def replace_page(self, renderer: Renderer, external: list[str]) -> None:
        """Show the same page made anew (another language): the item, the parts of long
        fields opened, the marked words and the scroll position stay."""
        position = self.verticalScrollBar().value()
        self._renderer = renderer
        self._external = list(external)
        self._render()
        self.verticalScrollBar().setValue(position)
        self.page_shown.emit(self.ref)

    @Slot(str)
    def highlight_words(self, text: str) -> None:
        """Mark the words of ``text`` (a search) on the next page shown, as word beginnings."""
        self._next_words = tuple(dict.fromkeys(w for w in _WORD.findall(text.casefold())))

    @property
    def marked_words(self) -> list[str]:
        """The marked stretches of the page (tests and accessibility)."""
        return [sel.cursor.selectedText() for sel in self.extraSelections()]

    def _render(self) -> None:
        if self._renderer is not None:
            self.setHtml(themed(self._renderer(self._expanded), page_colours(self.palette())))
            self._mark_words()

    def _mark_words(self) -> None:
        selections = []
        doc = self.document()
        mark = QTextCharFormat()
        highlight = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(110)  # a wash over the text, readable on a light or a dark page
        mark.setBackground(highlight)
        for word in self._words[:MAX_MARKED_WORDS]:
            # Unicode properties: without them \b knows only ASCII letters and no Cyrillic
            # word is ever found.
            expr = QRegularExpression(word_pattern(word), _MATCH_OPTIONS)
            cursor = doc.find(expr, 0)
            found = 0
            while not cursor.isNull() and found < MAX_MARKS:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = mark
                selections.append(selection)
                found += 1
                cursor = doc.find(expr, cursor)
        self.setExtraSelections(selections)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        # Archive text never loads anything: no images, no style sheets, no files.  An empty
        # value, not None: for None (an invalid QVariant) QTextDocument loads a file: URL
        # itself, so a stray <img> would still be read and painted.
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return QImage()
        return QByteArray()

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        from db.dto import Ref

        ref = Ref.from_uri(text)
        if ref is not None:
            self.link_activated.emit(ref)
        elif text.startswith("expand://"):
            key = text[len("expand://") :]
            field = key.partition("/")[0]  # ``field/N``: part N replaces the part shown
            self._expanded = frozenset(
                k for k in self._expanded if k.partition("/")[0] != field
            ) | {key}
            position = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(position)
        elif text.startswith("external:"):
            index = text[len("external:") :]
            if index.isdigit() and int(index) < len(self._external):
                address = self._external[int(index)]
                if address.startswith(("http://", "https://")):
                    self.external_link_requested.emit(address)
        # Anything else (file:, javascript:, data: …) is ignored on purpose.

    def createMimeDataFromSelection(self) -> QMimeData:
        """What a copy takes: the selection without the zero-width spaces the page puts into
        long unbroken words (an address copied from a source's page must still work)."""
        data = super().createMimeDataFromSelection()
        out = QMimeData()
        out.setText(data.text().replace("\u200b", ""))
        if data.hasHtml():
            out.setHtml(data.html().replace("\u200b", ""))
        return out

    def plain_text(self) -> str:
        """The page as plain text (tests and accessibility)."""
        doc: QTextDocument = self.document()
        return doc.toPlainText()
