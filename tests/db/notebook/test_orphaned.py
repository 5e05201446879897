"""Orphans: marked records the open archive does not hold — found, shown, never deleted."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from db import Archive
from db.dto import Ref
from db.notebook import Notebook, archive_key, claim_ref, orphans
from tests.conftest import BUNDLED


def test_records_of_the_archive_are_not_orphans_and_others_are(archive: Archive) -> None:
    held = [
        Ref("person", "kamenev-lev"),
        Ref("event", "ev-1934-kirov"),
        Ref("document", "doc-10040"),
        Ref("source", "koshel-kniga87"),
        claim_ref(1),
        claim_ref(1082),
    ]
    gone = [
        Ref("person", "nobody-at-all"),
        Ref("event", "kamenev-lev"),  # an id of another kind
        claim_ref(1083),
        Ref("chart", "outcomes"),
    ]
    with archive.connect() as conn:
        assert orphans([*held, *gone], conn) == set(gone)
        assert orphans([], conn) == set()


def test_many_refs_are_checked_in_chunks(archive: Archive) -> None:
    refs = [Ref("person", f"missing-{i}") for i in range(1200)] + [Ref("person", "kamenev-lev")]
    with archive.connect() as conn:
        assert len(orphans(refs, conn)) == 1200


def test_after_a_data_version_drops_a_record_its_note_is_an_orphan_and_kept(
    archive: Archive, tmp_path: Path
) -> None:
    key = archive_key(archive.info.meta)
    newer = tmp_path / "next version.sqlite"
    shutil.copyfile(BUNDLED, newer)
    with sqlite3.connect(newer) as raw:  # the next data version: one source withdrawn
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("DELETE FROM source WHERE id = 'koshel-kniga87'")
    engine = create_engine(f"sqlite:///{newer}")
    with Notebook.open(tmp_path / "nb.sqlite") as nb:
        nb.set_note(key, Ref("source", "koshel-kniga87"), "p. 87", label="Koshel, book 87")
        nb.set_bookmark(key, Ref("person", "kamenev-lev"), True)
        with engine.connect() as conn:
            gone = orphans(nb.entries(key), conn)
        assert gone == {Ref("source", "koshel-kniga87")}
        (entry,) = [e for e in nb.entries(key) if e.ref in gone]
        assert (entry.note, entry.label) == ("p. 87", "Koshel, book 87")
    engine.dispose()
