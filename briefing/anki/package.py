"""Writing the .apkg: the notes in one deck per topic, packed in memory, written atomically.

genanki is imported here only, and only when an export runs.
"""
from __future__ import annotations

import io
import itertools
import re
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .. import clock
from ..atomic import WriteError, check_target, write_bytes
from ..collector import paused_collection
from ..model import Topic
from ..wording import plural
from .fields import deck_names, field_html, note_count, note_tags, notes_of
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
    # Tens of thousands of field lists and rows, and no cycles among them: the collector
    # would rescan them a hundred times (40-70 ms of a 10,000-card export).
    with paused_collection():
        data, decks = _package_bytes(topics, clock.timestamp() if now is None else now)
    try:
        write_bytes(output, data)
    except WriteError as error:
        raise AnkiExportError(str(error)) from error
    notes = sum(note_count(card) for topic in topics for card in topic.cards)
    return AnkiReport(output, notes, decks)


def note_models() -> dict:
    """Each note type as a genanki.Model, by NoteType."""
    import genanki
    return {kind: genanki.Model(
        stable_id(kind.key, str(kind.version)), kind.name,
        fields=[{"name": name} for name in kind.fields],
        templates=[{"name": kind.template, "qfmt": kind.front, "afmt": kind.back}],
        css=CSS, model_type=genanki.Model.CLOZE if kind.cloze else genanki.Model.FRONT_BACK)
        for kind in NOTE_TYPES}


def _package_bytes(topics: list[Topic], timestamp: float) -> tuple[bytes, tuple[str, ...]]:
    try:
        import genanki
    except ImportError as error:
        raise AnkiExportError(f"the Anki export needs the genanki package ({error}); "
                              "install it with: pip install genanki") from error
    models = note_models()
    names = deck_names(topics)
    decks, notes = [], []
    for topic in topics:
        deck = genanki.Deck(stable_id("deck", topic.id), names[topic.id],
                            description=field_html(topic.bottom_line))
        rows = [(models[kind], fields, guid, note_tags(card))
                for card in topic.cards for kind, fields, guid in notes_of(card, topic)]
        for model in dict.fromkeys(row[0] for row in rows):  # as genanki adds them: in use
            deck.add_model(model)
        decks.append(deck)
        notes.append((deck.deck_id, rows))
    # genanki.Package.write_to_file leaves its SQLite file in the system temp
    # folder; building the database in memory keeps nothing behind and gives
    # bytes for an atomic write.
    connection = sqlite3.connect(":memory:")
    try:
        cursor = connection.cursor()
        ids = itertools.count(int(timestamp * 1000))
        # genanki writes the collection, its decks and note types; the notes and cards
        # it would write one genanki.Note at a time (most of an export's time) are
        # written here as the same rows, with ids from the same counter in the same order.
        genanki.Package(decks).write_to_db(cursor, timestamp, ids)
        for deck_id, rows in notes:
            _write_notes(cursor, deck_id, rows, int(timestamp), ids)
        connection.commit()
        database = connection.serialize()
    finally:
        connection.close()
    buffer = io.BytesIO()
    # Level 1: a third of the default level's time, for a package about a tenth larger.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("collection.anki2", database)
        package.writestr("media", "{}")
    return buffer.getvalue(), tuple(names[t.id] for t in topics)


def _write_notes(cursor, deck_id: int, rows, mod: int, ids) -> None:
    """The rows genanki.Note.write_to_db writes for each note, and its cards' rows."""
    notes, cards = [], []
    for model, fields, guid, tags in rows:
        note_id = next(ids)
        notes.append((note_id, guid, model.model_id, mod, -1, " " + " ".join(tags) + " ",
                      "\x1f".join(fields), fields[model.sort_field_index], 0, 0, ""))
        for ord_ in _card_ords(model, fields):
            cards.append((next(ids), note_id, deck_id, ord_, mod, -1, 0, 0, 0, 0, 0, 0, 0, 0,
                          0, 0, 0, ""))
    cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);", notes)
    cursor.executemany("INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);", cards)


_CLOZE_FIELD = re.compile(r"{{[^}]*?cloze:(?:[^}]?:)*(.+?)}}")
_CLOZE_NUMBER = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)


def _card_ords(model, fields: list[str]) -> list[int]:
    """The templates (ords) a note makes cards of, worked out as genanki 0.13's Note.cards
    does: for a front/back type, those whose required fields are filled; for a cloze type,
    one per cloze number in the fields its template shows."""
    if model.model_type != model.CLOZE:
        ords = []
        for card_ord, any_or_all, required in model._req:
            if (any if any_or_all == "any" else all)(fields[i] for i in required):
                ords.append(card_ord)
        return ords
    names = [field["name"] for field in model.fields]
    numbers: set[int] = set()
    for name in set(_CLOZE_FIELD.findall(model.templates[0]["qfmt"])
                    + re.findall("<%cloze:(.+?)%>", model.templates[0]["qfmt"])):
        value = fields[names.index(name)] if name in names else ""
        numbers.update(int(m) - 1 for m in _CLOZE_NUMBER.findall(value) if int(m) > 0)
    return list(numbers)  # genanki's order: iterating the set
