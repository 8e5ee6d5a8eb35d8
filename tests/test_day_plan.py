"""A search or a tag cuts its study session from the day's plan of the whole deck: the
session must be the one sorting out the filtered prompts afresh would give."""
from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import NOW

from briefing.library import CardFilter, Library
from briefing.progress import ProgressStore, TopicOptions
from briefing.scheduling import Scheduler
from briefing.study import StudyController
from briefing.study import marks as card_marks
from briefing.study.controller import COUNTS_FRESH
from briefing.study.day import study_day
from briefing.study.items import prompts_of
from briefing.study.scheduled import StudySession

QUOTE = "Bilateral trade grew to U.S. $1.4 billion in 2004"
KINDS = ("actor", "objective", "figure")


def deck(cards: int) -> str:
    lines = ["cards:"]
    for n in range(cards):
        kind = KINDS[n % 3]
        lines += [f"  - id: c{n}", f"    kind: {kind}", f"    title: Card {n}",
                  f"    front: {'alpha' if n % 4 == 0 else 'beta'} question {n}?",
                  f"    back: Answer {n}.", f"    tags: [t{n % 5}]"]
        if kind == "figure":
            lines += ["    value: 1.4", "    unit: US$ billion", "    as_of: 2004"]
        if n % 7 == 0:  # a card with two prompts: its siblings wait once one is graded
            lines += ["    prompts:", f"      - q: First of {n}?", "        a: One.",
                      f"      - q: Second of {n}?", "        a: Two."]
        lines += ["    sources:", "      - seed: art", f"        quote: {QUOTE}"]
    return "\n".join(lines) + "\n"


@pytest.fixture
def studied(workspace, tmp_path):
    """A controller on 60 cards: some reviewed long ago (due now), some failed minutes ago
    (learning: due now or later today), some graded today, two suspended, a daily limit."""
    folder = workspace.topic(files={"cards.yaml": deck(60)})
    store = ProgressStore(tmp_path / "p.sqlite3")
    now = [NOW - timedelta(days=30)]
    controller = StudyController(Library([folder.parent]), store, lambda: now[0],
                                 scheduler=Scheduler(fuzz=False))
    controller.set_filter(CardFilter("example"))
    for rating in [4] * 14:  # Easy on a new prompt: a review, due by now
        controller.flip()
        controller.grade(rating)
    now[0] = NOW - timedelta(minutes=8)
    controller.reload()
    for rating in (1, 1, 1, 3, 1, 4):
        controller.flip()
        controller.grade(rating)
    now[0] = NOW
    controller.reload()
    for _ in range(2):
        controller.mark(card_marks.SUSPEND)
    controller.set_options(controller.library.topics[0], TopicOptions(new_per_day=9))
    yield controller, store, now
    store.close()


def shape(session: StudySession) -> tuple:
    """What a session will ask, in order: on screen, the queue, the learning ones."""
    return (session.current.key if session.current else None,
            [item.key for item in session._queue],
            [(due, item.key) for due, _order, item in session._learning])


def fresh(controller: StudyController) -> StudySession:
    """The session as it was built before plans: the filtered prompts sorted out anew."""
    cards = controller.library.cards(controller.filter)
    now = controller.clock()
    return StudySession(prompts_of(cards), controller._memories, controller.log, controller.clock,
                        controller.scheduler, study_day(controller.store, cards, now), cards)


FILTERS = [CardFilter("example", text="alpha"), CardFilter("example", tag="t2"),
           CardFilter("example", kinds=("objective",)),
           CardFilter("example", kinds=("actor", "figure"), tag="t1", text="question"),
           CardFilter("example", text="nothing-matches-this"), CardFilter("example")]


@pytest.mark.parametrize("wanted", FILTERS, ids=lambda f: f"{f.text}|{f.tag}|{f.kinds}")
def test_a_filtered_session_is_the_one_sorting_out_its_prompts_afresh_gives(studied, wanted):
    controller, _store, _now = studied
    controller.set_filter(CardFilter("example"))  # the plan of the whole deck is made here
    controller.set_filter(wanted)                  # and cut here
    assert shape(controller.session) == shape(fresh(controller))
    assert controller.session.counts() == fresh(controller).counts()


def test_the_deck_under_test_has_every_kind_of_prompt(studied):
    controller, _store, _now = studied
    session = controller.session
    counts = session.counts()
    assert counts.new == 9 and counts.review > 0 and counts.learning > 0
    assert session._learning, "some prompts still learning fall due later today"
    assert controller.session.day.hidden, "two prompts are suspended"


def test_a_grade_makes_the_plan_again(studied):
    controller, _store, _now = studied
    controller.set_filter(CardFilter("example", tag="t0"))
    graded = controller.session.current.key
    controller.flip()
    controller.grade(4)  # Easy: not due again today
    controller.set_filter(CardFilter("example", tag="t1"))
    controller.set_filter(CardFilter("example", tag="t0"))
    assert graded not in shape(controller.session)[1]
    assert shape(controller.session) == shape(fresh(controller))


def test_the_plan_is_made_again_when_time_has_passed(studied):
    controller, _store, now = studied
    controller.set_filter(CardFilter("example", text="question"))
    later = [key for _due, key in shape(controller.session)[2]]
    assert later
    now[0] = NOW + COUNTS_FRESH + timedelta(minutes=15)  # the learning ones are due now
    controller.set_filter(CardFilter("example", text="questio"))
    assert shape(controller.session) == shape(fresh(controller))
    assert not shape(controller.session)[2]


def test_a_topic_read_again_gets_a_plan_of_its_new_cards(studied, workspace):
    controller, _store, _now = studied
    controller.set_filter(CardFilter("example", tag="t3"))
    folder = workspace.cards / "example"
    (folder / "cards.yaml").write_text(deck(60).replace("tags: [t3]", "tags: [t3, extra]"),
                                       encoding="utf-8")
    controller.library.reload_topic(folder)
    controller.set_filter(CardFilter("example", tag="extra"))
    assert controller.session.current is not None
    assert shape(controller.session) == shape(fresh(controller))


@pytest.mark.parametrize("wanted", FILTERS, ids=lambda f: f"{f.text}|{f.tag}|{f.kinds}")
def test_the_tag_index_and_the_search_find_what_testing_each_card_finds(studied, wanted):
    controller, _store, _now = studied
    topic = controller.library.topics[0]
    expected = [card for card in topic.cards if wanted.matches(card)
                and all(word in card.search_text() for word in wanted.words)]
    assert controller.library.cards(wanted) == expected
