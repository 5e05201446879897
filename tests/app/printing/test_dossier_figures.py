"""Which figures a person's dossier gets, with what captions, on a paper palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from sqlalchemy import event

from app.printing.dossier_figures import (
    MIN_SHARE,
    _shares,
    axis_parts,
    paper_palette,
    person_figures,
)
from app.printing.figures import Figure
from db import Archive, open_archive, queries
from db.dto import Ref
from db.graph import ego_graph
from db.synth.archive import build_synthetic
from db.timeline import Mark


def test_a_person_with_marks_and_relations_gets_both_figures(
    archive: Archive, qapp: object
) -> None:
    with archive.connect() as conn:
        found = person_figures(conn, "kamenev-lev")
    assert set(found) == {"timeline", "graph"}
    for figure, caption in found.values():
        assert figure.width > 0 and figure.height > 0 and caption
        assert not figure.picture.isNull()


def test_no_figure_says_nothing_for_a_person_without_marks_or_relations(
    archive: Archive, qapp: object
) -> None:
    with archive.connect() as conn:
        bare = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT id FROM person WHERE pk NOT IN (SELECT person_pk FROM relation) "
                "AND pk NOT IN (SELECT related_pk FROM relation) LIMIT 5"
            )
        ]
        assert bare
        for person in bare:
            assert "graph" not in person_figures(conn, person)


def test_a_person_without_relations_in_the_detail_has_none_in_the_graph(
    archive: Archive, tmp_path: Path
) -> None:
    # The dossier skips the graph's reads when the person's detail lists no relation: the two
    # must agree for everyone, in the bundled archive and a generated one.
    generated = open_archive(build_synthetic(300, tmp_path / "g.sqlite", seed=3).path)
    try:
        for opened in (archive, generated):
            with opened.connect() as conn:
                ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM person")]
                alone = 0
                for person in ids:
                    detail = queries.person_detail(conn, person)
                    ego = ego_graph(conn, person, hops=1)
                    assert detail is not None and ego is not None
                    assert bool(detail.relations) == bool(ego.edges), person
                    alone += not detail.relations
                assert 0 < alone < len(ids)
    finally:
        generated.close()


def test_no_graph_is_read_for_a_person_known_to_have_no_relation(
    archive: Archive, qapp: object
) -> None:
    statements: list[str] = []
    with archive.connect() as conn:
        event.listen(conn, "before_cursor_execute", lambda *a: statements.append(a[2]))
        person_figures(conn, "kamenev-lev", related=False)
        assert statements and not any("FROM relation" in s for s in statements)
        statements.clear()
        assert "graph" in person_figures(conn, "kamenev-lev")
        assert any("FROM relation" in s for s in statements)


def test_the_paper_is_light_whatever_the_screen(qapp: object) -> None:
    palette = paper_palette()
    assert palette.color(QPalette.ColorRole.Base).lightness() > 200
    assert palette.color(QPalette.ColorRole.Text).lightness() < 80


def test_the_case_timeline_has_every_kind_lane(archive: Archive, qapp: object) -> None:
    from app.printing.dossier_figures import case_timeline

    with archive.connect() as conn:
        found = case_timeline(conn)
    assert found is not None
    figure, caption = found
    assert figure.width == 640 and "whole case" in caption


def _mark(day: str, precision: str = "day") -> Mark:
    return Mark("event", "event", Ref("event", day), day, day, precision, f"mark {day}")


def test_an_axis_breaks_at_gaps_of_more_than_a_year_into_three_parts_at_most() -> None:
    days = ["1935-02-06", "1935-03-08", "1935-07-27", "1937", "1957-07-05", "1988-06-13"]
    parts = axis_parts([_mark(d, "year" if len(d) == 4 else "day") for d in days])
    # the two widest gaps break it (1957–1988 and 1937–1957); 1935–1937 stays whole
    assert [[m.date for m in part] for part in parts] == [
        ["1935-02-06", "1935-03-08", "1935-07-27", "1937"],
        ["1957-07-05"],
        ["1988-06-13"],
    ]
    close = [_mark("1935-02-06"), _mark("1935-11-30"), _mark("1936-08-25")]
    assert axis_parts(close) == [close]  # no gap of a year: one axis
    assert axis_parts([]) == []


def test_a_crowded_part_gets_the_room_and_no_part_less_than_a_fifth() -> None:
    shares = _shares([[_mark("1935-01-01")] * 13, [_mark("1937")] * 3, [_mark("1957")]])
    assert sum(shares) == pytest.approx(1.0)
    assert shares[0] > shares[1] >= shares[2] == pytest.approx(MIN_SHARE)


def test_mukhanova_s_timeline_has_her_case_months_apart_from_1937_and_1957(
    archive: Archive, qapp: object
) -> None:
    from db import timeline

    with archive.connect() as conn:
        marks = timeline.person_slice(conn, ["mukhanova-ekaterina"]).marks
    parts = axis_parts(marks)
    assert len(parts) == 3
    assert {m.date[:4] for m in parts[0]} == {"1935"}
    assert {m.date[:4] for m in parts[-1]} == {"1957"}
    assert sum(len(p) for p in parts) == len(marks)  # every mark drawn, on one part


def _timeline(archive: Archive, person: str) -> tuple[Figure, str]:
    """The timeline figure of ``person``'s dossier and its caption."""
    with archive.connect() as conn:
        return person_figures(conn, person, related=False)["timeline"]


def test_a_caption_speaks_of_the_break_only_where_the_axis_is_broken(
    archive: Archive, qapp: object
) -> None:
    mukhanova = _timeline(archive, "mukhanova-ekaterina")[1]
    kamenev = _timeline(archive, "kamenev-lev")[1]
    assert mukhanova.endswith("Two slashes // mark years left out of the axis.")
    assert "//" not in kamenev  # 1935–1936: one axis


def test_a_crowded_timeline_is_drawn_taller_and_a_sparse_one_keeps_the_page(
    archive: Archive, qapp: object
) -> None:
    from app.printing.dossier_figures import CROWDED_HEIGHT, TIMELINE_SIZE

    crowded = _timeline(archive, "mukhanova-ekaterina")[0]
    sparse = _timeline(archive, "voronov-leonid")[0]
    assert crowded.height == CROWDED_HEIGHT
    assert sparse.height == TIMELINE_SIZE[1]  # a dossier of few marks stays a page shorter
