"""PDFs: the text in reading order, without page furniture, paragraphs rebuilt and
words hyphenated at line ends mended.

pypdf (BSD, pure Python) gives the text of each page in content order with the
position of each piece; positions find the headers and footers (furniture.py)
and the gaps and indents that start paragraphs.
"""
from __future__ import annotations

import io
import re
import statistics
from pathlib import Path

from ..wording import plural
from . import furniture, hyphens
from .article import Article, ImportFailure, first_line_title, iso_date, seed_text, tidy
from .furniture import Line

# Ligatures that PDF fonts draw as one glyph; NFC keeps them, a quote would not.
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_SENTENCE_END = re.compile(r"[.!?:\"”’)\]]$")
# Titles that programs put in a PDF's properties on their own.
_MADE_UP_TITLE = re.compile(r"^(microsoft (word|powerpoint) - |untitled|document\d*$)|"
                            r"\.(docx?|pdf|indd|tex|rtf|odt)$", re.IGNORECASE)
# Less text than this on every page: a scan without a text layer.
MIN_CHARACTERS = 20


def read(path: Path, data: bytes) -> Article:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFailure(f"{path.name} is encrypted with a password; open it, save or "
                                "print an unprotected copy, and import that")
        pages, heights = [], []
        for page in reader.pages:
            pages.append(_lines(page))
            heights.append(_height(page))
        metadata = reader.metadata or {}
    except ImportFailure:
        raise
    except (DependencyError, FileNotDecryptedError):
        raise ImportFailure(f"{path.name} is encrypted in a way this install cannot open; save "
                            "or print an unprotected copy and import that") from None
    except (PdfReadError, ValueError, TypeError, KeyError, AttributeError, IndexError,
            RecursionError) as error:
        raise ImportFailure(f"{path.name} is not a PDF that can be read ({error})") from None
    if not pages:
        raise ImportFailure(f"{path.name} has no pages")
    empty = [n for n, page in enumerate(pages, 1)
             if sum(len(line.text.strip()) for line in page) < MIN_CHARACTERS]
    if len(empty) == len(pages):
        looks = "its page looks like a scanned image" if len(pages) == 1 else \
            f"its {len(pages)} pages look like scanned images"
        raise ImportFailure(f"{path.name} has no text to read: {looks}; run OCR on it first "
                            "(for example with ocrmypdf) and import the result")
    body, dropped = furniture.remove(pages, heights)
    mended = hyphens.join_lines(_paragraphs(body))
    text = seed_text(mended.paragraphs)
    steps = [f"read {plural(len(pages), 'page')}; dropped {plural(dropped, 'line')} of page "
             "furniture (running headers, footers, page numbers)"]
    if empty:
        steps.append(f"page{'s' * (len(empty) > 1)} {', '.join(map(str, empty))} "
                     "had no text (scanned images?) and gave nothing")
    steps.append(f"joined {plural(mended.joined, 'word')} hyphenated at line ends"
                 + (f"; kept the hyphen of {', '.join(mended.kept[:5])}"
                    + (" ..." if len(mended.kept) > 5 else "") if mended.kept else ""))
    steps.append(f"kept {plural(len(mended.paragraphs), 'paragraph')}")
    title = tidy(str(metadata.get("/Title") or ""))
    if not title or _MADE_UP_TITLE.search(title):
        title = first_line_title(text)
    date = iso_date(_pdf_date(str(metadata.get("/CreationDate") or "")))
    if date:
        steps.append(f"date {date} is when the PDF was made: check it against the article")
    return Article(text=text, title=title, author=tidy(str(metadata.get("/Author") or "")),
                   date=date, steps=tuple(steps))


def _pdf_date(text: str) -> str:
    """D:20070311... as 2007-03-11."""
    digits = text.removeprefix("D:")[:8]
    if len(digits) < 4 or not digits.isdigit():
        return ""
    return "-".join(part for part in (digits[:4], digits[4:6], digits[6:8]) if part)


def _height(page) -> float | None:
    try:
        return float(page.mediabox.height)
    except (TypeError, ValueError, AttributeError):
        return None


def _lines(page) -> list[Line]:
    """A page's lines in content order, each where its first piece of text is drawn."""
    lines: list[Line] = []
    current = Line("")

    def visit(text, cm, tm, _font, size):
        nonlocal current
        pieces = text.translate(_LIGATURES).split("\n")
        for number, piece in enumerate(pieces):
            if number:
                lines.append(current)
                current = Line("")
            if piece.strip() and current.y is None:
                try:
                    current.x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                    current.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                    current.size = abs(size * tm[3] * cm[3]) or abs(size)
                except (TypeError, IndexError):
                    pass
            current.text += piece

    page.extract_text(visitor_text=visit)
    lines.append(current)
    return [line for line in lines if line.text.strip()]


def _paragraphs(pages: list[list[Line]]) -> list[list[str]]:
    """Lines grouped into paragraphs: a paragraph ends at a wider gap than the usual
    line spacing, at an indented line, or at a page end after a finished sentence."""
    gaps = [a.y - b.y for page in pages for a, b in zip(page, page[1:], strict=False)
            if a.y is not None and b.y is not None and a.y - b.y > 0]
    spacing = statistics.median(gaps) if gaps else 0.0
    lefts = [round(line.x) for page in pages for line in page if line.x is not None]
    margin = statistics.mode(lefts) if lefts else None
    lengths = [len(line.text.strip()) for page in pages for line in page]
    full = statistics.median(lengths) if lengths else 0
    paragraphs: list[list[str]] = []
    previous: Line | None = None
    for _number, page in enumerate(pages):
        for index, line in enumerate(page):
            if previous is None or _starts_paragraph(previous, line, index == 0, spacing,
                                                     margin, full):
                paragraphs.append([])
            paragraphs[-1].append(line.text)
            previous = line
    return paragraphs


def _starts_paragraph(previous: Line, line: Line, new_page: bool, spacing: float,
                      margin: float | None, full: float) -> bool:
    text, before = line.text.strip(), previous.text.strip()
    finished = bool(_SENTENCE_END.search(before))
    if new_page or (previous.y is not None and line.y is not None and line.y > previous.y):
        # A new page or column: a paragraph goes on unless its sentence had ended.
        return finished and not text[:1].islower()
    if spacing and previous.y is not None and line.y is not None \
            and previous.y - line.y > spacing * 1.4:
        return True
    size = line.size or 10
    if margin is not None and line.x is not None and previous.x is not None \
            and size * 0.8 < line.x - margin < size * 4 and previous.x - margin < size * 0.8:
        return True  # an indented first line
    # A short line that ends a sentence ends its paragraph.
    return finished and full > 0 and len(before) < full * 0.7 and not text[:1].islower()
