"""Generated events: tribunal sessions of the chunk's verdicts first (at most 40 accused
each), then single-person events around the arrests, until there are half as many events as
people; interrogations and confrontations name an investigator."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from db.synth.events import SESSION_SIZE
from tests.db.synth.collector import Collector
from tests.db.synth.conftest import GENERATED_PEOPLE

SESSION = re.compile(
    r"(Military Collegium session|Special Board \(OSO\) meeting): (.+?)(?: and (\d+) others?)?"
)
TRIBUNAL = {
    "Military Collegium session": "military-collegium",
    "Special Board (OSO) meeting": "special-board-oso",
}


def participants(generated: Collector) -> dict[object, list[tuple[object, object]]]:
    """``event id → [(person id, role)]``."""
    out: dict[object, list[tuple[object, object]]] = defaultdict(list)
    for row in generated.records("event_person"):
        out[row["event_id"]].append((row["person_id"], row["role"]))
    return out


def same_day(a: object, b: object) -> bool:
    """Two ISO dates of one day, each possibly cut to month or year precision."""
    return str(a).startswith(str(b)) or str(b).startswith(str(a))


def test_there_are_half_as_many_events_as_people_numbered_in_order(
    generated: Collector,
) -> None:
    ids = [e["id"] for e in generated.records("event")]
    assert ids == [f"ev-{k:07d}" for k in range(1, GENERATED_PEOPLE // 2 + 1)]


def test_the_tribunal_sessions_come_first(generated: Collector) -> None:
    is_session = [bool(SESSION.fullmatch(str(e["title"]))) for e in generated.records("event")]
    first_other = is_session.index(False)
    assert first_other > 0 and not any(is_session[first_other:])


def test_every_tribunal_verdict_has_exactly_one_session_event(generated: Collector) -> None:
    verdicts = {
        s["person_id"]: s
        for s in generated.records("sentence")
        if s["stage"] == "verdict" and s["tribunal"] in TRIBUNAL.values()
    }
    who = participants(generated)
    seated: Counter[object] = Counter()
    for event in generated.records("event"):
        match = SESSION.fullmatch(str(event["title"]))
        if match is None:
            continue
        accused = who[event["id"]]
        assert 1 <= len(accused) <= SESSION_SIZE
        assert len(accused) == 1 + int(match[3] or 0)  # "… and N others"
        for person, role in accused:
            assert role == "accused"
            assert verdicts[person]["tribunal"] == TRIBUNAL[match[1]]
            assert same_day(verdicts[person]["date"], event["date"])
            seated[person] += 1
    assert seated == Counter(list(verdicts))


def test_a_session_with_two_accused_says_one_other(generated: Collector) -> None:
    titles = [str(e["title"]) for e in generated.records("event")]
    assert any(t.endswith(" and 2 others") for t in titles)
    assert not [t for t in titles if t.endswith(" and 1 others")]


def test_the_date_text_matches_the_date_precision(generated: Collector) -> None:
    shape = {"day": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d", "year": r"\d{4}"}
    events = generated.records("event")
    for event in events:
        assert re.fullmatch(shape[str(event["date_precision"])], str(event["date"])), event
    precisions = Counter(e["date_precision"] for e in events)
    assert 0.86 < precisions["day"] / len(events) < 0.94  # 90 % to the day


def test_events_fall_between_the_first_arrests_and_the_last_transfers(
    generated: Collector,
) -> None:
    # Arrests run from 12 December 1934 to 29 July 1935; transfers follow within 220 days.
    dates = [str(e["date"]) for e in generated.records("event")]
    assert min(dates) >= "1934-12" and max(dates) <= "1936-03-06"


def test_an_interrogation_names_an_investigator_who_is_one(generated: Collector) -> None:
    roles = {p["id"]: p["role"] for p in generated.records("person")}
    who = participants(generated)
    interrogations = [
        e for e in generated.records("event") if str(e["title"]).startswith("Interrogation of ")
    ]
    assert interrogations
    for event in interrogations:
        accused = [p for p, role in who[event["id"]] if role == "accused"]
        staff = [p for p, role in who[event["id"]] if role == "investigator"]
        assert len(accused) == 1 and len(staff) <= 1
        assert all(roles[p] == "investigator" for p in staff)
    assert any(role == "investigator" for e in interrogations for _, role in who[e["id"]])


def test_a_confrontation_is_between_two_different_accused(generated: Collector) -> None:
    who = participants(generated)
    confrontations = [
        e for e in generated.records("event") if str(e["title"]).startswith("Confrontation ")
    ]
    assert confrontations
    for event in confrontations:
        accused = [p for p, role in who[event["id"]] if role == "accused"]
        assert len(accused) == 2 and accused[0] != accused[1]
