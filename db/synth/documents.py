"""Generated case-file documents: protocols, reports, statements, letters, verdicts, lists.

Titles are in Russian as archives publish them, with the person's name declined
(``Протокол допроса обвиняемого И.П. Смирнова``, ``…очной ставки между … и …``); every name in
a title is also a document-person row, linked to the person it names.  About one document per
four people.
"""

from __future__ import annotations

import random

from db.synth.claims import Citer
from db.synth.dates import iso
from db.synth.names.pools import Pools
from db.synth.records import Batch, Stub
from db.synth.vocabulary import TRIBUNAL_RU


class DocumentMaker:
    """Writes document, document-person and claim rows."""

    def __init__(self, rng: random.Random, citer: Citer, pools: Pools) -> None:
        self.rng = rng
        self.citer = citer
        self.pools = pools
        self.made = 0

    def documents(self, stubs: list[Stub], b: Batch, target: int) -> None:
        """Case-file documents with the person's declined name in the title."""
        r = self.rng.random
        for _ in range(max(0, target)):
            s = stubs[int(r() * len(stubs))]
            doc_type, title, day, named = self._title(s, stubs)
            self.made += 1
            did = f"doc-{self.made:07d}"
            b.document.append(
                (
                    did,
                    iso(day),
                    doc_type,
                    title,
                    f"Архивно-следственное дело № Р-{s.case}",
                    s.sur.ru[s.sex],
                    None,
                )
            )
            seen: set[str | None] = set()
            for name, person in named:
                if person is None or person not in seen:
                    seen.add(person)
                    b.document_person.append((did, name, person))
            self.citer.cite(b.claim, "document", did, None, 0.1)

    def _title(
        self, s: Stub, stubs: list[Stub]
    ) -> tuple[str, str, int, list[tuple[str, str | None]]]:
        """Type, title, day and the names in the title (with the people they name)."""
        r = self.rng.random
        gen = f"{s.initials} {s.sur.gen[s.sex]}"
        named: list[tuple[str, str | None]] = [(gen, s.id)]
        day = s.arrest + int(r() * 120)
        x = r()
        if x < 0.55:
            doc_type = "interrogation_protocol"
            who = (
                "",
                "",
                "обвиняемого " if s.sex == 0 else "обвиняемой ",
                "свидетеля " if s.sex == 0 else "свидетельницы ",
            )[int(r() * 4)]
            title = f"Протокол допроса {who}{gen}"
        elif x < 0.62:
            doc_type = "confrontation_protocol"
            o = stubs[int(r() * len(stubs))]
            a, c = f"{s.initials} {s.sur.ins[s.sex]}", f"{o.initials} {o.sur.ins[o.sex]}"
            title, named = f"Протокол очной ставки между {a} и {c}", [(a, s.id), (c, o.id)]
        elif x < 0.74:
            doc_type = "special_report"
            title = f"Спецсообщение ГУГБ НКВД СССР об аресте {gen}"
        elif x < 0.79:
            doc_type, title = "statement", f"Заявление {gen} на имя наркома внутренних дел"
        elif x < 0.84:
            doc_type = "letter"
            sur = self.pools.surnames[0].pick(self.rng)
            men = self.pools.given[0][0]
            to = f"{men.pick(self.rng).ru[0]}.{men.pick(self.rng).ru[0]}. {sur.dat[0]}"
            title, named = f"Письмо {gen} {to}", [(gen, s.id), (to, None)]
        elif x < 0.88:
            doc_type, title = "search_protocol", f"Протокол обыска у {gen}"
        elif x < 0.94 and s.verdict and s.verdict[0] in TRIBUNAL_RU:
            doc_type, day = "verdict_or_sentence", s.verdict[1]
            title = f"{TRIBUNAL_RU[s.verdict[0]][0]} {gen}"
        elif x < 0.98:
            doc_type, title = "memo_note", f"Справка на арест {gen}"
        else:
            doc_type = "list"
            others = [stubs[int(r() * len(stubs))] for _ in range(2 + int(r() * 3))]
            title = f"Список лиц, проходящих по делу {gen} и др."
            named += [(f"{o.sur.ru[o.sex]} {o.initials}", o.id) for o in others if o is not s]
        return doc_type, title, day, named
