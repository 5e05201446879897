"""Column specs of the list panes and the custom item roles."""

from __future__ import annotations

from dataclasses import dataclass

from app.pages.escape import escape
from db import i18n
from db.i18n import N_

#: Longest text a cell shows (archive fields may hold a megabyte).
DISPLAY_LIMIT = 1000

#: ``Qt.ItemDataRole.UserRole``, spelled as its value: naming ``Qt`` builds the 93 enum classes
#: of Qt's namespace (about 10 ms), and the first People rows are painted without them
#: (tests/app/models/test_columns.py checks the value).
USER_ROLE = 0x0100
#: ``Qt.ItemDataRole.TextAlignmentRole``, and the cells' two alignments
#: (``Qt.AlignLeft | Qt.AlignVCenter``, ``Qt.AlignRight | Qt.AlignVCenter``), as their values
#: for the same reason: the first rows show them too.
TEXT_ALIGNMENT_ROLE = 7
ALIGN_LEFT = 0x0081
ALIGN_RIGHT = 0x0082
#: Role returning the item's text id (``cherniavsky-mikhail``).
IdRole = USER_ROLE + 1
#: Role returning the row's DTO.
RowRole = USER_ROLE + 2


@dataclass(frozen=True)
class ColumnSpec:
    """One column: DTO attribute, header text, db sort key (None = not sortable).

        ``width`` is the width (pixels) before the pane has measured its rows.  The list panes
        size their columns to the rows they show (:func:`fitted_widths`): a ``keep`` column never
        gets narrower than its content, a ``stretch`` column takes the room left over, and a
        ``marks`` column shows unknown and not-applicable values the one way every pane shows
        them (an empty cell there means unknown); ``min_chars`` is the narrowest (in average
    characters) a column that gives way gets.  ``tip`` is the header's tooltip (English,
        marked with N_()), for what the header alone does not say.
    """

    attr: str
    header: str  # English, marked with N_(): translated where shown
    sort_key: str | None
    align_right: bool = False
    width: int = 160
    keep: bool = False
    stretch: bool = False
    marks: bool = False
    tip: str = ""
    min_chars: int = 8
    #: A ``marks`` column of years: unknown shows as a grey “?” (as the detail view's
    #: “1901 – ?”), its tooltip says “unknown”, and the column stays as narrow as a year.
    short_unknown: bool = False

    @property
    def alignment(self) -> int:
        """The alignment of the column's cells, as its value (:data:`ALIGN_RIGHT` or
        :data:`ALIGN_LEFT`)."""
        return ALIGN_RIGHT if self.align_right else ALIGN_LEFT


#: What the People list's Tribunal and Sentence are (their headers' and filters' tooltips).
TRIBUNAL_TIP = N_("The court of the 1935 verdict; a later trial is on the person's page")
SENTENCE_TIP = N_(
    "The sentence of the 1935 verdict; a sentence passed later (at a second trial) is on the "
    "person's page, not here"
)

PEOPLE_COLUMNS = (
    ColumnSpec("name", N_("Name"), "name", width=155, min_chars=17),
    ColumnSpec("name_ru", N_("Name (Cyrillic)"), "name_ru", width=260, keep=True),
    ColumnSpec("role", N_("Role"), "role", width=100, min_chars=11),
    ColumnSpec("tribunal", N_("Tribunal"), "tribunal", width=133, marks=True, tip=TRIBUNAL_TIP),
    ColumnSpec("sentence", N_("Sentence"), "sentence", width=105, marks=True, tip=SENTENCE_TIP),
    ColumnSpec(
        "birth_year",
        N_("Born"),
        "birth_year",
        align_right=True,
        width=60,
        keep=True,
        marks=True,
        short_unknown=True,
        tip=N_("Year of birth; click to sort"),
    ),
    ColumnSpec(
        "death_year",
        N_("Died"),
        None,
        align_right=True,
        width=60,
        keep=True,
        marks=True,
        short_unknown=True,
        tip=N_("Year of death (this column cannot be sorted)"),
    ),
)

EVENT_COLUMNS = (
    ColumnSpec("date", N_("Date"), "date", width=150, keep=True),
    ColumnSpec("title", N_("Event"), "title", width=505, stretch=True),
    ColumnSpec("people", N_("People"), None, align_right=True, width=60, keep=True),
)

DOCUMENT_COLUMNS = (
    ColumnSpec("date", N_("Date"), "date", width=150, keep=True),
    ColumnSpec("doc_type", N_("Type"), "doc_type", width=160),
    ColumnSpec("title", N_("Title"), "title", width=300, stretch=True),
    ColumnSpec("persons", N_("Persons named"), None, width=200),
)


def fitted_widths(
    columns: tuple[ColumnSpec, ...],
    natural: list[int],
    minimum: list[int],
    available: int,
    floor: list[int] | None = None,
) -> list[int]:
    """Column widths for ``available`` pixels: each column's ``natural`` width (its widest
    cell or header) when they all fit, the room left over going to the ``stretch`` columns.

    Otherwise the columns that are not ``keep`` give way, the widest first: they are cut to
    one common width, never below their ``minimum``, then (if still too wide) never below
    their ``floor`` (their header's width), so short columns stay whole while long texts
    are elided.  A list scrolls sideways only when even that is not enough.
    """
    widths = list(natural)
    excess = sum(widths) - available
    if excess <= 0:
        stretch = [i for i, c in enumerate(columns) if c.stretch]
        for n, i in enumerate(stretch):
            widths[i] += -excess // len(stretch) + (1 if n < -excess % len(stretch) else 0)
        return widths
    giving = [i for i, c in enumerate(columns) if not c.keep]
    for lowest in (minimum, floor or minimum):
        excess = sum(widths) - available
        if excess > 0 and giving:
            widths = _cut_widest(widths, lowest, giving, excess)
    return widths


def _cut_widest(widths: list[int], lowest: list[int], giving: list[int], excess: int) -> list[int]:
    """``widths`` with the ``giving`` columns cut to one common width (none below its
    ``lowest``): the widest such width that takes off at least ``excess`` pixels."""

    def cut_at(cap: int) -> int:
        return sum(max(0, widths[i] - max(cap, lowest[i])) for i in giving)

    lo, hi = 0, max(widths[i] for i in giving)
    while lo < hi:  # the largest cap whose cut still covers the excess
        mid = (lo + hi + 1) // 2
        if cut_at(mid) >= excess:
            lo = mid
        else:
            hi = mid - 1
    out = list(widths)
    for i in giving:
        out[i] = min(widths[i], max(lo, lowest[i]))
    return out


def cell_text(text: str) -> str:
    """What a cell shows of ``text``: at most :data:`DISPLAY_LIMIT` characters.

    A cell is elided to its column anyway; eliding a 1 MB string costs ~0.7 s per paint.
    """
    return text if len(text) <= DISPLAY_LIMIT else text[:DISPLAY_LIMIT] + "…"


def name_columns_in_reading_order(columns: tuple[ColumnSpec, ...]) -> tuple[int, int] | None:
    """(the name column to show first, the other) as column indexes, in the interface
    language: the Cyrillic name leads in Russian, the English one otherwise; None when the
    columns do not hold both."""
    keys = [c.attr for c in columns]
    if "name" not in keys or "name_ru" not in keys:
        return None
    english, russian = keys.index("name"), keys.index("name_ru")
    return (russian, english) if i18n.language() == "ru" else (english, russian)


#: Longest text a cell's tooltip shows (the full value is one click away in the detail view).
TOOLTIP_LIMIT = 500


def value_text(value: object) -> str:
    """What a cell shows of a field's ``value`` (:func:`cell_text`; None shows nothing)."""
    return cell_text("" if value is None else str(value))


def cell_tooltip(text: str) -> str:
    """Archive text as a cell's tooltip: escaped rich text, so Qt never takes it for markup."""
    if len(text) > TOOLTIP_LIMIT:
        text = text[:TOOLTIP_LIMIT] + "…"
    return f"<qt>{escape(text)}</qt>" if text else ""
