"""Find a card's quote in its seed article, forgiving only typography.

Whitespace runs fold to one space, curly and straight quotes count as the
same, and so do the dashes (with or without spaces around them); every other
character must match, so a quote stays verbatim (typos included).
"""
from __future__ import annotations

import errno
import os
import re
import stat as stat_module
from pathlib import Path

_SAME = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
})
_SPACES = re.compile(r"\s+")
_SPACED_DASH = re.compile(r" ?- ?")
# A quote must be long enough to pick out a passage: one letter or a lone dash
# is in any article. The bundled topic's shortest is 20 characters (3 words).
MIN_QUOTE = 12
TOO_SHORT = (f"quote is too short to identify a passage: quote at least {MIN_QUOTE} characters "
             "(a few words) of the article")
# An article is a few dozen kB; a seed path to a huge file or a device
# (/dev/zero) must fail with a message, not fill memory or wait forever.
MAX_SEED_BYTES = 16 * 1024 * 1024


def fold(text: str) -> str:
    """The comparable form of a text."""
    return _SPACED_DASH.sub("-", _SPACES.sub(" ", text.translate(_SAME)).strip())


def too_short(quote: str) -> bool:
    return len(fold(quote)) < MIN_QUOTE


# What each character of a folded quote matches in the article's own text.
_MATCHES = {
    "'": "['\u2018\u2019\u201a\u201b\u2032`]",
    '"': '["\u201c\u201d\u201e\u201f\u2033]',
}
_DASHES = "[-\u2010-\u2015\u2212]"


def _pattern(wanted: str) -> re.Pattern:
    """A regular expression matching, in an article, exactly the passages that fold to
    `wanted` (itself folded): a space is any run of whitespace, a dash takes any
    whitespace around it, a quotation mark any of its typographic forms."""
    parts = []
    last = len(wanted) - 1
    for index, char in enumerate(wanted):
        if char == " ":
            parts.append(r"\s+")
        elif char == "-":
            parts.append((r"\s*" if index else "") + _DASHES + (r"\s*" if index < last else ""))
        else:
            parts.append(_MATCHES.get(char) or re.escape(char))
    return re.compile("".join(parts))


def locate(article: str, quote: str) -> tuple[int, int] | None:
    """Start and end of the quote in the article's own text, or None."""
    return Locator(article).find(quote)


class Locator:
    """Quotes found in one article's own text.

    The quote becomes a pattern searched in the article as it is: folding a
    16 MB article and keeping the origin of each of its characters took 9 s
    and 750 MB for one quote."""

    def __init__(self, article: str):
        self.article = article

    def find(self, quote: str) -> tuple[int, int] | None:
        """Start and end of the quote's first occurrence in the article's own text."""
        wanted = fold(quote)
        found = _pattern(wanted).search(self.article) if wanted else None
        return found.span() if found else None


# Quotes checked against one article before a word index pays for itself.
INDEX_AFTER = 200


def seed_stat(path: Path) -> os.stat_result:
    """The seed file's stat; OSError with a message when it cannot be a seed article."""
    try:
        stat = os.stat(path)
    except ValueError:  # a NUL character in the path
        raise OSError(errno.EINVAL, "the file name holds a NUL character") from None
    if not stat_module.S_ISREG(stat.st_mode):
        kind = "a folder" if stat_module.S_ISDIR(stat.st_mode) else "a device or pipe"
        raise OSError(errno.EINVAL, f"it is {kind}, not a text file")
    if stat.st_size > MAX_SEED_BYTES:
        raise OSError(errno.EFBIG, f"it is larger than {MAX_SEED_BYTES // 2**20} MiB")
    return stat


class Article:
    """One seed article's text and folded text, for many quote checks."""

    __slots__ = ("text", "_folded", "_index", "_scans")

    def __init__(self, text: str):
        self.text = text
        self._folded: str | None = None
        self._index: dict[str, list[int]] | None = None
        self._scans = 0

    @property
    def folded(self) -> str:
        """The article folded, made the first time it is asked for: the article view
        and coverage need only the text, and folding 16 MB takes a second or two."""
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def contains(self, quote: str) -> bool:
        """Is the quote in the article? (whitespace, quotes and dashes may differ)"""
        return self.contains_folded(fold(quote))

    def contains_folded(self, wanted: str) -> bool:
        """Is fold(quote) in the article? Looks only where its longest whole word occurs.

        Scanning the whole article for each of thousands of quotes cost
        seconds; a word index makes each check a few comparisons."""
        words = wanted.split(" ")
        if len(words) < 3 or self._scans < INDEX_AFTER:  # few quotes: scanning is cheaper
            self._scans += 1
            return wanted in self.folded
        index = self._index if self._index is not None else self._word_index()
        # The first and last word may be cut mid-word. A long word is a rare one, and an
        # inner word stands between spaces, so where it starts tells where the quote would.
        word = max(words[1:-1], key=len)
        offset = wanted.find(f" {word} ") + 1
        folded = self.folded
        return any(folded.startswith(wanted, at - offset) for at in index.get(word, ()))

    def _word_index(self) -> dict[str, list[int]]:
        """Where each space-separated word of the folded article starts."""
        index: dict[str, list[int]] = {}
        at = 0
        for word in self.folded.split(" "):
            index.setdefault(word, []).append(at)
            at += len(word) + 1
        self._index = index
        return index


class SeedTexts:
    """Seed articles read once each, as text and folded, for many quote checks."""

    def __init__(self):
        self._cache: dict[Path, tuple[tuple[int, int], Article]] = {}

    def text(self, path: Path) -> str:
        return self.article(path).text

    def folded(self, path: Path) -> str:
        return self.article(path).folded

    def contains(self, path: Path, quote: str) -> bool:
        """Is the quote in the article at path? (see Article.contains)"""
        return self.article(path).contains(quote)

    def article(self, path: Path) -> Article:
        """Raises OSError or UnicodeDecodeError when the file cannot be read as text."""
        stat = seed_stat(path)
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._cache.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
        article = Article(Path(path).read_text(encoding="utf-8-sig"))
        self._cache[path] = (stamp, article)
        return article
