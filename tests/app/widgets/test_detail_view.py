"""DetailView: links never navigate by themselves, long fields expand, no resource ever loads.

``archive://`` links become :attr:`link_activated` with a ``Ref``; a page's web address is
requested only when its ``external:N`` link is clicked, and only if it is http(s); anything
else is ignored.  ``expand://field/N`` renders the page again with that part of the field (the
real page of a person whose summary is longer than the cut, built by ``db.build``).
``loadResource`` refuses every resource, even a readable image that a plain ``QTextBrowser``
would load.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from app.pages import detail as detail_html
from app.widgets.detail_view import DetailView
from db import build, open_archive, queries
from db.build import source_data
from db.dto import Ref

#: A summary longer than the cut, whose end only shows once expanded.
TAIL = "the-last-words-of-the-summary"
LONG_SUMMARY = "word " * (detail_html.TEXT_LIMIT // 5 + 200) + TAIL


@pytest.fixture
def view(qtbot: QtBot) -> DetailView:
    v = DetailView()
    qtbot.addWidget(v)
    v.resize(500, 300)
    return v


def page(html: str) -> detail_html.Renderer:
    return lambda _expanded: html


def click(view: DetailView, href: str) -> None:
    view.anchorClicked.emit(QUrl(href))


# -- internal links -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ref",
    [
        Ref("person", "kamenev-lev"),
        Ref("event", "ev-1934-kirov"),
        Ref("document", "doc-5242"),
        Ref("source", "showtrials-catalog"),
    ],
)
def test_an_internal_link_emits_its_ref(view: DetailView, qtbot: QtBot, ref: Ref) -> None:
    with qtbot.waitSignal(view.link_activated, timeout=30_000) as activated:
        click(view, ref.uri())
    assert activated.args == [ref]


@pytest.mark.parametrize(
    "href",
    ["archive://person/", "archive://planet/x", "archive://person/a/b", "archive:person/x"],
)
def test_a_malformed_internal_link_emits_nothing(view: DetailView, qtbot: QtBot, href: str) -> None:
    with qtbot.assertNotEmitted(view.link_activated):
        click(view, href)


def test_a_real_click_on_an_internal_link_emits_its_ref(view: DetailView, qtbot: QtBot) -> None:
    view.show_page(None, page('<p><a href="archive://person/kamenev-lev">Kamenev</a></p>'), [])
    view.show()
    qtbot.waitExposed(view)
    found = view.document().find("Kamenev")
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    at: QPoint = view.cursorRect(cursor).center()
    with qtbot.waitSignal(view.link_activated, timeout=30_000) as activated:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert activated.args == [Ref("person", "kamenev-lev")]
    assert view.plain_text() == "Kamenev"  # the view itself went nowhere


# -- external links -------------------------------------------------------------------------

ADDRESS = "http://showtrials.ru/prigovor/"


def test_showing_a_page_never_requests_its_web_address(view: DetailView, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(view.external_link_requested):
        view.show_page(Ref("document", "doc-5242"), page('<a href="external:0">x</a>'), [ADDRESS])


def test_clicking_the_external_link_requests_its_web_address(
    view: DetailView, qtbot: QtBot
) -> None:
    view.show_page(None, page(""), ["ftp://first.example/", ADDRESS])
    with qtbot.waitSignal(view.external_link_requested, timeout=30_000) as requested:
        click(view, "external:1")
    assert requested.args == [ADDRESS]


@pytest.mark.parametrize(
    "href",
    [
        "external:0",  # file:
        "external:1",  # javascript:
        "external:2",  # ftp:
        "external:3",  # no address
        "external:9",
        "external:-1",
        "external:x",
        "external:",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "http://evil.invalid/",
    ],
)
def test_other_links_request_nothing_and_keep_the_page(
    view: DetailView, qtbot: QtBot, href: str
) -> None:
    external = ["file:///etc/passwd", "javascript:alert(1)", "ftp://x.example/", ""]
    view.show_page(Ref("document", "doc-5242"), page("<p>the page</p>"), external)
    with (
        qtbot.assertNotEmitted(view.external_link_requested),
        qtbot.assertNotEmitted(view.link_activated),
    ):
        click(view, href)
    assert view.plain_text() == "the page" and view.ref == Ref("document", "doc-5242")


# -- pages and expansion --------------------------------------------------------------------


class Recorder:
    """A page renderer that shows which field parts it was asked to expand."""

    def __init__(self) -> None:
        self.calls: list[frozenset[str]] = []

    def __call__(self, expanded: frozenset[str]) -> str:
        self.calls.append(expanded)
        return "<p>" + " ".join(sorted(expanded)) + "</p>"


def test_showing_a_page_announces_its_ref_and_starts_at_the_top(
    view: DetailView, qtbot: QtBot
) -> None:
    view.show_page(None, page("<p>line</p>" * 200), [])
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    with qtbot.waitSignal(view.page_shown, timeout=30_000) as shown:
        view.show_page(Ref("person", "kamenev-lev"), page("<p>other</p>" * 200), [])
    assert shown.args == [Ref("person", "kamenev-lev")] and view.ref == Ref("person", "kamenev-lev")
    assert view.verticalScrollBar().value() == 0


def test_a_part_link_replaces_the_part_shown_of_the_same_field_only(view: DetailView) -> None:
    render = Recorder()
    view.show_page(None, render, [])
    for href in ("expand://summary/1", "expand://summary/2", "expand://later_fate/1"):
        click(view, href)
    click(view, "expand://summary/1")
    assert render.calls == [
        frozenset(),
        frozenset({"summary/1"}),
        frozenset({"summary/2"}),
        frozenset({"summary/2", "later_fate/1"}),
        frozenset({"summary/1", "later_fate/1"}),
    ]
    assert view.plain_text() == "later_fate/1 summary/1"


def test_a_new_page_starts_with_every_field_cut(view: DetailView) -> None:
    first, second = Recorder(), Recorder()
    view.show_page(None, first, [])
    click(view, "expand://summary/1")
    view.show_page(None, second, [])
    assert second.calls == [frozenset()]


@pytest.fixture(scope="module")
def long_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[detail_html.Renderer]:
    """The real page of a person whose summary is longer than the cut."""
    data = source_data.load(build.DEFAULT_DATA)
    person = data.tables["people"][0]
    person["summary"] = LONG_SUMMARY
    source_data.validate(data)
    path = build.write_source_data(data, tmp_path_factory.mktemp("long") / "long.sqlite")
    archive = open_archive(path)
    with archive.connect() as conn:
        item = queries.detail(conn, Ref("person", str(person["id"])))
    archive.close()
    assert item is not None
    yield detail_html.renderer(item)


def test_expanding_a_cut_field_shows_its_whole_text_and_keeps_the_scroll_position(
    view: DetailView, long_page: detail_html.Renderer, qtbot: QtBot
) -> None:
    view.show()
    qtbot.waitExposed(view)
    view.show_page(None, long_page, [])
    assert TAIL not in view.plain_text() and "show all" in view.plain_text()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    assert position > 0
    click(view, "expand://summary/1")
    assert TAIL in view.plain_text() and "show all" not in view.plain_text()
    assert bar.value() == position


# -- resources ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A readable PNG on disk: what a plain QTextBrowser would happily load."""
    path = tmp_path_factory.mktemp("img") / "secret.png"
    picture = QImage(40, 40, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    assert picture.save(str(path))
    return path


@pytest.mark.parametrize(
    "kind",
    [
        QTextDocument.ResourceType.ImageResource,
        QTextDocument.ResourceType.StyleSheetResource,
        QTextDocument.ResourceType.HtmlResource,
        QTextDocument.ResourceType.MarkdownResource,
    ],
)
def test_load_resource_refuses_a_file_a_plain_browser_would_load(
    view: DetailView, qtbot: QtBot, image: Path, kind: QTextDocument.ResourceType
) -> None:
    plain = QTextBrowser()
    qtbot.addWidget(plain)
    url = QUrl.fromLocalFile(str(image))
    assert not _empty(plain.loadResource(int(kind.value), url))  # the file is readable
    assert _empty(view.loadResource(int(kind.value), url))
    assert _empty(view.loadResource(int(kind.value), str(image)))


def _empty(value: object) -> bool:
    """Nothing loaded: no value, a null image or no bytes."""
    if value is None:
        return True
    if isinstance(value, QImage):
        return value.isNull()
    if isinstance(value, QByteArray | bytes):
        return len(value) == 0
    return False


def red_pixels(browser: QTextBrowser) -> int:
    """Pixels of the test image's colour in a painted browser."""
    shot = browser.grab().toImage()
    red = QColor("red")
    return sum(
        shot.pixelColor(x, y) == red for x in range(0, shot.width()) for y in range(shot.height())
    )


def test_an_image_in_page_markup_is_never_loaded_from_disk(
    view: DetailView, qtbot: QtBot, image: Path
) -> None:
    markup = f'<p>before <img src="{QUrl.fromLocalFile(str(image)).toString()}"> after</p>'
    plain = QTextBrowser()
    qtbot.addWidget(plain)
    for browser in (plain, view):
        browser.resize(300, 200)
        browser.show()
        qtbot.waitExposed(browser)
    plain.setHtml(markup)
    assert red_pixels(plain) == 40 * 40  # the file is readable and this test sees it
    view.show_page(None, page(markup), [])
    assert red_pixels(view) == 0


def test_replacing_the_page_keeps_item_scroll_and_opened_parts(
    view: DetailView, qtbot: QtBot
) -> None:
    ref = Ref("person", "kamenev-lev")
    long_page = "".join(f"<p>line {i}</p>" for i in range(300))
    view.show()
    qtbot.waitExposed(view)
    view.show_page(ref, page(long_page), [])
    view.verticalScrollBar().setValue(200)
    assert view.verticalScrollBar().value() == 200
    with qtbot.waitSignal(view.page_shown, timeout=30_000) as shown:
        view.replace_page(page(long_page.replace("line", "строка")), [])
    assert shown.args == [ref] and view.ref == ref
    assert view.verticalScrollBar().value() == 200
    assert "строка 0" in view.plain_text()


def _page_base(view: DetailView) -> str:
    return view.document().rootFrame().frameFormat().background().color().name()


def test_the_page_takes_its_colours_from_the_palette(view: DetailView, qtbot: QtBot) -> None:
    from PySide6.QtGui import QPalette

    from app.appearance import dark_palette

    page = "<html><head><style>a { color: #1a4f9c; } .src { color: #555; }</style></head>"
    page += "<body><p><a href='archive://person/p1'>x</a> <span class='src'>s</span></p></body>"
    view.show_page(None, lambda _e: page + "</html>", [])
    assert _page_base(view) == view.palette().color(QPalette.ColorRole.Base).name()
    view.setPalette(dark_palette())  # a PaletteChange: the page is drawn again
    dark_base = dark_palette().color(QPalette.ColorRole.Base).name()
    qtbot.waitUntil(lambda: _page_base(view) == dark_base)
    fragments = []
    block = view.document().begin()
    it = block.begin()
    while not it.atEnd():
        fragments.append(it.fragment().charFormat().foreground().color().name())
        it += 1
    link = dark_palette().color(QPalette.ColorRole.Link).name()
    assert fragments[0] == link
    assert "#555555" not in fragments and "#1a4f9c" not in fragments


def test_themed_puts_the_colour_rules_after_the_pages_own() -> None:
    from app.pages.page_style import LIGHT_PAGE
    from app.widgets.detail_view import themed

    html = themed("<html><head><style>a {}</style></head><body></body></html>", LIGHT_PAGE)
    assert html.index("a {}") < html.index("body a {") < html.index("</head>")
    assert themed("<p>bare</p>", LIGHT_PAGE).endswith("<p>bare</p>")


# -- searched words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "text", "marked"),
    [
        ("ежов", "Ежов и Ежова, не Межов", ["Ежов", "Ежов"]),
        ("королев", "Королёв", ["Королёв"]),
        # Search keys fold й into и and drop soft and hard signs: they still mark the word.
        ("илин", "Ильин, Илина", ["Ильин", "Илин"]),
        ("андреевскии", "Андреевский", ["Андреевский"]),
        ("rozenfeld", "Rozen'feld", ["Rozen'feld"]),
        ("yenukidze енукидзе", "Енукидзе and Yenukidze", ["Yenukidze", "Енукидзе"]),
        ("1935", "1935 и 19350, не 21935", ["1935", "1935"]),
    ],
)
def test_searched_words_are_marked_as_the_search_folds_them(
    view: DetailView, words: str, text: str, marked: list[str]
) -> None:
    view.highlight_words(words)
    view.show_page(None, page(f"<p>{text}</p>"), [])
    assert view.marked_words == marked


def test_a_long_address_copied_from_a_page_works_when_pasted(view: DetailView) -> None:
    """The page breaks long unbroken words with zero-width spaces so that they wrap; what is
    copied leaves them out (a source's address, pasted in a browser, must still lead there)."""
    address = "https://kniga-online.club/books/" + "page-87-186025-petr-koshel-" * 6 + "syska.html"
    view.show_page(None, page(f"<p>{detail_html.esc(address)}</p>"), [])
    assert "\u200b" in view.document().toPlainText()  # broken for wrapping on the page
    view.selectAll()
    view.copy()  # what Ctrl+C and the context menu's Copy do
    copied = QApplication.clipboard().mimeData()
    assert copied.text() == address
    assert "\u200b" not in copied.html()
