"""Screen colours of a page: every rule is scoped under body and uses the palette's colours."""

from __future__ import annotations

from dataclasses import replace

from app.pages.page_style import LIGHT_PAGE, RECORD_NOTE_CLASS, screen_css


def test_every_rule_is_scoped_under_body_so_it_beats_the_pages_own() -> None:
    for line in screen_css(LIGHT_PAGE).splitlines():
        selectors = line.split("{")[0].split(",")
        assert all(s.strip() == "body" or s.strip().startswith("body ") for s in selectors), line


def test_the_colours_come_from_the_given_palette() -> None:
    dark = replace(LIGHT_PAGE, text="#eeeeee", base="#202020", link="#8ab4f8")
    css = screen_css(dark)
    assert "background-color: #202020" in css and "color: #8ab4f8" in css
    assert "#ffffff" not in css
    assert f"p.{RECORD_NOTE_CLASS}" in css
