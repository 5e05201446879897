"""Sentences of generated people: the 1935 verdict, commutations and later sentences.

About 60 % of people get a 1935 verdict, most of them from the Special Board (OSO), some from
the Military Collegium, on one of the tribunal's session days after their arrest.  A death
sentence is sometimes commuted; other people are sentenced again in 1937–38 or after the war.
Each sentence also yields the person's later fate and year of death, when known.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections import Counter
from datetime import date

from db.synth.claims import Citer
from db.synth.dates import DAY0, day_text, iso, year_of
from db.synth.records import Batch, Stub
from db.synth.vocabulary import CHARGES, EXILE, PRISONS, VERDICTS

#: Chance of a 1935 verdict by role (everyone else: 2 %).
VERDICT_CHANCE = {"defendant": 0.78, "relative": 0.3}
#: 5 August 1937: the troikas of the mass operations start passing sentences.
TROIKA_START = date(1937, 8, 5).toordinal()


class SentenceMaker:
    """Writes sentence rows and tells the caller what became of the person.

    ``verdicts`` counts the 1935 verdicts by (tribunal, kind, years); the published tallies
    are derived from it at the end.
    """

    def __init__(self, rng: random.Random, citer: Citer) -> None:
        self.rng = rng
        self.citer = citer
        r = rng.random
        self.sessions = {
            "military-collegium": sorted({DAY0 + 40 + int(r() * 320) for _ in range(60)}),
            "special-board-oso": sorted({DAY0 + 30 + int(r() * 330) for _ in range(140)}),
            "unknown": sorted({DAY0 + 30 + int(r() * 330) for _ in range(200)}),
        }
        self.verdicts: Counter[tuple[str, str, int | None]] = Counter()

    def sentences(self, b: Batch, stub: Stub) -> tuple[str | None, int | None]:
        """The 1935 verdict (≈ 60 % of people), commutations and later sentences.

        Returns the later fate (prose) and the year of death, either possibly None.
        """
        r = self.rng.random
        if r() >= VERDICT_CHANCE.get(stub.role, 0.02):
            return None, None
        years: int | None
        if stub.role == "relative":
            tribunal, kind, years = "special-board-oso", "camp", (5, 8)[int(r() * 2)]
        else:
            x = r()
            tribunal = (
                "military-collegium" if x < 0.3 else "special-board-oso" if x < 0.9 else "unknown"
            )
            kind, years = self._verdict_kind(tribunal)
        sessions = self.sessions[tribunal]
        day = sessions[
            min(bisect_right(sessions, stub.arrest + 30 + int(r() * 120)), len(sessions) - 1)
        ]
        stub.verdict = (tribunal, day, kind, years)
        self.verdicts[(tribunal, kind, years)] += 1
        sid = f"s-{stub.id}-1935"
        precision = "day" if r() < 0.85 else "month" if r() < 0.67 else "year"
        notes = None
        if stub.role == "relative":
            notes = "Sentenced as a member of a traitor's family (ChSIR)."
        elif r() < 0.12:
            notes = f"Charged with {CHARGES[int(r() * len(CHARGES))]}."
        conf = ("high", "medium", "low")[int(r() * 3)]
        b.sentence.append(
            (
                sid,
                stub.id,
                "verdict",
                tribunal,
                iso(day, precision),
                precision,
                kind,
                years,
                notes,
                conf,
            )
        )
        self.citer.cite(b.claim, "sentence", sid, conf, 0.3)
        if r() < 0.03:
            alt = (str(years), str(years + 2 + int(r() * 3))) if years else ("death", "camp")
            self.citer.dispute(
                b.claim,
                "sentence",
                sid,
                "years" if years else "kind",
                alt,
                "The published list gives a different sentence.",
            )
        return self._fate(b, stub, tribunal, day, kind, years)

    def _fate(
        self, b: Batch, stub: Stub, tribunal: str, day: int, kind: str, years: int | None
    ) -> tuple[str | None, int | None]:
        """What followed the verdict: commutation, execution, a later sentence, release…"""
        r = self.rng.random
        fate: str | None = None
        death: int | None = None
        if kind == "death" and r() < 0.12:
            later = day + 10 + int(r() * 50)
            cid = f"s-{stub.id}-1935-commuted"
            b.sentence.append(
                (
                    cid,
                    stub.id,
                    "commutation",
                    tribunal,
                    iso(later),
                    "day",
                    "camp",
                    10,
                    "Death sentence commuted to ten years.",
                    "medium",
                )
            )
            self.citer.cite(b.claim, "sentence", cid, "medium", 0.0)
            fate = "Death sentence commuted to ten years in the camps."
        elif kind == "death":
            shot = day + int(r() * 5)
            death = year_of(shot)
            fate = f"Shot on {day_text(shot)}."
        elif r() < 0.12:
            fate, death = self._later(b, stub, day)
        elif r() < 0.6:
            y = year_of(day) + (years or 1) + int(r() * 3)
            fate = (
                f"Released in {y}."
                if r() < 0.5
                else f"Died in {PRISONS[int(r() * len(PRISONS))]} in {y - 1}."
                if kind in ("camp", "prison")
                else f"Lived in exile in {EXILE[int(r() * len(EXILE))]} until {y}."
            )
            if fate.startswith("Died"):
                death = y - 1
        if fate and r() < 0.6:
            fate += f" Rehabilitated in {1956 + int(r() * 36)}."
        return fate, death

    def _verdict_kind(self, tribunal: str) -> tuple[str, int | None]:
        r = self.rng.random
        x = r()
        options = VERDICTS[tribunal]
        choice = options[-1]
        for option in options:
            x -= option[1]
            if x < 0:
                choice = option
                break
        kind, _, years = choice
        return kind, years[int(r() * len(years))] if years else None

    def _later(self, b: Batch, stub: Stub, after: int) -> tuple[str, int | None]:
        """A second sentence: the 1937–38 troikas, or a tribunal years later."""
        r = self.rng.random
        if r() < 0.5:
            tribunal, day = "nkvd-troika", TROIKA_START + int(r() * 470)
            kind, years = ("death", None) if r() < 0.6 else ("camp", 10)
        else:
            tribunal = ("special-board-oso", "military-collegium", "unknown")[int(r() * 3)]
            day = after + 400 + int(r() * 5000)
            late = year_of(day) >= 1947
            kind = "death" if r() < 0.2 and not late else "camp"
            years = (
                None
                if kind == "death"
                else (10, 15, 20, 25)[int(r() * 4)]
                if late
                else (5, 8, 10)[int(r() * 3)]
            )
        lid = f"s-{stub.id}-later"
        b.sentence.append(
            (lid, stub.id, "later", tribunal, iso(day), "day", kind, years, None, "medium")
        )
        self.citer.cite(b.claim, "sentence", lid, "medium", 0.0)
        if kind == "death":
            return f"Sentenced again and shot on {day_text(day)}.", year_of(day)
        return f"Sentenced again in {year_of(day)} ({years} years).", None
