"""Join lines of a paragraph, mending words that the layout hyphenated at a line end.

"nego-" + "tiations" becomes "negotiations", but "six-" + "party" stays
"six-party" when the article writes "six-party" elsewhere. The whole document
is the evidence, so the decision is made once every line is known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_BROKEN = re.compile(r"(\w+)[-\u2010\u00ad]$")
_NEXT = re.compile(r"^(\w+)")
_HYPHENATED = re.compile(r"\b\w+(?:-\w+)+\b")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Joined:
    paragraphs: list[str]
    joined: int                   # words mended across a line end
    kept: tuple[str, ...]         # hyphenated compounds kept whole, e.g. "six-party"


def join_lines(paragraphs: list[list[str]]) -> Joined:
    """Each paragraph's lines joined into one line of text."""
    inner = "\n".join(" ".join(lines) for lines in paragraphs)  # hyphens inside lines only
    compounds = {m.group(0).lower() for m in _HYPHENATED.finditer(inner)}
    words = {w.lower() for w in _WORD.findall(inner)}
    joined, kept, out = 0, [], []
    for lines in paragraphs:
        text = ""
        for line in lines:
            line = line.strip()
            if not line:
                continue
            broken = _BROKEN.search(text)
            following = _NEXT.match(line)
            if not text:
                text = line
            elif broken and following:
                left, right = broken.group(1), following.group(1)
                if text.endswith("\u00ad") or _is_one_word(left, right, compounds, words):
                    text = text[:broken.end(1)] + line
                    joined += 1
                else:
                    text = text[:broken.end(1)] + "-" + line
                    kept.append(f"{left}-{right}")
            else:
                text = f"{text} {line}"
        out.append(text)
    return Joined(out, joined, tuple(dict.fromkeys(kept)))


def _is_one_word(left: str, right: str, compounds: set[str], words: set[str]) -> bool:
    whole, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
    if whole in words:
        return True          # the article writes it whole elsewhere
    if hyphenated in compounds or any(c.startswith(hyphenated + "-") for c in compounds):
        return False         # ... or hyphenated, as in "six-party"
    return right[:1].islower() and not left[-1:].isdigit()
