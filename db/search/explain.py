"""Why a hit matched: short sentences with emphasised parts and highlight spans.

Explanations are computed only for the hits shown (never for every match), from the person's
stored name forms and the candidates :func:`db.search.query.resolve` found for each query word:
``German spelling Jeschow of Ежов``, ``feminine form Kameneva of Каменев``, ``one letter off
from Yenukidze``.  Spans are ``(start, end)`` code-point offsets; the UI escapes the text and
marks the spans.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass, field

from db.i18n import N_, _, pgettext
from db.search import translit
from db.search.query import Candidate, Query, Rank, Word, initial_letters, text_prefixes

Span = tuple[int, int]
#: How a stored name form's kind is named in an explanation.
KIND_LABELS = {
    "russian": N_("name"),
    "english": N_("name"),
    "variant": N_("variant spelling"),
    "initials": N_("name"),
    "misspelling": N_("misspelling in a source"),
    "cover-name": N_("cover name"),
}
#: Parts of a name (surname, given name, patronymic); a word of no known part is "word".
SURNAME, GIVEN, PATRONYMIC, WORD = "surname", "given", "patronymic", "word"
#: Forms that rank after the person's own names (a cover name, a source's misspelling).
WEAK_KINDS = frozenset({"cover-name", "misspelling"})
SNIPPET_BEFORE = 40
SNIPPET_AFTER = 100


@dataclass
class Why:
    """An explanation being written: plain text plus the spans to emphasise."""

    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    _length: int = 0

    def add(self, text: str, emphasis: bool = False) -> Why:
        """Append ``text`` (emphasised when asked)."""
        if emphasis and text:
            self.spans.append((self._length, self._length + len(text)))
        self.parts.append(text)
        self._length += len(text)
        return self

    def template(self, text: str, emphasised: frozenset[str] = frozenset(), **values: str) -> Why:
        """Append ``text`` (translated) with its ``{fields}`` filled; fields named in
        ``emphasised`` are emphasised.  Translators may reorder fields freely."""
        for literal, name, _spec, _conv in string.Formatter().parse(text):
            self.add(literal)
            if name is not None:
                self.add(values[name], name in emphasised)
        return self

    def clause(self) -> Why:
        """Start a new clause (``; `` between clauses)."""
        if self.parts:
            self.add("; ")
        return self

    @property
    def text(self) -> str:
        """The explanation."""
        return "".join(self.parts)


@dataclass(frozen=True)
class PersonWords:
    """A person's name words by key, as they are written, with the kind of form they are in."""

    words: dict[str, tuple[str, str]]  # key -> (word as written, name-form kind)
    keys: frozenset[str]  # every index key, initials included
    #: key -> part of the name (:data:`SURNAME`, :data:`GIVEN`, :data:`PATRONYMIC`), read
    #: from the person's Russian and English forms
    parts: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, names: list[tuple[str, str, str]]) -> PersonWords:
        """From ``(name, script, kind)`` rows; Russian forms first so they name the word."""
        words: dict[str, tuple[str, str]] = {}
        keys: set[str] = set()
        roles: dict[str, str] = {}
        order = sorted(names, key=lambda n: (n[2] != "russian", n[2] != "english"))
        for name, script, kind in order:
            cyrillic = script == "cyrl" or translit.is_cyrillic(name)
            parts = translit.parse_name(name, cyrillic)
            keys.update(translit.initial_key(i, c) for i, c in enumerate(parts.initials))
            for word, key in parts.words:
                keys.add(key)
                words.setdefault(key, (word, kind))
            if kind in ("russian", "english"):
                for key, role in name_roles(name, cyrillic).items():
                    roles.setdefault(key, role)
        return cls(words, frozenset(keys), roles)

    def part(self, key: str) -> str:
        """The part of the name the word ``key`` is (:data:`WORD` when not known)."""
        return self.parts.get(key, WORD)

    def shown(self, key: str) -> str:
        """The word as a source writes it."""
        return self.words.get(key, (key, ""))[0]


def name_roles(name: str, cyrillic: bool) -> dict[str, str]:
    """Word key → part of the name, for a full name form: ``Каменев (Розенфельд) Лев
    Борисович`` (Russian: surname first; a bracketed word is another surname) or
    ``Lev Kamenev`` (surname last).  Initials are no part."""
    roles: dict[str, str] = {}
    outside: list[str] = []
    depth = 0
    for part in name.replace("(", " ( ").replace(")", " ) ").split():
        if part in ("(", ")"):
            depth = max(0, depth + (1 if part == "(" else -1))
            continue
        key = translit.word_key(part)
        if len(key) < 2:
            continue
        if depth:
            roles.setdefault(key, SURNAME)
        else:
            outside.append(key)
    pairs: list[tuple[str, str]]
    if cyrillic:
        pairs = list(zip(outside, (SURNAME, GIVEN, PATRONYMIC), strict=False))
    elif len(outside) == 1:
        pairs = [(outside[0], SURNAME)]
    else:
        middle = [(k, PATRONYMIC) for k in outside[1:-1]]
        pairs = [(outside[0], GIVEN), *middle, (outside[-1], SURNAME)] if outside else []
    for key, role in pairs:
        roles.setdefault(key, role)
    return roles


def respell(cyrillic: str, spelling: str, origin: str) -> str:
    """The spelling with its system's capitals and diacritics (``ezov`` → ``Ežov``)."""
    codes = origin.split()
    for system in translit.SYSTEMS:
        if system.code not in codes:
            continue
        for variant in (cyrillic, cyrillic.replace("ё", "е").replace("Ё", "Е")):
            spelled = system.spell(variant)
            if "".join(translit.keys_of(spelled)) == spelling:
                return unicodedata.normalize("NFC", spelled)
    return spelling[:1].upper() + spelling[1:]


def _systems(origin: str) -> str:
    return translit.describe_systems([c for c in origin.split() if c in translit.LABELS])


def _kind_label(kind: str, part: str) -> str:
    """What a stored word is: ``name`` (a surname, given name, patronymic), ``cover name`` …"""
    label = KIND_LABELS.get(kind, KIND_LABELS["russian"])
    if label != KIND_LABELS["russian"]:
        return _(label)
    if part == SURNAME:
        return pgettext("surname", "name")
    if part == GIVEN:
        return pgettext("given name", "name")
    if part == PATRONYMIC:
        return pgettext("patronymic", "name")
    return _(label)


def _of(name: str, part: str) -> str:
    """``of Ежов``: the word a spelling or form belongs to («фамилии Ежов», «имени Лев»)."""
    if part == SURNAME:
        return pgettext("surname", "of {name}").format(name=name)
    if part == GIVEN:
        return pgettext("given name", "of {name}").format(name=name)
    if part == PATRONYMIC:
        return pgettext("patronymic", "of {name}").format(name=name)
    return _("of {name}").format(name=name)


#: Clauses of a form: the other gender's, a declined one.
FORM_CLAUSES = {
    "feminine": N_("feminine form {typed} {of_name}"),
    "masculine": N_("masculine form {typed} {of_name}"),
    "declined": N_("declined form {typed} {of_name}"),
    # Зиновьева is the feminine form of Зиновьев and his genitive («протокол допроса
    # Зиновьева»): the word alone cannot tell which.
    "feminine-or-genitive": N_("feminine or genitive form {typed} {of_name}"),
}
#: Endings of a feminine surname that are also the masculine one's genitive (-ов → -ова).
_GENITIVE_TOO = ("ова", "ева", "ина", "ына", "ova", "eva", "ina", "yna", "owa", "ewa")


def _best(word: Word, person: PersonWords) -> Candidate | None:
    gender, others = translit.gender_forms(word.key)
    found = []
    for c in word.candidates:
        if c.term not in person.keys:
            continue
        if c.rank == Rank.PREFIX and (c.spelling in others or c.term in others):
            c = Candidate(c.term, Rank.FORM, word.key, gender)  # Skalov → Skalova
        found.append(c)
    if word.prefix:
        found += [
            Candidate(k, Rank.FORM, word.key, gender)
            if k in others
            else Candidate(k, Rank.PREFIX, k, "")
            for k in sorted(person.keys)
            if k.startswith(word.key) and k != word.key and not k[:1].isdigit()
        ]
    return min(found, key=lambda c: c.rank) if found else None


def _word_clause(why: Why, word: Word, c: Candidate, person: PersonWords) -> None:
    shown = person.shown(c.term)
    typed = word.token.text
    part = person.part(c.term)
    of_name = _of(shown, part)
    is_name = c.origin in ("", "cyr", "lat") or set(c.origin.split()) <= {"cyr", "lat"}
    if c.rank in (Rank.NAME, Rank.PREFIX) and (is_name or c.spelling == c.term):
        kind = person.words.get(c.term, ("", "russian"))[1]
        # TRANSLATORS: {kind} is what the word is ("name", "cover name"), {word} the word.
        why.template(
            _("{kind} {word}"), frozenset({"word"}), kind=_kind_label(kind, part), word=shown
        )
    elif c.rank in (Rank.SPELLING, Rank.PREFIX):
        why.template(
            # TRANSLATORS: {systems} names transliteration systems ("German", "ALA-LC and
            # ICAO passport"); {of_name} is "of Ежов" as translated there.
            _("{systems} spelling {spelled} {of_name}"),
            frozenset({"spelled"}),
            systems=_systems(c.origin),
            spelled=respell(shown, c.spelling, c.origin),
            of_name=of_name,
        )
    elif c.rank == Rank.FORM:
        origin = c.origin
        if origin == "feminine" and word.key.endswith(_GENITIVE_TOO):
            origin = "feminine-or-genitive"
        template = FORM_CLAUSES.get(origin)
        if template is None:
            # TRANSLATORS: {label} is a kind of word form the vocabulary lacks.
            why.template(
                _("{label} form {typed} {of_name}"),
                frozenset({"typed"}),
                label=c.origin,
                typed=typed,
                of_name=of_name,
            )
        else:
            why.template(_(template), frozenset({"typed"}), typed=typed, of_name=of_name)
    elif c.rank == Rank.SIMILAR:
        if is_name:
            why.template(
                _("spelling {typed} similar to {name}"),
                frozenset({"typed", "name"}),
                typed=typed,
                name=shown,
            )
        else:
            why.template(
                _("spelling {typed} similar to the {systems} spelling {spelled} {of_name}"),
                frozenset({"typed", "spelled"}),
                typed=typed,
                systems=_systems(c.origin),
                spelled=respell(shown, c.spelling, c.origin),
                of_name=of_name,
            )
    elif is_name:
        why.template(_("one letter off from {name}"), frozenset({"name"}), name=shown)
    else:
        why.template(
            _("one letter off from {spelled} ({name})"),
            frozenset({"spelled"}),
            spelled=respell(shown, c.spelling, c.origin),
            name=shown,
        )


@dataclass(frozen=True)
class Explained:
    """A person hit's explanation: score (lower is better), text, spans, matched keys."""

    score: tuple[int, int]
    why: str
    why_spans: tuple[Span, ...]
    matched: frozenset[str]


def explain_person(query: Query, person: PersonWords) -> Explained:
    """Why ``person`` matched ``query`` (every word, then the initials)."""
    why = Why()
    ranks: list[int] = []
    matched: set[str] = set()
    for word in query.words:
        c = _best(word, person)
        if c is None:
            continue
        ranks.append(int(c.rank))
        matched.add(c.term)
        _word_clause(why.clause(), word, c, person)
    if query.initials:
        ok = all(
            any(
                translit.initial_key(pos, letter) in person.keys
                for letter in initial_letters(token)
            )
            for pos, token in enumerate(query.initials[:2])
        )
        ranks.append(int(Rank.NAME if ok else Rank.FORM))
        typed = " ".join(f"{t.text}." for t in query.initials)
        why.clause().template(_("initials {typed}"), frozenset({"typed"}), typed=typed)
    worst = max(ranks, default=int(Rank.TYPO))
    weak = sum(person.words.get(k, ("", ""))[1] in WEAK_KINDS for k in matched)
    # a surname found ranks before a given name or patronymic found ("М": Муханова before
    # Чернявский Михаил), when the words match equally well
    other_parts = sum(person.parts.get(k, SURNAME) != SURNAME for k in matched)
    score = (worst, sum(ranks) + weak + other_parts)
    return Explained(score, why.text, tuple(why.spans), frozenset(matched))


def highlight(text: str, keys: frozenset[str]) -> tuple[Span, ...]:
    """Spans of the words of ``text`` that are one of the name words ``keys``.

    A Latin key also marks the Cyrillic word it transliterates (``rozenfeld`` marks
    ``Розенфельд``), compared by skeleton so that any system's spelling does.
    """
    skeletons = {translit.skeleton(k) for k in keys if not translit.is_cyrillic(k)}
    spans = []
    for t in translit.tokenize(text):
        if t.key in keys or (
            skeletons
            and t.cyrillic
            and any(
                translit.skeleton(spelled) in skeletons
                for spelled, _codes in translit.word_keys(t.text)
            )
        ):
            spans.append((t.start, t.end))
    return tuple(spans)


def text_spans(query: Query, text: str) -> tuple[Span, ...]:
    """Spans of the words of ``text`` that begin with a query word (or its stem)."""
    spans = []
    groups = list(zip(query.words, text_prefixes(query), strict=True))  # once, not per word
    for t in translit.tokenize(text):
        for word, group in groups:
            if any(t.key == p or (word.prefix and t.key.startswith(p)) for p in group):
                spans.append((t.start, t.end))
                break
    return tuple(spans)


def snippet(field_name: str, text: str, spans: tuple[Span, ...], why: Why) -> None:
    """Append ``field: …excerpt…`` around the first match, with the matches emphasised."""
    start = max(0, spans[0][0] - SNIPPET_BEFORE)
    end = min(len(text), spans[0][1] + SNIPPET_AFTER)
    if start > 0:
        space = text.find(" ", start, spans[0][0])
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", spans[0][1], end)
        end = space if space >= 0 else end
    # TRANSLATORS: {field} names a text of the record ("summary"); {excerpt} is archive text.
    head, _sep, tail = _("{field}: {excerpt}").partition("{excerpt}")
    why.clause().add(head.format(field=field_name) + ("…" if start > 0 else ""))
    pos = start
    for a, b in spans:
        if a < start or b > end:
            continue
        why.add(text[pos:a]).add(text[a:b], True)
        pos = b
    why.add(text[pos:end] + ("…" if end < len(text) else "") + tail.format(field=field_name))
