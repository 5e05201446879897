"""Which archive a note belongs to: the archive's identity, read from its ``meta`` table.

The identity is the stable ``archive_id`` the archive carries in ``meta`` (a UUID set once in
``resources/data/archive.toml``, a deterministic one for synthetic builds) plus its title: not
its path, so notes follow the file when it is moved or replaced by a new data version.
"""

from __future__ import annotations

from collections.abc import Mapping

from db.notebook.model import ArchiveKey, clean_line

#: Longest id or title kept (the key is compared as stored).
_LIMIT = 500


def archive_key(meta: Mapping[str, str]) -> ArchiveKey:
    """The notebook key of an archive, from its ``meta`` (``archive.info.meta``).

    Archives without an ``archive_id`` (synthetic builds made before it existed) are keyed by
    their title alone: ``ArchiveKey("", title)``.
    """
    archive_id = clean_line(str(meta.get("archive_id") or ""), _LIMIT)
    title = clean_line(str(meta.get("title") or ""), _LIMIT)
    return ArchiveKey(archive_id, title)
