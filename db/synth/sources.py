"""Generated sources and published tallies: Books of Memory, case files, articles, encyclopedias.

Two fixed sources publish the verdict counts per tribunal: an archival summary that matches
the generated verdicts exactly and an article whose figures differ a little (within ±3 % for
some categories), which is what the chart's "published beside named" comparison needs.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator

from db.synth.dates import years_ru
from db.synth.names import Namer
from db.synth.names.pools import Pools
from db.synth.records import Row
from db.synth.vocabulary import REGIONS, TALLY_CATEGORY


def tally_label(category: str, years: int | None) -> str:
    """The tally line as a Russian publication prints it, with an English gloss."""
    if category == "death":
        return "к расстрелу (death)"
    if category == "other":
        return "прочие решения (other)"
    if years is None:
        return {
            "prison": "к лишению свободы (prison)",
            "camp": "к заключению в ИТЛ (camp)",
            "exile": "к ссылке (exile)",
            "ban": "к запрету проживания (ban)",
        }[category]
    plural = f"{years} year" + ("" if years == 1 else "s")
    return {
        "prison": f"к {years} {years_ru(years)} тюремного заключения ({plural} prison)",
        "camp": f"к {years} {years_ru(years)} ИТЛ ({plural} camp)",
        "exile": f"к ссылке на {years} г. ({plural} exile)",
        "ban": f"к запрету проживания на {years} г. ({plural} ban on residence)",
    }[category]


class SourceMaker:
    """Invents the bibliography (``n_sources`` records plus the two tally publications)."""

    def __init__(self, rng: random.Random, namer: Namer, pools: Pools, n_sources: int) -> None:
        self.rng = rng
        self.namer = namer
        self.pools = pools
        self.n_sources = n_sources

    def sources(self) -> Iterator[Row]:
        """Bibliographic records: tally publications, Books of Memory, case files, articles."""
        yield (
            "tally-archive",
            None,
            "Сводка осуждённых по делам 1935 года (архивная справка)",
            None,
            "archive",
            "ru",
            None,
            "Invented aggregate figures for the synthetic archive.",
        )
        yield (
            "tally-article",
            "Н. Н. Исследователев",
            "Статистика приговоров 1935 года",
            2004,
            "article",
            "ru",
            None,
            "Prints slightly different figures for some categories.",
        )
        r = self.rng.random
        for k in range(1, self.n_sources + 1):
            x = r()
            if x < 0.45:
                region = REGIONS[int(r() * len(REGIONS))]
                volume = 1 + int(r() * 12)
                row: Row = (
                    None,
                    f"Книга памяти жертв политических репрессий {region}. Т. {volume}",
                    1995 + int(r() * 26),
                    "book",
                    "ru",
                    None,
                    None,
                )
            elif x < 0.80:
                row = (
                    None,
                    f"Архивно-следственное дело № П-{10_000 + int(r() * 90_000)}",
                    None,
                    "archive",
                    "ru",
                    None,
                    "ГА РФ, ф. 10035, оп. 1"
                    if r() < 0.5
                    else "Архив УФСБ по г. Москве и Московской области",
                )
            elif x < 0.95:
                author = self._author()
                row = (
                    (
                        author,
                        f"Репрессии 1930-х годов: материалы к биографиям (часть {k})",
                        1989 + int(r() * 36),
                        "article",
                        "ru",
                        None,
                        None,
                    )
                    if r() < 0.7
                    else (
                        " ".join(self.namer.tr("WIKIPEDIA", w) for w in author.split()),
                        f"Terror and the files, part {k}",
                        1990 + int(r() * 35),
                        "article",
                        "en",
                        None,
                        None,
                    )
                )
            else:
                row = (
                    None,
                    f"Жертвы политического террора в СССР, выпуск {k}",
                    2000 + int(r() * 20),
                    "encyclopedia",
                    "ru",
                    None,
                    None,
                )
            yield (f"src-{k:05d}", *row)

    def _author(self) -> str:
        """``И. П. Смирнов``: an invented author with a common Russian name."""
        men = self.pools.given[0][0]
        sur = self.pools.surnames[0].pick(self.rng).ru[0]
        return f"{men.pick(self.rng).ru[0]}. {men.pick(self.rng).ru[0]}. {sur}"

    def tallies(self, verdicts: Counter[tuple[str, str, int | None]]) -> Iterator[Row]:
        """Published counts per tribunal: one exact source and one that differs a little."""
        r = self.rng.random
        grand = 0
        for tribunal, short in (("military-collegium", "mc"), ("special-board-oso", "oso")):
            groups: Counter[tuple[str, int | None]] = Counter()
            for (trib, kind, years), n in sorted(verdicts.items(), key=str):
                if trib == tribunal:
                    cat = TALLY_CATEGORY[kind]
                    groups[(cat, years if cat != "death" else None)] += n
            total = sum(groups.values())
            grand += total
            for src, tag in (("tally-archive", "a"), ("tally-article", "b")):
                count = total if tag == "a" else total + int((r() - 0.5) * total * 0.04)
                yield (
                    f"t-{tag}-{short}-total",
                    tribunal,
                    "total",
                    None,
                    count,
                    "всего осуждено (total convicted)",
                    src,
                    None,
                )
                for (cat, years), n in sorted(groups.items(), key=str):
                    if tag == "b" and r() < 0.3:
                        n = max(0, n + int((r() - 0.5) * max(n, 10) * 0.06))  # within ±3 %
                    yield (
                        f"t-{tag}-{short}-{cat}-{years or 'all'}",
                        tribunal,
                        cat,
                        years,
                        n,
                        tally_label(cat, years),
                        src,
                        None,
                    )
        yield (
            "t-a-all-total",
            "all",
            "total",
            None,
            grand,
            "осуждено по делам 1935 года (total)",
            "tally-archive",
            None,
        )
