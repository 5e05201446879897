"""The list panes' column specs agree with the data layer: every column reads a field of its
pane's row DTO, every sortable column names a sort order the pane's ListSpec has, and the
custom roles are distinct user roles."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from app import language
from app.models import columns
from app.models.columns import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    PEOPLE_COLUMNS,
    USER_ROLE,
    ColumnSpec,
    IdRole,
    RowRole,
    fitted_widths,
    name_columns_in_reading_order,
)
from db import listing
from db.dto import DocumentRow, EventRow, PersonRow
from tests.app.ui_texts import english

__all__ = ["english"]

PANES = [
    pytest.param(PEOPLE_COLUMNS, listing.PEOPLE, PersonRow, id="people"),
    pytest.param(EVENT_COLUMNS, listing.EVENTS, EventRow, id="events"),
    pytest.param(DOCUMENT_COLUMNS, listing.DOCUMENTS, DocumentRow, id="documents"),
]


@pytest.mark.parametrize(("columns", "spec", "row"), PANES)
def test_every_column_reads_a_field_of_the_row(
    columns: tuple[ColumnSpec, ...], spec: listing.ListSpec, row: type
) -> None:
    fields = {f.name for f in dataclasses.fields(row)}
    assert [c.attr for c in columns if c.attr not in fields] == []


@pytest.mark.parametrize(("columns", "spec", "row"), PANES)
def test_every_sortable_column_has_an_sql_order(
    columns: tuple[ColumnSpec, ...], spec: listing.ListSpec, row: type
) -> None:
    keys = [c.sort_key for c in columns if c.sort_key is not None]
    assert keys and [k for k in keys if k not in spec.sorts] == []
    assert spec.default_sort in keys  # the pane's first order is one a header can show


@pytest.mark.parametrize(("columns", "spec", "row"), PANES)
def test_headers_are_distinct(
    columns: tuple[ColumnSpec, ...], spec: listing.ListSpec, row: type
) -> None:
    assert len({c.header for c in columns}) == len(columns)


def test_custom_roles_are_distinct_user_roles() -> None:
    user = Qt.ItemDataRole.UserRole
    assert user.value == USER_ROLE  # spelled as a number in the module (see its comment)
    assert IdRole != RowRole and min(IdRole, RowRole) >= user


def test_the_alignments_spelled_as_numbers_are_qt_s() -> None:
    assert Qt.ItemDataRole.TextAlignmentRole.value == columns.TEXT_ALIGNMENT_ROLE
    assert Qt.AlignmentFlag(columns.ALIGN_RIGHT) == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert Qt.AlignmentFlag(columns.ALIGN_LEFT) == (
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )


def test_the_name_in_the_readers_script_leads(english: None) -> None:
    assert name_columns_in_reading_order(PEOPLE_COLUMNS) == (0, 1)
    language.apply("ru")
    assert name_columns_in_reading_order(PEOPLE_COLUMNS) == (1, 0)
    assert name_columns_in_reading_order(EVENT_COLUMNS) is None


# -- widths fitted to the room there is ---------------------------------------------------------

FIT = (
    ColumnSpec("a", "A", None),
    ColumnSpec("b", "B", None, keep=True),
    ColumnSpec("c", "C", None, stretch=True),
)


def test_natural_widths_that_fit_are_kept_and_the_rest_goes_to_the_stretch_column() -> None:
    assert fitted_widths(FIT, [100, 200, 50], [40, 200, 40], 400) == [100, 200, 100]


def test_too_little_room_narrows_the_columns_that_give_way_never_the_kept_ones() -> None:
    widths = fitted_widths(FIT, [100, 200, 100], [40, 200, 40], 340)
    assert widths[1] == 200 and sum(widths) <= 340
    assert widths[0] == widths[2] == 70
    short_stays_whole = fitted_widths(FIT, [60, 200, 140], [40, 200, 40], 340)
    assert short_stays_whole == [60, 200, 80]  # the widest gives way first


def test_below_the_minimums_the_columns_give_way_down_to_their_headers() -> None:
    widths = fitted_widths(FIT, [100, 200, 100], [60, 200, 60], 300, [30, 200, 30])
    assert widths == [50, 200, 50]
    assert fitted_widths(FIT, [100, 200, 100], [60, 200, 60], 100, [30, 200, 30]) == [30, 200, 30]


def test_the_people_list_has_a_died_column_that_does_not_sort_and_says_so() -> None:
    died = next(c for c in PEOPLE_COLUMNS if c.attr == "death_year")
    assert died.sort_key is None and "sort" in died.tip and died.keep and died.marks
    assert next(c for c in PEOPLE_COLUMNS if c.attr == "name_ru").keep


def test_a_column_aligns_its_cells_and_a_value_shows_as_its_text() -> None:
    born = next(c for c in columns.PEOPLE_COLUMNS if c.attr == "birth_year")
    name = next(c for c in columns.PEOPLE_COLUMNS if c.attr == "name")
    assert (born.alignment, name.alignment) == (columns.ALIGN_RIGHT, columns.ALIGN_LEFT)
    assert columns.value_text(None) == ""
    assert columns.value_text(1913) == "1913"
    long = "x" * (columns.DISPLAY_LIMIT + 5)
    assert columns.value_text(long) == columns.cell_text(long) != long
