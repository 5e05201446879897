"""Fixed word lists of the invented records: occupations, places, charges, tribunals, verdicts.

Everything a generated record says comes from these tuples (plus the name pools), so the
content stays within the world of the 1935 case files: Moscow institutions, provinces of the
1930s, articles of the criminal code, prisons and camps, the two tribunals that sentenced the
accused and the sentences they passed, with their relative frequencies.
"""

from __future__ import annotations

OCCUPATIONS = (
    "collective farmer", "factory worker", "railway worker", "clerk", "accountant", "teacher",
    "engineer", "student", "typist", "driver", "joiner", "tailor", "shoemaker", "miner",
    "agronomist", "doctor", "nurse", "priest", "journalist", "economist", "foreman", "housewife",
    "Red Army commander", "Kremlin cleaner", "librarian", "courier", "guard", "party official",
    "trade-union official", "bookkeeper", "locksmith", "telephone operator", "translator",
    "shop assistant", "sailor", "statistician", "chemist", "archivist", "editor", "cook")
ORGANISATIONS = (
    "Kremlin Commandant's Office", "Government Library", "Secretariat of the Central Executive "
    "Committee (TsIK)", "People's Commissariat of Heavy Industry", "People's Commissariat of "
    "Defence", "'Serp i Molot' works, Moscow", "'Krasny Proletary' factory, Moscow",
    "Moscow–Kursk railway", "'Put' Ilyicha' collective farm", "Moscow State University",
    "Academia publishing house", "Red Army", "Comintern", "Gosplan", "State Bank",
    "'Pravda' newspaper", "Leningrad port", "Kirov works, Leningrad", "Donbass coal trust",
    "Moscow city soviet", "People's Commissariat of Agriculture", "Tsentrosoyuz",
    "Intelligence Directorate of the Red Army", "Moscow Conservatory", "Bolshoi Theatre")
STAFF = (("investigator", "GUGB NKVD, Secret Political Department"),
         ("senior investigator", "GUGB NKVD, Special Department"),
         ("operative", "Moscow regional NKVD directorate"),
         ("investigator", "Leningrad regional NKVD directorate"))
OFFICIALS = (("deputy people's commissar", "People's Commissariat of Heavy Industry"),
             ("party secretary", "Moscow city party committee"),
             ("head of department", "Central Executive Committee (TsIK)"),
             ("prosecutor", "USSR Prosecutor's Office"))
PLACES = (
    "Tver province", "Moscow", "Leningrad", "Smolensk province", "Kiev", "Kharkov", "Minsk",
    "Riga", "Vilna province", "Tiflis", "Erivan", "Kazan", "Saratov province", "Samara province",
    "Nizhny Novgorod", "Ryazan province", "Tula province", "Kursk province", "Orel province",
    "Voronezh province", "Tambov province", "Penza province", "Yaroslavl province",
    "Vologda province", "Perm province", "Ufa province", "Odessa", "Poltava province",
    "Chernigov province", "Vitebsk province", "Mogilev province", "Warsaw", "Kovno province",
    "Courland province", "Kutais province", "Baku", "Saratov (Volga German region)")
CITIES = ("Moscow", "Moscow", "Moscow", "Leningrad", "Kiev", "Kharkov", "Minsk", "Tiflis",
          "Kazan", "Gorky", "Sverdlovsk", "Novosibirsk", "Rostov-on-Don", "Smolensk")
CHARGES = ("counter-revolutionary agitation (art. 58-10)",
           "membership of a counter-revolutionary group (art. 58-11)",
           "preparing a terrorist act (art. 58-8)", "espionage (art. 58-6)",
           "failure to report a crime (art. 58-12)", "wrecking (art. 58-7)")
PRISONS = ("Butyrka prison", "Lefortovo prison", "the inner prison of the NKVD",
           "the Solovki camp", "Dmitlag", "Siblag", "Karlag", "Ukhtpechlag", "Belbaltlag")
EXILE = ("Kazakhstan", "the Krasnoyarsk region", "Arkhangelsk", "Tomsk", "Ufa", "Saratov")
REGIONS = (
    "Тверской области", "Смоленской области", "Республики Татарстан", "Саратовской области",
    "Красноярского края", "Новосибирской области", "Курской области", "Калужской области",
    "Рязанской области", "Омской области", "Пермской области", "Ярославской области",
    "Воронежской области", "Удмуртской Республики", "Алтайского края", "Челябинской области",
    "Свердловской области", "Оренбургской области", "Томской области", "Ивановской области",
    "Владимирской области", "Тульской области", "Тамбовской области", "Пензенской области",
    "Самарской области", "Нижегородской области", "Кировской области", "Вологодской области",
    "Архангельской области", "Республики Коми", "Республики Карелия", "Псковской области",
    "Новгородской области", "Брянской области", "Орловской области", "Ростовской области",
    "Краснодарского края", "Астраханской области", "Республики Башкортостан",
    "Чувашской Республики", "Иркутской области", "Кемеровской области", "Костромской области")
RELATIONS_OTHER = ("accused-by", "implicated-by", "alleged-co-conspirator", "friend",
                   "subordinate-of", "recruited-by-alleged")
TRIBUNAL_RU = {
    "military-collegium": ("Приговор Военной коллегии Верховного суда СССР по делу",
                           "Military Collegium session"),
    "special-board-oso": ("Выписка из протокола Особого совещания при НКВД СССР по делу",
                          "Special Board (OSO) meeting"),
}
#: (kind, weight, year choices) per tribunal of a 1935 verdict.
VERDICTS: dict[str, tuple[tuple[str, float, tuple[int, ...]], ...]] = {
    "military-collegium": (("death", 0.22, ()), ("prison", 0.55, (10, 10, 10, 8, 7, 6, 5, 5, 4,
                           3, 2)), ("camp", 0.15, (5, 8, 10)), ("unknown", 0.05, ()),
                           ("none", 0.03, ())),
    "special-board-oso": (("camp", 0.45, (3, 3, 5, 5, 5, 8)), ("prison", 0.12, (3, 5)),
                          ("exile", 0.25, (1, 2, 3, 5)), ("ban-on-residence", 0.13, (3, 5)),
                          ("none", 0.03, ()), ("unknown", 0.02, ())),
    "unknown": (("unknown", 0.4, ()), ("camp", 0.3, (3, 5, 10)), ("death", 0.1, ()),
                ("exile", 0.2, (3, 5))),
}
TALLY_CATEGORY = {"death": "death", "prison": "prison", "camp": "camp", "exile": "exile",
                  "ban-on-residence": "ban", "none": "other", "unknown": "other"}
