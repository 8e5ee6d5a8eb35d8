"""How much of each seed article the cards quote: the share of its sentences, where each
quote falls (for the article view to highlight, card by card), and the paragraphs
no card touches yet.

A sentence counts as covered when a card's or a key judgment's quote takes in
any of it: a figure often quotes one clause of a long sentence, and the reader
has still dealt with that sentence. Headings and the notes at the end are not
counted (sentences.py tells them apart).
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Seed, Topic
from .quotes import Locator, SeedTexts
from .sentences import BODY, Paragraph, paragraphs


@dataclass(frozen=True)
class QuoteSpan:
    """Where one quote stands in its article's text."""

    card: str      # the card's id, or key-judgment-N
    kind: str      # actor, objective, figure or judgment
    start: int
    end: int


@dataclass(frozen=True)
class SeedCoverage:
    topic: str
    seed: Seed
    text: str
    paragraphs: tuple[Paragraph, ...]
    spans: tuple[QuoteSpan, ...]          # in article order
    sentences: int                        # body sentences
    covered: int                          # body sentences some quote takes in
    counted: bool = True                  # False: sentences were not looked for

    @property
    def coverage(self) -> float:
        return self.covered / self.sentences if self.sentences else 0.0

    @property
    def uncovered(self) -> tuple[Paragraph, ...]:
        """Body paragraphs no quote touches."""
        return tuple(p for p in self.paragraphs if p.kind == BODY
                     and not any(s.start < p.end and p.start < s.end for s in self.spans))

    def is_covered(self, start: int, end: int) -> bool:
        return any(s.start < end and start < s.end for s in self.spans)


def quotes_of(topic: Topic) -> list[tuple[str, str, str, str]]:
    """(card id, kind, seed id, quote) of every source in the topic."""
    found = [(card.id, card.kind, s.seed.id, s.quote) for card in topic.cards for s in card.sources]
    for number, judgment in enumerate(topic.key_judgments, 1):
        found += [(f"key-judgment-{number}", "judgment", s.seed.id, s.quote)
                  for s in judgment.sources]
    return found


def seed_coverage(topic: Topic, seed: Seed, texts: SeedTexts | None = None,
                  count: bool = True) -> SeedCoverage:
    """Raises OSError or UnicodeDecodeError when the seed cannot be read. Without
    `count`, only where the quotes fall and which paragraphs none touches: counting
    sentences is the slow part (seconds a megabyte)."""
    text = (texts or SeedTexts()).text(seed.path)
    locator = Locator(text)
    spans = []
    for card, kind, seed_id, quote in quotes_of(topic):
        if seed_id != seed.id:
            continue
        where = locator.find(quote)
        if where:  # a quote not in its seed is `briefing check`'s to report
            spans.append(QuoteSpan(card, kind, *where))
    spans.sort(key=lambda s: (s.start, s.end, s.card))
    parts = tuple(paragraphs(text, sentences=count))
    body = [s for p in parts if p.kind == BODY for s in p.sentences]
    covered = sum(1 for a, b in body if any(s.start < b and a < s.end for s in spans))
    return SeedCoverage(topic.id, seed, text, parts, tuple(spans), len(body), covered, count)


def topic_coverage(topic: Topic, texts: SeedTexts | None = None) -> list[SeedCoverage]:
    """Each readable seed of the topic; an unreadable one is `check`'s to report."""
    texts = texts or SeedTexts()
    result = []
    for seed in topic.seeds:
        try:
            result.append(seed_coverage(topic, seed, texts))
        except (OSError, UnicodeDecodeError):
            continue
    return result


def record(found: SeedCoverage) -> dict:
    """The JSON object `briefing coverage --json` prints for one seed."""
    return {
        "topic": found.topic, "seed": found.seed.id, "seed_file": str(found.seed.path),
        "seed_title": found.seed.title, "coverage": round(found.coverage, 4),
        "sentences": found.sentences, "covered": found.covered,
        "uncovered_paragraphs": [
            {"index": p.index, "start": p.start, "end": p.end,
             "sentences": len(p.sentences), "text": found.text[p.start:p.end]}
            for p in found.uncovered],
        "spans": [{"card": s.card, "kind": s.kind, "start": s.start, "end": s.end}
                  for s in found.spans],
    }
