"""Name pools of the synthetic archive (``db.synth``): surnames, given names, name forms.

Surnames come in eleven groups (Russian, Ukrainian, Belarusian, Jewish, Tatar, Armenian,
Georgian, Polish, German, Latvian, Lithuanian).  Each group has a hand-written list of common
names, in frequency order, and most groups add combinatorial ones (stems + ``-ов/-ев``,
``-ин``, ``-ский``, ``-енко``, ``-чук``, ``-ович``, ``-ян``, ``-швили``, ``-дзе``) so that the
whole pool holds a few thousand surnames.  Every surname carries its Cyrillic forms for
both sexes and the cases document titles need (genitive, instrumental, dative), and, for the
Polish, German, Baltic and Georgian groups, the national Latin spelling with its diacritics
(*Bērziņš*, *Šleževičius*, *Łukasiewicz*, *Müller*, *Gamsakhurdia*).

Nothing here is random: :func:`build_pools` is a pure function of this file.  The generator
draws from the pools with Zipf–Mandelbrot weights (see :class:`Zipf`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")

#: Zipf exponent of surname and given-name frequencies.
ZIPF_S = 1.07


class Uniform(Protocol):
    """What :class:`Zipf` needs from a random source: ``random.Random.random``."""

    def random(self) -> float: ...


class Zipf(Generic[T]):
    """Draw items with weight ``1 / (rank + q) ** s`` (Zipf–Mandelbrot).

    A pure ``1/rank**1.07`` law cannot give the commonest Russian surname a share of about
    1.3 %: the weights sum to at most ζ(1.07) ≈ 14.9, so rank 1 always gets ≥ 6.7 %.  The
    offset ``q`` flattens the head; :meth:`with_top_share` solves for it.
    """

    def __init__(self, items: Sequence[T], s: float = ZIPF_S, q: float = 0.0) -> None:
        if not items:
            raise ValueError("a Zipf pool needs at least one item")
        self.items = tuple(items)
        self.q = q
        self.cum = list(accumulate(float((r + q) ** -s) for r in range(1, len(items) + 1)))
        self.total = self.cum[-1]

    @classmethod
    def with_top_share(cls, items: Sequence[T], share: float, s: float = ZIPF_S) -> Zipf[T]:
        """A pool whose first item has probability ``share`` (bisection on ``q``)."""
        lo, hi = 0.0, 1e6
        for _ in range(80):
            mid = (lo + hi) / 2
            if cls(items, s, mid).share(0) > share:
                lo = mid
            else:
                hi = mid
        return cls(items, s, (lo + hi) / 2)

    def share(self, index: int) -> float:
        """Probability of the item at ``index``."""
        prev = self.cum[index - 1] if index else 0.0
        return (self.cum[index] - prev) / self.total

    def pick(self, rng: Uniform) -> T:
        """One item."""
        i = bisect_right(self.cum, rng.random() * self.total)
        return self.items[min(i, len(self.items) - 1)]


# -- Cyrillic declension ------------------------------------------------------------------

Pair = tuple[str, str]  # (male form, female form)


@dataclass(frozen=True, slots=True)
class Surname:
    """One surname: Cyrillic forms by sex (index 0 male, 1 female) and case; Latin spelling."""

    group: str
    ru: Pair
    gen: Pair
    ins: Pair
    dat: Pair
    native: Pair | None = None  # national Latin spelling (with diacritics) when not Cyrillic
    russified: str | None = None  # older Russian rendering (Берзинь for Берзиньш)


def _fem_noun(f: str) -> tuple[str, str, str]:
    """Genitive, instrumental, dative of a feminine surname (declined only in -а/-я)."""
    if f.endswith("я"):
        return f[:-1] + "и", f[:-1] + "ей", f[:-1] + "е"
    if f.endswith("а"):
        stem = f[:-1]
        gen = stem + ("и" if stem[-1] in "гкхжшчщ" else "ы")
        return gen, stem + "ой", stem + "е"
    return f, f, f


def decline(group: str, m: str, f: str | None = None, native: Pair | None = None,
            russified: str | None = None) -> Surname:
    """Build a :class:`Surname` from its male nominative (and female, where irregular)."""
    if m.endswith(("ов", "ев", "ёв", "ин", "ын")) and f is None:
        fem = m + "а"
        return Surname(group, (m, fem), (m + "а", m + "ой"), (m + "ым", m + "ой"),
                       (m + "у", m + "ой"), native, russified)
    if m.endswith(("ский", "цкий")):
        stem = m[:-2]
        return Surname(group, (m, f or stem + "ая"), (stem + "ого", stem + "ой"),
                       (stem + "им", stem + "ой"), (stem + "ому", stem + "ой"), native, russified)
    if m.endswith("ия"):  # Georgian Гамсахурдия: declined like a feminine noun, both sexes
        g, i, d = m[:-1] + "и", m[:-1] + "ей", m[:-1] + "и"
        return Surname(group, (m, m), (g, g), (i, i), (d, d), native, russified)
    if m[-1] in "аеёиоуыэюя":  # -енко, -швили, -дзе, -ани, -ели, Ланге: indeclinable
        fem = f or m
        return Surname(group, (m, fem), (m, fem), (m, fem), (m, fem), native, russified)
    if m[-1] in "ьй":
        g, i, d = m[:-1] + "я", m[:-1] + "ем", m[:-1] + "ю"
    elif m[-1] in "жшчщц":
        g, i, d = m + "а", m + "ем", m + "у"
    else:
        g, i, d = m + "а", m + "ом", m + "у"
    fem = f or m
    fg, fi, fd = _fem_noun(fem) if f else (fem, fem, fem)
    return Surname(group, (m, fem), (g, fg), (i, fi), (d, fd), native, russified)


def _ov(stem: str, yo: bool = False) -> str:
    """Possessive surname from a stem: -ов after hard consonants, -ев/-ёв after soft ones."""
    if stem[-1] in "йь":
        return stem[:-1] + ("ёв" if yo else "ев")
    if stem[-1] in "жшчщц":
        return stem + ("ёв" if yo else "ев")
    return stem + "ов"


def _in(stem: str) -> str:
    return stem[:-1] + "ин" if stem[-1] in "йьа" else stem + "ин"


def _words(text: str) -> list[str]:
    return text.split()


def _pairs(text: str) -> list[list[str]]:
    """``"a/b/c d/e/f"`` → ``[["a","b","c"], ["d","e","f"]]``."""
    return [w.split("/") for w in text.split()]


# -- surname data -------------------------------------------------------------------------

RU_TOP = _words("""
Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов
Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров
Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин
Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов
Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев
Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов
Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов
Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов
Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров
Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров
Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов
Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов Ерёмин Тихомиров Галкин
Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков
Митрофанов Воронцов Ершов Голованов Логинов Блинов Зуев Савин Шестаков Лаптев Шубин Кольцов
Жданов Гордеев Сафонов Третьяков Селезнёв Калашников Рыбаков Суворов Кулагин Субботин
Лобанов Фадеев Панфилов Голиков Дьяконов Мухин Рожков Пестов Веселов Горшков Пахомов Щукин
Горбачёв Лихачёв Толкачёв Пугачёв Рогачёв Москалёв Бессонов Синицын Муравьёв Кочетов
Островский Вишневский Покровский Преображенский Успенский Троицкий Введенский Богословский
""")

# Stems of the combinatorial Russian tail; a trailing "!" marks a stressed -ёв (Лихачёв).
# Compounds: Бело- + Ус → Белоусов, Ново- + Сельц → Новосельцев.
RU_PREFIXES = _words("Бело Черно Ново Старо Красно Криво Долго Толсто Сухо Добро")
RU_ROOTS = _words("Глаз Ус Нос Бород Голов Рук Ног Сельц Двор Гор Пол Шап Бок Лоб Зуб Брюх Щек")

RU_STEMS = _words("""
Бобр Барс Ворон Галк Дрозд Жаворонк Кобыл Кошк Лис Лос Петух Рябчик Сыч! Сом Ёрш! Карп Лещ
Окун Налим Чиж Снегир Скворц Бык Вол Коз Баран Гус Утк Курочк Сорок Голуб Филин Кукушк Стриж
Кузнец Мельник Гончар Плотник Бондар Ткач! Сапожник Портн Пахар Рыбак Охотник Пастух Кожевник
Столяр Токар Слесар Кучер Мясник Пекар Писар Дьяк Звонар Сторож Ямщик Пономар Дьячк Косар
Бел Черн Сед Рыж Кудр Лыс Мал Тих Смир Добр Кос Хром Крив Глух Толст Долг Корот Широк Весел
Горд Мудр Прост Бодр Жар Хитр Скор Молч Грозн Буйн Ясн Светл Темн Румян Курнос Губан Носат
Мороз Снег Ветр Гром Дуб Клен Берез Сосн Лип Рябин Калин Малин Ольх Камен Песк Болот Лес Луг
Гор Озер Бор Ручей Ключ! Овраг Холм Дол Пол Ров Тын Мост Брод Остров Двор Посад Слобод
Молот Топор Гвозд Котел Горшк Ложк Калач! Блин Пирог Квас Медв Масл Хлеб Сахар Лук Чеснок
Горох Овс Ячмен Пшен Пряник Бублик Сухар Крупен Кисел Мук Солод Хмел Сусл Творог
Бород Глаз Ус Нос Лоб Зуб Горб Плеш Кулак Лапт Кафтан Шапк Кушак Сапог Ремн Рукав
Ваньк Петрушк Сенк Федьк Гришк Мишк Лёшк Сашк Кольк Васьк Тимошк Прошк Митьк Стёпк Яшк
Тишк Ермол Евдоким Ерофей Игнат Илларион Кондрат Корней Лаврент Мирон Назар Пимен Потап
Сафрон Сидор Тарас Терент Фирс Харлам Агап Авдей Аким Амвросий Анан Анфим Арсень Артамон
Афонас Варлам Вавил Гурь Демид Елизар Ефрем Зосим Исай Касьян Кирсан Климент Ксенофонт
Лавр Мартын Мелент Мефод Мокей Никандр Никон Онуфрий Пантелей Парамон Пахом Пров Самсон
Сысой Феоктист Ферапонт Флор Фотей Фрол Харитон Христофор Юдин Якуш Ярош Гаврил Епифан
Рязан Тверитин Москвит Новгород Смолян Казан Вятк Ладог Пермяк Псков Мещер Муром Суздал
Ростов Галич Углич Ржев Тороп Валда Клин Кашир Серпух Коломн Вереск Ивняк Тальник Осок
""")

UA_TOP = _words("""
Шевченко Бондаренко Коваленко Ткаченко Кравченко Бойко Мельник Шевчук Коваль Олейник
Лысенко Марченко Руденко Савченко Петренко Кузьменко Павленко Литвиненко Гончаренко
Ковальчук Полищук Мельничук Ткачук Романенко Кириченко Клименко Остапенко Гриценко
Данильченко Тимошенко Яковенко Сидоренко Степаненко Пономаренко Демченко Левченко
Приходько Гаврилюк Кравчук Бондарчук Грищенко Сердюк Карпенко Мазуренко Онищенко Худяк
""")

UA_STEMS = _words("""
Андрий Бабич Бурл Вакул Вовк Гнат Голов Гордий Горд Грыц Гуц Давыд Дорош Дяч Евтуш Забол
Загор Зинч Иван Карпусь Кирил Клим Кобз Ковтун Кондрат Корнийч Костюш Кот Кущ Лев Луц Мирош
Мов Мороз Назар Наум Нестер Оврам Олекс Опанас Осип Охрим Павл Панас Пилип Прокоп Процик Рев
Ром Савк Свирид Семен Сем Стас Тарас Терещ Тимош Тит Трохим Федор Филон Харит Хом Юрч Яким Ярем
Бут Гайдам Гоц Дуд Жур Зубар Кушн Литв Марч Мусиен Нечип Перепел Пузыр Сав Сыч Хвост Шпак
""")

BY_TOP = _words("""
Климович Дубович Якимович Карпович Лукашевич Мицкевич Козлович Кулешов Василевич Адамович
Гурин Мартинкевич Лапицкий Сушкевич Жилинский Говорушко Мазурок Русак Бурак Дудко Лагун
""")

BY_STEMS = _words("""
Ант Бельск Бобр Борис Вершин Волчк Гайк Гриц Даш Дзмитр Ермол Жук Завад Змитр Кляв Корсак
Кудр Ласк Лещ Мак Мих Мохн Пашк Пилип Радз Ражн Сав Сивак Станк Сымон Трус Фед Хадк Цыбульк
""")

JW_TOP = _words("""
Кац Коган Рабинович Гольдберг Фельдман Шапиро Лившиц Гуревич Хайкин Зильберман Каплан
Левин Гинзбург Эпштейн Фридман Шварцман Бродский Гершензон Розенблюм Вайнштейн Финкельштейн
Лурье Берман Перельман Рубинштейн Гальперин Блюмкин Цейтлин Зусман Брук Фрумкин Мандельштам
Пинскер Гольдштейн Рапопорт Шнеерсон Литвак Ройтман Гордон Вольфсон Юровский Слуцкий Минц
Гольдман Кушнер Шульман Марголин Рывкин Хазан Герштейн Кравец Лернер Фишман Альтман
""")

# Jewish and Tatar combinatorial tails: root + suffix (Розен + берг, Гали + уллин).
JW_ROOTS = _words("""
Гольд Зильбер Розен Вайн Шпиль Фишель Лейб Блюм Фрид Гут Мендель Гринь Ройз Шейн Рот Вейс
Штерн Кауф Эрен Лих Глик Фрей Гершен Лев Шиф
""")
JW_SUFFIXES = _words("ман берг штейн фельд цвейг")
TT_ROOTS = _words("""
Ахмет Гали Вали Зари Шари Хайр Габд Нигмат Гат Фатх Мингаз Сабир Закир Камал Латып Шакир
Исмаг Гиль Мухамет Нур Шайх Хаби Файз Сайф Рахм Мирс Гимад Хами Зайн Ибат
""")

TT_TOP = _words("""
Ахметов Хабибуллин Гайнуллин Сафин Галиев Валиев Зарипов Мухаметзянов Шарипов Хайруллин
Юсупов Гарипов Нуриев Садыков Фаттахов Закиров Гильманов Латыпов Камалов Мингазов Хасанов
Сабиров Файзуллин Ибрагимов Абдуллин Исмагилов Гатауллин Шакиров Ахмадуллин Нигматуллин
Султанов Муратов Рахимов Баширов Габдуллин Вахитов Тагиров Мустафин Ганиев Яхин
""")

AM_STEMS = _words("""
Петрос Григор Саркис Акоп Мартирос Оганес Аветис Карапет Мкртч Арутюн Хачатур Степан
Егиазар Манук Симон Гаспар Давт Абрам Габриел Казар Мирзо Вардан Баба Атабек Шахназар Мелкон
Погос Назар Сагател Гукас Амбарцум Тигран Ованес Мовсес Маркар Агаджан Бадал Геворк
""")

GE_TOP = _pairs("""
Гамсахурдия/Gamsakhurdia Джавахишвили/Javakhishvili Церетели/Tsereteli
Чавчавадзе/Chavchavadze Мдивани/Mdivani Кикнадзе/Kiknadze Беридзе/Beridze
Капанадзе/Kapanadze Гелашвили/Gelashvili Майсурадзе/Maisuradze Ломидзе/Lomidze
Цинцадзе/Tsintsadze Кварацхелия/Kvaratskhelia Данелия/Danelia Шенгелия/Shengelia
Орджоникидзе/Orjonikidze Мгалоблишвили/Mgaloblishvili Кавтарадзе/Kavtaradze
Дадиани/Dadiani Абашидзе/Abashidze Чхеидзе/Chkheidze Гогоберидзе/Gogoberidze
Натадзе/Natadze Торошелидзе/Toroshelidze Лордкипанидзе/Lordkipanidze Кахиани/Kakhiani
Джапаридзе/Japaridze Нодия/Nodia Чиковани/Chikovani Эристави/Eristavi Гогуа/Gogua
""")

# Georgian stems (Cyrillic/Latin) combined with -швили/-shvili and -дзе/-dze.
GE_STEMS = _pairs("""
Бери/Beri Гела/Gela Мамука/Mamuka Буаче/Buache Гиор/Gior Ниже/Nizhe Кобахи/Kobakhi
Мчедли/Mchedli Кацаба/Katsaba Каха/Kakha Сулха/Sulkha Тевза/Tevza Гигау/Gigau Мосе/Mose
Тодуа/Todua Квини/Kvini Цагаре/Tsagare Бакра/Bakra Курта/Kurta Чача/Chacha Глонти/Glonti
Надара/Nadara Ахвледи/Akhvledi Элиава/Eliava Зурабаш/Zurabash Папу/Papu
""")

# Polish: native male/female, Russian male (female derived unless given).
PL_TOP = _pairs("""
Łukasiewicz/Łukasiewicz/Лукасевич Wiśniewski/Wiśniewska/Вишневский Kowalczyk/Kowalczyk/Ковальчик
Nowak/Nowak/Новак Wójcik/Wójcik/Войцик Woźniak/Woźniak/Возняк Dąbrowski/Dąbrowska/Домбровский
Kozłowski/Kozłowska/Козловский Mazur/Mazur/Мазур Krawczyk/Krawczyk/Кравчик
Grabowski/Grabowska/Грабовский Pawłowski/Pawłowska/Павловский Michalski/Michalska/Михальский
Król/Król/Круль Wieczorek/Wieczorek/Вечорек Jabłoński/Jabłońska/Яблонский Wróbel/Wróbel/Врубель
Zieliński/Zielińska/Зелинский Szymański/Szymańska/Шиманский Kamiński/Kamińska/Каминский
Lewandowski/Lewandowska/Левандовский Jankowski/Jankowska/Янковский Piotrowski/Piotrowska/Пиотровский
Kaczmarek/Kaczmarek/Качмарек Ostrowski/Ostrowska/Островский Baran/Baran/Баран
Szewczyk/Szewczyk/Шевчик Tomaszewski/Tomaszewska/Томашевский Malinowski/Malinowska/Малиновский
Jaworski/Jaworska/Яворский Górski/Górska/Гурский Rutkowski/Rutkowska/Рутковский
Sobczak/Sobczak/Собчак Czarnecki/Czarnecka/Чарнецкий Sienkiewicz/Sienkiewicz/Сенкевич
Żukowski/Żukowska/Жуковский Głowacki/Głowacka/Гловацкий Stępień/Stępień/Стемпень
Błaszczyk/Błaszczyk/Блащик Chmielewski/Chmielewska/Хмелевский Ślusarczyk/Ślusarczyk/Слюсарчик
Wawrzyniak/Wawrzyniak/Вавжиняк Dziedzic/Dziedzic/Дзедзиц Sadowski/Sadowska/Садовский
Kwiatkowski/Kwiatkowska/Квятковский Witkowski/Witkowska/Витковский Łapiński/Łapińska/Лапинский
Sołtys/Sołtys/Солтыс Bącik/Bącik/Бонцик Skrzypczak/Skrzypczak/Скшипчак
""")

DE_TOP = _pairs("""
Schmidt/Шмидт Müller/Миллер Weber/Вебер Schneider/Шнейдер Fischer/Фишер Meyer/Мейер
Wagner/Вагнер Becker/Беккер Schulz/Шульц Hoffmann/Гофман Koch/Кох Richter/Рихтер Klein/Клейн
Wolf/Вольф Schröder/Шрёдер Neumann/Нейман Schwarz/Шварц Zimmermann/Циммерман Braun/Браун
Krüger/Крюгер Hartmann/Гартман Lange/Ланге Werner/Вернер Köhler/Кёлер Frank/Франк Lenz/Ленц
Funk/Функ Maier/Майер Bauer/Бауэр Strauß/Штраус Fuchs/Фукс König/Кёниг Schumann/Шуман
Sommer/Зоммер Groß/Гросс Jäger/Егер Vogt/Фогт Günther/Гюнтер Böhm/Бём Dietrich/Дитрих
""")

# Latvian: native male/female, Russian male/female, older russified male.
LV_TOP = _pairs("""
Bērziņš/Bērziņa/Берзиньш/Берзиня/Берзинь Kalniņš/Kalniņa/Калниньш/Калниня/Калнинь
Ozoliņš/Ozoliņa/Озолиньш/Озолиня/Озолин Liepiņš/Liepiņa/Лиепиньш/Лиепиня/Лиепинь
Krūmiņš/Krūmiņa/Круминьш/Круминя/Круминь Zariņš/Zariņa/Зариньш/Зариня/Заринь
Kļaviņš/Kļaviņa/Клявиньш/Клявиня/Клявин Jansons/Jansone/Янсонс/Янсоне/Янсон
Ozols/Ozola/Озолс/Озола/Озол Vītols/Vītola/Витолс/Витола/Витол
Eglītis/Eglīte/Эглитис/Эглите/Эглит Kalējs/Kalēja/Калейс/Калея/Калей
Pētersons/Pētersone/Петерсонс/Петерсоне/Петерсон Balodis/Balode/Балодис/Балоде/Балод
Vanags/Vanaga/Ванагс/Ванага/Ванаг Siliņš/Siliņa/Силиньш/Силиня/Силинь
Lapiņš/Lapiņa/Лапиньш/Лапиня/Лапин Kārkliņš/Kārkliņa/Карклиньш/Карклиня/Карклин
Strazds/Strazda/Страздс/Стразда/Страздин Grīnbergs/Grīnberga/Гринбергс/Гринберга/Гринберг
Avotiņš/Avotiņa/Авотиньш/Авотиня/Авотин Auziņš/Auziņa/Аузиньш/Аузиня/Аузинь
Rozenbergs/Rozenberga/Розенбергс/Розенберга/Розенберг
Dombrovskis/Dombrovska/Домбровскис/Домбровска/Домбровский
Apinis/Apine/Апинис/Апине/Апин Ziediņš/Ziediņa/Зиединьш/Зиединя/Зиедин
""")

LT_TOP = _pairs("""
Kazlauskas/Kazlauskienė/Казлаускас/Казлаускене Jankauskas/Jankauskienė/Янкаускас/Янкаускене
Petrauskas/Petrauskienė/Петраускас/Петраускене Stankevičius/Stankevičienė/Станкявичюс/Станкявичене
Vasiliauskas/Vasiliauskienė/Василяускас/Василяускене Žukauskas/Žukauskienė/Жукаускас/Жукаускене
Butkus/Butkienė/Буткус/Буткене Paulauskas/Paulauskienė/Паулаускас/Паулаускене
Urbonas/Urbonienė/Урбонас/Урбонене Kavaliauskas/Kavaliauskienė/Кавальяускас/Кавальяускене
Šleževičius/Šleževičienė/Шляжявичюс/Шляжявичене Baranauskas/Baranauskienė/Баранаускас/Баранаускене
Navickas/Navickienė/Навицкас/Навицкене Ramanauskas/Ramanauskienė/Раманаускас/Раманаускене
Žemaitis/Žemaitienė/Жямайтис/Жямайтене Vaitkus/Vaitkienė/Вайткус/Вайткене
Mickevičius/Mickevičienė/Мицкявичюс/Мицкявичене Grigas/Grigienė/Григас/Григене
Rimkus/Rimkienė/Римкус/Римкене Šimkus/Šimkienė/Шимкус/Шимкене
Adomaitis/Adomaitienė/Адомайтис/Адомайтене Lukošius/Lukošienė/Лукошюс/Лукошене
Kairys/Kairienė/Кайрис/Кайрене Dambrauskas/Dambrauskienė/Дамбраускас/Дамбраускене
""")


# -- given names ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Given:
    """A given name; male names carry the patronymics they make (…ович, …овна)."""

    ru: str
    native: str | None = None
    patronymic: Pair | None = None


def _male(text: str) -> list[Given]:
    """``Иван/Иванович/Ивановна`` or ``Ян/Jānis/Янович/Яновна`` per word."""
    out = []
    for parts in _pairs(text):
        if len(parts) == 3:
            out.append(Given(parts[0], None, (parts[1], parts[2])))
        else:
            out.append(Given(parts[0], parts[1], (parts[2], parts[3])))
    return out


def _female(text: str) -> list[Given]:
    return [Given(p[0], p[1] if len(p) > 1 else None) for p in _pairs(text)]


RU_MALE = _male("""
Иван/Иванович/Ивановна Николай/Николаевич/Николаевна Василий/Васильевич/Васильевна
Александр/Александрович/Александровна Михаил/Михайлович/Михайловна Пётр/Петрович/Петровна
Алексей/Алексеевич/Алексеевна Фёдор/Фёдорович/Фёдоровна Григорий/Григорьевич/Григорьевна
Сергей/Сергеевич/Сергеевна Яков/Яковлевич/Яковлевна Семён/Семёнович/Семёновна
Андрей/Андреевич/Андреевна Павел/Павлович/Павловна Дмитрий/Дмитриевич/Дмитриевна
Степан/Степанович/Степановна Константин/Константинович/Константиновна Егор/Егорович/Егоровна
Илья/Ильич/Ильинична Владимир/Владимирович/Владимировна Борис/Борисович/Борисовна
Тимофей/Тимофеевич/Тимофеевна Матвей/Матвеевич/Матвеевна Никита/Никитич/Никитична
Иосиф/Иосифович/Иосифовна Леонид/Леонидович/Леонидовна Георгий/Георгиевич/Георгиевна
Виктор/Викторович/Викторовна Евгений/Евгеньевич/Евгеньевна Афанасий/Афанасьевич/Афанасьевна
Прокофий/Прокофьевич/Прокофьевна Кузьма/Кузьмич/Кузьминична Фома/Фомич/Фоминична
Лука/Лукич/Лукинична Захар/Захарович/Захаровна Макар/Макарович/Макаровна
Игнатий/Игнатьевич/Игнатьевна Осип/Осипович/Осиповна Ефим/Ефимович/Ефимовна
Артём/Артёмович/Артёмовна Роман/Романович/Романовна Герасим/Герасимович/Герасимовна
Трофим/Трофимович/Трофимовна Савелий/Савельевич/Савельевна Лев/Львович/Львовна
Анатолий/Анатольевич/Анатольевна Аркадий/Аркадьевич/Аркадьевна Тихон/Тихонович/Тихоновна
Прохор/Прохорович/Прохоровна Антон/Антонович/Антоновна Филипп/Филиппович/Филипповна
Максим/Максимович/Максимовна Кирилл/Кириллович/Кирилловна Емельян/Емельянович/Емельяновна
Вениамин/Вениаминович/Вениаминовна Парфён/Парфёнович/Парфёновна Ерофей/Ерофеевич/Ерофеевна
""")

RU_FEMALE = _female("""
Мария Анна Евдокия Прасковья Татьяна Александра Екатерина Пелагея Елена Ольга Анастасия
Агафья Матрёна Наталья Ксения Клавдия Антонина Валентина Нина Вера Надежда Любовь Зинаида
Лидия Софья Варвара Дарья Аграфена Фёкла Акулина Ефросинья Василиса Галина Евгения Серафима
Раиса Алёна Фаина Тамара Полина Степанида Марфа
""")

UA_MALE = _male("""
Тарас/Тарасович/Тарасовна Остап/Остапович/Остаповна Богдан/Богданович/Богдановна
Мирон/Миронович/Мироновна Панас/Панасович/Панасовна Охрим/Охримович/Охримовна
""")

JW_MALE = _male("""
Абрам/Абрамович/Абрамовна Моисей/Моисеевич/Моисеевна Лазарь/Лазаревич/Лазаревна
Соломон/Соломонович/Соломоновна Исаак/Исаакович/Исааковна Давид/Давидович/Давидовна
Хаим/Хаимович/Хаимовна Яков/Яковлевич/Яковлевна Наум/Наумович/Наумовна Марк/Маркович/Марковна
Самуил/Самуилович/Самуиловна Гирш/Гиршевич/Гиршевна Иосиф/Иосифович/Иосифовна
Борис/Борисович/Борисовна Израиль/Израилевич/Израилевна Лев/Львович/Львовна
Михаил/Михайлович/Михайловна Григорий/Григорьевич/Григорьевна Ефим/Ефимович/Ефимовна
Меер/Меерович/Мееровна Семён/Семёнович/Семёновна
""")

JW_FEMALE = _female("""
Сара Рахиль Эсфирь Фаина Роза Ревекка Хая Двойра Ида Берта Мария Анна Фрида Лия Белла Дора
""")

TT_MALE = _male("""
Ахмет/Ахметович/Ахметовна Абдулла/Абдуллович/Абдулловна Мухаммед/Мухаммедович/Мухаммедовна
Шакир/Шакирович/Шакировна Гариф/Гарифович/Гарифовна Фатых/Фатыхович/Фатыховна
Хасан/Хасанович/Хасановна Сабир/Сабирович/Сабировна Гали/Галиевич/Галиевна
Зариф/Зарифович/Зарифовна Габдрахман/Габдрахманович/Габдрахмановна Нурулла/Нуруллович/Нурулловна
Хабибулла/Хабибуллович/Хабибулловна Мингали/Мингалиевич/Мингалиевна
""")

TT_FEMALE = _female("Фатима Гульсум Зайнаб Марьям Хадича Сара Гайша Асия Рахиля Бибинур")

AM_MALE = _male("""
Ашот/Ашотович/Ашотовна Аршак/Аршакович/Аршаковна Ваган/Ваганович/Вагановна
Сурен/Суренович/Суреновна Арменак/Арменакович/Арменаковна Ованес/Ованесович/Ованесовна
Саркис/Саркисович/Саркисовна Григор/Григорович/Григоровна Мкртич/Мкртичевич/Мкртичевна
Арташес/Арташесович/Арташесовна Левон/Левонович/Левоновна Геворк/Геворкович/Геворковна
Амбарцум/Амбарцумович/Амбарцумовна Тигран/Тигранович/Тиграновна
""")

AM_FEMALE = _female("Анаит Арус Сирануш Гаянэ Мариам Астхик Нвард Шушаник")

GE_MALE = _male("""
Георгий/Giorgi/Георгиевич/Георгиевна Шалва/Shalva/Шалвович/Шалвовна
Леван/Levan/Леванович/Левановна Константин/Konstantine/Константинович/Константиновна
Мамия/Mamia/Мамиевич/Мамиевна Буду/Budu/Будуевич/Будуевна Михаил/Mikheil/Михайлович/Михайловна
Владимир/Vladimer/Владимирович/Владимировна Иван/Ivane/Иванович/Ивановна
Давид/Davit/Давидович/Давидовна Николай/Nikoloz/Николаевич/Николаевна
Лаврентий/Lavrenti/Лаврентьевич/Лаврентьевна Григорий/Grigol/Григорьевич/Григорьевна
Арчил/Archil/Арчилович/Арчиловна Бесарион/Besarion/Бесарионович/Бесарионовна
Александр/Aleksandre/Александрович/Александровна
""")

GE_FEMALE = _female("""
Нино/Nino Тамара/Tamar Кетеван/Ketevan Элисо/Eliso Нато/Nato Маро/Maro Мариам/Mariam
Этери/Eteri
""")

LV_MALE = _male("""
Ян/Jānis/Янович/Яновна Карл/Kārlis/Карлович/Карловна Пётр/Pēteris/Петрович/Петровна
Андрей/Andrejs/Андреевич/Андреевна Эдуард/Eduards/Эдуардович/Эдуардовна
Арвид/Arvīds/Арвидович/Арвидовна Фриц/Fricis/Фрицевич/Фрицевна Эрнест/Ernests/Эрнестович/Эрнестовна
Вольдемар/Voldemārs/Вольдемарович/Вольдемаровна Рудольф/Rūdolfs/Рудольфович/Рудольфовна
Август/Augusts/Августович/Августовна Екаб/Jēkabs/Екабович/Екабовна
Юрий/Juris/Юрьевич/Юрьевна Эрик/Ēriks/Эрикович/Эриковна
Альфред/Alfrēds/Альфредович/Альфредовна Оскар/Oskars/Оскарович/Оскаровна
""")

LV_FEMALE = _female("""
Анна/Anna Мария/Marija Эмилия/Emīlija Эльза/Elza Лизе/Līze Мильда/Milda Марта/Marta
Герда/Gerda Алиде/Alīde
""")

LT_MALE = _male("""
Йонас/Jonas/Ионович/Ионовна Антанас/Antanas/Антонович/Антоновна Юозас/Juozas/Иосифович/Иосифовна
Казимерас/Kazimieras/Казимирович/Казимировна Пятрас/Petras/Петрович/Петровна
Винцас/Vincas/Викентьевич/Викентьевна Стасис/Stasys/Станиславович/Станиславовна
Юргис/Jurgis/Юрьевич/Юрьевна Пранас/Pranas/Францевич/Францевна Повилас/Povilas/Павлович/Павловна
Миколас/Mykolas/Михайлович/Михайловна Витаутас/Vytautas/Витаутович/Витаутовна
Альгирдас/Algirdas/Альгирдович/Альгирдовна Йокубас/Jokūbas/Якубович/Якубовна
""")

LT_FEMALE = _female("""
Она/Ona Марийона/Marijona Элена/Elena Стасе/Stasė Зофия/Zofija Янина/Janina Бируте/Birutė
""")

PL_MALE = _male("""
Юзеф/Józef/Иосифович/Иосифовна Ян/Jan/Янович/Яновна Станислав/Stanisław/Станиславович/Станиславовна
Владислав/Władysław/Владиславович/Владиславовна Казимир/Kazimierz/Казимирович/Казимировна
Вацлав/Wacław/Вацлавович/Вацлавовна Франц/Franciszek/Францевич/Францевна
Антон/Antoni/Антонович/Антоновна Болеслав/Bolesław/Болеславович/Болеславовна
Игнатий/Ignacy/Игнатьевич/Игнатьевна Феликс/Feliks/Феликсович/Феликсовна
Тадеуш/Tadeusz/Тадеушевич/Тадеушевна Чеслав/Czesław/Чеславович/Чеславовна
Войцех/Wojciech/Войцехович/Войцеховна Мечислав/Mieczysław/Мечиславович/Мечиславовна
""")

PL_FEMALE = _female("""
Ядвига/Jadwiga Ванда/Wanda Станислава/Stanisława Юзефа/Józefa Бронислава/Bronisława
Мария/Maria Гелена/Helena Зофья/Zofia Малгожата/Małgorzata
""")

DE_MALE = _male("""
Иоганн/Johann/Иоганнович/Иоганновна Генрих/Heinrich/Генрихович/Генриховна
Фридрих/Friedrich/Фридрихович/Фридриховна Карл/Karl/Карлович/Карловна
Вильгельм/Wilhelm/Вильгельмович/Вильгельмовна Эдуард/Eduard/Эдуардович/Эдуардовна
Густав/Gustav/Густавович/Густавовна Давид/David/Давидович/Давидовна Яков/Jakob/Яковлевич/Яковлевна
Александр/Alexander/Александрович/Александровна Готлиб/Gottlieb/Готлибович/Готлибовна
Эмиль/Emil/Эмильевич/Эмильевна Отто/Otto/Оттович/Оттовна
Рейнгольд/Reinhold/Рейнгольдович/Рейнгольдовна
Георг/Georg/Георгович/Георговна
""")

DE_FEMALE = _female("""
Мария/Maria Эмма/Emma Эльза/Elsa Амалия/Amalie Берта/Bertha Лидия/Lydia Паулина/Pauline
Кристина/Christine Катарина/Katharina
""")


# -- groups ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Group:
    """One naming tradition: its share of people, nationality label and name pools."""

    key: str
    nationality: str
    weight: float
    native_label: str | None  # "Latvian spelling" for groups with a native Latin form
    surnames: tuple[Surname, ...]
    male: tuple[Given, ...]
    female: tuple[Given, ...]


#: Share of the commonest surname (Иванов/Иванова) among all people.
TOP_SURNAME_SHARE = 0.013


def _dedupe(items: list[Surname]) -> tuple[Surname, ...]:
    seen: set[str] = set()
    out = []
    for s in items:
        if s.ru[0] not in seen:
            seen.add(s.ru[0])
            out.append(s)
    return tuple(out)


def _russian() -> tuple[Surname, ...]:
    names = [decline("ru", m) for m in RU_TOP]
    for i, raw in enumerate(RU_STEMS):
        yo = raw.endswith("!")
        stem = raw.rstrip("!")
        ov = _ov(stem, yo)
        forms = [ov, _in(stem)] if i % 3 else [ov, ov.replace("ё", "е") + "ский", _in(stem)]
        names.extend(decline("ru", f) for f in forms)
    for prefix in RU_PREFIXES:
        names.extend(decline("ru", _ov(prefix + root.lower())) for root in RU_ROOTS)
    return _dedupe(names)


def _ukrainian() -> tuple[Surname, ...]:
    names = [decline("ua", m) for m in UA_TOP]
    for i, stem in enumerate(UA_STEMS):
        base = stem[:-1] if stem[-1] in "йь" else stem
        names.append(decline("ua", base + "енко"))
        names.append(decline("ua", base + ("чук" if i % 2 and base[-1] not in "чшщ" else "ук")))
    return _dedupe(names)


def _belarusian() -> tuple[Surname, ...]:
    names = [decline("by", m) for m in BY_TOP]
    for stem in BY_STEMS:
        names.append(decline("by", stem + "ович"))
        names.append(decline("by", stem + "евич" if stem[-1] in "жшчщц" else stem + "евский"))
    return _dedupe(names)


def _armenian() -> tuple[Surname, ...]:
    names = []
    for i, stem in enumerate(AM_STEMS):
        names.append(decline("am", stem + "ян"))
        if i % 4 == 0:
            names.append(decline("am", "Тер-" + stem + "ян"))
    return _dedupe(names)


def _georgian() -> tuple[Surname, ...]:
    names = [decline("ge", ru, native=(lat, lat)) for ru, lat in GE_TOP]
    for i, (ru, lat) in enumerate(GE_STEMS):
        if i % 2:
            names.append(decline("ge", ru + "швили", native=(lat + "shvili",) * 2))
        names.append(decline("ge", ru + "дзе", native=(lat + "dze",) * 2))
    return _dedupe(names)


def _combined(group: str, top: list[str], tail: list[str]) -> tuple[Surname, ...]:
    return _dedupe([decline(group, m) for m in [*top, *tail]])


def _polish() -> tuple[Surname, ...]:
    return _dedupe([decline("pl", ru, None, (m, f)) for m, f, ru in PL_TOP])


def _german() -> tuple[Surname, ...]:
    return _dedupe([decline("de", ru, native=(lat, lat)) for lat, ru in DE_TOP])


def _latvian() -> tuple[Surname, ...]:
    return _dedupe([decline("lv", rm, rf, (m, f), old) for m, f, rm, rf, old in LV_TOP])


def _lithuanian() -> tuple[Surname, ...]:
    return _dedupe([decline("lt", rm, rf, (m, f)) for m, f, rm, rf in LT_TOP])


def build_groups() -> tuple[Group, ...]:
    """Every naming group with its pools, in a fixed order (a pure function)."""
    ru_male, ru_female = tuple(RU_MALE), tuple(RU_FEMALE)
    return (
        Group("ru", "Russian", 0.60, None, _russian(), ru_male, ru_female),
        Group("ua", "Ukrainian", 0.10, None, _ukrainian(), ru_male + tuple(UA_MALE), ru_female),
        Group("by", "Belarusian", 0.03, None, _belarusian(), ru_male, ru_female),
        Group("jw", "Jewish", 0.05, None, _combined("jw", JW_TOP, [
            r + x for r in JW_ROOTS for x in JW_SUFFIXES]), tuple(JW_MALE), tuple(JW_FEMALE)),
        Group("tt", "Tatar", 0.025, None, _combined("tt", TT_TOP, [
            f for r in TT_ROOTS for f in (_ov(r), r.rstrip("и") + "уллин")]),
              tuple(TT_MALE), tuple(TT_FEMALE)),
        Group("am", "Armenian", 0.015, None, _armenian(), tuple(AM_MALE), tuple(AM_FEMALE)),
        Group("ge", "Georgian", 0.02, "Georgian national romanisation", _georgian(),
              tuple(GE_MALE), tuple(GE_FEMALE)),
        Group("pl", "Polish", 0.05, "Polish spelling", _polish(), tuple(PL_MALE),
              tuple(PL_FEMALE)),
        Group("de", "German", 0.04, "German spelling", _german(), tuple(DE_MALE),
              tuple(DE_FEMALE)),
        Group("lv", "Latvian", 0.02, "Latvian spelling", _latvian(), tuple(LV_MALE),
              tuple(LV_FEMALE)),
        Group("lt", "Lithuanian", 0.01, "Lithuanian spelling", _lithuanian(), tuple(LT_MALE),
              tuple(LT_FEMALE)),
    )


# -- Latin forms -------------------------------------------------------------------------

_ASCII = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "đ": "d", "’": "", "'": ""})


@lru_cache(maxsize=1 << 17)  # name parts repeat: cache hits are most calls at any size
def ascii_fold(text: str) -> str:
    """``Łukasiewicz`` → ``Lukasiewicz``, ``Bērziņš`` → ``Berzins``, ``Strauß`` → ``Strauss``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8192)  # names come from fixed pools
def initial(name: str) -> str:
    """First letter of each hyphen part: ``Анна-Мария`` → ``А.-М.``; ``Пётр`` → ``П.``"""
    return "-".join(part[:1] + "." for part in name.split("-") if part)


# -- one person's name forms -------------------------------------------------------------

#: Transliteration systems used for Latin variants, with the note shown on the name row.
SCHEMES: tuple[tuple[str, str], ...] = (
    ("ICAO_DOC_9303", "passport transliteration (ICAO)"),
    ("BGN_PCGN", "BGN/PCGN transliteration"),
    ("ALA_LC", "Library of Congress transliteration"),
    ("GOST_7034", "GOST 7.34 transliteration"),
    ("SCIENTIFIC", "scholarly transliteration"),
)

NameRow = tuple[str, str, str, str | None]  # name, script, kind, note


@dataclass(frozen=True, slots=True)
class NameSet:
    """Every form of one person's name, plus the pieces document and event titles need."""

    ru: str  # "Фамилия Имя Отчество" as the main record writes it
    en: str  # "Given Surname"
    rows: tuple[NameRow, ...]  # russian, english, then 1-3 variants
    initials: str  # "И.И." as in document titles
    en_short: str  # "I. I. Ivanov" as in event titles
    slug: str  # "ivanov-ivan" (the generator appends a number)


class Transliterator:
    """iuliia schemas with a per-word cache (names repeat, so the cache stays small)."""

    def __init__(self) -> None:
        import iuliia  # deferred: only the generator needs it

        self._schemas = {name: getattr(iuliia, name) for name, _ in SCHEMES}
        self._schemas["WIKIPEDIA"] = iuliia.WIKIPEDIA
        self._cache: dict[tuple[str, str], str] = {}

    def __call__(self, scheme: str, word: str) -> str:
        """``word`` in ``scheme``; iuliia leaves ё untouched in some schemas, so map it to ë."""
        key = (scheme, word)
        out = self._cache.get(key)
        if out is None:
            out = self._schemas[scheme].translate(word).replace("ё", "ë").replace("Ё", "Ë")
            self._cache[key] = out
        return out


_SLUG = re.compile(r"[^a-z0-9]+")
_YO = str.maketrans("ёЁ", "еЕ")


class Namer:
    """Builds :class:`NameSet` objects; owns the transliteration cache."""

    def __init__(self) -> None:
        self.tr = Transliterator()

    def forms(self, rng: Uniform, group: Group, sex: int, sur: Surname, given: Given,
              father: Given) -> NameSet:
        """All forms for a person of ``group``; ``sex`` is 0 (male) or 1 (female)."""
        tr = self.tr
        s_ru = sur.ru[sex]
        patr = father.patronymic[sex] if father.patronymic else ""
        full = f"{s_ru} {given.ru} {patr}"
        plain = full.translate(_YO)
        use_yo = full != plain and rng.random() < 0.5
        ru = full if use_yo else plain
        w_given, w_sur = tr("WIKIPEDIA", given.ru), tr("WIKIPEDIA", s_ru)
        native = ""
        if sur.native is not None:
            native = f"{given.native or w_given} {sur.native[sex]}"
            en = ascii_fold(native)
        else:
            en = f"{w_given} {w_sur}"
        variants: list[NameRow] = []
        if full != plain:
            variants.append((plain, "cyrl", "variant", "spelled with е") if use_yo
                            else (full, "cyrl", "variant", "spelled with ё"))
        if native:
            if native != en:
                variants.append((native, "latn", "variant", group.native_label))
            from_ru = f"{w_given} {w_sur}"
            if from_ru not in (en, native):
                variants.append((from_ru, "latn", "variant", "from the Russian form"))
            if sur.russified and sex == 0 and rng.random() < 0.5:
                variants.append((f"{sur.russified} {given.ru} {patr}", "cyrl", "variant",
                                 "older Russian form"))
        if not variants or (not native and rng.random() < 0.8):
            scheme, label = SCHEMES[int(rng.random() * len(SCHEMES))]
            variants.append((f"{tr(scheme, given.ru)} {tr(scheme, patr)} {tr(scheme, s_ru)}",
                             "latn", "variant", label))
        initials = f"{initial(given.ru)}{initial(patr)}"
        en_given, en_sur = en.rsplit(" ", 1)
        en_short = f"{initial(en_given)} {tr('WIKIPEDIA', patr[:1])}. {en_sur}"
        if rng.random() < 0.3:
            variants.append((f"{s_ru} {initial(given.ru)} {initial(patr)}", "cyrl", "initials",
                             None) if rng.random() < 0.5 else (en_short, "latn", "initials", None))
        if rng.random() < 0.02:
            wrong = s_ru[0] + s_ru[1:].replace("о", "а", 1)
            if wrong != s_ru:
                variants.insert(0, (f"{wrong} {given.ru} {patr}", "cyrl", "misspelling",
                                    "spelling in a regional Book of Memory"))
        rows = ((ru, "cyrl", "russian", None), (en, "latn", "english", None), *variants[:3])
        return NameSet(ru, en, rows, initials, en_short, _slug(en_sur, en_given))


@lru_cache(maxsize=1 << 17)
def _slug(surname: str, given: str) -> str:
    """``ivanov-ivan``: the readable head of a person id."""
    return _SLUG.sub("-", ascii_fold(f"{surname} {given}").lower()).strip("-")
