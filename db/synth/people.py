"""Generated people: name, role, dates, occupation, summary, sentences, relations, claims.

Most people are defendants; about 7 % are relatives of someone generated shortly before them
(same surname and naming group, a plausible father and birth year), others witnesses,
officials, NKVD investigators and a few alleged instigators.  Relations point back to recent
people only, so memory stays flat however many people are generated.
"""

from __future__ import annotations

import random
from collections import deque

from db.synth.claims import Citer
from db.synth.dates import DAY0, day_text
from db.synth.names import Given, Namer
from db.synth.names.pools import Pools
from db.synth.records import Batch, Stub
from db.synth.sentences import SentenceMaker
from db.synth.vocabulary import (
    CHARGES,
    CITIES,
    OCCUPATIONS,
    OFFICIALS,
    ORGANISATIONS,
    PLACES,
    RELATIONS_OTHER,
    STAFF,
)

KIN = ("wife", "son", "brother", "sister", "daughter")
_FEMALE_KIN = frozenset({"wife", "sister", "daughter"})
#: Birth year of a relative relative to the person they are related to (before ±3 years).
_BIRTH_OFFSET = {"son": 24, "daughter": 24, "wife": -3}
_CONFIDENCE = ("high", "medium", "medium", "low")
#: Roles other than "relative", by the upper bound of the uniform draw that picks them.
_ROLES = (
    (0.15, "witness"),
    (0.19, "official"),
    (0.205, "investigator"),
    (0.215, "other"),
    (0.2152, "alleged-instigator"),
)


def _role(x: float) -> str:
    """The role of someone who is not a relative, for a uniform draw ``x``."""
    for limit, role in _ROLES:
        if x < limit:
            return role
    return "defendant"


class PersonMaker:
    """Writes one person's rows (person, names, sentences, relations, claims) per call.

    ``recent`` and ``staff`` are the last people and investigators generated: relations,
    events and interrogations refer to them.
    """

    def __init__(
        self, rng: random.Random, pools: Pools, citer: Citer, sentences: SentenceMaker
    ) -> None:
        self.rng = rng
        self.pools = pools
        self.namer = Namer()
        self.citer = citer
        self.sentences = sentences
        self.recent: deque[Stub] = deque(maxlen=512)
        self.staff: deque[Stub] = deque(maxlen=64)
        self.relations_made = 0

    def person(self, i: int, b: Batch) -> Stub:
        """The ``i``-th person (0-based) of the archive."""
        rng = self.rng
        r = rng.random
        pools = self.pools
        recent = self.recent
        gi = pools.group.pick(r())
        group = pools.groups[gi]
        sex = 1 if r() < 0.14 else 0
        sur = pools.surnames[gi].pick_u(r())
        father = pools.given[gi][0].pick_u(r())
        kin: Stub | None = None
        relation = ""
        x = r()
        if recent and x < 0.07:
            kin = recent[int(r() * len(recent))]
            group, gi, sur, role = kin.group, kin.group_index, kin.sur, "relative"
            relation, sex, father = self._kinship(kin, father)
        else:
            role = _role(x)
        if role in ("investigator", "official"):
            sex = 0  # the NKVD staff and officials of the case files are men
        given = pools.given[gi][sex].pick_u(r())
        names = self.namer.forms(rng, group, sex, sur, given, father)
        pid = f"{names.slug}-{i + 1}"
        birth: int | None = 1872 + int(23 * (r() + r()))
        if kin is not None and kin.birth is not None:
            birth = min(1919, kin.birth + _BIRTH_OFFSET.get(relation, 0) + int(r() * 8) - 3)
        if r() < 0.07:
            birth = None
        arrest = DAY0 - 20 + int(r() * 230)
        stub = Stub(
            pid,
            sex,
            role,
            group,
            gi,
            sur,
            given,
            father,
            birth,
            names.initials,
            names.en_short,
            arrest,
            1000 + int(r() * 98_000),
        )
        self._relations(b, stub, kin, relation)
        b.name.extend([(pid, *row) for row in names.rows])
        fate, death = self.sentences.sentences(b, stub)
        self._record(b, stub, names.en, names.ru, names.sort_name, fate, death)
        recent.append(stub)
        if role == "investigator":
            self.staff.append(stub)
        return stub

    def _kinship(self, kin: Stub, father: Given) -> tuple[str, int, Given]:
        """How a relative is related to ``kin``: relation, sex and father (theirs or kin's)."""
        relation = KIN[int(self.rng.random() * 5)]
        sex = 1 if relation in _FEMALE_KIN else 0
        if relation in ("son", "daughter") and kin.sex == 0:
            father = kin.given
        elif relation in ("brother", "sister"):
            father = kin.father
        if relation == "wife" and kin.sex == 1:
            relation, sex = "brother", 0
        return relation, sex, father

    def _relations(self, b: Batch, stub: Stub, kin: Stub | None, relation: str) -> None:
        """The tie to ``kin``, else now and then to a recent person; some interrogators."""
        r = self.rng.random
        recent, pid = self.recent, stub.id
        if kin is not None:
            self._relation(b, pid, kin.id, relation)
        elif recent and r() < 0.05:
            other = recent[int(r() * len(recent))]
            self._relation(b, pid, other.id, RELATIONS_OTHER[int(r() * len(RELATIONS_OTHER))])
        if stub.role == "defendant" and self.staff and r() < 0.04:
            self._relation(b, pid, self.staff[int(r() * len(self.staff))].id, "interrogated-by")

    def _record(
        self,
        b: Batch,
        stub: Stub,
        en: str,
        ru: str,
        sort_name: str,
        fate: str | None,
        death: int | None,
    ) -> None:
        """The person row (occupation, summary …), its claims and the odd disputed field."""
        r = self.rng.random
        role, birth, pid = stub.role, stub.birth, stub.id
        if role == "investigator":
            occupation, organisation = STAFF[int(r() * len(STAFF))]
        elif role == "official":
            occupation, organisation = OFFICIALS[int(r() * len(OFFICIALS))]
        else:
            occupation = OCCUPATIONS[int(r() * len(OCCUPATIONS))]
            organisation = ORGANISATIONS[int(r() * len(ORGANISATIONS))]
        known_job = occupation if r() < 0.9 else None
        summary = None
        if r() < 0.55:
            place = PLACES[int(r() * len(PLACES))]
            summary = (f"Born {birth} in {place}" if birth else f"Born in {place}") + (
                f"; {known_job}." if known_job else "."
            )
            if role == "defendant" or stub.verdict is not None:
                summary += (
                    f" Arrested on {day_text(stub.arrest)} in "
                    f"{CITIES[int(r() * len(CITIES))]}, charged with "
                    f"{CHARGES[int(r() * len(CHARGES))]}."
                )
            elif role == "witness":
                summary += f" Questioned as a witness on {day_text(stub.arrest)}."
        confidence = _CONFIDENCE[int(r() * 4)]
        b.person.append(
            (
                pid,
                en,
                ru,
                sort_name,
                "MF"[stub.sex],
                birth,
                death,
                stub.group.nationality if r() < 0.85 else None,
                known_job,
                organisation if r() < 0.7 else None,
                role,
                confidence,
                summary,
                fate,
            )
        )
        cite, dispute = self.citer.cite, self.citer.dispute
        cite(b.claim, "person", pid, confidence)
        if birth is not None and r() < 0.02:
            other_year = str(birth + 1 + int(r() * 3))
            dispute(
                b.claim,
                "person",
                pid,
                "birth_year",
                (str(birth), other_year),
                "A regional Book of Memory gives another year of birth.",
            )
        if r() < 0.005:
            wrong = ru.replace("о", "а", 1)
            if wrong != ru:
                dispute(
                    b.claim,
                    "person",
                    pid,
                    "name_ru",
                    (ru, wrong),
                    "The case file spells the name differently.",
                )
        if fate and r() < 0.01:
            dispute(
                b.claim,
                "person",
                pid,
                "later_fate",
                (fate, "Fate unknown after 1938."),
                "Another source knows nothing of the later fate.",
            )

    def _relation(self, b: Batch, a: str, c: str, relation: str) -> None:
        self.relations_made += 1
        rid = f"r{self.relations_made:07d}"
        b.relation.append((rid, a, c, relation, None))
        self.citer.cite(b.claim, "relation", rid, None, 0.0)
