"""Controlled vocabularies and their words (db.vocab): sentence labels, chart categories and their
axis order, dates at their precision, relation and tally-scope words — and every controlled value
stored in the bundled archive has a label."""

from __future__ import annotations

import calendar

import pytest
from sqlalchemy import text

from db import Archive, vocab


@pytest.mark.parametrize(
    ("kind", "years", "label"),
    [
        ("death", None, "death"),
        ("death", 10, "death"),
        ("none", None, "no sentence"),
        ("none", 3, "no sentence"),
        ("prison", 10, "10 years prison"),
        ("camp", 1, "1 year camp"),
        ("exile", 3, "3 years exile"),
        ("ban-on-residence", 5, "5 years ban on residence"),
        ("prison", None, "prison"),
        ("unknown", 4, "4 years, kind of sentence unknown"),
        ("unknown", None, "unknown"),
        ("labour-army", 2, "2 years labour-army"),  # not in the vocabulary: shown as stored
    ],
)
def test_sentence_label(kind: str, years: int | None, label: str) -> None:
    assert vocab.sentence_label(kind, years) == label


@pytest.mark.parametrize(
    ("kind", "years", "key"),
    [
        ("death", None, "death"),
        ("prison", 10, "term:10"),
        ("camp", 10, "term:10"),  # prison and camp terms share a bar
        ("prison", None, "term:?"),
        ("exile", 5, "exile"),
        ("ban-on-residence", 3, "ban"),
        ("none", None, "none"),
        ("unknown", 4, "unknown"),
        ("labour-army", 2, "unknown"),
    ],
)
def test_outcome_key(kind: str, years: int | None, key: str) -> None:
    assert vocab.outcome_key(kind, years) == key


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("term:10", "10 yrs"),
        ("term:?", "prison/camp, term unknown"),
        ("ban", "ban on residence"),
        ("none", "none / released"),
        ("no-verdict", "no verdict"),
        ("death", "death"),
        ("something-new", "something-new"),
    ],
)
def test_outcome_label(key: str, label: str) -> None:
    assert vocab.outcome_label(key) == label


def test_chart_axis_runs_from_death_through_longest_to_shortest_term_then_the_rest() -> None:
    keys = ["unknown", "term:2", "exile", "none", "term:?", "death", "ban", "term:10", "other"]
    assert sorted(keys, key=vocab.outcome_order) == [
        "death",
        "term:10",
        "term:2",
        "term:?",
        "exile",
        "ban",
        "none",
        "unknown",
        "other",
    ]


@pytest.mark.parametrize(
    ("date", "precision", "shown"),
    [
        ("1935-03-26", "day", "26 March 1935"),
        ("1935-03-06", None, "6 March 1935"),
        ("1935-03-26", "month", "March 1935"),
        ("1935-03", "day", "March 1935"),  # a partial date shows no more than it holds
        ("1935-03-26", "year", "1935"),
        ("1935", "day", "1935"),
        (None, "day", "date unknown"),
        ("", None, "date unknown"),
        ("1935-13-01", "day", "1935-13-01"),  # impossible month: shown as stored
        ("19xx", "year", "19xx"),
        ("1935-03-xx", "day", "1935-03-xx"),
    ],
)
def test_format_date_shows_a_date_at_its_precision(
    date: str | None, precision: str | None, shown: str
) -> None:
    assert vocab.format_date(date, precision) == shown


def test_english_dates_stay_english_whatever_the_time_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Qt sets the C library's locale from the system when it starts; calendar's month names
    # follow it (a Russian desktop's would be «марта»). English dates do not ask it.
    monkeypatch.setattr(calendar, "month_name", ["", *(f"месяц{i}" for i in range(1, 13))])
    assert vocab.english_date("1935-03-26", "day") == "26 March 1935"
    assert vocab.english_date("1935-12", "month") == "December 1935"
    assert vocab.english_date("1935-00-26", "day") == "1935-00-26"  # no month 0: as stored
    assert vocab.english_date("1935-03-00", "day") == "1935-03-00"  # nor day 0
    assert vocab.ENGLISH_MONTHS[0] == "January" and len(vocab.ENGLISH_MONTHS) == 12


@pytest.mark.parametrize(
    ("relation", "words"),
    [
        ("brother", "brother"),
        ("accused-by", "accused by"),
        ("former-sister-in-law", "former sister-in-law"),
        ("ex-wife", "ex-wife"),
        ("alleged-co-conspirator", "alleged co-conspirator"),
        ("recruited-by-alleged", "allegedly recruited by"),
    ],
)
def test_relation_words_keep_the_hyphens_of_hyphenated_words_only(
    relation: str, words: str
) -> None:
    assert vocab.relation_words(relation) == words


@pytest.mark.parametrize(
    ("key", "scope"),
    [
        ("all", "all"),
        ("yagoda-proposal", "Yagoda's proposal"),
        ("military-collegium", "Military Collegium"),
        ("special-board-oso", "Special Board (OSO)"),
        ("regional-court", "regional-court"),
    ],
)
def test_tally_scope(key: str, scope: str) -> None:
    assert vocab.tally_scope(key) == scope


@pytest.mark.parametrize(
    ("sql", "labels"),
    [
        ("SELECT DISTINCT role FROM person", vocab.ROLES),
        ("SELECT DISTINCT tribunal FROM person", vocab.TRIBUNALS),
        ("SELECT DISTINCT tribunal FROM sentence", vocab.TRIBUNALS),
        ("SELECT DISTINCT kind FROM sentence", vocab.SENTENCE_KINDS),
        ("SELECT DISTINCT stage FROM sentence", vocab.STAGES),
        ("SELECT DISTINCT confidence FROM person", dict.fromkeys(vocab.CONFIDENCE)),
        ("SELECT DISTINCT date_precision FROM event", dict.fromkeys(vocab.PRECISIONS)),
    ],
)
def test_every_controlled_value_in_the_archive_is_in_its_vocabulary(
    archive: Archive, sql: str, labels: dict[str, object]
) -> None:
    with archive.connect() as conn:
        values = {r[0] for r in conn.execute(text(sql))}
    assert values
    assert values <= set(labels)


def test_every_chart_category_in_the_archive_has_words_of_its_own(archive: Archive) -> None:
    with archive.connect() as conn:
        keys = {r[0] for r in conn.execute(text("SELECT DISTINCT outcome FROM person"))}
    assert {"death", "no-verdict"} <= keys
    for key in keys:
        assert vocab.outcome_label(key) != key or key in ("death", "exile", "unknown")
        assert vocab.outcome_order(key) < 300 or key == "no-verdict"


# -- in Russian ------------------------------------------------------------------------------

from collections.abc import Iterator  # noqa: E402

from db import i18n  # noqa: E402


@pytest.fixture
def russian() -> Iterator[None]:
    i18n.set_language("ru")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("date", "precision", "shown"),
    [
        ("1935-07-27", "day", "27 июля 1935 г."),
        ("1935-03-06", None, "6 марта 1935 г."),
        ("1935-03-26", "month", "март 1935 г."),
        ("1935-05", "day", "май 1935 г."),
        ("1935-03-26", "year", "1935 г."),
        ("1934-12-01", "day", "1 декабря 1934 г."),
        (None, "day", "дата неизвестна"),
        ("1935-13-01", "day", "1935-13-01"),
        ("19xx", "year", "19xx"),
    ],
)
def test_russian_dates_use_the_genitive_after_a_day_and_the_nominative_alone(
    russian: None, date: str | None, precision: str | None, shown: str
) -> None:
    assert vocab.format_date(date, precision) == shown


#: n → the Russian word for years after it (1 год, 2 года, 5 лет …).
YEARS_RU = {1: "год", 2: "года", 5: "лет", 11: "лет", 21: "год", 22: "года", 25: "лет"}


@pytest.mark.parametrize("n", sorted(YEARS_RU))
def test_russian_terms_take_the_plural_form_of_their_number(russian: None, n: int) -> None:
    word = YEARS_RU[n]
    assert vocab.year_count(n) == f"{n} {word}"
    assert vocab.sentence_label("prison", n) == f"{n} {word} тюрьмы"
    assert vocab.sentence_label("camp", n) == f"{n} {word} лагерей"
    assert vocab.sentence_label("exile", n) == f"{n} {word} ссылки"
    assert vocab.sentence_label("ban-on-residence", n) == f"{n} {word} запрета проживания"
    assert vocab.sentence_label("unknown", n) == f"{n} {word}, вид наказания неизвестен"
    assert vocab.outcome_label(f"term:{n}") == f"{n} {word}"
    assert vocab.outcome_description(f"term:{n}") == f"тюрьма или лагерь, {n} {word}"


def test_english_terms_keep_their_words() -> None:
    assert [vocab.year_count(n) for n in (1, 2, 21)] == ["1 year", "2 years", "21 years"]
    assert vocab.outcome_description("term:10") == "prison or camp, 10 years"
    assert vocab.outcome_description("unknown") == "sentence unknown"


def test_labels_are_translated_when_read_not_when_imported(russian: None) -> None:
    assert vocab.ROLES["defendant"] == "обвиняемый"
    assert vocab.TRIBUNALS["military-collegium"] == "Военная коллегия Верховного суда СССР"
    assert vocab.TRIBUNALS["special-board-oso"] == "Особое совещание при НКВД (ОСО)"
    assert vocab.STAGES["verdict"] == "приговор 1935 г."
    assert vocab.sentence_label("death", None) == "расстрел"
    assert vocab.sentence_label("none", None) == "без наказания"
    assert vocab.tally_scope("yagoda-proposal") == "предложение Ягоды"
    assert vocab.ROLES.source("defendant") == "defendant"
    assert list(vocab.ROLES)[:2] == ["defendant", "investigator"]  # keys, in order
    i18n.set_language("en")
    assert vocab.ROLES["defendant"] == "defendant"


def test_unknown_is_not_none_in_russian_either(russian: None) -> None:
    assert vocab.TRIBUNALS["unknown"] == "осудивший орган неизвестен"
    assert vocab.SENTENCE_KINDS["unknown"] != vocab.SENTENCE_KINDS["none"]
    assert vocab.outcome_label("none") != vocab.outcome_label("unknown")


@pytest.mark.parametrize("relation", sorted(vocab.RELATION_SENTENCES))
def test_every_relation_sentence_says_in_english_what_the_words_say(relation: str) -> None:
    phrase = vocab.relation_phrase(relation)
    if relation in vocab.VERB_RELATIONS:
        assert vocab.relation_sentence("A", relation, "B") == f"A {phrase} B"
    else:
        assert vocab.relation_sentence("A", relation, "B") == f"A is {phrase} B"
    assert vocab.RELATION_PHRASE_TEXT[relation] == phrase
    assert vocab.relation_label("A", relation, "B") == f"A: {phrase} B"


def test_russian_relations_read_as_a_card_of_the_other_person(russian: None) -> None:
    assert vocab.relation_sentence("Розенфельд Н. Б.", "brother", "Каменев Л. Б.") == (
        "Каменев Л. Б.: брат — Розенфельд Н. Б."
    )
    assert vocab.relation_sentence("Чернявский", "interrogated-by", "Агранов") == (
        "Агранов: допрашивал(а) — Чернявский"
    )
    assert (
        vocab.relation_sentence("Авдеева", "blamed", "Жалыбина") == "Авдеева: обвинил(а) — Жалыбина"
    )
    assert vocab.relation_label("А", "wife", "Б") == "Б: жена — А"
    assert vocab.relation_phrase("accused-by") == "обвинял(а)"
    # a relation the vocabulary lacks keeps its stored words (archive data)
    assert vocab.relation_sentence("А", "godfather", "Б") == "А — godfather of — Б"


def test_russian_relation_words_agree_with_the_sexes_when_both_are_known(russian: None) -> None:
    sentence = vocab.relation_sentence
    assert sentence("Муханова", "interrogated-by", "Агранов", "F", "M") == (
        "Агранов: допрашивал — Муханова"
    )
    assert sentence("Агранов", "interrogated-by", "Муханова", "M", "F") == (
        "Муханова: допрашивала — Агранов"
    )
    # a noun describes {a}; a verb's subject is {b}; this one needs both
    assert (
        sentence("Розенфельд", "friend", "Муханова", "F", "F") == "Муханова: подруга — Розенфельд"
    )
    assert sentence("А", "arrested-after-testimony-of", "Б", "F", "M") == (
        "Б: дал показания, после которых арестована — А"
    )
    assert sentence("А", "questioned-as-witness-by", "Б", "F", "F") == (
        "Б: допрашивала как свидетельницу — А"
    )
    assert vocab.relation_label("Авдеева", "blamed", "Жалыбина", "F", "F") == (
        "Авдеева: обвинила — Жалыбина"
    )
    # a sex the archive does not record keeps both forms; so do words that do not agree
    assert sentence("Рябов", "interrogated-by", "Кто-то", "M", None) == (
        "Кто-то: допрашивал(а) — Рябов"
    )
    assert sentence("Рябов", "interrogated-by", "Кто-то", "M", "") == (
        "Кто-то: допрашивал(а) — Рябов"
    )
    assert sentence("А", "brother", "Б", "M", "F") == "Б: брат — А"


@pytest.mark.parametrize("relation", sorted(vocab.SEX_AGREEING))
def test_each_sex_agreeing_relation_has_four_russian_forms_without_brackets(
    relation: str, russian: None
) -> None:
    forms = {
        sexes: vocab.relation_sentence("{a}", relation, "{b}", *sexes)
        for sexes in vocab.RELATION_SEX_CONTEXTS
    }
    for sexes, form in forms.items():
        assert "(" not in form, (sexes, form)
        assert form.count("{a}") == form.count("{b}") == 1
    assert len(set(forms.values())) >= 2  # the sex of one person at least changes the words


def test_english_relation_sentences_do_not_change_with_the_sexes() -> None:
    for relation in sorted(vocab.SEX_AGREEING):
        plain = vocab.relation_sentence("A", relation, "B")
        for sexes in vocab.RELATION_SEX_CONTEXTS:
            assert vocab.relation_sentence("A", relation, "B", *sexes) == plain


def test_numbers_are_grouped_the_readers_way() -> None:
    assert vocab.format_number(1082) == "1,082"
    i18n.set_language("ru")
    try:
        assert vocab.format_number(1082) == "1\xa0082"
        assert vocab.format_number(110) == "110"
    finally:
        i18n.set_language("en")


def test_controlled_words_shown_by_show_are_words() -> None:
    assert vocab.claim_field_name("later_fate") == "later fate"  # words, as show prints fields
    assert vocab.claim_field_label("later_fate") == "later fate"
    assert vocab.doc_type_label("interrogation_protocol") == "interrogation protocol"
    assert vocab.event_role("alleged instigator") == "alleged instigator"
    assert vocab.sex_label("F") == "F"


def test_a_claimed_value_of_a_controlled_field_reads_in_words(russian: None) -> None:
    assert vocab.claim_value_label("kind", "death") == "расстрел"
    assert vocab.claim_value_label("tribunal", "military-collegium") == (
        "Военная коллегия Верховного суда СССР"
    )
    assert vocab.claim_value_label("relation", "sister") == "сестра"
    # free text, and a value outside the vocabulary, stay as the source gives them
    assert vocab.claim_value_label("kind", "labour army") == "labour army"
    assert vocab.claim_value_label("later_fate", "shot") == "shot"


def test_controlled_words_in_russian(russian: None) -> None:
    assert vocab.claim_field_name("later_fate") == "дальнейшая судьба"
    assert vocab.claim_field_name("some_new_field") == "some new field"
    assert vocab.doc_type_label("interrogation_protocol") == "протокол допроса"
    assert vocab.source_kind_label("book") == "книга"
    assert vocab.confidence_label("high") == "высокая"
    assert vocab.sex_label("F") == "ж"
    assert vocab.event_role("accused") == "обвиняемый"
