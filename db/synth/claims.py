"""Source citations of generated records: record claims and field-level disputes.

Every record cites one source, sometimes two or three (each at most once); the sources are
drawn Zipf-like, so a few Books of Memory back many records and most sources only a few.  A
dispute is two sources giving two values for one field, which the detail views show as a
conflict.
"""

from __future__ import annotations

import random

from db.synth.names import Zipf
from db.synth.records import Row


def source_ids(count: int) -> list[str]:
    """``src-00001`` … the ids of the generated sources."""
    return [f"src-{k:05d}" for k in range(1, count + 1)]


class Citer:
    """Appends claim rows (``db.build.STAGING["claim"]`` order) to a chunk's claim list."""

    def __init__(self, rng: random.Random, sources: int) -> None:
        self.random = rng.random
        self.sources = Zipf(source_ids(sources), q=8.0)

    def cite(
        self, claims: list[Row], kind: str, subject: str, confidence: str | None, extra: float = 0.4
    ) -> None:
        """Record claims: one source, a second with chance ``extra``, a third with ``extra/4``."""
        r = self.random
        n = 1 + (r() < extra) + (r() < extra / 4)
        pick = self.sources.pick_u
        first = pick(r())
        claims.append(
            (
                kind,
                subject,
                "record",
                None,
                first,
                f"p. {1 + int(r() * 600)}" if r() < 0.3 else None,
                None,
                confidence,
            )
        )
        if n == 1:
            return
        picked = [first]
        for _ in range(n - 1):
            s = pick(r())
            if s not in picked:
                picked.append(s)
                claims.append(
                    (
                        kind,
                        subject,
                        "record",
                        None,
                        s,
                        f"p. {1 + int(r() * 600)}" if r() < 0.3 else None,
                        None,
                        confidence,
                    )
                )

    def dispute(
        self,
        claims: list[Row],
        kind: str,
        subject: str,
        field: str,
        values: tuple[str, str],
        note: str,
    ) -> None:
        """Two sources, two values: what the detail view shows as a conflict."""
        s1 = self.sources.pick_u(self.random())
        s2 = self.sources.pick_u(self.random())
        if s2 == s1:
            s2 = "tally-article"
        claims.append((kind, subject, field, values[0], s1, None, None, "medium"))
        claims.append((kind, subject, field, values[1], s2, None, note, "low"))
