"""The dossiers' HTML building blocks: escaping and cutting, labels and values, footnote numbers,
markers and the sources list, tables, label rows and the page frame.

Markup is read back with :mod:`html.parser` (``tests.app.pages.html_tree``) wherever its
structure is the point; hostile archive text must come back as text, never as an element.
"""

# The ``russian`` fixture is imported, so test parameters "redefine" the import.
# ruff: noqa: F811

from __future__ import annotations

import pytest

from app.pages import labels, markup, page_style
from app.pages.markup import (
    MAX_VALUE_CHARS,
    NOTES,
    ROW_INDENT_PX,
    ROW_LABEL_CHARS,
    Footnotes,
    claim_group,
    disputed_table,
    esc,
    field_label,
    format_value,
    hanging_css,
    life_dates,
    number_ranges,
    page,
    rows,
    table,
)
from db import Archive, queries
from db.dto import ClaimDTO, FieldClaims, Labelled, Ref
from db.i18n import _
from tests.app.pages.html_tree import parse
from tests.app.pages.imports import qt_imports
from tests.app.pages.russian import russian  # noqa: F401 (fixture)

HOSTILE = "<img src=x> \"quoted\" &amp; 'single'"
BOOK = Labelled(Ref("source", "book"), "Author, <i>Book</i>")
PAPER = Labelled(Ref("source", "paper"), "A paper")


def claim(
    value: str | None,
    source: Labelled = BOOK,
    locator: str | None = None,
    confidence: str | None = None,
    note: str | None = None,
    field: str = "record",
) -> ClaimDTO:
    return ClaimDTO(field, value, source, locator, note, confidence)


def _listed(notes: Footnotes) -> list[str]:
    """The entries of the numbered sources list, in order."""
    return [li.text() for li in parse(notes.html()).all("li")]


# -- esc -----------------------------------------------------------------------------------


def test_esc_shows_hostile_text_literally() -> None:
    tree = parse(f"<p>{esc(HOSTILE)}</p>")
    assert tree.find("p").all() == [] and tree.text() == HOSTILE


def test_esc_turns_tabs_into_spaces_and_none_into_nothing() -> None:
    assert esc("a\tb\nc") == "a b\nc"
    assert esc(None) == ""


def test_esc_keeps_a_value_of_exactly_the_limit() -> None:
    assert esc("x" * MAX_VALUE_CHARS) == "x" * MAX_VALUE_CHARS


def test_esc_cuts_a_longer_value_and_says_how_much_is_missing() -> None:
    text = "<" * (MAX_VALUE_CHARS + 1234)
    shown = parse(esc(text)).text()
    assert shown == "<" * MAX_VALUE_CHARS + " … [1,234 more characters not printed]"


# -- labels and values ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("later_fate", "later fate"),
        ("death_date", "date of death"),
        ("kind", "sentence"),
        ("record", "the record as a whole"),
        ("place_of_birth", "place of birth"),
        ("removal_as_tsik_secretary", "removal as TsIK secretary"),
        ("nkvd_ogpu_gpu", "NKVD OGPU GPU"),
        ("tsikada", "tsikada"),
    ],
)
def test_field_label(name: str, label: str) -> None:
    assert field_label(name) == label


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "(no value)"),
        ("", "(no value)"),
        ("1935-07-25", "25 July 1935"),
        ("1935-03 (apparently)", "March 1935 (apparently)"),
        ("1935-06-05; 1935-06-07", "5 June 1935; 7 June 1935"),
        ("1934-35", "1934-35"),
        ("1935-13", "1935-13"),
        ("1935-02-32", "1935-02-32"),
        ("shot 1937-08-30", "shot 30 August 1937"),
        ("10 years", "10 years"),
    ],
)
def test_format_value_spells_out_iso_dates_only(value: str | None, shown: str) -> None:
    assert format_value("date", value) == shown


@pytest.mark.parametrize(
    ("birth", "death", "text"),
    [
        (1898, 1937, "1898–1937"),
        (1901, None, "born 1901"),
        (None, 1937, "died 1937"),
        (None, None, None),
    ],
)
def test_life_dates(birth: int | None, death: int | None, text: str | None) -> None:
    assert life_dates(birth, death) == text


@pytest.mark.parametrize(
    ("numbers", "text"),
    [
        ([], ""),
        ([3], "3"),
        ([1, 2], "1, 2"),
        ([1, 2, 3], "1–3"),
        ([2, 2, 2], "2"),
        ([5, 1, 2, 3, 9, 8, 7], "1–3, 5, 7–9"),
    ],
)
def test_note_numbers_compress_to_ranges(numbers: list[int], text: str) -> None:
    assert number_ranges(numbers) == text


# -- footnotes -----------------------------------------------------------------------------


def test_sources_are_numbered_in_the_order_first_cited() -> None:
    notes = Footnotes()
    assert notes.numbers([claim("a", PAPER)]) == "1"
    assert notes.numbers([claim("b", BOOK), claim("c", PAPER)]) == "1, 2"
    assert _listed(notes) == ["A paper", "Author, <i>Book</i>"]


def test_a_new_page_of_the_same_source_gets_a_new_number() -> None:
    notes = Footnotes()
    assert notes.number(BOOK, "p. 3") == 1
    assert notes.number(BOOK, "p. 4") == 2
    assert notes.number(BOOK, "p. 3") == 1
    assert notes.number(BOOK) == 3 and notes.number(BOOK, "") == 3
    assert len(notes) == 3


def test_same_source_and_page_gets_one_number(archive: Archive) -> None:
    with archive.connect() as conn:
        detail = queries.person_detail(conn, "kamenev-lev")
    assert detail is not None
    notes = Footnotes()
    first = notes.cite(detail.facts.sources)
    again = notes.cite(detail.facts.sources)
    assert first == again and len(notes) == len(
        {(c.source.ref.id, c.locator or "") for c in detail.facts.sources}
    )


def test_no_claims_give_no_marker() -> None:
    assert Footnotes().cite([]) == ""


def test_a_short_marker_is_glued_and_a_long_one_may_wrap() -> None:
    notes = Footnotes()
    for page_no in range(1, 10):
        notes.number(BOOK, str(page_no))
    short = notes.cite([claim("v", BOOK, "1"), claim("v", BOOK, "3")])
    long = notes.cite([claim("v", BOOK, str(n)) for n in (1, 3, 5, 7, 9)])
    assert short == '<sup class="fn">1,&nbsp;3</sup>'
    assert long == '<sup class="fn">1, 3, 5, 7, 9</sup>'


def test_sources_cited_without_a_claim_share_numbers_with_claims() -> None:
    notes = Footnotes()
    notes.cite([claim("x", PAPER)])
    assert notes.source_numbers([BOOK, PAPER]) == "1, 2"
    assert notes.cite_sources([PAPER]) == '<sup class="fn">1</sup>'


def test_sources_list_numbers_each_note_with_locator_and_no_id() -> None:
    notes = Footnotes()
    notes.number(PAPER)
    notes.number(BOOK, "p. 7")
    tree = parse(notes.html("Sources"))
    assert tree.find("h2").text() == "Sources"
    items = tree.find("ol", cls="sources").all("li")
    assert [li.text() for li in items] == [
        "A paper",
        "Author, <i>Book</i>, p. 7",
    ]
    assert all(li.all("i") == [] for li in items)  # the label's markup stays text


def test_empty_sources_list_says_nothing_is_recorded() -> None:
    tree = parse(Footnotes().html())
    assert tree.find("p", cls="muted").text() == "No sources are recorded for this item."


def test_empty_sources_list_keeps_the_callers_heading() -> None:
    assert parse(Footnotes().html("Sources for this person")).find("h2").text() == (
        "Sources for this person"
    )


# -- claims and tables ---------------------------------------------------------------------


def test_claim_group_lists_sources_then_shared_confidence_and_note() -> None:
    notes = Footnotes()
    group = [
        claim("v", BOOK, confidence="high", note="<b>n</b>"),
        claim("v", PAPER, confidence="high", note="<b>n</b>"),
    ]
    tree = parse(f"<td>{claim_group(group, notes)}</td>")
    assert tree.text().split("\n") == [
        "Author, <i>Book</i>1; A paper2",
        "confidence high",
        "<b>n</b>",
    ]
    assert [s.text() for s in tree.all("sup", cls="fn")] == ["1", "2"]


def test_disputed_table_puts_each_value_in_its_own_column() -> None:
    fc = FieldClaims(
        "death_date",
        (
            claim("1937-08-30", BOOK),
            claim("1938-01-02", PAPER, confidence="low"),
            claim("1937-08-30", PAPER, "p. 9"),
        ),
    )
    tree = parse(disputed_table("Lev <Kamenev>", fc, Footnotes()))
    assert tree.find("h4").text() == "Lev <Kamenev> — date of death: 2 different values"
    head, cells = tree.find("table", cls="dispute").rows()
    assert head == ["30 August 1937", "2 January 1938"]
    assert cells == ["Author, <i>Book</i>1; A paper2", "A paper3\nconfidence low"]
    assert [th.attrs["width"] for th in tree.all("th")] == ["50%", "50%"]


def test_table_marks_the_notes_column_and_repeats_its_header() -> None:
    html = table(("Name", "Count", NOTES), [("a", "1", "1–3"), ("b", "2", "")], widths=(50, 30))
    tree = parse(html)
    assert tree.find("thead").rows() == [["Name", "Count", NOTES]]
    assert [th.attrs.get("width") for th in tree.all("th")] == ["50%", "30%", None]
    body = [tr for tr in tree.all("tr") if tr not in tree.find("thead").all("tr")]
    assert [[td.text() for td in tr.all("td")] for tr in body] == [
        ["a", "1", "1–3"],
        ["b", "2", ""],
    ]
    assert [td.classes for td in body[0].all("td")] == [set(), set(), {"fnum"}]


def test_table_without_a_notes_column_sets_no_cell_in_the_notes_style() -> None:
    tree = parse(table(("Name", "Count"), [("a", "1")]))
    assert tree.all("td", cls="fnum") == []


def test_rows_hang_values_after_a_tab_or_below_a_long_label() -> None:
    short = 'Sentence<sup class="fn">1, 2</sup>'  # long markup, short visible text
    fits = "x" * int(ROW_LABEL_CHARS)
    long = "x" * (int(ROW_LABEL_CHARS) + 1)
    tree = parse(rows([(short, "A &amp; B"), (fits, "v"), (long, "w")]))
    paragraphs = tree.all("p", cls="row")
    assert [p.text() for p in paragraphs] == ["Sentence1, 2\tA & B", fits + "\tv", long + "\nw"]


def test_hanging_css_scales_the_indent_for_every_row_class() -> None:
    assert hanging_css() == (
        f"p.row, p.dated, p.stage {{ margin-left: {ROW_INDENT_PX}px; "
        f"text-indent: -{ROW_INDENT_PX}px; }}"
    )
    assert "margin-left: 201px; text-indent: -201px;" in hanging_css(1.5)


def test_page_escapes_its_title_and_includes_the_stylesheet() -> None:
    tree = parse(page(HOSTILE, "h1 { color: red; }", "<p>body</p>"))
    assert tree.find("title").text() == HOSTILE
    style = tree.find("style").children[0]
    assert isinstance(style, str) and style.startswith("h1 { color: red; }\n")
    assert hanging_css() in style


def test_page_keeps_a_note_marker_off_a_number() -> None:
    html = page("t", "", '30<sup class="fn">1</sup> shot<sup class="fn">2</sup>')
    body = parse(html).find("body")
    assert body.text() == "30\u202f1 shot2"


def test_the_module_imports_no_qt() -> None:
    assert qt_imports(markup) == []


def test_the_record_note_names_the_record_sources_once() -> None:
    notes = Footnotes()
    notes.number(BOOK)
    note = parse(notes.record_note([claim(None, PAPER), claim(None, BOOK)]))
    paragraph = note.find("p", cls="recsrc")
    assert paragraph.text().startswith("Sources of this record: notes 1, 2.")
    assert note.all("sup") == []  # set apart from the line markers, not one of them


def test_a_record_note_of_one_source_says_note_and_none_for_no_source() -> None:
    notes = Footnotes()
    assert "note 1." in notes.record_note([claim(None, PAPER)], "this sentence")
    assert "Sources of this sentence" in notes.record_note([claim(None, PAPER)], "this sentence")
    assert notes.record_note([]) == ""


def test_every_page_carries_the_record_note_style() -> None:
    assert "p.recsrc" in page("t", "body { }", "<p>x</p>")


# -- in Russian ----------------------------------------------------------------------------

#: Russian plural forms: 1, 2–4 and 22–24, 5–20 and 25–30 …
PLURALS = [(1, 0), (2, 1), (5, 2), (11, 2), (21, 0), (22, 1), (25, 2)]


@pytest.mark.parametrize(("n", "form"), PLURALS)
def test_a_cut_value_says_in_russian_how_much_is_missing(russian: None, n: int, form: int) -> None:
    shown = parse(esc("x" * (MAX_VALUE_CHARS + n))).text()
    words = ("знак не напечатан", "знака не напечатаны", "знаков не напечатано")[form]
    assert shown.endswith(f" … [ещё {n} {words}]")


@pytest.mark.parametrize(("n", "form"), [p for p in PLURALS if p[0] > 1])
def test_a_dispute_counts_its_values_in_russian(russian: None, n: int, form: int) -> None:
    fc = FieldClaims("occupation", tuple(claim(f"value {i}", BOOK) for i in range(n)))
    words = ("разное значение", "разных значения", "разных значений")[form]
    assert parse(disputed_table("Лев Каменев", fc, Footnotes())).find("h4").text() == (
        f"Лев Каменев — {field_label('occupation')}: {n} {words}"
    )


def test_russian_values_labels_and_notes(russian: None) -> None:
    assert format_value("date", None) == "(нет значения)"
    assert format_value("date", "shot 1937-08-30").startswith("shot 30 августа 1937")
    assert life_dates(1901, None) == "род. в 1901 г." and life_dates(None, 1937) == "ум. в 1937 г."
    assert field_label("later_fate") == "дальнейшая судьба"
    notes = Footnotes()
    note = parse(notes.record_note([claim(None, PAPER), claim(None, BOOK)])).text()
    assert note == (
        "Источники этой записи: сноски 1, 2. "
        "На них опираются все сведения, напечатанные без собственной сноски."
    )
    assert notes.record_note([claim(None, PAPER)], markup.SENTENCE).startswith(
        '<p class="recsrc">Источники этого приговора: сноска 1.'
    )
    group = parse(claim_group([claim("v", BOOK, confidence="high")], notes)).text()
    assert group.split("\n")[1] == f"достоверность: {labels.confidence('high')}"


def test_a_russian_sources_list_and_notes_column(russian: None) -> None:
    assert parse(Footnotes().html()).text() == ("ИсточникиДля этой записи источники не указаны.")
    html = table(("Имя", _(NOTES)), [("a", "1–3")])
    assert [td.classes for td in parse(html).all("td")] == [set(), {"fnum"}]
    assert parse(html).find("thead").rows() == [["Имя", "Сноски"]]


def test_a_cyrillic_label_is_measured_wider_than_a_latin_one() -> None:
    # 17 Cyrillic letters take the room of 18.7 Latin ones; spaces and points are narrow
    labels = ["ж" * 17, "x" * 17, "Дальнейшая судьба", "Более поздний приговор"]
    tree = parse(rows([(label, "v") for label in labels]))
    assert [p.text() for p in tree.all("p", cls="row")] == [
        "ж" * 17 + "\nv",
        "x" * 17 + "\tv",
        "Дальнейшая судьба\tv",
        "Более поздний приговор\nv",
    ]


def test_every_russian_date_fits_the_hanging_column() -> None:
    from db import i18n, vocab

    i18n.set_language("ru")
    try:
        days = [vocab.format_date(f"1935-{m:02d}-27", "day") for m in range(1, 13)]
    finally:
        i18n.set_language("en")
    assert "27 сентября 1935 г." in days
    tree = parse(rows([(day, "v") for day in days], "dated"))
    assert [p.text() for p in tree.all("p", cls="dated")] == [f"{day}\tv" for day in days]


def test_screen_css_overrides_every_fixed_colour_with_more_specific_rules() -> None:
    css = page_style.screen_css(page_style.LIGHT_PAGE)
    for line in css.strip().splitlines():
        selectors = line.split("{")[0].split(",")
        assert all(s.strip().startswith("body") for s in selectors), line
    assert "body a { color: #1a4f9c; }" in css
    assert f"body p.{markup.RECORD_NOTE_CLASS}" in css
    assert "background-color: #ffffff" in css.splitlines()[0]


def test_a_disputed_sentence_kind_reads_in_the_reader_s_words(russian: None) -> None:
    # Sinelobov's sentence: "death" in one source (the window showed the key in Russian)
    assert format_value("kind", "death") == "расстрел"
    assert format_value("date", "1935-07-25") == "25 июля 1935 г."
    assert format_value("later_fate", "shot 1937-10-10") == "shot 10 октября 1937 г."
