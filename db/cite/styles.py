"""Text citations of an archive record: Chicago and GOST R 7.0.5-2008.

Both cite the archive as a database and the record as an entry in it, naming the archive's
title, its data version, the record's id (``person/kamenev-lev``, the form ``kremlin-archive
show`` accepts) and human label, where the archive was read (a URL or a file name, when
known), the date it was consulted and, when given, the SHA-256 digest of the archive file, so
a reader can check that they hold the same data.

* **chicago** — a bibliography entry of the notes-bibliography system, in the shape the
  Chicago Manual gives for datasets and database entries: title, description, version,
  location, access date.
* **gost** — a reference to an electronic resource after GOST R 7.0.5-2008: the record as a
  part (``//``) of the database, with ``[Электронный ресурс]``, ``Версия данных``, ``URL:`` or
  ``Режим доступа:``, and ``(дата обращения: ДД.ММ.ГГГГ)``.

Plain text, one line.  A citation never starts with a character a spreadsheet would run as a
formula (:func:`db.export.neutral`).
"""

from __future__ import annotations

from db.cite.model import Access, Cited
from db.export import neutral
from db.vocab import ENGLISH_MONTHS

STYLES = ("chicago", "gost")

_KIND_EN = {
    "person": "Person record",
    "event": "Event record",
    "document": "Document record",
    "source": "Source record",
    "chart": "Chart",
}
_KIND_RU = {
    "person": "запись о лице",
    "event": "запись о событии",
    "document": "запись о документе",
    "source": "запись об источнике",
    "chart": "диаграмма",
}


def _sentence(text: str) -> str:
    """``text`` ending in a full stop (not doubled after ``.?!``)."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _closed(text: str) -> str:
    """``text`` without a trailing full stop (GOST puts its own ``. —`` after it)."""
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def chicago(cited: Cited, access: Access) -> str:
    """The Chicago bibliography entry of ``cited``."""
    meta = cited.archive
    where = access.url or meta.url
    parts: list[str] = []
    if cited.ref is None:
        parts.append(_sentence(meta.title))
    else:
        kind = _KIND_EN.get(cited.ref.kind, "Record")
        parts.append(f"“{_sentence(cited.label)}”")
        parts.append(f"{kind} {cited.record_id}. In {_sentence(meta.title)}")
    parts.append(f"Database, data version {_sentence(meta.data_version)}")
    if where:
        parts.append(_sentence(where))
    elif access.location:
        parts.append(f"File {_sentence(access.location)}")
    d = access.accessed
    parts.append(f"Accessed {ENGLISH_MONTHS[d.month - 1]} {d.day}, {d.year}.")
    if access.sha256:
        parts.append(f"SHA-256 {access.sha256}.")
    return neutral(" ".join(parts))


def gost(cited: Cited, access: Access) -> str:
    """The GOST R 7.0.5-2008 reference to ``cited`` as an electronic resource."""
    meta = cited.archive
    where = access.url or meta.url
    database = f"{_closed(meta.title_ru)} [Электронный ресурс] : база данных"
    if cited.ref is None:
        head = database
    else:
        kind = _KIND_RU.get(cited.ref.kind, "запись")
        head = (
            f"{_closed(cited.label_ru)} [Электронный ресурс] : {kind} {cited.record_id} // "
            f"{_closed(meta.title_ru)} : база данных"
        )
    if where:
        mode = f"URL: {where}"
    elif access.location:
        mode = f"Режим доступа: локальный файл {access.location}"
    else:
        mode = "Режим доступа: локальный файл"
    d = access.accessed
    parts = [
        head,
        f"Версия данных {_closed(meta.data_version)}",
        f"{mode} (дата обращения: {d.day:02d}.{d.month:02d}.{d.year:04d})",
    ]
    if access.sha256:
        parts.append(f"SHA-256: {access.sha256}")
    return neutral(". — ".join(parts) + ".")


def render(style: str, cited: Cited, access: Access) -> str:
    """The text citation in ``style`` (one of :data:`STYLES`).

    Raises:
        ValueError: an unknown style.
    """
    if style == "chicago":
        return chicago(cited, access)
    if style == "gost":
        return gost(cited, access)
    raise ValueError(f"unknown citation style “{style}” (known: {', '.join(STYLES)})")
