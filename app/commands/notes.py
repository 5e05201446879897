"""``kremlin-archive notes list|export|import``: the researcher's notebook, for scripts and backup.

``list`` prints what the user marked in this archive (``--all``: in every archive the notebook
knows), ``--json`` as JSON; records this archive no longer holds say so.  ``export -o FILE``
writes JSON (a full backup), Markdown (each record with its citation) or CSV (cells neutralised
against formulas), chosen by ``--format`` or the file's extension, atomically (a temporary file
beside it, renamed when complete).  ``import FILE`` merges a JSON export: no duplicates, the
newer of two notes wins and the other is kept as a revision, a malformed file changes nothing.
``--notebook PATH`` names the notebook file (default: the user data folder, or
``$KREMLIN_ARCHIVE_NOTEBOOK``); a file named so is never moved aside, only refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli import EXIT_FAILED, EXIT_USAGE
from app.commands.output import print_json
from app.part_files import write_text
from db import Archive, queries
from db.dto import Ref
from db.i18n import N_, _, ngettext, pgettext
from db.notebook import (
    ArchiveKey,
    Entry,
    ImportReport,
    Notebook,
    NotebookError,
    archive_key,
    export_csv,
    export_json,
    export_markdown,
    import_json,
    orphans,
)
from db.notebook.importer import MAX_IMPORT

HELP = N_("list, export or import the notebook: your bookmarks, notes, tags and saved searches")
ACTIONS = ("list", "export", "import")
FORMATS = ("json", "md", "csv")
_SUFFIXES = {".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json"}


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("action", choices=ACTIONS, help=_("what to do: list, export or import"))
    parser.add_argument(
        "file", nargs="?", type=Path, default=None, help=_("the JSON export to import")
    )
    parser.add_argument(
        "--notebook",
        type=Path,
        default=None,
        help=_("notebook file (default: the one in your user data folder)"),
    )
    parser.add_argument("--json", action="store_true", help=_("list as JSON"))
    parser.add_argument(
        "--all",
        action="store_true",
        help=_("every archive in the notebook, not only this one (list; export as JSON or CSV)"),
    )
    parser.add_argument("-o", "--output", type=Path, default=None, help=_("file to export to"))
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help=_(
            "json (a full backup), md (Markdown with citations) or csv "
            "(default: from the file's extension, else json)"
        ),
    )


def _error(message: str) -> None:
    print(f"kremlin-archive: {message}", file=sys.stderr)


def _usage(message: str) -> int:
    _error(_("notes: {message}").format(message=message))
    return EXIT_USAGE


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Run the action on the notebook."""
    problem = _check(args)
    if problem:
        return _usage(problem)
    try:
        nb = Notebook.open(args.notebook, repair=args.notebook is None)
    except NotebookError as exc:
        _error(exc.message)
        return EXIT_FAILED
    with nb:
        if nb.message:
            _error(nb.message)
        key = archive_key(archive.info.meta)
        try:
            if args.action == "list":
                return _list(nb, key, archive, args)
            if args.action == "export":
                return _export(nb, key, archive, args)
            return _import(nb, args.file.expanduser())
        except NotebookError as exc:
            _error(exc.message)
            return EXIT_FAILED


def _check(args: argparse.Namespace) -> str | None:
    """What is wrong with the options for the action (None: nothing)."""
    if args.action == "import":
        if args.file is None:
            return _("import needs the FILE to import")
        if args.output or args.format or args.all or args.json:
            return _("import takes only the FILE to import")
        return None
    if args.file is not None:
        return _("only import takes a FILE (export writes to -o FILE)")
    if args.action == "list":
        if args.output or args.format:
            return _("list prints to the terminal; use export -o FILE to write a file")
        return None
    if args.output is None:
        return _("export needs -o FILE")
    if args.json:
        return _("export chooses JSON with --format json")
    if _format(args) == "md" and args.all:
        return _("a Markdown export covers this archive only (it cites its records): drop --all")
    return None


def _format(args: argparse.Namespace) -> str:
    chosen: str | None = args.format
    return chosen or _SUFFIXES.get(args.output.suffix.lower(), "json")


# -- list ---------------------------------------------------------------------------------------


def _keys(nb: Notebook, key: ArchiveKey, everything: bool) -> list[ArchiveKey]:
    if not everything:
        return [key]
    keys = nb.archives()
    return keys if key in keys else [key, *keys]


def _entry_json(e: Entry, orphan: bool | None) -> dict[str, Any]:
    return {
        "kind": e.ref.kind,
        "id": e.ref.id,
        "label": e.label,
        "bookmarked": e.bookmarked,
        "tags": list(e.tags),
        "note": e.note,
        "changed": e.changed.isoformat().replace("+00:00", "Z"),
        "orphan": orphan,
    }


def _entry_lines(e: Entry, orphan: bool | None, name: str | None = None) -> list[str]:
    """A record's lines: its id and name (the archive's, else the one saved with the note),
    its marks, and its note."""
    head = f"{e.ref.kind}/{e.ref.id}"
    label = name or e.label
    lines = [f"{head}  {label}" if label else head]
    facts = []
    if e.bookmarked:
        facts.append(_("bookmarked"))
    if e.tags:
        facts.append(_("tags: {tags}").format(tags=", ".join(e.tags)))
    facts.append(_("changed {when}").format(when=e.changed.strftime("%Y-%m-%d %H:%M UTC")))
    lines.append("  " + " · ".join(facts))
    if orphan:
        lines.append("  " + _("no longer in this archive (kept in the notebook)"))
    if e.note:
        note = e.note.split("\n")
        lines.append("  " + pgettext("the reader's own note", "note: {text}").format(text=note[0]))
        lines += [f"        {line}" if line else "" for line in note[1:]]
    return lines


def _list(nb: Notebook, key: ArchiveKey, archive: Archive, args: argparse.Namespace) -> int:
    parts: list[tuple[ArchiveKey, list[Entry], set[Ref] | None]] = []
    names: dict[Ref, str] = {}  # the open archive's own names, in the reader's script
    for k in _keys(nb, key, args.all):
        found = nb.entries(k)
        missing = None  # other archives are not open: whether they hold a record is unknown
        if k == key:
            with archive.connect() as conn:
                missing = orphans(found, conn)
                for e in found:
                    label = None if e.ref in missing else queries.label_of(conn, e.ref)
                    if label:
                        names[e.ref] = label
        parts.append((k, found, missing))
    if args.json:
        print_json(
            {
                "archives": [
                    {
                        "archive_id": k.archive_id,
                        "title": k.title,
                        "current": k == key,
                        "entries": [_entry_json(e, _orphan(e, missing)) for e in found],
                    }
                    for k, found, missing in parts
                ]
            }
        )
        return 0
    for n, (k, found, missing) in enumerate(parts):
        if n:
            print()
        count = ngettext("{n} marked record", "{n} marked records", len(found))
        title = archive.info.reader_title if k == key else k.title
        print(f"{title} — {count.format(n=len(found))}")
        for e in found:
            lines = _entry_lines(e, _orphan(e, missing), names.get(e.ref) if k == key else None)
            print("\n".join("  " + line if line else "" for line in lines))
    return 0


def _orphan(e: Entry, missing: set[Ref] | None) -> bool | None:
    return None if missing is None else e.ref in missing


# -- export and import ---------------------------------------------------------------------------


def _export(nb: Notebook, key: ArchiveKey, archive: Archive, args: argparse.Namespace) -> int:
    fmt = _format(args)
    keys = _keys(nb, key, args.all)
    target = None if args.all else key
    if fmt == "json":
        text = export_json(nb, target)
    elif fmt == "csv":
        text = export_csv(nb, target)
    else:
        with archive.connect() as conn:
            text = export_markdown(
                nb, key, conn, location=archive.info.cited_as, title=archive.info.reader_title
            )
    n = sum(len(nb.entries(k)) for k in keys)
    path = args.output.expanduser()
    try:
        write_text(path, text)
    except OSError as exc:
        _error(_("cannot write {path}: {error}").format(path=path, error=exc.strerror or exc))
        return EXIT_FAILED
    written = ngettext("{n} record written to {path}", "{n} records written to {path}", n)
    print(written.format(n=n, path=path))
    return 0


def _report_line(path: Path, report: ImportReport) -> str:
    if not report.changed:
        return _("nothing new in {path}; the notebook is unchanged").format(path=path)
    parts = [
        ngettext("{n} new record", "{n} new records", report.records_added),
        ngettext("{n} record updated", "{n} records updated", report.records_updated),
        ngettext("{n} saved search", "{n} saved searches", report.searches_added),
    ]
    counts = (report.records_added, report.records_updated, report.searches_added)
    done = ", ".join(p.format(n=n) for p, n in zip(parts, counts, strict=True))
    return _("imported {path}: {counts}").format(path=path, counts=done)


def _import(nb: Notebook, path: Path) -> int:
    try:
        if path.stat().st_size > MAX_IMPORT * 4:
            raise OSError(_("the file is too large"))
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        error = getattr(exc, "strerror", None) or exc
        _error(_("cannot read {path}: {error}").format(path=path, error=error))
        return EXIT_FAILED
    report = import_json(nb, text)
    print(_report_line(path, report))
    return 0
