"""What a command says when an id names no record: the records a search for the same text
finds by name, with their ids, so that ``show Mukhanova`` answers ``mukhanova-ekaterina``."""

from __future__ import annotations

from typing import Any

from db.i18n import _
from db.search.find import search
from db.search.translit import MAX_QUERY_CHARS

#: Records offered at most.
MAX_SUGGESTIONS = 3
#: The weakest search rank offered: a name, a spelling or a form of it, a title's words (a
#: person whose summary merely mentions the name is not what an id was meant to name).
NAMED_RANK = 3


def suggestion(conn: Any, text: str, kinds: tuple[str, ...] = ()) -> str:
    """A line offering the ids of the records ``text`` names as a search — the first kind
    (people first; only ``kinds``, if given) with such records — or '' when there are none."""
    if not text.strip() or len(text) > MAX_QUERY_CHARS:
        return ""
    results = search(conn, text, limit=MAX_SUGGESTIONS * 2)
    hits = next(
        (
            named
            for g in results.groups
            if not kinds or g.kind in kinds
            if (named := [h for h in g.hits if h.rank <= NAMED_RANK])
        ),
        [],
    )
    if not hits:
        return ""
    offered = "; ".join(f"{h.ref.id} ({h.label})" for h in hits[:MAX_SUGGESTIONS])
    return _("did you mean {ids}? (`kremlin-archive search` finds records by any word)").format(
        ids=offered
    )
