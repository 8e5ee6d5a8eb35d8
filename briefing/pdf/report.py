"""What an export produced, and the error it raises when it cannot produce anything."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..wording import plural
from .fonts import Missing, script_of

# What to install when a script has no font, by script (Debian package names).
FONT_HINTS = {"Hangul": "fonts-nanum or fonts-wqy-microhei",
              "Han": "fonts-wqy-microhei", "Kana": "fonts-wqy-microhei"}


class PdfError(Exception):
    """The PDF could not be written; the message is for the user."""


@dataclass(frozen=True)
class MissingText:
    """Text with characters no installed font could draw (they print as boxes)."""

    where: str      # e.g. "example/kim title"
    text: str
    chars: str      # the characters that could not be drawn, sorted
    scripts: tuple[str, ...]

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        hints = sorted({FONT_HINTS[s] for s in self.scripts if s in FONT_HINTS})
        hint = f"; install a font for it (e.g. {', '.join(hints)})" if hints else \
            "; install a TrueType font that covers it"
        return (f"{self.where}: cannot draw {self.chars!r} ({', '.join(self.scripts)}) "
                f"in {shown!r}{hint}")


@dataclass(frozen=True)
class PdfReport:
    output: Path
    pages: int
    layout: str
    cards: int                                     # cards placed in the PDF
    missing: tuple[MissingText, ...] = ()
    # Where text was cut: "topic/card side" to fit the card, or in the pack
    # "topic/card field" past markup.MAX_FIELD_CHARS.
    shortened: tuple[str, ...] = field(default=())

    @property
    def summary(self) -> str:
        pages = plural(self.pages, "page")
        return f"wrote {self.output}: {pages}, {self.cards} cards ({self.layout} layout)"


def missing_texts(missing: Missing) -> tuple[MissingText, ...]:
    found = []
    for where, (text, chars) in sorted(missing.by_place.items()):
        ordered = "".join(sorted(chars))
        scripts = tuple(sorted({script_of(c) for c in ordered}))
        found.append(MissingText(where, text, ordered, scripts))
    return tuple(found)
