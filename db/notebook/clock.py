"""Times in the notebook: UTC, stored as fixed-width ISO text that sorts as it reads."""

from __future__ import annotations

import datetime
from collections.abc import Callable

#: Returns the current time (aware, any zone); tests pass their own.
Clock = Callable[[], datetime.datetime]

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utc_now() -> datetime.datetime:
    """Now, in UTC."""
    return datetime.datetime.now(datetime.UTC)


def to_text(when: datetime.datetime) -> str:
    """``2026-12-05T10:11:12.000000Z`` (naive times are taken as UTC)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return when.astimezone(datetime.UTC).strftime(_FORMAT)


def from_text(text: str) -> datetime.datetime:
    """The stored form back as an aware UTC datetime; ValueError for anything else."""
    return datetime.datetime.strptime(text, _FORMAT).replace(tzinfo=datetime.UTC)


def parse_any(text: str) -> datetime.datetime:
    """An ISO 8601 time from a file (``Z`` or an offset; naive is UTC), as aware UTC."""
    when = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return when.astimezone(datetime.UTC)
