"""Data defects a historian's review found, checked on the rebuilt bundled archive.

- Document↔person links: no link rests on a bare surname or on initials that disagree with the
  person's (every link is scanned); the four wrong links are gone, Olga Kameneva has her
  protocol, and names that match nobody stay on the document as written, unlinked.
- Unknown is not none: the twelve people whose tribunal and sentence the research gives as
  unknown have a 1935 verdict whose tribunal and sentence are ``unknown``, and the chart's
  "tribunal unknown" group counts them (as many as the research lists).
- Dates: Cherniavsky could give no details about 'Ryaskin' two days *after* the 26 March
  confession; doc-5077 keeps both its dates (protocol of 26 March, covering memo of 27 March).
- Conflicts kept only as notes are claims with their sources.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from db import Archive, queries
from db.build import REPO_ROOT
from db.dto import DocumentDetail, PersonDetail, Ref
from db.queries import facts
from tests.conftest import BUNDLED

#: ``../shared/research`` beside the checkout, where the researched facts live.
RESEARCH = REPO_ROOT.parent / "shared" / "research" / "kremlin-affair"

#: The people the research gives as tribunal and sentence unknown, who showed as "no verdict".
UNKNOWN_TWELVE = (
    "glebova-tatiana",
    "kameneva-olga",
    "sedov-sergei",
    "raevsky-sergei",
    "nekhamkin-lev",
    "gavrikov-i-d",
    "zhiromsky-pavel",
    "rokhinson-vladimir",
    "bengson-n-k",
    "madyar-lajos",
    "zhalybina-bykova",
    "petrova-ekaterina",
)


@pytest.fixture(scope="module")
def sql() -> Iterator[sqlite3.Connection]:
    """A plain read-only sqlite3 connection on the bundled archive."""
    conn = sqlite3.connect(BUNDLED.resolve().as_uri() + "?mode=ro", uri=True)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def conn(archive: Archive) -> Iterator[Any]:
    """One read-only Core connection for the queries the app uses."""
    with archive.connect() as c:
        yield c


def _links(sql: sqlite3.Connection) -> list[tuple[str, str, str | None, str | None]]:
    """(document id, name as written, person id, person's Russian name) of every title name."""
    return sql.execute(
        "SELECT d.id, dp.name_as_written, p.id, p.name_ru FROM document_person dp "
        "JOIN document d ON d.pk = dp.document_pk LEFT JOIN person p ON p.pk = dp.person_pk "
        "ORDER BY dp.pk"
    ).fetchall()


def _written_initials(name: str) -> str:
    """Initials written in a title name: ``Я.С. Агранова`` → ``ЯС`` (independent of the linker)."""
    return "".join(re.findall(r"(?<![А-Яа-яЁё])([А-ЯЁ])\.", name))


def _person_initials(name_ru: str) -> str:
    """Initials of ``Surname Given Patronymic`` (a bracketed other surname is skipped)."""
    words = re.sub(r"\([^)]*\)", " ", name_ru).replace(".", ". ").split()[1:]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _agree(written: str, person: str) -> bool:
    return bool(written and person) and (written.startswith(person) or person.startswith(written))


# -- document↔person links ---------------------------------------------------------------------


def test_every_link_has_initials_that_agree_with_the_persons(sql: sqlite3.Connection) -> None:
    linked = [row for row in _links(sql) if row[2] is not None]
    assert len(linked) > 300
    wrong = [
        (doc, written, pid)
        for doc, written, pid, name_ru in linked
        if not _agree(_written_initials(written), _person_initials(name_ru or ""))
    ]
    assert wrong == []


def test_every_name_is_written_as_its_title_writes_it(sql: sqlite3.Connection) -> None:
    titles = dict(sql.execute("SELECT id, title FROM document"))
    assert [row for row in _links(sql) if row[1] not in titles[row[0]]] == []


@pytest.mark.parametrize(
    ("document", "person"),
    [
        ("doc-5202", "kirov-sergei"),  # "Киров" read inside "Башкировой-Эрдман"
        ("doc-5079", "agranov-yakov"),  # Ф.С. Агранович, not Я.С. Агранов
        ("doc-4850", "agranov-yakov"),
        ("doc-5104", "kamenev-lev"),  # О.Д. Каменева's protocol
    ],
)
def test_the_four_wrong_links_are_gone(sql: sqlite3.Connection, document: str, person: str) -> None:
    assert (document, person) not in {(doc, pid) for doc, _, pid, _ in _links(sql)}


@pytest.mark.parametrize(
    ("document", "written"),
    [
        ("doc-5202", "С.А. Башкировой-Эрдман"),
        ("doc-5079", "Ф.С. Аграновича"),
        ("doc-4850", "Ф.С. Аграновича"),
    ],
)
def test_a_name_that_matches_nobody_stays_on_the_document_unlinked(
    conn: Any, document: str, written: str
) -> None:
    d = queries.detail(conn, Ref("document", document))
    assert isinstance(d, DocumentDetail)
    assert (written, None) in d.named


def test_olga_kameneva_has_her_protocol(conn: Any) -> None:
    d = queries.detail(conn, Ref("document", "doc-5104"))
    assert isinstance(d, DocumentDetail)
    assert [(w, p.ref.id if p else None) for w, p in d.named] == [
        ("О.Д. Каменевой", "kameneva-olga")
    ]
    olga = queries.detail(conn, Ref("person", "kameneva-olga"))
    assert isinstance(olga, PersonDetail)
    assert "doc-5104" in {doc.item.ref.id for doc in olga.documents}


# -- unknown is not none ---------------------------------------------------------------------


def _research_unknown() -> set[str]:
    path = RESEARCH / "people.csv"
    if not path.is_file():
        pytest.skip(f"the shared research is not at {RESEARCH}")
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["id"] for r in csv.DictReader(fh) if r["tribunal"] == "unknown"}


@pytest.mark.parametrize("person", UNKNOWN_TWELVE)
def test_the_twelve_have_an_unknown_verdict_not_none(sql: sqlite3.Connection, person: str) -> None:
    row = sql.execute(
        "SELECT tribunal, sentence_kind, outcome FROM person WHERE id = ?", (person,)
    ).fetchone()
    assert row == ("unknown", "unknown", "unknown")
    verdict = sql.execute(
        "SELECT s.tribunal, s.kind FROM sentence s JOIN person p ON p.pk = s.person_pk "
        "WHERE p.id = ? AND s.stage = 'verdict'",
        (person,),
    ).fetchall()
    assert verdict == [("unknown", "unknown")]


def test_each_unknown_verdict_cites_its_sources(conn: Any) -> None:
    ids = [f"s-{p}-1935" for p in UNKNOWN_TWELVE]
    cited = facts(conn, "sentence", ids)
    assert [i for i in ids if not cited[i].sources] == []


def test_the_people_with_an_unknown_tribunal_are_the_researchs(sql: sqlite3.Connection) -> None:
    archive = {r[0] for r in sql.execute("SELECT id FROM person WHERE tribunal = 'unknown'")}
    research = _research_unknown()
    assert archive == research
    assert len(research) == 42
    assert set(UNKNOWN_TWELVE) <= archive


def test_the_chart_counts_every_unknown_tribunal(conn: Any) -> None:
    counts = queries.outcome_counts(conn)
    assert sum(c.named for c in counts if c.tribunal == "unknown") == len(_research_unknown())
    unknown_sentence = next(c for c in counts if c.tribunal == "unknown" and c.outcome == "unknown")
    assert unknown_sentence.named == 32  # 20 defendants + the twelve


def test_none_still_means_no_verdict(sql: sqlite3.Connection) -> None:
    """The people without a 1935 verdict keep tribunal ``none`` and stay off the chart."""
    rows = sql.execute(
        "SELECT count(*), sum(outcome = 'no-verdict') FROM person p WHERE tribunal = 'none' "
        "AND NOT EXISTS (SELECT 1 FROM sentence s WHERE s.person_pk = p.pk "
        "AND s.stage = 'verdict')"
    ).fetchone()
    total = sql.execute("SELECT count(*) FROM person WHERE tribunal = 'none'").fetchone()
    assert rows[0] == rows[1] == total[0] == 40
    assert (
        sql.execute("SELECT count(*) FROM outcome_summary WHERE tribunal = 'none'").fetchone()[0]
        == 0
    )


# -- dates -------------------------------------------------------------------------------------


def test_ryaskin_particulars_were_lacking_two_days_after_the_confession(
    sql: sqlite3.Connection,
) -> None:
    (note,) = sql.execute("SELECT note FROM relation WHERE id = 'r020'").fetchone()
    (summary,) = sql.execute("SELECT summary FROM person WHERE id = 'ryaskin'").fetchone()
    for text in (note, summary):
        assert "by 26 Mar" not in text
        assert "28 Mar" in text and "26 Mar" in text
    (confession,) = sql.execute(
        "SELECT date FROM event WHERE id = 'ev-1935-cherniavsky-confession'"
    ).fetchone()
    assert confession == "1935-03-26"


def test_doc_5077_keeps_the_protocol_date_and_the_memo_date(conn: Any) -> None:
    d = queries.detail(conn, Ref("document", "doc-5077"))
    assert isinstance(d, DocumentDetail)
    assert d.date == "1935-03-26"
    dates = d.facts.field("date")
    assert dates is not None
    by_value = {c.value: c for c in dates.claims}
    assert by_value["1935-03-26"].source.ref.id == "showtrials-catalog"
    assert "protocol" in (by_value["1935-03-26"].note or "")
    assert by_value["1935-03-27"].source.ref.id == "showtrials-chern-26mar"
    assert "memo" in (by_value["1935-03-27"].note or "")


# -- conflicts as claims -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "subject", "field", "value", "source"),
    [
        ("event", "ev-1935-pb-yenukidze", "date", "1935-03-21", "enwiki-kremlin-plot"),
        ("event", "ev-1935-pb-yenukidze", "date", "1935-04-03", "showtrials-pb-3apr"),
        ("event", "ev-1935-pb-yenukidze", "date", "1935-04-03", "voitikov-fasad51"),
        ("event", "ev-1935-pb-yenukidze", "charge", "vigilance", "enwiki-kremlin-plot"),
        (
            "event",
            "ev-1935-pb-yenukidze",
            "alleged_involvement",
            "Kamenev, Zinoviev, Trotsky, the Mensheviks and the White Guards",
            "enwiki-kremlin-plot",
        ),
        ("person", "yenukidze-avel", "removal_as_tsik_secretary", "1935-02", "enwiki-kremlin-plot"),
        ("person", "yenukidze-avel", "removal_as_tsik_secretary", "1935-03", "conquest-rulit40"),
        ("person", "sinani-skalov-georgy", "death_date", "1940", "showtrials-skalov-article"),
        ("person", "sinani-skalov-georgy", "death_date", "1937-10-10", "showtrials-skalov-article"),
    ],
)
def test_a_conflict_is_a_claim_with_its_source(
    conn: Any, kind: str, subject: str, field: str, value: str, source: str
) -> None:
    claims = facts(conn, kind, [subject])[subject].field(field)
    assert claims is not None
    assert any(value in (c.value or "") and c.source.ref.id == source for c in claims.claims)


@pytest.mark.parametrize(
    ("kind", "subject", "field"),
    [
        ("event", "ev-1935-pb-yenukidze", "date"),
        ("person", "yenukidze-avel", "removal_as_tsik_secretary"),
        ("person", "sinani-skalov-georgy", "death_date"),
    ],
)
def test_the_conflicting_dates_show_as_disputed(
    conn: Any, kind: str, subject: str, field: str
) -> None:
    claims = facts(conn, kind, [subject])[subject].field(field)
    assert claims is not None and claims.disputed


def test_no_note_still_says_no_source_gives_21_march(sql: sqlite3.Connection) -> None:
    texts = [r[0] for r in sql.execute("SELECT note FROM claim WHERE note IS NOT NULL")]
    texts += [r[0] for r in sql.execute("SELECT summary FROM event WHERE summary IS NOT NULL")]
    assert [t for t in texts if "No source read" in t and "21 Mar" in t] == []
