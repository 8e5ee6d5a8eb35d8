"""The topics the app has open, and the filters a student applies to them."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import topic_cache
from .model import Card, Problem, Topic
from .quotes import SeedTexts
from .search_index import SearchIndex
from .topics import find


@dataclass(frozen=True)
class CardFilter:
    """Which cards to show: one topic (or all), kinds, a tag, and search text."""

    topic: str | None = None
    kinds: frozenset[str] = frozenset()
    tag: str | None = None
    text: str = ""

    @property
    def words(self) -> list[str]:
        return self.text.lower().split()

    def but(self, **changes) -> CardFilter:
        """This filter with some of its parts changed, e.g. but(tag=None)."""
        return replace(self, **changes)

    def matches(self, card: Card) -> bool:
        """Kind and tag; the search words are matched by Library.cards."""
        if self.kinds and card.kind not in self.kinds:
            return False
        return not self.tag or self.tag in card.tags


@dataclass
class Library:
    """cache_dir keeps loaded topics between runs (see topic_cache); None reads YAML always."""

    paths: list[Path]
    cache_dir: Path | None = None
    topics: list[Topic] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # with the paths themselves
    seeds: SeedTexts = field(default_factory=SeedTexts)
    load: bool = True  # False: start empty (the app fills it from the cache, or a worker)

    def __post_init__(self):
        self._indexes: dict[str, SearchIndex] = {}  # topic id -> its search index
        if self.load and not self.topics and not self.problems:
            self.reload()

    def reload(self, progress: Callable[[Path, int, int], None] | None = None,
               early: Callable[[Topic], None] | None = None) -> None:
        """Every topic afresh; progress hears (topic folder, files read, files), early a
        topic's first card file read (see loader.load_topic)."""
        folders, self.problems = find(self.paths)
        # Only the first topic's cards come early: the window shows them first anyway.
        self.topics = [self._load(folder, progress, early if n == 0 else None)
                       for n, folder in enumerate(folders)]
        self._indexes = {}

    def show_early(self, topic: Topic) -> None:
        """Hold the first cards of a topic being read (see loader.load_topic, early)."""
        self.topics, self._indexes = [topic], {}

    def load_cached(self) -> list[Path]:
        """Take every topic from the cache if it holds them all (the app starts without
        reading YAML); else take nothing and return the folders it lacks."""
        folders, problems = find(self.paths)
        topics = [topic_cache.read(self.cache_dir, folder) if self.cache_dir else None
                  for folder in folders]
        missing = [folder for folder, topic in zip(folders, topics, strict=True) if topic is None]
        if not missing:
            self.topics, self.problems, self._indexes = topics, problems, {}
        return missing

    def take(self, other: Library) -> None:
        """Hold what another library (loaded on a worker) read."""
        self.topics, self.problems, self.seeds = other.topics, other.problems, other.seeds
        self._indexes = {}

    def reload_topic(self, folder: Path) -> Topic:
        """Read one topic again (after an edit) and swap it in."""
        topic = self._load(Path(folder))
        self.replace_topic(topic)
        return topic

    def _load(self, folder: Path, progress=None, early=None) -> Topic:
        if self.cache_dir is not None:
            cached = topic_cache.read(self.cache_dir, folder)
            if cached is not None:
                return cached
        from .loader import load_topic  # the YAML machinery, only when a topic changed
        topic = load_topic(folder, self.seeds, progress=progress and (
            lambda done, files: progress(folder, done, files)), early=early)
        if self.cache_dir is not None:
            topic_cache.write(self.cache_dir, folder, topic)
        return topic

    def replace_topic(self, topic: Topic) -> None:
        """Swap in a freshly loaded topic (after an edit), keeping the order."""
        for index, old in enumerate(self.topics):
            if old.path == topic.path:
                self.topics[index] = topic
                break
        else:
            self.topics.append(topic)
        self._indexes.pop(topic.id, None)

    def topic(self, topic_id: str | None) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def in_scope(self, wanted: CardFilter) -> list[Topic]:
        """The topic a filter names, or every topic."""
        topic = self.topic(wanted.topic)
        return [topic] if topic else list(self.topics)

    def topic_at(self, folder: Path) -> Topic | None:
        return next((t for t in self.topics if t.path == Path(folder)), None)

    def cards(self, wanted: CardFilter) -> list[Card]:
        topics = [self.topic(wanted.topic)] if wanted.topic else self.topics
        words = wanted.words
        result = []
        for topic in topics:
            if topic is None:
                continue
            if words:
                found = sorted(self._index(topic).matching(words))
                cards = list(map(topic.cards.__getitem__, found))
            elif wanted.tag:
                cards = topic.cards_by_tag.get(wanted.tag, ())
            else:
                cards = topic.cards
            if wanted.kinds or (wanted.tag and words):
                cards = [card for card in cards if wanted.matches(card)]
            result.extend(cards)
        return result

    def index_steps(self, chunk: int = 1000):
        """Make the search index of every topic, a step at a time (a generator), so the
        app can make them while idle and the first search finds them ready; each topic's
        cards by id too, which Statistics and links look up."""
        for topic in list(self.topics):
            if topic.id in self._indexes:
                continue
            for index in SearchIndex.in_steps(topic, chunk):
                if topic.id in self._indexes:
                    break  # a search made it meanwhile
                if index is None:
                    yield
                elif self.topic(topic.id) is topic:  # not read again meanwhile
                    self._indexes[topic.id] = index
                    yield
                    topic.card("")
                    topic.prompts_by_kind  # noqa: B018 - made now, while idle

    def _index(self, topic: Topic) -> SearchIndex:
        index = self._indexes.get(topic.id)
        if index is None:
            index = self._indexes[topic.id] = SearchIndex(topic)
        return index
