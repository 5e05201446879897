"""Times in the notebook: fixed-width UTC text that sorts as it reads, and back."""

from __future__ import annotations

import datetime

import pytest

from db.notebook.clock import from_text, parse_any, to_text, utc_now

UTC = datetime.UTC


def test_stored_times_are_utc_and_sort_as_text() -> None:
    moscow = datetime.timezone(datetime.timedelta(hours=3))
    a = datetime.datetime(2026, 12, 5, 13, 0, tzinfo=moscow)  # 10:00 UTC
    b = datetime.datetime(2026, 12, 5, 10, 0, 0, 1, tzinfo=UTC)
    assert to_text(a) == "2026-12-05T10:00:00.000000Z"
    assert to_text(a) < to_text(b)
    assert from_text(to_text(b)) == b


def test_a_naive_time_is_taken_as_utc() -> None:
    assert to_text(datetime.datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05.000000Z"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-05T10:00:00Z", "2026-12-05T10:00:00.000000Z"),
        ("2026-12-05T13:00:00+03:00", "2026-12-05T10:00:00.000000Z"),
        ("2026-12-05T10:00:00.5", "2026-12-05T10:00:00.500000Z"),
        ("2026-12-05", "2026-12-05T00:00:00.000000Z"),
    ],
)
def test_file_times_in_any_iso_form_are_read(text: str, expected: str) -> None:
    assert to_text(parse_any(text)) == expected


@pytest.mark.parametrize("text", ["yesterday", "", "2026-13-01T00:00:00Z"])
def test_other_text_is_no_time(text: str) -> None:
    with pytest.raises(ValueError):
        parse_any(text)
    with pytest.raises(ValueError):
        from_text(text)


def test_now_is_aware_utc() -> None:
    assert utc_now().tzinfo is UTC
