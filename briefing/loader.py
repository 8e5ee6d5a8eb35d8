"""Load topic folders: parse, validate, cross-check, and build the model.

A topic is a folder holding topic.yaml (title, bottom line, seeds) and any
number of other *.yaml files with cards. Every problem is collected with its
file, line and column; a broken topic never stops another from loading.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from . import dates
from .card_links import Built, Links
from .collector import paused_collection
from .file_reads import FileRead, LoadCache, read_file
from .model import (
    KINDS,
    Card,
    Comparison,
    GlossaryEntry,
    Judgment,
    Problem,
    Relation,
    Seed,
    Side,
    Source,
    Topic,
)
from .prompts import read_prompts
from .quotes import MIN_QUOTE, TOO_SHORT, Article, SeedTexts, fold
from .topics import TOPIC_FILE, YAML_SUFFIXES, card_files, find
from .validator import INVALID, Hints, Located, clip

HEADER = ("title", "bottom_line", "seeds")
TOPIC_ONLY = HEADER + ("key_judgments", "glossary", "comparisons")
# A whole topic, over all its files (each file has its own limits, in yamlfile):
# room for 50,000 cards (the performance target; `check` reads them in about
# 8 s and 400 MiB). Past either bound the rest of the topic is not read, so
# many files each under the per-file limits cannot add up to minutes and GBs.
MAX_TOPIC_CARDS = 50_000
MAX_TOPIC_BYTES = 128 * 1024 * 1024


def load_all(paths, seeds: SeedTexts | None = None) -> tuple[list[Topic], list[Problem]]:
    """Every topic under the given paths, and problems with the paths themselves."""
    seeds = seeds or SeedTexts()
    folders, problems = find(paths)
    return [load_topic(folder, seeds) for folder in folders], problems


def load_topic(folder: Path, seeds: SeedTexts | None = None,
               texts: dict[Path, str] | None = None, cache: LoadCache | None = None,
               progress: Callable[[int, int], None] | None = None,
               early: Callable[[Topic], None] | None = None) -> Topic:
    """Load one topic folder; texts gives unsaved text to use instead of a file's (or for
    a card file of the folder not written yet); progress hears (files read so far, files)
    before each file, and may raise to stop the load. early hears, once, the topic with
    the cards of its first card file when more files follow (the first start shows a
    card before the whole topic is read); those cards are as the whole load makes them,
    but the checks across files have not run."""
    seeds = seeds or (cache.seeds if cache is not None else SeedTexts())
    with paused_collection():
        return _TopicBuilder(Path(folder), seeds, texts or {}, cache, progress, early).build()


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reading it says why


class _TopicBuilder:
    def __init__(self, folder: Path, seeds: SeedTexts, unsaved: dict[Path, str],
                 cache: LoadCache | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 early: Callable[[Topic], None] | None = None):
        self.folder = folder
        self.progress = progress or (lambda done, files: None)
        self.early = early
        self.texts = seeds
        self.unsaved = unsaved
        self.cache = cache
        self.hint = Hints()
        self.problems: list[Problem] = []
        self.seeds: dict[str, Seed] = {}
        self.has_header = False
        self.unreadable = False  # a file of the topic could not be parsed
        self.declared: set[str] = set()  # every card id written, even on a card that failed
        self.cards: list[Card] = []
        self.first_seen: dict[str, tuple[str, int]] = {}  # card id -> file, line of its first use
        # What the checks across files need of each card, once every card is read.
        self.links: dict[str, Links] = {}
        self.articles: dict[Path, Article | None] = {}
        self._ids: set[str] | None = None

    def report(self, path: str, at: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(path, at[0], at[1], message))

    def build(self) -> Topic:
        files, problems = card_files(self.folder)
        # A card file not written yet (a new card's own file) is read from its text.
        files += [path for path in self.unsaved if path.parent == self.folder
                  and path.suffix in YAML_SUFFIXES and path not in files]
        files.sort(key=lambda p: (p.name != TOPIC_FILE, p.name))
        self.problems.extend(problems)
        self.unreadable = bool(problems)  # a card may be in what could not be read
        topic_path = self.folder / TOPIC_FILE
        header: Located | None = None
        if topic_path not in files and not any(p.path == str(topic_path) for p in problems):
            self.report(str(topic_path), (1, 1),
                        "topic folder has no topic.yaml (it gives title, bottom_line and seeds)")
        size = cards = 0
        for done, path in enumerate(files):
            self.progress(done, len(files))
            shown = str(path)
            size += len(self.unsaved[path]) if path in self.unsaved else _size(path)
            if size > MAX_TOPIC_BYTES:
                self._past_bound(shown, (1, 1), "the topic's files hold more than "
                                 f"{MAX_TOPIC_BYTES // 2**20} MiB together")
                break
            read = read_file(path, shown, self.unsaved, self.cache)
            self.problems.extend(read.problems)
            if read.value is None:
                self.unreadable = True
                continue
            if cards + len(read.starts) > MAX_TOPIC_CARDS:
                self._past_bound(shown, read.starts[MAX_TOPIC_CARDS - cards],
                                 f"the topic holds more than {MAX_TOPIC_CARDS:,} cards, and "
                                 f"this is card {MAX_TOPIC_CARDS + 1:,}")
                break
            cards += len(read.starts)
            self.declared.update(read.declared)
            self.problems.extend(read.checked)
            value = read.value
            if value is INVALID:
                continue
            if path == topic_path:
                # topic.yaml comes first, so its seeds are known before any card is built.
                header = value
                self.has_header = True
                self._check_header(shown, value)
                self._read_seeds(shown, header.get("seeds", []))
            else:
                for key in TOPIC_ONLY:
                    if key in value:
                        self.report(shown, value.at(key), f"'{key}' belongs in topic.yaml")
            # Cards are built file by file and the checked mapping let go: keeping every
            # file's mappings for the checks across files doubled the peak memory.
            for built in self._built(path, shown, read):
                self._take(shown, built)
            read = value = None
            if self.early is not None and path != topic_path and done + 1 < len(files):
                self._tell_early(header, files)
        if self.cache is not None:  # a file gone from the folder is not kept
            self.cache.files = {p: r for p, r in self.cache.files.items() if p in files}
        self._check_related()
        self._check_relations()
        self._check_series()
        return self._topic(header, files)

    def _tell_early(self, header: Located | None, files: list[Path]) -> None:
        early, self.early = self.early, None  # once
        outer, self.problems = self.problems, []  # the whole load reports them
        try:
            topic = self._topic(header, files, problems=False)
        finally:
            self.problems = outer
            self._ids = None  # the ids known so far: the whole load knows them all
        early(topic)

    def _topic(self, header: Located | None, files: list[Path], problems: bool = True) -> Topic:
        header = header or {}
        shown = str(self.folder / TOPIC_FILE)
        judgments = tuple(
            Judgment(j["text"], self._sources(shown, j.get("sources", [])), self._date(shown, j))
            for j in header.get("key_judgments", []) if "text" in j)
        return Topic(
            id=self.folder.name,
            path=self.folder,
            title=header.get("title", self.folder.name),
            bottom_line=header.get("bottom_line", ""),
            key_judgments=judgments,
            seeds=tuple(self.seeds.values()),
            glossary=self._glossary(shown, header.get("glossary", [])),
            comparisons=self._comparisons(shown, header.get("comparisons", [])),
            # Actors, then objectives, then figures, as a briefing reads; within a kind,
            # file order then the author's order.
            cards=tuple(sorted(self.cards, key=lambda card: KINDS.index(card.kind))),
            problems=tuple(sorted(set(self.problems))) if problems else (),
            files=tuple(files),
        )

    def _built(self, path: Path, shown: str, read: FileRead) -> list[Built]:
        """The file's cards; with a cache, a card is built again only when its checked
        mapping is new (the memo hands back the same one while the card's text and place
        are unchanged) or the seeds changed."""
        if self.cache is None:
            return [b for raw in read.value.get("cards", [])
                    if (b := self._build_card(path, shown, raw)) is not None]
        # Seeds compare by value, articles by identity: the cache's SeedTexts hands out
        # the same Article until its file changes.
        context = (self.has_header, tuple(self.seeds.items()), tuple(self.articles.items()))
        built_for, before = self.cache.built.get(path, (None, {}))
        if built_for != context:
            before = {}
        now = {}
        for raw in read.value.get("cards", []):
            known = before.get(id(raw))
            if known is None or known[0] is not raw:
                known = (raw, self._build_card(path, shown, raw))
            now[id(raw)] = known
        self.cache.built[path] = (context, now)
        return [b for _raw, b in now.values() if b is not None]

    def _past_bound(self, shown: str, at: tuple[int, int], what: str) -> None:
        self.report(shown, at, f"{what}; split it into several topics (this file and the "
                               "ones after it are not read)")
        self.unreadable = True

    def _check_header(self, shown: str, header: Located) -> None:
        if not any(key in header for key in HEADER):
            self.report(shown, header.mark, "topic.yaml needs title, bottom_line and seeds")

    def _read_seeds(self, shown: str, entries) -> None:
        for entry in entries:
            if "id" not in entry or "file" not in entry:
                continue
            if entry["id"] in self.seeds:
                self.report(shown, entry.at("id"), f"duplicate seed id '{clip(entry['id'])}'")
                continue
            path = Path(os.path.normpath(self.folder / entry["file"]))
            self.articles[path] = None
            try:
                self.articles[path] = self.texts.article(path)
            except FileNotFoundError:
                self.report(shown, entry.at("file"), f"seed file not found: {path}")
            except (OSError, UnicodeDecodeError) as error:
                reason = "not UTF-8 text" if isinstance(error, UnicodeDecodeError) \
                    else (error.strerror or str(error))
                self.report(shown, entry.at("file"), f"cannot read seed file {path}: {reason}")
            self.seeds[entry["id"]] = Seed(
                id=entry["id"], path=path, title=entry.get("title", entry["id"]),
                publication=entry.get("publication", ""), year=entry.get("year"),
                author=entry.get("author", ""), date=str(entry.get("date", "")),
                short=entry.get("short", ""))

    def _sources(self, shown: str, entries) -> tuple[Source, ...]:
        sources = []
        for entry in entries:
            if "seed" not in entry or "quote" not in entry:
                continue
            seed = self.seeds.get(entry["seed"])
            if seed is None:
                if not self.has_header:
                    continue  # no topic.yaml to list seeds: already reported
                known = clip(", ".join(self.seeds) or "none")
                hint = self.hint(entry["seed"], self.seeds)
                self.report(shown, entry.at("seed"),
                            f"unknown seed '{clip(entry['seed'])}'{hint}; "
                            f"topic.yaml lists: {known}")
                continue
            wanted = fold(entry["quote"])
            if len(wanted) < MIN_QUOTE:
                self.report(shown, entry.at("quote"), TOO_SHORT)
                sources.append(Source(seed, entry["quote"]))
                continue
            article = self._article(seed.path)
            found = article is None or article.contains_folded(wanted)  # None: reported
            if not found:
                self.report(shown, entry.at("quote"), self._quote_miss(seed, entry["quote"]))
            sources.append(Source(seed, entry["quote"]))
        return tuple(sources)

    def _cloze_quote(self, shown: str, at: tuple[int, int], seed_id: str, text: str) -> None:
        """A cloze over a verbatim passage is checked against its seed like a quote."""
        seed = self.seeds.get(seed_id)
        if seed is None:
            if self.has_header:
                hint = self.hint(seed_id, self.seeds)
                self.report(shown, at, f"unknown seed '{clip(seed_id)}'{hint}; topic.yaml lists: "
                            f"{clip(', '.join(self.seeds) or 'none')}")
            return
        article = self._article(seed.path)
        if article is None:
            return  # the seed itself is already reported
        if not article.contains(text):
            self.report(shown, at, "cloze text (with the deletion filled in) " +
                        self._quote_miss(seed, text).removeprefix("quote "))

    def _article(self, path: Path) -> Article | None:
        """The seed article, read (or its file's stamp checked) once in a load, not once a
        quote; None when it cannot be read, which _read_seeds reported."""
        if path not in self.articles:
            try:
                self.articles[path] = self.texts.article(path)
            except (OSError, UnicodeDecodeError):
                self.articles[path] = None
        return self.articles[path]

    def _quote_miss(self, seed: Seed, quote: str) -> str:
        """Say where the quote leaves the article, so a typo is quick to find."""
        article = self._article(seed.path).folded
        wanted = fold(quote)
        low, high = 0, len(wanted)
        while low < high:  # longest prefix of the quote that the article contains
            mid = (low + high + 1) // 2
            if wanted[:mid] in article:
                low = mid
            else:
                high = mid - 1
        name = seed.path.name
        if low < 12:
            return f"quote not found in seed {name}"
        return (f"quote not found in seed {name}: it matches up to "
                f"'...{wanted[max(0, low - 30):low]}' then differs at '{wanted[low:low + 20]}'")

    def _take(self, shown: str, built: Built) -> None:
        """A built card joins the topic, unless a file before it used its id."""
        card = built.card
        if card.id in self.first_seen:
            self.report(shown, built.id_at,
                        f"duplicate card id '{clip(card.id)}' (first at "
                        f"{':'.join(map(str, self.first_seen[card.id]))})")
            return
        self.first_seen[card.id] = (shown, card.line)
        self.cards.append(card)
        self.links[card.id] = built.links
        self.problems.extend(built.problems)

    def _build_card(self, path: Path, shown: str, raw) -> Built | None:
        # A card missing other fields still gets its id, related and quotes
        # checked, so one pass of `check` shows everything that is wrong.
        if not isinstance(raw, dict) or "id" not in raw or "kind" not in raw:
            return None
        outer, self.problems = self.problems, []  # this card's own problems, kept with it
        try:
            return self._new_card(path, shown, raw)
        finally:
            self.problems = outer

    def _new_card(self, path: Path, shown: str, raw) -> Built:
        card_id = raw["id"]
        card = Card(
            topic=self.folder.name, id=card_id, kind=raw["kind"],
            title=raw.get("title", card_id), front=raw.get("front", ""),
            back=raw.get("back", ""), sources=self._sources(shown, raw.get("sources", [])),
            why=raw.get("why", ""), role=raw.get("role", ""),
            tags=tuple(raw.get("tags", ())), related=tuple(raw.get("related", ())),
            value=raw.get("value"), unit=raw.get("unit", ""), as_of=str(raw.get("as_of", "")),
            series=raw.get("series", ""),
            prompts=read_prompts(raw.get("prompts"), shown, self.report, self._cloze_quote),
            date=self._date(shown, raw), event=raw.get("event", ""),
            group=raw.get("group", ""), relations=self._relations(shown, raw),
            file=path, line=raw.mark[0])
        if dates.looks_like_date(raw.get("as_of")):
            self._date(shown, raw, "as_of")  # free text is fine; a date must be a real one
        if "event" in raw and "date" not in raw:
            self.report(shown, raw.at("event"), "event needs a date: the chronology lists "
                                                "the event at it")
        return Built(card, Links.of(shown, raw), raw.at("id"), self.problems)

    def _date(self, shown: str, raw, key: str = "date") -> dates.When | None:
        if key not in raw:
            return None
        try:
            return dates.parse(raw[key])
        except dates.DateError as error:
            self.report(shown, raw.at(key), dates.problem(key, clip(raw[key]), error))
            return None

    def _relations(self, shown: str, raw) -> tuple[Relation, ...]:
        return tuple(Relation(entry["to"], entry["label"],
                              self._sources(shown, entry.get("sources", [])), entry.get("type", ""))
                     for entry in raw.get("relations", ()) if "to" in entry and "label" in entry)

    def _check_related(self) -> None:
        for card_id, links in self.links.items():
            self._check_links(links.shown, links.related, card_id)

    def _check_links(self, shown: str, links, owner: str | None = None,
                     what: str = "related id") -> None:
        """Report each id that names no card in the topic (or the owner itself)."""
        if not links or self.unreadable:
            return  # the missing ids may well be in the file that failed: fix that first
        ids = self._known_ids()
        for other, at in zip(links, links.marks, strict=True):
            if other == owner:
                self.report(shown, at, f"card '{clip(owner)}' lists itself as related"
                            if what == "related id" else f"card '{clip(owner)}' has a "
                                                         "relation to itself")
            elif other not in ids:
                hint = self.hint(other, ids)
                self.report(shown, at, f"{what} '{clip(other)}' is not a card in this topic{hint}")

    def _known_ids(self) -> set[str]:
        """Every card id, worked out once, after all the cards are read."""
        if self._ids is None:
            # A card dropped for another problem (an unknown kind, say) still names its
            # id: links to it are not broken, and saying so would bury the real problem.
            self._ids = {card.id for card in self.cards} | self.declared
        return self._ids

    def _check_relations(self) -> None:
        kinds = {card.id: card.kind for card in self.cards}
        for card_id, links in self.links.items():
            targets = links.relations
            if not targets:
                continue
            shown = links.shown
            self._check_links(shown, targets, card_id, "relation to")
            for target, at in zip(targets, targets.marks, strict=True):
                kind = kinds.get(target)
                if kind not in (None, "actor"):
                    self.report(shown, at, f"relation to '{clip(target)}': it is "
                                           f"an {kind} card, and relations link actors")

    def _glossary(self, shown: str, entries) -> tuple[GlossaryEntry, ...]:
        found, seen = [], {}
        for entry in entries:
            if "term" not in entry or "definition" not in entry:
                continue
            also = entry.get("also", [])
            marks = getattr(also, "marks", [entry.at("also")] * len(also))
            names = [(entry["term"], entry.at("term")), *zip(also, marks, strict=True)]
            for name, at in names:
                key = fold(name).casefold()
                if key in seen:
                    self.report(shown, at, f"glossary term '{clip(name)}' is defined twice "
                                           f"(first at line {seen[key]})")
                seen.setdefault(key, at[0])
            self._check_links(shown, entry.get("related"))
            found.append(GlossaryEntry(entry["term"], entry["definition"],
                                       self._sources(shown, entry.get("sources", [])),
                                       expansion=entry.get("expansion", ""), also=tuple(also),
                                       related=tuple(entry.get("related", ()))))
        return tuple(found)

    def _comparisons(self, shown: str, entries) -> tuple[Comparison, ...]:
        found = []
        for entry in entries:
            if not all(key in entry for key in ("theme", "earlier", "later")):
                continue
            earlier, later = (Side(entry[key].get("text", ""),
                                   self._sources(shown, entry[key].get("sources", [])))
                              for key in ("earlier", "later"))
            self._check_order(shown, entry, earlier, later)
            self._check_links(shown, entry.get("related"))
            found.append(Comparison(entry["theme"], earlier, later,
                                    tuple(entry.get("related", ()))))
        return tuple(found)

    def _check_order(self, shown: str, entry, earlier: Side, later: Side) -> None:
        """The earlier side cites only articles older than every article the later one cites."""
        theme = clip(entry["theme"])
        for key, side in (("earlier", earlier), ("later", later)):
            for source in side.sources:
                if source.seed.year is None:
                    self.report(shown, entry.at(key), f"comparison '{theme}': seed "
                                f"'{clip(source.seed.id)}' has no year, so it is neither earlier "
                                "nor later; give it a year in seeds")
                    return
        if not earlier.sources or not later.sources:
            return
        old = max(earlier.sources, key=lambda s: s.seed.year).seed
        new = min(later.sources, key=lambda s: s.seed.year).seed
        if old.year >= new.year:
            self.report(shown, entry.at("later"), f"comparison '{theme}': the earlier side cites "
                        f"'{clip(old.id)}' ({old.year}), which is not older than the later "
                        f"side's '{clip(new.id)}' ({new.year})")

    def _check_series(self) -> None:
        first_of: dict[str, Card] = {}
        for card in self.cards:
            if card.kind != "figure" or not card.series:
                continue
            links = self.links[card.id]
            if links.value_at is not None and not isinstance(card.value, (int, float)):
                self.report(links.shown, links.value_at, f"figure '{clip(card.id)}' is in series "
                            f"'{clip(card.series)}', so its value must be a number to chart")
            first = first_of.setdefault(card.series, card)
            if first.unit != card.unit:
                self.report(links.shown, links.unit_at, f"series '{clip(card.series)}' mixes "
                            f"units: '{clip(card.unit)}' here, '{clip(first.unit)}' on "
                            f"'{clip(first.id)}'")
