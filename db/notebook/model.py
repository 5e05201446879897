"""Values of the notebook: archive keys, entries, marks, saved searches, revisions, outcomes.

Frozen dataclasses with no database handle, so they may cross threads and Qt signals.  The
checks on what a user or an import may store (kinds, ids, tags, labels, lengths) live here too,
next to the values they guard.
"""

from __future__ import annotations

import datetime
import enum
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from db.dto import KINDS as ARCHIVE_KINDS
from db.dto import Ref
from db.i18n import _

#: Kinds of record a note may be about: the navigator's kinds plus claims (keyed by their pk).
KINDS = (*ARCHIVE_KINDS, "claim")

#: Limits on what is stored (a paste of a whole book still fits; a runaway loop does not).
MAX_NOTE = 1_000_000
MAX_LABEL = 300
MAX_TAG = 100
MAX_ID = 200
MAX_SEARCH_NAME = 200
MAX_SEARCH_TEXT = 2_000
MAX_FILTERS = 50

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class ArchiveKey:
    """Which archive a note belongs to: its stable ``archive_id`` (``""`` if it has none) and title.

    An archive with an id is found by the id alone (its title may change between data
    versions); one without (old synthetic builds) by its title.
    """

    archive_id: str
    title: str


class OpenOutcome(enum.Enum):
    """How :meth:`Notebook.open` went."""

    #: The notebook opened normally.
    OK = "ok"
    #: The file was damaged, not a notebook or from a newer version: it was moved aside (kept)
    #: and a fresh notebook was started.
    MOVED_ASIDE = "moved_aside"
    #: Nothing can be saved this session (read-only disk, locked by another program, or the
    #: file can be neither read nor moved aside); what can be read is shown.
    READ_ONLY = "read_only"


@dataclass(frozen=True, slots=True)
class Entry:
    """One marked record: bookmarked and/or noted and/or tagged.

    ``label`` is the record's label as it was when marked, so a record that a later data
    version no longer holds (an orphan) can still be named.  ``changed`` is the time of the
    last change of any of its marks (UTC).
    """

    ref: Ref
    bookmarked: bool
    note: str
    tags: tuple[str, ...]
    changed: datetime.datetime
    label: str | None


@dataclass(frozen=True, slots=True)
class Marks:
    """What a list pane's icon column shows for one record."""

    bookmarked: bool
    noted: bool
    tagged: bool


@dataclass(frozen=True, slots=True)
class NoteRevision:
    """An earlier text of a note, kept when it was replaced by another instance, cleared,
    much shortened, or met a different text in an import.

    ``reason``: ``replaced``, ``cleared``, ``shortened``, ``imported`` (the import's text lost
    to a newer local one) or ``import-replaced`` (the local text lost to a newer import).
    """

    text: str
    saved: datetime.datetime
    reason: str


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """A search the user saved: its text and the pane filters (``filters`` is read-only)."""

    id: int
    name: str
    text: str
    filters: Mapping[str, str] = field(hash=False)
    created: datetime.datetime


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What :func:`db.notebook.import_json` changed (all zero: the file held nothing new)."""

    records_added: int = 0
    records_updated: int = 0
    notes_replaced: int = 0
    notes_kept_as_revision: int = 0
    tags_added: int = 0
    bookmarks_added: int = 0
    searches_added: int = 0

    @property
    def changed(self) -> bool:
        """True when the import changed anything."""
        return bool(self.records_added or self.records_updated or self.searches_added)


def frozen_filters(filters: Mapping[str, str]) -> Mapping[str, str]:
    """A read-only copy of ``filters`` (checked: strings only, bounded)."""
    if len(filters) > MAX_FILTERS:
        raise ValueError(_("a saved search has at most {n} filters").format(n=MAX_FILTERS))
    out: dict[str, str] = {}
    for k, v in filters.items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise ValueError(_("the filters of a saved search must be text"))
        out[clean_line(k, MAX_SEARCH_NAME)] = clean_line(v, MAX_SEARCH_TEXT)
    return MappingProxyType(out)


def clean_text(text: str, limit: int = MAX_NOTE) -> str:
    """Note text as stored: line ends as ``\\n``, no NUL, no lone surrogates; at most ``limit``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    text = text.encode("utf-8", "replace").decode("utf-8")
    if len(text) > limit:
        raise ValueError(_("a note holds at most {n:,} characters").format(n=limit))
    return text


def clean_line(text: str, limit: int) -> str:
    """One line of text (labels, tags, names): no control characters, spaces collapsed, cut."""
    text = _SPACE.sub(" ", _CONTROL.sub(" ", clean_text(text, 10 * limit + 1000))).strip()
    return text[:limit].rstrip()


def clean_tag(tag: str) -> str:
    """A tag as stored; raises ValueError for an empty or overlong one."""
    cleaned = clean_line(tag, MAX_TAG + 1)
    if not cleaned:
        raise ValueError(_("a tag cannot be empty"))
    if len(cleaned) > MAX_TAG:
        raise ValueError(_("a tag has at most {n} characters").format(n=MAX_TAG))
    return cleaned


def tag_key(tag: str) -> str:
    """What makes two tags the same tag: case and ё/е do not matter (``Trial`` = ``trial``)."""
    return fold(tag)


def fold(text: str) -> str:
    """Search key of a text: NFKC, case folded, ё → е (so Cyrillic matches whatever its case)."""
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")


def check_ref(ref: Ref) -> Ref:
    """``ref`` if a notebook may hold it: a known kind and a short one-line id; else ValueError."""
    if ref.kind not in KINDS:
        raise ValueError(
            _("a note can be about these kinds of record only: {kinds} (not “{kind}”)").format(
                kinds=", ".join(KINDS), kind=clean_line(str(ref.kind), 40)
            )
        )
    ident = ref.id
    if not isinstance(ident, str) or not ident or len(ident) > MAX_ID or not ident.isprintable():
        raise ValueError(_("“{id}” is not a record id").format(id=clean_line(str(ident), 80)))
    if ident != ident.strip():
        raise ValueError(_("“{id}” is not a record id").format(id=clean_line(ident, 80)))
    if ref.kind == "claim" and not _claim_pk(ident):
        raise ValueError(_("“{id}” is not a record id").format(id=clean_line(ident, 80)))
    return ref


def _claim_pk(ident: str) -> bool:
    """True for a claim id as the notebook writes it: a positive integer, no leading zero."""
    return ident.isascii() and ident.isdigit() and len(ident) <= 18 and str(int(ident)) == ident


def claim_ref(pk: int) -> Ref:
    """The notebook's reference to a claim (claims have integer keys in the archive)."""
    return Ref("claim", str(int(pk)))
