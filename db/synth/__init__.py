"""Synthetic archives at Memorial scale, built by the same code as the bundled archive.

``python -m db.synth --people 3000000 --out big.sqlite`` streams invented records into
:class:`db.build.ArchiveWriter` — the writer ``python -m db.build`` uses — so the result has
exactly the bundled archive's schema, ranks, indexes and search tables.  The content mimics
a database of victims of political terror: Cyrillic full names with Zipf-distributed
surnames (:mod:`db.synth.names`), transliterations and ё/е spellings, Polish, German, Baltic
and Georgian names with their national Latin spellings, 1935 verdicts of the Military
Collegium and the Special Board, later sentences, relations, events (≈ N/2), documents
(≈ N/4) with declined names in their titles, sources, record claims for every record,
field-level disputes and published tallies for both tribunals.

The same seed and size give a byte-identical file (:mod:`db.synth.generator`).
:func:`cached_archive` keeps built archives under ``.cache/`` for benchmarks and slow tests.

Modules: :mod:`.generator` (the draw order and the chunk loop) drives :mod:`.people`,
:mod:`.sentences`, :mod:`.events`, :mod:`.documents`, :mod:`.sources` and :mod:`.claims`,
which draw on :mod:`.names`, :mod:`.vocabulary` and :mod:`.dates` and emit :mod:`.records`;
:mod:`.pipeline` runs the generator in a second process; :mod:`.archive` builds the file,
:mod:`.cache` keeps it (:mod:`.codehash` tells when it is stale), :mod:`.progress` reports on
it, :mod:`.cli` is ``python -m db.synth``.
"""

from __future__ import annotations

from db.synth.archive import build_synthetic, meta_for
from db.synth.cache import CACHE_DIR, cache_path, cached_archive
from db.synth.cli import main
from db.synth.codehash import SYNTH_VERSION, fingerprint
from db.synth.generator import CHUNK, generate
from db.synth.progress import BuildLog, BuildReport
from db.synth.records import RowSink

__all__ = [
    "CACHE_DIR",
    "CHUNK",
    "SYNTH_VERSION",
    "BuildLog",
    "BuildReport",
    "RowSink",
    "build_synthetic",
    "cache_path",
    "cached_archive",
    "fingerprint",
    "generate",
    "main",
    "meta_for",
]
