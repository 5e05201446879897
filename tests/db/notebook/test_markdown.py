"""The Markdown export: every record with its citation, notes quoted and unable to become
Markdown syntax, orphans named as such."""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from db import Archive, i18n
from db.dto import Ref
from db.notebook import Notebook, archive_key, claim_ref, export_markdown
from db.notebook.markdown import escape, one_line, quote

ACCESSED = datetime.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# heading", r"\# heading"),
        ("[link](http://x.org)", r"\[link\]\(http\://x.org\)"),
        ("![img](a.png)", r"\!\[img\]\(a.png\)"),
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\</script\>"),
        ("1. item", r"1\. item"),
        ("- item", r"\- item"),
        ("a | b", r"a \| b"),
        ("*bold* _it_ `code` ~~s~~", r"\*bold\* \_it\_ \`code\` \~\~s\~\~"),
        ("&amp; \\", r"\&amp; \\"),
        ("www.example.com", r"www\.example.com"),
        ("a@b.org", r"a\@b.org"),
        ("---", r"\---"),
        ("   = x", r"   \= x"),
        ("1935. The year", r"1935\. The year"),
        ("1935-07-27, version 2026.12.2", "1935-07-27, version 2026.12.2"),
        ("Кремлёвское дело", "Кремлёвское дело"),
        ("bell\x07 esc\x1b", "bell  esc "),
    ],
)
def test_escape_leaves_no_markdown_syntax(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_a_note_is_quoted_line_by_line() -> None:
    assert quote("one\n\n# two\n===") == "> one\n>\n> \\# two\n> \\==="


@pytest.fixture
def marked(archive: Archive, nb: Notebook) -> Notebook:
    key = archive_key(archive.info.meta)
    nb.set_note(
        key, Ref("person", "kamenev-lev"), "Compare the\n# 1935 protocol", label="Lev Kamenev"
    )
    nb.add_tag(key, Ref("person", "kamenev-lev"), "trial")
    nb.set_bookmark(key, Ref("event", "ev-1934-kirov"), True, label="[Kirov](javascript:x)")
    nb.set_note(key, claim_ref(1), "claim note")
    nb.set_note(key, Ref("person", "withdrawn-person"), "<b>kept</b>", label="Withdrawn")
    return nb


def _markdown(archive: Archive, nb: Notebook) -> str:
    with archive.connect() as conn:
        return export_markdown(
            nb,
            archive_key(archive.info.meta),
            conn,
            accessed=ACCESSED,
            location="x.sqlite",
            title=archive.info.reader_title,  # as the window and `notes export` pass it
        )


def test_every_record_has_a_section_with_its_citation(archive: Archive, marked: Notebook) -> None:
    text = _markdown(archive, marked)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Notebook: The Kremlin Affair, 1935",
        "## Person: Withdrawn",
        "## Claim: claim/1",
        r"## Event: \[Kirov\]\(javascript\:x\)",
        "## Person: Lev Kamenev",
    ]
    assert "The reader's own notes, not the archive's" in text
    kamenev = text.split("## Person: Lev Kamenev")[1]
    assert "- Tags: trial" in kamenev and "- Cite as: " in kamenev and "Kamenev" in kamenev
    assert "- Record: person/kamenev-lev" in kamenev  # an id as written, not kamenev\\-lev
    assert "> Compare the\n> \\# 1935 protocol" in kamenev
    assert "- Source of the claim: " in text.split("## Claim: claim/1")[1].split("##")[0]
    assert "- Bookmarked" in text.split("javascript")[1]


def test_an_orphan_says_it_is_no_longer_in_the_archive(archive: Archive, marked: Notebook) -> None:
    section = _markdown(archive, marked).split("## Person: Withdrawn")[1].split("##")[0]
    assert "No longer in this archive (the note is kept)" in section
    assert "Cite as" not in section and r"> \<b\>kept\</b\>" in section


def test_no_user_text_becomes_markup(archive: Archive, marked: Notebook) -> None:
    text = _markdown(archive, marked)
    assert not re.search(r"(?<!\\)\]\(", text)  # no link
    assert not re.search(r"(?<!\\)<[a-z/]", text)  # no HTML
    body = [line for line in text.splitlines() if line.startswith(">")]
    assert body and not any(re.match(r">\s*#", line) for line in body)


def test_the_export_is_in_the_language_in_use(archive: Archive, marked: Notebook) -> None:
    try:
        i18n.set_language("ru")
        text = _markdown(archive, marked)
    finally:
        i18n.set_language("en")
    assert text.startswith("# Записная книжка: Кремлёвское дело, 1935\n")  # its Russian title
    assert "## Лицо: Lev Kamenev" in text and "Как цитировать" in text
    assert "Cite as" not in text and "Accessed" not in text
    assert "Электронный ресурс" in text  # GOST, as `cite` gives a Russian reader


#: Characters that make Markdown syntax somewhere, and some that do not.
_HOSTILE = st.text(alphabet="#*_`[]()!<>|~&:-+=.1 \\/@wWeé\tЖ\n", max_size=40)


def _rendered_text(markdown: str) -> tuple[str, set[str]]:
    """What a CommonMark parser (with GitHub's tables and strikethrough) makes of
    ``markdown``: its text, and the HTML tags it made."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    tags = set(re.findall(r"</?([a-z0-9]+)", html))
    text = re.sub(r"<[^>]+>", "", html)
    return __import__("html").unescape(text), tags


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(_HOSTILE)
def test_a_parser_reads_every_escaped_line_as_the_text_it_was(text: str) -> None:
    line = " ".join(text.split())  # one line, as the export writes a heading or an item
    for markdown, wrapper in ((escape(line), {"p"}), (f"- Tags: {one_line(line)}", {"ul", "li"})):
        shown, tags = _rendered_text(markdown)
        assert tags <= wrapper, (line, markdown, tags)
        expected = line if wrapper == {"p"} else f"Tags: {line}"
        assert " ".join(shown.split()) == expected.strip(), (line, markdown)


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(_HOSTILE)
@example("    an indented line\n- a list\n1. a number\n# a heading\nx\n===\na | b\n--|--")
@example("\t\t:")  # an indented line is no code block, where escapes would show
def test_a_quoted_note_stays_one_quote_of_plain_text(text: str) -> None:
    shown, tags = _rendered_text(quote(text))
    # an indented line reads as literal text too (a code block): nothing else is syntax
    assert tags <= {"blockquote", "p", "br", "pre", "code"}, (text, tags)
    assert "".join(shown.split()) == "".join(_control_free(text).split())


def _control_free(text: str) -> str:
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", " ", text)
