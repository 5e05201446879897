"""Synthetic archives at Memorial scale, built by the same code as the bundled archive.

``python -m db.synth --people 3000000 --out big.sqlite`` streams invented records into
:class:`db.build.ArchiveWriter` — the writer ``python -m db.build`` uses — so the result has
exactly the bundled archive's schema, ranks, indexes and search tables.  The content mimics
a database of victims of political terror: Cyrillic full names with Zipf-distributed
surnames (:mod:`db.synth_names`), transliterations and ё/е spellings, Polish, German, Baltic
and Georgian names with their national Latin spellings, 1935 verdicts of the Military
Collegium and the Special Board, later sentences, relations, events (≈ N/2), documents
(≈ N/4) with declined names in their titles, sources, record claims for every record,
field-level disputes and published tallies for both tribunals.

Everything is drawn from one ``random.Random(seed)`` (only its ``random()`` method, whose
sequence is stable across Python versions): the same seed and size give a byte-identical
file.  Rows are generated in chunks of :data:`CHUNK` people, so memory stays flat at any N.
:func:`cached_archive` keeps built archives under ``.cache/`` for benchmarks and slow tests.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sqlite3
import sys
import time
from bisect import bisect_right
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Protocol, TextIO

from db import vocab
from db.build import REPO_ROOT, ArchiveWriter, sort_name
from db.synth_names import (
    TOP_SURNAME_SHARE,
    Given,
    Group,
    Namer,
    Surname,
    Zipf,
    build_groups,
)

#: People generated (and flushed to the writer) per chunk.
CHUNK = 4096
#: Where :func:`cached_archive` keeps archives: ``.cache/synth-<N>-seed<S>.sqlite``.
CACHE_DIR = REPO_ROOT / ".cache"
#: Bump when the generated content changes in a way the code fingerprint cannot see.
SYNTH_VERSION = 1

Progress = Callable[[str], None]


class RowSink(Protocol):
    """What the generator writes to: :class:`ArchiveWriter` or a test's collector."""

    def insert(self, table: str, rows: Iterable[Sequence[object]]) -> None: ...


# -- build + progress ----------------------------------------------------------------------

PHASES = (("numbering", "numbering"), ("indexing", "indexes"), ("outcome", "outcome summary"),
          ("search", "search index"), ("analys", "analyse"), ("compacting", "vacuum"))


class BuildLog:
    """Timestamped progress on a stream; remembers phase starts for :meth:`phase_split`."""

    def __init__(self, stream: TextIO | None, interval: float = 2.0) -> None:
        self.stream = stream
        self.interval = interval
        self.t0 = time.monotonic()
        self._last_tick = self.t0
        self.marks: list[tuple[float, str]] = [(0.0, "staging")]

    def elapsed(self) -> float:
        """Seconds since the log started."""
        return time.monotonic() - self.t0

    def _print(self, text: str) -> None:
        if self.stream is not None:
            print(f"[{self.elapsed():8.1f}s] {text}", file=self.stream, flush=True)

    def message(self, text: str) -> None:
        """A writer progress message (also starts a phase when it names one)."""
        for prefix, phase in PHASES:
            if text.startswith(prefix) and self.marks[-1][1] != phase:
                self.marks.append((self.elapsed(), phase))
        self._print(text)

    def tick(self, done: int, total: int, rows: int) -> None:
        """Generation progress; printed at most every ``interval`` seconds."""
        now = time.monotonic()
        if now - self._last_tick < self.interval and done < total:
            return
        self._last_tick = now
        spent = now - self.t0
        rate = rows / spent if spent else 0.0
        eta = spent * (total - done) / done if done else 0.0
        self._print(f"generated {done:,}/{total:,} people ({100 * done / total:.0f} %), "
                    f"{rows:,} rows, {rate:,.0f} rows/s, staging ETA {eta:,.0f} s")

    def phase_split(self, end: float) -> list[tuple[str, float]]:
        """``[(phase, seconds)]`` from the recorded phase starts up to ``end``."""
        marks = [*self.marks, (end, "")]
        return [(name, marks[i + 1][0] - t) for i, (t, name) in enumerate(marks[:-1])]


@dataclass(frozen=True)
class BuildReport:
    """Outcome of one synthetic build: file, size, wall time, phases, rows, peak RSS."""

    path: Path
    size: int
    seconds: float
    phases: list[tuple[str, float]]
    rows: Counter[str]
    peak_rss_mib: float | None

    def lines(self) -> list[str]:
        """Human-readable summary."""
        rss = f"{self.peak_rss_mib:,.0f} MiB" if self.peak_rss_mib is not None else "n/a"
        split = ", ".join(f"{name} {sec:.1f} s" for name, sec in self.phases)
        rows = ", ".join(f"{t} {n:,}" for t, n in self.rows.items())
        return [f"wrote {self.path} ({self.size / 2**20:,.1f} MiB) in {self.seconds:.1f} s, "
                f"peak RSS {rss}", f"phases: {split}", f"rows: {rows}"]


def peak_rss_mib() -> float | None:
    """Peak resident set size of this process (None where ``resource`` is missing)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def meta_for(people: int, seed: int) -> dict[str, str]:
    """Archive metadata of a synthetic build (marks it as invented data)."""
    return {
        "title": f"Synthetic archive: {people:,} invented people (seed {seed})",
        "title_ru": f"Синтетический архив: {people:,} вымышленных лиц".replace(",", " "),
        "data_version": f"synth-{people}-seed{seed}",
        "description": "Generated by db.synth for scale tests. Every person, event, document "
                       "and source in it is invented; nothing here is a historical record.",
        "synthetic": "1",
        "synth_fingerprint": fingerprint(),
    }


def build_synthetic(people: int, out: Path, seed: int = 1,
                    log: BuildLog | None = None) -> BuildReport:
    """Generate ``people`` people with ``seed`` and build the archive at ``out``."""
    log = log or BuildLog(None)
    writer = ArchiveWriter(out, meta_for(people, seed), log.message)
    try:
        rows = generate(writer, people, seed, log.tick)
        log.message(f"generated {sum(rows.values()):,} staging rows")
        writer.finish()
    except BaseException:
        writer.abort()
        raise
    end = log.elapsed()
    return BuildReport(out, out.stat().st_size, end, log.phase_split(end), rows, peak_rss_mib())


# -- cache ---------------------------------------------------------------------------------

_IMPORT = re.compile(r"^\s*(?:from db(?:\.(\w+))? import ([\w, ()]+)|import db\.(\w+))", re.M)


def _build_modules() -> list[Path]:
    """db modules the synthetic build runs, following ``from db import …`` lines."""
    root = Path(__file__).resolve().parent
    todo, seen = ["synth"], set()
    while todo:
        name = todo.pop()
        path = root / f"{name}.py"
        if name in seen or not path.is_file():
            continue
        seen.add(name)
        for sub, names, plain in _IMPORT.findall(path.read_text(encoding="utf-8")):
            if sub or plain:
                todo.append(sub or plain)
            else:
                todo.extend(n.strip(" ()") for n in names.split(","))
    return sorted(root / f"{n}.py" for n in seen)


def fingerprint() -> str:
    """Hash of the code that shapes a synthetic archive (stale caches are rebuilt)."""
    h = hashlib.sha256(f"{SYNTH_VERSION} {sqlite3.sqlite_version}".encode())
    for path in _build_modules():
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:20]


def cache_path(people: int, seed: int = 1, cache_dir: Path | None = None) -> Path:
    """``<cache_dir>/synth-<people>-seed<seed>.sqlite``."""
    return (cache_dir or CACHE_DIR) / f"synth-{people}-seed{seed}.sqlite"


def _cached_fingerprint(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'synth_fingerprint'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def cached_archive(n: int, seed: int = 1, cache_dir: Path | None = None,
                   log: BuildLog | None = None) -> Path:
    """The archive of ``n`` people for ``seed``, built now unless a current one is cached.

    A cached file built by other code (its fingerprint differs) is rebuilt.  Two processes
    racing here both build; the writer's atomic rename keeps the file whole either way.
    """
    path = cache_path(n, seed, cache_dir)
    if path.is_file() and _cached_fingerprint(path) == fingerprint():
        return path
    return build_synthetic(n, path, seed, log).path


# -- vocabulary of the invented records ----------------------------------------------------

OCCUPATIONS = (
    "collective farmer", "factory worker", "railway worker", "clerk", "accountant", "teacher",
    "engineer", "student", "typist", "driver", "joiner", "tailor", "shoemaker", "miner",
    "agronomist", "doctor", "nurse", "priest", "journalist", "economist", "foreman", "housewife",
    "Red Army commander", "Kremlin cleaner", "librarian", "courier", "guard", "party official",
    "trade-union official", "bookkeeper", "locksmith", "telephone operator", "translator",
    "shop assistant", "sailor", "statistician", "chemist", "archivist", "editor", "cook")
ORGANISATIONS = (
    "Kremlin Commandant's Office", "Government Library", "Secretariat of the Central Executive "
    "Committee (TsIK)", "People's Commissariat of Heavy Industry", "People's Commissariat of "
    "Defence", "'Serp i Molot' works, Moscow", "'Krasny Proletary' factory, Moscow",
    "Moscow–Kursk railway", "'Put' Ilyicha' collective farm", "Moscow State University",
    "Academia publishing house", "Red Army", "Comintern", "Gosplan", "State Bank",
    "'Pravda' newspaper", "Leningrad port", "Kirov works, Leningrad", "Donbass coal trust",
    "Moscow city soviet", "People's Commissariat of Agriculture", "Tsentrosoyuz",
    "Intelligence Directorate of the Red Army", "Moscow Conservatory", "Bolshoi Theatre")
STAFF = (("investigator", "GUGB NKVD, Secret Political Department"),
         ("senior investigator", "GUGB NKVD, Special Department"),
         ("operative", "Moscow regional NKVD directorate"),
         ("investigator", "Leningrad regional NKVD directorate"))
OFFICIALS = (("deputy people's commissar", "People's Commissariat of Heavy Industry"),
             ("party secretary", "Moscow city party committee"),
             ("head of department", "Central Executive Committee (TsIK)"),
             ("prosecutor", "USSR Prosecutor's Office"))
PLACES = (
    "Tver province", "Moscow", "Leningrad", "Smolensk province", "Kiev", "Kharkov", "Minsk",
    "Riga", "Vilna province", "Tiflis", "Erivan", "Kazan", "Saratov province", "Samara province",
    "Nizhny Novgorod", "Ryazan province", "Tula province", "Kursk province", "Orel province",
    "Voronezh province", "Tambov province", "Penza province", "Yaroslavl province",
    "Vologda province", "Perm province", "Ufa province", "Odessa", "Poltava province",
    "Chernigov province", "Vitebsk province", "Mogilev province", "Warsaw", "Kovno province",
    "Courland province", "Kutais province", "Baku", "Saratov (Volga German region)")
CITIES = ("Moscow", "Moscow", "Moscow", "Leningrad", "Kiev", "Kharkov", "Minsk", "Tiflis",
          "Kazan", "Gorky", "Sverdlovsk", "Novosibirsk", "Rostov-on-Don", "Smolensk")
CHARGES = ("counter-revolutionary agitation (art. 58-10)",
           "membership of a counter-revolutionary group (art. 58-11)",
           "preparing a terrorist act (art. 58-8)", "espionage (art. 58-6)",
           "failure to report a crime (art. 58-12)", "wrecking (art. 58-7)")
PRISONS = ("Butyrka prison", "Lefortovo prison", "the inner prison of the NKVD",
           "the Solovki camp", "Dmitlag", "Siblag", "Karlag", "Ukhtpechlag", "Belbaltlag")
EXILE = ("Kazakhstan", "the Krasnoyarsk region", "Arkhangelsk", "Tomsk", "Ufa", "Saratov")
REGIONS = (
    "Тверской области", "Смоленской области", "Республики Татарстан", "Саратовской области",
    "Красноярского края", "Новосибирской области", "Курской области", "Калужской области",
    "Рязанской области", "Омской области", "Пермской области", "Ярославской области",
    "Воронежской области", "Удмуртской Республики", "Алтайского края", "Челябинской области",
    "Свердловской области", "Оренбургской области", "Томской области", "Ивановской области",
    "Владимирской области", "Тульской области", "Тамбовской области", "Пензенской области",
    "Самарской области", "Нижегородской области", "Кировской области", "Вологодской области",
    "Архангельской области", "Республики Коми", "Республики Карелия", "Псковской области",
    "Новгородской области", "Брянской области", "Орловской области", "Ростовской области",
    "Краснодарского края", "Астраханской области", "Республики Башкортостан",
    "Чувашской Республики", "Иркутской области", "Кемеровской области", "Костромской области")
RELATIONS_OTHER = ("accused-by", "implicated-by", "alleged-co-conspirator", "friend",
                   "subordinate-of", "recruited-by-alleged")
TRIBUNAL_RU = {
    "military-collegium": ("Приговор Военной коллегии Верховного суда СССР по делу",
                           "Military Collegium session"),
    "special-board-oso": ("Выписка из протокола Особого совещания при НКВД СССР по делу",
                          "Special Board (OSO) meeting"),
}
#: (kind, weight, year choices) per tribunal of a 1935 verdict.
VERDICTS: dict[str, tuple[tuple[str, float, tuple[int, ...]], ...]] = {
    "military-collegium": (("death", 0.22, ()), ("prison", 0.55, (10, 10, 10, 8, 7, 6, 5, 5, 4,
                           3, 2)), ("camp", 0.15, (5, 8, 10)), ("unknown", 0.05, ()),
                           ("none", 0.03, ())),
    "special-board-oso": (("camp", 0.45, (3, 3, 5, 5, 5, 8)), ("prison", 0.12, (3, 5)),
                          ("exile", 0.25, (1, 2, 3, 5)), ("ban-on-residence", 0.13, (3, 5)),
                          ("none", 0.03, ()), ("unknown", 0.02, ())),
    "unknown": (("unknown", 0.4, ()), ("camp", 0.3, (3, 5, 10)), ("death", 0.1, ()),
                ("exile", 0.2, (3, 5))),
}
TALLY_CATEGORY = {"death": "death", "prison": "prison", "camp": "camp", "exile": "exile",
                  "ban-on-residence": "ban", "none": "other", "unknown": "other"}
DAY0 = date(1935, 1, 1).toordinal()


@lru_cache(maxsize=65536)  # a few thousand distinct days; saves ~10 % of generation time
def _iso(day: int, precision: str = "day") -> str:
    text = date.fromordinal(day).isoformat()
    return text if precision == "day" else text[:7] if precision == "month" else text[:4]


@lru_cache(maxsize=65536)
def _day_text(day: int) -> str:
    """``12 March 1935`` for an ordinal day."""
    return vocab.format_date(_iso(day), "day")


def _years_ru(n: int) -> str:
    """Dative ``годам``/``году`` after a number: 1 году, 2 годам, 5 годам."""
    return "году" if n % 10 == 1 and n % 100 != 11 else "годам"


@dataclass(slots=True)
class Stub:
    """What later rows (relations, events, documents) need to know about a generated person."""

    id: str
    sex: int
    role: str
    group: Group
    sur: Surname
    given: Given
    father: Given
    birth: int | None
    initials: str
    en_short: str
    arrest: int  # ordinal day
    case: int
    verdict: tuple[str, int, str, int | None] | None = None  # tribunal, day, kind, years


class Batch(dict[str, list[tuple[object, ...]]]):
    """Rows of one chunk, per staging table, in the order they are flushed."""

    TABLES = ("person", "name", "sentence", "relation", "event", "event_person", "document",
              "document_person", "claim")

    def __init__(self) -> None:
        super().__init__((t, []) for t in self.TABLES)


class Generator:
    """Invents the records of a synthetic archive from one ``random.Random(seed)``."""

    def __init__(self, groups: Sequence[Group], people: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.namer = Namer()
        self.groups = tuple(groups)
        self.group_zipf = _Weighted([g.weight for g in groups])
        ru_share = groups[0].weight / sum(g.weight for g in groups)
        self.surnames = [Zipf.with_top_share(g.surnames, TOP_SURNAME_SHARE / ru_share)
                         if i == 0 else Zipf(g.surnames, q=3.0) for i, g in enumerate(groups)]
        self.given = [(Zipf(g.male, q=2.0), Zipf(g.female, q=2.0)) for g in groups]
        self.n_sources = max(40, min(people // 250, 12_000))
        self.source_zipf = Zipf([f"src-{k:05d}" for k in range(1, self.n_sources + 1)], q=8.0)
        r = self.rng.random
        self.sessions = {
            "military-collegium": sorted({DAY0 + 40 + int(r() * 320) for _ in range(60)}),
            "special-board-oso": sorted({DAY0 + 30 + int(r() * 330) for _ in range(140)}),
            "unknown": sorted({DAY0 + 30 + int(r() * 330) for _ in range(200)}),
        }
        self.recent: deque[Stub] = deque(maxlen=512)
        self.staff: deque[Stub] = deque(maxlen=64)
        self.verdicts: Counter[tuple[str, str, int | None]] = Counter()
        self.events_made = self.documents_made = self.relations_made = 0

    # -- sources, tallies --------------------------------------------------------------

    def sources(self) -> Iterator[tuple[object, ...]]:
        """Bibliographic records: tally publications, Books of Memory, case files, articles."""
        yield ("tally-archive", None, "Сводка осуждённых по делам 1935 года (архивная справка)",
               None, "archive", "ru", None, "Invented aggregate figures for the synthetic archive.")
        yield ("tally-article", "Н. Н. Исследователев", "Статистика приговоров 1935 года", 2004,
               "article", "ru", None, "Prints slightly different figures for some categories.")
        r = self.rng.random
        for k in range(1, self.n_sources + 1):
            x = r()
            if x < 0.45:
                region = REGIONS[int(r() * len(REGIONS))]
                volume = 1 + int(r() * 12)
                row: tuple[object, ...] = (
                    None, f"Книга памяти жертв политических репрессий {region}. Т. {volume}",
                    1995 + int(r() * 26), "book", "ru", None, None)
            elif x < 0.80:
                row = (None, f"Архивно-следственное дело № П-{10_000 + int(r() * 90_000)}", None,
                       "archive", "ru", None, "ГА РФ, ф. 10035, оп. 1" if r() < 0.5 else
                       "Архив УФСБ по г. Москве и Московской области")
            elif x < 0.95:
                author = self._author()
                row = (author, f"Репрессии 1930-х годов: материалы к биографиям (часть {k})",
                       1989 + int(r() * 36), "article", "ru", None, None) if r() < 0.7 else (
                       " ".join(self.namer.tr("WIKIPEDIA", w) for w in author.split()),
                       f"Terror and the files, part {k}",
                       1990 + int(r() * 35), "article", "en", None, None)
            else:
                row = (None, f"Жертвы политического террора в СССР, выпуск {k}",
                       2000 + int(r() * 20), "encyclopedia", "ru", None, None)
            yield (f"src-{k:05d}", *row)

    def _author(self) -> str:
        """``И. П. Смирнов``: an invented author with a common Russian name."""
        men = self.given[0][0]
        sur = self.surnames[0].pick(self.rng).ru[0]
        return f"{men.pick(self.rng).ru[0]}. {men.pick(self.rng).ru[0]}. {sur}"

    def tallies(self) -> Iterator[tuple[object, ...]]:
        """Published counts per tribunal: one exact source and one that differs a little."""
        r = self.rng.random
        grand = 0
        for tribunal, short in (("military-collegium", "mc"), ("special-board-oso", "oso")):
            groups: Counter[tuple[str, int | None]] = Counter()
            for (trib, kind, years), n in sorted(self.verdicts.items(), key=str):
                if trib == tribunal:
                    cat = TALLY_CATEGORY[kind]
                    groups[(cat, years if cat != "death" else None)] += n
            total = sum(groups.values())
            grand += total
            for src, tag in (("tally-archive", "a"), ("tally-article", "b")):
                count = total if tag == "a" else total + int((r() - 0.5) * total * 0.04)
                yield (f"t-{tag}-{short}-total", tribunal, "total", None, count,
                       "всего осуждено (total convicted)", src, None)
                for (cat, years), n in sorted(groups.items(), key=str):
                    if tag == "b" and r() < 0.3:
                        n = max(0, n + int((r() - 0.5) * max(n, 10) * 0.06))  # within ±3 %
                    yield (f"t-{tag}-{short}-{cat}-{years or 'all'}", tribunal, cat, years, n,
                           _tally_label(cat, years), src, None)
        yield ("t-a-all-total", "all", "total", None, grand,
               "осуждено по делам 1935 года (total)", "tally-archive", None)

    # -- people ------------------------------------------------------------------------

    def chunk(self, start: int, size: int) -> Batch:
        """Rows for people ``start .. start+size-1`` and their events and documents."""
        b = Batch()
        stubs = [self._person(i, b) for i in range(start, start + size)]
        self._events(stubs, b, (start + size) // 2 - self.events_made)
        self._documents(stubs, b, (start + size) // 4 - self.documents_made)
        return b

    def _cite(self, b: Batch, kind: str, subject: str, confidence: str | None,
              extra: float = 0.4) -> None:
        """Record claims: one source, sometimes two or three, each at most once."""
        r = self.rng.random
        n = 1 + (r() < extra) + (r() < extra / 4)
        picked: list[str] = []
        for _ in range(n):
            s = self.source_zipf.pick(self.rng)
            if s not in picked:
                picked.append(s)
                b["claim"].append((kind, subject, "record", None, s,
                                   f"p. {1 + int(r() * 600)}" if r() < 0.3 else None, None,
                                   confidence))

    def _dispute(self, b: Batch, kind: str, subject: str, field: str, values: tuple[str, str],
                 note: str) -> None:
        """Two sources, two values: what the detail view shows as a conflict."""
        s1 = self.source_zipf.pick(self.rng)
        s2 = self.source_zipf.pick(self.rng)
        if s2 == s1:
            s2 = "tally-article"
        b["claim"].append((kind, subject, field, values[0], s1, None, None, "medium"))
        b["claim"].append((kind, subject, field, values[1], s2, None, note, "low"))

    def _person(self, i: int, b: Batch) -> Stub:
        rng = self.rng
        r = rng.random
        gi = self.group_zipf.pick(r())
        group = self.groups[gi]
        sex = 1 if r() < 0.14 else 0
        sur = self.surnames[gi].pick(rng)
        father = self.given[gi][0].pick(rng)
        role = "defendant"
        kin: Stub | None = None
        relation = ""
        x = r()
        if self.recent and x < 0.07:
            kin = self.recent[int(r() * len(self.recent))]
            group, sur, role = kin.group, kin.sur, "relative"
            gi = self.groups.index(group)
            relation = ("wife", "son", "brother", "sister", "daughter")[int(r() * 5)]
            sex = 1 if relation in ("wife", "sister", "daughter") else 0
            if relation in ("son", "daughter") and kin.sex == 0:
                father = kin.given
            elif relation in ("brother", "sister"):
                father = kin.father
            if relation == "wife" and kin.sex == 1:
                relation, sex = "brother", 0
        elif x < 0.15:
            role = "witness"
        elif x < 0.19:
            role = "official"
        elif x < 0.205:
            role = "investigator"
        elif x < 0.215:
            role = "other"
        elif x < 0.2152:
            role = "alleged-instigator"
        if role in ("investigator", "official"):
            sex = 0  # the NKVD staff and officials of the case files are men
        given = self.given[gi][sex].pick(rng)
        names = self.namer.forms(rng, group, sex, sur, given, father)
        pid = f"{names.slug}-{i + 1}"
        birth: int | None = 1872 + int(23 * (r() + r()))
        if kin is not None and kin.birth is not None:
            offset = {"son": 24, "daughter": 24, "wife": -3}.get(relation, 0)
            birth = min(1919, kin.birth + offset + int(r() * 8) - 3)
        if r() < 0.07:
            birth = None
        arrest = DAY0 - 20 + int(r() * 230)
        stub = Stub(pid, sex, role, group, sur, given, father, birth, names.initials,
                    names.en_short, arrest, 1000 + int(r() * 98_000))
        if kin is not None:
            self._relation(b, pid, kin.id, relation)
        elif self.recent and r() < 0.05:
            other = self.recent[int(r() * len(self.recent))]
            self._relation(b, pid, other.id, RELATIONS_OTHER[int(r() * len(RELATIONS_OTHER))])
        if role == "defendant" and self.staff and r() < 0.04:
            self._relation(b, pid, self.staff[int(r() * len(self.staff))].id, "interrogated-by")
        for row in names.rows:
            b["name"].append((pid, *row))
        fate, death = self._sentences(b, stub)
        if role == "investigator":
            occupation, organisation = STAFF[int(r() * len(STAFF))]
        elif role == "official":
            occupation, organisation = OFFICIALS[int(r() * len(OFFICIALS))]
        else:
            occupation = OCCUPATIONS[int(r() * len(OCCUPATIONS))]
            organisation = ORGANISATIONS[int(r() * len(ORGANISATIONS))]
        known_job = occupation if r() < 0.9 else None
        summary = None
        if r() < 0.55:
            place = PLACES[int(r() * len(PLACES))]
            summary = (f"Born {birth} in {place}" if birth else f"Born in {place}") + (
                f"; {known_job}." if known_job else ".")
            if role == "defendant" or stub.verdict is not None:
                summary += (f" Arrested on {_day_text(arrest)} in "
                            f"{CITIES[int(r() * len(CITIES))]}, charged with "
                            f"{CHARGES[int(r() * len(CHARGES))]}.")
            elif role == "witness":
                summary += f" Questioned as a witness on {_day_text(arrest)}."
        confidence = ("high", "medium", "medium", "low")[int(r() * 4)]
        b["person"].append((
            pid, names.en, names.ru, sort_name(names.en), "MF"[sex], birth, death,
            group.nationality if r() < 0.85 else None, known_job,
            organisation if r() < 0.7 else None, role, confidence, summary, fate))
        self._cite(b, "person", pid, confidence)
        if birth is not None and r() < 0.02:
            other_year = str(birth + 1 + int(r() * 3))
            self._dispute(b, "person", pid, "birth_year", (str(birth), other_year),
                          "A regional Book of Memory gives another year of birth.")
        if r() < 0.005:
            wrong = names.ru.replace("о", "а", 1)
            if wrong != names.ru:
                self._dispute(b, "person", pid, "name_ru", (names.ru, wrong),
                              "The case file spells the name differently.")
        if fate and r() < 0.01:
            self._dispute(b, "person", pid, "later_fate", (fate, "Fate unknown after 1938."),
                          "Another source knows nothing of the later fate.")
        self.recent.append(stub)
        if role == "investigator":
            self.staff.append(stub)
        return stub

    def _relation(self, b: Batch, a: str, c: str, relation: str) -> None:
        self.relations_made += 1
        rid = f"r{self.relations_made:07d}"
        b["relation"].append((rid, a, c, relation, None))
        self._cite(b, "relation", rid, None, 0.0)

    def _sentences(self, b: Batch, stub: Stub) -> tuple[str | None, int | None]:
        """The 1935 verdict (≈ 60 % of people), commutations and later sentences."""
        r = self.rng.random
        chance = {"defendant": 0.78, "relative": 0.3}.get(stub.role, 0.02)
        if r() >= chance:
            return None, None
        years: int | None
        if stub.role == "relative":
            tribunal, kind, years = "special-board-oso", "camp", (5, 8)[int(r() * 2)]
        else:
            x = r()
            tribunal = ("military-collegium" if x < 0.3 else "special-board-oso" if x < 0.9
                        else "unknown")
            kind, years = self._verdict_kind(tribunal)
        sessions = self.sessions[tribunal]
        day = sessions[min(bisect_right(sessions, stub.arrest + 30 + int(r() * 120)),
                           len(sessions) - 1)]
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
        b["sentence"].append((sid, stub.id, "verdict", tribunal, _iso(day, precision), precision,
                              kind, years, notes, conf))
        self._cite(b, "sentence", sid, conf, 0.3)
        if r() < 0.03:
            alt = (str(years), str(years + 2 + int(r() * 3))) if years else ("death", "camp")
            self._dispute(b, "sentence", sid, "years" if years else "kind", alt,
                          "The published list gives a different sentence.")
        fate: str | None = None
        death: int | None = None
        if kind == "death" and r() < 0.12:
            later = day + 10 + int(r() * 50)
            cid = f"s-{stub.id}-1935-commuted"
            b["sentence"].append((cid, stub.id, "commutation", tribunal, _iso(later), "day",
                                  "camp", 10, "Death sentence commuted to ten years.", "medium"))
            self._cite(b, "sentence", cid, "medium", 0.0)
            fate = "Death sentence commuted to ten years in the camps."
        elif kind == "death":
            shot = day + int(r() * 5)
            death = date.fromordinal(shot).year
            fate = f"Shot on {_day_text(shot)}."
        elif r() < 0.12:
            fate, death = self._later(b, stub, day)
        elif r() < 0.6:
            y = date.fromordinal(day).year + (years or 1) + int(r() * 3)
            fate = (f"Released in {y}." if r() < 0.5 else
                    f"Died in {PRISONS[int(r() * len(PRISONS))]} in {y - 1}." if kind in (
                        "camp", "prison") else f"Lived in exile in {EXILE[int(r() * len(EXILE))]}"
                    f" until {y}.")
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
        r = self.rng.random
        if r() < 0.5:
            tribunal, day = "nkvd-troika", date(1937, 8, 5).toordinal() + int(r() * 470)
            kind, years = ("death", None) if r() < 0.6 else ("camp", 10)
        else:
            tribunal = ("special-board-oso", "military-collegium", "unknown")[int(r() * 3)]
            day = after + 400 + int(r() * 5000)
            late = date.fromordinal(day).year >= 1947
            kind = "death" if r() < 0.2 and not late else "camp"
            years = None if kind == "death" else (10, 15, 20, 25)[int(r() * 4)] if late else (
                5, 8, 10)[int(r() * 3)]
        lid = f"s-{stub.id}-later"
        b["sentence"].append((lid, stub.id, "later", tribunal, _iso(day), "day", kind, years,
                              None, "medium"))
        self._cite(b, "sentence", lid, "medium", 0.0)
        if kind == "death":
            return f"Sentenced again and shot on {_day_text(day)}.", \
                date.fromordinal(day).year
        return f"Sentenced again in {date.fromordinal(day).year} ({years} years).", None

    # -- events, documents -------------------------------------------------------------

    def _event(self, b: Batch, day: int, title: str, summary: str | None,
               people: Iterable[tuple[Stub, str]]) -> None:
        r = self.rng.random
        self.events_made += 1
        eid = f"ev-{self.events_made:07d}"
        precision = "day" if r() < 0.9 else "month" if r() < 0.8 else "year"
        b["event"].append((eid, _iso(day, precision), precision, title, summary))
        for stub, role in people:
            b["event_person"].append((eid, stub.id, role))
        self._cite(b, "event", eid, None, 0.3)

    def _events(self, stubs: list[Stub], b: Batch, target: int) -> None:
        """Tribunal sessions of the chunk's verdicts first, then single-person events."""
        r = self.rng.random
        sessions: dict[tuple[str, int], list[Stub]] = {}
        for s in stubs:
            if s.verdict and s.verdict[0] in TRIBUNAL_RU:
                sessions.setdefault(s.verdict[:2], []).append(s)  # type: ignore[index]
        made = 0
        for (tribunal, day), members in sessions.items():
            for k in range(0, len(members), 40):
                if made >= target:
                    return
                part = members[k:k + 40]
                rest = f" and {len(part) - 1} others" if len(part) > 1 else ""
                self._event(b, day, f"{TRIBUNAL_RU[tribunal][1]}: {part[0].en_short}{rest}",
                            None, ((m, "accused") for m in part))
                made += 1
        while made < target:
            s = stubs[int(r() * len(stubs))]
            x = r()
            staff = self.staff[int(r() * len(self.staff))] if self.staff else None
            if x < 0.35:
                self._event(b, s.arrest, f"Arrest of {s.en_short}",
                            f"{s.en_short} was arrested." if r() < 0.4 else None, [(s, "accused")])
            elif x < 0.45:
                self._event(b, s.arrest, f"Search at the flat of {s.en_short}", None,
                            [(s, "accused")])
            elif x < 0.70:
                people = [(s, "accused")] + ([(staff, "investigator")] if staff else [])
                self._event(b, s.arrest + 1 + int(r() * 60), f"Interrogation of {s.en_short}",
                            None, people)
            elif x < 0.80:
                o = stubs[int(r() * len(stubs))]
                if o is s:
                    continue
                people = [(s, "accused"), (o, "accused")] + (
                    [(staff, "investigator")] if staff else [])
                self._event(b, s.arrest + 5 + int(r() * 60),
                            f"Confrontation between {s.en_short} and {o.en_short}", None, people)
            elif x < 0.92:
                people = [(s, "witness")] + ([(staff, "investigator")] if staff else [])
                self._event(b, s.arrest + int(r() * 90), f"Questioning of witness {s.en_short}",
                            None, people)
            else:
                where = PRISONS[int(r() * len(PRISONS))]
                self._event(b, s.arrest + 20 + int(r() * 200),
                            f"Transfer of {s.en_short} to {where}", None, [(s, "accused")])
            made += 1

    def _documents(self, stubs: list[Stub], b: Batch, target: int) -> None:
        """Case-file documents with the person's declined name in the title."""
        r = self.rng.random
        for _ in range(max(0, target)):
            s = stubs[int(r() * len(stubs))]
            gen = f"{s.initials} {s.sur.gen[s.sex]}"
            named: list[tuple[str, str | None]] = [(gen, s.id)]
            day = s.arrest + int(r() * 120)
            x = r()
            if x < 0.55:
                doc_type = "interrogation_protocol"
                who = ("", "", "обвиняемого " if s.sex == 0 else "обвиняемой ",
                       "свидетеля " if s.sex == 0 else "свидетельницы ")[int(r() * 4)]
                title = f"Протокол допроса {who}{gen}"
            elif x < 0.62:
                doc_type = "confrontation_protocol"
                o = stubs[int(r() * len(stubs))]
                a, c = f"{s.initials} {s.sur.ins[s.sex]}", f"{o.initials} {o.sur.ins[o.sex]}"
                title, named = f"Протокол очной ставки между {a} и {c}", [(a, s.id), (c, o.id)]
            elif x < 0.74:
                doc_type = "special_report"
                title = f"Спецсообщение ГУГБ НКВД СССР об аресте {gen}"
            elif x < 0.79:
                doc_type, title = "statement", f"Заявление {gen} на имя наркома внутренних дел"
            elif x < 0.84:
                doc_type = "letter"
                sur = self.surnames[0].pick(self.rng)
                men = self.given[0][0]
                to = f"{men.pick(self.rng).ru[0]}.{men.pick(self.rng).ru[0]}. {sur.dat[0]}"
                title, named = f"Письмо {gen} {to}", [(gen, s.id), (to, None)]
            elif x < 0.88:
                doc_type, title = "search_protocol", f"Протокол обыска у {gen}"
            elif x < 0.94 and s.verdict and s.verdict[0] in TRIBUNAL_RU:
                doc_type, day = "verdict_or_sentence", s.verdict[1]
                title = f"{TRIBUNAL_RU[s.verdict[0]][0]} {gen}"
            elif x < 0.98:
                doc_type, title = "memo_note", f"Справка на арест {gen}"
            else:
                doc_type = "list"
                others = [stubs[int(r() * len(stubs))] for _ in range(2 + int(r() * 3))]
                title = f"Список лиц, проходящих по делу {gen} и др."
                named += [(f"{o.sur.ru[o.sex]} {o.initials}", o.id) for o in others
                          if o is not s]
            self.documents_made += 1
            did = f"doc-{self.documents_made:07d}"
            b["document"].append((did, _iso(day), doc_type, title,
                                  f"Архивно-следственное дело № Р-{s.case}", s.sur.ru[s.sex],
                                  None))
            seen: set[str | None] = set()
            for name, person in named:
                if person is None or person not in seen:
                    seen.add(person)
                    b["document_person"].append((did, name, person))
            self._cite(b, "document", did, None, 0.1)


def _tally_label(category: str, years: int | None) -> str:
    if category == "death":
        return "к расстрелу (death)"
    if category == "other":
        return "прочие решения (other)"
    if years is None:
        return {"prison": "к лишению свободы (prison)", "camp": "к заключению в ИТЛ (camp)",
                "exile": "к ссылке (exile)", "ban": "к запрету проживания (ban)"}[category]
    plural = f"{years} year" + ("" if years == 1 else "s")
    return {
        "prison": f"к {years} {_years_ru(years)} тюремного заключения ({plural} prison)",
        "camp": f"к {years} {_years_ru(years)} ИТЛ ({plural} camp)",
        "exile": f"к ссылке на {years} г. ({plural} exile)",
        "ban": f"к запрету проживания на {years} г. ({plural} ban on residence)",
    }[category]


class _Weighted:
    """Index drawn with fixed weights (the group of a new person)."""

    def __init__(self, weights: Sequence[float]) -> None:
        self.cum = list(accumulate(weights))

    def pick(self, u: float) -> int:
        """Index for a uniform ``u`` in [0, 1)."""
        return min(bisect_right(self.cum, u * self.cum[-1]), len(self.cum) - 1)


# -- generation ----------------------------------------------------------------------------

def generate(sink: RowSink, people: int, seed: int,
             tick: Callable[[int, int, int], None] | None = None) -> Counter[str]:
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
        for table, rows in gen.chunk(done, size).items():
            put(table, rows)
        done += size
        if tick is not None:
            tick(done, people, sum(counts.values()))
    put("tally", gen.tallies())
    return counts


# -- command line --------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    """``python -m db.synth --people N --out FILE [--seed S] [-q]``."""
    parser = argparse.ArgumentParser(prog="python -m db.synth", description=(
        "Build a synthetic archive of invented people with the bundled archive's builder."))
    parser.add_argument("--people", type=int, required=True, help="number of people")
    parser.add_argument("--out", type=Path, help="target file (default: the .cache/ path)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    if args.people < 1:
        parser.error("--people must be at least 1")
    out = args.out or cache_path(args.people, args.seed)
    log = BuildLog(None if args.quiet else sys.stderr)
    report = build_synthetic(args.people, out, args.seed, log)
    for line in report.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
