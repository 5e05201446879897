"""Damaged copies of an archive: deterministic mutants for the corrupted-archive campaign.

:func:`mutant` turns the bytes of a good archive into mutant number ``index`` of a campaign
with a fixed ``seed``: the strategy is ``STRATEGIES[index % len(STRATEGIES)]`` and every choice
inside it comes from ``random.Random(f"{seed}:{index}")``, so any mutant can be rebuilt alone
from its number.  Page-targeted strategies (search index, indexes, table data, b-tree pointers)
use a :class:`PageMap` read once from the good file with SQLite's ``dbstat`` table.
"""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Mutator = Callable[[bytearray, random.Random, "PageMap"], bytearray]

#: Header fields (offset, width) that SQLite reads before anything else.
HEADER_FIELDS = (
    (16, 2),
    (18, 1),
    (19, 1),
    (20, 1),
    (21, 1),
    (22, 1),
    (23, 1),
    (24, 4),
    (28, 4),
    (32, 4),
    (36, 4),
    (40, 4),
    (44, 4),
    (48, 4),
    (52, 4),
    (56, 4),
    (64, 4),
    (92, 4),
    (96, 4),
)
INTERESTING = (
    0,
    1,
    2,
    3,
    4,
    0x7F,
    0x80,
    0xFF,
    0x100,
    0x200,
    0x1000,
    0x10000,
    0x7FFFFFFF,
    0xFFFFFFFF,
)


@dataclass(frozen=True)
class PageMap:
    """Which pages of the good file belong to what (1-based page numbers)."""

    page_size: int
    pages: int
    fts: tuple[int, ...]  # FTS5 shadow tables and the spelling vocabulary
    index: tuple[int, ...]  # b-tree indexes of the ordinary tables
    data: tuple[int, ...]  # leaf pages of the ordinary tables
    interior: tuple[int, ...]  # interior b-tree pages of any object
    schema: tuple[int, ...]  # sqlite_schema pages

    @classmethod
    def of(cls, path: Path) -> PageMap:
        """Read the map of ``path`` (read-only)."""
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
            pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
            kinds = dict(conn.execute("SELECT name, type FROM sqlite_schema"))
            rows = conn.execute("SELECT name, pageno, pagetype FROM dbstat").fetchall()
        finally:
            conn.close()

        def search(name: str) -> bool:
            return "_fts" in name or name.startswith("search_")

        def pick(test: Callable[[str, str], bool]) -> tuple[int, ...]:
            return tuple(sorted({int(p) for n, p, t in rows if test(str(n), str(t))}))

        return cls(
            page_size,
            pages,
            fts=pick(lambda n, t: search(n)),
            index=pick(lambda n, t: kinds.get(n) == "index" and not search(n)),
            data=pick(
                lambda n, t: (
                    kinds.get(n) == "table"
                    and not search(n)
                    and t == "leaf"
                    and n != "sqlite_schema"
                )
            ),
            interior=pick(lambda n, t: t == "internal"),
            schema=pick(lambda n, t: n == "sqlite_schema"),
        )


def _page_span(pm: PageMap, page: int) -> tuple[int, int]:
    start = (page - 1) * pm.page_size
    return start, start + pm.page_size


def _flip_in(buf: bytearray, rng: random.Random, lo: int, hi: int, count: int) -> bytearray:
    hi = min(hi, len(buf))
    for _ in range(count):
        pos = rng.randrange(lo, hi)
        buf[pos] ^= rng.randrange(1, 256)
    return buf


def flip_bytes(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """XOR 1–16 bytes anywhere past the 100-byte header."""
    return _flip_in(buf, rng, 100, len(buf), rng.randint(1, 16))


def flip_bit(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """One bit anywhere past the header."""
    pos = rng.randrange(100, len(buf))
    buf[pos] ^= 1 << rng.randrange(8)
    return buf


def truncate(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Cut the file: at a page boundary, mid-page or inside the header."""
    choice = rng.random()
    if choice < 0.4:
        size = rng.randrange(1, pm.pages) * pm.page_size
    elif choice < 0.9:
        size = rng.randrange(101, len(buf))
    else:
        size = rng.randrange(1, 101)
    return buf[:size]


def extend(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Append zeros or random bytes (whole pages or a ragged tail)."""
    n = rng.choice((pm.page_size, 2 * pm.page_size, rng.randrange(1, pm.page_size)))
    tail = bytes(n) if rng.random() < 0.5 else rng.randbytes(n)
    return buf + tail


def bad_header(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Set one header field to a random or boundary value (page size, encoding, counts …)."""
    offset, width = rng.choice(HEADER_FIELDS)
    value = rng.choice(INTERESTING) if rng.random() < 0.6 else rng.getrandbits(8 * width)
    buf[offset : offset + width] = (value % (1 << (8 * width))).to_bytes(width, "big")
    return buf


def zero_page(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Overwrite one page (page 1 now and then) with zeros."""
    page = 1 if rng.random() < 0.05 else rng.randrange(2, pm.pages + 1)
    lo, hi = _page_span(pm, page)
    buf[lo:hi] = bytes(hi - lo)
    return buf


def swap_pages(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Exchange two pages."""
    a, b = rng.sample(range(2, pm.pages + 1), 2)
    (alo, ahi), (blo, bhi) = _page_span(pm, a), _page_span(pm, b)
    buf[alo:ahi], buf[blo:bhi] = bytes(buf[blo:bhi]), bytes(buf[alo:ahi])
    return buf


def copy_page(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Overwrite one page with a copy of another (a duplicated b-tree page)."""
    a, b = rng.sample(range(2, pm.pages + 1), 2)
    (alo, ahi), (blo, bhi) = _page_span(pm, a), _page_span(pm, b)
    buf[blo:bhi] = bytes(buf[alo:ahi])
    return buf


_CREATE = re.compile(rb"CREATE (?:TABLE|INDEX|UNIQUE INDEX|VIRTUAL TABLE) [^\x00]{8,}?\)")
_IDENT = re.compile(rb"[a-z_]{3,}")


def _schema_statements(buf: bytearray) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CREATE.finditer(buf)]


def mangle_schema(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Damage the SQL text of a schema entry: a random byte, bad UTF-8, or a cut statement."""
    spans = _schema_statements(buf)
    if not spans:
        return flip_bytes(buf, rng, pm)
    lo, hi = rng.choice(spans)
    pos = rng.randrange(lo, hi)
    choice = rng.random()
    if choice < 0.4:
        buf[pos] = rng.randrange(0x20, 0x7F)
    elif choice < 0.7:
        buf[pos] = rng.choice((0xFF, 0xC0, 0x80, 0xED, 0xF8))
    elif choice < 0.85:
        buf[pos] = ord(rng.choice("(),;'\""))
    else:
        buf[pos:hi] = b" " * (hi - pos)
    return buf


def rename_identifier(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Rename a table, column or index in the schema text, keeping the SQL valid."""
    spans = _schema_statements(buf)
    if not spans:
        return flip_bytes(buf, rng, pm)
    lo, hi = rng.choice(spans)
    idents = [
        m
        for m in _IDENT.finditer(buf, lo, hi)
        if m.group()
        not in (
            b"table",
            b"index",
            b"create",
            b"unique",
            b"virtual",
            b"using",
            b"primary",
            b"key",
            b"not",
            b"null",
            b"references",
            b"foreign",
            b"integer",
            b"text",
            b"varchar",
            b"without",
        )
    ]
    if not idents:
        return flip_bytes(buf, rng, pm)
    m = rng.choice(idents)
    pos = rng.randrange(m.start(), m.end())
    buf[pos] = ord(rng.choice("abcdefghijklmnopqrstuvwxyz".replace(chr(buf[pos]), "")))
    return buf


def _in_pages(
    buf: bytearray, rng: random.Random, pm: PageMap, pages: tuple[int, ...], count: int
) -> bytearray:
    if not pages:
        return flip_bytes(buf, rng, pm)
    for _ in range(count):
        lo, hi = _page_span(pm, rng.choice(pages))
        _flip_in(buf, rng, lo, hi, 1)
    return buf


def damage_search(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Flip bytes inside the FTS5 shadow tables and the spelling vocabulary."""
    return _in_pages(buf, rng, pm, pm.fts, rng.randint(1, 8))


def damage_index(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Flip bytes inside b-tree indexes of the ordinary tables."""
    return _in_pages(buf, rng, pm, pm.index, rng.randint(1, 8))


def damage_data(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Flip bytes inside table leaf pages (record headers, integers, text)."""
    return _in_pages(buf, rng, pm, pm.data, rng.randint(1, 8))


def bad_utf8(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Replace letters of stored text with bytes that are not valid UTF-8."""
    pages = pm.data + pm.fts
    for _ in range(rng.randint(1, 6)):
        lo, hi = _page_span(pm, rng.choice(pages))
        letters = [i for i in range(lo, min(hi, len(buf))) if 0x61 <= buf[i] <= 0x7A]
        if letters:
            buf[rng.choice(letters)] = rng.choice((0xFF, 0xFE, 0xC0, 0xC1, 0x80, 0xBF, 0xED))
    return buf


def damage_pointers(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Point a b-tree interior page's child at another page (cycles, page 1, past the end)."""
    if not pm.interior:
        return flip_bytes(buf, rng, pm)
    lo, _ = _page_span(pm, rng.choice(pm.interior))
    header = lo + (100 if lo == 0 else 0)
    cells = int.from_bytes(buf[header + 3 : header + 5], "big")
    target = rng.choice(
        (1, rng.randrange(1, pm.pages + 1), pm.pages + rng.randrange(1, 100), 0, 0xFFFFFFFF)
    )
    if cells and rng.random() < 0.7:
        pointer = int.from_bytes(buf[header + 12 + 2 * rng.randrange(cells) :][:2], "big")
        at = lo + pointer
    else:
        at = header + 8  # the right-most child pointer
    if at + 4 <= len(buf):
        buf[at : at + 4] = target.to_bytes(4, "big")
    return buf


def not_sqlite(buf: bytearray, rng: random.Random, pm: PageMap) -> bytearray:
    """Something else entirely: random bytes, text, a PDF, a ZIP, a lone header, zeros."""
    size = rng.choice((1, 99, 100, 101, 4096, len(buf)))
    kind = rng.randrange(7)
    if kind == 0:
        return bytearray(rng.randbytes(size))
    if kind == 1:
        return bytearray(("Кремлёвское дело, 1935\n" * (size // 20 + 1)).encode()[:size])
    if kind == 2:
        return bytearray(b"%PDF-1.4\n" + rng.randbytes(size))
    if kind == 3:
        return bytearray(b"PK\x03\x04" + rng.randbytes(size))
    if kind == 4:
        return buf[:100]
    if kind == 5:
        return bytearray(size)
    return bytearray(b"SQLite format 3\x00" + rng.randbytes(size))


STRATEGIES: dict[str, Mutator] = {
    "flip_bytes": flip_bytes,
    "flip_bit": flip_bit,
    "truncate": truncate,
    "extend": extend,
    "bad_header": bad_header,
    "zero_page": zero_page,
    "swap_pages": swap_pages,
    "copy_page": copy_page,
    "mangle_schema": mangle_schema,
    "rename_identifier": rename_identifier,
    "damage_search": damage_search,
    "damage_index": damage_index,
    "damage_data": damage_data,
    "bad_utf8": bad_utf8,
    "damage_pointers": damage_pointers,
    "not_sqlite": not_sqlite,
}
NAMES = tuple(STRATEGIES)


def mutant(good: bytes, pm: PageMap, seed: int, index: int) -> tuple[str, bytes]:
    """Strategy name and bytes of mutant ``index`` of the campaign ``seed``."""
    name = NAMES[index % len(NAMES)]
    rng = random.Random(f"{seed}:{index}")
    return name, bytes(STRATEGIES[name](bytearray(good), rng, pm))
