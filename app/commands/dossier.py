"""``kremlin-archive dossier``: write the dossier of one item, the case, or every person as PDF.

* ``dossier ID [-o FILE.pdf]`` — a person, event, document or source (``kind/id`` if an id is
  ambiguous); default file ``ID.pdf`` in the current folder;
* ``dossier --case -o FILE.pdf`` — the case summary;
* ``dossier --all-people -o DIR/`` — one PDF per person, progress on stderr.

Every file is written through the verified writer: a failure prints one line and leaves no
file behind.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app import terminal
from app.cli import EXIT_FAILED, EXIT_NOT_FOUND, EXIT_USAGE
from app.commands.suggest import suggestion
from app.filenames import OutsideFolder, inside, safe_file_name, safe_stem
from db import Archive, listing, queries
from db.dto import Ref
from db.i18n import N_, _, ngettext

if TYPE_CHECKING:  # Qt is imported only when the command runs, not when the CLI parses
    from PySide6.QtCore import QCoreApplication
    from sqlalchemy import Connection

    from app.printing import DossierService

HELP = N_("write a footnoted dossier (person, event, document, source, or the whole case) as PDF")
#: People fetched per page while writing every person's dossier.
BATCH = 256
#: Paper sizes by name (the printing layer's names; kept here so parsing needs no Qt).
PAGE_SIZES = ("A4", "Letter")
KINDS = ("person", "event", "document", "source")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument(
        "id", nargs="?", help=_("record id, e.g. sinelobov-alexei or event/ev-1935-vk-verdict")
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--case", action="store_true", help=_("the case summary"))
    group.add_argument(
        "--all-people",
        action="store_true",
        help=_("one PDF per person into the folder given with -o"),
    )
    parser.add_argument(
        "-o",
        "--output",
        default=None,
        help=_(
            "PDF file, or a folder (an existing one, or a name ending in /) to write "
            "ID.pdf into; with --all-people, the folder"
        ),
    )
    parser.add_argument(
        "--page-size",
        type=_page_size,
        choices=PAGE_SIZES,
        default="A4",
        help=_("paper size (default A4; any letter case)"),
    )


def _page_size(text: str) -> str:
    """``a4`` → ``A4``, ``LETTER`` → ``Letter`` (argparse then checks the choice)."""
    return next((size for size in PAGE_SIZES if size.casefold() == text.casefold()), text)


def _not_found(conn: Connection, text: str) -> str:
    """Why ``text`` names no record, with the right spelling when it is just the wrong kind."""
    kind, sep, bare = text.removeprefix("archive://").partition("/")
    if not sep:
        message = _("no record with id “{id}”").format(id=text)
        hint = suggestion(conn, text, ("person", "event", "document"))  # what has a dossier
        return f"{message}\n{hint}" if hint else message
    if kind not in KINDS:
        return _("“{kind}” is not a kind of record (use {kinds}, or the id alone)").format(
            kind=kind, kinds=", ".join(KINDS)
        )
    others = [f"{r.kind}/{r.id}" for r in queries.find_refs(conn, bare)]
    # TRANSLATORS: {kind} is one of the words person, event, document, source (as typed).
    if others:
        return _("no {kind} with id “{id}”; there is {others}").format(
            kind=kind, id=bare, others=_(" and ").join(others)
        )
    return _("no {kind} with id “{id}”").format(kind=kind, id=bare)


def _error(message: str) -> None:
    print(f"kremlin-archive: {message}", file=sys.stderr)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Write the requested dossier(s)."""
    chosen = [bool(args.id), args.case, args.all_people]
    if sum(chosen) != 1:
        _error(_("dossier: give exactly one of ID, --case or --all-people"))
        return EXIT_USAGE
    if args.all_people and args.output is None:
        _error(_("dossier --all-people needs -o FOLDER"))
        return EXIT_USAGE
    app = _gui_app()  # noqa: F841 (kept alive while the dossiers are written)
    from app.printing import DossierService

    service = DossierService(archive)
    if args.all_people:
        return _all_people(service, archive, Path(args.output), args.page_size, sys.stderr)
    ref: Ref | None = None
    if args.id:
        with archive.connect() as conn:
            refs = queries.find_refs(conn, args.id)
            if not refs:
                _error(_not_found(conn, args.id))
                return EXIT_NOT_FOUND
        if len(refs) > 1:
            kinds = ", ".join(f"{r.kind}/{r.id}" for r in refs)
            _error(_("“{id}” is ambiguous; use one of {kinds}").format(id=args.id, kinds=kinds))
            return EXIT_USAGE
        ref = refs[0]
    name = safe_file_name(ref.id if ref else "case-summary", ".pdf")
    if args.output is None:
        return _write(service, ref, Path(name), args.page_size)
    output = Path(args.output)
    if str(args.output).endswith(("/", os.sep)) or output.is_dir():
        # A folder (Path drops the trailing "/" that says so): the dossier goes inside it,
        # named after the record, instead of becoming a file named like the folder.
        if not _make_folder(output):
            return EXIT_FAILED
        output = output / name
    return _write(service, ref, output, args.page_size)


def _make_folder(folder: Path) -> bool:
    """Create ``folder`` (and its parents) unless it exists; False, said once, on failure."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _error(
            _("cannot create the folder {folder}: {error}").format(
                folder=folder, error=exc.strerror or exc
            )
        )
        return False
    return True


def _write(service: DossierService, ref: Ref | None, path: Path, page_size: str) -> int:
    from app.printing import PdfWriteError

    try:
        written = service.write_pdf(ref, path, page_size)
    except PdfWriteError as exc:
        _error(_("cannot write {path}: {error}").format(path=exc.path, error=exc.message))
        return EXIT_FAILED
    print(written)
    return 0


def _all_people(
    service: DossierService, archive: Archive, folder: Path, page_size: str, progress: TextIO
) -> int:
    if folder.exists() and not folder.is_dir():
        _error(_("{folder} is a file; --all-people writes into a folder").format(folder=folder))
        return EXIT_USAGE
    created = not folder.exists()
    if not _make_folder(folder):
        return EXIT_FAILED
    code = _write_all(service, archive, folder, page_size, progress)
    if code and created:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if still empty: a folder made for nothing is not left behind
    return code


def _write_all(
    service: DossierService, archive: Archive, folder: Path, page_size: str, progress: TextIO
) -> int:
    from app.printing import PdfWriteError

    query = listing.ListQuery()
    with archive.connect() as conn:
        total = listing.count(conn, listing.PEOPLE, query)
    live = progress.isatty()
    screen: TextIO = getattr(progress, "raw", progress) if live else progress
    used: set[str] = set()
    done = 0
    for start in range(0, total, BATCH):
        with archive.connect() as conn:
            rows = listing.page(conn, listing.PEOPLE, query, start, BATCH, total)
        for row in rows:
            try:
                target = inside(folder, _unique_name(row.id, used))
                service.write_pdf(Ref("person", row.id), target, page_size)
            except (PdfWriteError, OutsideFolder) as exc:
                if live:
                    screen.write("\n")
                where = exc.path if isinstance(exc, PdfWriteError) else folder
                message = exc.message if isinstance(exc, PdfWriteError) else str(exc)
                _error(_("cannot write {path}: {error}").format(path=where, error=message))
                return EXIT_FAILED
            done += 1
            line = f"[{done}/{total}] {terminal.visible(row.id)}"
            screen.write(f"\r{line:<60}" if live else f"{line}\n")
            screen.flush()
    if live:
        screen.write("\n")
    written = ngettext(
        "{n} dossiers written to {folder}", "{n} dossiers written to {folder}", done
    ).format(n=done, folder=folder)
    progress.write(written + "\n")
    return 0


def _unique_name(item_id: str, used: set[str]) -> str:
    """A safe file name for ``item_id``'s dossier, distinct from those ``used`` already."""
    stem = safe_stem(item_id, "person")
    name, n = f"{stem}.pdf", 1
    while name.casefold() in used:
        n += 1
        name = f"{stem}-{n}.pdf"
    used.add(name.casefold())
    return name


def _gui_app() -> QCoreApplication:
    # Fonts, PDF writing and the chart need a QApplication; a command line has no window,
    # so it runs on Qt's offscreen platform unless the caller chose another.
    from PySide6.QtWidgets import QApplication

    from app import pyside_imports  # noqa: F401  (before the printing layer's imports)

    existing = QApplication.instance()
    if existing is not None:
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(["kremlin-archive"])
