"""The injection corpus and a fixture archive with a payload in every free-text field.

:func:`build_injection_archive` copies ``resources/data``, writes a payload into every text
column of every CSV (ids, numbers, dates, vocabulary columns and source ids stay valid, so the
real build accepts it) and builds an archive with :func:`db.build.build`.  Short payloads go
round-robin into every cell; the heavy ones (a 20,000-row table, 1,000 ``<font>`` tags) into a
few named cells.  :class:`Injected` remembers which payload went where.
"""

from __future__ import annotations

import csv
import json
import shutil
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from db import build
from db.build import source_data

NESTED_TABLES = "<table><tr><td>" * 40 + "deep" + "</td></tr></table>" * 40
BIG_TABLE = "<table>" + "<tr><td>row</td></tr>" * 20_000 + "</table>"
FONT_STORM = "<font size=7>" * 1000 + "storm"

#: Short payloads: every text cell of the fixture gets one of these.
PAYLOADS: tuple[str, ...] = (
    '<img src="file:///etc/passwd">',
    '<img src="/etc/hostname" width="400" height="400">',
    '<img src="http://127.0.0.1:9/pixel.png">',
    '<img src=x onerror="alert(1)">',
    '<a href="file:///etc/passwd">open the password file</a>',
    '<a href="javascript:alert(1)">run script</a>',
    '<a href="http://evil.invalid/track">visit</a>',
    '<a href="data:text/html,<b>x</b>">data link</a>',
    '<a href="expand://summary">fake expand link</a>',
    '<a href="external:0">fake external link</a>',
    '<a href="archive://person/../../etc/passwd">fake internal link</a>',
    "<style>body { background: url(file:///etc/passwd) } * { font-size: 90pt }</style>",
    '<link rel="stylesheet" href="file:///etc/passwd">',
    "<script>alert('x')</script>",
    '<iframe src="file:///etc/passwd"></iframe>',
    '<object data="file:///etc/passwd"></object>',
    "<b>bold</b> <i>italic</i> <u>under</u>",
    "<h1>Headline</h1>",
    '<font size="7" color="red">BIG RED</font>',
    '<p style="font-size:200px">giant</p>',
    '<div style="background-image:url(/etc/passwd)">styled</div>',
    "<table><tr><td>one cell</td></tr></table>",
    NESTED_TABLES,
    "&lt;b&gt; &amp;amp; &#x3C;img&#x3E; &nbsp; &copy; &#60;script&#62;",
    "<qt><b>qt tag</b></qt>",
    "<html><body onload='alert(1)'>body</body></html>",
    "<!-- hidden comment --> visible",
    "]]><![CDATA[cdata]]>",
    "%3Cimg%20src%3Dx%3E {{template}} ${var} %s %n %(x)s %1 {0}",
    "\"double\" 'single' `back` \\ backslash",
    "\u202eevil.exe\u202c and \u202btext\u202c",
    "zero\u200dwidth\u200cjoin\u2060ers\ufeff here",
    "ёлкин е\u0308лкин Z\u0351\u0352\u0353algo",
    "emoji 👩\u200d👩\u200d👧 🇷🇺 𝔘𝔫𝔦",
    "line one\nline two\ttabbed",
)
#: (file, column, row index) → heavy payload.
HEAVY: dict[tuple[str, str, int], str] = {
    ("people.csv", "summary", 0): BIG_TABLE,
    ("events.csv", "summary", 0): BIG_TABLE,
    ("claims.csv", "note", 0): FONT_STORM,
    ("sources.csv", "note", 0): FONT_STORM,
}
#: Free-text columns of each source file (everything else is an id, number, date or vocabulary).
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "sources.csv": ("author", "title", "url", "note"),
    "people.csv": (
        "name_en",
        "name_ru",
        "sex",
        "nationality",
        "occupation",
        "organisation",
        "summary",
        "later_fate",
    ),
    "names.csv": ("name", "kind", "note"),
    "sentences.csv": ("notes",),
    "relations.csv": ("note",),
    "events.csv": ("title", "summary"),
    "event_people.csv": ("role",),
    "documents.csv": ("title", "collection", "category", "url"),
    "document_people.csv": ("name_as_written",),
    "tallies.csv": ("label", "note"),
    "claims.csv": ("value", "locator", "note"),
}
ARCHIVE_TITLE = '<b>Kremlin</b> <img src="file:///etc/passwd"> Affair'


@dataclass
class Injected:
    """The fixture archive and where each payload went."""

    path: Path
    #: (file, row id or row index) → {column: payload}
    cells: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def of(self, file: str, key: str) -> dict[str, str]:
        """Payloads written into one row (by its ``id`` column)."""
        return self.cells.get((file, key), {})


def _payload(row: int, col: int) -> str:
    return PAYLOADS[(row * 7 + col * 3) % len(PAYLOADS)]


def poisoned_data(folder: Path) -> tuple[Path, dict[tuple[str, str], dict[str, str]]]:
    """Copy the source data to ``folder/data`` with a short payload in every text cell."""
    data = folder / "data"
    shutil.copytree(build.DEFAULT_DATA, data)
    meta = tomllib.loads((data / "archive.toml").read_text(encoding="utf-8"))
    meta.update({k: ARCHIVE_TITLE for k in ("title", "title_ru", "description") if k in meta})
    (data / "archive.toml").write_text(
        "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items()),
        encoding="utf-8",
    )
    cells: dict[tuple[str, str], dict[str, str]] = {}
    for file, columns in TEXT_COLUMNS.items():
        with (data / file).open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = list(reader.fieldnames or [])
            rows = list(reader)
        present = [c for c in columns if c in header]
        for i, row in enumerate(rows):
            written: dict[str, str] = {}
            for j, col in enumerate(present):
                if file == "claims.csv" and col == "value" and row.get("field") == "record":
                    continue  # record-level claims carry no value
                row[col] = written[col] = _payload(i, j)
            cells[(file, row.get("id") or str(i))] = written
        with (data / file).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, header)
            writer.writeheader()
            writer.writerows(rows)
    return data, cells


def build_from(data_dir: Path, out: Path, edits: Mapping[tuple[str, str, int], str]) -> Path:
    """Build ``out`` from ``data_dir`` after setting cells ``(file, column, row) → text``.

    Values too long for a CSV field (the csv module's limit is 128 KB) go in this way,
    through the real loader, validator and writer.
    """
    data = source_data.load(data_dir)
    for (file, column, row), value in edits.items():
        data.tables[file.removesuffix(".csv")][row][column] = value
    source_data.validate(data)
    return build.write_source_data(data, out)


def build_injection_archive(folder: Path) -> Injected:
    """Write the poisoned source data under ``folder`` and build ``folder/injected.sqlite``."""
    data, cells = poisoned_data(folder)
    out = Injected(folder / "injected.sqlite", cells)
    for (file, column, row), value in HEAVY.items():
        key = next(k for i, k in enumerate(k for k in cells if k[0] == file) if i == row)
        cells[key][column] = value
    build_from(data, out.path, HEAVY)
    return out
