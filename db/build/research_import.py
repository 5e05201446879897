"""One-off import of the shared research material into ``resources/data``.

The archive's source of truth is the CSV/TOML under ``resources/data``; this module documents
how the first version of those files was derived from ``../shared/research`` and can be re-run
to refresh the *mechanical* parts (records, source lists, document catalogue, document-person
links).  Hand-written files (``claims.csv``, the own-words summaries) are never overwritten:
pass ``--only`` to limit what is regenerated.

Document-person linking follows one rule: a document is linked to a person only when the
(declined) name in its title matches exactly one person of the archive by surname *and* the
initials written in the title agree with the person's.  A surname written without initials is
never linked, even when only one person of the archive bears it: the catalogue's person column
often holds a bare surname cut out of a longer word ("Киров" out of "Башкировой-Эрдман",
"Агранов" out of "Аграновича"), so each name is first widened back to the whole words and the
initials the title writes (:func:`written_in_title`).  Everything else stays an unlinked name
on the document, shown as written.

Run: ``python -m db.build.research_import --research ../shared/research --out resources/data``.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

KREMLIN_PROCESS = "КРЕМЛЕВСКОЕ ДЕЛО"
_INITIALS = re.compile(r"^(?:[А-ЯЁA-Z]\.)+$")


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


@dataclass(frozen=True)
class NameParts:
    """Surname(s) and initials parsed from a Russian 'Surname Given Patronymic' form."""

    surnames: tuple[str, ...]
    initials: str


def parse_ru_name(name_ru: str) -> NameParts:
    """Split ``Каменев (Розенфельд) Лев Борисович`` into surnames and initials ``ЛБ``."""
    alternatives = re.findall(r"\(([^)]*)\)", name_ru)
    bare = re.sub(r"\([^)]*\)", " ", name_ru).split()
    if not bare:
        return NameParts((), "")
    surnames = [bare[0]]
    for alt in alternatives:
        alt = re.sub(r"^урожд\.\s*", "", alt.strip())
        if alt:
            surnames.append(alt.split()[0])
    initials = ""
    for token in bare[1:]:
        for part in token.split("."):
            if part and part[0].isalpha():
                initials += part[0].upper()
    return NameParts(tuple(_fold(s) for s in surnames), initials)


def _nominative_candidates(word: str, morph: object) -> set[str]:
    """Every nominative the declined surname ``word`` could come from."""
    low = _fold(word)
    out = {low}
    for parse in morph.parse(low):  # type: ignore[attr-defined]
        out.add(_fold(parse.normal_form))
        nom = parse.inflect({"nomn"})
        if nom is not None:
            out.add(_fold(nom.word))
    # Suffix rules pymorphy3 misses for rare surnames (Коновой -> Конова).
    rules = (
        ("ого", "ий"),
        ("ому", "ий"),
        ("ой", "а"),
        ("ой", "ая"),
        ("ой", "ий"),
        ("ую", "ая"),
        ("у", ""),
        ("а", ""),
        ("ым", ""),
        ("е", "а"),
        ("ы", "а"),
    )
    for suffix, repl in rules:
        if low.endswith(suffix):
            out.add(low[: -len(suffix)] + repl)
    return out


def _surname_candidates(word: str, morph: object) -> set[str]:
    """Nominatives of a surname; both parts of a double one are declined (Гардина-Гейера)."""
    out = _nominative_candidates(word, morph)
    first, dash, second = word.partition("-")
    if dash and first and second:
        out |= {
            f"{a}-{b}"
            for a in _nominative_candidates(first, morph)
            for b in _nominative_candidates(second, morph)
        }
    return out


@dataclass(frozen=True)
class PersonKey:
    """What the linker knows of one archive person."""

    id: str
    surnames: tuple[str, ...]
    initials: str


#: Initials written before a surname in a title: ``Я.С. `` or ``Н. `` (a space is optional),
#: not the end of an abbreviation such as ``СССР.``.
_INITIALS_BEFORE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])(?:[А-ЯЁA-Z]\.\s?)+\s*$")


def _fold_each(text: str) -> str:
    """:func:`_fold` letter by letter, so that offsets in the result are offsets in ``text``."""
    return "".join(f if len(f := _fold(ch)) == 1 else ch for ch in text)


def _is_name_char(ch: str) -> bool:
    return ch.isalpha() or ch == "-"


def written_in_title(raw: str, title: str) -> str:
    """The name ``raw`` (the catalogue's form) as ``title`` writes it: whole words, initials.

    The catalogue sometimes cuts a bare surname out of a longer word or drops the initials
    before it; the title is what the document says.  ``raw`` is searched case-insensitively
    (ё = е), preferring a place where it starts a word; the hit is widened to the whole
    (hyphenated) word and the initials written just before it.  When ``raw`` is not in the
    title it is returned unchanged.
    """
    folded_title, folded_raw = _fold_each(title), _fold_each(raw.rstrip("-"))
    if not folded_raw:
        return raw
    hits = [i for i in range(len(title)) if folded_title.startswith(folded_raw, i)]
    if not hits:
        return raw
    starts_word = [i for i in hits if i == 0 or not _is_name_char(title[i - 1])]
    start = (starts_word or hits)[0]
    end = start + len(folded_raw)
    while start > 0 and _is_name_char(title[start - 1]):
        start -= 1
    while end < len(title) and _is_name_char(title[end]):
        end += 1
    before = _INITIALS_BEFORE.search(title[:start])
    if before:
        start = before.start()
    return " ".join(title[start:end].split())


def initials_of(written: str) -> str:
    """Initials written in a name: ``Я.С. Агранова`` → ``ЯС``, ``Агранова`` → ``""``."""
    return "".join(t[0] for t in written.replace(".", ". ").split() if _INITIALS.match(t))


def initials_agree(written: str, person: str) -> bool:
    """True when both sets of initials are known and one starts the other (``Н`` and ``НБ``)."""
    return bool(written and person) and (person.startswith(written) or written.startswith(person))


def link_person(raw: str, people: Sequence[PersonKey], morph: object) -> str | None:
    """Return the id of the single person ``raw`` (as written in a title) names, else None.

    ``raw`` must be one surname with initials; the initials must agree with the person's.
    """
    tokens = raw.replace(".", ". ").split()
    initials = initials_of(raw)
    names = [t for t in tokens if not _INITIALS.match(t)]
    if len(names) != 1 or not initials:
        return None
    word = names[0]
    truncated = word.endswith("-")
    # A title cut after a hyphen ("Г.Б. Синани-") names only the first part of a double surname.
    candidates = _surname_candidates(word.rstrip("-"), morph)

    def surname_matches(p: PersonKey) -> bool:
        if truncated:
            return any(s.startswith(c + "-") for s in p.surnames for c in candidates)
        return any(s in candidates for s in p.surnames)

    matches = [p for p in people if surname_matches(p) and initials_agree(initials, p.initials)]
    return matches[0].id if len(matches) == 1 else None


def _read(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def _write(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow(["" if v is None else v for v in row])
            n += 1
    return n


def import_documents(research: Path, out: Path, people: Sequence[PersonKey]) -> None:
    """Write documents.csv and document_people.csv for the Kremlin-case documents."""
    import pymorphy3  # only needed here; heavy dictionary load

    morph = pymorphy3.MorphAnalyzer()
    cat = research / "showtrials-catalogue"
    docs = [
        d for d in _read(cat / "documents.tsv", "\t") if d["primary_process"] == KREMLIN_PROCESS
    ]
    docs.sort(key=lambda d: (d["document_date"], int(d["document_post_id"])))
    _write(
        out / "documents.csv",
        ["id", "date", "doc_type", "title", "collection", "category", "url", "source_ids"],
        (
            [
                f"doc-{d['document_post_id']}",
                d["document_date"][:10],
                d["document_type"],
                d["document_title"].strip(),
                d["primary_collection"],
                d["category_names"],
                d["document_url"],
                "showtrials-catalog",
            ]
            for d in docs
        ),
    )
    titles = {d["document_post_id"]: d["document_title"].strip() for d in docs}
    links = []
    seen: set[tuple[str, str]] = set()
    for row in _read(cat / "person_documents.tsv", "\t"):
        if row["document_post_id"] not in titles:
            continue
        written = written_in_title(row["raw_person"], titles[row["document_post_id"]])
        key = (row["document_post_id"], written)
        if key in seen:
            continue
        seen.add(key)
        pid = link_person(written, people, morph)
        links.append((f"doc-{row['document_post_id']}", written, pid))
    links.sort(key=lambda r: (int(r[0][4:]), r[1]))
    _write(out / "document_people.csv", ["document_id", "name_as_written", "person_id"], links)
    linked = sum(1 for r in links if r[2])
    print(f"documents: {len(docs)}; names in titles: {len(links)}; linked: {linked}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--research", type=Path, default=Path("../shared/research"))
    parser.add_argument("--out", type=Path, default=Path("resources/data"))
    args = parser.parse_args(argv)
    people_rows = _read(args.out / "people.csv")
    people = []
    for p in people_rows:
        parts = parse_ru_name(p["name_ru"])
        people.append(PersonKey(p["id"], parts.surnames, parts.initials))
    import_documents(args.research, args.out, people)
    return 0


if __name__ == "__main__":
    sys.exit(main())
