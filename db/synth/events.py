"""Generated events: tribunal sessions, arrests, searches, interrogations, confrontations.

A chunk's events start with the sessions that passed its 1935 verdicts (up to 40 accused per
event), then single-person events around each arrest until the archive holds about half as
many events as people.  Interrogations and confrontations name a recent investigator.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterable

from db.synth.claims import Citer
from db.synth.dates import iso
from db.synth.records import Batch, Stub
from db.synth.vocabulary import PRISONS, TRIBUNAL_RU

#: Accused per tribunal-session event at most.
SESSION_SIZE = 40


class EventMaker:
    """Writes event, participant and claim rows; ``staff`` is the people maker's deque."""

    def __init__(self, rng: random.Random, citer: Citer, staff: deque[Stub]) -> None:
        self.rng = rng
        self.citer = citer
        self.staff = staff
        self.made = 0

    def _event(
        self,
        b: Batch,
        day: int,
        title: str,
        summary: str | None,
        people: Iterable[tuple[Stub, str]],
    ) -> None:
        r = self.rng.random
        self.made += 1
        eid = f"ev-{self.made:07d}"
        precision = "day" if r() < 0.9 else "month" if r() < 0.8 else "year"
        b.event.append((eid, iso(day, precision), precision, title, summary))
        b.event_person.extend([(eid, stub.id, role) for stub, role in people])
        self.citer.cite(b.claim, "event", eid, None, 0.3)

    def events(self, stubs: list[Stub], b: Batch, target: int) -> None:
        """Tribunal sessions of the chunk's verdicts first, then single-person events."""
        made = self._sessions(stubs, b, target)
        r = self.rng.random
        staff_pool = self.staff
        while made < target:
            s = stubs[int(r() * len(stubs))]
            x = r()
            staff = staff_pool[int(r() * len(staff_pool))] if staff_pool else None
            if x < 0.35:
                self._event(
                    b,
                    s.arrest,
                    f"Arrest of {s.en_short}",
                    f"{s.en_short} was arrested." if r() < 0.4 else None,
                    [(s, "accused")],
                )
            elif x < 0.45:
                self._event(
                    b, s.arrest, f"Search at the flat of {s.en_short}", None, [(s, "accused")]
                )
            elif x < 0.70:
                people = [(s, "accused")] + ([(staff, "investigator")] if staff else [])
                self._event(
                    b, s.arrest + 1 + int(r() * 60), f"Interrogation of {s.en_short}", None, people
                )
            elif x < 0.80:
                o = stubs[int(r() * len(stubs))]
                if o is s:
                    continue
                people = [(s, "accused"), (o, "accused")] + (
                    [(staff, "investigator")] if staff else []
                )
                self._event(
                    b,
                    s.arrest + 5 + int(r() * 60),
                    f"Confrontation between {s.en_short} and {o.en_short}",
                    None,
                    people,
                )
            elif x < 0.92:
                people = [(s, "witness")] + ([(staff, "investigator")] if staff else [])
                self._event(
                    b,
                    s.arrest + int(r() * 90),
                    f"Questioning of witness {s.en_short}",
                    None,
                    people,
                )
            else:
                where = PRISONS[int(r() * len(PRISONS))]
                self._event(
                    b,
                    s.arrest + 20 + int(r() * 200),
                    f"Transfer of {s.en_short} to {where}",
                    None,
                    [(s, "accused")],
                )
            made += 1

    def _sessions(self, stubs: list[Stub], b: Batch, target: int) -> int:
        """One event per tribunal session day (split by :data:`SESSION_SIZE`); how many made."""
        sessions: dict[tuple[str, int], list[Stub]] = {}
        for s in stubs:
            if s.verdict and s.verdict[0] in TRIBUNAL_RU:
                sessions.setdefault((s.verdict[0], s.verdict[1]), []).append(s)
        made = 0
        for (tribunal, day), members in sessions.items():
            for k in range(0, len(members), SESSION_SIZE):
                if made >= target:
                    return made
                part = members[k : k + SESSION_SIZE]
                others = len(part) - 1
                rest = f" and {others} other{'s' if others > 1 else ''}" if others else ""
                self._event(
                    b,
                    day,
                    f"{TRIBUNAL_RU[tribunal][1]}: {part[0].en_short}{rest}",
                    None,
                    [(m, "accused") for m in part],
                )
                made += 1
        return made
