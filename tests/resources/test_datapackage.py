"""resources/data/datapackage.json: the source data as a citable Frictionless Tabular Data Package.

The package must validate with the ``frictionless`` library (descriptor, every row against its
schema, every foreign key); it must describe every CSV file of ``resources/data`` and every
column of each, so a new file or column without a schema fails here; its version and title are
archive.toml's, so a data release and its description never drift apart; and its enums are the
builder's controlled vocabularies.
"""

from __future__ import annotations

import csv
import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import frictionless
import pytest

from db import vocab
from db.build import source_data
from db.build.writer import DEFAULT_DATA

PACKAGE = DEFAULT_DATA / "datapackage.json"
CSV_FILES = sorted(p.name for p in DEFAULT_DATA.glob("*.csv"))


def _descriptor() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(PACKAGE.read_text(encoding="utf-8"))
    return loaded


def _archive_toml() -> dict[str, Any]:
    return tomllib.loads((DEFAULT_DATA / "archive.toml").read_text(encoding="utf-8"))


def _resource(path: str) -> dict[str, Any]:
    found = [r for r in _descriptor()["resources"] if r["path"] == path]
    assert len(found) == 1, f"{path} is described by {len(found)} resources"
    resource: dict[str, Any] = found[0]
    return resource


def _field(path: str, name: str) -> dict[str, Any]:
    found = [f for f in _resource(path)["schema"]["fields"] if f["name"] == name]
    assert len(found) == 1, f"{path}: {len(found)} fields named {name}"
    field: dict[str, Any] = found[0]
    return field


def _problems(report: frictionless.Report) -> list[str]:
    """Every error of ``report`` as one line: where, what kind, what."""
    lines = [f"package: {e.type}: {e.message}" for e in report.errors]
    for task in report.tasks:
        lines += [f"{task.name}: {e.type}: {e.message}" for e in task.errors]
    return lines


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


def _row_count(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def test_the_package_is_valid_and_every_row_of_every_file_passes_its_schema() -> None:
    report = frictionless.validate(str(PACKAGE))
    problems = _problems(report)
    assert report.valid and not problems, "\n".join(problems[:50])
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    expected = {r["name"]: _row_count(DEFAULT_DATA / r["path"]) for r in _descriptor()["resources"]}
    assert rows == expected


def test_the_version_is_the_data_version_of_archive_toml() -> None:
    assert _descriptor()["version"] == _archive_toml()["data_version"]


def test_the_title_is_the_title_of_archive_toml() -> None:
    assert _descriptor()["title"] == _archive_toml()["title"]


def test_every_csv_file_is_described_by_exactly_one_resource() -> None:
    paths = [r["path"] for r in _descriptor()["resources"]]
    assert sorted(paths) == CSV_FILES


def test_the_package_describes_exactly_the_files_the_builder_reads() -> None:
    assert {r["path"] for r in _descriptor()["resources"]} == set(source_data.FILES)


@pytest.mark.parametrize("name", CSV_FILES)
def test_every_column_is_in_the_schema_in_file_order(name: str) -> None:
    fields = [f["name"] for f in _resource(name)["schema"]["fields"]]
    assert _header(DEFAULT_DATA / name) == fields


@pytest.mark.parametrize("name", CSV_FILES)
def test_every_field_has_a_type_and_a_description(name: str) -> None:
    for field in _resource(name)["schema"]["fields"]:
        assert field.get("type") and field.get("description"), f"{name}: {field['name']}"


#: (file, column, the values the builder allows there).
VOCABULARIES = [
    ("people.csv", "role", list(vocab.ROLES)),
    ("people.csv", "confidence", list(vocab.CONFIDENCE)),
    ("names.csv", "script", ["cyrl", "latn"]),
    ("sentences.csv", "stage", list(vocab.STAGES)),
    ("sentences.csv", "tribunal", list(vocab.TRIBUNALS)),
    ("sentences.csv", "kind", list(vocab.SENTENCE_KINDS)),
    ("sentences.csv", "date_precision", list(vocab.PRECISIONS)),
    ("sentences.csv", "confidence", list(vocab.CONFIDENCE)),
    ("events.csv", "date_precision", list(vocab.PRECISIONS)),
    ("claims.csv", "subject_kind", ["person", "event", "sentence", "relation", "document"]),
    ("claims.csv", "confidence", list(vocab.CONFIDENCE)),
    ("tallies.csv", "tribunal", list(vocab.TALLY_SCOPE_KEYS)),
]


@pytest.mark.parametrize(("name", "column", "allowed"), VOCABULARIES)
def test_a_controlled_column_has_the_builders_vocabulary_as_enum(
    name: str, column: str, allowed: list[str]
) -> None:
    assert _field(name, column)["constraints"]["enum"] == allowed


def test_the_package_has_no_enum_the_builder_does_not_know() -> None:
    enums = {
        (r["path"], f["name"])
        for r in _descriptor()["resources"]
        for f in r["schema"]["fields"]
        if "enum" in f.get("constraints", {})
    }
    assert enums == {(name, column) for name, column, _ in VOCABULARIES}


def _copy_with(tmp_path: Path, name: str, column: str, value: str) -> Path:
    """A copy of the data folder whose ``name`` has ``value`` in ``column`` of its first row."""
    for path in DEFAULT_DATA.iterdir():
        if path.is_file():
            shutil.copyfile(path, tmp_path / path.name)
    with (tmp_path / name).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[0][column] = value
    with (tmp_path / name).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return tmp_path / "datapackage.json"


@pytest.mark.parametrize(
    ("name", "column", "value", "error"),
    [
        ("people.csv", "role", "suspect", "constraint-error"),
        ("people.csv", "name_en", "", "constraint-error"),
        ("sentences.csv", "date", "27.07.1935", "constraint-error"),
        ("events.csv", "source_ids", "voitikov-bib78||", "constraint-error"),
        ("sources.csv", "year", "1935a", "type-error"),
        ("names.csv", "person_id", "no-such-person", "foreign-key"),
        ("tallies.csv", "count", "-1", "constraint-error"),
        ("claims.csv", "subject_id", "Kamenev", "constraint-error"),
    ],
)
def test_one_bad_value_is_one_error(
    tmp_path: Path, name: str, column: str, value: str, error: str
) -> None:
    report = frictionless.validate(str(_copy_with(tmp_path, name, column, value)))
    found = [(task.name, e.type) for task in report.tasks for e in task.errors]
    assert found == [(_resource(name)["name"], error)]
