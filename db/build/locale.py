"""Build the translation catalogue: extract marked strings, update the Russian ``.po``, compile
the ``.mo`` the app loads (:mod:`db.i18n`).

``python -m db.build.locale`` (``make locale``): merges any ``resources/locale/parts/*.po``
(translations written area by area) into the one catalogue, adds newly marked strings
(untranslated) and drops strings no longer in the code, then compiles.  ``--check`` changes
nothing and exits 1 when a marked string lacks its Russian or the ``.mo`` is stale — what
``make test`` checks (``tests/db/build/test_locale.py``).
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from db.i18n import DOMAIN, LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent.parent
PO = LOCALE_DIR / "ru" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")
PARTS = LOCALE_DIR / "parts"
#: Fixed header dates: rebuilding the same strings gives the same bytes.
STAMP = datetime.datetime(2026, 12, 4, tzinfo=datetime.UTC)
METHODS = [("app/**.py", "python"), ("db/**.py", "python")]
KEYWORDS = {
    "_": None,
    "N_": None,
    "NC_": ((1, "c"), 2),
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}


def extract() -> Catalog:
    """Every string marked in ``app/`` and ``db/`` (with where it is used)."""
    catalog = Catalog(domain=DOMAIN, project="kremlin-archive", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        ROOT, METHODS, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
    ):
        if filename.startswith(("db/build/", "db/synth/")):
            continue  # builder messages are for maintainers, not readers
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    _add_sex_agreeing(catalog)
    return catalog


def _add_sex_agreeing(catalog: Catalog) -> None:
    """Each sex-agreeing relation sentence once more in each of the sexes' contexts
    (:data:`db.vocab.SEX_AGREEING`): the code looks them up by a context it chooses at run
    time, which the extractor cannot see."""
    from db import vocab

    for relation in sorted(vocab.SEX_AGREEING):
        template = vocab.RELATION_SENTENCES[relation]
        plain = catalog.get(template)
        for context in vocab.RELATION_SEX_CONTEXTS.values():
            catalog.add(
                template,
                None,
                plain.locations if plain is not None else [],
                auto_comments=[
                    "The relation sentence above, with its words agreeing with the two "
                    "people's sexes as the context says."
                ],
                context=context,
            )


def _catalog() -> Catalog:
    return Catalog(
        locale="ru",
        domain=DOMAIN,
        header_comment="# Russian interface of the Kremlin Affair Archive.",
        project="kremlin-archive",
        version="1",
        copyright_holder="Kremlin Affair Archive contributors",
        language_team="Russian",
        last_translator="Kremlin Affair Archive contributors",
        creation_date=STAMP,
        revision_date=STAMP,
        charset="utf-8",
        fuzzy=False,
    )


def read(path: Path) -> Catalog:
    """A ``.po`` file (Russian)."""
    with path.open("rb") as f:
        return read_po(f, locale="ru", domain=DOMAIN)


def translated(message: object) -> bool:
    """Whether a catalogue message has every form translated."""
    value = getattr(message, "string", None)
    if isinstance(value, (tuple, list)):
        return all(value)
    return bool(value)


def updated(current: Catalog, parts: list[Catalog], template: Catalog) -> Catalog:
    """``template``'s messages, translated from ``parts`` (newest) or ``current``."""
    out = _catalog()
    known = [*parts, current]
    for message in template:
        if not message.id:
            continue
        string: object = ("", "", "") if isinstance(message.id, tuple) else ""
        for catalog in known:
            found = catalog.get(message.id, message.context)
            if found is not None and translated(found):
                string = found.string
                break
        out.add(
            message.id,
            string,  # type: ignore[arg-type]
            message.locations,
            auto_comments=message.auto_comments,
            context=message.context,
        )
    return out


def po_bytes(catalog: Catalog) -> bytes:
    """The ``.po`` text (sorted, no dates: a rebuild of the same strings is byte-identical)."""
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=True, omit_header=False, include_lineno=False)
    return buf.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    """The compiled ``.mo``."""
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def problems() -> list[str]:
    """What ``--check`` reports: untranslated strings, a stale ``.mo``."""
    found: list[str] = []
    catalog = read(PO) if PO.exists() else _catalog()
    for message in extract():
        if not message.id:
            continue
        entry = catalog.get(message.id, message.context)
        if entry is None or not translated(entry):
            where = ", ".join(f"{f}:{n}" for f, n in message.locations[:2])
            found.append(f"no Russian for {message.id!r} ({where})")
    if not MO.exists() or MO.read_bytes() != mo_bytes(catalog):
        found.append(f"{MO.relative_to(ROOT)} is stale: run `python -m db.build.locale`")
    return found


def main(argv: list[str] | None = None) -> int:
    """Update the catalogue and compile it, or (``--check``) report what is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on gaps")
    args = parser.parse_args(argv)
    if args.check:
        gaps = problems()
        print("\n".join(gaps) or "catalogue complete", file=sys.stderr if gaps else sys.stdout)
        return 1 if gaps else 0
    current = read(PO) if PO.exists() else _catalog()
    parts = [read(p) for p in sorted(PARTS.glob("*.po"))] if PARTS.exists() else []
    catalog = updated(current, parts, extract())
    PO.parent.mkdir(parents=True, exist_ok=True)
    PO.write_bytes(po_bytes(catalog))
    catalog = read(PO)
    MO.write_bytes(mo_bytes(catalog))
    missing = sum(1 for m in catalog if m.id and not translated(m))
    print(f"wrote {PO.relative_to(ROOT)} and .mo ({len(catalog)} strings, {missing} untranslated)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
