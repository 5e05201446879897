"""The search results model: groups at the top, their hits below, every role answered from the
one SearchResults value it holds (real results of ``db.search.find.search`` on the bundled
archive); group rows are not selectable; tooltips show archive text literally."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.models.search_results import (
    DetailRole,
    IsGroupRole,
    LabelSpansRole,
    RefRole,
    SearchResultsModel,
    WhyRole,
    WhySpansRole,
)
from db import Archive
from db.dto import Ref
from db.search.find import SearchGroup, SearchHit, SearchResults, search
from tests.app.pages.html_tree import parse

HOSTILE = '<img src=x> "q" &amp;'


@pytest.fixture(scope="module")
def results(archive: Archive) -> SearchResults:
    """Hits of every kind: people, events, documents and a source."""
    with archive.connect() as conn:
        found = search(conn, "Kamenev", limit=5)
    assert [g.kind for g in found.groups] == ["person", "event", "document", "source"]
    return found


@pytest.fixture
def model(results: SearchResults) -> SearchResultsModel:
    m = SearchResultsModel()
    m.set_results(results)
    return m


def _hit(label: str, ident: str, why: str = "name") -> SearchHit:
    return SearchHit(Ref("person", ident), label, ((0, 1),), why, (), "defendant")


def test_the_model_passes_the_model_tester(
    qtmodeltester: ModelTester, model: SearchResultsModel
) -> None:
    qtmodeltester.check(model)


def test_top_rows_are_the_groups_with_their_counts(
    model: SearchResultsModel, results: SearchResults
) -> None:
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    assert [i.data() for i in rows] == [
        f"{g.title} ({g.count:,}{'+' if g.more else ''})"
        + (f" · {len(g.hits)} shown" if g.more or g.count > len(g.hits) else "")
        for g in results.groups
    ]
    assert [model.rowCount(i) for i in rows] == [len(g.hits) for g in results.groups]
    assert all(i.data(IsGroupRole) is True and i.data(RefRole) is None for i in rows)


def test_group_rows_cannot_be_selected_and_hits_can(model: SearchResultsModel) -> None:
    group = model.index(0, 0)
    hit = model.index(0, 0, group)
    assert not model.flags(group) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(hit) & Qt.ItemFlag.ItemIsSelectable
    assert model.hit(group) is None


def test_hit_rows_carry_the_hits_in_order(
    model: SearchResultsModel, results: SearchResults
) -> None:
    shown = [
        model.hit(model.index(r, 0, model.index(g, 0)))
        for g in range(model.rowCount())
        for r in range(model.rowCount(model.index(g, 0)))
    ]
    assert shown == list(results.hits)


def test_hit_roles_answer_from_the_hit(model: SearchResultsModel, results: SearchResults) -> None:
    for g, group in enumerate(results.groups):
        parent = model.index(g, 0)
        for r, hit in enumerate(group.hits):
            index = model.index(r, 0, parent)
            assert index.parent() == parent
            assert index.data() == hit.label
            assert index.data(RefRole) == hit.ref and index.data(RefRole).kind == group.kind
            assert index.data(WhyRole) == hit.why and index.data(DetailRole) == hit.detail
            assert index.data(LabelSpansRole) == hit.label_spans
            assert index.data(WhySpansRole) == hit.why_spans
            assert index.data(IsGroupRole) is False
            assert index.data(Qt.ItemDataRole.DecorationRole) is None


def test_a_capped_count_shows_as_a_lower_bound() -> None:
    model = SearchResultsModel()
    model.set_results(
        SearchResults("x", (SearchGroup("document", "Documents", 1000, True, (_hit("a", "a"),)),))
    )
    assert model.index(0, 0).data() == "Documents (1,000+) · 1 shown"


def test_a_cut_people_group_says_how_many_are_shown_and_where_the_rest_are() -> None:
    """New-user trial: "People (202)" over 25 names, and nothing said where the others were."""
    model = SearchResultsModel()
    hits = tuple(_hit(f"p{i}", f"P{i}") for i in range(3))
    model.set_results(SearchResults("x", (SearchGroup("person", "People", 202, False, hits),)))
    heading = model.index(0, 0)
    assert heading.data() == "People (202) · 3 shown"
    assert "Ctrl+Shift+F" in heading.data(Qt.ItemDataRole.ToolTipRole)
    model.set_results(SearchResults("x", (SearchGroup("person", "People", 3, False, hits),)))
    assert model.index(0, 0).data() == "People (3)"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_tooltips_show_archive_text_literally() -> None:
    model = SearchResultsModel()
    hit = SearchHit(Ref("person", "x"), HOSTILE, (), f"why {HOSTILE}", (), f"detail {HOSTILE}")
    model.set_results(SearchResults("x", (SearchGroup("person", "People", 1, False, (hit,)),)))
    tree = parse(model.index(0, 0, model.index(0, 0)).data(Qt.ItemDataRole.ToolTipRole))
    assert tree.all("img") == []
    assert tree.find("p").text().split("\n") == [HOSTILE, f"detail {HOSTILE}", f"why {HOSTILE}"]


def test_first_hit_skips_groups_without_hits() -> None:
    model = SearchResultsModel()
    model.set_results(
        SearchResults(
            "x",
            (
                SearchGroup("person", "People", 0, False, ()),
                SearchGroup("event", "Events", 2, False, (_hit("b", "b"), _hit("c", "c"))),
            ),
        )
    )
    best = model.first_hit()
    assert best.parent().row() == 1 and best.row() == 0 and best.data() == "b"


def test_first_hit_of_no_results_is_invalid() -> None:
    assert not SearchResultsModel().first_hit().isValid()


def test_new_results_reset_the_model_once(
    qtbot: QtBot, model: SearchResultsModel, results: SearchResults
) -> None:
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    with qtbot.assertNotEmitted(model.rowsInserted), qtbot.assertNotEmitted(model.rowsRemoved):
        model.set_results(SearchResults("nothing"))
        model.set_results(results)
    assert resets == [0, len(results.groups)]
    assert model.results is results


def test_an_invalid_index_has_no_data(model: SearchResultsModel) -> None:
    assert model.data(QModelIndex()) is None
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
