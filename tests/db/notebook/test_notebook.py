"""The notebook's API: bookmarks, notes and their revisions, tags, saved searches, entries and
marks, archive keys, and two instances on one file losing nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.dto import Ref
from db.notebook import (
    ArchiveKey,
    Marks,
    Notebook,
    NotebookBusy,
    NotebookReadOnly,
    claim_ref,
)
from db.notebook.model import MAX_NOTE, MAX_TAG
from tests.db.notebook.conftest import KAMENEV, KEY, KIROV, OTHER, Ticker


def _refs(nb: Notebook, key: ArchiveKey = KEY, **filters: str) -> list[str]:
    return [f"{e.ref.kind}/{e.ref.id}" for e in nb.entries(key, **filters)]


# -- bookmarks -----------------------------------------------------------------------------------


def test_a_bookmark_is_set_and_removed(nb: Notebook) -> None:
    assert not nb.is_bookmarked(KEY, KAMENEV)
    nb.set_bookmark(KEY, KAMENEV, True, label="Lev Kamenev")
    assert nb.is_bookmarked(KEY, KAMENEV)
    (entry,) = nb.entries(KEY)
    assert (entry.ref, entry.bookmarked, entry.note, entry.tags, entry.label) == (
        KAMENEV,
        True,
        "",
        (),
        "Lev Kamenev",
    )
    nb.set_bookmark(KEY, KAMENEV, False)
    assert not nb.is_bookmarked(KEY, KAMENEV) and nb.entries(KEY) == []


def test_removing_a_bookmark_never_set_writes_nothing(nb: Notebook) -> None:
    nb.set_bookmark(KEY, KAMENEV, False)
    assert nb.archives() == [] and nb.entries(KEY) == []


# -- notes ---------------------------------------------------------------------------------------


def test_a_note_is_saved_replaced_and_read(nb: Notebook) -> None:
    assert nb.note(KEY, KAMENEV) == ""
    nb.set_note(KEY, KAMENEV, "first")
    nb.set_note(KEY, KAMENEV, "first, then more")
    assert nb.note(KEY, KAMENEV) == "first, then more"
    assert nb.revisions(KEY, KAMENEV) == []  # an instance's own autosaves keep no history


def test_clearing_a_note_keeps_the_text_as_a_revision(nb: Notebook) -> None:
    nb.set_note(KEY, KAMENEV, "worth keeping")
    nb.set_note(KEY, KAMENEV, "")
    assert nb.note(KEY, KAMENEV) == "" and nb.entries(KEY) == []
    (rev,) = nb.revisions(KEY, KAMENEV)
    assert (rev.text, rev.reason) == ("worth keeping", "cleared")


def test_a_much_shorter_text_keeps_the_longer_one(nb: Notebook) -> None:
    nb.set_note(KEY, KAMENEV, "a long paragraph " * 10)
    nb.set_note(KEY, KAMENEV, "short")
    assert [r.reason for r in nb.revisions(KEY, KAMENEV)] == ["shortened"]


def test_note_text_is_kept_exactly_but_line_ends_and_broken_characters(nb: Notebook) -> None:
    text = "Line 1\r\nLine 2\rLine 3\n\t<b>ёЁ</b> '; DROP TABLE record; -- \x1b[2J \ud800 end"
    nb.set_note(KEY, KAMENEV, text)
    assert nb.note(KEY, KAMENEV) == (
        "Line 1\nLine 2\nLine 3\n\t<b>ёЁ</b> '; DROP TABLE record; -- \x1b[2J ? end"
    )


def test_an_overlong_note_is_refused(nb: Notebook) -> None:
    with pytest.raises(ValueError, match="at most"):
        nb.set_note(KEY, KAMENEV, "x" * (MAX_NOTE + 1))
    assert nb.entries(KEY) == []


def test_two_instances_interleaving_lose_nothing(nb_path: Path) -> None:
    a = Notebook.open(nb_path, clock=Ticker())
    b = Notebook.open(nb_path, clock=Ticker())
    try:
        a.set_note(KEY, KAMENEV, "A's first text")
        a.set_note(KEY, KAMENEV, "A's text, typed on")
        b.set_note(KEY, KAMENEV, "B's text")
        a.set_note(KEY, KAMENEV, "A's text, typed on, and on")
        a.set_bookmark(KEY, KIROV, True)
        b.add_tag(KEY, KIROV, "b-tag")
        a.add_tag(KEY, KIROV, "a-tag")
        for nb in (a, b):  # both see the same notebook
            assert nb.note(KEY, KAMENEV) == "A's text, typed on, and on"  # the last writer
            assert {r.text for r in nb.revisions(KEY, KAMENEV)} == {
                "A's text, typed on",
                "B's text",
            }
            assert nb.is_bookmarked(KEY, KIROV) and nb.tags(KEY, KIROV) == ["a-tag", "b-tag"]
    finally:
        a.close()
        b.close()


def test_a_restart_finds_everything(nb_path: Path) -> None:
    with Notebook.open(nb_path) as nb:
        nb.set_bookmark(KEY, KAMENEV, True)
        nb.set_note(KEY, KAMENEV, "note")
        nb.add_tag(KEY, KAMENEV, "tag")
        nb.save_search(KEY, "mine", "kamenev", {"tribunal": "military-collegium"})
    with Notebook.open(nb_path) as nb:
        entry = nb.entry(KEY, KAMENEV)
        assert entry is not None and (entry.bookmarked, entry.note, entry.tags) == (
            True,
            "note",
            ("tag",),
        )
        (search,) = nb.saved_searches(KEY)
        assert (search.name, search.text, dict(search.filters)) == (
            "mine",
            "kamenev",
            {"tribunal": "military-collegium"},
        )


def test_another_instances_commit_is_noticed(nb_path: Path) -> None:
    with Notebook.open(nb_path) as a, Notebook.open(nb_path) as b:
        assert not a.external_changes()  # b's opening wrote nothing
        a.set_note(KEY, KAMENEV, "mine")
        assert not a.external_changes()  # its own write
        b.set_note(KEY, KAMENEV, "theirs")
        assert a.external_changes() and not a.external_changes()


def test_a_write_waits_then_gives_up_while_another_holds_the_file(nb_path: Path) -> None:
    with Notebook.open(nb_path, busy_timeout=0.05) as nb:
        other = sqlite3.connect(nb_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(NotebookBusy, match="busy"):
                nb.set_note(KEY, KAMENEV, "not now")
            other.execute("ROLLBACK")
        finally:
            other.close()
        nb.set_note(KEY, KAMENEV, "now")
        assert nb.note(KEY, KAMENEV) == "now"


def test_a_closed_notebook_refuses_use(nb: Notebook) -> None:
    nb.close()
    nb.close()
    with pytest.raises(ValueError, match="closed"):
        nb.entries(KEY)


# -- tags ----------------------------------------------------------------------------------------


def test_tags_are_one_per_spelling_and_sorted(nb: Notebook) -> None:
    for tag in ("trial", "Trial ", "  Ёжов  file ", "alpha"):
        nb.add_tag(KEY, KAMENEV, tag)
    assert nb.tags(KEY, KAMENEV) == ["alpha", "trial", "Ёжов file"]
    nb.remove_tag(KEY, KAMENEV, "TRIAL")
    nb.remove_tag(KEY, KAMENEV, "ежов file")  # ё and е are one letter here
    assert nb.tags(KEY, KAMENEV) == ["alpha"]


@pytest.mark.parametrize("tag", ["", "   ", "\n\t", "x" * (MAX_TAG + 1)])
def test_an_empty_or_overlong_tag_is_refused(nb: Notebook, tag: str) -> None:
    with pytest.raises(ValueError):
        nb.add_tag(KEY, KAMENEV, tag)
    assert nb.entries(KEY) == []


def test_all_tags_are_ordered_by_use(nb: Notebook) -> None:
    nb.add_tag(KEY, KAMENEV, "rare")
    for ref in (KAMENEV, KIROV, claim_ref(12)):
        nb.add_tag(KEY, ref, "common")
    nb.add_tag(KEY, KIROV, "middle")
    nb.add_tag(KEY, claim_ref(12), "Middle")
    nb.add_tag(OTHER, KAMENEV, "elsewhere")
    assert nb.all_tags(KEY) == ["common", "Middle", "rare"]


def test_removing_the_last_mark_drops_the_entry(nb: Notebook) -> None:
    nb.add_tag(KEY, KAMENEV, "only")
    nb.remove_tag(KEY, KAMENEV, "only")
    assert nb.entries(KEY) == [] and nb.entry(KEY, KAMENEV) is None


# -- saved searches ------------------------------------------------------------------------------


def test_saved_searches_are_saved_replaced_by_name_and_deleted(nb: Notebook) -> None:
    first = nb.save_search(KEY, "Military Collegium", "", {"tribunal": "military-collegium"})
    nb.save_search(KEY, "apostrophes", "O'Brien", {})
    again = nb.save_search(KEY, "Military Collegium", "kamenev", {"tribunal": "mc", "x": "y"})
    assert again.id == first.id and again.created == first.created
    assert [(s.name, s.text, dict(s.filters)) for s in nb.saved_searches(KEY)] == [
        ("apostrophes", "O'Brien", {}),
        ("Military Collegium", "kamenev", {"tribunal": "mc", "x": "y"}),
    ]
    with pytest.raises(TypeError):
        again.filters["x"] = "z"  # type: ignore[index]
    nb.delete_search(KEY, first.id)
    nb.delete_search(KEY, first.id)
    assert [s.name for s in nb.saved_searches(KEY)] == ["apostrophes"]
    assert nb.saved_searches(OTHER) == []


@pytest.mark.parametrize(
    ("name", "filters"),
    [("", {}), ("   ", {}), ("ok", {"k": 1}), ("ok", {str(i): "v" for i in range(60)})],
)
def test_a_search_without_name_or_with_odd_filters_is_refused(
    nb: Notebook, name: str, filters: dict[str, object]
) -> None:
    with pytest.raises(ValueError):
        nb.save_search(KEY, name, "text", filters)  # type: ignore[arg-type]
    assert nb.saved_searches(KEY) == []


# -- entries and marks ---------------------------------------------------------------------------


def test_entries_come_newest_change_first(nb: Notebook) -> None:
    nb.set_note(KEY, KAMENEV, "one")
    nb.set_bookmark(KEY, KIROV, True)
    nb.add_tag(KEY, claim_ref(7), "three")
    assert _refs(nb) == ["claim/7", "event/ev-1934-kirov", "person/kamenev-lev"]
    nb.set_note(KEY, KAMENEV, "one, changed")
    assert _refs(nb)[0] == "person/kamenev-lev"
    assert [e.changed for e in nb.entries(KEY)] == sorted(
        (e.changed for e in nb.entries(KEY)), reverse=True
    )


def test_entries_filter_by_kind_tag_and_text(nb: Notebook) -> None:
    nb.set_note(KEY, KAMENEV, "Допрос ЁЖОВА, 26 марта", label="Lev Kamenev")
    nb.add_tag(KEY, KAMENEV, "Trial")
    nb.set_note(KEY, KIROV, "100% certain; see_also xzy", label="Kirov murder")
    nb.add_tag(KEY, Ref("document", "doc-1"), "trial")
    assert _refs(nb, kind="event") == ["event/ev-1934-kirov"]
    assert _refs(nb, tag="TRIAL") == ["document/doc-1", "person/kamenev-lev"]
    assert _refs(nb, text="ежова допрос") == ["person/kamenev-lev"]  # every word, any case
    assert _refs(nb, text="kamenev") == ["person/kamenev-lev"]  # the stored label
    assert _refs(nb, text="trial", kind="document") == ["document/doc-1"]
    assert _refs(nb, text="100%") == ["event/ev-1934-kirov"]
    assert _refs(nb, text="%") == ["event/ev-1934-kirov"]  # LIKE wildcards are literal
    assert _refs(nb, text="x_y") == [] and _refs(nb, text="e_a") == ["event/ev-1934-kirov"]
    assert _refs(nb, text="  ") == _refs(nb)


def test_marks_says_which_ids_are_marked_in_one_query_per_500(nb: Notebook) -> None:
    nb.set_bookmark(KEY, KAMENEV, True)
    nb.set_note(KEY, Ref("person", "p-1"), "n")
    nb.add_tag(KEY, Ref("person", "p-1499"), "t")
    nb.set_note(KEY, Ref("person", "p-2"), "")  # no note: not marked
    ids = ["kamenev-lev", *(f"p-{i}" for i in range(1500))]
    statements: list[str] = []
    nb._connection().set_trace_callback(statements.append)
    marks = nb.marks(KEY, "person", ids)
    nb._connection().set_trace_callback(None)
    assert marks == {
        "kamenev-lev": Marks(True, False, False),
        "p-1": Marks(False, True, False),
        "p-1499": Marks(False, False, True),
    }
    assert sum("FROM record r" in s for s in statements) == 4  # 1501 ids: 4 chunks
    assert nb.marks(KEY, "event", ids) == {} and nb.marks(OTHER, "person", ids) == {}


# -- what a note may be about, and archive keys ------------------------------------------------


@pytest.mark.parametrize(
    "ref",
    [
        Ref("chart", "outcomes"),
        Ref("person", ""),
        Ref("person", " padded "),
        Ref("person", "line\nbreak"),
        Ref("person", "x" * 201),
        Ref("claim", "007"),
        Ref("claim", "twelve"),
        Ref("claim", "-1"),
    ],
)
def test_an_unknown_kind_or_a_bad_id_is_refused(nb: Notebook, ref: Ref) -> None:
    with pytest.raises(ValueError):
        nb.set_bookmark(KEY, ref, True)
    assert nb.entries(KEY) == []


def test_claims_are_noted_by_their_key(nb: Notebook) -> None:
    nb.set_note(KEY, claim_ref(1082), "disputed", label="birth year per Conquest")
    (entry,) = nb.entries(KEY, kind="claim")
    assert entry.ref == Ref("claim", "1082") and entry.label == "birth year per Conquest"


def test_the_label_is_kept_and_updated(nb: Notebook) -> None:
    nb.set_bookmark(KEY, KAMENEV, True, label="Kamenev, Lev\nBorisovich  ")
    nb.add_tag(KEY, KAMENEV, "x")  # no label given: the stored one stays
    assert nb.entries(KEY)[0].label == "Kamenev, Lev Borisovich"
    nb.set_note(KEY, KAMENEV, "n", label="Lev Kamenev")
    assert nb.entries(KEY)[0].label == "Lev Kamenev"


def test_each_archive_has_its_own_notebook(nb: Notebook) -> None:
    nb.set_note(KEY, KAMENEV, "in the test archive")
    nb.set_note(OTHER, KAMENEV, "in the other one")
    assert nb.note(KEY, KAMENEV) == "in the test archive"
    assert nb.note(OTHER, KAMENEV) == "in the other one"
    assert nb.archives() == [OTHER, KEY]


def test_an_archive_is_found_by_its_id_whatever_its_title(nb: Notebook) -> None:
    nb.set_note(KEY, KAMENEV, "note")
    renamed = ArchiveKey(KEY.archive_id, "The same archive, retitled")
    assert nb.note(renamed, KAMENEV) == "note"
    nb.set_bookmark(renamed, KAMENEV, True)
    assert nb.archives() == [renamed]


def test_notes_keyed_by_title_follow_the_archive_once_it_has_an_id(nb: Notebook) -> None:
    old = ArchiveKey("", "Synthetic archive: 300 invented people (seed 1)")
    nb.set_note(old, KAMENEV, "made before the id")
    new = ArchiveKey("d88ef21c-7144-547f-8b82-2a553f8c05b3", old.title)
    assert nb.note(new, KAMENEV) == "made before the id"
    nb.add_tag(new, KAMENEV, "t")
    assert nb.archives() == [new] and nb.note(new, KAMENEV) == "made before the id"


def test_a_read_only_notebook_refuses_every_write(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with Notebook.open(blocker / "n.sqlite") as nb:
        for write in (
            lambda: nb.set_bookmark(KEY, KAMENEV, True),
            lambda: nb.set_note(KEY, KAMENEV, "x"),
            lambda: nb.add_tag(KEY, KAMENEV, "x"),
            lambda: nb.remove_tag(KEY, KAMENEV, "x"),
            lambda: nb.save_search(KEY, "x", "", {}),
            lambda: nb.delete_search(KEY, 1),
        ):
            with pytest.raises(NotebookReadOnly, match="read-only"):
                write()
