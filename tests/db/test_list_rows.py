"""List rows: the DTO makers read attribute records; People rows share the first page's fields."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from db import i18n
from db.list_rows import document_row, event_row, person_row


def test_a_person_with_no_verdict_reads_a_dash_and_an_unknown_one_reads_unknown() -> None:
    base = dict(
        pk=1,
        id="x",
        sort_name="X",
        name_ru="Икс",
        role="defendant",
        birth_year=None,
        death_year=1938,
        sex=None,
    )
    none = person_row(
        SimpleNamespace(**base, tribunal="none", sentence_kind="none", sentence_years=None)
    )
    unknown = person_row(
        SimpleNamespace(**base, tribunal="unknown", sentence_kind="unknown", sentence_years=None)
    )
    assert (none.tribunal, none.sentence) == ("—", "—")
    assert (unknown.tribunal, unknown.sentence) == ("unknown", "unknown")
    assert (none.birth_year, none.death_year) == (None, 1938)


def test_a_sentence_of_unknown_kind_with_a_term_says_what_is_known() -> None:
    row = person_row(
        SimpleNamespace(
            pk=1,
            id="x",
            sort_name="X",
            name_ru="Икс",
            role="defendant",
            birth_year=1900,
            death_year=None,
            tribunal="military-collegium",
            sentence_kind="unknown",
            sentence_years=4,
            sex="M",
        )
    )
    assert row.sentence == "4 years, kind of sentence unknown"


@pytest.mark.parametrize(
    ("role", "sex", "english", "russian"),
    [
        ("defendant", "F", "defendant", "обвиняемая"),
        ("defendant", "M", "defendant", "обвиняемый"),
        ("defendant", None, "defendant", "обвиняемый"),  # not recorded: the common form
        ("witness", "F", "witness", "свидетельница"),
        ("relative", "F", "relative", "родственница"),
        ("investigator", "F", "investigator", "следователь"),  # one form for both
        ("official", "F", "official", "должностное лицо"),
    ],
)
def test_a_womans_role_reads_in_her_form(
    role: str, sex: str | None, english: str, russian: str
) -> None:
    record = SimpleNamespace(
        pk=1,
        id="x",
        sort_name="X",
        name_ru="Икс",
        role=role,
        birth_year=None,
        death_year=None,
        tribunal="none",
        sentence_kind="none",
        sentence_years=None,
        sex=sex,
    )
    assert person_row(record).role == english
    i18n.set_language("ru")
    try:
        assert person_row(record).role == russian
    finally:
        i18n.set_language("en")


def test_event_and_document_rows_format_dates_and_types() -> None:
    event = event_row(
        SimpleNamespace(
            pk=1, id="e", date="1935-03", date_precision="month", title="T", people=None
        )
    )
    assert event.people == 0 and "1935" in event.date
    doc = document_row(
        SimpleNamespace(
            pk=2,
            id="d",
            date="1935-03-26",
            doc_type="interrogation_protocol",
            title="T",
            persons="",
        )
    )
    assert doc.doc_type == "interrogation protocol" and "1935" in doc.date


def test_a_document_s_type_reads_in_the_reader_s_language() -> None:
    from db import i18n

    row = SimpleNamespace(
        pk=2, id="d", date="1935-03-26", doc_type="interrogation_protocol", title="T", persons=""
    )
    i18n.set_language("ru")
    try:
        assert document_row(row).doc_type == "протокол допроса"  # the Documents tab's Тип
    finally:
        i18n.set_language("en")
    assert document_row(SimpleNamespace(**{**vars(row), "doc_type": "new_kind"})).doc_type == (
        "new kind"  # outside the vocabulary: its words
    )
