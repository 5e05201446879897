"""Generated people: roles in their promised shares, relatives tied to someone generated
shortly before them with a plausible sex and birth year, officials and NKVD staff all men,
records whose summary agrees with their fields.

Shares are counted exactly on the fixed-seed rows; the bounds are the promised share ± about
four standard deviations of a binomial count of that size.
"""

from __future__ import annotations

import re
from collections import Counter

from db.synth.names import build_groups
from db.synth.people import KIN
from db.synth.vocabulary import RELATIONS_OTHER
from tests.db.synth.collector import Collector
from tests.db.synth.conftest import GENERATED_PEOPLE

#: Birth year of a relative minus that of the person they are related to, when both are known.
BIRTH_GAP = {
    "son": range(21, 29),
    "daughter": range(21, 29),
    "wife": range(-6, 2),
    "brother": range(-3, 5),
    "sister": range(-3, 5),
}


def number(person_id: object) -> int:
    """The position of a person in the archive (ids end in ``-<1-based number>``)."""
    return int(str(person_id).rsplit("-", 1)[1])


def test_person_ids_are_ascii_slugs_numbered_in_order(generated: Collector) -> None:
    ids = [str(p["id"]) for p in generated.records("person")]
    assert [number(i) for i in ids] == list(range(1, GENERATED_PEOPLE + 1))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_about_seven_percent_are_relatives(generated: Collector) -> None:
    roles = Counter(p["role"] for p in generated.records("person"))
    assert 0.045 < roles["relative"] / GENERATED_PEOPLE < 0.095
    assert roles.most_common(1)[0][0] == "defendant"


def test_officials_and_nkvd_staff_are_men(generated: Collector) -> None:
    staff = [p for p in generated.records("person") if p["role"] in ("official", "investigator")]
    assert staff and {p["sex"] for p in staff} == {"M"}


def test_about_one_in_seven_defendants_and_witnesses_is_a_woman(generated: Collector) -> None:
    sexes = Counter(
        p["sex"] for p in generated.records("person") if p["role"] in ("defendant", "witness")
    )
    assert 0.10 < sexes["F"] / sexes.total() < 0.18  # drawn with chance 0.14


def test_a_relative_is_tied_to_an_earlier_person_with_a_fitting_sex(generated: Collector) -> None:
    people = generated.by_id("person")
    kin_ties = [r for r in generated.records("relation") if r["relation"] in KIN]
    relatives = {p["id"] for p in people.values() if p["role"] == "relative"}
    assert {r["person_id"] for r in kin_ties} == relatives
    for tie in kin_ties:
        relative, kin = people[tie["person_id"]], people[tie["related_person_id"]]
        female = tie["relation"] in ("wife", "sister", "daughter")
        assert relative["sex"] == ("F" if female else "M")
        if tie["relation"] == "wife":
            assert kin["sex"] == "M"


def test_a_relatives_birth_year_fits_the_relation(generated: Collector) -> None:
    people = generated.by_id("person")
    checked = 0
    for tie in generated.records("relation"):
        if tie["relation"] not in KIN:
            continue
        born = people[tie["person_id"]]["birth_year"]
        kin_born = people[tie["related_person_id"]]["birth_year"]
        if born is None or kin_born is None:
            continue
        gap, born_after = BIRTH_GAP[str(tie["relation"])], int(born) - int(kin_born)
        # births are capped at 1919: a son of a man born 1895 is born in 1919 at the latest
        capped = born == 1919 and int(kin_born) + gap.stop - 1 >= 1919
        assert born_after in gap or capped, tie
        checked += 1
    assert checked > 40


def test_people_who_are_not_relatives_are_born_1872_to_1917(generated: Collector) -> None:
    years = [
        int(str(p["birth_year"]))
        for p in generated.records("person")
        if p["role"] != "relative" and p["birth_year"] is not None
    ]
    assert min(years) >= 1872 and max(years) <= 1917
    unknown = sum(p["birth_year"] is None for p in generated.records("person"))
    assert 0.04 < unknown / GENERATED_PEOPLE < 0.10  # 7 % without a birth year


def test_relations_point_back_to_recent_people_only(generated: Collector) -> None:
    ties = [r for r in generated.records("relation") if r["relation"] in (*KIN, *RELATIONS_OTHER)]
    assert ties
    for tie in ties:
        assert 1 <= number(tie["person_id"]) - number(tie["related_person_id"]) <= 512, tie


def test_interrogated_by_points_from_a_defendant_to_an_investigator(generated: Collector) -> None:
    roles = {p["id"]: p["role"] for p in generated.records("person")}
    ties = [r for r in generated.records("relation") if r["relation"] == "interrogated-by"]
    assert ties
    assert {(roles[t["person_id"]], roles[t["related_person_id"]]) for t in ties} == {
        ("defendant", "investigator")
    }


def test_a_summary_agrees_with_the_birth_year(generated: Collector) -> None:
    summaries = [p for p in generated.records("person") if p["summary"] is not None]
    assert 0.5 < len(summaries) / GENERATED_PEOPLE < 0.6  # 55 % have one
    for p in summaries:
        born = re.match(r"Born (\d{4} )?in ", str(p["summary"]))
        assert born is not None, p
        assert (int(born[1]) if born[1] else None) == p["birth_year"]


def test_a_defendants_summary_tells_the_arrest_in_the_case_years(generated: Collector) -> None:
    arrests = [
        re.search(r"Arrested on \d{1,2} (\w+) (\d{4}) in ", str(p["summary"]))
        for p in generated.records("person")
        if p["role"] == "defendant" and p["summary"] is not None
    ]
    assert arrests and all(a is not None for a in arrests)
    months = {(a[2], a[1]) for a in arrests if a is not None}
    assert {y for y, _ in months} == {"1934", "1935"}
    assert {m for y, m in months if y == "1934"} == {"December"}


def test_nationality_is_the_naming_groups_or_unknown(generated: Collector) -> None:
    nationalities = Counter(p["nationality"] for p in generated.records("person"))
    assert set(nationalities) - {None} <= {g.nationality for g in build_groups()}
    assert 0.11 < nationalities[None] / GENERATED_PEOPLE < 0.19  # 15 % unknown
    assert nationalities.most_common(1)[0][0] == "Russian"


def test_a_disputed_birth_year_gives_the_record_first_and_a_later_year_second(
    generated: Collector,
) -> None:
    people = generated.by_id("person")
    disputes = [c for c in generated.records("claim") if c["field"] == "birth_year"]
    assert disputes and len(disputes) % 2 == 0
    for first, second in zip(disputes[::2], disputes[1::2], strict=True):
        born = people[first["subject_id"]]["birth_year"]
        assert first["subject_id"] == second["subject_id"]
        assert first["value"] == str(born)
        assert 1 <= int(str(second["value"])) - int(str(born)) <= 3
