"""Which figures a person's dossier gets, with what captions, on a paper palette."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from app.printing.dossier_figures import paper_palette, person_figures
from db import Archive


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
