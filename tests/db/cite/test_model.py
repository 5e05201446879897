"""What a citation names, read from the bundled archive and checked against plain SQL."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, text

from db.cite.model import (
    CHART,
    Access,
    UnknownRecord,
    archive_meta,
    cited,
    record_key,
    record_note,
    sources,
)
from db.dto import Ref
from tests.db.cite.conftest import ACCESSED, BREAKOUT, Hostile


def _meta(conn: Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute(text("SELECT key, value FROM meta"))}


def _ids(conn: Connection, sql: str, **params: str) -> set[str]:
    return {i for (i,) in conn.execute(text(sql), params)}


def test_archive_meta_is_the_meta_table(conn: Connection) -> None:
    meta, read = _meta(conn), archive_meta(conn)
    assert (read.title, read.title_ru, read.data_version) == (
        meta["title"],
        meta["title_ru"],
        meta["data_version"],
    )
    assert read.url == meta.get("url")


def test_all_sources_in_archive_order(conn: Connection) -> None:
    items = sources(conn)
    assert len(items) == int(_meta(conn)["source_count"])
    ordered = [i for (i,) in conn.execute(text("SELECT id FROM source ORDER BY pk"))]
    assert [s.id for s in items] == ordered


def test_chosen_sources_keep_the_order_asked_once_each(conn: Connection) -> None:
    first, second = [s.id for s in sources(conn)[:2]]
    assert [s.id for s in sources(conn, [second, first, second])] == [second, first]


def test_an_unknown_source_id_is_refused(conn: Connection) -> None:
    with pytest.raises(UnknownRecord, match="no source with id “no-such-source”"):
        sources(conn, ["no-such-source"])


def test_a_person_cites_the_sources_of_every_claim_about_them(conn: Connection) -> None:
    c = cited(conn, Ref("person", "kamenev-lev"))
    expected = _ids(
        conn,
        """SELECT s.id FROM claim c JOIN source s ON s.pk = c.source_pk
           WHERE (c.subject_kind = 'person' AND c.subject_id = :p)
              OR (c.subject_kind = 'sentence' AND c.subject_id IN (SELECT id FROM sentence
                  WHERE person_pk = (SELECT pk FROM person WHERE id = :p)))
              OR (c.subject_kind = 'relation' AND c.subject_id IN (SELECT id FROM relation
                  WHERE (SELECT pk FROM person WHERE id = :p) IN (person_pk, related_pk)))""",
        p="kamenev-lev",
    )
    assert len(c.sources) == len(expected) > 1
    assert {s.id for s in c.sources} == expected
    assert "Lev Kamenev" in c.label and c.label_ru.startswith("Каменев")
    assert c.record_id == "person/kamenev-lev"


@pytest.mark.parametrize(("kind", "ident"), [("event", "ev-1934-kirov"), ("document", "doc-9408")])
def test_events_and_documents_cite_their_claims_sources_and_show_a_date(
    conn: Connection, kind: str, ident: str
) -> None:
    c = cited(conn, Ref(kind, ident))
    expected = _ids(
        conn,
        """SELECT s.id FROM claim c JOIN source s ON s.pk = c.source_pk
           WHERE c.subject_kind = :k AND c.subject_id = :i""",
        k=kind,
        i=ident,
    )
    assert {s.id for s in c.sources} == expected and expected
    date = conn.execute(text(f"SELECT date FROM {kind} WHERE id = :i"), {"i": ident}).scalar_one()
    assert c.label_ru.endswith(f"({'.'.join(reversed(date.split('-')))})")
    assert c.label.endswith(f" {date[:4]})")


def test_a_source_cites_itself(conn: Connection) -> None:
    c = cited(conn, Ref("source", "koshel-kniga87"))
    assert [s.id for s in c.sources] == ["koshel-kniga87"]
    assert c.label == "Пётр Кошель, История российского сыска (page 87)"


def test_the_chart_cites_the_sources_of_published_tallies(conn: Connection) -> None:
    c = cited(conn, CHART)
    tallied = _ids(conn, "SELECT s.id FROM tally t JOIN source s ON s.pk = t.source_pk")
    assert c.sources and {s.id for s in c.sources} <= tallied
    assert c.record_id == "chart/outcomes"


def test_the_whole_archive_cites_every_source(conn: Connection) -> None:
    c = cited(conn, None)
    assert c.record_id is None and c.label == archive_meta(conn).title
    assert len(c.sources) == int(_meta(conn)["source_count"])


@pytest.mark.parametrize(
    "ref",
    [Ref("person", "no-such-person"), Ref("chart", "pie"), Ref("tally", "x"), Ref("event", "")],
)
def test_unknown_records_are_refused(conn: Connection, ref: Ref) -> None:
    with pytest.raises(UnknownRecord, match="no record with id"):
        cited(conn, ref)


def test_record_keys_and_notes(conn: Connection) -> None:
    person = cited(conn, Ref("person", "kamenev-lev"))
    assert record_key(person) == "person:kamenev-lev"
    assert record_key(cited(conn, None)) == "archive"
    note = record_note(person, Access(ACCESSED, "kremlin-affair.sqlite", "0" * 64))
    version = archive_meta(conn).data_version
    assert note == (
        f"Record person/kamenev-lev; data version {version}; file kremlin-affair.sqlite; "
        f"SHA-256 {'0' * 64}"
    )
    web = record_note(person, Access(ACCESSED, "https://example.org/a"))
    assert "file" not in web and "example.org" not in web


def test_hostile_text_is_one_line_in_the_model(hostile: Hostile) -> None:
    with hostile.archive.connect() as c:
        item = sources(c, [hostile.breakout])[0]
        meta = archive_meta(c)
    assert "\n" not in item.title + (item.note or "") + meta.title
    assert item.title == " ".join(BREAKOUT.split())


@pytest.mark.parametrize(
    "ref",
    [
        Ref("person", "cherniavsky-mikhail"),
        Ref("event", "ev-1934-kirov"),
        Ref("document", "doc-10040"),
    ],
)
def test_a_citation_is_the_same_whatever_the_readers_language(conn: Connection, ref: Ref) -> None:
    from db import i18n

    english = cited(conn, ref)
    i18n.set_language("ru")
    try:
        russian = cited(conn, ref)
    finally:
        i18n.set_language("en")
    assert russian == english
    assert "г." not in russian.label
