"""Editing topic files as text: exact round trips, and new cards from a quoted passage.

The editor works on the user's text, never on a re-dumped YAML tree, so
comments, order and layout are kept. Line endings and a byte-order mark are
remembered per file and written back as they were.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .atomic import write_bytes
from .yamlfile import MAX_BYTES, Loader, decode

BOM = "\ufeff"


@dataclass(frozen=True)
class FileText:
    """A file's text with "\\n" line ends, and how to write it back byte for byte."""

    text: str
    newline: str = "\n"
    bom: bool = False
    mixed: bool = False  # both CRLF and LF lines: a save writes `newline` for all of them

    def to_bytes(self) -> bytes:
        text = self.text
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return ((BOM if self.bom else "") + text).encode("utf-8")


class NotText(ValueError):
    """The file is not one the editor can hold; the message says where and why."""


def read_file_text(path: Path) -> FileText:
    """Raises OSError, or NotText for a file that is too large or not UTF-8.

    The same limits and messages as `briefing check` (yamlfile.read)."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise NotText(f"{path} is larger than {MAX_BYTES // 2**20} MiB")
    raw, problem = decode(data, str(path))
    if problem is not None:
        raise NotText(str(problem))
    bom = data.startswith(BOM.encode("utf-8"))
    crlf, lines = raw.count("\r\n"), raw.count("\n")
    # The editor holds one kind of line end; the file's majority is written back.
    newline = "\r\n" if crlf * 2 > lines else "\n"
    return FileText(raw.replace("\r\n", "\n"), newline, bom, mixed=0 < crlf < lines)


def save_file_text(path: Path, original: FileText, text: str) -> FileText:
    """Write the editor's text atomically in the file's own style; returns the new state."""
    saved = FileText(text, original.newline, original.bom)  # no longer mixed
    write_bytes(path, saved.to_bytes())
    return saved


# -- a new card from a form -----------------------------------------------------

# The fields a card of each kind takes from the form, in the order they are written.
KIND_FIELDS = {
    "actor": ("title", "role", "front", "back", "why"),
    "objective": ("title", "front", "back", "why"),
    "figure": ("title", "front", "back", "value", "unit", "as_of", "why"),
}
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
_YEAR = re.compile(r"[12][0-9]{3}")


@dataclass(frozen=True)
class CardDraft:
    """What the New card form holds; empty fields are left out of the YAML."""

    kind: str
    card_id: str
    seed: str
    quote: str
    title: str = ""
    role: str = ""
    front: str = ""
    back: str = ""
    value: str = ""
    unit: str = ""
    as_of: str = ""
    why: str = ""
    questions: tuple[tuple[str, str], ...] = ()  # (question, answer) prompts
    cloze: str = ""                              # or one cloze prompt, {{c1::...}}
    cloze_seed: bool = False                     # the cloze quotes the seed verbatim


def _plain_or_quoted(text: str, plain: re.Pattern) -> str:
    return text if plain.fullmatch(text) else yaml_quoted(text)


def _value(text: str, unit: str) -> str:
    # A number is written as one (so it can chart), but not a year, which would read
    # "2,004": four digits with no unit are taken for a year, 1500 troops for a number.
    if _NUMBER.fullmatch(text) and not (_YEAR.fullmatch(text) and not unit.strip()):
        return text
    return yaml_quoted(text)


def card_lines(draft: CardDraft) -> list[tuple[str, str]]:
    """The card's YAML lines (a list item at indentation 0), each with the form field
    it writes, so a problem `check` finds on a line can be shown at its field."""
    lines = [("id", f"- id: {_plain_or_quoted(draft.card_id.strip(), _ID)}"),
             ("kind", f"  kind: {_plain_or_quoted(draft.kind, _ID)}")]
    for name in KIND_FIELDS.get(draft.kind, ("title", "front", "back", "why")):
        text = str(getattr(draft, name)).strip()
        if text:
            written = _value(text, draft.unit) if name == "value" else yaml_quoted(text)
            lines.append((name, f"  {name}: {written}"))
    prompts = [(f"q: {yaml_quoted(q.strip())}", f"a: {yaml_quoted(a.strip())}")
               for q, a in draft.questions]
    if draft.cloze.strip():
        seed = (f"seed: {_plain_or_quoted(draft.seed, _ID)}",) if draft.cloze_seed else ()
        prompts.append((f"cloze: {yaml_quoted(draft.cloze.strip())}", *seed))
    if prompts:
        lines.append(("prompts", "  prompts:"))
        for first, *rest in prompts:
            lines.append(("prompts", f"    - {first}"))
            lines += [("prompts", f"      {line}") for line in rest]
    lines += [("quote", "  sources:"),
              ("quote", f"    - seed: {_plain_or_quoted(draft.seed, _ID)}"),
              ("quote", f"      quote: {yaml_quoted(draft.quote)}")]
    return lines


def slug(text: str, limit: int = 5) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:limit]) or "card"


def unique_id(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


# Escaped in a double-quoted scalar: what would end it, and every character YAML
# may not hold or would fold (line breaks, controls, NEL, U+2028/9, non-characters).
_UNSAFE_IN_QUOTES = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r",
            "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def yaml_quoted(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly the text."""
    return '"' + _UNSAFE_IN_QUOTES.sub(_escape, str(text)) + '"'


def card_yaml(draft: CardDraft, indent: int = 2) -> str:
    """A new card as a YAML list item at the given indentation, its quote exactly as selected."""
    pad = " " * indent
    return "".join(f"{pad}{line}\n" for _field, line in card_lines(draft))


# -- a new seed entry in topic.yaml --------------------------------------------

SEED_FIELDS = ("id", "file", "title", "author", "publication", "date", "year")
# What a starter topic shows for a field it cannot fill yet, commented out.
SEED_HINTS = {"publication": '"Where it appeared, e.g. China Brief, Volume 4, Issue 5"',
              "year": "2004           # the year its facts are as of"}


def seed_yaml(fields: dict, indent: int = 2, hints: bool = False) -> str:
    """A seed entry as a YAML list item; fields left empty are left out (or, with
    hints, shown commented out so the author sees what goes there)."""
    lines = []
    for name in SEED_FIELDS:
        value = fields.get(name)
        if value is None or value == "":
            if hints and name in SEED_HINTS:
                lines.append(f"  # {name}: {SEED_HINTS[name]}")
            continue
        shown = str(value) if name == "id" or isinstance(value, int) else yaml_quoted(value)
        hint = hints and name == "id"
        comment = "            # cards cite the article by this id" if hint else ""
        lines.append(f"  {name}: {shown}{comment}")
    lines[0] = "- " + lines[0][2:]
    pad = " " * indent
    return "".join(f"{pad}{line}\n" for line in lines)


@dataclass(frozen=True)
class Insertion:
    text: str   # the whole new file text
    line: int   # 1-based line of the new item's first line


def insert_card(text: str, draft: CardDraft) -> Insertion | None:
    """Add a new card at the end of the file's `cards:` list, in the list's own indentation.

    None when the list is written in flow style ([...]), which cannot take a
    block item; the caller then puts the card in a file of its own.
    """
    return insert_item(text, "cards", lambda indent: card_yaml(draft, indent))


def insert_seed(text: str, fields: dict) -> Insertion | None:
    """Add a seed entry at the end of topic.yaml's `seeds:` list; None for a flow list."""
    return insert_item(text, "seeds", lambda indent: seed_yaml(fields, indent))


def insert_item(text: str, key: str, item) -> Insertion | None:
    """Add item(indent) at the end of the top-level `key:` list, changing no other byte.

    None when the list is written in flow style ([...]), which cannot take a
    block item."""
    try:
        root = yaml.compose(text, Loader=Loader) if text.strip() else None
    except yaml.YAMLError:
        root = None  # a file that does not parse: append; the editor shows its problems
    found = None
    if isinstance(root, yaml.MappingNode):
        for name, value in root.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                found = (name, value)
    if found is None:
        prefix = text if not text or text.endswith("\n") else text + "\n"
        block = f"{key}:\n" + item(2)
        return Insertion(prefix + block, prefix.count("\n") + 2)
    name, value = found
    lines = text.split("\n")
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        indent = value.value[0].start_mark.column - 2
        end = _end_of_list(lines, value, indent)
    elif isinstance(value, yaml.ScalarNode) and value.value == "" and value.tag.endswith(":null"):
        indent, end = 2, name.start_mark.line + 1  # "key:" with nothing under it yet
    else:
        return None
    new = item(max(indent, 0)).rstrip("\n").split("\n")
    return Insertion("\n".join(lines[:end] + new + lines[end:]), end + 1)


def _end_of_list(lines: list[str], sequence: yaml.SequenceNode, indent: int) -> int:
    """Index of the line after the list's last item, before any trailing blanks and
    the comments that introduce what follows; a comment indented under the last
    item (a commented-out field) stays with it."""
    last = sequence.end_mark.line  # libyaml ends a block list at the next token's line
    if sequence.end_mark.column == 0 or last >= len(lines):
        last = min(last, len(lines))
    while last > 0:
        line = lines[last - 1]
        stripped = line.lstrip()
        if stripped and not (stripped.startswith("#") and len(line) - len(stripped) <= indent):
            break
        last -= 1
    return last


NEW_CARDS_FILE = "new-cards.yaml"


def file_for_kind(topic, kind: str) -> Path:
    """The file a new card of this kind goes in: the one that already holds this kind,
    by name or by content, else the last card file, else topic.yaml."""
    from .topics import TOPIC_FILE
    by_name = [f for f in topic.files if kind in f.name]
    if by_name:
        return by_name[0]
    counts: dict[Path, int] = {}
    for card in topic.cards:
        if card.kind == kind and card.file is not None:
            counts[card.file] = counts.get(card.file, 0) + 1
    if counts:
        return max(counts, key=counts.get)
    others = [f for f in topic.files if f.name != TOPIC_FILE]
    return others[-1] if others else topic.path / TOPIC_FILE


def spare_card_file(folder: Path) -> Path:
    """The file of its own that a new card goes in when the usual one cannot take it
    (it writes its cards as a [flow] list); made only when the card is written."""
    return Path(folder) / NEW_CARDS_FILE
