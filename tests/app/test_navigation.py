"""Navigator: one current item and one back/forward history across every kind of item, with
exactly one ``current_changed`` per real change and none when nothing changes."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.navigation import Navigator
from db.dto import Ref

PERSON = Ref("person", "kamenev-lev")
EVENT = Ref("event", "ev-1935-vk-verdict")
DOCUMENT = Ref("document", "doc-10040")
SOURCE = Ref("source", "koshel-kniga87")
TRAIL = (PERSON, EVENT, DOCUMENT, SOURCE)


@pytest.fixture
def nav(qtbot: QtBot) -> Navigator:
    return Navigator()


@pytest.fixture
def walked(nav: Navigator) -> Navigator:
    """Person → event → document → source, the source current."""
    for ref in TRAIL:
        nav.go(ref)
    return nav


class Emissions:
    """Every ``current_changed`` value of a navigator, in order."""

    def __init__(self, nav: Navigator) -> None:
        self.values: list[Ref | None] = []
        nav.current_changed.connect(self.values.append)


def test_a_new_navigator_has_nothing_current(nav: Navigator) -> None:
    assert (nav.current, nav.history, nav.index) == (None, (), -1)
    assert not nav.can_go_back() and not nav.can_go_forward()
    assert nav.trail() == ()


def test_going_somewhere_emits_the_new_item_once(nav: Navigator) -> None:
    seen = Emissions(nav)
    nav.go(PERSON)
    nav.go(EVENT)
    assert seen.values == [PERSON, EVENT]
    assert nav.current == EVENT and nav.history == (PERSON, EVENT)


def test_going_to_the_current_item_emits_nothing(qtbot: QtBot, walked: Navigator) -> None:
    with (
        qtbot.assertNotEmitted(walked.current_changed),
        qtbot.assertNotEmitted(walked.history_changed),
    ):
        walked.go(Ref("source", "koshel-kniga87"))  # equal, not the same object
        walked.go(None)
    assert walked.history == TRAIL


def test_the_signal_carries_the_ref_itself(qtbot: QtBot, nav: Navigator) -> None:
    with qtbot.waitSignal(nav.current_changed, timeout=30_000) as changed:
        nav.go(SOURCE)
    assert changed.args == [SOURCE]


def test_back_and_forward_walk_one_trail_across_kinds(walked: Navigator) -> None:
    seen = Emissions(walked)
    walked.back()
    walked.back()
    walked.back()
    walked.forward()
    assert seen.values == [DOCUMENT, EVENT, PERSON, EVENT]
    assert walked.history == TRAIL and walked.index == 1


def test_back_at_the_start_and_forward_at_the_end_do_nothing(
    qtbot: QtBot, walked: Navigator
) -> None:
    with qtbot.assertNotEmitted(walked.current_changed):
        walked.forward()
    walked.go_to_index(0)
    with qtbot.assertNotEmitted(walked.current_changed):
        walked.back()
    assert walked.current == PERSON
    assert not walked.can_go_back() and walked.can_go_forward()


def test_going_somewhere_new_after_back_drops_the_forward_part(walked: Navigator) -> None:
    walked.back()
    walked.back()
    other = Ref("person", "sinelobov-alexei")
    walked.go(other)
    assert walked.history == (PERSON, EVENT, other)
    assert not walked.can_go_forward()


def test_going_back_to_an_item_by_link_adds_it_again(walked: Navigator) -> None:
    walked.go(PERSON)
    assert walked.history == (*TRAIL, PERSON) and walked.index == 4


def test_go_to_index_jumps_without_changing_the_history(walked: Navigator) -> None:
    seen = Emissions(walked)
    walked.go_to_index(1)
    assert seen.values == [EVENT]
    assert walked.history == TRAIL and walked.current == EVENT


@pytest.mark.parametrize("index", [3, -1, 4, 99])
def test_go_to_index_of_the_current_or_no_entry_emits_nothing(
    qtbot: QtBot, walked: Navigator, index: int
) -> None:
    with qtbot.assertNotEmitted(walked.current_changed):
        walked.go_to_index(index)
    assert walked.current == SOURCE


def test_every_move_tells_the_history_changed(qtbot: QtBot, walked: Navigator) -> None:
    for move in (walked.back, walked.forward, lambda: walked.go_to_index(0)):
        with qtbot.waitSignal(walked.history_changed, timeout=30_000):
            move()


def test_clear_forgets_everything_and_says_nothing_is_current(
    qtbot: QtBot, walked: Navigator
) -> None:
    seen = Emissions(walked)
    with qtbot.waitSignal(walked.history_changed, timeout=30_000):
        walked.clear()
    assert seen.values == [None]
    assert (walked.current, walked.history, walked.index) == (None, (), -1)


def test_clearing_an_empty_navigator_emits_no_current_change(qtbot: QtBot, nav: Navigator) -> None:
    with qtbot.assertNotEmitted(nav.current_changed):
        nav.clear()


def test_the_trail_ends_at_the_current_item(walked: Navigator) -> None:
    assert walked.trail(3) == ((1, EVENT), (2, DOCUMENT), (3, SOURCE))
    walked.back()
    assert walked.trail() == ((0, PERSON), (1, EVENT), (2, DOCUMENT))
    assert walked.trail(1) == ((2, DOCUMENT),)


def test_the_history_keeps_the_newest_entries(nav: Navigator) -> None:
    refs = [Ref("person", f"p{n}") for n in range(Navigator.MAX_HISTORY + 5)]
    for ref in refs:
        nav.go(ref)
    assert nav.history == tuple(refs[5:])
    assert nav.index == Navigator.MAX_HISTORY - 1 and nav.current == refs[-1]
    nav.back()
    assert nav.current == refs[-2]


def test_a_branch_opens_after_the_current_item_and_keeps_the_forward_part(
    walked: Navigator,
) -> None:
    walked.back()
    walked.back()
    other = Ref("person", "sinelobov-alexei")
    walked.open_branch(other)
    assert walked.current == other
    assert walked.history == (PERSON, EVENT, other, DOCUMENT, SOURCE)
    walked.back()
    assert walked.current == EVENT  # Back returns to where the branch was opened


def test_a_branch_to_the_current_item_emits_nothing(walked: Navigator) -> None:
    seen = Emissions(walked)
    walked.open_branch(SOURCE)
    assert seen.values == []
    assert walked.history == TRAIL
