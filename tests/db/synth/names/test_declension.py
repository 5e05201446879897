"""Cyrillic declension of surnames: the genitive, instrumental and dative of the male and
female forms that document titles need, and the -ов/-ев and -ин surnames built from stems."""

from __future__ import annotations

import pytest

from db.synth.names.declension import Surname, decline, in_form, possessive


@pytest.mark.parametrize(
    ("m", "f", "ru", "gen", "ins", "dat"),
    [
        (  # possessive -ов: female -ова, declined like an adjective
            "Иванов",
            None,
            ("Иванов", "Иванова"),
            ("Иванова", "Ивановой"),
            ("Ивановым", "Ивановой"),
            ("Иванову", "Ивановой"),
        ),
        (
            "Королёв",
            None,
            ("Королёв", "Королёва"),
            ("Королёва", "Королёвой"),
            ("Королёвым", "Королёвой"),
            ("Королёву", "Королёвой"),
        ),
        (
            "Ильин",
            None,
            ("Ильин", "Ильина"),
            ("Ильина", "Ильиной"),
            ("Ильиным", "Ильиной"),
            ("Ильину", "Ильиной"),
        ),
        (  # adjectival -ский
            "Вишневский",
            None,
            ("Вишневский", "Вишневская"),
            ("Вишневского", "Вишневской"),
            ("Вишневским", "Вишневской"),
            ("Вишневскому", "Вишневской"),
        ),
        (
            "Троицкий",
            None,
            ("Троицкий", "Троицкая"),
            ("Троицкого", "Троицкой"),
            ("Троицким", "Троицкой"),
            ("Троицкому", "Троицкой"),
        ),
        (  # Georgian -ия: like a feminine noun, for both sexes
            "Гамсахурдия",
            None,
            ("Гамсахурдия", "Гамсахурдия"),
            ("Гамсахурдии", "Гамсахурдии"),
            ("Гамсахурдией", "Гамсахурдией"),
            ("Гамсахурдии", "Гамсахурдии"),
        ),
        (  # a final vowel: indeclinable
            "Шевченко",
            None,
            ("Шевченко",) * 2,
            ("Шевченко",) * 2,
            ("Шевченко",) * 2,
            ("Шевченко",) * 2,
        ),
        (
            "Джавахишвили",
            None,
            ("Джавахишвили",) * 2,
            ("Джавахишвили",) * 2,
            ("Джавахишвили",) * 2,
            ("Джавахишвили",) * 2,
        ),
        (  # a consonant: the man's form declines, the woman's does not
            "Мельник",
            None,
            ("Мельник", "Мельник"),
            ("Мельника", "Мельник"),
            ("Мельником", "Мельник"),
            ("Мельнику", "Мельник"),
        ),
        (  # after ж ш ч щ ц the instrumental is -ем
            "Лукашевич",
            None,
            ("Лукашевич", "Лукашевич"),
            ("Лукашевича", "Лукашевич"),
            ("Лукашевичем", "Лукашевич"),
            ("Лукашевичу", "Лукашевич"),
        ),
        (
            "Кац",
            None,
            ("Кац", "Кац"),
            ("Каца", "Кац"),
            ("Кацем", "Кац"),
            ("Кацу", "Кац"),
        ),
        (  # a soft sign or й: -я, -ем, -ю
            "Врубель",
            None,
            ("Врубель", "Врубель"),
            ("Врубеля", "Врубель"),
            ("Врубелем", "Врубель"),
            ("Врубелю", "Врубель"),
        ),
        (  # an irregular female form in -я declines (Latvian)
            "Берзиньш",
            "Берзиня",
            ("Берзиньш", "Берзиня"),
            ("Берзиньша", "Берзини"),
            ("Берзиньшем", "Берзиней"),
            ("Берзиньшу", "Берзине"),
        ),
        (  # … in -а after к: genitive -и
            "Домбровскис",
            "Домбровска",
            ("Домбровскис", "Домбровска"),
            ("Домбровскиса", "Домбровски"),
            ("Домбровскисом", "Домбровской"),
            ("Домбровскису", "Домбровске"),
        ),
        (  # … in -а after a hard consonant: genitive -ы
            "Озолс",
            "Озола",
            ("Озолс", "Озола"),
            ("Озолса", "Озолы"),
            ("Озолсом", "Озолой"),
            ("Озолсу", "Озоле"),
        ),
        (  # … in -е: indeclinable (Lithuanian -ене)
            "Казлаускас",
            "Казлаускене",
            ("Казлаускас", "Казлаускене"),
            ("Казлаускаса", "Казлаускене"),
            ("Казлаускасом", "Казлаускене"),
            ("Казлаускасу", "Казлаускене"),
        ),
    ],
)
def test_decline_gives_every_case_for_both_sexes(
    m: str,
    f: str | None,
    ru: tuple[str, str],
    gen: tuple[str, str],
    ins: tuple[str, str],
    dat: tuple[str, str],
) -> None:
    s = decline("x", m, f)
    assert (s.ru, s.gen, s.ins, s.dat) == (ru, gen, ins, dat)


def test_decline_keeps_the_group_native_spelling_and_russified_form() -> None:
    s = decline("lv", "Берзиньш", "Берзиня", ("Bērziņš", "Bērziņa"), "Берзинь")
    assert s == Surname(
        "lv",
        ("Берзиньш", "Берзиня"),
        ("Берзиньша", "Берзини"),
        ("Берзиньшем", "Берзиней"),
        ("Берзиньшу", "Берзине"),
        ("Bērziņš", "Bērziņa"),
        "Берзинь",
    )


@pytest.mark.parametrize(
    ("stem", "yo", "surname"),
    [
        ("Бобр", False, "Бобров"),
        ("Сыч", False, "Сычев"),
        ("Сергей", False, "Сергеев"),
        ("Лещ", False, "Лещев"),
        ("Сыч", True, "Сычёв"),
        ("Ткач", True, "Ткачёв"),
        ("Голуб", True, "Голубов"),  # ё only after soft and hushing stems
    ],
)
def test_possessive_takes_ov_after_hard_and_ev_after_soft_stems(
    stem: str, yo: bool, surname: str
) -> None:
    assert possessive(stem, yo) == surname


@pytest.mark.parametrize(
    ("stem", "surname"),
    [("Гали", "Галиев"), ("Валда", "Валдаев"), ("Гурь", "Гурьев"), ("Арсень", "Арсеньев")],
)
def test_possessive_after_a_vowel_or_soft_sign_is_spelled_ev(stem: str, surname: str) -> None:
    assert possessive(stem) == surname


@pytest.mark.parametrize(
    ("stem", "surname"),
    [("Галк", "Галкин"), ("Ильй", "Ильин"), ("Кобыл", "Кобылин"), ("Валда", "Валдин")],
)
def test_in_form_adds_in_and_drops_a_final_soft_sign_or_vowel(stem: str, surname: str) -> None:
    assert in_form(stem) == surname
