"""The command line itself: which argv is a command, the parser, exit codes, ``--archive``, and
errors as one line on stderr (the commands' own output is tested in tests/app/commands)."""

from __future__ import annotations

import errno
import io
import json
import logging
import shutil
from pathlib import Path

import pytest

from app import cli
from app.__main__ import main
from tests.conftest import BUNDLED


class FailingStdout(io.StringIO):
    """A terminal that refuses output with ``error`` (a full disk, a closed pipe)."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], False),
        (["info"], True),
        (["show", "kamenev-lev", "--json"], True),
        (["--archive", "x.sqlite"], False),
        (["Info"], False),
        (["information"], False),
        (["x.sqlite", "info"], False),
        (["--archive", "x.sqlite", "info"], True),  # the global option before the command
        (["--lang", "ru", "--archive=x.sqlite", "show", "kamenev-lev"], True),
    ],
)
def test_only_a_known_first_word_is_a_command(argv: list[str], command: bool) -> None:
    assert cli.is_command(argv) is command


@pytest.mark.parametrize("before", [["--archive"], ["--lang", "ru", "--archive"]])
def test_the_archive_may_be_named_before_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], before: list[str]
) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(BUNDLED, copy)
    assert main([*before, str(copy), "info"]) == 0
    assert str(copy) in capsys.readouterr().out
    assert main([*before, str(tmp_path / "none.sqlite"), "info"]) == cli.EXIT_ARCHIVE
    assert "none.sqlite" in capsys.readouterr().err


@pytest.mark.parametrize("name", cli.COMMANDS)
def test_every_command_takes_an_archive_option(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.parser().parse_args([name, "--help"])
    assert exit_.value.code == 0
    assert "--archive ARCHIVE" in capsys.readouterr().out


def test_without_archive_option_the_bundled_archive_is_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.parser().parse_args(["info"]).archive is None
    assert main(["info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(BUNDLED)


def test_archive_option_reads_that_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "copy of the archive.sqlite"
    shutil.copyfile(BUNDLED, other)
    assert main(["info", "--json", "--archive", str(other)]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(other)


def test_a_usage_error_exits_2_naming_what_is_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["show"])
    assert exit_.value.code == cli.EXIT_USAGE == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        "kremlin-archive show: error: the following arguments are required: id"
    )


def test_bad_archive_exits_3_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "x.sqlite"
    bad.write_text("not a database")
    assert main(["info", "--archive", str(bad)]) == cli.EXIT_ARCHIVE == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "text file" in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.sqlite"]


def test_missing_archive_exits_3_naming_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere" / "gone.sqlite"
    assert main(["show", "kamenev-lev", "--archive", str(missing)]) == 3
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith("kremlin-archive: ") and str(missing) in captured.err
    assert not missing.parent.exists()


def test_a_failing_command_exits_1_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full = FailingStdout(OSError(errno.ENOSPC, "No space left on device"))
    monkeypatch.setattr("sys.stdout", full)
    assert main(["info"]) == cli.EXIT_FAILED == 1
    assert capsys.readouterr().err == (
        "kremlin-archive: info failed: [Errno 28] No space left on device\n"
    )


def test_a_closed_pipe_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdout", FailingStdout(BrokenPipeError(errno.EPIPE, "Broken pipe")))
    assert main(["show", "kamenev-lev"]) == 0
    assert capsys.readouterr().err == ""


def test_a_failing_command_prints_no_traceback_when_logging_is_not_set_up(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As in a real ``kremlin-archive`` process: no handler on the root logger (pytest's own
    # capture handlers are taken away for this test).
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    monkeypatch.setattr("sys.stdout", FailingStdout(OSError(errno.ENOSPC, "No space left")))
    assert main(["info"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1


# -- the language of the command line ---------------------------------------------------------

import re  # noqa: E402
import sqlite3  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402

from db import i18n  # noqa: E402

#: Latin words a Russian command line may print that are not archive data: names of
#: transliteration systems and standards, and the program's own name.
RUSSIAN_ALLOWLIST = frozenset(
    {"ALA", "LC", "BGN", "PCGN", "ICAO", "ISO", "kremlin", "archive", "en", "ru"}
)
#: Columns holding free text from the sources (names, titles, summaries, claimed values …);
#: controlled values (roles, kinds, tribunals) are not data a Russian reader may see in English.
DATA_COLUMNS = {
    "meta": ("value",),
    "source": ("author", "title", "url", "note"),
    "person": (
        "name_en",
        "name_ru",
        "nationality",
        "occupation",
        "organisation",
        "summary",
        "later_fate",
    ),
    "person_name": ("name", "note"),
    "sentence": ("notes",),
    "relation": ("note",),
    "event": ("title", "summary"),
    "document": ("title", "collection", "url"),
    "document_person": ("name_as_written",),
    "claim": ("value", "locator", "note"),
    "tally": ("label", "note"),
}
#: What the Russian check runs: (argv, words the user typed).
RUSSIAN_RUNS = (
    (["info"], ()),
    (["show", "cherniavsky-mikhail"], ()),
    (["show", "kamenev-lev"], ()),
    (["show", "ev-1934-kirov"], ()),
    (["show", "doc-10040"], ()),
    (["show", "koshel-kniga87"], ()),
    (["search", "Jeschow"], ("Jeschow",)),
    (["search", "Kameneva", "--limit", "3"], ("Kameneva",)),
    (["search", "Chernjavskij"], ("Chernjavskij",)),
    (["search", "librarian", "--limit", "3"], ("librarian",)),
    (["stats"], ()),
)
_URL = re.compile(r"https?://\S+")
#: A command-line option, written as it is typed in any language (``--limit N``).
_OPTION = re.compile(r"--[a-z][a-z-]*(?: [A-Z]\b)?")
_ID = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\[[^\]\s]+\]|/\S+")


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@dataclass(frozen=True)
class ArchiveData:
    """What of the bundled archive a command line may print as it is stored."""

    values: list[str]  # free-text values holding a letter, longest first
    text: str  # all of them, one per line (to find excerpts)
    names: frozenset[str]  # words of people's names and of record ids

    def blank(self, line: str, typed: tuple[str, ...]) -> str:
        """``line`` with archive values and excerpts, typed words, URLs and ids blanked."""
        covered = [False] * len(line)

        def cover(start: int, end: int) -> None:
            covered[start:end] = [True] * (end - start)

        for value in (*self.values, *typed):
            start = line.find(value) if len(value) > 1 else -1
            while start >= 0:
                cover(start, start + len(value))
                start = line.find(value, start + 1)
        # A search excerpt: "field: …words of a text…", or one that runs to the end of its
        # text and is followed by the next clause ("…words of a text.; participant: …").
        for m in re.finditer(r"[^…;]+(?:;(?! )[^…;]*)*", line):
            piece, offset = m.group(), m.start()
            starts = [0] + [m.end() for m in re.finditer(": ", piece)]
            cut = next(
                (i for i in starts if len(piece[i:].strip()) >= 12 and piece[i:] in self.text),
                None,
            )
            if cut is not None:
                cover(offset + cut, offset + len(piece))
        kept = "".join(" " if hidden else c for c, hidden in zip(line, covered, strict=True))
        return _ID.sub(" ", _URL.sub(" ", _OPTION.sub(" ", kept)))

    def english_words(self, line: str, typed: tuple[str, ...]) -> set[str]:
        """Latin words of ``line`` that are neither archive data nor allowed."""
        words = set(re.findall(r"[A-Za-z]+", self.blank(line, typed)))
        return words - self.names - RUSSIAN_ALLOWLIST


@pytest.fixture(scope="module")
def archive_data() -> ArchiveData:
    """The bundled archive's free text, names and ids, read with plain sqlite3."""
    found: set[str] = set()
    names: set[str] = set()
    with sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True) as conn:
        for table, columns in DATA_COLUMNS.items():
            for column in columns:
                for (value,) in conn.execute(f'SELECT DISTINCT "{column}" FROM "{table}"'):
                    if isinstance(value, str) and re.search(r"[^\W\d_]", value):
                        found.add(value)
        for sql in (
            "SELECT name_en FROM person",
            "SELECT name FROM person_name",
            "SELECT id FROM person UNION SELECT id FROM event UNION SELECT id FROM document "
            "UNION SELECT id FROM source",
        ):
            names.update(w for (v,) in conn.execute(sql) for w in re.findall(r"[A-Za-z]+", v))
    values = sorted(found, key=len, reverse=True)
    return ArchiveData(values, "\n".join(values), frozenset(names))


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    main(argv)
    out = capsys.readouterr()
    return (out.out + out.err).splitlines()


@pytest.mark.parametrize(("argv", "typed"), RUSSIAN_RUNS, ids=lambda a: " ".join(a) or "-")
def test_russian_output_has_no_english_words_outside_archive_data(
    argv: list[str],
    typed: tuple[str, ...],
    archive_data: ArchiveData,
    capsys: pytest.CaptureFixture[str],
    english_after: None,
) -> None:
    english = _cli(argv, capsys)
    russian = _cli(["--lang", "ru", *argv], capsys)
    assert len(russian) == len(english)
    # Line for line the same record as the English run, every Latin word in it archive data.
    leftovers = {
        (line, word) for line in russian for word in archive_data.english_words(line, typed)
    }
    assert not leftovers, leftovers
    assert any(re.search("[а-яё]", line) for line in russian)


@pytest.mark.parametrize(("argv", "typed"), RUSSIAN_RUNS, ids=lambda a: " ".join(a) or "-")
def test_english_output_has_no_cyrillic_outside_archive_data(
    argv: list[str],
    typed: tuple[str, ...],
    archive_data: ArchiveData,
    capsys: pytest.CaptureFixture[str],
) -> None:
    words = {w for v in archive_data.values for w in re.findall(r"[А-Яа-яЁё]+", v)}
    english = _cli(["--lang", "en", *argv], capsys)
    stray = {w for line in english for w in re.findall(r"[А-Яа-яЁё]+", line)} - words
    assert not stray, stray


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "ru", "info"],
        ["info", "--lang", "ru"],
        ["--lang=ru", "info"],
        ["info", "--lang=ru", "--json"],
    ],
)
def test_lang_chooses_the_language_before_or_after_the_command(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.is_command(argv)
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "версия данных" in out or '"data_version"' in out
    assert i18n.language() == "en"  # the language before the run is back


def test_the_system_language_is_the_default(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    assert main(["search", "xyzzy-nothing"]) == cli.EXIT_NOT_FOUND
    assert capsys.readouterr().out == "ничего не найдено\n"
    assert main(["--lang", "en", "search", "xyzzy-nothing"]) == cli.EXIT_NOT_FOUND
    assert capsys.readouterr().out == "nothing found\n"


def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "de", "info"]) == cli.EXIT_USAGE
    assert (
        capsys.readouterr().err == "kremlin-archive: unknown language “de” (choose from en, ru)\n"
    )


@pytest.mark.parametrize(
    ("argv", "command"),
    [(["--lang", "ru", "show", "x"], True), (["--lang", "ru"], False), (["--lang=ru"], False)],
)
def test_a_leading_lang_option_still_finds_the_command(argv: list[str], command: bool) -> None:
    assert cli.is_command(argv) is command


def test_argparse_speaks_russian_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "ru", "show"])
    assert exit_.value.code == cli.EXIT_USAGE
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("использование: kremlin-archive show")
    assert err[-1] == "kremlin-archive show: ошибка: не заданы обязательные аргументы: id"
    with pytest.raises(SystemExit):
        main(["show"])
    assert capsys.readouterr().err.splitlines()[0].startswith("usage: ")


def test_russian_errors_name_the_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.sqlite"
    bad.write_text("not a database")
    assert main(["--lang", "ru", "info", "--archive", str(bad)]) == cli.EXIT_ARCHIVE
    assert capsys.readouterr().err == (
        f"kremlin-archive: Не удаётся открыть «{bad}»: это текстовый файл, а не архив "
        "«Кремлёвского дела»\n"
    )
    assert main(["--lang", "ru", "show", "nobody-at-all"]) == cli.EXIT_NOT_FOUND
    assert capsys.readouterr().err == (
        "kremlin-archive: нет записи с идентификатором «nobody-at-all»\n"
    )
