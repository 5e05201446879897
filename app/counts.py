"""Counts in the interface language: "12 of 99 people shown", «Показано 12 из 99 человек».

Every phrase is one whole sentence with the real plural forms of the language (Russian has
three: 1 человек, 2 человека, 5 человек) and the reader's digit grouping (``1,234`` /
«1 234»).  The list panes name what they list by a *noun key* (``people``, ``events``,
``documents``, ``sources``); gettext needs each phrase written out, so each key has its own
calls here rather than a word spliced into a sentence.  Nothing is translated at import time.
"""

from __future__ import annotations

from db import vocab
from db.i18n import N_, _, ngettext, pgettext

#: Noun keys of the panes → the pane's title (translated where shown).
TITLES = {
    "people": N_("People"),
    "events": N_("Events"),
    "documents": N_("Documents"),
    "sources": N_("Sources"),
}


def number(n: int) -> str:
    """``n`` with the reader's digit grouping: ``1,234`` / «1 234» (no-break space)."""
    return vocab.format_number(n)


def items(noun: str, n: int, shown: str | None = None) -> str:
    """``99 people``, «99 человек»; ``shown`` replaces the figure (``25+``), not its plural."""
    text = number(n) if shown is None else shown
    if noun == "people":
        return ngettext("{n} person", "{n} people", n).format(n=text)
    if noun == "events":
        return ngettext("{n} event", "{n} events", n).format(n=text)
    if noun == "documents":
        return ngettext("{n} document", "{n} documents", n).format(n=text)
    if noun == "sources":
        return ngettext("{n} source", "{n} sources", n).format(n=text)
    if noun == "claims":
        return ngettext("{n} claim", "{n} claims", n).format(n=text)
    return ngettext("{n} row", "{n} rows", n).format(n=text)


def shown_of(noun: str, shown: int, total: int) -> str:
    """``12 of 99 people shown`` (the plural follows the total: «из 21 человека»)."""
    a, b = number(shown), number(total)
    if noun == "people":
        text = ngettext("{shown} of {total} person shown", "{shown} of {total} people shown", total)
    elif noun == "events":
        text = ngettext("{shown} of {total} event shown", "{shown} of {total} events shown", total)
    elif noun == "documents":
        text = ngettext(
            "{shown} of {total} document shown", "{shown} of {total} documents shown", total
        )
    elif noun == "sources":
        text = ngettext(
            "{shown} of {total} source shown", "{shown} of {total} sources shown", total
        )
    else:
        text = ngettext("{shown} of {total} row shown", "{shown} of {total} rows shown", total)
    return text.format(shown=a, total=b)


def selected(noun: str, n: int) -> str:
    """``3 people selected``, «Выбраны 3 человека» (the status bar, for a multi-row selection)."""
    a = number(n)
    if noun == "people":
        text = ngettext("{n} person selected", "{n} people selected", n)
    elif noun == "events":
        text = ngettext("{n} event selected", "{n} events selected", n)
    elif noun == "documents":
        text = ngettext("{n} document selected", "{n} documents selected", n)
    elif noun == "sources":
        text = ngettext("{n} source selected", "{n} sources selected", n)
    else:
        text = ngettext("{n} row selected", "{n} rows selected", n)
    return text.format(n=a)


def filtering(noun: str, first: int | None = None) -> str:
    """``Filtering people…``; with ``first``: ``Filtering people… the first 256 shown``."""
    if noun == "people":
        text = _("Filtering people…")
    elif noun == "events":
        text = _("Filtering events…")
    elif noun == "documents":
        text = _("Filtering documents…")
    else:
        text = _("Filtering…")
    if first is None:
        return text
    return ngettext(
        "{filtering} the first {n} shown", "{filtering} the first {n} shown", first
    ).format(filtering=text, n=number(first))


def exported(noun: str, n: int, path: object) -> str:
    """``Exported 12 people to /tmp/x.csv``."""
    count = items(noun, n)
    return _("Exported {items} to {path}").format(items=count, path=path)


def file_stem(noun: str) -> str:
    """The file name a list export suggests: ``people`` / «люди»."""
    if noun == "people":
        return pgettext("file name", "people")
    if noun == "events":
        return pgettext("file name", "events")
    if noun == "documents":
        return pgettext("file name", "documents")
    if noun == "sources":
        return pgettext("file name", "sources")
    return pgettext("file name", "list")


def title(noun: str) -> str:
    """The pane title of a noun key: ``People`` / «Люди»."""
    return _(TITLES[noun]) if noun in TITLES else noun
