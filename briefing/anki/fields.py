"""A prompt as an Anki note: its note type, fields (escaped HTML), tags, identity and deck."""
from __future__ import annotations

import functools
import hashlib
import html
import re

from ..model import CLOZE, KIND_NAMES, Card, Prompt, Topic
from .note_type import CARD_NOTE, CLOZE_NOTE, FIELDS, PARENT_DECK, QA_NOTE, NoteType


def note_guid(card: Card, prompt: Prompt | None = None) -> str:
    """The note's identity in Anki: from topic, card and prompt id, never from the text.
    A card without prompts keeps the identity its one note always had."""
    name = f"briefing-cards/{card.topic}/{card.id}" + (f"/{prompt.id}" if prompt else "")
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:20]


def notes_of(card: Card, topic: Topic) -> list[tuple[NoteType, list[str], str]]:
    """(note type, fields, guid) of each note a card makes: one per prompt it studies."""
    values = _card_values(card, topic)  # the card's part of every note, made once
    if not card.prompts:
        return [(CARD_NOTE, _note_fields(card, values), note_guid(card))]
    notes = []
    for prompt in card.prompts:
        kind = CLOZE_NOTE if prompt.type == CLOZE else QA_NOTE
        notes.append((kind, _prompt_fields(kind, card, prompt, values), note_guid(card, prompt)))
    return notes


def note_count(card: Card) -> int:
    """How many notes notes_of makes of the card."""
    return len(card.prompts) or 1


# Control characters other than line breaks and tabs: U+001F is Anki's field
# separator (one in a back shifted every later field), and none of them shows.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f&<>]")  # controls, line breaks and markup


def field_html(text: str) -> str:
    """Card text as an Anki field: markup shows literally, line breaks stay, and
    control characters are dropped."""
    if not _SPECIAL.search(text):
        return text.strip()  # most text: nothing to escape, drop or break
    text = _CONTROLS.sub("", text.strip().replace("\r\n", "\n").replace("\r", "\n"))
    return html.escape(text, quote=False).replace("\n", "<br>")


def note_fields(card: Card, topic: Topic) -> list[str]:
    """A card-without-prompts note's fields, in the order of FIELDS."""
    return _note_fields(card, _card_values(card, topic))


def prompt_fields(kind: NoteType, card: Card, prompt: Prompt, topic: Topic) -> list[str]:
    """A prompt note's fields, in the order of its note type: the prompt, then the card."""
    return _prompt_fields(kind, card, prompt, _card_values(card, topic))


def _note_fields(card: Card, values: dict[str, str]) -> list[str]:
    values["Front"], values["Back"] = field_html(card.front), field_html(card.back)  # its own
    return [values[name] for name in FIELDS]


def _prompt_fields(kind: NoteType, card: Card, prompt: Prompt, values: dict[str, str]) -> list[str]:
    values = values | {"Question": field_html(prompt.question),
                       "Answer": field_html(prompt.answer), "Text": field_html(prompt.cloze),
                       "Card back": field_html(card.back),
                       "Prompt ID": field_html(f"{card.topic}/{card.id}/{prompt.id}")}
    return [values[name] for name in kind.fields]


def _card_values(card: Card, topic: Topic) -> dict[str, str]:
    related = []
    for other_id in card.related:
        other = topic.card(other_id)
        related.append(field_html(other.title if other else other_id))
    # Quotes in a row from one article share one citation: a long back stays short.
    parts: list[str] = []
    for index, source in enumerate(card.sources):
        parts.append(f'<div class="bc-quote">{field_html(source.quote)}</div>')
        after = card.sources[index + 1].seed if index + 1 < len(card.sources) else None
        if after is not source.seed and after != source.seed:
            parts.append(f'<div class="bc-cite">{field_html(source.seed.label)}</div>')
    sources = "".join(parts)
    return {
        "Kind": KIND_NAMES.get(card.kind, card.kind.capitalize()),
        "Title": field_html(card.title),
        "Role": field_html(card.role),
        "Value": field_html(card.value_text),
        "As of": field_html(card.as_of_text),
        "Why": field_html(card.why),
        "Source": sources,
        "Related": " &middot; ".join(related),
        "Topic": field_html(topic.title),
        "Card ID": field_html(f"{card.topic}/{card.id}"),
    }


def note_tags(card: Card) -> list[str]:
    """The kind and the card's tags; Anki separates tags by spaces, so none inside."""
    tags: list[str] = []
    for tag in (card.kind, *card.tags):
        tag = _tag_name(tag)
        if tag and tag not in tags:
            tags.append(tag)
    return tags


@functools.lru_cache(maxsize=4096)  # a topic has few tags, on thousands of cards
def _tag_name(tag: str) -> str:
    return _SPACES.sub("_", tag.strip())


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
