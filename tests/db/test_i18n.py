"""The process-wide interface language: switching, the system's choice, plural rules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db import i18n


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_unknown_languages_fall_back_to_english() -> None:
    assert i18n.set_language("de") == "en" == i18n.language()
    assert i18n.set_language("ru") == "ru" == i18n.language()


def test_english_is_the_source_text() -> None:
    i18n.set_language("en")
    assert i18n._("People") == "People"
    assert i18n.ngettext("{n} person", "{n} people", 1) == "{n} person"
    assert i18n.ngettext("{n} person", "{n} people", 2) == "{n} people"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "ru_UA.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
        ({"LANGUAGE": "de:ru", "LANG": "ru_RU.UTF-8"}, "en"),
        ({"LANGUAGE": "ru:en"}, "ru"),
        ({}, "en"),
        ({"LANG": "C"}, "en"),
    ],
)
def test_the_system_language_follows_gettexts_variables(env: dict[str, str], expected: str) -> None:
    assert i18n.system_language(env) == expected


def test_the_compiled_russian_catalogue_has_russian_plural_rules() -> None:
    import gettext

    with i18n.LOCALE_DIR.joinpath("ru", "LC_MESSAGES", f"{i18n.DOMAIN}.mo").open("rb") as f:
        catalog = gettext.GNUTranslations(f)
    # 1 человек, 2 человека, 5 человек, 11 человек, 21 человек, 22 человека, 25 человек …
    forms = [catalog.plural(n) for n in (1, 2, 5, 11, 21, 22, 25, 111, 104)]  # type: ignore[attr-defined]
    assert forms == [0, 1, 2, 2, 0, 1, 2, 2, 1]


def test_the_citation_style_follows_the_language_until_chosen() -> None:
    from db import cite

    styles = {lang: (i18n.set_language(lang), i18n.citation_style())[1] for lang in i18n.LANGUAGES}
    assert styles == {"en": "chicago", "ru": "gost"}
    assert set(styles.values()) <= set(cite.STYLES)
