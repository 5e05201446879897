"""Name pools of the synthetic archive and the written forms of a person's name.

Surnames come in eleven naming groups (:mod:`.groups`), declined for document titles
(:mod:`.declension`), drawn with Zipf–Mandelbrot weights (:mod:`.zipf`); :mod:`.forms` turns a
drawn surname, given name and father's name into every form the archive stores.  Nothing here
is random except through the ``random.Random`` the generator passes in.
"""

from __future__ import annotations

from db.synth.names.declension import Surname
from db.synth.names.forms import Namer, NameSet
from db.synth.names.given_names import Given
from db.synth.names.groups import TOP_SURNAME_SHARE, Group, build_groups
from db.synth.names.zipf import Weighted, Zipf

__all__ = [
    "TOP_SURNAME_SHARE",
    "Given",
    "Group",
    "NameSet",
    "Namer",
    "Surname",
    "Weighted",
    "Zipf",
    "build_groups",
]
