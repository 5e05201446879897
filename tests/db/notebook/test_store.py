"""Opening the notebook file: a good one, none yet, and every kind of bad one.

A damaged file, a file that is not SQLite, another program's SQLite file and a notebook of a
newer version are moved aside (kept byte for byte, never deleted) and a fresh notebook is
started; a read-only disk and a file locked by another process give a read-only notebook; a
folder that cannot be created gives an empty read-only one.  Each says so in one sentence.
"""

from __future__ import annotations

import ctypes
import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from db import i18n
from db.notebook import (
    Notebook,
    NotebookReadOnly,
    NotebookUnavailable,
    OpenOutcome,
    default_path,
)
from db.notebook.schema import APPLICATION_ID, SCHEMA_VERSION
from db.notebook.store import ENV, move_aside, moved_aside_path
from tests.conftest import BUNDLED
from tests.db.notebook.conftest import KAMENEV, KEY, Remount, listing


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled(path: Path) -> None:
    """A notebook at ``path`` with one note, closed (its WAL folded back)."""
    with Notebook.open(path) as nb:
        nb.set_note(KEY, KAMENEV, "kept note", label="Lev Kamenev")


def _newer(path: Path) -> None:
    _filled(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
    conn.execute("INSERT INTO accounts VALUES (1, 'someone')")
    conn.commit()
    conn.close()


def _other_application(path: Path) -> None:
    shutil.copyfile(BUNDLED, path)  # an archive: application_id "KrmA", not a notebook


def _damaged(path: Path) -> None:
    _filled(path)
    data = bytearray(path.read_bytes())
    data[100:] = b"\xa5" * (len(data) - 100)  # header kept, every page garbage
    path.write_bytes(bytes(data))


def _truncated(path: Path) -> None:
    _filled(path)
    path.write_bytes(path.read_bytes()[:10])


def _text_file(path: Path) -> None:
    path.write_text("These are my notes, typed into the wrong file.\n", encoding="utf-8")


BAD_FILES = {
    "damaged": (_damaged, "damaged", "was damaged"),
    "truncated": (_truncated, "damaged", "was damaged"),
    "not SQLite": (_text_file, "foreign", "is not a notebook of this app"),
    "another program's SQLite": (_foreign_sqlite, "foreign", "is not a notebook of this app"),
    "another application_id": (_other_application, "foreign", "is not a notebook of this app"),
    "newer version": (_newer, "newer", "newer version of this app"),
}


def test_a_new_notebook_is_created_with_its_folder(nb_path: Path) -> None:
    with Notebook.open(nb_path) as nb:
        assert (nb.outcome, nb.message, nb.read_only, nb.moved_to) == (
            OpenOutcome.OK,
            None,
            False,
            None,
        )
    conn = sqlite3.connect(nb_path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_a_good_notebook_opens_with_its_notes(nb_path: Path) -> None:
    _filled(nb_path)
    with Notebook.open(nb_path) as nb:
        assert nb.outcome is OpenOutcome.OK and nb.note(KEY, KAMENEV) == "kept note"


def test_connections_use_wal_and_full_sync(nb_path: Path) -> None:
    with Notebook.open(nb_path) as nb:
        conn = nb._connection()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 2000


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_moved_aside_intact_and_a_fresh_notebook_started(
    case: str, nb_path: Path
) -> None:
    make, reason, words = BAD_FILES[case]
    nb_path.parent.mkdir(parents=True)
    make(nb_path)
    digest = _digest(nb_path)
    with Notebook.open(nb_path) as nb:
        assert nb.outcome is OpenOutcome.MOVED_ASIDE and not nb.read_only
        assert nb.moved_to is not None and nb.moved_to.parent == nb_path.parent
        assert nb.moved_to.name.startswith("notebook.") and nb.moved_to.name.endswith(
            f".{reason}.sqlite"
        )
        assert _digest(nb.moved_to) == digest  # kept byte for byte
        assert nb.message is not None and words in nb.message
        assert str(nb_path) in nb.message and str(nb.moved_to) in nb.message
        assert nb.message.count(".") >= 1 and "\n" not in nb.message
        assert nb.entries(KEY) == []
        nb.set_note(KEY, KAMENEV, "a new note")  # the fresh notebook works
    assert sorted(listing(nb_path.parent)) == sorted(["notebook.sqlite", nb.moved_to.name])


def test_the_message_is_in_the_language_in_use_when_read(nb_path: Path) -> None:
    nb_path.parent.mkdir(parents=True)
    _text_file(nb_path)
    with Notebook.open(nb_path) as nb:
        try:
            i18n.set_language("ru")
            russian = nb.message
        finally:
            i18n.set_language("en")
        assert russian is not None and "не является" in russian and str(nb.moved_to) in russian


def test_the_wal_and_shm_files_move_with_the_file(nb_path: Path) -> None:
    nb_path.parent.mkdir(parents=True)
    _newer(nb_path)
    for suffix in ("-wal", "-shm"):
        Path(f"{nb_path}{suffix}").write_bytes(b"side " + suffix.encode())
    with Notebook.open(nb_path) as nb:
        moved = nb.moved_to
    assert moved is not None
    assert Path(f"{moved}-wal").read_bytes() == b"side -wal"
    assert Path(f"{moved}-shm").read_bytes() == b"side -shm"


def test_moved_aside_names_never_overwrite_an_earlier_one(tmp_path: Path) -> None:
    when = datetime.datetime(2026, 12, 5, 10, 11, 12, tzinfo=datetime.UTC)
    names = []
    for n in range(3):
        path = tmp_path / "notebook.sqlite"
        path.write_text(f"bad {n}")
        names.append(move_aside(path, "damaged", when).name)
    assert names == [
        "notebook.2026-12-05T10-11-12Z.damaged.sqlite",
        "notebook.2026-12-05T10-11-12Z-2.damaged.sqlite",
        "notebook.2026-12-05T10-11-12Z-3.damaged.sqlite",
    ]
    assert [(tmp_path / n).read_text() for n in names] == ["bad 0", "bad 1", "bad 2"]
    assert moved_aside_path(tmp_path / "notebook.sqlite", "newer", when).name == (
        "notebook.2026-12-05T10-11-12Z.newer.sqlite"
    )


@pytest.mark.parametrize("case", ["damaged", "another application_id", "newer version"])
def test_without_repair_a_bad_file_is_refused_and_left_alone(case: str, nb_path: Path) -> None:
    make, _reason, _words = BAD_FILES[case]
    nb_path.parent.mkdir(parents=True)
    make(nb_path)
    before = listing(nb_path.parent), _digest(nb_path)
    with pytest.raises(NotebookUnavailable) as refused:
        Notebook.open(nb_path, repair=False)
    assert str(nb_path) in refused.value.message
    assert (listing(nb_path.parent), _digest(nb_path)) == before


def test_an_empty_file_becomes_a_notebook(nb_path: Path) -> None:
    nb_path.parent.mkdir(parents=True)
    nb_path.write_bytes(b"")
    with Notebook.open(nb_path) as nb:
        assert nb.outcome is OpenOutcome.OK
        nb.set_bookmark(KEY, KAMENEV, True)
        assert nb.is_bookmarked(KEY, KAMENEV)


def test_a_read_only_disk_gives_a_read_only_notebook(
    read_only_folder: tuple[Path, Remount],
) -> None:
    folder, remount = read_only_folder
    path = folder / "notebook.sqlite"
    _filled(path)
    remount()
    before = listing(folder)
    with Notebook.open(path) as nb:
        assert nb.outcome is OpenOutcome.READ_ONLY and nb.read_only
        assert nb.message is not None and "cannot be written" in nb.message
        assert str(path) in nb.message
        assert nb.note(KEY, KAMENEV) == "kept note"  # still readable
        with pytest.raises(NotebookReadOnly):
            nb.set_note(KEY, KAMENEV, "changed")
    assert listing(folder) == before


def test_a_damaged_file_on_a_read_only_disk_leaves_an_empty_read_only_notebook(
    read_only_folder: tuple[Path, Remount],
) -> None:
    folder, remount = read_only_folder
    path = folder / "notebook.sqlite"
    _damaged(path)
    digest = _digest(path)
    remount()
    with Notebook.open(path) as nb:
        assert nb.outcome is OpenOutcome.READ_ONLY and nb.read_only
        assert nb.message is not None and "cannot be moved aside" in nb.message
        assert nb.entries(KEY) == []
    assert listing(folder) == ["notebook.sqlite"] and _digest(path) == digest


def test_a_folder_that_cannot_be_created_gives_an_empty_read_only_notebook(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with Notebook.open(blocker / "notebook.sqlite") as nb:
        assert nb.outcome is OpenOutcome.READ_ONLY and nb.read_only
        assert nb.message is not None and str(blocker) in nb.message
        assert nb.entries(KEY) == [] and nb.marks(KEY, "person", ["x"]) == {}
        with pytest.raises(NotebookReadOnly):
            nb.set_bookmark(KEY, KAMENEV, True)


READER = """
import json, sys
from pathlib import Path
from db.notebook import Notebook, NotebookReadOnly
from tests.db.notebook.conftest import KAMENEV, KEY
with Notebook.open(Path(sys.argv[1])) as nb:
    try:
        nb.set_note(KEY, KAMENEV, "changed")
        refused = False
    except NotebookReadOnly:
        refused = True
    print(json.dumps([nb.outcome.value, nb.note(KEY, KAMENEV), refused, nb.message]))
"""


def _without_write_override() -> Callable[[], None] | None:
    """For root: a pre-exec function dropping the capabilities that ignore permission bits."""
    if os.geteuid() != 0:
        return None
    libc = ctypes.CDLL(None, use_errno=True)

    def drop() -> None:
        for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "cannot drop capability")

    return drop


def test_a_read_only_file_gives_a_read_only_notebook(nb_path: Path) -> None:
    _filled(nb_path)
    nb_path.chmod(0o444)
    try:
        done = subprocess.run(
            [sys.executable, "-c", READER, str(nb_path)],
            cwd=Path(__file__).resolve().parents[3],
            capture_output=True,
            text=True,
            preexec_fn=_without_write_override(),  # between fork and exec: drops caps only
        )
    except subprocess.SubprocessError as exc:  # e.g. no CAP_SETPCAP in a locked container
        pytest.skip(f"cannot run a process without write access: {exc}")
    finally:
        nb_path.chmod(0o644)
    assert done.returncode == 0, done.stderr[-2000:]
    outcome, note, refused, message = json.loads(done.stdout)
    assert (outcome, note, refused) == ("read_only", "kept note", True)
    assert "cannot be written" in message
    with Notebook.open(nb_path) as nb:
        assert nb.note(KEY, KAMENEV) == "kept note"


LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE record SET label = label")
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


def test_a_file_locked_by_another_process_gives_a_read_only_notebook(nb_path: Path) -> None:
    _filled(nb_path)
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(nb_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout is not None and locker.stdout.readline() == "locked\n"
        with Notebook.open(nb_path, busy_timeout=0.05) as nb:
            assert nb.outcome is OpenOutcome.READ_ONLY and nb.read_only
            assert nb.message is not None and "locked by another program" in nb.message
            assert nb.entries(KEY) == []  # reads come back empty while the lock lasts
            with pytest.raises(NotebookReadOnly):
                nb.set_note(KEY, KAMENEV, "lost?")
    finally:
        assert locker.stdin is not None
        locker.stdin.close()
        locker.wait()
        assert locker.stdout is not None
        locker.stdout.close()
    assert listing(nb_path.parent) == ["notebook.sqlite"]
    with Notebook.open(nb_path) as nb:  # the lock gone, all is there
        assert nb.outcome is OpenOutcome.OK and nb.note(KEY, KAMENEV) == "kept note"


def test_the_default_path_is_the_environment_variable_else_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV, str(tmp_path / "x.sqlite"))
    assert default_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv(ENV)
    import platformdirs

    assert default_path() == platformdirs.user_data_path("kremlin-archive", False) / (
        "notebook.sqlite"
    )


def test_open_without_a_path_uses_the_default(tmp_path: Path) -> None:
    with Notebook.open() as nb:
        assert nb.path == tmp_path / "default" / "notebook.sqlite" and nb.path.exists()
