"""An article's paragraphs and sentences, with exact character offsets.

Coverage counts sentences and suggestions quote them, so only the article's
body counts: a heading (one short line that does not end like a sentence) and
the numbered notes at the end are told apart. pysbd (MIT, pure Python) finds
the sentence boundaries; "U.S. $1.4 billion" and "Mr. Kim" do not end one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

BODY, HEADING, NOTE = "body", "heading", "note"
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")
_NOTE = re.compile(r"^\s*\[?\d{1,3}[.)\]]\s")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)\]]$")


@dataclass(frozen=True)
class Paragraph:
    index: int                             # 0-based, in the article's order
    start: int
    end: int
    kind: str                              # BODY, HEADING or NOTE
    sentences: tuple[tuple[int, int], ...]  # (start, end) of each; none for a heading or note


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentence_spans(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The sentences of text[start:end], as offsets into text, spaces trimmed."""
    piece = text[start:end]
    spans, cursor = [], 0
    for found in _segmenter().segment(piece):
        sentence = found.sent.strip()
        if not sentence:
            continue
        # pysbd finds each sentence's offset by searching for it, which goes wrong
        # when a sentence repeats; searching on from the last one cannot.
        at = piece.find(sentence, cursor)
        if at < 0:
            continue
        spans.append((start + at, start + at + len(sentence)))
        cursor = at + len(sentence)
    return tuple(spans)


def _is_heading(block: str) -> bool:
    return "\n" not in block.strip() and len(block) <= 150 and len(block.split()) <= 20 \
        and not _ENDS_SENTENCE.search(block.rstrip())


def paragraphs(text: str, sentences: bool = True) -> list[Paragraph]:
    """The article's paragraphs (separated by blank lines) and their sentences (none
    found when `sentences` is False: pysbd reads about 250 kB a second)."""
    found = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    found = [(a, a + len(text[a:b].rstrip())) for a, b in found]
    # The notes: the run of numbered paragraphs that ends the article.
    notes = len(found)
    while notes > 0 and _NOTE.match(text[found[notes - 1][0]:found[notes - 1][1]]):
        notes -= 1
    result = []
    for index, (start, end) in enumerate(found):
        block = text[start:end]
        kind = NOTE if index >= notes else HEADING if _is_heading(block) else BODY
        found_sentences = sentence_spans(text, start, end) if kind == BODY and sentences else ()
        result.append(Paragraph(index, start, end, kind, found_sentences))
    return result
