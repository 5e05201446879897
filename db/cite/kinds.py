"""What each kind of source becomes in CSL-JSON, RIS and BibTeX.

The archive's ``source.kind`` is free text; the bundled data uses four kinds:

* ``book`` — a book, mostly read as an online copy of some pages: a book in every format.
* ``article`` — a press, magazine or site article read on the web, with no journal, volume or
  pages recorded: a web page (CSL ``webpage``, RIS ``ELEC``, BibTeX ``@misc``), since a
  journal article entry would promise details the record does not have.
* ``encyclopedia`` — an encyclopedia entry (CSL ``entry-encyclopedia``, RIS ``ENCYC``,
  ``@misc``).
* ``archive`` — a published archival document or catalogue (CSL ``manuscript``, RIS
  ``MANSCPT``, BibTeX ``@misc``), the types reference managers use for archival material.

Any other kind becomes a generic document (CSL ``document``, RIS ``GEN``, ``@misc``).  A cited
archive record is a dataset (CSL ``dataset``, RIS ``DATA``, ``@misc``).  BibTeX keeps to the
entry types classic BibTeX knows (``@book``, ``@misc``): its styles only warn about biblatex's
``@online`` or ``@dataset``, but importers that read the standard types alone (bibtexparser 1
by default) drop those entries.  The ``url`` and ``urldate`` fields carry the address anyway.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ItemTypes:
    """One item's type in each export format."""

    csl: str
    ris: str
    bibtex: str


_BY_KIND = {
    "book": ItemTypes("book", "BOOK", "book"),
    "article": ItemTypes("webpage", "ELEC", "misc"),
    "encyclopedia": ItemTypes("entry-encyclopedia", "ENCYC", "misc"),
    "archive": ItemTypes("manuscript", "MANSCPT", "misc"),
}
#: A source of a kind the table does not know.
GENERIC = ItemTypes("document", "GEN", "misc")
#: A record of the archive (person, event, document, source, chart) or the archive itself.
DATASET = ItemTypes("dataset", "DATA", "misc")

#: Language codes of sources → biblatex ``langid`` values.
LANGIDS = {"ru": "russian", "en": "english", "de": "german", "fr": "french", "uk": "ukrainian"}


def source_types(kind: str) -> ItemTypes:
    """The export types of a source of ``kind`` (:data:`GENERIC` for unknown kinds)."""
    return _BY_KIND.get(kind.strip().lower(), GENERIC)
