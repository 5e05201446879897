"""The generator: one ``random.Random(seed)`` driving every maker, chunk by chunk.

Everything is drawn from one ``random.Random(seed)`` (only its ``random()`` method, whose
sequence is stable across Python versions), in a fixed order: tribunal session days, the
sources, then per chunk of :data:`CHUNK` people their records, events and documents, and at
the end the published tallies.  The same seed and size therefore give the same rows, and
memory stays flat at any size.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from db.synth.claims import Citer
from db.synth.documents import DocumentMaker
from db.synth.events import EventMaker
from db.synth.names import Group, build_groups
from db.synth.names.pools import Pools
from db.synth.people import PersonMaker
from db.synth.records import Batch, Row, RowSink
from db.synth.sentences import SentenceMaker
from db.synth.sources import SourceMaker

#: People generated (and flushed to the sink) per chunk.
CHUNK = 4096

Tick = Callable[[int, int, int], None]


def source_count(people: int) -> int:
    """Sources of an archive of ``people`` people: one per 250, at least 40, at most 12,000."""
    return max(40, min(people // 250, 12_000))


class Generator:
    """Invents the records of a synthetic archive from one ``random.Random(seed)``."""

    def __init__(self, groups: Sequence[Group], people: int, seed: int) -> None:
        self.rng = rng = random.Random(seed)
        pools = Pools(groups)
        n_sources = source_count(people)
        self.citer = Citer(rng, n_sources)
        self.sentence_maker = SentenceMaker(rng, self.citer)  # draws the session days
        self.person_maker = PersonMaker(rng, pools, self.citer, self.sentence_maker)
        self.source_maker = SourceMaker(rng, self.person_maker.namer, pools, n_sources)
        self.event_maker = EventMaker(rng, self.citer, self.person_maker.staff)
        self.document_maker = DocumentMaker(rng, self.citer, pools)

    def sources(self) -> Iterator[Row]:
        """Bibliographic records (call first: they come before the people in the sequence)."""
        return self.source_maker.sources()

    def chunk(self, start: int, size: int) -> Batch:
        """Rows for people ``start .. start+size-1`` and their events and documents."""
        b = Batch()
        person = self.person_maker.person
        stubs = [person(i, b) for i in range(start, start + size)]
        self.event_maker.events(stubs, b, (start + size) // 2 - self.event_maker.made)
        self.document_maker.documents(stubs, b, (start + size) // 4 - self.document_maker.made)
        return b

    def tallies(self) -> Iterator[Row]:
        """Published counts per tribunal (call last: they count every verdict)."""
        return self.source_maker.tallies(self.sentence_maker.verdicts)


def generate(sink: RowSink, people: int, seed: int, tick: Tick | None = None) -> Counter[str]:
    """Stream a whole synthetic archive of ``people`` people into ``sink``; rows per table."""
    if people < 1:
        raise ValueError("a synthetic archive needs at least one person")
    gen = Generator(build_groups(), people, seed)
    counts: Counter[str] = Counter()

    def put(table: str, rows: Iterable[Sequence[object]]) -> None:
        batch = rows if isinstance(rows, list) else list(rows)
        counts[table] += len(batch)
        sink.insert(table, batch)

    put("source", gen.sources())
    done = 0
    while done < people:
        size = min(CHUNK, people - done)
        for table, rows in gen.chunk(done, size).tables():
            put(table, rows)
        done += size
        if tick is not None:
            tick(done, people, sum(counts.values()))
    put("tally", gen.tallies())
    return counts
