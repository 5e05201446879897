"""The behaviour of the data-transfer objects (db.dto): link addresses round-trip and junk is
refused, disputed fields are those whose sources disagree, and a relation reads as an English
sentence from either person's side — for every relation kind the bundled archive holds."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db import Archive
from db.dto import KINDS, ClaimDTO, Facts, FieldClaims, Labelled, Ref, RelationFact
from db.vocab import VERB_RELATIONS

SOURCE = Labelled(Ref("source", "koshel-kniga87"), "Пётр Кошель, Кремлёвское дело (1997)")
OTHER = Labelled(Ref("person", "kamenev-lev"), "Lev Kamenev (Каменев Лев Борисович)")


def _claim(field: str, value: str | None) -> ClaimDTO:
    return ClaimDTO(field, value, SOURCE, None, None, None)


def _relation(relation: str, outgoing: bool) -> RelationFact:
    return RelationFact("r1", OTHER, relation, outgoing, None, Facts())


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("ident", ["cherniavsky-mikhail", "doc-1734", "ev-1935-vk-verdict", "ё"])
def test_a_ref_survives_its_link_address(kind: str, ident: str) -> None:
    ref = Ref(kind, ident)
    assert ref.uri() == f"archive://{kind}/{ident}"
    assert Ref.from_uri(ref.uri()) == ref


def test_every_item_of_the_bundled_archive_round_trips_through_its_link(archive: Archive) -> None:
    with archive.connect() as conn:
        refs = [
            Ref(kind, r[0])
            for kind in KINDS
            for r in conn.execute(text(f"SELECT id FROM {kind} ORDER BY pk"))
        ]
    assert len(refs) == 99 + 47 + 292 + 126
    assert [Ref.from_uri(r.uri()) for r in refs] == refs


@pytest.mark.parametrize(
    "uri",
    [
        "",
        "archive://",
        "archive://person",
        "archive://person/",
        "archive:///cherniavsky-mikhail",
        "archive://sentence/s-1",
        "archive://Person/cherniavsky-mikhail",
        "archive://person/a/b",
        "archive:/person/cherniavsky-mikhail",
        "ARCHIVE://person/cherniavsky-mikhail",
        "https://person/cherniavsky-mikhail",
        "person/cherniavsky-mikhail",
        " archive://person/cherniavsky-mikhail",
    ],
)
def test_anything_but_an_archive_link_to_a_known_kind_is_refused(uri: str) -> None:
    assert Ref.from_uri(uri) is None


def test_field_values_are_distinct_in_first_seen_order_with_none_as_empty() -> None:
    fc = FieldClaims(
        "date", (_claim("date", "1935-07-27"), _claim("date", None), _claim("date", "1935-07-27"))
    )
    assert fc.values == ("1935-07-27", "")
    assert fc.disputed


def test_a_field_all_sources_agree_on_is_not_disputed() -> None:
    fc = FieldClaims("date", (_claim("date", "1935-07-27"), _claim("date", "1935-07-27")))
    assert fc.values == ("1935-07-27",)
    assert not fc.disputed


def test_facts_find_a_field_by_name_and_list_only_the_disputed_ones() -> None:
    agreed = FieldClaims("birth_year", (_claim("birth_year", "1900"),) * 2)
    disputed = FieldClaims("later_fate", (_claim("later_fate", "shot"), _claim("later_fate", "x")))
    facts = Facts((_claim("record", None),), (agreed, disputed))
    assert facts.field("later_fate") is disputed
    assert facts.field("death_year") is None
    assert facts.disputed == (disputed,)


@pytest.mark.parametrize(
    ("relation", "phrase"),
    [
        ("brother", "brother of"),
        ("accused-by", "accused by"),
        ("subordinate-of", "subordinate of"),
        ("arrested-after-testimony-of", "arrested after testimony of"),
        ("recruited-by-alleged", "allegedly recruited by"),
        ("former-sister-in-law", "former sister-in-law of"),
        ("released-after-intervention-of", "released after intervention of"),
    ],
)
def test_a_relation_phrase_ends_in_one_preposition(relation: str, phrase: str) -> None:
    assert _relation(relation, True).phrase == phrase


def test_an_outgoing_relation_names_this_person_first() -> None:
    assert (
        _relation("accused-by", True).sentence("Nina Rosenfeld")
        == "Nina Rosenfeld is accused by Lev Kamenev (Каменев Лев Борисович)"
    )


def test_an_incoming_relation_names_the_other_person_first() -> None:
    assert (
        _relation("brother", False).sentence("Nikolai Rosenfeld")
        == "Lev Kamenev (Каменев Лев Борисович) is brother of Nikolai Rosenfeld"
    )


def test_every_relation_kind_in_the_archive_reads_with_one_preposition(archive: Archive) -> None:
    with archive.connect() as conn:
        kinds = [r[0] for r in conn.execute(text("SELECT DISTINCT relation FROM relation"))]
    assert len(kinds) > 30
    for kind in kinds:
        words = _relation(kind, True).phrase.split()
        if kind in VERB_RELATIONS:  # "Anna Avdeeva blamed …": a verb takes no preposition
            assert words == [kind], kind
            continue
        assert words[-1] in ("of", "by", "to", "with", "after"), kind
        assert words.count("of") + words.count("by") <= 1, kind
        assert "-by" not in kind or "by" in words, kind


def test_a_verb_relation_is_not_worded_as_a_noun_of() -> None:
    assert "blamed of" not in _relation("blamed", True).sentence("Anna Avdeeva")


def test_a_relation_sentence_is_the_vocabulary_s_in_the_reader_s_language() -> None:
    from db import i18n
    from db.dto import Facts, Labelled, RelationFact

    other = Labelled(Ref("person", "kamenev-lev"), "Каменев Лев")
    rel = RelationFact("r1", other, "wife", True, None, Facts())
    i18n.set_language("ru")
    try:
        text = rel.sentence("Глебова Татьяна")
    finally:
        i18n.set_language("en")
    assert " is " not in text and "Глебова Татьяна" in text and "Каменев Лев" in text
