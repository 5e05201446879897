"""The search's FTS5 match expressions as PostgreSQL ``tsquery`` text.

:mod:`db.search.query` writes expressions of one small shape only: quoted terms
(``"ежов"``), quoted prefixes (``"iva"*``), ``OR``, ``AND`` and parentheses.  Here each term
becomes a quoted lexeme (``'ежов'``, ``'iva':*``), ``OR`` ``|`` and ``AND`` ``&``; the text is
cast with ``::tsquery``, which takes lexemes as written (no dictionary, no stemming), just as
the ``tsvector`` columns hold the build's keys as written.

A quoted term FTS5 would split into several tokens (a character outside letters and digits)
makes FTS5 refuse the whole expression on a ``detail=none`` index; :class:`NotATerm` says the
same here, so both engines then find nothing.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r'"((?:[^"]|"")*)"(\*)?|\(|\)|\bOR\b|\bAND\b|\s+')


class NotATerm(ValueError):
    """A term that is not a single index token (FTS5 refuses such an expression)."""


def _token_char(ch: str) -> bool:
    # FTS5's unicode61 tokenizer: letters, numbers and private-use characters make tokens.
    cat = unicodedata.category(ch)
    return cat[0] in "LN" or cat == "Co"


def _lexeme(term: str) -> str:
    if not term or not all(_token_char(c) for c in term):
        raise NotATerm(term)
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def single_group(expr: str) -> list[str] | None:
    """The terms of ``expr`` when it is one group of whole terms (``"a" OR "b"``, in
    parentheses or not), else None (an AND, a prefix, anything else)."""
    terms: list[str] = []
    pos = 0
    depth = 0
    for m in _TOKEN.finditer(expr):
        if m.start() != pos:
            return None
        pos = m.end()
        tok = m.group()
        if tok.isspace() or tok == "OR":
            continue
        if tok == "(":
            depth += 1
            if depth > 1 or terms:
                return None
        elif tok == ")":
            depth -= 1
        elif tok == "AND" or m.group(2):
            return None
        else:
            term = m.group(1).replace('""', '"').lower()
            _lexeme(term)  # the same refusal as to_tsquery
            terms.append(term)
    if pos != len(expr) or depth != 0 or not terms:
        return None
    return list(dict.fromkeys(terms))


def to_tsquery(expr: str) -> str:
    """``expr`` (FTS5 syntax as :mod:`db.search.query` writes it) as ``tsquery`` text."""
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(expr):
        if m.start() != pos:
            raise NotATerm(expr[pos : m.start()])
        pos = m.end()
        tok = m.group()
        if tok.isspace():
            continue
        if tok == "OR":
            out.append("|")
        elif tok == "AND":
            out.append("&")
        elif tok in "()":
            out.append(tok)
        else:
            term = m.group(1).replace('""', '"')
            out.append(_lexeme(term.lower()) + (":*" if m.group(2) else ""))
    if pos != len(expr):
        raise NotATerm(expr[pos:])
    return " ".join(out)
