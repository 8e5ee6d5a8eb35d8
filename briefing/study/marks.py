"""What a student marks on prompts, as in Anki: suspend (never asked until unsuspended),
bury until tomorrow (not asked again today), flag (for a second look)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..progress import Mark, ProgressStore
from ..stats import end_of_day
from .items import Item

SUSPEND, BURY, FLAG = "suspend", "bury", "flag"


def prompts_of_item(item: Item) -> list[tuple[str, str, str]]:
    """The prompt keys an item stands for: its prompt, or every prompt of a whole card."""
    card = item.card
    if item.prompt is not None:
        return [item.key]
    return [(card.topic, card.id, prompt.id) for prompt in card.studied_prompts]


def apply(store: ProgressStore, item: Item, what: str, now: datetime) -> str:
    """Mark the item's prompts; say what was done, for the status bar. Suspend and flag
    toggle (both ways for all the item's prompts, following the first)."""
    keys = prompts_of_item(item)
    marks = store.marks(item.topic)
    first = marks.get(keys[0][1:], Mark())
    for topic, card, prompt in keys:
        mark = marks.get((card, prompt), Mark())
        if what == SUSPEND:
            mark = replace(mark, suspended=not first.suspended)
        elif what == BURY:
            mark = replace(mark, buried_until=end_of_day(now))
        elif what == FLAG:
            mark = replace(mark, flagged=not first.flagged)
        store.set_mark(topic, card, prompt, mark)
    whose = "this prompt" if item.prompt is not None and len(item.card.studied_prompts) > 1 \
        else f"'{item.card.title}'"
    if what == SUSPEND:
        return f"Unsuspended {whose}" if first.suspended else \
            f"Suspended {whose}: it is not asked until you unsuspend it (press @ again)"
    if what == BURY:
        return f"Buried {whose} until tomorrow"
    return f"Unflagged {whose}" if first.flagged else f"Flagged {whose}"


def mark_of(store: ProgressStore, item: Item) -> Mark:
    """The mark shown on screen: the item's first prompt's."""
    return store.marks(item.topic).get(prompts_of_item(item)[0][1:], Mark())
