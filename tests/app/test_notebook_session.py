"""NotebookSession on real notebooks in ``tmp_path``: every saved write names its record in
``changed``, a refusal is reported once, tags are added and removed case aside, two archives'
notes stay apart, another instance's writes are noticed, and a bad store is reported once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.notebook_session import NotebookSession
from db.dto import Ref
from db.notebook import Notebook, OpenOutcome, archive_key
from db.notebook.model import MAX_NOTE
from tests.app.ui_texts import english

__all__ = ["english"]

META = {"archive_id": "session-archive-a", "title": "Archive A"}
OTHER_META = {"archive_id": "session-archive-b", "title": "Archive B"}
KAMENEV = Ref("person", "kamenev-lev")
KIROV = Ref("event", "ev-1934-kirov")
NOT_SAVED = "Not saved in your notebook"


class Recorder:
    """What a session emitted."""

    def __init__(self, session: NotebookSession) -> None:
        self.changed: list[object] = []
        self.errors: list[tuple[str, str]] = []
        session.changed.connect(self.changed.append)
        session.error.connect(lambda title, message: self.errors.append((title, message)))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "nb.sqlite"


@pytest.fixture
def session(path: Path) -> Iterator[NotebookSession]:
    opened = NotebookSession(Notebook.open(path), META)
    yield opened
    opened.close()


@pytest.fixture
def seen(session: NotebookSession) -> Recorder:
    return Recorder(session)


def _archive(meta: dict[str, str]) -> SimpleNamespace:
    """What the controller hands over when an archive opens (``archive.info.meta``)."""
    return SimpleNamespace(info=SimpleNamespace(meta=meta))


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[NotebookSession]:
    """A session on a notebook that cannot be saved: its folder is a file (refused as root
    too, where permission bits do not bind)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    opened = NotebookSession(Notebook.open(blocker / "nb.sqlite"), META)
    assert opened.read_only and opened.notebook.outcome is OpenOutcome.READ_ONLY
    yield opened
    opened.close()


# -- saved writes -----------------------------------------------------------------------------


def test_a_saved_note_is_announced_with_its_record(
    session: NotebookSession, seen: Recorder
) -> None:
    assert session.set_note(KAMENEV, "Check the protocol", "Lev Kamenev")
    assert seen.changed == [KAMENEV] and seen.errors == []
    entry = session.entry(KAMENEV)
    assert entry is not None and entry.note == "Check the protocol"
    assert entry.label == "Lev Kamenev"


def test_a_saved_bookmark_is_announced_with_its_record(
    session: NotebookSession, seen: Recorder
) -> None:
    assert session.set_bookmark(KIROV, True, "Kirov murder")
    assert session.set_bookmark(KIROV, False, "Kirov murder")
    assert seen.changed == [KIROV, KIROV]
    assert session.entry(KIROV) is None  # nothing left of it


def test_saved_searches_announce_no_one_record(session: NotebookSession, seen: Recorder) -> None:
    assert session.save_search("Ivans", "Иван", {"role": "defendant"})
    (saved,) = session.saved_searches()
    assert (saved.name, saved.text, dict(saved.filters)) == (
        "Ivans",
        "Иван",
        {"role": "defendant"},
    )
    session.delete_search(saved.id)
    assert session.saved_searches() == []
    assert seen.changed == [None, None]


def test_reads_are_of_the_open_archive(session: NotebookSession) -> None:
    session.set_bookmark(KAMENEV, True, None)
    session.set_tags(KAMENEV, ["trial"], None)
    session.set_note(KIROV, "shot", None)
    assert [e.ref for e in session.entries()] == [KIROV, KAMENEV]
    assert [e.ref for e in session.entries(kind="person")] == [KAMENEV]
    assert [e.ref for e in session.entries(tag="TRIAL")] == [KAMENEV]
    assert [e.ref for e in session.entries(text="shot")] == [KIROV]
    marks = session.marks("person", [KAMENEV.id, "someone-else"])
    assert list(marks) == [KAMENEV.id] and marks[KAMENEV.id].bookmarked
    assert session.all_tags() == ["trial"]


# -- refused writes ---------------------------------------------------------------------------


def test_a_refused_write_is_reported_once_not_on_every_autosave(
    english: None, read_only: NotebookSession
) -> None:
    seen = Recorder(read_only)
    for text in ("a", "ab", "abc"):  # three autosaves while the user types on
        assert not read_only.set_note(KAMENEV, text, None)
    assert not read_only.set_bookmark(KAMENEV, True, None)
    assert seen.changed == []
    assert len(seen.errors) == 1
    title, message = seen.errors[0]
    assert title == NOT_SAVED and "read-only" in message


def test_a_refusal_after_a_save_is_reported_again(session: NotebookSession, seen: Recorder) -> None:
    session.notebook.read_only = True  # a plain attribute: the store refuses from now on
    assert not session.set_note(KAMENEV, "a", None)
    assert not session.set_note(KAMENEV, "ab", None)
    session.notebook.read_only = False
    assert session.set_note(KAMENEV, "abc", None)
    session.notebook.read_only = True
    assert not session.set_note(KAMENEV, "abcd", None)
    assert [title for title, _ in seen.errors] == [NOT_SAVED, NOT_SAVED]
    assert seen.changed == [KAMENEV]
    assert session.entry(KAMENEV).note == "abc"  # type: ignore[union-attr]


def test_a_tag_the_store_refuses_is_reported_and_nothing_is_announced(
    english: None, session: NotebookSession, seen: Recorder
) -> None:
    assert not session.set_tags(KAMENEV, ["x" * 101], None)
    assert seen.changed == []
    assert seen.errors == [(NOT_SAVED, "a tag has at most 100 characters")]
    assert session.entry(KAMENEV) is None


def test_a_note_over_the_limit_is_reported_once_while_typing_goes_on(
    english: None, session: NotebookSession, seen: Recorder
) -> None:
    text = "x" * MAX_NOTE
    for more in ("a", "ab", "abc"):  # the user keeps typing: one autosave per burst
        assert not session.set_note(KAMENEV, text + more, None)
    assert seen.errors == [(NOT_SAVED, "a note holds at most 1,000,000 characters")]
    assert seen.changed == [] and session.entry(KAMENEV) is None


# -- tags -------------------------------------------------------------------------------------


def test_set_tags_adds_and_removes_as_needed(session: NotebookSession, seen: Recorder) -> None:
    assert session.set_tags(KAMENEV, ["trial", "NKVD"], "Lev Kamenev")
    assert session.entry(KAMENEV).tags == ("NKVD", "trial")  # type: ignore[union-attr]
    assert session.set_tags(KAMENEV, ["purge", "trial"], "Lev Kamenev")
    assert session.entry(KAMENEV).tags == ("purge", "trial")  # type: ignore[union-attr]
    assert seen.changed == [KAMENEV, KAMENEV]


def test_set_tags_compares_case_aside_and_keeps_the_first_spelling(
    session: NotebookSession,
) -> None:
    session.set_tags(KAMENEV, ["Trial", "NKVD"], None)
    session.set_tags(KAMENEV, ["trial", "nkvd", "TRIAL"], None)
    assert session.entry(KAMENEV).tags == ("NKVD", "Trial")  # type: ignore[union-attr]
    assert sorted(session.all_tags()) == ["NKVD", "Trial"]


def test_set_tags_ignores_blank_tags_and_spaces_around(session: NotebookSession) -> None:
    session.set_tags(KAMENEV, ["  trial  ", "", "   "], None)
    assert session.entry(KAMENEV).tags == ("trial",)  # type: ignore[union-attr]


def test_no_tags_removes_them_all_and_the_record_with_them(session: NotebookSession) -> None:
    session.set_tags(KAMENEV, ["trial", "NKVD"], None)
    assert session.set_tags(KAMENEV, [], None)
    assert session.entry(KAMENEV) is None


# -- archives ---------------------------------------------------------------------------------


def test_two_archives_keep_their_notes_apart(session: NotebookSession, seen: Recorder) -> None:
    session.set_note(KAMENEV, "in archive A", None)
    session.set_archive(_archive(OTHER_META))
    assert session.key == archive_key(OTHER_META)
    assert seen.changed == [KAMENEV, None]
    assert session.entry(KAMENEV) is None and session.entries() == []
    session.set_note(KAMENEV, "in archive B", None)
    session.set_archive(_archive(META))
    assert session.entry(KAMENEV).note == "in archive A"  # type: ignore[union-attr]
    assert [e.note for e in session.entries()] == ["in archive A"]
    session.set_archive(_archive(OTHER_META))
    assert session.entry(KAMENEV).note == "in archive B"  # type: ignore[union-attr]


@pytest.mark.parametrize("archive", [None, object(), SimpleNamespace(info=None)])
def test_something_without_meta_does_not_switch_the_archive(
    session: NotebookSession, seen: Recorder, archive: object
) -> None:
    before = session.key
    session.set_archive(archive)
    assert session.key == before and seen.changed == []


# -- other instances --------------------------------------------------------------------------


def test_another_instance_s_write_is_noticed_once(
    path: Path, session: NotebookSession, seen: Recorder
) -> None:
    session.check_external()
    assert seen.changed == []  # nothing happened yet
    with Notebook.open(path) as other:
        other.set_note(session.key, KAMENEV, "written elsewhere")
    session.check_external()
    assert seen.changed == [None]
    assert session.entry(KAMENEV).note == "written elsewhere"  # type: ignore[union-attr]
    session.check_external()
    assert seen.changed == [None]  # read already: not announced again


def test_its_own_writes_are_not_taken_for_another_instance_s(
    session: NotebookSession, seen: Recorder
) -> None:
    session.set_note(KAMENEV, "mine", None)
    session.check_external()
    assert seen.changed == [KAMENEV]


def test_after_close_nothing_is_read(path: Path, session: NotebookSession, seen: Recorder) -> None:
    session.close()
    with Notebook.open(path) as other:
        other.set_note(session.key, KAMENEV, "written after we closed")
    session.check_external()
    assert seen.changed == [] and seen.errors == []
    session.close()  # closing twice is harmless


# -- opening ----------------------------------------------------------------------------------


def test_a_good_store_greets_with_nothing(session: NotebookSession, seen: Recorder) -> None:
    session.greet()
    assert seen.errors == [] and not session.read_only


def test_a_store_moved_aside_is_reported_once_at_greeting(english: None, path: Path) -> None:
    path.write_bytes(b"\x00garbage, not a notebook\xff" * 100)
    opened = NotebookSession(Notebook.open(path), META)
    try:
        seen = Recorder(opened)
        assert opened.notebook.outcome is OpenOutcome.MOVED_ASIDE
        opened.greet()
        assert len(seen.errors) == 1
        title, message = seen.errors[0]
        assert title == "Your notebook" and message == opened.notebook.message
        moved = opened.notebook.moved_to
        assert moved is not None and moved.exists()
        assert opened.set_note(KAMENEV, "a fresh notebook saves", None)  # and it works
    finally:
        opened.close()


def test_open_uses_the_path_given(path: Path) -> None:
    opened = NotebookSession.open(META, path)
    try:
        assert opened.notebook.path == path and opened.key == archive_key(META)
        opened.set_note(KAMENEV, "here", None)
    finally:
        opened.close()
    assert path.exists()
