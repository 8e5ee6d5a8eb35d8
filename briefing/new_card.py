"""A new card made in the app's form: the file it goes in, what `briefing check` says of
the topic with it added, and the write, made only when the card is valid.

The card is put into the file's own text (authoring.insert_card), so the
author's comments and layout stay. Nothing is written while a check of the card
fails: an unfinished card is never studied, printed or exported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .atomic import write_text
from .authoring import (
    CardDraft,
    FileText,
    NotText,
    card_lines,
    file_for_kind,
    insert_card,
    read_file_text,
    save_file_text,
    slug,
    spare_card_file,
    unique_id,
)
from .loader import load_topic
from .model import Problem, Topic
from .quotes import SeedTexts, fold

_MISSING = re.compile(r"missing required field '(\w+)'")


class PlacementError(Exception):
    """The card cannot be put in any file of the topic; the message says why."""


@dataclass(frozen=True)
class Placement:
    """A card put into the text of the file it goes in, not written yet."""

    path: Path
    before: FileText | None     # the file as read; None when the card makes it
    text: str                   # the file's whole text with the card in it
    line: int                   # 1-based line of the card's first line
    fields: tuple[str, ...]     # the form field each line of the card writes

    def field_at(self, line: int) -> str | None:
        index = line - self.line
        return self.fields[index] if 0 <= index < len(self.fields) else None


@dataclass(frozen=True)
class CardProblem:
    field: str | None   # the form field it is about, or None for the card as a whole
    message: str


def _read(path: Path) -> FileText | None:
    try:
        return read_file_text(path) if path.exists() else None
    except (OSError, NotText) as error:
        raise PlacementError(f"cannot read {path.name}: {getattr(error, 'strerror', None) or error}"
                             ) from None


def place(topic: Topic, draft: CardDraft, avoid=frozenset()) -> Placement:
    """Where the card goes: the file that holds its kind, else a file of its own (when that
    one lists its cards in [ ... ] form, or is in `avoid`: open with unsaved edits)."""
    fields = tuple(field for field, _line in card_lines(draft))
    for path in (file_for_kind(topic, draft.kind), spare_card_file(topic.path)):
        if path in avoid:
            continue
        before = _read(path)
        inserted = insert_card(before.text if before else "", draft)
        if inserted is not None:
            return Placement(path, before, inserted.text, inserted.line, fields)
    raise PlacementError("no card file can take the card: save or discard your unsaved edits "
                         f"to {spare_card_file(topic.path).name} in the editor first")


def check(topic: Topic, placement: Placement, seeds: SeedTexts | None = None) -> list[CardProblem]:
    """What `briefing check` finds wrong with the card: the problems of the topic with the
    card in its file that the topic as it stands on disk does not have."""
    seeds = seeds or SeedTexts()
    with_card = load_topic(topic.path, seeds, {placement.path: placement.text}).problems
    without = set(load_topic(topic.path, seeds).problems)
    return [_for_form(p, placement) for p in _added(with_card, without, placement)]


def _added(problems, without: set[Problem], placement: Placement) -> list[Problem]:
    card_lines_ = len(placement.fields)
    shown = str(placement.path)
    added = []
    for problem in problems:
        if problem.path == shown:
            if placement.field_at(problem.line) is not None:
                added.append(problem)
                continue
            if problem.line >= placement.line + card_lines_:  # moved down by the card
                problem = replace(problem, line=problem.line - card_lines_)
        if problem not in without:
            added.append(problem)
    return added


def _for_form(problem: Problem, placement: Placement) -> CardProblem:
    missing = _MISSING.fullmatch(problem.message)
    if missing:
        return CardProblem(missing.group(1), "fill this in")
    field = placement.field_at(problem.line) if problem.path == str(placement.path) else None
    if field is None:
        return CardProblem(None, str(problem))
    message = problem.message
    return CardProblem(field, message.removeprefix(f"{field} ").removeprefix(f"'{field}' "))


def write(placement: Placement) -> None:
    """Write the file with the card in it, atomically; refuses (PlacementError) when the
    file changed since the card was placed, so nothing another program wrote is lost."""
    now = _read(placement.path)
    if (now.to_bytes() if now else None) != (placement.before.to_bytes()
                                              if placement.before else None):
        raise PlacementError(f"{placement.path.name} changed since the card was checked; "
                             "check it again")
    if placement.before is None:
        write_text(placement.path, placement.text)
    else:
        save_file_text(placement.path, placement.before, placement.text)


# -- what the form fills in ---------------------------------------------------------

def new_id(title: str, quote: str, taken) -> str:
    """A card id from its title (or, until there is one, its quote), unused in the topic."""
    return unique_id(slug(title or quote, 6), set(taken))


def questions(text: str) -> tuple[tuple[tuple[str, str], ...], list[str]]:
    """Question-and-answer prompts written one a line as `question | answer`, and what is
    wrong with the lines that are not."""
    found, problems = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        question, bar, answer = line.partition("|")
        if not bar or not question.strip() or not answer.strip():
            problems.append(f"line {number}: write the question, then | and its answer")
            continue
        found.append((question.strip(), answer.strip()))
    return tuple(found), problems


def cloze_quotes_seed(cloze: str, quote: str) -> bool:
    """Does the cloze, its deletion filled in, repeat words of the quote? Then it names
    the seed, and `check` finds the passage in the article as it does a quote."""
    from .cloze import ClozeError, parse
    try:
        text = parse(cloze).text
    except ClozeError:
        return False
    return bool(fold(text)) and fold(text) in fold(quote)


def draft_from(suggestion, taken) -> CardDraft:
    """The New card form's first draft of a suggestion: its kind, title, role or figure,
    and its quote, with an id no card of the topic has."""
    value = suggestion.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return CardDraft(suggestion.kind, unique_id(suggestion.card_id or "card", set(taken)),
                     suggestion.seed, suggestion.quote, title=suggestion.title,
                     role=suggestion.role, value="" if value is None else str(value),
                     unit=suggestion.unit, as_of=str(suggestion.as_of or ""))
