"""Export one archive's notebook as Markdown: each marked record with its citation and note.

Everything in the text but the export's own words is untrusted (the user's notes, tags and
labels, and the archive's own text in citations): :func:`escape` backslash-escapes every
character Markdown could read as syntax, so a note cannot become a heading, a link, an image,
HTML or a table, and notes are quoted (``> ``) line by line.  Records the archive no longer
holds (orphans) are kept and say so.  The text is in the language in use (headings, words);
notes stay as written.
"""

from __future__ import annotations

import datetime
import re

from sqlalchemy import Connection, select

from db import cite
from db.dto import Ref
from db.i18n import _, citation_style, ngettext, pgettext
from db.notebook.clock import utc_now
from db.notebook.model import ArchiveKey, Entry
from db.notebook.notebook import Notebook
from db.notebook.orphaned import orphans
from db.schema import Claim, Source

#: Characters that can start Markdown syntax anywhere on a line (CommonMark with GitHub's
#: tables and strikethrough): emphasis, code, links and images, HTML, entities, a heading's
#: closing ``#``, a table's ``|``, and what makes an autolink (a scheme's ``:``, ``www.``, an
#: address's ``@``).  ``-``, ``+``, ``=`` and ``.`` are syntax only at a line's start.
_INLINE_SPECIAL = re.compile(r"[\\`*_{}\[\]()#!|<>~&:$@]|(?<=[wW]{3})\.")
#: A line's start that would be a list item, an ordered list's number or a heading's underline.
_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)\.)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _inline(text: str) -> str:
    return _INLINE_SPECIAL.sub(lambda m: "\\" + m.group(0), _CONTROL.sub(" ", text))


def _start(match: re.Match[str]) -> str:
    space, marker, number = match.group(1), match.group(2), match.group(3)
    return f"{space}\\{marker}" if marker else f"{space}{number}\\."


def escape(text: str) -> str:
    """One line of ``text`` as literal Markdown: whatever could be syntax backslash-escaped
    (a list marker or a number only at the line's start, so that ``1935-07-27`` and
    ``2026.12.2`` read as written), controls removed."""
    return _LINE_START.sub(_start, _inline(text))


def one_line(text: str) -> str:
    """``text`` escaped on one line after a heading's or a list item's own words: an id reads
    ``person/sinelobov-alexei``, not ``sinelobov\\-alexei``."""
    return _inline(" ".join(_CONTROL.sub(" ", text).split()))


def quote(text: str) -> str:
    """A note as a block quote: every line escaped and quoted, blank lines kept.  A line's
    indentation is kept as no-break spaces: four spaces or a tab would make it a code block,
    where the escapes would show as backslashes."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(f"> {_quoted_line(line)}".rstrip() for line in lines)


def _quoted_line(line: str) -> str:
    text = line.lstrip(" \t")
    lead = line[: len(line) - len(text)]
    return lead.replace("\t", "    ").replace(" ", "\u00a0") + escape(text)


def kind_label(kind: str) -> str:
    """The kind of a record as a word of the interface."""
    labels = {
        "person": pgettext("record kind", "Person"),
        "event": pgettext("record kind", "Event"),
        "document": pgettext("record kind", "Document"),
        "source": pgettext("record kind", "Source"),
        "claim": pgettext("record kind", "Claim"),
    }
    return labels.get(kind, kind)


def _claim_source(conn: Connection, ref: Ref) -> Ref | None:
    if not ref.id.isdigit():
        return None
    row = conn.execute(
        select(Source.id).join(Claim, Claim.source_pk == Source.pk).where(Claim.pk == int(ref.id))
    ).first()
    return None if row is None else Ref("source", str(row[0]))


def _citation(
    conn: Connection, ref: Ref, accessed: datetime.date, location: str | None
) -> str | None:
    target = _claim_source(conn, ref) if ref.kind == "claim" else ref
    if target is None:
        return None
    try:
        # the style a reader of the language expects (GOST R 7.0.5 in Russian), as `cite`'s
        return cite.record(conn, target, citation_style(), accessed, None, location)
    except cite.UnknownRecord:
        return None


def _section(
    conn: Connection, e: Entry, orphan: bool, accessed: datetime.date, location: str | None
) -> list[str]:
    name = e.label or f"{e.ref.kind}/{e.ref.id}"
    record = _("Record")
    lines = [
        f"## {kind_label(e.ref.kind)}: {one_line(name)}",
        "",
        f"- {record}: {one_line(f'{e.ref.kind}/{e.ref.id}')}",
    ]
    if e.bookmarked:
        lines.append("- " + _("Bookmarked"))
    if e.tags:
        tags = ", ".join(one_line(t) for t in e.tags)
        lines.append("- " + _("Tags: {tags}").format(tags=tags))
    when = e.changed.strftime("%Y-%m-%d %H:%M UTC")
    lines.append("- " + _("Changed: {when}").format(when=when))
    citation = None if orphan else _citation(conn, e.ref, accessed, location)
    if orphan:
        lines.append("- " + _("No longer in this archive (the note is kept)."))
    elif citation:
        label = _("Source of the claim") if e.ref.kind == "claim" else _("Cite as")
        lines.append(f"- {label}: {one_line(citation)}")
    if e.note:
        lines += ["", quote(e.note)]
    lines.append("")
    return lines


def export_markdown(
    nb: Notebook,
    key: ArchiveKey,
    conn: Connection,
    *,
    accessed: datetime.date | None = None,
    location: str | None = None,
    title: str | None = None,
) -> str:
    """The archive's marked records as Markdown, newest change first, each with its citation
    (Chicago; GOST R 7.0.5 in Russian) from the archive on ``conn``; orphans say they are no
    longer in the archive.

    ``accessed`` and ``location`` go into the citations (default: today; no file name);
    ``title`` names the archive in the reader's language (default: as the notebook knows it).
    """
    entries = nb.entries(key)
    missing = orphans(entries, conn)
    day = accessed or utc_now().date()
    title = _("Notebook: {title}").format(title=one_line(title or key.title))
    count = ngettext("{n} record", "{n} records", len(entries)).format(n=len(entries))
    out = [
        f"# {title}",
        "",
        _("The reader's own notes, not the archive's. Exported {date}; {count}.").format(
            date=day.isoformat(), count=count
        ),
        "",
    ]
    for e in entries:
        out += _section(conn, e, e.ref in missing, day, location)
    return "\n".join(out).rstrip("\n") + "\n"
