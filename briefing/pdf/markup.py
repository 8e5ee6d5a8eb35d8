"""Card text to reportlab paragraph markup: escaped, with a font switch per script.

reportlab parses paragraph text as XML-like markup: an unescaped `<` or `&`
crashes the build, and `<img src=...>` would make it open a local file. So
every piece of user text goes through `Markup.text`, which escapes it first
and only then adds our own tags. Link keys are ours (never user text).
"""
from __future__ import annotations

import re
import unicodedata

from ..wording import cut
from .fonts import Fonts

_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")
_CJK = re.compile("[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
LINK_COLOR = "#1f4e8c"
# The most of one field a PDF prints, about 15 pages of the pack's body text (2 s
# to lay out). A paragraph split over pages is laid out again for each page and
# on every pass, so time grows with the square of its length: a 1 MB back ran
# for over 15 minutes. Longer text is cut with an ellipsis and reported (shortened).
MAX_FIELD_CHARS = 60_000


def escape(text: str) -> str:
    """Text safe inside reportlab markup; every character shows literally."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str) -> str:
    """Text for places without markup (outline, metadata): controls dropped, one line."""
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf") or c in "\n\t")
    return " ".join(text.split())


def has_cjk(text: str) -> bool:
    """CJK text has no spaces to break at, so its paragraphs need CJK line wrapping."""
    return bool(_CJK.search(text))


def check_key(key: str) -> str:
    if not _KEY.match(key):
        raise ValueError(f"unsafe link key {key!r}")
    return key


def link(inner: str, key: str) -> str:
    """A link to an anchor; `inner` is markup already (from `Markup.text`)."""
    return f'<a href="#{check_key(key)}" color="{LINK_COLOR}">{inner}</a>'


def anchor(key: str) -> str:
    return f'<a name="{check_key(key)}"/>'


class Markup:
    """Builds markup with the fonts that can draw it; `fonts.missing` says what none could."""

    def __init__(self, fonts: Fonts | None = None):
        self.fonts = fonts or Fonts()
        self._cut: dict[str, None] = {}  # where text was cut, in order, once each

    @property
    def shortened(self) -> list[str]:
        """The places (as passed to text) whose text was cut to MAX_FIELD_CHARS."""
        return list(self._cut)

    def text(self, text: str, where: str = "", bold: bool = False) -> str:
        """User text as markup: escaped, other scripts in their fonts, newlines kept.

        Pass bold=True for text in a bold style or inside <b>: a <font face=...>
        tag resets reportlab's bold flag, so the face must name the bold member."""
        from reportlab.lib.fonts import tt2ps

        text = str(text).strip().replace("\r\n", "\n").replace("\t", " ")
        if len(text) > MAX_FIELD_CHARS:
            text = cut(text, MAX_FIELD_CHARS)
            self._cut[where or "a field"] = None
        parts = []
        for family, chunk in self.fonts.runs(text, where):
            chunk = escape(chunk).replace("\n", "<br/>")
            if family:
                face = tt2ps(family, 1, 0) if bold else family
                chunk = f'<font face="{face}">{chunk}</font>'
            parts.append(chunk)
        return "".join(parts)

    @property
    def missing(self):
        return self.fonts.missing
