"""The `briefing list --json` record of a card: the stable contract for scripts."""
from __future__ import annotations

from .model import CLOZE, Card, Prompt


def card_record(card: Card) -> dict:
    record = {
        "topic": card.topic,
        "id": card.id,
        "kind": card.kind,
        "title": card.title,
        "front": card.front,
        "back": card.back,
        "tags": list(card.tags),
        "related": list(card.related),
        "sources": [{"seed": str(s.seed.path), "quote": s.quote, "seed_id": s.seed.id,
                     "seed_title": s.seed.title, "year": s.seed.year} for s in card.sources],
        # What Study asks: the card's own prompts, or its front and back as one.
        "prompts": [prompt_record(p) for p in card.studied_prompts],
    }
    for name in ("why", "role", "unit", "as_of", "series"):
        if getattr(card, name):
            record[name] = getattr(card, name)
    if card.value is not None:
        record["value"] = card.value
    if card.file is not None:
        record["file"] = str(card.file)
        record["line"] = card.line
    return record


def prompt_record(prompt: Prompt) -> dict:
    record = {"id": prompt.id, "type": prompt.type, "front": prompt.question, "back": prompt.back}
    if prompt.type == CLOZE:
        record["answer"] = prompt.answer
        record["cloze"] = prompt.cloze
        if prompt.seed:
            record["seed_id"] = prompt.seed
    return record
