"""A card as an Anki note: its fields (escaped HTML), tags, identity and deck."""
from __future__ import annotations

import hashlib
import html
import itertools
import re

from ..model import KIND_NAMES, Card, Topic
from .note_type import FIELDS, PARENT_DECK


def note_guid(card: Card) -> str:
    """The note's identity in Anki: from topic and card id, never from the text."""
    digest = hashlib.sha256(f"briefing-cards/{card.topic}/{card.id}".encode("utf-8")).hexdigest()
    return digest[:20]


# Control characters other than line breaks and tabs: U+001F is Anki's field
# separator (one in a back shifted every later field), and none of them shows.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def field_html(text: str) -> str:
    """Card text as an Anki field: markup shows literally, line breaks stay, and
    control characters are dropped."""
    text = _CONTROLS.sub("", text.strip().replace("\r\n", "\n").replace("\r", "\n"))
    return html.escape(text, quote=False).replace("\n", "<br>")


def note_fields(card: Card, topic: Topic) -> list[str]:
    """The note's fields, in the order of FIELDS."""
    related = []
    for other_id in card.related:
        other = topic.card(other_id)
        related.append(field_html(other.title if other else other_id))
    # Quotes in a row from one article share one citation: a long back stays short.
    sources = "".join(
        "".join(f'<div class="bc-quote">{field_html(source.quote)}</div>' for source in group)
        + f'<div class="bc-cite">{field_html(seed.label)}</div>'
        for seed, group in itertools.groupby(card.sources, key=lambda source: source.seed))
    values = {
        "Front": field_html(card.front),
        "Back": field_html(card.back),
        "Kind": KIND_NAMES.get(card.kind, card.kind.capitalize()),
        "Title": field_html(card.title),
        "Role": field_html(card.role),
        "Value": field_html(card.value_text),
        "As of": field_html(card.as_of),
        "Why": field_html(card.why),
        "Source": sources,
        "Related": " &middot; ".join(related),
        "Topic": field_html(topic.title),
        "Card ID": field_html(f"{card.topic}/{card.id}"),
    }
    return [values[name] for name in FIELDS]


def note_tags(card: Card) -> list[str]:
    """The kind and the card's tags; Anki separates tags by spaces, so none inside."""
    tags: list[str] = []
    for tag in (card.kind, *card.tags):
        tag = re.sub(r"\s+", "_", tag.strip())
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def deck_names(topics: list[Topic]) -> dict[str, str]:
    """Topic id -> its deck's full name, nested under PARENT_DECK and unique."""
    names: dict[str, str] = {}
    for topic in topics:
        # "::" would nest the deck one level deeper than meant.
        title = " ".join(topic.title.split()).replace("::", ":") or topic.id
        name = f"{PARENT_DECK}::{title}"
        if name in names.values():
            name = f"{PARENT_DECK}::{title} ({topic.id})"
        names[topic.id] = name
    return names
