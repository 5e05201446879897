"""Colours of a page shown on screen, from the widget's palette (no archive text, no DTOs).

Kept apart from :mod:`app.pages.markup` so the detail view can be built — and the first People
rows painted — without importing the page builders and the data layer's DTOs.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Class of the record's sources note (:meth:`app.pages.markup.Footnotes.record_note`).
RECORD_NOTE_CLASS = "recsrc"


@dataclass(frozen=True)
class PageColours:
    """Colours of a page shown on screen, taken from the widget's palette (CSS colour strings).

    Printed dossiers keep their own colours (paper is white); a page on screen follows the
    light or dark scheme, so none of its text or shading may be a fixed colour.
    """

    text: str
    base: str
    muted: str
    heading: str
    link: str
    shade: str
    shade_border: str
    shade_head: str
    note_text: str


#: The colours of a light page, as the stylesheets were written for (tests, defaults).
LIGHT_PAGE = PageColours(
    text="#000000",
    base="#ffffff",
    muted="#555555",
    heading="#333333",
    link="#1a4f9c",
    shade="#fff4e0",
    shade_border="#d9a441",
    shade_head="#f0e0c0",
    note_text="#6b2a0b",
)


def screen_css(c: PageColours) -> str:
    """Colour rules to put after a page's own stylesheet on screen, overriding its fixed
    colours: text, background, links, muted words, the shaded tables and notes.

    Every selector starts with ``body``: Qt lets the first of two equally specific rules win,
    so these must be more specific than the page's own (``body a`` beats ``a``).
    """
    rules = (
        ("body", f"color: {c.text}; background-color: {c.base};"),
        ("h1, h3, h4", f"color: {c.text};"),
        ("h2, p.sub", f"color: {c.heading};"),
        ("p.kind, td.k, .src, .note, .muted, span.subject", f"color: {c.muted};"),
        ("table.dispute", f"background-color: {c.shade}; border-color: {c.shade_border};"),
        ("th", f"background-color: {c.shade_head}; color: {c.text};"),
        ("a", f"color: {c.link};"),
        (f"p.{RECORD_NOTE_CLASS}", f"background-color: {c.shade}; color: {c.note_text};"),
    )
    lines = []
    for selectors, declarations in rules:
        scoped = ", ".join(
            s.strip() if s.strip() == "body" else f"body {s.strip()}" for s in selectors.split(",")
        )
        lines.append(f"{scoped} {{ {declarations} }}")
    return "\n".join(lines) + "\n"
