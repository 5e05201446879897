"""Write a list pane's rows to a file: atomically, cancellably, with a record of what produced it.

The rows go to a temporary ``.part`` file beside the target (:mod:`app.part_files`), are
flushed to disk and renamed over the target only when complete; a cancel or a failure
removes the partial file.  CSV is written as UTF-8 with a byte-order mark by default, so
spreadsheet programs show Cyrillic (plain UTF-8 is a choice); beside a CSV file goes
``<name>.provenance.json`` with the archive, data version, pane, sort and filters that
produced it (a JSON export carries the same record as its ``export`` header).
No Qt here: the GUI runs :func:`export_list` on a worker, the tests call it directly.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app import part_files
from app.archive_source import ArchiveSource
from db import export
from db.i18n import N_
from db.listing import ListQuery, ListSpec

#: Export formats: key → (file suffix, description translated where shown).
FORMATS = {
    "csv-bom": (".csv", N_("CSV for spreadsheets (UTF-8 with BOM)")),
    "csv": (".csv", N_("CSV, plain UTF-8")),
    "json": (".json", "JSON"),
}
PROVENANCE_SUFFIX = ".provenance.json"


@dataclass(frozen=True)
class ExportRequest:
    """What to export and where: the pane's spec, query and columns, a path and a format."""

    spec: ListSpec
    query: ListQuery
    columns: Sequence[tuple[str, str]]
    path: Path
    fmt: str = "csv-bom"
    #: Words for filters that have no combo (a chart bar, a search), as the pane shows them.
    note: str = ""


def format_for(path: Path, chosen: str | None = None) -> str:
    """The format of an export to ``path``: the chosen one, else by suffix (CSV with BOM)."""
    if chosen in FORMATS:
        return str(chosen)
    return "json" if path.suffix.casefold() == ".json" else "csv-bom"


def provenance(source: ArchiveSource, request: ExportRequest) -> dict[str, object]:
    """What produced an export: archive, data version, pane, sort, filters, time."""
    from app import __version__

    info = source.info
    query = request.query
    return {
        "program": f"Kremlin Affair Archive {__version__}",
        "archive": info.title,
        "archive_file": info.path.name,
        "data_version": info.data_version,
        "list": request.spec.kind,
        "sort": query.sort,
        "descending": query.descending,
        "filters": {key: value for key, value in query.filters},
        "other_filter": request.note or None,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def export_list(
    source: ArchiveSource, request: ExportRequest, progress: export.Progress | None = None
) -> int:
    """Write the rows; returns how many.  Raises OSError, or ExportCancelled (no file left)."""
    path = request.path
    fmt = format_for(path, request.fmt)
    record = provenance(source, request)
    part_files.sweep(path.parent)
    fd, tmp = part_files.create(path)
    side: Path | None = None
    try:
        encoding = "utf-8-sig" if fmt == "csv-bom" else "utf-8"
        with os.fdopen(fd, "w", encoding=encoding, newline="") as out, source.connect() as conn:
            n = export.write(
                conn,
                request.spec,
                request.query,
                out,
                "json" if fmt == "json" else "csv",
                request.columns,
                record,
                progress,
            )
            out.flush()
            os.fsync(out.fileno())
        if fmt != "json":
            side = _write_part(path.with_name(path.name + PROVENANCE_SUFFIX), {**record, "rows": n})
        os.replace(tmp, path)  # the rows first: a provenance file never describes no file
        if side is not None:
            os.replace(side, path.with_name(path.name + PROVENANCE_SUFFIX))
    except BaseException:
        for leftover in (tmp, side):
            if leftover is not None:
                with contextlib.suppress(OSError):
                    leftover.unlink()
        raise
    return n


def _write_part(path: Path, record: dict[str, object]) -> Path:
    """Write a small JSON file to a temporary name beside ``path`` (flushed); return it."""
    fd, tmp = part_files.create(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False, indent=2)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp
