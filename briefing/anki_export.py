"""Export topics to an Anki package (.apkg), so the cards can be reviewed on a phone.

One deck per topic under a "Briefing Cards" parent deck, one note per card. The
note type, deck and note ids come from fixed strings and the topic and card ids,
so importing a newer export updates the notes already in Anki instead of
adding copies. genanki is imported here only, and only when an export runs.
"""
from __future__ import annotations

import hashlib
import html
import io
import itertools
import re
import sqlite3
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import clock
from .atomic import WriteError, write_bytes
from .model import KIND_NAMES, Card, Topic

PARENT_DECK = "Briefing Cards"

# Anki matches a re-imported note type by id and updates notes only while the
# field and template *names* are unchanged (it hashes them): never rename or
# reorder FIELDS or TEMPLATE_NAME. Bump NOTE_TYPE_VERSION instead, which makes a
# new note type (new id) beside the old one.
NOTE_TYPE_VERSION = 1
NOTE_TYPE_NAME = "Briefing Cards"
TEMPLATE_NAME = "Briefing card"

FIELDS = ("Front", "Back", "Kind", "Title", "Role", "Value", "As of", "Why", "Source",
          "Related", "Topic", "Card ID")

FRONT = """\
<div class="bc">
  <div class="bc-meta"><span class="bc-kind">{{Kind}}</span>\
<span class="bc-topic">{{Topic}}</span></div>
  <div class="bc-question">{{Front}}</div>
</div>
"""

BACK = """\
{{FrontSide}}
<div class="bc bc-answer">
  <hr id="answer">
  <div class="bc-title">{{Title}}{{#Role}}<span class="bc-role">{{Role}}</span>{{/Role}}</div>
  {{#Value}}<div class="bc-value">{{Value}}</div>{{/Value}}
  {{#As of}}<div class="bc-as-of">as of {{As of}}</div>{{/As of}}
  <div class="bc-back">{{Back}}</div>
  {{#Why}}<div class="bc-why"><div class="bc-label">Why it matters</div>{{Why}}</div>{{/Why}}
  {{#Source}}<div class="bc-sources"><div class="bc-label">Source</div>{{Source}}</div>{{/Source}}
  {{#Related}}<div class="bc-related"><span class="bc-label">See also</span> {{Related}}</div>\
{{/Related}}
</div>
"""

# Colours are variables so dark mode only swaps the palette. Anki desktop and
# AnkiMobile mark dark mode with .nightMode, AnkiDroid with .night_mode; the
# class sits on the same element as .card (the body) or on an ancestor.
CSS = """\
.card {
  --bc-bg: #fbfaf7;
  --bc-fg: #1f2328;
  --bc-muted: #5d6670;
  --bc-accent: #1f5fa8;
  --bc-accent-bg: #e4edf8;
  --bc-rule: #d9dde2;
  --bc-quote-bg: #f1efe9;
  background-color: var(--bc-bg);
  color: var(--bc-fg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 19px;
  line-height: 1.45;
  text-align: left;
}
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
  --bc-bg: #1f2124;
  --bc-fg: #e6e8eb;
  --bc-muted: #a2aab3;
  --bc-accent: #7cb4f2;
  --bc-accent-bg: #203247;
  --bc-rule: #3a3f46;
  --bc-quote-bg: #2a2d31;
}
.bc { max-width: 34em; margin: 0 auto; padding: 0 0.75em; }
.bc-meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4em 0.8em;
  margin: 0.6em 0 0.9em; font-size: 0.72em; }
.bc-kind { color: var(--bc-accent); background: var(--bc-accent-bg); border-radius: 1em;
  padding: 0.15em 0.75em; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; }
.bc-topic { color: var(--bc-muted); }
.bc-question { font-size: 1.3em; font-weight: 600; }
#answer { margin: 1.1em 0; border: 0; border-top: 1px solid var(--bc-rule); }
.bc-title { font-weight: 700; margin-bottom: 0.3em; }
.bc-role { color: var(--bc-muted); font-weight: 400; }
.bc-role::before { content: " \\2014  "; }
.bc-value { color: var(--bc-accent); font-size: 2.2em; font-weight: 700; line-height: 1.15;
  font-variant-numeric: tabular-nums; margin: 0.2em 0 0; }
.bc-as-of { color: var(--bc-muted); font-size: 0.85em; margin-bottom: 0.6em; }
.bc-back { margin: 0.5em 0 0.9em; }
.bc-label { color: var(--bc-muted); font-size: 0.68em; font-weight: 600; letter-spacing: 0.08em;
  text-transform: uppercase; margin-bottom: 0.2em; }
.bc-why { margin: 0.9em 0; }
.bc-sources { margin: 0.9em 0; font-size: 0.85em; }
.bc-quote { margin: 0.3em 0 0.2em; padding: 0.5em 0.8em; background: var(--bc-quote-bg);
  border-left: 3px solid var(--bc-accent); border-radius: 0 0.3em 0.3em 0; font-style: italic; }
.bc-cite { color: var(--bc-muted); font-size: 0.9em; margin-bottom: 0.6em; }
.bc-related { color: var(--bc-muted); font-size: 0.8em; margin: 0.9em 0 0.6em; }
.bc-related .bc-label { margin-right: 0.4em; }
"""


class AnkiExportError(Exception):
    """An export that could not be done; the message is meant for the user."""


@dataclass(frozen=True)
class AnkiReport:
    """What an export wrote."""

    output: Path
    notes: int
    decks: tuple[str, ...]

    @property
    def summary(self) -> str:
        notes, decks = self.notes, len(self.decks)
        return f"{notes} note{'s' * (notes != 1)} in {decks} deck{'s' * (decks != 1)}"


def stable_id(*parts: str) -> int:
    """An Anki note type or deck id that is the same in every export.

    In [2**30, 2**31), the range genanki suggests, far below Anki's own
    millisecond-timestamp ids, so it will not collide with a user's decks.
    """
    digest = hashlib.sha256("/".join(("briefing-cards",) + parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def note_guid(card: Card) -> str:
    """The note's identity in Anki: from topic and card id, never from the text."""
    digest = hashlib.sha256(f"briefing-cards/{card.topic}/{card.id}".encode("utf-8")).hexdigest()
    return digest[:20]


def field_html(text: str) -> str:
    """Card text as an Anki field: markup shows literally, line breaks stay."""
    text = text.strip().replace("\r\n", "\n")
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


def export_anki(topics, output: Path, *, now: float | None = None) -> AnkiReport:
    """Write every card of the topics to an Anki package at output, atomically.

    `now` stamps the notes; Anki updates a note on re-import only when the
    incoming one is newer, so it defaults to the current time.
    """
    output = Path(output)
    if output.suffix.lower() != ".apkg":
        raise AnkiExportError(f"{output}: an Anki package must end in .apkg "
                              "(Anki imports nothing else)")
    topics = list(topics)
    seen: dict[str, Topic] = {}
    for topic in topics:
        if topic.id in seen:
            raise AnkiExportError(
                f"two topics are both named '{topic.id}' ({seen[topic.id].path} and "
                f"{topic.path}); Anki tells notes apart by it, so rename one folder")
        seen[topic.id] = topic
    topics = [topic for topic in topics if topic.cards]
    if not topics:
        raise AnkiExportError("nothing to export: no cards")
    data, decks = _package_bytes(topics, clock.timestamp() if now is None else now)
    try:
        write_bytes(output, data)
    except WriteError as error:
        raise AnkiExportError(str(error)) from error
    return AnkiReport(output, sum(len(t.cards) for t in topics), decks)


def _package_bytes(topics: list[Topic], timestamp: float) -> tuple[bytes, tuple[str, ...]]:
    try:
        import genanki
    except ImportError as error:
        raise AnkiExportError(f"the Anki export needs the genanki package ({error}); "
                              "install it with: pip install genanki") from error
    model = genanki.Model(
        stable_id("note-type", str(NOTE_TYPE_VERSION)), NOTE_TYPE_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": TEMPLATE_NAME, "qfmt": FRONT, "afmt": BACK}],
        css=CSS)
    names = deck_names(topics)
    decks = []
    for topic in topics:
        deck = genanki.Deck(stable_id("deck", topic.id), names[topic.id],
                            description=field_html(topic.bottom_line))
        for card in topic.cards:
            deck.add_note(genanki.Note(model=model, fields=note_fields(card, topic),
                                       tags=note_tags(card), guid=note_guid(card)))
        decks.append(deck)
    # genanki.Package.write_to_file leaves its SQLite file in the system temp
    # folder; building the database in memory keeps nothing behind and gives
    # bytes for an atomic write.
    connection = sqlite3.connect(":memory:")
    try:
        genanki.Package(decks).write_to_db(connection.cursor(), timestamp,
                                           itertools.count(int(timestamp * 1000)))
        connection.commit()
        database = connection.serialize()
    finally:
        connection.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("collection.anki2", database)
        package.writestr("media", "{}")
    return buffer.getvalue(), tuple(names[t.id] for t in topics)


def run(args) -> int:
    """`briefing anki [PATH ...] -o FILE`: export the topics without problems."""
    from .exports import load_for_export

    topics, good, failed = load_for_export("anki", args.paths)
    broken = [t.id for t in topics if not t.ok]
    if not good:
        reason = "every topic has problems (see above)" if broken else "no topics found"
        print(f"briefing anki: nothing to export: {reason}", file=sys.stderr)
        return 1
    try:
        report = export_anki(good, args.output)
    except AnkiExportError as error:
        print(f"briefing anki: {error}", file=sys.stderr)
        return 1
    print(f"wrote {report.output}: {report.summary} ({', '.join(report.decks)})")
    if broken:
        print(f"briefing anki: skipped {len(broken)} topic{'s' * (len(broken) != 1)} with "
              f"problems: {', '.join(broken)}", file=sys.stderr)
    elif failed:
        print("briefing anki: some paths could not be read (see above)", file=sys.stderr)
    return 1 if failed else 0
