"""The case in time: marks of events, documents, sentences, arrests and deaths (no Qt).

:mod:`~db.timeline.dates` holds the date rules shared with the builder's density summary
(:mod:`db.build.density`); :mod:`~db.timeline.model` the DTOs; :mod:`~db.timeline.marks` the
bounded reads of single marks, :mod:`~db.timeline.summary` those of the density summary,
:mod:`~db.timeline.queries` the slices a view shows (lanes by kind, one lane per person);
:mod:`~db.timeline.export` the JSON form shared by the view and the command line.
"""

from __future__ import annotations

from db.timeline.dates import KINDS
from db.timeline.export import slice_from_json, slice_to_json
from db.timeline.marks import MARK_BUDGET, marks_in
from db.timeline.model import Bucket, Lane, Mark, TimelineSlice
from db.timeline.queries import (
    KIND_LANES,
    PERSON_LANES,
    kind_name,
    kind_slice,
    known_people,
    person_lane,
    person_slice,
    person_slice_of,
)
from db.timeline.summary import density, extent, totals, undated

__all__ = [
    "KINDS",
    "KIND_LANES",
    "MARK_BUDGET",
    "PERSON_LANES",
    "Bucket",
    "Lane",
    "Mark",
    "TimelineSlice",
    "density",
    "extent",
    "kind_name",
    "kind_slice",
    "known_people",
    "marks_in",
    "person_lane",
    "person_slice",
    "person_slice_of",
    "slice_from_json",
    "slice_to_json",
    "totals",
    "undated",
]
