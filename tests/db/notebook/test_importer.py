"""Importing a JSON export: a merge without duplicates, the newer note winning and the other
kept, and a malformed file changing nothing."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from db.dto import Ref
from db.notebook import ImportFailed, Notebook, NotebookReadOnly, export_json, import_json
from tests.db.notebook.conftest import KAMENEV, KEY, KIROV, Ticker


def _doc(records: list[dict[str, Any]], searches: list[dict[str, Any]] | None = None) -> str:
    return json.dumps(
        {
            "format": "kremlin-archive-notebook",
            "version": 1,
            "exported": "2026-12-05T00:00:00Z",
            "archives": [
                {
                    "archive_id": KEY.archive_id,
                    "title": KEY.title,
                    "records": records,
                    "saved_searches": searches or [],
                }
            ],
        }
    )


def _record(**fields: Any) -> dict[str, Any]:
    base = {
        "kind": "person",
        "id": "kamenev-lev",
        "label": "Lev Kamenev",
        "bookmarked": False,
        "note": "",
        "note_changed": None,
        "changed": "2026-01-01T00:00:00Z",
        "tags": [],
        "revisions": [],
    }
    return base | fields


SEARCH = {
    "name": "mc",
    "text": "kamenev",
    "filters": {"tribunal": "military-collegium"},
    "created": "2026-01-01T00:00:00Z",
    "changed": "2026-01-01T00:00:00Z",
}


def test_a_newer_imported_note_wins_and_the_local_one_is_kept(nb: Notebook) -> None:
    nb.set_note(KEY, KAMENEV, "mine, from 2026-12-05")  # the Ticker's time
    report = import_json(
        nb, _doc([_record(note="theirs, from 2027", note_changed="2027-01-01T00:00:00Z")])
    )
    assert (report.records_updated, report.notes_replaced) == (1, 1)
    assert nb.note(KEY, KAMENEV) == "theirs, from 2027"
    assert [(r.text, r.reason) for r in nb.revisions(KEY, KAMENEV)] == [
        ("mine, from 2026-12-05", "import-replaced")
    ]


def test_an_older_imported_note_is_kept_as_a_revision(nb: Notebook) -> None:
    nb.set_note(KEY, KAMENEV, "mine, newer")
    report = import_json(
        nb, _doc([_record(note="theirs, older", note_changed="2020-01-01T00:00:00Z")])
    )
    assert (report.notes_kept_as_revision, report.notes_replaced) == (1, 0)
    assert nb.note(KEY, KAMENEV) == "mine, newer"
    assert [(r.text, r.reason) for r in nb.revisions(KEY, KAMENEV)] == [
        ("theirs, older", "imported")
    ]


def test_bookmarks_and_tags_are_united(nb: Notebook) -> None:
    nb.add_tag(KEY, KAMENEV, "mine")
    report = import_json(nb, _doc([_record(bookmarked=True, tags=["theirs", "MINE"])]))
    assert (report.bookmarks_added, report.tags_added) == (1, 1)
    assert nb.is_bookmarked(KEY, KAMENEV) and nb.tags(KEY, KAMENEV) == ["mine", "theirs"]


def test_importing_twice_changes_nothing_the_second_time(nb: Notebook, tmp_path: Path) -> None:
    text = _doc(
        [
            _record(note="n", note_changed="2026-01-01T00:00:00Z", tags=["t"], bookmarked=True),
            _record(
                kind="event", id="ev-1934-kirov", note="k", note_changed="2026-01-02T00:00:00Z"
            ),
        ],
        [SEARCH],
    )
    first = import_json(nb, text)
    assert (first.records_added, first.searches_added) == (2, 1)
    before = export_json(nb, None)
    second = import_json(nb, text)
    assert not second.changed and second == type(second)()
    assert json.loads(export_json(nb, None))["archives"] == json.loads(before)["archives"]
    assert len(nb.entries(KEY)) == 2 and len(nb.saved_searches(KEY)) == 1


def test_a_saved_search_of_the_same_name_is_replaced_only_by_a_newer_one(nb: Notebook) -> None:
    nb.save_search(KEY, "mc", "local", {})  # saved at 2026-12-05 (the Ticker)
    older = SEARCH | {"text": "older", "changed": "2026-01-01T00:00:00Z"}
    assert import_json(nb, _doc([], [older])).searches_added == 0
    newer = SEARCH | {"text": "newer", "changed": "2027-01-01T00:00:00Z"}
    assert import_json(nb, _doc([], [newer])).searches_added == 1
    (search,) = nb.saved_searches(KEY)
    assert (search.text, dict(search.filters)) == ("newer", {"tribunal": "military-collegium"})


def test_a_colleagues_notebook_merges_into_mine(tmp_path: Path) -> None:
    with Notebook.open(tmp_path / "a.sqlite", clock=Ticker()) as mine:
        mine.set_note(KEY, KAMENEV, "my note")
        with Notebook.open(tmp_path / "b.sqlite", clock=Ticker()) as theirs:
            theirs.set_note(KEY, KIROV, "their note")
            theirs.set_note(KEY, KAMENEV, "their note on Kamenev")  # same clock: a tie
            shared = export_json(theirs, KEY)
        import_json(mine, shared)
        assert mine.note(KEY, KIROV) == "their note"
        kamenev = {mine.note(KEY, KAMENEV), *(r.text for r in mine.revisions(KEY, KAMENEV))}
        assert kamenev == {"my note", "their note on Kamenev"}  # neither lost


GOOD = json.loads(_doc([_record(note="n", note_changed="2026-01-01T00:00:00Z")], [SEARCH]))


def _broken(path: list[Any], value: Any) -> str:
    doc = copy.deepcopy(GOOD)
    target = doc
    for step in path[:-1]:
        target = target[step]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return json.dumps(doc)


MALFORMED = {
    "not JSON": "{not json",
    "not an object": "[]",
    "another format": json.dumps({"format": "zotero", "version": 1}),
    "newer version": json.dumps({"format": "kremlin-archive-notebook", "version": 2}),
    "version a string": _broken(["version"], "1"),
    "no archives": _broken(["archives"], KeyError),
    "a record without id": _broken(["archives", 0, "records", 0, "id"], KeyError),
    "an unknown kind": _broken(["archives", 0, "records", 0, "kind"], "chart"),
    "a bad time": _broken(["archives", 0, "records", 0, "changed"], "yesterday"),
    "a tag not text": _broken(["archives", 0, "records", 0, "tags"], [1]),
    "an empty tag": _broken(["archives", 0, "records", 0, "tags"], ["  "]),
    "bookmarked as 1": _broken(["archives", 0, "records", 0, "bookmarked"], 1),
    "a bad revision": _broken(["archives", 0, "records", 0, "revisions"], [{"text": "x"}]),
    "filters not text": _broken(["archives", 0, "saved_searches", 0, "filters"], {"a": 1}),
    "deep nesting": "[" * 100_000,
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_file_is_one_error_and_imports_nothing(nb: Notebook, case: str) -> None:
    nb.set_note(KEY, Ref("source", "mine"), "untouched")
    before = export_json(nb, None)
    with pytest.raises(ImportFailed) as failed:
        import_json(nb, MALFORMED[case])
    message = failed.value.message
    assert message.startswith("The file cannot be imported (") and "nothing was imported" in message
    assert "\n" not in message
    assert json.loads(export_json(nb, None))["archives"] == json.loads(before)["archives"]


def test_a_bad_record_after_good_ones_imports_none_of_them(nb: Notebook) -> None:
    records = [
        _record(id=f"p-{i}", note="n", note_changed="2026-01-01T00:00:00Z") for i in range(5)
    ]
    records.append(_record(id="bad id\n"))
    with pytest.raises(ImportFailed, match=r"records\[5\]\.id"):
        import_json(nb, _doc(records))
    assert nb.entries(KEY) == []


def test_a_read_only_notebook_refuses_an_import(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("")
    with Notebook.open(tmp_path / "f" / "n.sqlite") as nb, pytest.raises(NotebookReadOnly):
        import_json(nb, _doc([_record(note="n")]))
