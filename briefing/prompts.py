"""Reading a card's `prompts:` into Prompt values, with every problem located.

A prompt is `q` and `a`, or `cloze` (one {{c1::...}} deletion, optionally
with the `seed` whose text it quotes). Its id is the one written, or its
place on the card (p1, p2, ...), so editing a prompt's text keeps its
progress.
"""
from __future__ import annotations

from collections.abc import Callable

from .cloze import ClozeError, parse
from .model import CLOZE, QA, Prompt
from .validator import Located, clip

Report = Callable[[str, tuple[int, int], str], None]
CheckQuote = Callable[[str, tuple[int, int], str, str], None]


def derived_id(position: int) -> str:
    """The id of a prompt written without one: its place on the card, from 1."""
    return f"p{position}"


def read_prompts(entries, shown: str, report: Report,
                 check_quote: CheckQuote) -> tuple[Prompt, ...]:
    """The card's prompts; problems go to report(file, (line, col), message)."""
    prompts: list[Prompt] = []
    seen: dict[str, int] = {}
    for position, entry in enumerate(entries or (), start=1):
        if not isinstance(entry, Located):
            continue  # not a mapping: the validator said so
        prompt = _read(entry, position, shown, report, check_quote)
        if prompt is None:
            continue
        if prompt.id in seen:
            report(shown, entry.at("id") if "id" in entry else entry.mark,
                   f"duplicate prompt id '{clip(prompt.id)}' on this card (first at line "
                   f"{seen[prompt.id]}); give each prompt its own id")
            continue
        seen[prompt.id] = entry.mark[0]
        prompts.append(prompt)
    return tuple(prompts)


def _read(entry: Located, position: int, shown: str, report: Report,
          check_quote: CheckQuote) -> Prompt | None:
    prompt_id = entry.get("id") or derived_id(position)
    has_qa, has_cloze = "q" in entry or "a" in entry, "cloze" in entry
    if has_qa and has_cloze:
        report(shown, entry.at("cloze"), "a prompt is either q and a, or cloze, not both; "
               "make them two prompts")
        return None
    if not has_qa and not has_cloze:
        report(shown, entry.mark, "a prompt needs q and a (a question and its answer) or "
               "cloze (a passage with {{c1::hidden text}})")
        return None
    if has_qa:
        if "seed" in entry:
            report(shown, entry.at("seed"), "seed is for a cloze over a verbatim passage; "
                   "a q and a prompt takes none")
        if "q" not in entry or "a" not in entry:
            return None  # the validator reported the missing half
        return Prompt(prompt_id, QA, entry["q"], entry["a"], line=entry.mark[0])
    try:
        cloze = parse(entry["cloze"])
    except ClozeError as error:
        report(shown, entry.at("cloze"), str(error))
        return None
    if "seed" in entry:
        check_quote(shown, entry.at("cloze"), entry["seed"], cloze.text)
    return Prompt(prompt_id, CLOZE, cloze.question, cloze.hidden, text=cloze.text,
                  cloze=entry["cloze"], seed=entry.get("seed", ""), line=entry.mark[0])
