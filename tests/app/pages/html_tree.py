"""A small element tree built with :mod:`html.parser`, so page tests read structure.

Tests of the page builders ask "which links does this list hold", "what does this table cell
say" instead of matching substrings of markup.  Text is unescaped the way a browser does it, so
archive text that was escaped correctly comes back exactly as written, and markup that slipped
through unescaped shows up as an element instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements that never have an end tag.
VOID = frozenset({"br", "img", "meta", "hr", "link", "input", "col", "wbr"})
#: Elements whose content is not page text.
NOT_TEXT = frozenset({"style", "title", "script"})


@dataclass
class Element:
    """One element: tag, attributes and children (elements and text)."""

    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        """The names in the ``class`` attribute."""
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        """The text of this element and its descendants (``<br>`` as a newline; the content
        of a descendant ``<style>``, ``<title>`` or ``<script>`` is not page text)."""
        if self.tag == "br":
            return "\n"
        return "".join(
            c if isinstance(c, str) else "" if c.tag in NOT_TEXT else c.text()
            for c in self.children
        )

    def iter(self, tag: str | None = None, cls: str | None = None) -> Iterator[Element]:
        """Descendants (depth first, document order) with ``tag`` and class ``cls``."""
        for child in self.children:
            if isinstance(child, Element):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                    yield child
                yield from child.iter(tag, cls)

    def all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        """:meth:`iter` as a list."""
        return list(self.iter(tag, cls))

    def find(self, tag: str | None = None, cls: str | None = None) -> Element:
        """The first descendant with ``tag`` and class ``cls`` (AssertionError if none)."""
        for element in self.iter(tag, cls):
            return element
        raise AssertionError(f"no <{tag} class={cls!r}> in {self.text()[:200]!r}")

    def links(self) -> list[tuple[str, str]]:
        """(href, text) of every ``<a>`` below this element."""
        return [(a.attrs.get("href") or "", a.text()) for a in self.iter("a")]

    def rows(self) -> list[list[str]]:
        """Cell texts of every table row below this element (header rows included)."""
        return [[c.text() for c in tr.children if isinstance(c, Element)] for tr in self.iter("tr")]

    def section(self, heading: str) -> Element:
        """The siblings after the ``<h2>`` whose text starts with ``heading``, up to the next
        ``<h2>``, wrapped in a ``<section>`` element."""
        for parent in [self, *self.iter()]:
            kids = parent.children
            for i, kid in enumerate(kids):
                if isinstance(kid, Element) and kid.tag == "h2" and kid.text().startswith(heading):
                    out = Element("section")
                    for after in kids[i + 1 :]:
                        if isinstance(after, Element) and after.tag == "h2":
                            break
                        out.children.append(after)
                    return out
        raise AssertionError(f"no <h2> starting {heading!r}")


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self._open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self._open[-1].children.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open[-1].children.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element; a stray end tag closes nothing.
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._open[-1].children.append(data)


def parse(markup: str) -> Element:
    """The element tree of ``markup`` (under a ``#root`` element)."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root
