"""``kremlin-archive notes``: list, export and import the notebook from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from app import cli
from db import Archive
from db.dto import Ref
from db.notebook import Notebook, archive_key, export_json
from db.notebook.store import ENV

KAMENEV = Ref("person", "kamenev-lev")


@pytest.fixture(autouse=True)
def notebook_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default notebook of these runs: in ``tmp_path``, never the user's."""
    path = tmp_path / "data" / "notebook.sqlite"
    monkeypatch.setenv(ENV, str(path))
    return path


@pytest.fixture
def filled(archive: Archive, notebook_path: Path) -> Path:
    """The default notebook with a note, a bookmark, a tag, an orphan and another archive."""
    key = archive_key(archive.info.meta)
    with Notebook.open(notebook_path) as nb:
        nb.set_note(key, KAMENEV, "Check the protocol\nof 26 March", label="Lev Kamenev")
        nb.add_tag(key, KAMENEV, "trial")
        nb.set_bookmark(key, Ref("event", "ev-1934-kirov"), True, label="Kirov murder")
        nb.set_note(key, Ref("person", "withdrawn"), "=orphan \x1b[2J", label="Withdrawn")
        nb.save_search(key, "mc", "kamenev", {"tribunal": "military-collegium"})
        nb.set_note(archive_key({"title": "Synthetic"}), Ref("event", "e1"), "elsewhere")
    return notebook_path


def _content(path: Path) -> dict[str, object]:
    with Notebook.open(path) as nb:
        doc: dict[str, object] = json.loads(export_json(nb, None))
    doc.pop("exported")
    return doc


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.run(["notes", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_prints_each_marked_record(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "The Kremlin Affair, 1935 — 3 marked records"
    assert "  person/kamenev-lev  Lev Kamenev" in lines
    assert any(line.startswith("    tags: trial · changed ") for line in lines)
    assert "    note: Check the protocol" in lines and "          of 26 March" in lines
    assert any(line.startswith("    bookmarked · changed ") for line in lines)
    assert "    no longer in this archive (kept in the notebook)" in lines
    assert "\x1b" not in out and "=orphan \\x1b[2J" in out  # terminal-safe


def test_list_json_marks_orphans(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "list", "--json")
    (part,) = json.loads(out)["archives"]
    assert code == 0 and part["current"] and part["title"] == "The Kremlin Affair, 1935"
    orphan = {e["id"]: e["orphan"] for e in part["entries"]}
    assert orphan == {"withdrawn": True, "ev-1934-kirov": False, "kamenev-lev": False}
    kamenev = next(e for e in part["entries"] if e["id"] == "kamenev-lev")
    assert kamenev["tags"] == ["trial"] and kamenev["changed"].endswith("Z")


def test_list_all_includes_other_archives(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "list", "--all", "--json")
    assert code == 0
    parts = json.loads(out)["archives"]
    assert [(p["title"], p["current"]) for p in parts] == [
        ("Synthetic", False),
        ("The Kremlin Affair, 1935", True),
    ]
    assert parts[0]["entries"][0]["orphan"] is None  # that archive is not open: unknown


def test_an_empty_notebook_lists_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "list") == (0, "The Kremlin Affair, 1935 — 0 marked records\n", "")


@pytest.mark.parametrize(
    ("name", "argv", "fmt"),
    [
        ("backup.json", [], "json"),
        ("notes.md", [], "md"),
        ("notes.csv", [], "csv"),
        ("notes.txt", ["--format", "md"], "md"),
        ("no-extension", [], "json"),
    ],
)
def test_export_writes_the_format_of_the_extension_or_option(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    argv: list[str],
    fmt: str,
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / name
    code, out, err = _run(capsys, "export", "-o", str(target), *argv)
    assert (code, err, out) == (0, "", f"3 records written to {target}\n")
    assert [p.name for p in out_dir.iterdir()] == [name]  # no temporary file left
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["archives"][0]["title"] == "The Kremlin Affair, 1935"
    elif fmt == "md":
        assert text.startswith("# Notebook: The Kremlin Affair, 1935")
        assert "- Cite as: " in text and "No longer in this archive" in text
    else:
        rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
        assert {r["id"] for r in rows} == {"kamenev-lev", "ev-1934-kirov", "withdrawn"}
        assert next(r for r in rows if r["id"] == "withdrawn")["note"].startswith("'=")


def test_export_all_as_json_holds_every_archive(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "all.json"
    code, out, _ = _run(capsys, "export", "--all", "-o", str(target))
    assert code == 0 and out == f"4 records written to {target}\n"
    assert len(json.loads(target.read_text(encoding="utf-8"))["archives"]) == 2


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["export"], "export needs -o FILE"),
        (["export", "--all", "-o", "{dir}/x.md"], "Markdown export covers this archive only"),
        (["export", "--json", "-o", "{dir}/x.json"], "--format json"),
        (["import"], "import needs the FILE"),
        (["import", "{dir}/x.json", "-o", "{dir}/y"], "import takes only the FILE"),
        (["list", "{dir}/x.json"], "only import takes a FILE"),
        (["list", "-o", "{dir}/x.json"], "use export -o FILE"),
    ],
)
def test_a_bad_combination_is_a_one_line_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    folder = tmp_path / "w"
    folder.mkdir()
    code, out, err = _run(capsys, *(a.format(dir=folder) for a in argv))
    assert code == cli.EXIT_USAGE and out == "" and words in err and err.count("\n") == 1
    assert err.startswith("kremlin-archive: notes: ") and list(folder.iterdir()) == []


def test_export_to_a_folder_that_is_not_there_fails_in_one_line(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "x.json"
    code, out, err = _run(capsys, "export", "-o", str(target))
    assert code == cli.EXIT_FAILED and out == "" and err.count("\n") == 1
    assert f"cannot write {target}" in err


def test_import_merges_and_a_second_import_changes_nothing(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup.json"
    assert _run(capsys, "export", "--all", "-o", str(backup))[0] == 0
    fresh = tmp_path / "fresh.sqlite"
    code, out, err = _run(capsys, "import", str(backup), "--notebook", str(fresh))
    assert (code, err) == (0, "")
    assert out == f"imported {backup}: 4 new records, 0 records updated, 1 saved search\n"
    code, out, _ = _run(capsys, "import", str(backup), "--notebook", str(fresh))
    assert out == f"nothing new in {backup}; the notebook is unchanged\n"
    code, out, _ = _run(capsys, "list", "--all", "--json", "--notebook", str(fresh))
    assert sum(len(p["entries"]) for p in json.loads(out)["archives"]) == 4


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{broken", "it is not JSON"),
        ('{"format": "zotero"}', "not a notebook export"),
        (None, "cannot read"),
    ],
)
def test_a_bad_import_file_is_one_line_and_changes_nothing(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str | None,
    words: str,
) -> None:
    source = tmp_path / "in.json"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    before = _content(filled)
    code, out, err = _run(capsys, "import", str(source))
    assert code == cli.EXIT_FAILED and out == "" and words in err and err.count("\n") == 1
    assert _content(filled) == before


def test_a_named_notebook_that_is_not_one_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "important.sqlite"
    other.write_text("someone's data, not a notebook")
    code, out, err = _run(capsys, "list", "--notebook", str(other))
    assert code == cli.EXIT_FAILED and out == "" and err.count("\n") == 1
    assert "is not a notebook of this app" in err
    assert [p.name for p in tmp_path.iterdir()] == ["important.sqlite"]


def test_a_default_notebook_that_was_moved_aside_says_so_and_goes_on(
    notebook_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notebook_path.parent.mkdir(parents=True)
    notebook_path.write_text("garbage that is long enough to be a header")
    code, out, err = _run(capsys, "list")
    assert code == 0 and out.endswith("0 marked records\n")
    assert err.count("\n") == 1 and "moved aside to" in err


def test_russian(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--lang", "ru", "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Кремлёвское дело, 1935 — 3 отмеченные записи"  # the Russian title
    assert any(line.startswith("    в закладках · изменено ") for line in lines)
    assert "    заметка: Check the protocol" in lines  # the reader's note, as the window says
    # the archive's own name in the reader's script, not the one saved with the note
    assert "  person/kamenev-lev  Каменев (Розенфельд) Лев Борисович" in lines
    assert "  person/withdrawn  Withdrawn" in lines  # an orphan keeps the saved one
    code, out, err = _run(capsys, "export", "--lang", "ru")
    assert code == cli.EXIT_USAGE and "нужен -o ФАЙЛ" in err
