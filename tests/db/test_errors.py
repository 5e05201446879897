"""The archive error hierarchy and the classifier (db.errors), beyond the family table itself
(tests/hardening/test_error_map.py produces one real failure per family): which family wins when
several could, what the classifier does with odd exceptions, and how an error names its path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import errors

SUBCLASSES = [
    errors.ArchiveNotFound,
    errors.ArchiveNotAFile,
    errors.ArchiveUnreadable,
    errors.ArchiveUnreachable,
    errors.ArchiveEmpty,
    errors.ArchiveNotSQLite,
    errors.ArchiveForeign,
    errors.ArchiveVersionMismatch,
    errors.ArchiveUnsupported,
    errors.ArchiveHostile,
    errors.ArchiveCorrupt,
]


class _Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no text for you")


@pytest.mark.parametrize(
    ("exc", "key"),
    [
        # text before type: a specific SQLite sentence beats the broad class it arrives in
        (sqlite3.OperationalError("interrupted"), "interrupted"),
        (sqlite3.OperationalError("no such table: person"), "missing-table"),
        (ValueError("database disk image is malformed"), "malformed"),
        (OSError("file is not a database"), "not-a-database"),
        # earlier rows win over later ones when a message fits both
        (sqlite3.DatabaseError("malformed database schema (x) - interrupted"), "interrupted"),
        (sqlite3.DatabaseError("malformed database schema (fts5 vtable)"), "malformed-schema"),
        # needles are matched case-insensitively
        (sqlite3.OperationalError("Database Is Locked"), "locked"),
        (sqlite3.OperationalError("DISK I/O ERROR"), "io"),
        # types stand for their family whatever the text
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "bad-text"),
        (MemoryError(), "out-of-memory"),
        (OverflowError("Python int too large to convert to SQLite INTEGER"), "bad-value"),
        (TypeError("something odd"), "bad-value"),
        (PermissionError(13, "Permission denied"), "io"),
        (sqlite3.IntegrityError("UNIQUE constraint failed"), "database"),
        # nothing recognises these
        (KeyError("title"), "unexpected"),
        (RuntimeError("weird"), "unexpected"),
    ],
    ids=lambda v: v if isinstance(v, str) else type(v).__name__,
)
def test_the_first_matching_family_wins(exc: BaseException, key: str) -> None:
    assert errors.classify(exc).key == key


def test_an_orig_that_is_not_an_exception_is_not_looked_through() -> None:
    exc = RuntimeError("database is locked")
    exc.orig = "interrupted"  # type: ignore[attr-defined]
    assert errors.classify(exc).key == "locked"


def test_an_exception_whose_text_cannot_be_read_is_still_classified() -> None:
    assert errors.classify(_Unprintable()) is errors.UNEXPECTED
    assert "_Unprintable: _Unprintable" in errors.describe(_Unprintable())


def test_a_known_family_is_described_in_its_own_words_only() -> None:
    exc = sqlite3.DatabaseError("database disk image is malformed at page 7 (internal detail)")
    assert errors.describe(exc) == errors.classify(exc).problem
    assert "page 7" not in errors.describe(exc)


def test_an_unexpected_error_is_described_with_its_type_and_a_cut_text() -> None:
    text = errors.describe(KeyError("x" * 1000))
    assert text.startswith(errors.UNEXPECTED.problem + " (KeyError: 'xxx")
    assert len(text) < len(errors.UNEXPECTED.problem) + 230


def test_an_error_names_its_path_in_its_message_and_text(tmp_path: Path) -> None:
    path = tmp_path / "Кремль архив.sqlite"
    exc = errors.ArchiveCorrupt(str(path), "the file is damaged")
    assert exc.path == path
    assert exc.message == f"Cannot open “{path}”: the file is damaged"
    assert str(exc) == f"{path}: the file is damaged"


def test_a_family_given_to_an_error_replaces_its_class_default() -> None:
    assert errors.ArchiveCorrupt("x", "p").family == "corrupt"
    assert errors.ArchiveCorrupt("x", "p", "bad-header").family == "bad-header"
    assert errors.ArchiveCorrupt("x", "p").family == "corrupt"  # the class is not changed


@pytest.mark.parametrize("cls", SUBCLASSES, ids=lambda c: c.__name__)
def test_from_exception_keeps_the_class_and_takes_family_and_problem_from_the_cause(
    cls: type[errors.ArchiveError],
) -> None:
    cause = sqlite3.OperationalError("database is locked")
    exc = cls.from_exception("/x/a.sqlite", cause)
    assert type(exc) is cls
    assert exc.family == "locked"
    assert exc.problem == errors.classify(cause).problem
    assert "/x/a.sqlite" in exc.message


def test_every_kind_of_archive_error_has_its_own_family_and_title() -> None:
    families = [c.family for c in SUBCLASSES]
    titles = [c.title for c in SUBCLASSES]
    assert len(set(families)) == len(families)
    assert len(set(titles)) == len(titles)
    assert errors.ArchiveError.title not in titles


def test_every_archive_error_subclass_is_listed_here() -> None:
    assert set(errors.ArchiveError.__subclasses__()) == set(SUBCLASSES)


def test_a_build_error_is_not_an_archive_error() -> None:
    assert not issubclass(errors.BuildError, errors.ArchiveError)


# -- in the reader's language ------------------------------------------------------------------

import re  # noqa: E402
from collections.abc import Iterator  # noqa: E402

from db import i18n  # noqa: E402
from db.i18n import N_  # noqa: E402


@pytest.fixture
def russian() -> Iterator[None]:
    i18n.set_language("ru")
    yield
    i18n.set_language("en")


def test_titles_are_english_on_the_class_and_translated_on_an_error(russian: None) -> None:
    assert errors.ArchiveNotFound.title == "Archive not found"
    exc = errors.ArchiveNotFound("/nowhere.sqlite", errors.Text(N_("no such file")))
    assert exc.title == "Архив не найден"
    assert exc.message == "Не удаётся открыть «/nowhere.sqlite»: файла нет"
    assert exc.family == "not-found"


def test_an_error_reads_in_the_language_in_use_when_it_is_shown() -> None:
    exc = errors.ArchiveError.from_exception(
        "/x.sqlite", sqlite3.DatabaseError("file is not a database")
    )
    assert exc.problem.startswith("the file is damaged or is not an SQLite database")
    i18n.set_language("ru")
    try:
        assert exc.problem.startswith("файл повреждён или не является базой данных SQLite")
        assert exc.title == "Не удаётся открыть архив"
        assert str(exc).startswith("/x.sqlite: файл повреждён")
    finally:
        i18n.set_language("en")
    assert exc.message.startswith("Cannot open “/x.sqlite”: the file is damaged")


def test_every_family_has_russian_words(russian: None) -> None:
    for family in (*errors.FAMILIES, errors.UNEXPECTED):
        assert family.problem != family.english
        assert re.search("[а-я]", family.problem)


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (1, "неизвестная таблица или индекс"),
        (2, "неизвестные таблицы или индекса"),
        (5, "неизвестных таблиц или индексов"),
        (11, "неизвестных таблиц или индексов"),
        (21, "неизвестная таблица или индекс"),
        (22, "неизвестные таблицы или индекса"),
        (25, "неизвестных таблиц или индексов"),
    ],
)
def test_plural_texts_choose_their_form_when_shown(russian: None, n: int, word: str) -> None:
    text = errors.Plural.ngettext(
        "the archive contains {n:,} unknown table(s) or index(es) ({names}); it was "
        "not written by this program",
        "the archive contains {n:,} unknown table(s) or index(es) ({names}); it was "
        "not written by this program",
        n,
        names="'x'",
    )
    assert str(text) == f"в архиве {n} {word} ('x'); он записан не этой программой"
    i18n.set_language("en")
    assert str(text).startswith(f"the archive contains {n} unknown table(s)")
