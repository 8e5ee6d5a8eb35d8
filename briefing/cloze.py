"""Cloze deletions in Anki's own syntax: {{c1::hidden text}} or {{c1::hidden text::hint}}.

A cloze prompt hides one thing, so it holds exactly one deletion, c1; several
deletions of one passage are several prompts. Anything that looks like cloze
markup but is not well formed is refused with a message saying what to write,
so a typo never shows the answer on the question side.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DELETION = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
BLANK = "[...]"


@dataclass(frozen=True)
class Cloze:
    text: str      # the passage as it reads with the deletion filled in
    hidden: str    # what the deletion hides: the answer
    question: str  # the passage with [...] (or [hint]) in place of the deletion


class ClozeError(ValueError):
    """The markup is not a single well-formed deletion; the message says what to write."""


def parse(source: str) -> Cloze:
    found = list(DELETION.finditer(source))
    rest = DELETION.sub("", source)
    if "{{" in rest or "}}" in rest:
        at = min(i for i in (rest.find("{{"), rest.find("}}")) if i >= 0)
        raise ClozeError(f"cloze markup near '{rest[max(0, at - 10):at + 20]}' is not well "
                         "formed; write the deletion as {{c1::hidden text}}")
    if not found:
        raise ClozeError("a cloze needs one deletion, written {{c1::hidden text}}")
    if len(found) > 1:
        raise ClozeError(f"a cloze prompt hides one thing, but this one has {len(found)} "
                         "deletions; make one prompt per deletion")
    deletion = found[0]
    number, hidden, hint = deletion.group(1), deletion.group(2), deletion.group(3)
    if number != "1":
        raise ClozeError(f"write the deletion as {{{{c1::...}}}}, not c{number}: a cloze "
                         "prompt hides one thing, always c1")
    if not hidden.strip():
        raise ClozeError("the deletion {{c1::...}} hides nothing; put the hidden text in it")
    start, end = deletion.span()
    blank = f"[{hint.strip()}]" if hint and hint.strip() else BLANK
    return Cloze(text=source[:start] + hidden + source[end:], hidden=hidden.strip(),
                 question=source[:start] + blank + source[end:])
