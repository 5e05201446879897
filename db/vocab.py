"""Controlled vocabularies of the archive and their display labels (no I/O).

Kept in one place so that the builder validates against the same values the UI shows, and so
that outcome categories (chart bars, People-pane filters) have exactly one definition.
"""

from __future__ import annotations

import calendar

ROLES: dict[str, str] = {
    "defendant": "defendant",
    "investigator": "investigator",
    "official": "official",
    "alleged-instigator": "alleged instigator",
    "witness": "witness",
    "relative": "relative",
    "researcher": "researcher",
    "other": "other",
}

TRIBUNALS: dict[str, str] = {
    "military-collegium": "Military Collegium",
    "special-board-oso": "Special Board (OSO)",
    "nkvd-troika": "NKVD troika",
    "unknown": "tribunal unknown",
    "none": "—",
}

#: Relation kinds whose words are not simply the key with spaces for hyphens.
RELATION_PHRASES: dict[str, str] = {
    "ex-wife": "ex-wife",
    "ex-husband": "ex-husband",
    "former-sister-in-law": "former sister-in-law",
    "alleged-co-conspirator": "alleged co-conspirator",
    "recruited-by-alleged": "allegedly recruited by",
}


#: Relations that are things one person did to the other: "A blamed B", not "A is … of B".
VERB_RELATIONS: frozenset[str] = frozenset({"blamed"})


def relation_words(relation: str) -> str:
    """Words of a relation: ``former-sister-in-law`` → ``former sister-in-law``."""
    return RELATION_PHRASES.get(relation) or relation.replace("-", " ")


def relation_phrase(relation: str) -> str:
    """The relation as words with its preposition: ``brother of``, ``accused by``, ``blamed``."""
    rel = relation_words(relation)
    last = rel.rsplit(" ", 1)[-1]
    if relation in VERB_RELATIONS or last in ("of", "by", "to", "with", "after"):
        return rel
    return f"{rel} of"


#: Scopes of published tallies that are not tribunals (a proposal, a decision).
TALLY_SCOPES: dict[str, str] = {
    "all": "all",
    "yagoda-proposal": "Yagoda's proposal",
    "stalin-decision": "Stalin's decision",
}


def tally_scope(key: str) -> str:
    """Readable scope of a published tally: a tribunal, ``all``, or a proposal/decision."""
    return TALLY_SCOPES.get(key) or TRIBUNALS.get(key) or key


SENTENCE_KINDS: dict[str, str] = {
    "death": "death",
    "prison": "prison",
    "camp": "camp",
    "exile": "exile",
    "ban-on-residence": "ban on residence",
    "none": "none",
    "unknown": "unknown",
}

STAGES: dict[str, str] = {
    "verdict": "1935 verdict",
    "commutation": "commutation",
    "later": "later sentence",
}

CONFIDENCE = ("high", "medium", "low")
PRECISIONS = ("day", "month", "year")


def sentence_label(kind: str, years: int | None) -> str:
    """``10 years prison``, ``death``, ``2 years exile``, ``4 years, kind of sentence unknown``."""
    if kind == "none":
        return "no sentence"
    if kind == "death":
        return "death"
    label = SENTENCE_KINDS.get(kind, kind)
    if years is None:
        return label
    term = f"{years} year" + ("" if years == 1 else "s")
    if kind == "unknown":
        return f"{term}, kind of sentence unknown"
    return f"{term} {label}"


def outcome_key(kind: str, years: int | None) -> str:
    """Chart category of a verdict: death, ``term:N`` (prison/camp), exile, ban, none, unknown."""
    if kind == "death":
        return "death"
    if kind in ("prison", "camp"):
        return f"term:{years}" if years is not None else "term:?"
    if kind == "exile":
        return "exile"
    if kind == "ban-on-residence":
        return "ban"
    if kind == "none":
        return "none"
    return "unknown"


def outcome_label(key: str) -> str:
    """Axis label of a chart category key."""
    if key.startswith("term:"):
        n = key[5:]
        return "prison/camp, term unknown" if n == "?" else f"{n} yrs"
    return {
        "death": "death",
        "exile": "exile",
        "ban": "ban on residence",
        "none": "none / released",
        "unknown": "unknown",
        "no-verdict": "no verdict",
    }.get(key, key)


def outcome_order(key: str) -> int:
    """Position of a category on the chart axis: death, longest term … shortest, exile, …"""
    if key == "death":
        return 0
    if key.startswith("term:"):
        n = key[5:]
        return 100 - int(n) if n.isdigit() else 99
    return {"exile": 200, "ban": 201, "none": 202, "unknown": 203}.get(key, 300)


def format_date(date: str | None, precision: str | None) -> str:
    """Show an ISO date at its precision: ``26 March 1935``, ``March 1935``, ``1935``."""
    if not date:
        return "date unknown"
    parts = date.split("-")
    try:
        year = int(parts[0])
        if precision == "year" or len(parts) == 1:
            return str(year)
        month = calendar.month_name[int(parts[1])]
        if precision == "month" or len(parts) == 2:
            return f"{month} {year}"
        return f"{int(parts[2])} {month} {year}"
    except (ValueError, IndexError):
        return date
