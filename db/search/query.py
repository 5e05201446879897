"""User text → search terms: parsing, caps, and every spelling a word may stand for.

:func:`parse` cleans the text (lone surrogates replaced, control characters dropped, at most
:data:`~db.search.translit.MAX_QUERY_CHARS` characters and
:data:`~db.search.translit.MAX_TERMS` terms) and
splits it into words and initials.  :func:`resolve` then asks the spelling vocabulary which
stored name keys each word can mean, and how: the word itself, a transliteration, a prefix, the
other gender's form, a declined form, a spelling that mixes systems, or one typo.  Nothing here
builds FTS5 syntax from raw text: :func:`fts_expression` quotes every term.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache
from typing import Any

from db.dbapi import is_postgres
from db.i18n import ngettext
from db.search import translit

log = logging.getLogger(__name__)

#: Words shorter than this are matched whole, never as a prefix (2-letter prefixes are slow).
MIN_PREFIX = 3
#: Typos are looked for only in words at least this long.
MIN_TYPO = 6
#: At most this many vocabulary spellings stand for one word in one way.
MAX_ALTERNATIVES = 48
#: A prefix with at most this many completions is searched as an OR of whole words (read
#: lazily); one with more as an FTS5 prefix query.
PREFIX_WORDS = 200
#: Spellings a one- or two-letter word stands for (the first ones in alphabetical order).
SHORT_PREFIX_WORDS = 60
#: Typo shortlist: at most this many vocabulary rows read per prefix/suffix range.
TYPO_SCAN = 4000
#: At most this many spellings of a name in the other script are looked for in the texts.
OTHER_SCRIPT_WORDS = 6
_TOP = "\U0010ffff"


class Rank(IntEnum):
    """How a query word met a name key, best first."""

    NAME = 0  # the word is a stored name word
    SPELLING = 1  # a transliteration of a Cyrillic name word
    PREFIX = 2  # the beginning of a name word or of a transliteration
    FORM = 3  # the other gender's form, or a declined form
    SIMILAR = 4  # a spelling mixing systems (same skeleton)
    TYPO = 5  # one letter off


@dataclass(frozen=True, slots=True)
class Candidate:
    """One name key a query word can stand for, and why."""

    term: str  # the key in person_fts
    rank: Rank
    spelling: str  # the vocabulary spelling that matched (may equal term)
    origin: str  # system codes, "cyr"/"lat", or "feminine"/"masculine"/"declined"


@dataclass(frozen=True, slots=True)
class Word:
    """One query word: its token and, after :func:`resolve`, what it may stand for."""

    token: translit.Token
    candidates: tuple[Candidate, ...] = ()
    wide: bool = False  # too many completions: match as an FTS5 prefix
    #: The name this word is, as stored in the other script ("Yenukidze" → енукидзе,
    #: "Енукидзе" → yenukidze, enukidze), and the name a declined form comes from
    #: ("Мухановой" → муханова): texts written in either script, or naming the person in
    #: another case, are found, and marked on a page opened from the search.
    other_script: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The folded word."""
        return self.token.key

    @property
    def prefix(self) -> bool:
        """True when the word is also matched as the beginning of longer words."""
        return len(self.key) >= MIN_PREFIX

    @property
    def short(self) -> bool:
        """One or two letters: matched as the start of names through the vocabulary only."""
        return 0 < len(self.key) < MIN_PREFIX

    def terms(self, worst: Rank) -> list[Candidate]:
        """Candidates no worse than ``worst``."""
        return [c for c in self.candidates if c.rank <= worst]


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: words, initials (in order) and what was cut off."""

    text: str
    words: tuple[Word, ...] = ()
    initials: tuple[translit.Token, ...] = ()
    notices: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        """True when there is nothing to search for."""
        return not self.words and not self.initials


def _is_initial(token: translit.Token) -> bool:
    """``Н``, ``N.``, ``Yu.``: one letter, or two followed by a dot (Ya., Zh., Ch.)."""
    letters = sum(c.isalpha() for c in token.text)
    if letters == 1 and token.text.isalpha():
        return True
    return token.dot and letters == 2 and token.text[:1].isupper() and token.text[1:].islower()


def parse(text: object) -> Query:
    """Clean and split user text; never raises, whatever ``text`` holds."""
    raw = text if isinstance(text, str) else ""
    notices: list[str] = []
    if len(raw) > translit.MAX_QUERY_CHARS:
        raw = raw[: translit.MAX_QUERY_CHARS]
        n = translit.MAX_QUERY_CHARS
        notices.append(
            ngettext(
                "the query was shortened to {n} character",
                "the query was shortened to {n} characters",
                n,
            ).format(n=n)
        )
    clean = translit.sanitize(raw)
    tokens = translit.tokenize(clean)
    if len(tokens) > translit.MAX_TERMS:
        tokens = tokens[: translit.MAX_TERMS]
        n = translit.MAX_TERMS
        notices.append(
            ngettext(
                "only the first {n} word was searched", "only the first {n} words were searched", n
            ).format(n=n)
        )
    words: list[Word] = []
    initials: list[translit.Token] = []
    for token in tokens:
        if _is_initial(token):
            initials.append(token)
        elif token.key not in [w.key for w in words]:
            words.append(Word(token))
    if not words and initials and not any(t.dot for t in initials):
        # "Ч", "C": a letter typed alone is the start of a name, not an initial.
        by_key = {t.key: t for t in reversed(initials)}  # the first of each letter
        words, initials = [Word(t) for t in reversed(by_key.values())], []
    return Query(clean, tuple(words), tuple(initials), tuple(notices))


# -- resolving words against the spelling vocabulary ----------------------------------------


def _rows(conn: Any, sql: str, params: tuple[object, ...]) -> list[tuple[str, str, str]]:
    return [(str(k), str(t), str(o)) for k, t, o in conn.execute(sql, params)]


def _exact(conn: Any, keys: list[str]) -> list[tuple[str, str, str]]:
    if not keys:
        return []
    marks = ", ".join("?" * len(keys))
    return _rows(
        conn,
        f"SELECT key, term, origin FROM search_vocab WHERE key IN ({marks}) "
        f"ORDER BY key, term LIMIT {MAX_ALTERNATIVES * 4}",
        tuple(keys),
    )


def _name_origin(origin: str) -> bool:
    return origin in ("cyr", "lat") or set(origin.split()) <= {"cyr", "lat"}


#: One thread loads the dictionaries; another asking meanwhile waits for that load.
_MORPH_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _load_morph() -> Any:
    import pymorphy3  # imported on first use: loading the dictionaries takes ~0.1 s

    return pymorphy3.MorphAnalyzer()


def _morph() -> Any:
    with _MORPH_LOCK:
        return _load_morph()


def warm_up() -> None:
    """Load the Russian morphology now (a worker, once the window is idle), so that the first
    declined Cyrillic word typed does not wait for it (~0.1 s, over a second on a busy
    machine).  A failure is logged; the search then tries again when it needs it."""
    try:
        _morph()
    except Exception:  # the analyser's own failure must not reach the user from a warm-up
        log.warning("loading the morphology dictionaries failed", exc_info=True)


_NOMINATIVE_RULES = (
    ("ого", "ии"),
    ("ого", "ои"),
    ("ому", "ии"),
    ("ои", "а"),
    ("ои", "ая"),
    ("ои", "ии"),
    ("ую", "ая"),
    ("ым", ""),
    ("ом", ""),
    ("у", ""),
    ("а", ""),
    ("е", "а"),
    ("ы", "а"),
)


def nominatives(word: str) -> set[str]:
    """Keys of the nominative forms a declined Cyrillic name word may come from."""
    low = word.lower()
    key = translit.fold(low)
    out: set[str] = set()
    try:
        parses = _morph().parse(low)[:6]
    except Exception:  # the analyser's own failure must not fail a search: log it, go on
        log.warning("morphology parse of %r failed", low, exc_info=True)
        parses = []
    for p in parses:
        # Keep the parse's gender: Синелобовой is Синелобова, not the lemma Синелобов.
        gender = p.tag.gender
        genders = (gender,) if gender in ("masc", "femn") else ("masc", "femn")
        if gender not in ("masc", "femn"):
            out.add(translit.fold(p.normal_form))
        for g in genders:
            form = p.inflect({"nomn", "sing", g})
            if form is not None:
                out.add(translit.fold(form.word))
    for suffix, repl in _NOMINATIVE_RULES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            out.add(key[: -len(suffix)] + repl)
    out.discard(key)
    return out


def _typo_rows(conn: Any, key: str) -> list[tuple[str, str, str]]:
    half = len(key) // 2
    head, tail = key[:half], key[half:][::-1]
    rows = _rows(
        conn,
        "SELECT key, term, origin FROM search_vocab WHERE key >= ? AND key < ? "
        f"ORDER BY key, term LIMIT {TYPO_SCAN}",
        (head, head + _TOP),
    )
    ends = _rows(
        conn,
        "SELECT key, term, origin FROM search_vocab WHERE rkey >= ? AND "
        f"rkey < ? ORDER BY rkey, key, term LIMIT {TYPO_SCAN}",
        (tail, tail + _TOP),
    )
    cut = TYPO_SCAN in (len(rows), len(ends))
    rows += ends
    swapped = key[: half - 1] + key[half] + key[half - 1] + key[half + 1 :]
    rows += _exact(conn, [swapped])
    if cut and is_postgres(conn):
        # A range was cut at TYPO_SCAN rows (a common beginning or ending at millions of
        # people): on a server the trigram index also offers the spellings most like the
        # word, so a typo is found there however crowded its neighbourhood.  (Where neither
        # range was cut, both engines read the same rows.)
        rows += _rows(
            conn,
            "SELECT key, term, origin FROM search_vocab WHERE key % ? "
            f"ORDER BY similarity(key, ?) DESC, key, term LIMIT {TYPO_SCAN}",
            (key, key),
        )
    return [r for r in rows if r[0] != key and one_edit(key, r[0])]


def one_edit(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one letter changed, added, dropped or two letters swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


class _Collector:
    """Keeps the best candidate per term, at most :data:`MAX_ALTERNATIVES` per rank."""

    def __init__(self) -> None:
        self.best: dict[str, Candidate] = {}
        self.per_rank: dict[Rank, int] = {}

    def add(self, term: str, rank: Rank, spelling: str, origin: str) -> None:
        old = self.best.get(term)
        if old is not None and old.rank <= rank:
            return
        cap = PREFIX_WORDS if rank == Rank.PREFIX else MAX_ALTERNATIVES
        if self.per_rank.get(rank, 0) >= cap:
            return
        self.per_rank[rank] = self.per_rank.get(rank, 0) + 1
        self.best[term] = Candidate(term, rank, spelling, origin)

    def result(self) -> tuple[Candidate, ...]:
        return tuple(sorted(self.best.values(), key=lambda c: (c.rank, c.term)))


def _latin_names(conn: Any, cyrillic: list[str]) -> tuple[str, ...]:
    """Stored Latin name words that spell one of the stored Cyrillic name words ``cyrillic``
    in some system (енукидзе → yenukidze, enukidze), in key order."""
    spelled = sorted({k for word in cyrillic for k, _codes in translit.word_keys(word)})
    if not spelled:
        return ()
    marks = ", ".join("?" * len(spelled))
    rows = conn.execute(
        f"SELECT DISTINCT key FROM search_vocab WHERE key IN ({marks}) AND term = key "
        f"ORDER BY key LIMIT {OTHER_SCRIPT_WORDS}",
        tuple(spelled),
    )
    return tuple(str(r[0]) for r in rows)


def _other_script(
    conn: Any, word: Word, candidates: tuple[Candidate, ...], stored: bool
) -> tuple[str, ...]:
    """What a name word is in the other script, for the text search (see :attr:`Word.
    other_script`): only for a whole name word, never for a prefix being typed or a common
    word that merely transliterates to something ("мост" is not searched as "most")."""
    if not word.prefix:
        return ()
    if not word.token.cyrillic:
        # A Latin word that transliterates a stored Cyrillic name (the vocabulary says so),
        # and how that name is stored in Latin letters ("Ezhov" → ежов → yezhov).
        terms = [c.term for c in candidates if c.rank == Rank.SPELLING][:OTHER_SCRIPT_WORDS]
        latin = _latin_names(conn, terms) if terms else ()
        return tuple(t for t in dict.fromkeys((*terms, *latin)) if t != word.key)
    declined = [c.term for c in candidates if c.rank == Rank.FORM and c.origin == "declined"]
    names = ([word.key] if stored else []) + declined
    # the name a declined form comes from too (Мухановой → муханова): a page opened from
    # the search marks «Муханова» as well as «Мухановой» and Mukhanova
    latin = _latin_names(conn, names) if names else ()
    return tuple(dict.fromkeys((*declined[:OTHER_SCRIPT_WORDS], *latin)))


def _resolve_word(conn: Any, word: Word, fuzzy: bool) -> Word:
    key = word.key
    got = _Collector()
    got.add(key, Rank.NAME, key, "")
    stored = False  # the word is itself a stored name word
    for spelled, term, origin in _exact(conn, [key]):
        stored = stored or (term == key and _name_origin(origin))
        got.add(term, Rank.NAME if _name_origin(origin) else Rank.SPELLING, spelled, origin)
    wide = False
    if word.short:
        # The first spellings (in key order) that start with one or two typed letters: a
        # range scan of the vocabulary, never an FTS5 prefix query over every term.
        for spelled, term, origin in _rows(
            conn,
            "SELECT key, term, origin FROM search_vocab WHERE key > ? AND key < ? "
            f"ORDER BY key, term LIMIT {SHORT_PREFIX_WORDS}",
            (key, key + _TOP),
        ):
            got.add(term, Rank.PREFIX, spelled, origin)
    if word.prefix:
        rows = _rows(
            conn,
            "SELECT key, term, origin FROM search_vocab WHERE key > ? AND "
            f"key < ? ORDER BY key, term LIMIT {PREFIX_WORDS * 2}",
            (key, key + _TOP),
        )
        wide = len({term for _k, term, _o in rows}) > PREFIX_WORDS or len(rows) >= (
            PREFIX_WORDS * 2
        )
        for spelled, term, origin in rows:
            if not wide or not _name_origin(origin):
                got.add(term, Rank.PREFIX, spelled, origin)
    gender, others = translit.gender_forms(key)
    for _spelled, term, _origin in _exact(conn, list(others)):
        got.add(term, Rank.FORM, key, gender)
    if word.token.cyrillic and len(key) >= 4:
        for spelled, term, _origin in _exact(conn, sorted(nominatives(word.token.text))):
            got.add(term, Rank.FORM, spelled, "declined")
    if fuzzy and not word.token.cyrillic and len(key) >= 4:
        for spelled, term, origin in _rows(
            conn,
            "SELECT key, term, origin FROM search_vocab WHERE skel = ? "
            f"ORDER BY key, term LIMIT {MAX_ALTERNATIVES}",
            (translit.skeleton(key),),
        ):
            got.add(term, Rank.SIMILAR, spelled, origin)
    if fuzzy and len(key) >= MIN_TYPO:
        for spelled, term, origin in _typo_rows(conn, key):
            got.add(term, Rank.TYPO, spelled, origin)
    found = got.result()
    return Word(word.token, found, wide, _other_script(conn, word, found, stored))


def resolve(conn: Any, query: Query, fuzzy: bool = False) -> Query:
    """``query`` with each word's candidates filled in (typos/skeletons when ``fuzzy``)."""
    words = tuple(_resolve_word(conn, w, fuzzy) for w in query.words)
    return Query(query.text, words, query.initials, query.notices)


# -- FTS5 expressions ----------------------------------------------------------------------


def quote(term: str) -> str:
    """An FTS5 string literal (inner quotes doubled): user text never becomes syntax."""
    return '"' + term.replace('"', '""') + '"'


def initial_letters(token: translit.Token) -> list[str]:
    """The Cyrillic (and Latin) initial letters a typed initial may stand for."""
    first = token.key[:1]
    if token.cyrillic:
        return [first]
    return [first, *sorted(translit.LATIN_INITIALS.get(first, ()))]


def _initial_groups(query: Query) -> list[str]:
    groups = []
    for pos, token in enumerate(query.initials[:2]):
        keys = [translit.initial_key(pos, letter) for letter in initial_letters(token)]
        groups.append("(" + " OR ".join(quote(k) for k in keys) + ")")
    return groups


def fts_expression(query: Query, worst: Rank) -> str:
    """The ``person_fts`` MATCH expression for candidates no worse than ``worst``."""
    groups = []
    for word in query.words:
        terms = [quote(c.term) for c in word.terms(worst)]
        if worst >= Rank.PREFIX and word.wide:
            terms.append(quote(word.key) + "*")
        groups.append("(" + " OR ".join(dict.fromkeys(terms)) + ")")
    return " AND ".join(groups + _initial_groups(query))


_RU_ENDINGS = (
    "ого",
    "его",
    "ому",
    "ему",
    "ыми",
    "ими",
    "ои",
    "еи",
    "ою",
    "ею",
    "ом",
    "ем",
    "ым",
    "им",
    "ую",
    "юю",
    "ая",
    "яя",
    "ах",
    "ях",
    "ам",
    "ям",
    "а",
    "я",
    "у",
    "ю",
    "е",
    "ы",
    "и",
)
_EN_ENDINGS = ("es", "s")


def stem(key: str) -> str:
    """A crude stem for text search (Мухановой → муханов, librarians → librarian)."""
    endings = _RU_ENDINGS if translit.is_cyrillic(key) else _EN_ENDINGS
    for ending in endings:
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            return key[: -len(ending)]
    return key


def text_prefixes(query: Query) -> list[list[str]]:
    """Per word, the prefixes a text word must start with: the word itself, its stem, and,
    for a name, the name in the other script (and its stem: Каменев is also Каменева)."""
    out = []
    for w in query.words:
        words = (w.key, *w.other_script)
        out.append(list(dict.fromkeys(p for k in words for p in (k, stem(k)))))
    return out


def text_expression(conn: Any, query: Query) -> str:
    """The ``text_fts`` MATCH expression: every word (or its stem) as a prefix.

    A prefix with few completions in ``search_words`` becomes an OR of those words (FTS5
    then reads them lazily up to the LIMIT).  PostgreSQL's GIN index answers a prefix in one
    scan but an OR term by term, so there it stays a prefix: the same set of matches.
    """
    groups = []
    postgres = is_postgres(conn)
    for word, prefixes in zip(query.words, text_prefixes(query), strict=True):
        terms: list[str] = []
        for p in prefixes:
            if not word.prefix:
                terms.append(quote(p))
                continue
            if postgres:
                terms.append(quote(p) + "*")
                continue
            words = [
                str(r[0])
                for r in conn.execute(
                    "SELECT key FROM search_words WHERE key >= ? AND key < ? ORDER BY key LIMIT ?",
                    (p, p + _TOP, PREFIX_WORDS + 1),
                )
            ]
            if len(words) > PREFIX_WORDS:
                terms.append(quote(p) + "*")
            else:
                terms += [quote(w) for w in words]
        if not terms:
            return ""  # a word no text contains: nothing can match
        groups.append("(" + " OR ".join(dict.fromkeys(terms)) + ")")
    return " AND ".join(groups)
