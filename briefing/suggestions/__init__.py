"""`briefing suggest`: draft cards whose quotes are verbatim by construction.

Each finder reads the seeds' body sentences (sentences.py) and proposes what no
card quotes yet: figures (figures.py), actors (actors.py) and objectives
(objectives.py). A quote is always a slice of the seed's own text, so it keeps
the article's hedges and passes `briefing check`. Rejected suggestions are
remembered in the topic folder (rejected.py) and not offered again.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..authoring import slug
from ..coverage import SeedCoverage, topic_coverage
from ..model import Topic
from ..quotes import SeedTexts, fold


@dataclass(frozen=True)
class Suggestion:
    kind: str                 # actor, objective or figure
    title: str
    quote: str                # text[start:end] of the seed, verbatim
    seed: str                 # the seed's id
    start: int
    end: int
    reason: str               # why it is suggested, in a few words
    value: float | int | str | None = None
    unit: str = ""
    as_of: str = ""
    role: str = ""
    # What makes it the same suggestion next time (a figure's number, an actor's name).
    identity: str = field(default="", compare=False)

    @property
    def id(self) -> str:
        """Stable across runs and card edits, so a rejection sticks."""
        basis = "\n".join((self.kind, self.seed if self.kind != "actor" else "",
                           self.identity or fold(self.quote)))
        return f"{self.kind}-{hashlib.sha256(basis.encode()).hexdigest()[:10]}"

    @property
    def card_id(self) -> str:
        return slug(self.title, 6)


def suggest(topic: Topic, texts: SeedTexts | None = None, rejected: set[str] = frozenset(),
            kinds=("figure", "actor", "objective"),
            coverage: list[SeedCoverage] | None = None) -> list[Suggestion]:
    """Suggestions for the topic, rejected ones left out, in seed and article order;
    `coverage` (of some of its seeds) when the caller has measured it already."""
    from . import actors, figures, objectives

    seeds = coverage if coverage is not None else topic_coverage(topic, texts or SeedTexts())
    found: list[Suggestion] = []
    if "figure" in kinds:
        found += [s for c in seeds for s in figures.find(c)]
    if "actor" in kinds:
        found += actors.find(topic, seeds)
    if "objective" in kinds:
        found += [s for c in seeds for s in objectives.find(c)]
    order = {c.seed.id: n for n, c in enumerate(seeds)}
    unique = {s.id: s for s in found if s.id not in rejected}
    return sorted(unique.values(), key=lambda s: (order.get(s.seed, 0), s.start, s.kind))


def record(suggestion: Suggestion) -> dict:
    """The JSON object `briefing suggest --json` prints."""
    out = {"id": suggestion.id, "kind": suggestion.kind, "title": suggestion.title,
           "quote": suggestion.quote, "seed": suggestion.seed, "card_id": suggestion.card_id,
           "start": suggestion.start, "end": suggestion.end, "reason": suggestion.reason}
    if suggestion.kind == "figure":
        out.update(value=suggestion.value, unit=suggestion.unit, as_of=suggestion.as_of)
    if suggestion.role:
        out["role"] = suggestion.role
    return out


def body_sentences(found: SeedCoverage):
    """(start, end) of each body sentence of a seed."""
    return [s for p in found.paragraphs if p.kind == "body" for s in p.sentences]


__all__ = ["Suggestion", "suggest", "record", "body_sentences"]
