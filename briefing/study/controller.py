"""What the study page decides, with no Qt: which cards (filter), how (mode), the session
going through them, undo across sessions, and the counts shown beside them.

The page calls these methods and then draws `session`; tests drive the same
calls without a window.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from .. import clock as default_clock
from ..library import CardFilter, Library
from ..model import Card, Topic
from ..progress import ProgressStore, TopicOptions
from ..scheduling import Memory, Scheduler, interval_text
from ..stats import Counts, end_of_day, topic_counts
from ..wording import plural
from . import custom, marks
from .browse import BrowseSession
from .day import study_day
from .grade_log import GradeLog, Saved
from .items import Item, prompts_of
from .modes import Mode
from .quiz import QuizSession
from .scheduled import DayPlan, StudySession, memories_of, plan_day
from .session import Session

# Counts are read from the store (a third of a filter change at 50,000 cards), so a
# new filter reuses them; cards fall due as time passes, so they are read afresh after
# this long, and at once after anything that changes them.
COUNTS_FRESH = timedelta(minutes=1)


class StudyController:
    def __init__(self, library: Library, store: ProgressStore,
                 clock: Callable[[], datetime] = default_clock.now, mode: Mode = Mode.STUDY,
                 scheduler: Scheduler | None = None):
        self.library = library
        self.store = store
        self.clock = clock
        self.mode = mode
        self.scheduler = scheduler
        self.log = GradeLog(store)
        self.filter = CardFilter()
        self.session: Session = BrowseSession([])
        self._memories: dict[tuple[str, str, str], Memory] = {}
        self._loaded: set[str] = set()     # topics whose memories are in _memories
        self._graded: list[tuple[Saved, Item, Memory | None]] = []  # this run's grades
        self._counts: dict[str, Counts] = {}
        self._counted_at: datetime | None = None
        self._plan: tuple[tuple[Topic, ...], DayPlan] | None = None  # of the topics in scope

    # -- which cards, and how ----------------------------------------------------

    def set_filter(self, wanted: CardFilter) -> None:
        """Show these cards; a tag that no topic in scope has is dropped."""
        if wanted.tag and wanted.tag not in self.tags_in_scope(wanted):
            wanted = wanted.but(tag=None)
        self.filter = wanted
        self.rebuild()

    def set_mode(self, mode: Mode) -> None:
        self.mode = Mode(mode)
        self.rebuild()  # the same cards, gone through another way: counts kept (COUNTS_FRESH)

    def rebuild(self) -> None:
        """A new pass over the cards the filter shows, in the current mode."""
        cards = self.library.cards(self.filter)
        if self.mode is Mode.STUDY:
            plan = self._day_plan()
            if self.filter.words or self.filter.tag or self.filter.kinds:
                plan = plan.only(cards)
            self.session = StudySession(plan.items, self._memories, self.log, self.clock,
                                        self.scheduler, plan.day, cards, plan)
        elif self.mode is Mode.QUIZ:
            self.session = QuizSession(cards)
        else:
            self.session = BrowseSession(cards)
        if self._counted_at is None or self.clock() - self._counted_at >= COUNTS_FRESH:
            self._counts.clear()

    def reload(self) -> None:
        """The topics were read again (or another program graded): start afresh."""
        self._memories.clear()
        self._loaded.clear()
        self._changed()
        self.set_filter(self.filter)

    def topics_in_scope(self, wanted: CardFilter | None = None) -> list[Topic]:
        return self.library.in_scope(wanted or self.filter)

    def tags_in_scope(self, wanted: CardFilter | None = None) -> list[str]:
        return sorted({t for topic in self.topics_in_scope(wanted) for t in topic.tags})

    # -- going through them ------------------------------------------------------

    def flip(self) -> str:
        """Space: show the answer (or turn a browsed card back). Returns what the user must
        be told, e.g. that a saved schedule could not be read, or ""."""
        self.session.flip()
        outcomes = getattr(self.session, "outcomes", None)
        if outcomes is not None and outcomes.reset:
            return ("The saved schedule of this prompt could not be read (another version of "
                    "the scheduler wrote it), so it starts again as new; grading it saves a "
                    "fresh one.")
        return ""

    def grade(self, rating: int) -> bool:
        """Grade the card on screen. Raises ProgressError (the card stays) when the grade
        cannot be saved; False when there is nothing to grade."""
        session = self.session
        if not session.grades or not session.revealed or session.current is None:
            return False
        item = session.current
        before = self._memories.get(item.key)
        session.grade(rating)
        if isinstance(session, StudySession) and session.last_saved is not None:
            # Kept here: the session is rebuilt whenever the filter changes.
            self._graded.append((session.last_saved, item, before))
            self._changed(item.topic)
        return True

    @property
    def can_undo(self) -> bool:
        session = self.session
        if isinstance(session, (StudySession, QuizSession)) and session.can_undo:
            return True
        return bool(self._graded) and self.mode is Mode.STUDY

    def undo(self) -> Item | None:
        """Take back the last grade, even one given before the filter changed; the item
        it was given to, now shown again, or None. Raises ProgressError to try again."""
        session = self.session
        if isinstance(session, QuizSession):
            return session.current if session.undo() else None
        if not isinstance(session, StudySession):
            return None
        if session.can_undo:
            saved = session.last_saved
            session.undo()
        elif self._graded:
            saved, item, before = self._graded[-1]
            session.take_back(saved, item, before)
        else:
            return None
        if self._graded and self._graded[-1][0] is saved:
            self._graded.pop()
        self._changed(session.current.topic)
        return session.current

    def next(self) -> None:
        self.session.next()

    def previous(self) -> None:
        self.session.previous()

    def go_to(self, card: Card) -> bool:
        return self.session.go_to(card)

    def follow(self, card_id: str) -> bool:
        """Open a related card of the one shown. When the filter hides it, browse its whole
        topic to reach it. False when there is no such card."""
        current = self.session.current_card
        topic = self.library.topic(current.topic) if current else None
        card = topic.card(card_id) if topic else None
        if card is None:
            return False
        self.open(card)
        return True

    def open(self, card: Card) -> None:
        """Show this card now (a click on its quote in the article); when the filter or
        the mode leaves it out, browse its whole topic to reach it."""
        if not self.session.go_to(card):
            self.mode = Mode.BROWSE
            self.set_filter(CardFilter(card.topic))
            self.session.go_to(card)

    def topic_to_edit(self) -> Topic | None:
        """The topic the user means by "edit": the one shown, else the card's, else the first."""
        card = self.session.current_card
        return (self.library.topic(self.filter.topic)
                or (self.library.topic(card.topic) if card else None)
                or (self.library.topics[0] if self.library.topics else None))

    # -- marks, options and custom study --------------------------------------------

    def mark(self, what: str) -> str:
        """Suspend, bury or flag what is on screen (marks.SUSPEND, BURY, FLAG); a message.
        Raises ProgressError when it cannot be saved."""
        item = self.session.current
        if item is None:
            return ""
        message = marks.apply(self.store, item, what, self.clock())
        if what in (marks.SUSPEND, marks.BURY) and marks.mark_of(self.store, item).hides(
                self.clock()):
            self.session.skip()
        self._changed(item.topic)
        return message

    def mark_shown(self):
        """The mark of what is on screen (to show a flag), or None."""
        item = self.session.current
        return marks.mark_of(self.store, item) if item is not None else None

    def set_options(self, topic: Topic, options: TopicOptions) -> None:
        self.store.set_options(topic.id, options)
        self._changed()  # the daily limit on new prompts is in the counts and the plan
        self.rebuild()

    def custom_study(self, choice: str, limit: int) -> int:
        """A Quiz over the prompts chosen (custom.CHOICES), leaving the schedule alone; how
        many it holds."""
        chosen = custom.choose(self.store, prompts_of(self.library.cards(self.filter)), choice,
                               limit)
        self.mode = Mode.QUIZ
        self.session = QuizSession([], items=chosen, label="Custom study")
        return len(chosen)

    def requiz_missed(self) -> int:
        """At the end of a Quiz: the prompts answered Again or Hard, once more."""
        session = self.session
        missed = list(session.missed) if isinstance(session, QuizSession) else []
        if missed:
            self.session = QuizSession([], items=missed, label="Quiz of the ones missed")
        return len(missed)

    def done_lines(self) -> list[str]:
        """What the "done" screen of Study says: which filter is on and what it hides, the
        daily limit when it stopped new prompts, and when the next prompt falls due."""
        if not isinstance(self.session, StudySession):
            return []
        lines = []
        wanted = self.filter
        parts = [f"kind: {', '.join(sorted(wanted.kinds))}" if wanted.kinds else "",
                 f"tag: #{wanted.tag}" if wanted.tag else "",
                 f"search: “{wanted.text}”" if wanted.text else ""]
        shown = " · ".join(p for p in parts if p)
        if shown:
            whole = [self.counts(t) for t in self.topics_in_scope()]
            due, new = sum(c.due for c in whole), sum(c.new for c in whole)
            lines.append(f"Nothing is due with the filter {shown}.")
            if due or new:
                lines.append(f"The filter hides {plural(due, 'due prompt')} and "
                             f"{plural(new, 'new prompt')}: Edit > Clear Filters "
                             "(Ctrl+Shift+F) shows them.")
        else:
            lines.append("All done for now: nothing is due.")
        left = self.session.day.new_left
        if left is not None and any(
                left.get(t.id, 1) == 0 and self.store.options(t.id).new_per_day
                for t in self.topics_in_scope()):
            lines.append("Today's new prompts are done; Edit > Topic Options sets how many a day.")
        upcoming = self.session.next_due
        if upcoming is not None:
            lines.append(f"The next prompt is due in {interval_text(upcoming - self.clock())}.")
        return lines

    def flush(self, patient: bool = False) -> int:
        """Save grades that waited for the file; how many still wait."""
        return self.log.flush(patient)

    # -- counts ----------------------------------------------------------------

    def counts(self, topic: Topic) -> Counts:
        """New, learning and review cards due today in a topic, from the store once
        until a grade changes them."""
        if topic.id not in self._counts:
            if not self._counts:
                self._counted_at = self.clock()
            self._counts[topic.id] = topic_counts(self.store, topic, self.clock())
        return self._counts[topic.id]

    def all_counts(self) -> dict[str, Counts]:
        return {topic.id: self.counts(topic) for topic in self.library.topics}

    def status_text(self) -> str:
        scope = self.topics_in_scope()
        due = sum(self.counts(t).due for t in scope)
        new = sum(self.counts(t).new for t in scope)
        shown, total = len(self.session.cards), sum(len(t.cards) for t in scope)
        matching = f"{shown} of {plural(total, 'card')} shown" if shown != total else \
            plural(total, "card")
        return f"{matching} · {due} due · {new} new"

    # -- internals ---------------------------------------------------------------

    def _day_plan(self) -> DayPlan:
        """Today's plan of the topics in scope, kept while the filter changes (a search
        at 50,000 cards then costs a cut of it) and made again after COUNTS_FRESH, at
        midnight, for other topics, or after anything that changes it (_changed)."""
        topics, now = tuple(self.topics_in_scope()), self.clock()
        if self._plan is not None:
            kept, plan = self._plan
            if (len(kept) == len(topics) and all(a is b for a, b in zip(kept, topics, strict=True))
                    and timedelta(0) <= now - plan.made_at < COUNTS_FRESH
                    and end_of_day(now) == end_of_day(plan.made_at)):
                return plan
        cards = self.library.cards(CardFilter(self.filter.topic))
        plan = plan_day(prompts_of(cards), self._memories_for(cards),
                        study_day(self.store, cards, now), now)
        self._plan = (topics, plan)
        return plan

    def _changed(self, topic: str | None = None) -> None:
        """A grade, undo, mark, option or reload changed what is due: the counts (of that
        topic, or all) and the day's plan are made again when next wanted."""
        if topic is None:
            self._counts.clear()
        else:
            self._counts.pop(topic, None)
        self._plan = None

    def _memories_for(self, cards: list[Card]) -> dict[tuple[str, str, str], Memory]:
        for topic in {card.topic for card in cards} - self._loaded:
            loaded = self.library.topic(topic)
            self._memories.update(memories_of(self.store, topic,
                                              list(loaded.cards) if loaded else []))
            self._loaded.add(topic)
        return self._memories  # shared: a grade in the session updates it here too
