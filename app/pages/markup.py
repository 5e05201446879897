"""HTML building blocks of the dossiers: escaping, value formatting, numbered footnotes (no Qt).

Every piece of archive text passes through :func:`esc` before it enters a dossier: archive text
is data, never markup (a ``<img src="file:///…">`` in a summary prints as those characters).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from app.pages import labels
from app.pages.escape import escape
from app.pages.labels import field_label
from app.pages.page_style import RECORD_NOTE_CLASS
from db import vocab
from db.dto import ClaimDTO, FieldClaims, Labelled
from db.i18n import N_, _, ngettext

#: Longest stretch of one value printed; Qt's text layout is super-linear on huge unbroken runs.
MAX_VALUE_CHARS = 20_000

#: ISO dates (with month, optionally day) inside a claimed value.
_ISO_IN_TEXT = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")


def esc(value: object) -> str:
    """Archive text as HTML text: escaped, and cut (with a note) if absurdly long."""
    # Tabs would jump to the hanging column of a row; no other whitespace is touched.
    text = "" if value is None else str(value).replace("\t", " ")
    if len(text) > MAX_VALUE_CHARS:
        cut = len(text) - MAX_VALUE_CHARS
        more = ngettext(
            "[{n} more character not printed]", "[{n} more characters not printed]", cut
        ).format(n=labels.number(cut))
        text = f"{text[:MAX_VALUE_CHARS]} … {more}"
    return escape(text)


def format_value(field: str, value: str | None) -> str:
    """A claimed value for reading, its ISO dates written out: ``25 July 1935``; a value of a
    controlled field in words (``former-sister-in-law`` → ``former sister-in-law of``,
    ``death`` → «расстрел»; :func:`db.vocab.claim_value_label`).

    Every date in the value is (``1935-06-05; 1935-06-07``, ``1935-03 (apparently)``); a
    span of years such as ``1934-35`` is not a date and stays as claimed.
    """
    if value is None or value == "":
        return _("(no value)")
    words = vocab.claim_value_label(field, value)  # "death" → «расстрел», "sister" → …
    if words != value:
        return words
    return _ISO_IN_TEXT.sub(_spelled_date, value)


def _spelled_date(match: re.Match[str]) -> str:
    text = match.group(0)
    parts = [int(p) for p in text.split("-")]
    if not 1 <= parts[1] <= 12 or (len(parts) == 3 and not 1 <= parts[2] <= 31):
        return text  # "1934-35" is a span of years, not a month
    return vocab.format_date(text, "month" if len(parts) == 2 else "day")


def life_dates(birth: int | None, death: int | None) -> str | None:
    """``1898–1937``, ``born 1901``, ``died 1937``; None when neither year is known."""
    if birth and death:
        return f"{birth}–{death}"
    if birth:
        return _("born {year}").format(year=birth)
    if death:
        return _("died {year}").format(year=death)
    return None


def number_ranges(numbers: Iterable[int]) -> str:
    """``[1, 2, 3, 5]`` → ``1–3, 5``."""
    nums = sorted(set(numbers))
    parts: list[str] = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{nums[i]}–{nums[j]}")
        else:
            parts.extend(str(n) for n in nums[i : j + 1])
        i = j + 1
    return ", ".join(parts)


#: Markers up to this long never wrap; longer ones may wrap between two numbers.
MARKER_KEEP_CHARS = 10


def _marker(numbers: str) -> str:
    # A short marker is glued with no-break spaces and moves with its word.  A long one
    # glued so became one "word" too wide for a narrow column, which the wrap-anywhere
    # fallback then cut inside a number ("6" / "8"); it keeps plain spaces after its commas.
    if len(numbers) <= MARKER_KEEP_CHARS:
        numbers = numbers.replace(" ", "&nbsp;")
    return f'<sup class="fn">{numbers}</sup>' if numbers else ""


def heading(text: str, level: int = 2) -> str:
    """A heading of page words (already translated): ``<h2>Sources</h2>``."""
    return f"<h{level}>{esc(text)}</h{level}>"


#: Class of the record's sources note (:meth:`Footnotes.record_note`) and its style: a shaded
#: block in the notes' colour, unlike any line of facts.
RECORD_NOTE_CSS = (
    f"p.{RECORD_NOTE_CLASS} {{ background-color: #f6efe8; color: #6b2a0b; font-size: 8.5pt; "
    "margin-top: 4px; margin-bottom: 6px; }"
)


#: What a sources note is about (:func:`sources_of`).
RECORD = "this record"
SENTENCE = "this sentence"


def sources_of(what: str, numbers: str) -> str:
    """``Sources of this record: notes 1–3, 7`` (``note 4`` for one note).

    ``what`` is :data:`RECORD` or :data:`SENTENCE`, each a whole sentence to translate;
    any other words are put in as given.
    """
    single = "," not in numbers and "–" not in numbers
    if what == RECORD:
        text = (
            _("Sources of this record: note {numbers}")
            if single
            else _("Sources of this record: notes {numbers}")
        )
    elif what == SENTENCE:
        text = (
            _("Sources of this sentence: note {numbers}")
            if single
            else _("Sources of this sentence: notes {numbers}")
        )
    else:
        text = (
            _("Sources of {what}: note {numbers}")
            if single
            else _("Sources of {what}: notes {numbers}")
        )
    return text.format(what=what, numbers=numbers)


@dataclass(frozen=True)
class Note:
    """One entry of the numbered sources list."""

    number: int
    source: Labelled
    locator: str | None


class Footnotes:
    """Numbers sources in the order a dossier first cites them; renders markers and the list.

    One number per (source, locator): the same page of the same book cited twice gets the
    same number, a different page of it a new one.
    """

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], int] = {}
        self._notes: list[Note] = []

    def number(self, source: Labelled, locator: str | None = None) -> int:
        """The footnote number of ``source`` (assigned on first use)."""
        key = (source.ref.id, locator or "")
        n = self._numbers.get(key)
        if n is None:
            n = len(self._notes) + 1
            self._numbers[key] = n
            self._notes.append(Note(n, source, locator))
        return n

    def cite(self, claims: Iterable[ClaimDTO]) -> str:
        """Superscript marker for ``claims`` (``<sup>1–3, 7</sup>``); empty when none."""
        return _marker(self.numbers(claims))

    def numbers(self, claims: Iterable[ClaimDTO]) -> str:
        """Plain note numbers for ``claims`` (``1–3, 7``), for a table's "Notes" column.

        Tables use a column rather than a superscript: a raised marker makes one cell's line
        taller than its neighbours', and Qt then breaks that row across two pages.
        """
        return number_ranges(self.number(c.source, c.locator) for c in claims)

    def cite_sources(self, sources: Iterable[Labelled]) -> str:
        """Marker for sources cited without a claim (e.g. the source of a published tally)."""
        return _marker(self.source_numbers(sources))

    def source_numbers(self, sources: Iterable[Labelled]) -> str:
        """Plain note numbers of sources cited without a claim."""
        return number_ranges(self.number(s) for s in sources)

    def record_note(self, claims: Iterable[ClaimDTO], what: str = RECORD) -> str:
        """The one note naming the sources of a record as a whole (empty when it has none).

        Facts that no field-level claim supports rest on the record's own sources; rather
        than repeating the same numbers on each of those lines, a dossier prints this note
        once, set apart from the per-line markers (see :data:`RECORD_NOTE_CSS`).
        """
        numbers = self.numbers(claims)
        if not numbers:
            return ""
        rest = _("Every fact of it printed without a note of its own rests on them.")
        return f'<p class="{RECORD_NOTE_CLASS}">{esc(sources_of(what, numbers))}. {esc(rest)}</p>'

    def __len__(self) -> int:
        return len(self._notes)

    def html(self, heading: str | None = None) -> str:
        """The numbered sources list under ``heading`` (default "Sources"; a line saying so when
        none was cited).

        Each entry names the source by author, title and year (and the page cited); never by
        the archive's internal id, which means nothing to a reader.
        """
        heading = _("Sources") if heading is None else heading
        if not self._notes:
            none = _("No sources are recorded for this item.")
            return f'<h2>{esc(heading)}</h2><p class="muted">{esc(none)}</p>'
        items = "".join(
            f"<li>{esc(n.source.label)}" + (f", {esc(n.locator)}" if n.locator else "") + "</li>"
            for n in self._notes
        )
        # An ordered list numbers 1..n in order, which is the order numbers were given in.
        return f'<h2>{esc(heading)}</h2><ol class="sources">{items}</ol>'


def claim_group(claims: Sequence[ClaimDTO], notes: Footnotes) -> str:
    """Claims that agree on value, confidence and note: their sources, then what they share."""
    first = claims[0]
    bits = ["; ".join(f"{esc(c.source.label)}{notes.cite([c])}" for c in claims)]
    if first.confidence:
        level = _("confidence {level}").format(level=labels.confidence(first.confidence))
        bits.append(f'<span class="muted">{esc(level)}</span>')
    if first.note:
        bits.append(f'<span class="note">{esc(first.note)}</span>')
    return "<br>".join(bits)


def disputed_table(subject: str, fc: FieldClaims, notes: Footnotes) -> str:
    """Conflicting claims about one field, side by side: one column per claimed value."""
    values = fc.values
    width = max(1, 100 // len(values))
    heads = "".join(
        f'<th width="{width}%">{esc(format_value(fc.field, v or None))}</th>' for v in values
    )
    cells = []
    for v in values:
        groups: dict[tuple[str, str], list[ClaimDTO]] = {}
        for c in fc.claims:
            if (c.value or "") == v:
                groups.setdefault((c.confidence or "", c.note or ""), []).append(c)
        cells.append(
            "<td>" + "<br><br>".join(claim_group(g, notes) for g in groups.values()) + "</td>"
        )
    # A heading (h4), so that the printer keeps it on the page of its table.
    what = ngettext(
        "{field}: {n} different value", "{field}: {n} different values", len(values)
    ).format(field=field_label(fc.field), n=labels.number(len(values)))
    return (
        f'<h4 class="claimhead"><span class="subject">{esc(subject)}</span> — '
        f"{esc(what)}</h4>"
        f'<table class="dispute" width="100%" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{heads}</tr></thead><tr>{''.join(cells)}</tr></table>"
    )


#: Header of the note-number column of list tables (translated where shown: ``_(NOTES)``).
NOTES = N_("Notes")


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    css: str = "grid",
    widths: Sequence[int] | None = None,
) -> str:
    """A table of already-escaped cell HTML with a header row repeated on each page.

    A last column headed :data:`NOTES` (in any language) holds note numbers and is set in the
    notes style.
    """
    w = list(widths or ())
    head = "".join(
        (f'<th width="{w[i]}%">' if i < len(w) else "<th>") + f"{h}</th>"
        for i, h in enumerate(headers)
    )
    notes_col = len(headers) - 1 if headers and headers[-1] in (NOTES, _(NOTES)) else -1
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="fnum">{c}</td>' if i == notes_col else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<table class="{css}" width="100%" cellspacing="0" cellpadding="3">'
        f"<thead><tr>{head}</tr></thead>{body}</table>"
    )


#: Width of the label column of :func:`rows`, in CSS pixels (1/96 inch): the longest Russian
#: date («27 сентября 1935 г.», 115 px in the 8.5 pt print face) and the longest stage label
#: that fits («Дальнейшая судьба», 126 px at 9 pt), each with a gap before its value.
ROW_INDENT_PX = 134
ROW_CLASSES = ("row", "dated", "stage")


def rows(items: Iterable[tuple[str, str]], css: str = "row", label_css: str = "label") -> str:
    """Label/value lines with the labels in a hanging column: ``label<TAB>value``.

    A hanging indent of :data:`ROW_INDENT_PX` plus a tab stop at the same place (the printer
    sets it) line the values up and wrap them under themselves, like a two-column table at a
    fraction of the layout cost.  Labels and values are already-escaped HTML.
    """
    return "".join(
        f'<p class="{css}"><span class="{label_css}">{label}</span>'
        f"{_LABEL_BREAK if _visible_len(label) > ROW_LABEL_CHARS else chr(9)}{value}</p>"
        for label, value in items
    )


#: Longest label that fits the hanging column with a gap before the value, in Latin letters
#: (18.5 take 115 px at 8.5 pt); a longer one gets the value on the next line (a tab after
#: it would jump to the next tab stop, out of line with the other values).
ROW_LABEL_CHARS = 18.5
#: Width of a Cyrillic letter in Latin letters: the print face's Cyrillic is wider
#: («Дальнейшая судьба», 17 letters, takes the room of 18.6 Latin ones).
CYRILLIC_WIDTH = 1.1
#: Width of a space or a mark of punctuation in Latin letters (a date is a quarter spaces
#: and points: «16 февраля 1935 г.» is 18 characters and 17.8 letters wide).
NARROW_WIDTH = 0.5
_LABEL_BREAK = "<br>"
_TAG = re.compile(r"<[^>]+>")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_NARROW = re.compile(r"[\s.,:;()'’-]")


def _visible_len(markup: str) -> float:
    """The width of a label's text, in Latin letters."""
    if len(markup) * CYRILLIC_WIDTH <= ROW_LABEL_CHARS:  # markup is never shorter than its text
        return len(markup)
    text = html.unescape(_TAG.sub("", markup))
    return (
        len(text)
        + (CYRILLIC_WIDTH - 1) * len(_CYRILLIC_LETTER.findall(text))
        - (1 - NARROW_WIDTH) * len(_NARROW.findall(text))
    )


def hanging_css(scale: float = 1.0) -> str:
    """The hanging indent of :func:`rows`, ``scale`` device pixels per CSS pixel.

    Qt scales a block's vertical margins to the paint device but not its left margin and
    text indent (measured with Qt 6.12), so the printer adds this rule again for its device.
    """
    px = round(ROW_INDENT_PX * scale)
    selectors = ", ".join(f"p.{c}" for c in ROW_CLASSES)
    return f"{selectors} {{ margin-left: {px}px; text-indent: -{px}px; }}"


#: A note marker, and the same after a digit: "30¹" would read as a power.
_SUP = '<sup class="fn">'
_SUP_AFTER_DIGIT = "&#8239;" + _SUP


def page(title: str, css: str, body: str) -> str:
    """A complete HTML page (the stylesheet is passed in: this module reads no files).

    A narrow no-break space goes between a number and its note marker, so that "30" with
    note 1 does not read as thirty to the first power.
    """
    pieces = body.split(_SUP)
    body = "".join(
        [
            pieces[0],
            *(
                (_SUP_AFTER_DIGIT if prev[-1:].isdigit() else _SUP) + piece
                for prev, piece in pairwise(pieces)
            ),
        ]
    )
    return (
        f'<html><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f"<style>{css}\n{RECORD_NOTE_CSS}\n{hanging_css()}</style></head>"
        f"<body>{body}</body></html>"
    )
