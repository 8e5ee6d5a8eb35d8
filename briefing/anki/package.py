"""Writing the .apkg: the notes in one deck per topic, packed in memory, written atomically.

genanki is imported here only, and only when an export runs.
"""
from __future__ import annotations

import io
import itertools
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .. import clock
from ..atomic import WriteError, check_target, write_bytes
from ..model import Topic
from ..wording import plural
from .fields import deck_names, field_html, note_tags, notes_of
from .note_type import CSS, NOTE_TYPES, stable_id


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
        return f"{plural(self.notes, 'note')} in {plural(len(self.decks), 'deck')}"


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
    try:
        check_target(output)  # before the work: a pipe, a link or a read-only file is refused
    except WriteError as error:
        raise AnkiExportError(str(error)) from error
    data, decks = _package_bytes(topics, clock.timestamp() if now is None else now)
    try:
        write_bytes(output, data)
    except WriteError as error:
        raise AnkiExportError(str(error)) from error
    notes = sum(len(notes_of(card, topic)) for topic in topics for card in topic.cards)
    return AnkiReport(output, notes, decks)


def _package_bytes(topics: list[Topic], timestamp: float) -> tuple[bytes, tuple[str, ...]]:
    try:
        import genanki
    except ImportError as error:
        raise AnkiExportError(f"the Anki export needs the genanki package ({error}); "
                              "install it with: pip install genanki") from error
    models = {kind: genanki.Model(
        stable_id(kind.key, str(kind.version)), kind.name,
        fields=[{"name": name} for name in kind.fields],
        templates=[{"name": kind.template, "qfmt": kind.front, "afmt": kind.back}],
        css=CSS, model_type=genanki.Model.CLOZE if kind.cloze else genanki.Model.FRONT_BACK)
        for kind in NOTE_TYPES}
    names = deck_names(topics)
    decks = []
    for topic in topics:
        deck = genanki.Deck(stable_id("deck", topic.id), names[topic.id],
                            description=field_html(topic.bottom_line))
        for card in topic.cards:
            for kind, fields, guid in notes_of(card, topic):
                deck.add_note(genanki.Note(model=models[kind], fields=fields,
                                           tags=note_tags(card), guid=guid))
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
