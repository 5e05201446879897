"""The words pages print around archive data, in the reader's language (no Qt, no I/O).

The archive's controlled vocabularies (roles, tribunals, stages, sentences, confidence, name
scripts, kinds of source and document …), dates and numbers come from :mod:`db.vocab`, which
translates them when they are read; this module adds what only the pages say (the dossiers'
names of claim fields, a person's sex in words, a source's language) and picks the name or
title to show first.  Every function looks its words up when it is called: the interface
language switches at run time, so nothing here is translated at import.

Dates and sentences are written anew from the DTO's keys (ISO date and precision, kind and
term) rather than taken from the labels the DTO was built with, so a page rebuilt after a
language switch reads in the new language even from the same DTO.
"""

from __future__ import annotations

from collections.abc import Mapping

from db import i18n, vocab
from db.dto import DatedRef, OutcomeCount, SentenceFact
from db.i18n import N_, _, pgettext

#: Claim fields whose dossier label is not simply their words (see :func:`field_label`).
RENAMED = frozenset(
    {
        "record",
        "later_fate",
        "arrest_date",
        "death_date",
        "given_names",
        "kind",
        "years",
        "proposed_years",
    }
)

#: Words of field names written as acronyms (``removal_as_tsik_secretary``).
ACRONYMS = {
    "tsik": "TsIK",
    "tsk": "TsK",
    "nkvd": "NKVD",
    "ogpu": "OGPU",
    "oso": "OSO",
    "vkp": "VKP",
    "vtsik": "VTsIK",
    "gpu": "GPU",
    "mit": "MIT",
}


def _renamed(name: str) -> str:
    """The dossier label of a field in :data:`RENAMED`, in the reader's language."""
    labels = {
        "record": pgettext("claim field", "the record as a whole"),
        "later_fate": pgettext("claim field", "later fate"),
        "arrest_date": pgettext("claim field", "arrest date"),
        "death_date": pgettext("claim field", "date of death"),
        "given_names": pgettext("claim field", "given names"),
        "kind": pgettext("claim field", "sentence"),
        "years": pgettext("claim field", "term (years)"),
        "proposed_years": pgettext("claim field", "proposed term (years)"),
    }
    return labels[name]


def text(label: str | None) -> str:
    """A label marked with ``N_``, in the reader's language ("" stays ""; a label already
    translated comes back unchanged, as gettext knows no msgid in another language)."""
    # gettext("") is the catalogue's header, never a translation.
    return _(label) if label else ""


def cyrillic_first() -> bool:
    """Whether names and titles are shown with their Cyrillic form first (Russian)."""
    return i18n.language() == "ru"


def number(n: int) -> str:
    """``1,082`` in English, «1 082» (no-break space) in Russian."""
    return vocab.format_number(n)


def field_label(name: str) -> str:
    """A claim field as a dossier names it: ``later_fate`` → ``later fate``,
    ``death_date`` → ``date of death``, ``removal_as_tsik_secretary`` → ``… TsIK …``."""
    if name in RENAMED:
        return _renamed(name)
    if i18n.language() == i18n.DEFAULT:
        return field_words(name)
    return vocab.claim_field_label(name)


def field_name(name: str) -> str:
    """A field as the detail view names it, in words a reader knows: ``death_date`` → ``date
    of death``, ``kind`` (of a sentence) → ``kind of sentence``, ``record`` → ``the record as a
    whole`` — never the archive's own key."""
    if name == "kind":
        # Only sentences have a "kind" claim (death, camp …): the kind of punishment.
        return pgettext("claim field", "kind of sentence")
    return field_label(name)


def field_words(name: str) -> str:
    """A field's name as words, acronyms capitalised (the English of most fields)."""
    return " ".join(ACRONYMS.get(w, w) for w in name.split("_"))


def _looked_up(table: Mapping[str, str], key: str) -> str:
    """``table[key]`` in the reader's language; a key the table lacks is shown as it is."""
    return text(table[key]) if key in table else key


def role(key: str, sex: str | None = None) -> str:
    """A person's role in the case: ``defendant`` (a woman's form where the language has one:
    обвиняемая)."""
    return text(vocab.role_label(key, sex)) if key in vocab.ROLES else key


def tribunal(key: str) -> str:
    """A tribunal: ``Military Collegium``."""
    return _looked_up(vocab.TRIBUNALS, key)


def stage(key: str) -> str:
    """The stage of a sentence: ``1935 verdict``, ``commutation``."""
    return _looked_up(vocab.STAGES, key)


def tally_scope(key: str) -> str:
    """The scope of a published tally: a tribunal, ``all``, a proposal or decision."""
    return text(vocab.tally_scope(key))


def outcome(o: OutcomeCount) -> str:
    """A chart category (``death``, ``10 yrs``), made now from its key."""
    return text(vocab.outcome_label(o.outcome))


def sentence(s: SentenceFact) -> str:
    """A sentence as words (``10 years prison``), made now from its kind and term."""
    return text(vocab.sentence_label(s.kind, s.years))


def date(iso: str | None, precision: str | None) -> str:
    """An ISO date at its precision (``27 July 1935``), or the words for an unknown date."""
    return vocab.format_date(iso, precision)


def sentence_date(s: SentenceFact) -> str:
    """The date of a sentence, written now."""
    return date(s.iso, s.precision)


def unknown_date(s: SentenceFact) -> bool:
    """Whether the archive gives no date for a sentence."""
    return s.iso is None


def dated(item: DatedRef) -> str:
    """The date of a linked item, written now; a label that is no date is kept as given."""
    if item.iso is None and item.precision is None:
        return item.date
    return date(item.iso, item.precision)


def participation(value: str | None, sex: str | None = None) -> str:
    """A person's part in an event as the archive words it (``accused``), translated (a
    woman's part in her form: обвиняемая)."""
    return vocab.event_role(value, sex) if value else ""


def confidence(value: str | None) -> str:
    """``high``, ``medium``, ``low`` in the reader's language (other values as given)."""
    return vocab.confidence_label(value)


def sex(value: str | None) -> str:
    """``M``/``F`` as the detail view shows them (a letter in English)."""
    return vocab.sex_label(value)


def sex_words(value: str | None) -> str | None:
    """``male``/``female`` as a dossier prints them (None when not recorded)."""
    if not value:
        return None
    return {"M": pgettext("sex", "male"), "F": pgettext("sex", "female")}.get(value, value)


def script(value: str) -> str:
    """The script of a name form: ``latn``, ``cyrl`` (codes in English, words otherwise)."""
    return _looked_up(vocab.SCRIPTS, value)


def name_kind(value: str) -> str:
    """What a name form is: ``english``, ``russian``, ``initials``, ``variant`` …"""
    return _looked_up(vocab.NAME_KINDS, value)


def source_kind(value: str) -> str:
    """The kind of a source: ``book``, ``article``, ``archive``, ``encyclopedia``."""
    return vocab.source_kind_label(value)


def language_name(code: str) -> str:
    """A source's language by name in the reader's language (``Russian``, «русский»): the
    Sources pane's own words for the languages it knows; any other code by CLDR's name for it
    outside English, as stored in English (Babel's data is ~4 MiB, not loaded for the usual
    languages)."""
    ui = i18n.language()
    if code in vocab.SOURCE_LANGUAGES:
        return vocab.source_language_label(code)
    if ui == i18n.DEFAULT or not code:
        return code
    from babel import Locale, UnknownLocaleError  # not at import: CLDR data, ~20 ms

    try:
        return str(Locale.parse(ui).languages.get(code, code))
    except (ValueError, UnknownLocaleError):
        return code


def document_type(value: str) -> str:
    """A document's type as the DTO gives it (``interrogation protocol``), translated."""
    return vocab.doc_type_label(value.replace(" ", "_"))


def kind_word(kind: str) -> str:
    """The kind of an archive item as a noun: ``person``, ``event``, ``document``, ``source``."""
    words = {
        "person": pgettext("kind of record", "person"),
        "event": pgettext("kind of record", "event"),
        "document": pgettext("kind of record", "document"),
        "source": pgettext("kind of record", "source"),
    }
    return words.get(kind, kind)


#: A name form's script and kind in words, for the pages (the command line keeps the codes).
SCRIPT_WORDS = {"cyrl": N_("Cyrillic"), "latn": N_("Latin")}
NAME_KIND_WORDS = {
    "russian": N_("Russian form"),
    "english": N_("English form"),
    "variant": N_("variant spelling"),
    "initials": N_("with initials"),
    "misspelling": N_("misspelling in a source"),
    "cover-name": N_("cover name"),
}


def name_form(script_code: str, kind: str) -> str:
    """``Cyrillic, Russian form`` / «кириллица, русская форма» (unknown codes as given)."""
    s = _(SCRIPT_WORDS[script_code]) if script_code in SCRIPT_WORDS else script_code
    k = _(NAME_KIND_WORDS[kind]) if kind in NAME_KIND_WORDS else kind
    return f"{s}, {k}"
