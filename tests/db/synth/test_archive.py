"""The synthetic archive generator: reproducible, valid source data, readable by the data layer."""

from __future__ import annotations

import io
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest

from db import listing, open_archive, queries, synth
from db.build import STAGING
from db.build.source_data import SourceData, validate
from db.synth.names import TOP_SURNAME_SHARE, Zipf, build_groups
from db.synth.pipeline import generate_in_child

PEOPLE = 2000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2,000-person archive built by the generator (seed 1)."""
    out = tmp_path_factory.mktemp("synth") / "synth-2000.sqlite"
    return synth.build_synthetic(PEOPLE, out, seed=1).path


@pytest.fixture(scope="module")
def db(built: Path) -> Iterator[sqlite3.Connection]:
    """Plain read-only SQL access to the built archive, for content checks."""
    conn = sqlite3.connect(built.resolve().as_uri() + "?mode=ro", uri=True)
    yield conn
    conn.close()


class Collector:
    """A row sink that keeps everything (test-sized archives only)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[object, ...]]] = defaultdict(list)

    def insert(self, table: str, rows: Iterable[Sequence[object]]) -> None:
        self.rows[table].extend(tuple(r) for r in rows)

    def source_data(self) -> SourceData:
        """Rows in the CSV shape ``db.build.source_data`` validates (record claims → source_ids)."""
        cited: dict[tuple[str, str], list[str]] = defaultdict(list)
        claims = []
        for row in self.dicts("claim"):
            if row["field"] == "record":
                cited[(row["subject_kind"] or "", row["subject_id"] or "")].append(
                    row["source_id"] or ""
                )
            else:
                claims.append(row)
        tables = {"claims": claims}
        for table, name, kind in (
            ("source", "sources", None),
            ("person", "people", "person"),
            ("name", "names", None),
            ("sentence", "sentences", "sentence"),
            ("relation", "relations", "relation"),
            ("event", "events", "event"),
            ("event_person", "event_people", None),
            ("document", "documents", "document"),
            ("document_person", "document_people", None),
            ("tally", "tallies", None),
        ):
            rows = self.dicts(table)
            if kind:
                for row in rows:
                    row["source_ids"] = "|".join(cited.get((kind, row["id"] or ""), []))
            tables[name] = rows
        return SourceData({"title": "synthetic", "data_version": "test"}, tables)

    def dicts(self, table: str) -> list[dict[str, str | None]]:
        cols = STAGING[table]
        return [
            {c: None if v is None else str(v) for c, v in zip(cols, r, strict=True)}
            for r in self.rows[table]
        ]


def test_same_seed_and_size_give_a_byte_identical_file(built: Path, tmp_path: Path) -> None:
    again = synth.build_synthetic(PEOPLE, tmp_path / "again.sqlite", seed=1).path
    assert again.read_bytes() == built.read_bytes()


def test_a_parallel_build_writes_the_same_file(built: Path, tmp_path: Path) -> None:
    again = synth.build_synthetic(PEOPLE, tmp_path / "parallel.sqlite", seed=1, parallel=True)
    assert again.path.read_bytes() == built.read_bytes()


def test_the_generator_process_sends_the_same_rows_in_the_same_order() -> None:
    here, there = Collector(), Collector()
    counts = synth.generate(here, 700, seed=6)
    assert generate_in_child(there, 700, seed=6) == counts
    assert there.rows == here.rows


def test_a_failing_generator_process_raises_here() -> None:
    with pytest.raises(RuntimeError, match="generator process failed"):
        generate_in_child(Collector(), 0, seed=1)


def test_another_seed_gives_other_people() -> None:
    a, b = Collector(), Collector()
    synth.generate(a, 300, seed=1)
    synth.generate(b, 300, seed=2)
    assert {r[0] for r in a.rows["person"]} != {r[0] for r in b.rows["person"]}


def test_generated_rows_pass_the_source_data_validation() -> None:
    sink = Collector()
    counts = synth.generate(sink, 1500, seed=3)
    validate(sink.source_data())  # raises BuildError naming the first bad row
    assert counts["person"] == 1500
    assert counts["event"] == 750 and counts["document"] == 375


def test_every_record_cites_a_source(db: sqlite3.Connection) -> None:
    for kind, table in (
        ("person", "person"),
        ("sentence", "sentence"),
        ("relation", "relation"),
        ("event", "event"),
        ("document", "document"),
    ):
        uncited = db.execute(
            f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM claim c WHERE "
            "c.subject_kind = ? AND c.subject_id = t.id AND c.field = 'record')",
            (kind,),
        ).fetchone()[0]
        assert uncited == 0, f"{uncited} {kind} records without a source"


def test_content_mix_matches_the_brief(db: sqlite3.Connection) -> None:
    count = dict(
        db.execute(
            "SELECT key, CAST(value AS INTEGER) FROM meta WHERE key LIKE '%_count'"
        ).fetchall()
    )
    assert count["person_count"] == PEOPLE
    assert count["event_count"] == PEOPLE // 2 and count["document_count"] == PEOPLE // 4
    verdicts = db.execute("SELECT count(*) FROM sentence WHERE stage = 'verdict'").fetchone()[0]
    assert 0.5 < verdicts / PEOPLE < 0.7
    tribunals = {t for (t,) in db.execute("SELECT DISTINCT tribunal FROM tally")}
    assert {"military-collegium", "special-board-oso"} <= tribunals
    years = {y for (y,) in db.execute("SELECT DISTINCT years FROM sentence WHERE years > 0")}
    assert min(years) == 1 and max(years) == 25


def test_published_tallies_roughly_match_the_generated_verdicts(built: Path) -> None:
    archive = open_archive(built)
    try:
        with archive.connect() as conn:
            bars = [o for o in queries.outcome_counts(conn) if o.published is not None]
    finally:
        archive.close()
    assert {o.tribunal for o in bars} == {"military-collegium", "special-board-oso"}
    for bar in bars:
        for _source, figure in bar.published_by:
            assert abs(figure - bar.named) <= max(2, 0.05 * bar.named), bar


def test_commonest_surname_has_about_1_3_percent() -> None:
    groups = build_groups()
    ru_share = groups[0].weight / sum(g.weight for g in groups)
    pool = Zipf.with_top_share(groups[0].surnames, TOP_SURNAME_SHARE / ru_share)
    assert pool.items[0].ru == ("Иванов", "Иванова")
    assert pool.share(0) * ru_share == pytest.approx(TOP_SURNAME_SHARE, rel=1e-3)
    assert sum(len(g.surnames) for g in groups) > 1500


def test_ivanovs_are_the_expected_share_of_the_archive(db: sqlite3.Connection) -> None:
    surnames = Counter(name.split()[0] for (name,) in db.execute("SELECT name_ru FROM person"))
    ivanovs = surnames["Иванов"] + surnames["Иванова"]
    assert 0.006 < ivanovs / PEOPLE < 0.022  # 1.3 % expected; 3 standard deviations at N=2000


def test_each_person_has_russian_english_and_one_to_three_more_names(
    db: sqlite3.Connection,
) -> None:
    shapes = Counter(
        db.execute(
            "SELECT sum(kind = 'russian'), sum(kind = 'english'), count(*) - 2 FROM person_name "
            "GROUP BY person_pk"
        ).fetchall()
    )
    assert {(ru, en) for ru, en, _ in shapes} == {(1, 1)}
    assert {extra for _, _, extra in shapes} <= {1, 2, 3}


def test_names_with_yo_are_written_both_ways(db: sqlite3.Connection) -> None:
    pairs = db.execute(
        "SELECT r.name, v.name FROM person_name r JOIN person_name v ON v.person_pk = "
        "r.person_pk AND v.kind = 'variant' AND v.script = 'cyrl' WHERE r.kind = 'russian' "
        "AND replace(r.name, 'ё', 'е') = replace(v.name, 'ё', 'е') AND r.name != v.name"
    ).fetchall()
    assert any("ё" in ru for ru, _ in pairs) and any("ё" in v for _, v in pairs)


def test_national_latin_spellings_keep_their_diacritics(db: sqlite3.Connection) -> None:
    native = {
        name
        for (name,) in db.execute(
            "SELECT name FROM person_name WHERE note IN ('Latvian spelling', "
            "'Lithuanian spelling', 'Polish spelling', 'German spelling')"
        )
    }
    letters = set("".join(native))
    assert letters & set("āēīņšž")  # Latvian, Lithuanian
    assert letters & set("łąęóśźż")  # Polish
    assert letters & set("äöüß")  # German


def test_document_titles_name_and_link_their_people(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT d.title, dp.name_as_written, dp.person_pk FROM document d JOIN document_person "
        "dp ON dp.document_pk = d.pk WHERE d.doc_type = 'interrogation_protocol' LIMIT 50"
    ).fetchall()
    assert rows
    for title, written, person in rows:
        assert title.startswith("Протокол допроса") and written in title and person is not None


def test_open_archive_accepts_it_and_the_queries_work(built: Path, db: sqlite3.Connection) -> None:
    archive = open_archive(built)
    try:
        assert archive.info.counts["person"] == PEOPLE
        disputed_person = db.execute(
            "SELECT subject_id FROM claim WHERE subject_kind = 'person' "
            "AND field = 'birth_year' LIMIT 1"
        ).fetchone()[0]
        doc_id = db.execute(
            "SELECT id FROM document WHERE doc_type = 'confrontation_protocol' LIMIT 1"
        ).fetchone()[0]
        event_id = db.execute(
            "SELECT id FROM event WHERE title LIKE 'Military Collegium%' LIMIT 1"
        ).fetchone()[0]
        with archive.connect() as conn:
            spec, query = listing.PEOPLE, listing.ListQuery(sort="name_ru")
            assert listing.count(conn, spec, query) == PEOPLE
            page = listing.page(conn, spec, query, 0, 50, PEOPLE)
            assert len(page) == 50
            oso = query.with_filter("tribunal", "special-board-oso")
            pks = listing.snapshot(conn, spec, oso)
            assert 0 < len(pks) == listing.count(conn, spec, oso)
            assert len(listing.rows_by_pks(conn, spec, pks[:20])) == 20

            person = queries.person_detail(conn, disputed_person)
            assert person is not None and person.names
            birth = person.facts.field("birth_year")
            assert birth is not None and len(birth.values) == 2

            document = queries.document_detail(conn, doc_id)
            assert document is not None
            assert len([p for _, p in document.named if p is not None]) == 2

            event = queries.event_detail(conn, event_id)
            assert event is not None and event.participants

            source = queries.source_detail(conn, "tally-archive")
            assert source is not None and source.tallies
            outcomes = queries.outcome_counts(conn)
            published = {o.tribunal for o in outcomes if o.published is not None}
            assert published == {"military-collegium", "special-board-oso"}
    finally:
        archive.close()


def test_progress_reports_rate_eta_and_phases(tmp_path: Path) -> None:
    stream = io.StringIO()
    log = synth.BuildLog(stream, interval=0.0)
    report = synth.build_synthetic(300, tmp_path / "p.sqlite", seed=4, log=log)
    text = stream.getvalue()
    assert "rows/s" in text and "ETA" in text and "numbering people" in text
    phases = [name for name, _ in report.phases]
    assert phases[0] == "staging" and phases[-1] == "analyse"
    assert {"side build", "numbering", "indexes", "claims copy", "search index"} <= set(phases)
    assert sum(s for _, s in report.phases) == pytest.approx(report.seconds)


def test_command_line_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.sqlite"
    assert synth.main(["--people", "150", "--seed", "9", "--out", str(out), "-q"]) == 0
    assert out.is_file() and "wrote" in capsys.readouterr().out


def test_cached_archive_is_built_once_and_rebuilt_when_stale(tmp_path: Path) -> None:
    path = synth.cached_archive(200, seed=5, cache_dir=tmp_path)
    assert path == tmp_path / "synth-200-seed5.sqlite"
    stamp = path.stat().st_mtime_ns
    assert synth.cached_archive(200, seed=5, cache_dir=tmp_path) == path
    assert path.stat().st_mtime_ns == stamp
    conn = sqlite3.connect(path)  # a private temp copy: mark it as built by older code
    conn.execute("UPDATE meta SET value = 'old' WHERE key = 'synth_fingerprint'")
    conn.commit()
    conn.close()
    synth.cached_archive(200, seed=5, cache_dir=tmp_path)
    fresh = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    value = fresh.execute("SELECT value FROM meta WHERE key = 'synth_fingerprint'").fetchone()
    fresh.close()
    assert value == (synth.fingerprint(),)
