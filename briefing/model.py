"""The card model: immutable topics, cards and sources, and the Problem value.

Everything downstream (the app, the PDF, the exports, `briefing list --json`)
reads these objects; nothing here knows about YAML or Qt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from pathlib import Path

from .dates import When, looks_like_date, parse_optional
from .quotes import fold

KINDS = ("actor", "objective", "figure")
KIND_LABELS = {"actor": "Actors", "objective": "Objectives", "figure": "Key figures"}
KIND_NAMES = {"actor": "Actor", "objective": "Objective", "figure": "Key figure"}
# "China Brief, Volume 7, Issue 22" -> "China Brief 7:22"
_VOLUME_ISSUE = re.compile(r"^(?P<name>.*?)[,\s]*\b(?:volume|vol\.?)\s*(?P<volume>\w+)[,\s]*"
                           r"(?:issue|no\.?|number)\s*(?P<issue>\w+)", re.IGNORECASE)
SHORT_LIMIT = 28  # characters: a short citation fits a narrow table column


def number_text(value: float | int) -> str:
    """A number as a reader sees it: 1,400 and 1.4, not 1400.0 or 0.30000000000000004."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.15g}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a topic, located at a file, line and column (1-based)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


@dataclass(frozen=True)
class Seed:
    """A source article a topic draws on."""

    id: str
    path: Path
    title: str
    publication: str = ""
    year: int | None = None
    author: str = ""
    date: str = ""  # YYYY-MM-DD, YYYY-MM or YYYY, as topic.yaml gives it
    short: str = ""

    @property
    def short_label(self) -> str:
        """How a table cites it: "China Brief 7:22, 2007" (the seed's short, or derived)."""
        name = self.short
        match = _VOLUME_ISSUE.match(self.publication) if not name else None
        if match and match.group("name"):
            name = f"{match.group('name')} {match.group('volume')}:{match.group('issue')}"
        if not name:
            name = self.publication or self.title
            if len(name) > SHORT_LIMIT:
                name = name[:SHORT_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
        return f"{name}, {self.year}" if self.year else name

    @property
    def label(self) -> str:
        """How a card cites it: title, publication and year."""
        parts = [self.title]
        if self.publication:
            parts.append(self.publication)
        if self.year:
            parts.append(str(self.year))
        return ", ".join(parts)


@dataclass(frozen=True)
class Source:
    """A verbatim quote from a seed that supports a card."""

    seed: Seed
    quote: str


@dataclass(frozen=True)
class Prompt:
    """One fact to recall, studied and scheduled on its own: a question and answer, or a
    cloze deletion. Progress is stored under (topic, card id, prompt id)."""

    id: str
    type: str               # "qa" or "cloze"
    question: str           # what the student sees (a cloze shows [...] where text is hidden)
    answer: str             # what recalls it (a cloze: the hidden text)
    text: str = ""          # a cloze: the whole passage, the deletion filled in
    cloze: str = ""         # a cloze: as written, in Anki's {{c1::...}} syntax
    seed: str = ""          # a cloze over a verbatim passage: the seed it quotes
    line: int = field(default=0, compare=False)

    @property
    def back(self) -> str:
        """The answer side as `list --json` gives it: the answer, or a cloze's whole text."""
        return self.text if self.type == CLOZE else self.answer


QA, CLOZE = "qa", "cloze"
DEFAULT_PROMPT = "card"  # the id of the prompt a card without prompts studies: front and back


@dataclass(frozen=True)
class Relation:
    """How an actor stands toward another actor (an arrow of the actor map)."""

    to: str
    label: str
    sources: tuple[Source, ...]
    type: str = ""


def _is_word_char(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def _holds_words(text: str, part: str) -> bool:
    """Does text hold part with no letter or digit glued on either side? (What a regex
    with \\w lookarounds finds, without compiling one per figure: 10,000 figures with
    their own dates overflowed re's cache.)"""
    start = text.find(part)
    while start != -1:
        if not _is_word_char(text, start - 1) and not _is_word_char(text, start + len(part)):
            return True
        start = text.find(part, start + 1)
    return False


@dataclass(frozen=True)
class Card:
    topic: str
    id: str
    kind: str
    title: str
    front: str
    back: str
    sources: tuple[Source, ...]
    why: str = ""
    role: str = ""
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    value: float | int | str | None = None
    unit: str = ""
    as_of: str = ""
    series: str = ""
    prompts: tuple[Prompt, ...] = ()  # as written; see studied_prompts
    date: When | None = None          # when the event the card records happened
    event: str = ""                   # that event in one line, for the chronology
    group: str = ""                   # an actor's group on the actor map, as written
    relations: tuple[Relation, ...] = ()
    file: Path | None = field(default=None, compare=False)
    line: int = field(default=0, compare=False)

    @cached_property
    def studied_prompts(self) -> tuple[Prompt, ...]:
        """What Study asks: the card's prompts, or its front and back as one prompt."""
        return self.prompts or (Prompt(DEFAULT_PROMPT, QA, self.front, self.back),)

    @property
    def key(self) -> tuple[str, str]:
        """Progress is stored under this key, so it survives edits to the text."""
        return (self.topic, self.id)

    def __hash__(self) -> int:
        # By identity within a topic, not by every field: sessions keep cards in sets and
        # dicts, and hashing 50,000 cards field by field took a third of a second.
        return hash((self.topic, self.id))

    @property
    def years(self) -> tuple[int, ...]:
        """The publication years of the articles this card is drawn from."""
        return tuple(sorted({s.seed.year for s in self.sources if s.seed.year}))

    @property
    def value_text(self) -> str:
        """A figure's value as a reader sees it, with its unit."""
        if self.value is None:
            return ""
        value = self.value
        text = number_text(value) if isinstance(value, (int, float)) else str(value)
        return f"{text} {self.unit}".strip()

    @property
    def as_of_when(self) -> When | None:
        """The as-of date as a date, where it is one (free text such as "recent years" is not)."""
        return parse_optional(self.as_of) if looks_like_date(self.as_of) else None

    @property
    def as_of_label(self) -> str:
        """The as-of date as a reader sees it ("October 2003"), or "" where the value says it
        already: "1950–53 as of 1950–53" and "1953 Armistice Agreement as of 1953" repeat."""
        if not self.as_of:
            return ""
        when = self.as_of_when
        value = fold(str(self.value if self.value is not None else ""))
        for said in {self.as_of, when.label if when else self.as_of}:
            if _holds_words(value, fold(said)):
                return ""
        return when.label if when else self.as_of

    @property
    def as_of_text(self) -> str:
        """When a figure's value holds: "as of October 2003", or the card's own words when they
        say it already ("as reported in 2007"); "" where the value itself says it."""
        label = self.as_of_label
        return label if not label or label.lower().startswith("as ") else f"as of {label}"

    def search_text(self) -> str:
        """All the text a search box matches against, lowercased."""
        parts = [self.title, self.front, self.back, self.why, self.role, self.unit,
                 self.as_of, self.series, " ".join(self.tags), self.event]
        parts.extend(s.quote for s in self.sources)
        parts.extend(r.label for r in self.relations)
        if self.value is not None:
            parts.append(str(self.value))
        return "\n".join(parts).lower()


@dataclass(frozen=True)
class Judgment:
    """A key judgment of the topic's bottom line, with its sources."""

    text: str
    sources: tuple[Source, ...]
    date: When | None = None


@dataclass(frozen=True)
class GlossaryEntry:
    """A term of the topic's glossary, defined from the articles."""

    term: str
    definition: str
    sources: tuple[Source, ...]
    expansion: str = ""
    also: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class Side:
    """What one article says on a theme: a sentence (may be empty) and its quotes."""

    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Comparison:
    """A theme set side by side, as written in topic.yaml's comparisons."""

    theme: str
    earlier: Side
    later: Side
    related: tuple[str, ...] = ()


_card_id = attrgetter("id")


@dataclass(frozen=True)
class Topic:
    id: str
    path: Path
    title: str
    bottom_line: str = ""
    key_judgments: tuple[Judgment, ...] = ()
    seeds: tuple[Seed, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    cards: tuple[Card, ...] = ()
    problems: tuple[Problem, ...] = ()
    files: tuple[Path, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def card_ids(self):
        return self._by_id.keys()

    def card(self, card_id: str) -> Card | None:
        return self._by_id.get(card_id)

    @cached_property
    def _by_id(self) -> dict[str, Card]:
        by_id = dict(zip(map(_card_id, self.cards), self.cards, strict=True))  # in C, fast
        if len(by_id) < len(self.cards):  # an id used twice: the first card, as loaded
            by_id = {}
            for card in self.cards:
                by_id.setdefault(card.id, card)
        return by_id

    @cached_property
    def prompt_keys(self) -> tuple[frozenset[tuple[str, str]], dict[str, str]]:
        """The (card id, prompt id) of every studied prompt, and each card's first prompt id;
        made once per loaded topic, as counting what is due runs after every grade."""
        keys = frozenset((card.id, prompt.id) for card in self.cards
                         for prompt in card.studied_prompts)
        return keys, {card.id: card.studied_prompts[0].id for card in self.cards}

    def cards_of(self, kind: str) -> tuple[Card, ...]:
        return tuple(c for c in self.cards if c.kind == kind)

    def series(self) -> dict[str, tuple[Card, ...]]:
        """Figures grouped by series name, in deck order, for charts."""
        groups: dict[str, list[Card]] = {}
        for card in self.cards:
            if card.kind == "figure" and card.series:
                groups.setdefault(card.series, []).append(card)
        return {name: tuple(cards) for name, cards in groups.items()}

    @cached_property
    def tags(self) -> tuple[str, ...]:
        return tuple(sorted(self.cards_by_tag))

    @cached_property
    def prompts_by_kind(self) -> dict[str, int]:
        """How many prompts Study asks of each kind (a card without prompts is one)."""
        counts: dict[str, int] = {}
        for card in self.cards:
            counts[card.kind] = counts.get(card.kind, 0) + (len(card.prompts) or 1)
        return counts

    @cached_property
    def cards_by_tag(self) -> dict[str, tuple[Card, ...]]:
        """Each tag's cards in deck order: a tag chosen at 50,000 cards is a lookup, not a
        pass over every card."""
        found: dict[str, list[Card]] = {}
        for card in self.cards:
            for tag in card.tags:
                found.setdefault(tag, []).append(card)
        return {tag: tuple(cards) for tag, cards in found.items()}
