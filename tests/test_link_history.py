"""Back after following a link, with no Qt: the card, the filter and the mode come back."""
from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import NOW

from briefing.library import CardFilter, Library
from briefing.progress import ProgressStore
from briefing.study import Mode, StudyController
from briefing.study.history import LIMIT, LinkHistory


@pytest.fixture
def controller(workspace):
    workspace.topic()
    store = ProgressStore(None)
    controller = StudyController(Library([workspace.cards]), store, lambda: NOW, Mode.BROWSE)
    controller.set_filter(CardFilter("example"))
    yield controller
    store.close()


def shown(controller):
    return controller.session.current_card.id


def test_back_returns_to_the_card_a_link_was_followed_from(controller):
    history = LinkHistory(controller)
    assert not history.can_go_back and not history.back()
    assert history.follow("trade-2004")  # premier -> trade-2004
    assert history.follow("trade-2004") is True  # already there: nothing new to go back to
    assert shown(controller) == "trade-2004" and history.can_go_back
    assert history.back() and shown(controller) == "premier"
    assert not history.back() and shown(controller) == "premier"
    assert not history.follow("no-such-card") and not history.can_go_back


def test_back_restores_the_filter_and_mode_a_link_left(controller):
    controller.set_mode(Mode.STUDY)
    controller.set_filter(CardFilter("example", kinds=frozenset({"actor"})))
    history = LinkHistory(controller)
    assert history.follow("patience")  # an objective: the link browses the whole topic
    assert controller.mode is Mode.BROWSE and controller.filter.kinds == frozenset()
    assert history.back()
    assert controller.mode is Mode.STUDY and controller.filter.kinds == {"actor"}
    assert shown(controller) == "premier"


def test_steps_go_back_one_by_one_and_a_card_gone_is_passed_over(controller):
    history = LinkHistory(controller)
    history.follow("patience")
    history.follow("premier")
    history.follow("trade-2004")
    assert [place.card.id for place in history.places] == ["premier", "patience", "premier"]
    place = history.places[1]
    history.places[1] = replace(place, card=replace(place.card, id="gone"))  # deleted since
    assert history.back() and shown(controller) == "premier"
    assert history.back() and shown(controller) == "premier"  # "gone" was passed over
    assert not history.can_go_back


def test_history_keeps_the_latest_places(controller):
    history = LinkHistory(controller)
    for _ in range(LIMIT + 5):
        history.follow("patience")
        history.follow("premier")
    assert len(history.places) == LIMIT
