"""Search keys from staged records: folded name keys, the spelling vocabulary, text keys.

:func:`person_keys` must fold every name word (ё→е, й→и, no ь/ъ) and add the initials tokens;
the memoised :class:`PersonKeys` must agree with it for any names; and :func:`collect`, run on
the bundled archive's own records staged again, must give exactly the vocabulary and text words
that the archive's search tables hold — whatever order the names were staged in.
"""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.build import STAGING
from db.search import translit
from db.search.index import KIND_CODES, KIND_SHIFT
from db.search.keys import STOPWORDS, PersonKeys, TextKeys, Vocab, collect, person_keys


@pytest.mark.parametrize(
    ("names", "keys"),
    [
        (
            [("Розенфельд Николай Борисович", "cyrl"), ("N. B. Rozenfeld", "latn")],
            {"розенфелд", "николаи", "борисович", "rozenfeld", "0н", "1б", "0n", "1b"},
        ),
        (
            [("Королёв Сергей Васильевич", "cyrl")],
            {"королев", "сергеи", "василевич", "0с", "1в"},
        ),
        ([("Подъячев Йосиф", "cyrl")], {"подячев", "иосиф", "0и"}),
        ([("Rozenfelʹd Ežov", "latn")], {"rozenfeld", "ezov", "0r"}),
        (
            [("Раевская (урожд. Урусова) Елена Юрьевна", "cyrl")],
            {"раевская", "урусова", "елена", "юревна", "0е", "1ю"},
        ),
        ([("Иванов Ф. Г.", "")], {"иванов", "0ф", "1г"}),
        ([("Konstantinova A. M.", "latn")], {"konstantinova", "0a", "1m"}),
    ],
)
def test_person_keys_are_the_folded_name_words_and_initials(
    names: list[tuple[str, str]], keys: set[str]
) -> None:
    assert person_keys(names) == sorted(keys)


def test_person_keys_do_not_depend_on_the_order_or_repetition_of_forms() -> None:
    forms = [("Ежов Николай Иванович", "cyrl"), ("Nikolai Yezhov", "latn"), ("Ежов Н. И.", "cyrl")]
    assert person_keys(forms) == person_keys([*reversed(forms), forms[0]])


_PARTS = st.sampled_from(
    [
        "Ёлкин",
        "Сергей",
        "Мадьяр",
        "Подъячев",
        "Н.",
        "Б.",
        "Yu.",
        "Н.Б.",
        "Rozenfel'd",
        "(урожд.",
        "Урусова)",
        "урожд",
        "nee",
        "Anna",
        "A",
        "Й",
        "ь",
        "Иванов-Петров",
        "Łukasz",
        "e\u0301",
        "x",
    ]
)
_NAMES = st.lists(
    st.tuples(st.lists(_PARTS, max_size=5).map(" ".join), st.sampled_from(["cyrl", "latn", ""])),
    max_size=4,
)


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(st.lists(_NAMES, min_size=1, max_size=4))
def test_the_memoised_person_keys_agree_with_person_keys(
    people: list[list[tuple[str, str]]],
) -> None:
    memo_vocab, plain_vocab = Vocab(), Vocab()
    names_of = PersonKeys(memo_vocab)
    for names in people:
        assert names_of(names).split() == person_keys(names, plain_vocab)
    assert memo_vocab.rows == plain_vocab.rows


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(_NAMES)
def test_person_keys_agree_with_the_general_name_parser(names: list[tuple[str, str]]) -> None:
    expected: set[str] = set()
    for name, script in names:
        parts = translit.parse_name(name, script == "cyrl" or translit.is_cyrillic(name))
        expected.update(translit.initial_key(i, c) for i, c in enumerate(parts.initials))
        expected.update(k for _w, k in parts.words if len(k) >= 2 and k not in STOPWORDS)
    assert person_keys(names) == sorted(expected)


def test_a_cyrillic_word_enters_the_vocabulary_with_every_systems_spelling() -> None:
    vocab = Vocab()
    vocab.add_word("Ежов", "ежов")
    vocab.add_word("Yezhov", "yezhov")
    rows = {(key, term): origin for key, term, origin, _r, _s in vocab.table_rows()}
    assert rows[("ежов", "ежов")] == "cyr"
    assert rows[("yezhov", "yezhov")] == "lat"
    assert rows[("jeschow", "ежов")] == "de"
    assert rows[("yezhov", "ежов")] == "wiki bgn"  # in the systems' order
    assert {term for _key, term in rows} == {"ежов", "yezhov"}


def test_vocabulary_rows_are_sorted_with_reversed_keys_and_latin_skeletons() -> None:
    vocab = Vocab()
    for word in ("Чернявский", "Ежов", "Cherniavsky"):
        vocab.add_word(word, translit.word_key(word))
    rows = list(vocab.table_rows())
    assert rows == sorted(rows)
    for key, _term, _origin, rkey, skel in rows:
        assert rkey == key[::-1]
        assert skel == (None if translit.is_cyrillic(key) else translit.skeleton(key))


def test_text_keys_are_the_words_keys_and_collect_every_word() -> None:
    text_of = TextKeys()
    assert text_of("Дело Чернявского", "Ёжов и т.д.") == "дело чернявского ежов и т д"
    assert text_of("", "…") == ""
    assert text_of("Дело", "") == "дело"
    assert text_of.words == {"дело", "чернявского", "ежов", "и", "т", "д"}


# -- collect, on the bundled archive's records staged again ----------------------------------

#: The archive's records as staging rows (columns named as in ``STAGING``), in pk order.
_RECORDS = {
    "person": "SELECT id, name_en, name_ru, occupation, organisation, nationality, summary, "
    "later_fate FROM person ORDER BY pk",
    "name": "SELECT p.id AS person_id, n.name, n.script, n.kind FROM person_name n "
    "JOIN person p ON p.pk = n.person_pk ORDER BY n.person_pk, n.pk",
    "sentence": "SELECT s.id, p.id AS person_id, s.notes FROM sentence s "
    "JOIN person p ON p.pk = s.person_pk ORDER BY s.pk",
    "relation": "SELECT r.id, a.id AS person_id, b.id AS related_person_id, r.note "
    "FROM relation r JOIN person a ON a.pk = r.person_pk JOIN person b ON b.pk = r.related_pk "
    "ORDER BY r.pk",
    "event": "SELECT id, title, summary FROM event ORDER BY pk",
    "document": "SELECT id, title, collection, category FROM document ORDER BY pk",
    "source": "SELECT id, author, title, note FROM source ORDER BY pk",
    "claim": "SELECT subject_kind, subject_id, field, value, note FROM claim ORDER BY pk",
    "tally": "SELECT s.id AS source_id, t.label, t.count, t.note FROM tally t "
    "JOIN source s ON s.pk = t.source_pk ORDER BY t.pk",
}


def _stage(raw: sqlite3.Connection, names_reversed: bool) -> sqlite3.Connection:
    """An in-memory staging database holding the archive's records, in pk order."""
    stage = sqlite3.connect(":memory:")
    for name, cols in STAGING.items():
        stage.execute(f"CREATE TABLE stg_{name} ({', '.join(cols)})")
    for table, sql in _RECORDS.items():
        cur = raw.execute(sql)
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
        if table == "name" and names_reversed:
            rows.reverse()
        stage.executemany(
            f"INSERT INTO stg_{table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            rows,
        )
    return stage


def _collected(
    raw: sqlite3.Connection, names_reversed: bool
) -> dict[str, list[tuple[object, ...]]]:
    stage = _stage(raw, names_reversed)
    try:
        collect(stage, stage)
        return {
            table: stage.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("person_keys", "text_keys", "vocab")
        } | {"words": stage.execute("SELECT key FROM words ORDER BY rowid").fetchall()}
    finally:
        stage.close()


@pytest.fixture(scope="module")
def collected(raw: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return _collected(raw, names_reversed=False)


def test_collect_gives_the_vocabulary_the_archive_holds(
    raw: sqlite3.Connection, collected: dict[str, list[tuple[object, ...]]]
) -> None:
    stored = raw.execute("SELECT key, term, origin, rkey, skel FROM search_vocab").fetchall()
    assert sorted(collected["vocab"]) == sorted(stored)
    assert len(stored) > 1000


def test_bundled_vocabulary_maps_spellings_back_to_cyrillic(raw: sqlite3.Connection) -> None:
    rows = raw.execute("SELECT key, origin FROM search_vocab WHERE term = 'ежов'").fetchall()
    origins = dict(rows)
    assert origins["jeschow"] == "de" and origins["iejov"] == "fr" and origins["jezow"] == "pl"
    assert origins["ежов"] == "cyr"


def test_collect_gives_the_text_words_the_archive_holds(
    raw: sqlite3.Connection, collected: dict[str, list[tuple[object, ...]]]
) -> None:
    stored = raw.execute("SELECT key FROM search_words ORDER BY key").fetchall()
    assert collected["words"] == stored


def test_every_collected_name_key_finds_its_person_in_the_archive_index(
    raw: sqlite3.Connection, collected: dict[str, list[tuple[object, ...]]]
) -> None:
    # People were staged in pk order, so each staging rowid is the person's pk.
    missing = [
        (sno, key)
        for sno, keys, _text in collected["person_keys"]
        for key in str(keys).split()
        if not raw.execute(
            "SELECT 1 FROM person_fts WHERE person_fts MATCH ? AND rowid = ?",
            (f'"{key}"', sno),
        ).fetchone()
    ]
    assert missing == []


def test_every_collected_text_key_finds_its_record_in_the_archive_index(
    raw: sqlite3.Connection, collected: dict[str, list[tuple[object, ...]]]
) -> None:
    rows = [(KIND_CODES["person"], sno, text) for sno, _keys, text in collected["person_keys"]]
    rows += collected["text_keys"]
    missing = [
        (code, sno, key)
        for code, sno, body in rows
        for key in set(str(body).split())
        if not raw.execute(
            "SELECT 1 FROM text_fts WHERE text_fts MATCH ? AND rowid = ?",
            (f'"{key}"', int(code) << KIND_SHIFT | int(sno)),
        ).fetchone()
    ]
    assert len(rows) > 400 and missing == []


def test_names_staged_out_of_order_give_the_same_keys(
    raw: sqlite3.Connection, collected: dict[str, list[tuple[object, ...]]]
) -> None:
    assert _collected(raw, names_reversed=True) == collected


@pytest.mark.parametrize(
    "person_id",
    [
        "aaa-nobody",  # sorts before every staged person
        "m-nobody",  # sorts among them
        "zzz-nobody",
    ],
)
def test_names_of_no_staged_person_are_left_out(raw: sqlite3.Connection, person_id: str) -> None:
    assert person_id not in {str(r[0]) for r in raw.execute("SELECT id FROM person")}
    stage = _stage(raw, names_reversed=False)
    try:
        stage.execute(
            "INSERT INTO stg_name (person_id, name, script) VALUES (?, 'Нольев', 'cyrl')",
            (person_id,),
        )
        collect(stage, stage)
        assert not stage.execute("SELECT 1 FROM vocab WHERE key = 'нолев'").fetchone()
        assert stage.execute("SELECT count(*) FROM person_keys").fetchone()[0] == len(
            raw.execute("SELECT pk FROM person").fetchall()
        )
    finally:
        stage.close()
