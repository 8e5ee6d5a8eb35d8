"""The `briefing list --json` records of cards and topics: the stable contract for scripts.

Keys may be added, never renamed or removed."""
from __future__ import annotations

from .actor_map import group_of
from .model import CLOZE, Card, Prompt, Source, Topic


def source_record(source: Source) -> dict:
    return {"seed": str(source.seed.path), "quote": source.quote, "seed_id": source.seed.id,
            "seed_title": source.seed.title, "year": source.seed.year}


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
        "sources": [source_record(s) for s in card.sources],
        # What Study asks: the card's own prompts, or its front and back as one.
        "prompts": [prompt_record(p) for p in card.studied_prompts],
    }
    for name in ("why", "role", "unit", "as_of", "series", "event"):
        if getattr(card, name):
            record[name] = getattr(card, name)
    if card.value is not None:
        record["value"] = card.value
    if card.date is not None:
        record["date"] = card.date.as_json()
    if card.kind == "actor":
        record["group"] = group_of(card)
    if card.relations:
        record["relations"] = [{"to": r.to, "label": r.label, "type": r.type or None,
                                "sources": [source_record(s) for s in r.sources]}
                               for r in card.relations]
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


def topic_record(topic: Topic) -> dict:
    """A topic's own parts (`briefing list --json --topics`): header, glossary, comparisons."""
    def side(s):
        return {"text": s.text, "sources": [source_record(x) for x in s.sources]}
    return {
        "topic": topic.id,
        "path": str(topic.path),
        "title": topic.title,
        "bottom_line": topic.bottom_line,
        "seeds": [{"id": s.id, "file": str(s.path), "title": s.title,
                   "publication": s.publication, "year": s.year, "short": s.short_label}
                  for s in topic.seeds],
        "key_judgments": [{"text": j.text, "sources": [source_record(x) for x in j.sources],
                           **({"date": j.date.as_json()} if j.date else {})}
                          for j in topic.key_judgments],
        "glossary": [{"term": g.term, "expansion": g.expansion, "definition": g.definition,
                      "also": list(g.also), "related": list(g.related),
                      "sources": [source_record(x) for x in g.sources]} for g in topic.glossary],
        "comparisons": [{"theme": c.theme, "earlier": side(c.earlier), "later": side(c.later),
                         "related": list(c.related)} for c in topic.comparisons],
        "cards": len(topic.cards),
    }
