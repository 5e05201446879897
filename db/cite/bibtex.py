"""BibTeX (and biblatex) entries: ``@book{koshel-kniga87, author = {Кошель, Пётр}, …}``.

Cyrillic stays UTF-8 (biber, and BibTeX under ``inputenc``, read it).  Every value is braced
and escaped: the LaTeX specials ``# $ % & _ ^ ~ \\`` become their commands, and a brace of
archive text becomes ``{\\textbraceleft}``/``{\\textbraceright}``, never a bare ``{`` or ``}``, so
the braces of a value always balance and no text can close its field or open a new entry.
Web addresses are written raw (biblatex reads ``url`` verbatim) with the few characters that
cannot appear in one percent-encoded.  A literal author (an organisation) is wrapped in one
more pair of braces so it is not split into first and last names.  Keys are the archive ids,
reduced to ``[A-Za-z0-9_:.-]`` and made unique.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from db.cite import names
from db.cite.clean import one_line
from db.cite.kinds import DATASET, LANGIDS, source_types
from db.cite.model import Access, Cited, SourceItem, record_key, record_note

Fields = list[tuple[str, str]]

_SPECIALS = {
    "\\": r"{\textbackslash}",
    "{": r"{\textbraceleft}",
    "}": r"{\textbraceright}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "^": r"{\textasciicircum}",
    "~": r"{\textasciitilde}",
}
_SPECIAL = re.compile("[" + re.escape("".join(_SPECIALS)) + "]")
#: Characters that cannot stand in a braced ``url`` value (or in any address).
_URL_UNSAFE = re.compile(r'[{}\\\s"<>^`|]')
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_:.-]+")


def escape(text: str) -> str:
    """``text`` on one line with every LaTeX special escaped (braces always balanced)."""
    return _SPECIAL.sub(lambda m: _SPECIALS[m.group()], one_line(text))


def escape_url(url: str) -> str:
    """A web address with the characters that would break a braced value percent-encoded."""
    return _URL_UNSAFE.sub(
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), one_line(url)
    )


def _author(n: names.Name) -> str:
    if n.literal is not None:
        return "{" + escape(n.literal) + "}"
    return f"{escape(n.family or '')}, {escape(n.given or '')}"


class Keys:
    """Hands out unique BibTeX keys made from archive ids."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def key(self, ident: str) -> str:
        """``ident`` reduced to safe characters, with ``-2``, ``-3`` … when already taken."""
        base = _KEY_UNSAFE.sub("-", ident).strip("-") or "item"
        key, n = base, 1
        while key.lower() in self._used:
            n += 1
            key = f"{base}-{n}"
        self._used.add(key.lower())
        return key


def _entry(kind: str, key: str, fields: Fields) -> str:
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return f"@{kind}{{{key},\n{body}}}\n"


def source_fields(source: SourceItem) -> Fields:
    """The escaped fields of one source."""
    fields: Fields = []
    authors = names.authors(source.author)
    if authors:
        fields.append(("author", " and ".join(_author(n) for n in authors)))
    fields.append(("title", escape(source.title)))
    if source.year is not None:
        fields.append(("year", str(source.year)))
    if source.url:
        fields.append(("url", escape_url(source.url)))
    fields.append(("langid", LANGIDS.get(source.language, "")))
    fields.append(("note", escape(source.note or "")))
    return fields


def record_fields(cited: Cited, access: Access) -> Fields:
    """The escaped fields of a cited record (a ``@misc`` dataset entry)."""
    archive = cited.archive
    published = f"{archive.title}, database, data version {archive.data_version}"
    url = access.url or archive.url
    return [
        ("title", escape(cited.label)),
        ("howpublished", escape(published)),
        ("version", escape(archive.data_version)),
        ("url", escape_url(url) if url else ""),
        ("urldate", access.accessed.isoformat()),
        ("note", escape(record_note(cited, access))),
    ]


def _sources(sources: Iterable[SourceItem], keys: Keys) -> list[str]:
    return [_entry(source_types(s.kind).bibtex, keys.key(s.id), source_fields(s)) for s in sources]


def bibliography(sources: Iterable[SourceItem]) -> str:
    """BibTeX of ``sources``, one entry each, separated by a blank line."""
    return "\n".join(_sources(sources, Keys()))


def record(cited: Cited, access: Access) -> str:
    """BibTeX of the cited record followed by the sources it cites."""
    keys = Keys()
    head = _entry(DATASET.bibtex, keys.key(record_key(cited)), record_fields(cited, access))
    return "\n".join([head, *_sources(cited.sources, keys)])
