"""CSL-JSON: the input format of citeproc processors, Zotero, Pandoc and most reference tools.

One list of items.  Sources keep their archive id as the item ``id``; a cited record is a
``dataset`` item whose id is ``kind:id`` (``person:kamenev-lev``; the whole archive is
``archive``), so it cannot clash with a source id (ids are slugs without a colon).  Authors are
``family``/``given`` where :mod:`db.cite.names` is sure, else ``literal``.  Only variables of
the CSL 1.0.2 data schema are written, and none that citeproc-py does not know.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from db.cite import names
from db.cite.clean import one_line
from db.cite.kinds import DATASET, source_types
from db.cite.model import Access, Cited, SourceItem, record_key, record_note

Item = dict[str, Any]


def _name(n: names.Name) -> dict[str, str]:
    if n.literal is not None:
        return {"literal": n.literal}
    return {"family": n.family or "", "given": n.given or ""}


def source_item(source: SourceItem) -> Item:
    """The CSL-JSON item of one source."""
    item: Item = {"id": source.id, "type": source_types(source.kind).csl, "title": source.title}
    authors = names.authors(source.author)
    if authors:
        item["author"] = [_name(n) for n in authors]
    if source.year is not None:
        item["issued"] = {"date-parts": [[source.year]]}
    if source.url:
        item["URL"] = source.url
    if source.language:
        item["language"] = source.language
    if source.note:
        item["note"] = source.note
    return item


def record_item(cited: Cited, access: Access) -> Item:
    """The ``dataset`` item of a cited record (or of the archive as a whole)."""
    d = access.accessed
    item: Item = {
        "id": record_key(cited),
        "type": DATASET.csl,
        "title": cited.label,
        "version": cited.archive.data_version,
        "accessed": {"date-parts": [[d.year, d.month, d.day]]},
        "note": record_note(cited, access),
    }
    if cited.ref is not None:
        item["container-title"] = cited.archive.title
    url = access.url or cited.archive.url
    if url:
        item["URL"] = url
    return item


def _clean(value: Any) -> Any:
    """Every string of an item on one clean line (JSON escapes C0 controls, not C1 ones)."""
    if isinstance(value, str):
        return one_line(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def dumps(items: Iterable[Item]) -> str:
    """The items as a CSL-JSON document (UTF-8 text; Cyrillic kept as is)."""
    return json.dumps(_clean(list(items)), ensure_ascii=False, indent=2) + "\n"


def bibliography(sources: Iterable[SourceItem]) -> str:
    """CSL-JSON of ``sources``."""
    return dumps(source_item(s) for s in sources)


def record(cited: Cited, access: Access) -> str:
    """CSL-JSON of the cited record followed by the sources it cites."""
    return dumps([record_item(cited, access), *(source_item(s) for s in cited.sources)])
