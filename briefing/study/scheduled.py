"""Study: the prompts due today, then the new ones, scheduled by FSRS; every grade is saved.

A prompt counts as due when a review falls before the end of the local day, or
when it is in its learning steps and due now; one still learning that falls
due later today waits in a short queue and comes back when due (or, when
nothing else is left, up to LEARN_AHEAD early), as in Anki.

Siblings are buried, as in Anki: once a prompt of a card has been graded
today, the card's other new and review prompts wait until tomorrow, so one
prompt never gives away the next.
"""
from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import compress
from operator import attrgetter

from .. import clock as default_clock
from ..model import KINDS, Card
from ..progress import ProgressError, ProgressStore, Review
from ..progress_schema import UNASSIGNED_PROMPT
from ..scheduling import DESIRED_RETENTION, RATINGS, Memory, Outcomes, Scheduler
from ..stats import Counts, end_of_day
from .day import StudyDay, study_day
from .grade_log import GradeLog, Saved
from .items import Item, prompts_of
from .modes import Mode
from .session import QueuedSession

LEARN_AHEAD = timedelta(minutes=20)


@dataclass
class _Snapshot:
    """Everything a grade changes in the session, so Ctrl+Z can put it back."""

    queue: list[Item]
    learning: list[tuple[datetime, int, Item]]
    current: Item
    memory: Memory | None
    buried: set[tuple[str, str]]
    saved: Saved | None = None


_card = attrgetter("card")


def _learning_card(entry: tuple[datetime, int, Item]) -> Card:
    return entry[2].card


@dataclass
class DayPlan:
    """Today's prompts of a deck sorted out once: due (soonest first), still learning
    later today, and new (in deck order). A search or a tag then cuts its session from
    these lists, in their order, instead of sorting out 50,000 prompts again."""

    items: list[Item]
    due: list[Item]
    learning: list[tuple[datetime, int, Item]]  # (due, order, item), sorted
    new: list[Item]
    day: StudyDay
    made_at: datetime
    _card_ids: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def only(self, cards: list[Card]) -> DayPlan:
        """The plan of these cards (some of the plan's, the same objects). Its items and
        new prompts are cut when first read: a session asks for its items only to find a
        card, and for the new prompts only when today allows some."""
        # map and compress keep the loops in C, over each entry's card's id, worked out
        # at the first cut: 50,000 items cut in a few milliseconds.
        wanted = set(map(id, cards)).__contains__

        def cut(name: str, card_of=_card):
            entries = getattr(self, name)
            if name not in self._card_ids:
                self._card_ids[name] = list(map(id, map(card_of, entries)))
            return list(compress(entries, map(wanted, self._card_ids[name])))
        return DayPlan(Later(lambda: cut("items")), cut("due"), cut("learning", _learning_card),
                       Later(lambda: cut("new")), self.day, self.made_at)


class Later(Sequence):
    """A list made the first time it is read."""

    def __init__(self, make: Callable[[], list]):
        self._make, self._made = make, None

    def _list(self) -> list:
        if self._made is None:
            self._made, self._make = self._make(), None
        return self._made

    def __len__(self) -> int:
        return len(self._list())

    def __getitem__(self, index):
        return self._list()[index]

    def __iter__(self):
        return iter(self._list())


def plan_day(items: list[Item], memories: dict[tuple[str, str, str], Memory], day: StudyDay,
             now: datetime) -> DayPlan:
    due: list[tuple[datetime, Item]] = []
    learning: list[tuple[datetime, int, Item]] = []
    new: list[Item] = []
    day_end = end_of_day(now)
    hidden, buried = day.hidden, day.studied_cards
    for item in items:
        if item.key in hidden:
            continue  # suspended, or buried until later
        memory = memories.get(item.key)
        if memory is None:
            if item.key[:2] not in buried:
                new.append(item)
        elif memory.due <= now and memory.learning:
            due.append((memory.due, item))
        elif not memory.learning and memory.due < day_end:
            if item.key[:2] not in buried:
                due.append((memory.due, item))
        elif memory.learning and memory.due < day_end:
            # Still in its learning steps from an earlier sitting (failed a minute
            # ago, then the app restarted): it comes back in this one.
            learning.append((memory.due, len(learning) + 1, item))
    learning.sort(key=lambda entry: (entry[0], entry[1]))
    due.sort(key=lambda entry: entry[0])
    return DayPlan(items, [item for _due, item in due], learning, new, day, now)


class StudySession(QueuedSession):
    mode = Mode.STUDY
    grades = True

    def __init__(self, items: list[Item], memories: dict[tuple[str, str, str], Memory],
                 log: GradeLog | None = None, clock: Callable[[], datetime] = default_clock.now,
                 scheduler: Scheduler | None = None, day: StudyDay | None = None,
                 cards: list[Card] | None = None, plan: DayPlan | None = None):
        """memories: what the store knows of each studied prompt, by item key; day: the
        cards already studied today (whose other prompts wait), hidden prompts, the daily
        limit on new ones and each topic's retention; scheduler: one for every topic;
        cards: the items' cards in order, when the caller has them; plan: the items
        already sorted out with these memories and day (see DayPlan)."""
        super().__init__(items, cards)
        self.memories = memories
        self.day = (day or StudyDay()).copy()  # the day's count of new prompts goes down
        self.buried = set(self.day.studied_cards)
        self.log = log or GradeLog(None)
        self.clock = clock
        self.scheduler = scheduler
        self._schedulers: dict[str, Scheduler] = {}
        self.outcomes: Outcomes | None = None
        self._undo: list[_Snapshot] = []
        self._learning: list[tuple[datetime, int, Item]] = []  # (due, order, item), sorted
        self._order = 0
        self._revealed_at = clock()
        self._shown_at = time.monotonic()
        plan = plan or plan_day(items, memories, self.day, clock())
        self._learning = list(plan.learning)
        self._order = max((entry[1] for entry in plan.learning), default=0)
        self._queue = plan.due + self._todays_new(plan.new)
        self._advance()

    # -- what is shown -----------------------------------------------------

    @property
    def remaining(self) -> int:
        """Cards still to go in this sitting, the current one included."""
        return len(self._queue) + len(self._learning) + (self.current is not None)

    def counts(self) -> Counts:
        """New, learning and review cards left today, the current one included."""
        new = learning = review = 0
        waiting = [self.current] if self.current is not None else []
        for item in waiting + self._queue:
            memory = self.memories.get(item.key)
            if memory is None:
                new += 1
            elif memory.learning:
                learning += 1
            else:
                review += 1
        return Counts(new, learning + len(self._learning), review)

    @property
    def next_due(self) -> datetime | None:
        """When the next prompt still learning today falls due (for "next in 8 minutes")."""
        return self._learning[0][0] if self._learning else None

    def button_labels(self) -> dict[int, str]:
        """Each rating with the interval it would give, e.g. {3: 'Good · 4d'}."""
        if self.outcomes is None:
            return dict(RATINGS)
        now = self._revealed_at  # the moment the outcomes were computed for
        return {r: f"{RATINGS[r]} · {self.outcomes.interval_text(r, now)}" for r in RATINGS}

    def progress_text(self) -> str:
        counts = self.counts()
        return (f"Study · {counts.new} new · {counts.learning} learning · "
                f"{counts.review} to review")

    # -- actions -------------------------------------------------------------

    def reveal(self) -> None:
        if self.current is None or self.revealed:
            return
        self.revealed = True
        self._revealed_at = self.clock()
        self.outcomes = self._scheduler(self.current.topic).outcomes(
            self.memories.get(self.current.key), self._revealed_at,
            seed="/".join(self.current.key))

    def _scheduler(self, topic: str) -> Scheduler:
        if self.scheduler is not None:
            return self.scheduler
        if topic not in self._schedulers:
            self._schedulers[topic] = Scheduler(self.day.retention.get(topic, DESIRED_RETENTION))
        return self._schedulers[topic]

    def grade(self, rating: int) -> None:
        """Schedule and save the prompt. Raises ProgressError (it stays on screen, nothing
        is kept) when the grade cannot be saved."""
        if self.current is None or rating not in RATINGS:
            return
        if not self.revealed:
            self.reveal()
        item = self.current
        topic, card_id, prompt_id = item.key
        before = self.memories.get(item.key)
        after = self.outcomes.by_rating[rating]
        snapshot = _Snapshot(list(self._queue), list(self._learning), item, before,
                             set(self.buried))
        snapshot.saved = self.log.save(Review(
            topic, card_id, prompt_id, rating, self._revealed_at, after,
            None if self.outcomes.reset else before,
            int((time.monotonic() - self._shown_at) * 1000)))
        self.memories[item.key] = after
        if after.due - self._revealed_at <= LEARN_AHEAD or (
                after.learning and after.due < end_of_day(self._revealed_at)):
            self._order += 1
            bisect.insort(self._learning, (after.due, self._order, item),
                          key=lambda entry: (entry[0], entry[1]))
        self._bury_siblings(item)
        self._undo.append(snapshot)
        self._advance()

    def wake(self) -> bool:
        """On the done screen: a prompt still learning has fallen due; show it. True when
        there is something to show now."""
        if self.current is None:
            self._advance()
        return self.current is not None

    def skip(self) -> None:
        """The prompt on screen was suspended or buried: go on without grading it."""
        if self.current is not None:
            self._advance()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def last_saved(self) -> Saved | None:
        """The latest grade of this session, for undo after the session is rebuilt."""
        return self._undo[-1].saved if self._undo else None

    def undo(self) -> bool:
        """Take back the last grade of this session; the card is shown again."""
        if not self._undo:
            return False
        snapshot = self._undo[-1]
        if snapshot.saved is not None:
            self.log.take_back(snapshot.saved)  # may raise ProgressError: keep the snapshot
        self._undo.pop()
        self._restore(snapshot.current, snapshot.memory)
        self._queue, self._learning = snapshot.queue, snapshot.learning
        self.buried = snapshot.buried
        self._show(snapshot.current)
        return True

    def take_back(self, saved: Saved, item: Item, memory: Memory | None) -> None:
        """Undo a grade given in an earlier session (before a filter or mode change)."""
        self.log.take_back(saved)
        self._restore(item, memory)
        self._learning = [entry for entry in self._learning if entry[2] != item]
        if item in self._queue:
            self._queue.remove(item)
        if self.current is not None and self.current != item:
            self._queue.insert(0, self.current)
        self._show(item)

    # -- internals -----------------------------------------------------------

    def _restore(self, item: Item, memory: Memory | None) -> None:
        if memory is None:
            self.memories.pop(item.key, None)
        else:
            self.memories[item.key] = memory

    def _bury_siblings(self, item: Item) -> None:
        """The card's other prompts that are new or due for review wait until tomorrow."""
        card = (item.card.topic, item.card.id)
        self.buried.add(card)
        self._queue = [other for other in self._queue if other.card != item.card
                       or (self.memories.get(other.key) and self.memories[other.key].learning)]

    def _todays_new(self, new: list[Item]) -> list[Item]:
        """The new prompts for today, in the order they are met, as many per topic as its
        daily limit allows."""
        if not self.day.allows_any_new():
            return []  # not even read: the plan cuts its new prompts only when asked
        new, chosen = list(new), []
        open_topics = {topic for topic in {item.key[0] for item in new}
                       if self.day.allows_new(topic)}
        for item in interleaved(new):
            if not open_topics:
                break  # every topic's limit is reached: the rest wait for other days
            if item.topic in open_topics:
                self.day.took_new(item.topic)
                chosen.append(item)
                if not self.day.allows_new(item.topic):
                    open_topics.discard(item.topic)
        return chosen

    def _advance(self) -> None:
        now = self.clock()
        if self._learning and (self._learning[0][0] <= now or (
                not self._queue and self._learning[0][0] <= now + LEARN_AHEAD)):
            self._show(self._learning.pop(0)[2])
        elif self._queue:
            self._show(self._queue.pop(0))
        else:
            self._show(None)

    def _show(self, item: Item | None) -> None:
        super()._show(item)
        self.outcomes = None
        self._shown_at = time.monotonic()


def interleaved(new: list[Item]):
    """New prompts in the order to meet them (a generator: a day takes only the first few):
    each card's first prompt before any card's second (siblings are buried once one is
    graded), and within that the kinds taken in turn (an actor, an objective, a figure,
    ...) rather than every actor first.

    The first prompts are read from `new` only as far as the turns taken need: a day's
    twenty new prompts out of 25,000 (a search at 50,000 cards) no longer sort out all
    25,000 first. A kind's first turn comes in the first round, so the reading goes on
    until every kind has turned up (or `new` ends)."""
    firsts: dict[str, list[Item]] = {}  # each card's first prompt, by kind as met
    later: dict[int, dict[str, list[Item]]] = {}  # second prompts and on, by rank
    items, size, at = new, len(new), 0
    last = None
    rank = -1
    turn = 0
    while True:
        # Read on until each kind met has a prompt for this turn and every kind has been
        # met, or everything is read.
        while at < size and (len(firsts) < len(KINDS)
                             or any(len(queue) <= turn for queue in firsts.values())):
            item = items[at]
            at += 1
            rank = rank + 1 if item.card is last else 0  # a card's prompts come together
            last = item.card
            if rank == 0:
                firsts.setdefault(item.card.kind, []).append(item)
            else:
                later.setdefault(rank, {}).setdefault(item.card.kind, []).append(item)
        taken = False
        for queue in list(firsts.values()):
            if turn < len(queue):
                taken = True
                yield queue[turn]
        if not taken:
            break  # everything is read and every first prompt given
        turn += 1
    for rank in sorted(later):
        queues = [iter(queue) for queue in later[rank].values()]
        while queues:
            for queue in list(queues):
                item = next(queue, None)
                if item is None:
                    queues.remove(queue)
                else:
                    yield item


def memories_of(store: ProgressStore, topic: str, cards: list[Card]) -> dict:
    """What the store knows of a topic's prompts, by item key. A card studied before it had
    prompts gives its progress to its first prompt (in the file too, when it can be
    written), so a studied card is not new again."""
    found = {(topic, card, prompt): memory
             for (card, prompt), memory in store.scheduled(topic).items()}
    # Only cards with progress from before prompts can have any to hand on: of 50,000
    # cards, usually none, and looking at each took 50-150 ms of every start.
    before_prompts = {card for (_topic, card, prompt) in found if prompt == UNASSIGNED_PROMPT}
    for card in (card for card in cards if card.id in before_prompts):
        old = found.pop((topic, card.id, UNASSIGNED_PROMPT), None)
        first = (topic, card.id, card.studied_prompts[0].id)
        if old is not None and first not in found:
            found[first] = old
            try:
                store.adopt(topic, card.id, first[2])
            except ProgressError:
                pass  # read-only or busy: it is adopted another time
    return found


def open_study(cards: list[Card], store: ProgressStore | None,
               clock: Callable[[], datetime] = default_clock.now,
               scheduler: Scheduler | None = None) -> StudySession:
    """A study session over these cards' prompts with what the store knows of them."""
    memories, day = {}, StudyDay()
    if store is not None:
        for topic in sorted({c.topic for c in cards}):
            memories.update(memories_of(store, topic, [c for c in cards if c.topic == topic]))
        day = study_day(store, cards, clock())
    return StudySession(prompts_of(cards), memories, GradeLog(store), clock, scheduler, day)
