"""A colleague's archive that breaks the archive contract never hangs, crashes or lies.

Each case is a copy of the bundled archive changed with ``sqlite3``, as a colleague might
edit one by hand: a document dated 9999-12-31, ``''`` or ``n.d.``; a person deleted; sparse or
negative ranks; metadata counts that lie; ids such as ``../../x``, ``/tmp/x``, a right-to-left
override, an empty id or one holding NUL; text with terminal escapes; names that a
spreadsheet would run as formulas.  Every case goes through the gate, the command line
(``info``, ``show``, ``search``, ``stats``, ``dossier``, ``dossier --all-people``, ``export``)
and the GUI's real start path; then the same files are opened as if they were too big for the
gate to read whole (the gate's sample missed the breach) to prove the viewer itself trusts
no value: it still finishes every command, writes only inside the chosen folder, prints no
raw control character, and the background check reports the breach once.
"""

from __future__ import annotations

import csv
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app import cli, gui
from app.bootstrap import App
from db import contract, errors, gate, open_archive
from tests.app.conftest import FakeDialogs
from tests.conftest import BUNDLED

MakeApp = Callable[..., App]
#: A raw control character on a terminal stream (newline and tab are allowed).
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ESCAPES = "\x1b]0;pwned\x07\x1b[2J"


@dataclass(frozen=True)
class Case:
    """One edit of the bundled archive and the words the gate's refusal must contain."""

    sql: str
    words: str
    #: An item whose page/dossier shows the broken value (kind/id after the edit).
    item: str = "person/cherniavsky-mikhail"


CASES: dict[str, Case] = {
    "document-dated-9999": Case(
        "UPDATE document SET date = '9999-12-31', year = 9999 WHERE pk = 7",
        "year 9999 is outside",
    ),
    "document-dated-empty": Case("UPDATE document SET date = '' WHERE pk = 7", "the date is empty"),
    "document-dated-n.d.": Case(
        "UPDATE document SET date = 'n.d.' WHERE pk = 7", "'n.d.' is not a date"
    ),
    "sentence-dated-1935-13-45": Case(
        "UPDATE sentence SET date = '1935-13-45' WHERE pk = 3", "has no month 13"
    ),
    "person-deleted": Case("DELETE FROM person WHERE pk = 50", "rows of 'person'"),
    "sparse-ranks": Case(
        "UPDATE person SET rank_name = rank_name * 1000", "list order 'person.rank_name'"
    ),
    "negative-ranks": Case(
        "UPDATE person SET rank_name = -rank_name", "list order 'person.rank_name'"
    ),
    "meta-counts-lie": Case(
        "UPDATE meta SET value = '999999999' WHERE key = 'person_count'", "metadata says"
    ),
    "id-traversal": Case(
        "UPDATE person SET id = '../../x' WHERE pk = 40", "is not an id", "person/../../x"
    ),
    "id-absolute": Case(
        "UPDATE person SET id = '/tmp/x' WHERE pk = 40", "is not an id", "person//tmp/x"
    ),
    "id-bidi": Case(
        "UPDATE person SET id = char(0x202e) || 'fdp.exe' WHERE pk = 40",
        "is not an id",
        "person/\u202efdp.exe",
    ),
    "id-empty": Case("UPDATE person SET id = '' WHERE pk = 40", "the id is empty", "person/"),
    "id-with-nul": Case(
        "UPDATE person SET id = 'a' || char(0) || 'b' WHERE pk = 40",
        "is not an id",
        "person/a\x00b",
    ),
    "text-with-terminal-escapes": Case(
        "UPDATE person SET summary = 'evil ' || char(27) || ']0;pwned' || char(7) || char(27) "
        "|| '[2J', name_en = 'Ex' || char(27) || '[2J' WHERE id = 'cherniavsky-mikhail'",
        "control character U+001B",
    ),
}

#: Allowed by the contract (text is text), but must never run as a spreadsheet formula.
FORMULAS = ('=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)")
FORMULA_SQL = (
    'UPDATE person SET sort_name = CASE pk % 4 WHEN 0 THEN \'=HYPERLINK("http://x","y")\' '
    "WHEN 1 THEN '+1+1' WHEN 2 THEN '-2+3' ELSE '@SUM(A1)' END WHERE pk <= 8"
)
#: The three hostile ids of the id-* cases at once (three people): every person's dossier is
#: printed once for all three file-name attacks, not once per attack.
ID_CASES = ("id-traversal", "id-absolute", "id-bidi")
IDS_SQL = ";".join(
    CASES[name].sql.replace("pk = 40", f"pk = {40 + n}") for n, name in enumerate(ID_CASES)
)


def _mutant(folder: Path, name: str, sql: str) -> Path:
    path = folder / f"{name}.sqlite"
    shutil.copyfile(BUNDLED, path)
    path.chmod(0o644)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.executescript(sql)
        conn.commit()
    finally:
        conn.close()
    return path


@pytest.fixture(scope="module")
def mutants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("contract")
    built = {name: _mutant(folder, name, case.sql) for name, case in CASES.items()}
    built["formulas"] = _mutant(folder, "formulas", FORMULA_SQL)
    built["ids"] = _mutant(folder, "ids", IDS_SQL)
    return built


@pytest.fixture
def unchecked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Open files as the gate opens a giant one whose sample missed the breach."""
    monkeypatch.setattr(gate, "CONTRACT_FULL_LIMIT", 0)
    monkeypatch.setattr(contract, "cheap_problems", lambda _conn: [])


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_clean(out: str, err: str) -> None:
    assert "Traceback" not in out + err
    assert not RAW_CONTROL.search(out.replace("\r", "")), out[:200]
    assert not RAW_CONTROL.search(err.replace("\r", "")), err[:200]


# -- the gate and the command line refuse each breach with one message -------------------------


@pytest.mark.parametrize("name", list(CASES))
def test_the_gate_refuses_each_breach_with_one_clear_message(
    mutants: dict[str, Path], name: str
) -> None:
    with pytest.raises(errors.ArchiveCorrupt) as info:
        open_archive(mutants[name])
    assert info.value.family == "contract"
    assert CASES[name].words in info.value.message
    assert str(mutants[name]) in info.value.message
    assert not RAW_CONTROL.search(info.value.message)


COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "info": lambda out: ["info"],
    "show": lambda out: ["show", "cherniavsky-mikhail"],
    "search": lambda out: ["search", "Cherniavsky"],
    "stats": lambda out: ["stats", "--json"],
    "dossier": lambda out: ["dossier", "cherniavsky-mikhail", "-o", str(out / "one.pdf")],
    "all-dossiers": lambda out: ["dossier", "--all-people", "-o", str(out / "all")],
    "export": lambda out: ["export", "people", "-o", str(out / "people.csv")],
}


#: One breach of each kind for the whole command set (the refusal is the same gate for all).
REPRESENTATIVE = ("document-dated-n.d.", "id-traversal", "text-with-terminal-escapes")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_refuses_a_breach_in_one_line(
    mutants: dict[str, Path],
    command: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    names = list(CASES) if command == "info" else REPRESENTATIVE
    for name in names:
        argv = COMMANDS[command](tmp_path)
        code, out, err = _cli(capsys, *argv, "--archive", str(mutants[name]))
        assert code == cli.EXIT_ARCHIVE, (name, err)
        assert out == "" and err.count("\n") == 1 and CASES[name].words in err, (name, err)
        _assert_clean(out, err)
    assert list(tmp_path.iterdir()) == []  # nothing written for a refused archive


def test_the_gui_start_path_names_the_breach_and_offers_the_bundled_archive(
    qtbot: QtBot,
    mutants: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_event_loop: list[int],
) -> None:
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    # Each breach's own words are the CLI test's; here the window's path, for a few of them.
    for name in REPRESENTATIVE:
        code = gui.run(["--archive", str(mutants[name]), "--settings", str(tmp_path / "s.ini")])
        assert code == 0, name
        assert CASES[name].words in asked[-1], name
        assert not RAW_CONTROL.search(asked[-1])
    assert len(asked) == len(REPRESENTATIVE)
    assert no_event_loop == [99] * len(REPRESENTATIVE)  # the bundled archive, whole


# -- values the gate did not check: the viewer trusts none of them -------------------------------


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", [*CASES, "formulas", "ids"])
def test_unchecked_breaches_never_hang_crash_or_leak_to_the_terminal(
    mutants: dict[str, Path],
    name: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    unchecked: None,
    qapp: QApplication,
) -> None:
    archive = str(mutants[name])
    for command, argv in COMMANDS.items():
        if command == "all-dossiers" and name != "ids":
            continue  # every person's dossier: only where file names are at stake (time)
        code, out, err = _cli(capsys, *argv(tmp_path), "--archive", archive)
        assert code in (0, cli.EXIT_NOT_FOUND, cli.EXIT_FAILED), (name, command, err)
        _assert_clean(out, err)
    # Everything written stayed inside tmp_path, with safe names.
    for path in tmp_path.rglob("*"):
        assert path.resolve().is_relative_to(tmp_path.resolve())
        assert not path.name.startswith(".") and "\u202e" not in path.name, path
    if name == "ids":
        assert len(list((tmp_path / "all").glob("*.pdf"))) == 99


def test_exported_formulas_are_text_in_a_spreadsheet(
    mutants: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "people.csv"
    code, _out, err = _cli(
        capsys, "export", "people", "-o", str(target), "--archive", str(mutants["formulas"])
    )
    assert code == 0, err
    with target.open(encoding="utf-8-sig", newline="") as fh:
        cells = [cell for row in csv.reader(fh) for cell in row]
    for formula in FORMULAS:
        assert formula not in cells and "'" + formula in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@")]


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "name", ["document-dated-9999", "document-dated-n.d.", "person-deleted", "sparse-ranks"]
)
def test_the_window_opens_unchecked_breaches_and_the_background_check_names_them(
    make_app: MakeApp,
    mutants: dict[str, Path],
    name: str,
    qtbot: QtBot,
    fake_dialogs: FakeDialogs,
    unchecked: None,
) -> None:
    app = make_app(archive_path=mutants[name])
    for pane in app.panes.values():
        app.window.tabs.setCurrentWidget(pane)
        pane.view.scrollToBottom()
        app.window.grab()  # every visible row painted, none raising
    qtbot.waitUntil(lambda: bool(app.controller.contract_problems), timeout=30_000)
    assert len(fake_dialogs.messages) == 1
    title, message = fake_dialogs.messages[0]
    assert title == "The archive breaks its contract" and CASES[name].words in message
    years = app.panes["document"]._combos["year"]
    assert all(len(years.itemText(i)) <= 20 for i in range(years.count()))


# -- an archive that changes while it is open ------------------------------------------------------


@pytest.fixture
def open_copy(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "colleague.sqlite"
    shutil.copyfile(BUNDLED, path)
    yield path


def test_an_archive_overwritten_while_open_is_checked_again_and_said_once(
    make_app: MakeApp, open_copy: Path, qtbot: QtBot, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app(archive_path=open_copy)
    other = _mutant(
        tmp_path, "other", "UPDATE meta SET value = '2099.1' WHERE key = 'data_version'"
    )
    open_copy.write_bytes(other.read_bytes())  # overwritten in place, same inode
    pane = app.panes["person"]
    pane.model.reload()  # the next query notices the change before reading
    qtbot.waitUntil(lambda: len(fake_dialogs.messages) == 1, timeout=30_000)
    assert fake_dialogs.messages[0][0] == "Archive changed on disk"
    assert app.controller.info.data_version == "2099.1"
    assert app.controller.archive.path == open_copy
    assert pane.model.rowCount() == 99
    app.window.grab()


def test_an_archive_ruined_while_open_gives_way_to_the_bundled_one(
    make_app: MakeApp, open_copy: Path, qtbot: QtBot, fake_dialogs: FakeDialogs
) -> None:
    app = make_app(archive_path=open_copy)
    data = bytearray(open_copy.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of garbage
    open_copy.write_bytes(bytes(data))
    app.navigator.go(app.navigator.current or _first_person(app))
    qtbot.waitUntil(lambda: len(fake_dialogs.messages) == 1, timeout=30_000)
    title, message = fake_dialogs.messages[0]
    assert title == "Archive changed on disk" and "bundled archive is open instead" in message
    assert app.controller.archive.path == BUNDLED
    app.window.grab()


def _first_person(app: App) -> object:
    from db.dto import Ref

    return Ref("person", "cherniavsky-mikhail")
