"""Controlled vocabularies of the archive and their display labels (no I/O).

Kept in one place so that the builder validates against the same values the UI shows, and so
that outcome categories (chart bars, People-pane filters) have exactly one definition.

Labels are English source text marked for translation; they are translated when they are read
(:class:`Labels` looks each one up in the current language), never when this module is
imported, so a language switch shows at once.  Dates and numbers follow the reader's language
too: ``27 July 1935`` / «27 июля 1935 г.», ``1,234`` / «1 234».
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from db.i18n import N_, NC_, _, language, ngettext, pgettext


class Labels(Mapping[str, str]):
    """A vocabulary: key → English label, handed out in the current language when read.

    ``ROLES["witness"]`` is ``witness`` in English and «свидетель» in Russian; iterating gives
    the keys in their order, as a dict does.
    """

    def __init__(self, labels: dict[str, str]) -> None:
        self._labels = labels

    def __getitem__(self, key: str) -> str:
        return _(self._labels[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def source(self, key: str) -> str:
        """The English label of ``key`` (untranslated)."""
        return self._labels[key]


ROLES = Labels(
    {
        "defendant": N_("defendant"),
        "investigator": N_("investigator"),
        "official": N_("official"),
        "alleged-instigator": N_("alleged instigator"),
        "witness": N_("witness"),
        "relative": N_("relative"),
        "researcher": N_("researcher"),
        "other": N_("other"),
    }
)


#: The roles Russian words otherwise for a woman (the others read the same for anyone).
_FEMININE_ROLES = {
    "defendant": NC_("role of a woman", "defendant"),
    "alleged-instigator": NC_("role of a woman", "alleged instigator"),
    "witness": NC_("role of a woman", "witness"),
    "relative": NC_("role of a woman", "relative"),
    "researcher": NC_("role of a woman", "researcher"),
}


def role_label(key: str | None, sex: str | None = None) -> str:
    """A person's role in the case, in the reader's language and, where the language has one,
    in a woman's form when the archive says she is a woman (обвиняемая, свидетельница); the
    common form when her sex is not recorded.  Unknown keys as given."""
    if not key:
        return ""
    if sex == "F" and key in _FEMININE_ROLES:
        return pgettext(*_FEMININE_ROLES[key])
    return ROLES.get(key, key)


TRIBUNALS = Labels(
    {
        "military-collegium": N_("Military Collegium"),
        "special-board-oso": N_("Special Board (OSO)"),
        "nkvd-troika": N_("NKVD troika"),
        "unknown": N_("tribunal unknown"),
        "none": "—",
    }
)


def tribunal_label(key: str) -> str:
    """Display name of a tribunal key (the key itself when the vocabulary lacks it)."""
    return TRIBUNALS.get(key, key)


def tribunal_heading(key: str) -> str:
    """:func:`tribunal_label` with a capital first letter, to start a line."""
    label = tribunal_label(key)
    return label[:1].upper() + label[1:]


#: Relation kinds whose words are not simply the key with spaces for hyphens.
RELATION_PHRASES: dict[str, str] = {
    "ex-wife": "ex-wife",
    "ex-husband": "ex-husband",
    "former-sister-in-law": "former sister-in-law",
    "alleged-co-conspirator": "alleged co-conspirator",
    "recruited-by-alleged": "allegedly recruited by",
}


#: Relations that are things one person did to the other: "A blamed B", not "A is … of B".
VERB_RELATIONS: frozenset[str] = frozenset({"blamed"})

#: Every relation of the archive as a sentence naming both people: ``{a}`` is the person the
#: relation is stated of ("{a} is brother of {b}"), ``{b}`` the other.  The English is what
#: :func:`relation_sentence` builds from the relation's words; the entry exists so that each
#: sentence can be translated whole (a Russian name cannot simply follow "of").
RELATION_SENTENCES: dict[str, str] = {
    "accused-by": N_("{a} is accused by {b}"),
    "acquaintance": N_("{a} is acquaintance of {b}"),
    "alleged-co-conspirator": N_("{a} is alleged co-conspirator of {b}"),
    "alleged-link": N_("{a} is alleged link of {b}"),
    "arrested-after-testimony-of": N_("{a} is arrested after testimony of {b}"),
    "aunt": N_("{a} is aunt of {b}"),
    "blamed": N_("{a} blamed {b}"),
    "brother": N_("{a} is brother of {b}"),
    "clemency-refused-by": N_("{a} is clemency refused by {b}"),
    "classmate": N_("{a} is classmate of {b}"),
    "confidant-of": N_("{a} is confidant of {b}"),
    "daughter": N_("{a} is daughter of {b}"),
    "ex-husband": N_("{a} is ex-husband of {b}"),
    "ex-wife": N_("{a} is ex-wife of {b}"),
    "father": N_("{a} is father of {b}"),
    "fellow-villager": N_("{a} is fellow villager of {b}"),
    "former-partner": N_("{a} is former partner of {b}"),
    "former-sister-in-law": N_("{a} is former sister-in-law of {b}"),
    "friend": N_("{a} is friend of {b}"),
    "husband": N_("{a} is husband of {b}"),
    "implicated-by": N_("{a} is implicated by {b}"),
    "interrogated-by": N_("{a} is interrogated by {b}"),
    "mother": N_("{a} is mother of {b}"),
    "named-as-rumour-source-by": N_("{a} is named as rumour source by {b}"),
    "nephew": N_("{a} is nephew of {b}"),
    "pressured-before-trial-by": N_("{a} is pressured before trial by {b}"),
    "questioned-as-witness-by": N_("{a} is questioned as witness by {b}"),
    "recommended-by": N_("{a} is recommended by {b}"),
    "recruited-by-alleged": N_("{a} is allegedly recruited by {b}"),
    "released-after-intervention-of": N_("{a} is released after intervention of {b}"),
    "school-friend": N_("{a} is school friend of {b}"),
    "second-wife": N_("{a} is second wife of {b}"),
    "sister": N_("{a} is sister of {b}"),
    "son": N_("{a} is son of {b}"),
    "subordinate-of": N_("{a} is subordinate of {b}"),
    "wife": N_("{a} is wife of {b}"),
}


#: Relations whose sentence, in some language, agrees with the sex of one or both people: the
#: Russian «допрашивал» / «допрашивала», «знакомый» / «знакомая».  Each has its sentence
#: translated once more in each context of :data:`RELATION_SEX_CONTEXTS` (the catalogue builder
#: adds those entries); where the archive does not record both people's sex the common
#: sentence is used, which in Russian gives both forms («допрашивал(а)»).
SEX_AGREEING: frozenset[str] = frozenset(
    {
        "accused-by",
        "acquaintance",
        "alleged-co-conspirator",
        "arrested-after-testimony-of",
        "blamed",
        "clemency-refused-by",
        "classmate",
        "fellow-villager",
        "former-partner",
        "friend",
        "implicated-by",
        "interrogated-by",
        "named-as-rumour-source-by",
        "pressured-before-trial-by",
        "questioned-as-witness-by",
        "recommended-by",
        "recruited-by-alleged",
        "released-after-intervention-of",
        "school-friend",
        "subordinate-of",
    }
)

#: The gettext context a :data:`SEX_AGREEING` relation's sentence is read in, by the sexes of
#: ``{a}`` and ``{b}`` as stored (``M``, ``F``).
RELATION_SEX_CONTEXTS: dict[tuple[str, str], str] = {
    ("M", "M"): "relation: {a} a man, {b} a man",
    ("M", "F"): "relation: {a} a man, {b} a woman",
    ("F", "M"): "relation: {a} a woman, {b} a man",
    ("F", "F"): "relation: {a} a woman, {b} a woman",
}


#: The relation words of :data:`RELATION_SENTENCES` with their preposition, as
#: :func:`relation_phrase` gives them in English (marked here so each can be translated).
RELATION_PHRASE_TEXT: dict[str, str] = {
    "accused-by": N_("accused by"),
    "acquaintance": N_("acquaintance of"),
    "alleged-co-conspirator": N_("alleged co-conspirator of"),
    "alleged-link": N_("alleged link of"),
    "arrested-after-testimony-of": N_("arrested after testimony of"),
    "aunt": N_("aunt of"),
    "blamed": N_("blamed"),
    "brother": N_("brother of"),
    "clemency-refused-by": N_("clemency refused by"),
    "classmate": N_("classmate of"),
    "confidant-of": N_("confidant of"),
    "daughter": N_("daughter of"),
    "ex-husband": N_("ex-husband of"),
    "ex-wife": N_("ex-wife of"),
    "father": N_("father of"),
    "fellow-villager": N_("fellow villager of"),
    "former-partner": N_("former partner of"),
    "former-sister-in-law": N_("former sister-in-law of"),
    "friend": N_("friend of"),
    "husband": N_("husband of"),
    "implicated-by": N_("implicated by"),
    "interrogated-by": N_("interrogated by"),
    "mother": N_("mother of"),
    "named-as-rumour-source-by": N_("named as rumour source by"),
    "nephew": N_("nephew of"),
    "pressured-before-trial-by": N_("pressured before trial by"),
    "questioned-as-witness-by": N_("questioned as witness by"),
    "recommended-by": N_("recommended by"),
    "recruited-by-alleged": N_("allegedly recruited by"),
    "released-after-intervention-of": N_("released after intervention of"),
    "school-friend": N_("school friend of"),
    "second-wife": N_("second wife of"),
    "sister": N_("sister of"),
    "son": N_("son of"),
    "subordinate-of": N_("subordinate of"),
    "wife": N_("wife of"),
}


def relation_words(relation: str) -> str:
    """Words of a relation: ``former-sister-in-law`` → ``former sister-in-law``."""
    return RELATION_PHRASES.get(relation) or relation.replace("-", " ")


def _english_phrase(relation: str) -> str:
    rel = relation_words(relation)
    last = rel.rsplit(" ", 1)[-1]
    if relation in VERB_RELATIONS or last in ("of", "by", "to", "with", "after"):
        return rel
    return f"{rel} of"


def relation_phrase(relation: str) -> str:
    """The relation as words with its preposition: ``brother of``, ``accused by``, ``blamed``.

    In another language: the relation's own word there («брат», «допрашивал(а)»), or the
    English words for a relation the vocabulary lacks (archive data).
    """
    phrase = RELATION_PHRASE_TEXT.get(relation)
    return _(phrase) if phrase is not None else _english_phrase(relation)


def relation_sentence(
    a: str, relation: str, b: str, sex_a: str | None = None, sex_b: str | None = None
) -> str:
    """``a``'s relation to ``b`` as one sentence: ``Klavdia Sinelobova is sister of Alexei
    Sinelobov``, «Синелобов Алексей …: сестра — Синелобова Клавдия …».

    ``sex_a`` and ``sex_b`` are the two people's sexes as stored: with both known, a language
    whose words agree with them reads «Молчанов Г. А.: допрашивал — Муханова Е. К.» rather
    than «допрашивал(а)» (see :data:`SEX_AGREEING`).
    """
    template = RELATION_SENTENCES.get(relation)
    if template is not None:
        context = None
        if relation in SEX_AGREEING and sex_a is not None and sex_b is not None:
            context = RELATION_SEX_CONTEXTS.get((sex_a, sex_b))
        text = pgettext(context, template) if context is not None else _(template)
        return text.format(a=a, b=b)
    phrase = _english_phrase(relation)
    if relation in VERB_RELATIONS:
        return f"{a} {phrase} {b}"
    # TRANSLATORS: a relation missing from the vocabulary; {relation} is its English words.
    return _("{a} is {relation} {b}").format(a=a, relation=phrase, b=b)


def relation_label(
    a: str, relation: str, b: str, sex_a: str | None = None, sex_b: str | None = None
) -> str:
    """A relation as the subject of a citation: ``Nina Rozenfeld: former sister-in-law of Lev
    Kamenev`` (in Russian the whole :func:`relation_sentence`)."""
    sentence = relation_sentence(a, relation, b, sex_a, sex_b)
    # TRANSLATORS: {sentence} is the relation as a whole sentence in your language; use it
    # rather than {a} {phrase} {b} when "{phrase} {b}" does not read in your language.
    return _("{a}: {phrase} {b}").format(
        a=a, phrase=relation_phrase(relation), b=b, sentence=sentence
    )


#: Scopes of published tallies that are not tribunals (a proposal, a decision, the purge of
#: the Kremlin and TsIK staff, which went by dismissal, not by a court).
TALLY_SCOPES = Labels(
    {
        "all": N_("all"),
        "yagoda-proposal": N_("Yagoda's proposal"),
        "stalin-decision": N_("Stalin's decision"),
        "staff-purge": N_("staff purge (no court)"),
    }
)
#: Every scope a published tally may have: the tribunals and :data:`TALLY_SCOPES`.
TALLY_SCOPE_KEYS: tuple[str, ...] = (*TRIBUNALS, *TALLY_SCOPES)


def tally_scope(key: str) -> str:
    """Readable scope of a published tally: a tribunal, ``all``, or a proposal/decision."""
    return TALLY_SCOPES.get(key) or TRIBUNALS.get(key) or key


SENTENCE_KINDS = Labels(
    {
        "death": N_("death"),
        "prison": N_("prison"),
        "camp": N_("camp"),
        "exile": N_("exile"),
        "ban-on-residence": N_("ban on residence"),
        "none": N_("none"),
        "unknown": N_("unknown"),
    }
)

STAGES = Labels(
    {
        "verdict": N_("1935 verdict"),
        "commutation": N_("commutation"),
        "later": N_("later sentence"),
    }
)

CONFIDENCE = ("high", "medium", "low")
PRECISIONS = ("day", "month", "year")
#: How sure the archive is of a record or a claim.
CONFIDENCE_LABELS = Labels({"high": N_("high"), "medium": N_("medium"), "low": N_("low")})


def confidence_label(key: str | None) -> str:
    """``high`` / «высокая»; a value outside the vocabulary as stored."""
    return CONFIDENCE_LABELS.get(key or "", key or "")


def sex_label(key: str | None) -> str:
    """A person's sex as stored (``M``, ``F``) in the reader's language."""
    if key == "M":
        return pgettext("sex", "M")
    if key == "F":
        return pgettext("sex", "F")
    return key or ""


#: Scripts of stored name forms.
SCRIPTS = Labels({"cyrl": N_("cyrl"), "latn": N_("latn")})
#: Kinds of stored name forms, as ``show`` lists them.
NAME_KINDS = Labels(
    {
        "russian": N_("russian"),
        "english": N_("english"),
        "variant": N_("variant"),
        "initials": N_("initials"),
        "misspelling": N_("misspelling"),
        "cover-name": N_("cover-name"),
    }
)


#: Roles of people in events (``event_person.role``: a few words per participant).
EVENT_ROLES = Labels(
    {
        "accused": N_("accused"),
        "official": N_("official"),
        "investigator": N_("investigator"),
        "witness": N_("witness"),
        "named": N_("named"),
        "relative": N_("relative"),
        "alleged instigator": N_("alleged instigator"),
    }
)


#: A participant's part in a woman's or a man's words, where the language has them.
_PARTS_BY_SEX = {
    "F": {
        "accused": NC_("part of a woman", "accused"),
        "witness": NC_("part of a woman", "witness"),
        "relative": NC_("part of a woman", "relative"),
        "alleged instigator": NC_("part of a woman", "alleged instigator"),
        "named": NC_("part of a woman", "named"),
    },
    "M": {"named": NC_("part of a man", "named")},
}


def event_role(role: str, sex: str | None = None) -> str:
    """A participant's role in an event, in a woman's form where the language has one and the
    archive says she is a woman (see :func:`role_label`); a role outside the vocabulary as
    stored."""
    form = _PARTS_BY_SEX.get(sex or "", {}).get(role)
    return pgettext(*form) if form is not None else EVENT_ROLES.get(role, role)


#: Kinds of sources.
SOURCE_KINDS = Labels(
    {
        "book": N_("book"),
        "article": N_("article"),
        "archive": N_("archive"),
        "encyclopedia": N_("encyclopedia"),
    }
)


def source_kind_label(kind: str) -> str:
    """``book``, ``article`` …; a kind outside the vocabulary as stored."""
    return SOURCE_KINDS.get(kind, kind)


#: Languages of sources: ISO 639-1 code → the language's name (English, translated where
#: shown).
SOURCE_LANGUAGES = {
    "be": N_("Belarusian"),
    "de": N_("German"),
    "en": N_("English"),
    "fr": N_("French"),
    "pl": N_("Polish"),
    "ru": N_("Russian"),
    "uk": N_("Ukrainian"),
}


def source_language_label(code: str) -> str:
    """``ru`` → ``Russian`` / «русский»; a code outside the table as stored."""
    name = SOURCE_LANGUAGES.get(code)
    return _(name) if name else code


#: Types of case-file documents (stored with underscores: ``interrogation_protocol``).
DOC_TYPES = Labels(
    {
        "interrogation_protocol": N_("interrogation protocol"),
        "confrontation_protocol": N_("confrontation protocol"),
        "search_protocol": N_("search protocol"),
        "special_report": N_("special report"),
        "letter": N_("letter"),
        "memo_note": N_("memo note"),
        "session_transcript": N_("session transcript"),
        "statement": N_("statement"),
        "list": N_("list"),
        "explanation": N_("explanation"),
        "decree_resolution": N_("decree resolution"),
        "reference_note": N_("reference note"),
        "autobiography": N_("autobiography"),
        "data_extract": N_("data extract"),
        "plan_instruction": N_("plan instruction"),
        "draft_project": N_("draft project"),
        "verdict_or_sentence": N_("verdict or sentence"),
    }
)


def doc_type_label(key: str) -> str:
    """``interrogation_protocol`` → ``interrogation protocol`` (in the reader's language)."""
    return DOC_TYPES.get(key) or key.replace("_", " ")


#: Fields that claims are about (``claim.field``): English words are the key's words.
CLAIM_FIELDS = Labels(
    {
        "record": N_("record"),
        "date": N_("date"),
        "arrest_date": N_("arrest date"),
        "death_date": N_("death date"),
        "session_dates": N_("session dates"),
        "trial_announced_date": N_("trial announced date"),
        "surname": N_("surname"),
        "given_names": N_("given names"),
        "identity": N_("identity"),
        "occupation": N_("occupation"),
        "post_after_expulsion": N_("post after expulsion"),
        "removal_as_tsik_secretary": N_("removal as tsik secretary"),
        "relation": N_("relation"),
        "later_fate": N_("later fate"),
        "charge": N_("charge"),
        "charges": N_("charges"),
        "alleged_involvement": N_("alleged involvement"),
        "under_investigation": N_("under investigation"),
        "tribunal": N_("tribunal"),
        "kind": N_("kind"),
        "years": N_("years"),
        "exile_term": N_("exile term"),
        "residence_ban_term": N_("residence ban term"),
        "defendants": N_("defendants"),
        "convicted": N_("convicted"),
        "people_listed": N_("people listed"),
        "death_sentences": N_("death sentences"),
        "prison_sentences": N_("prison sentences"),
        "exile_sentences": N_("exile sentences"),
        "residence_bans": N_("residence bans"),
        "proposed_death_sentences": N_("proposed death sentences"),
        "proposed_ten_year_terms": N_("proposed ten year terms"),
        "proposed_releases": N_("proposed releases"),
        "proposed_years": N_("proposed years"),
    }
)


def claim_field_label(key: str) -> str:
    """Words of a claim's field: ``later_fate`` → ``later fate`` (in the reader's language)."""
    return CLAIM_FIELDS.get(key) or key.replace("_", " ")


def claim_field_name(key: str) -> str:
    """A claim's field where a listing names it: its words (``later fate``, «дальнейшая
    судьба»), as the rest of ``show`` names fields; ``--json`` keeps the key."""
    return claim_field_label(key)


def claim_value_label(field: str, value: str) -> str:
    """A claimed value of a controlled field in the reader's words: a sentence kind
    (``death`` → «расстрел»), a tribunal, a role, a relation (``sister`` → ``sister of``);
    any other value, or one outside the vocabulary, as the source gives it."""
    if field == "relation":
        return relation_phrase(value)
    labels: Mapping[str, str] | None = {
        "kind": SENTENCE_KINDS,
        "sentence_kind": SENTENCE_KINDS,
        "tribunal": TRIBUNALS,
        "role": ROLES,
        "stage": STAGES,
    }.get(field)
    return labels.get(value, value) if labels is not None else value


def _years(kind: str, n: int) -> str:
    """``10 years prison`` with the right plural form of every language."""
    if kind == "prison":
        return ngettext("{n} year prison", "{n} years prison", n).format(n=n)
    if kind == "camp":
        return ngettext("{n} year camp", "{n} years camp", n).format(n=n)
    if kind == "exile":
        return ngettext("{n} year exile", "{n} years exile", n).format(n=n)
    if kind == "ban-on-residence":
        return ngettext("{n} year ban on residence", "{n} years ban on residence", n).format(n=n)
    if kind == "unknown":
        return ngettext(
            "{n} year, kind of sentence unknown", "{n} years, kind of sentence unknown", n
        ).format(n=n)
    # TRANSLATORS: {kind} is a kind of sentence the vocabulary lacks, as the archive stores it.
    return ngettext("{n} year {kind}", "{n} years {kind}", n).format(n=n, kind=kind)


def sentence_label(kind: str, years: int | None) -> str:
    """``10 years prison``, ``death``, ``2 years exile``, ``4 years, kind of sentence unknown``."""
    if kind == "none":
        return _("no sentence")
    if kind == "death":
        return SENTENCE_KINDS["death"]
    if years is None:
        return SENTENCE_KINDS.get(kind, kind)
    return _years(kind, years)


def year_count(n: int) -> str:
    """``1 year``, ``10 years`` / «1 год», «3 года», «10 лет»."""
    return ngettext("{n} year", "{n} years", n).format(n=format_number(n))


def outcome_key(kind: str, years: int | None) -> str:
    """Chart category of a verdict: death, ``term:N`` (prison/camp), exile, ban, none, unknown."""
    if kind == "death":
        return "death"
    if kind in ("prison", "camp"):
        return f"term:{years}" if years is not None else "term:?"
    if kind == "exile":
        return "exile"
    if kind == "ban-on-residence":
        return "ban"
    if kind == "none":
        return "none"
    return "unknown"


#: Axis labels of the chart categories that are not terms.
OUTCOME_LABELS = Labels(
    {
        "death": N_("death"),
        "exile": N_("exile"),
        "ban": N_("ban on residence"),
        "none": N_("none / released"),
        "unknown": N_("unknown"),
        "no-verdict": N_("no verdict"),
    }
)


def outcome_label(key: str) -> str:
    """Axis label of a chart category key."""
    if key.startswith("term:"):
        n = key[5:]
        if not n.isdigit():
            return _("prison/camp, term unknown")
        # TRANSLATORS: a prison or camp term on the chart axis ("10 yrs").
        return ngettext("{n} yr", "{n} yrs", int(n)).format(n=n)
    return OUTCOME_LABELS.get(key, key)


def outcome_description(key: str) -> str:
    """Long form for tables and tooltips: ``prison or camp, 10 years``, ``sentence unknown``."""
    if key.startswith("term:"):
        n = key[5:]
        if n.isdigit():
            return ngettext("prison or camp, {n} year", "prison or camp, {n} years", int(n)).format(
                n=n
            )
        return _("prison or camp, term unknown")
    if key == "unknown":
        return _("sentence unknown")
    return outcome_label(key)


def outcome_order(key: str) -> int:
    """Position of a category on the chart axis: death, longest term … shortest, exile, …"""
    if key == "death":
        return 0
    if key.startswith("term:"):
        n = key[5:]
        return 100 - int(n) if n.isdigit() else 99
    return {"exile": 200, "ban": 201, "none": 202, "unknown": 203}.get(key, 300)


def format_number(n: int) -> str:
    """A count with the reader's digit grouping: ``1,234`` / «1 234» (no-break space)."""
    if language() == "en":
        return f"{n:,}"
    from babel.numbers import format_decimal  # not at import: Babel's CLDR load is ~20 ms

    return str(format_decimal(n, locale=language()))


def _month(number: int, genitive: bool) -> str:
    if not 1 <= number <= 12:
        raise ValueError(number)
    from babel.dates import get_month_names  # not at import (see format_number)

    names = get_month_names("wide", "format" if genitive else "stand-alone", locale=language())
    return str(names[number])


#: English month names (:func:`english_date`, the Chicago citation's access date): fixed, as
#: ``calendar.month_name`` follows the C library's time locale (Qt sets it from the system when
#: it starts: a Russian desktop would get «марта» in an English citation), and builds each name
#: with ``strftime`` on every use.
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def english_date(date: str | None, precision: str | None) -> str:
    """:func:`format_date` in English whatever the reader's language (for citations in an
    English style: ``26 March 1935``)."""
    if not date:
        return "date unknown"
    parts = date.split("-")
    try:
        year = int(parts[0])
        if precision == "year" or len(parts) == 1:
            return str(year)
        number = int(parts[1])
        if not 1 <= number <= 12:
            return date
        month = ENGLISH_MONTHS[number - 1]
        if precision == "month" or len(parts) == 2:
            return f"{month} {year}"
        day = int(parts[2])
        return f"{day} {month} {year}" if 1 <= day <= 31 else date
    except (ValueError, IndexError):
        return date


def format_date(date: str | None, precision: str | None) -> str:
    """Show an ISO date at its precision: ``26 March 1935``, ``March 1935``, ``1935``;
    in Russian «26 марта 1935 г.», «март 1935 г.», «1935 г.»."""
    if language() == "en":
        return english_date(date, precision)
    if not date:
        return _("date unknown")
    parts = date.split("-")
    try:
        year = int(parts[0])
        if precision == "year" or len(parts) == 1:
            # TRANSLATORS: a date known to the year.
            return pgettext("date", "{year}").format(year=year)
        month = int(parts[1])
        if precision == "month" or len(parts) == 2:
            # TRANSLATORS: a date known to the month; {month} is the month's name on its own.
            return pgettext("date", "{month} {year}").format(month=_month(month, False), year=year)
        # TRANSLATORS: a full date; {month} is the month's name as it follows a day number.
        return pgettext("date", "{day} {month} {year}").format(
            day=int(parts[2]), month=_month(month, True), year=year
        )
    except (ValueError, IndexError):
        return date
