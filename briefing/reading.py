"""What the article view shows, decided without Qt: where each card's quote falls and which
lies under a click, the highlights of the part on screen, the marks of the bar that shows
unquoted paragraphs, the coverage figure in words, and the suggestions by kind.

Offsets are the article's own (code points); the view converts them for Qt
(text_offsets.py).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from .coverage import QuoteSpan, SeedCoverage, seed_coverage
from .model import KIND_LABELS, KINDS, Seed, Topic
from .quotes import SeedTexts
from .wording import plural

# Sentences are counted (pysbd, about 4 s a megabyte, off the GUI thread) only in an
# article up to this long; past it the view still shows every quote and unquoted paragraph.
COUNTED_CHARS = 1_000_000


class ArticleMap:
    """Where the quotes and the unquoted paragraphs of one article are."""

    def __init__(self, spans, uncovered, length: int, summary: str = ""):
        self.spans: tuple[QuoteSpan, ...] = tuple(sorted(spans, key=lambda s: (s.start, s.end)))
        self.uncovered: tuple[tuple[int, int], ...] = tuple(uncovered)  # unquoted paragraphs
        self.length = length
        self.summary = summary                 # the coverage figure, in words
        self._starts = [s.start for s in self.spans]
        self._longest = max((s.end - s.start for s in self.spans), default=0)
        self._uncovered_ends = [end for _start, end in self.uncovered]

    @classmethod
    def of(cls, found: SeedCoverage) -> ArticleMap:
        return cls(found.spans, ((p.start, p.end) for p in found.uncovered), len(found.text),
                   coverage_words(found))

    def quotes_at(self, offset: int) -> list[QuoteSpan]:
        """The quotes that take in the character at offset, the shortest (the most
        particular) first."""
        first = bisect_left(self._starts, offset - self._longest)
        hits = [s for s in self.spans[first:bisect_right(self._starts, offset)]
                if s.start <= offset < s.end]
        return sorted(hits, key=lambda s: (s.end - s.start, s.start))

    def quotes_in(self, start: int, end: int, limit: int) -> list[QuoteSpan]:
        """At most `limit` quotes overlapping start..end, in article order."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        return [s for s in self.spans[first:last] if s.end > start][:limit]

    def segments_in(self, start: int, end: int, limit: int) -> list[tuple[int, int, QuoteSpan]]:
        """The quoted text overlapping start..end cut into pieces that do not overlap,
        each with the quote a click there opens (the shortest that takes it in), so
        quotes that overlap are drawn side by side, never tint upon tint."""
        spans = self.quotes_in(start, end, limit)
        cuts = sorted({edge for s in spans for edge in (s.start, s.end)})
        pieces: list[tuple[int, int, QuoteSpan]] = []
        for left, right in zip(cuts, cuts[1:], strict=False):
            covering = [s for s in spans if s.start <= left and right <= s.end]
            if not covering:
                continue
            best = min(covering, key=lambda s: (s.end - s.start, s.start))
            if pieces and pieces[-1][1] == left and pieces[-1][2] is best:
                pieces[-1] = (pieces[-1][0], right, best)
            else:
                pieces.append((left, right, best))
        return pieces

    def uncovered_in(self, start: int, end: int, limit: int) -> list[tuple[int, int]]:
        """At most `limit` unquoted paragraphs overlapping start..end."""
        first = bisect_right(self._uncovered_ends, start)
        return [p for p in self.uncovered[first:first + limit] if p[0] < end]


def coverage_words(found: SeedCoverage) -> str:
    """"62% of sentences quoted · 3 paragraphs unquoted", or why there is no figure."""
    if not found.counted:
        share = "too long to count its sentences here; briefing coverage does"
    elif not found.sentences:
        share = "no sentences to count"
    else:
        share = f"{round(100 * found.coverage)}% of sentences quoted"
    unquoted = len(found.uncovered)
    return f"{share} · {plural(unquoted, 'paragraph')} unquoted" if unquoted else \
        f"{share} · every paragraph quoted"


# -- the bar beside the scroll bar ----------------------------------------------------

@dataclass(frozen=True)
class BarMark:
    top: float       # 0 (the article's start) to 1 (its end)
    bottom: float
    ranges: tuple[tuple[int, int], ...]   # the paragraphs under the mark

    def target(self, fraction: float, length: int) -> int:
        """Where a click at that point of the mark goes: the start of the paragraph under
        it, or of the nearest one the mark holds."""
        point = fraction * length
        nearest = min(self.ranges, key=lambda r: 0 if r[0] <= point < r[1] else
                      min(abs(r[0] - point), abs(r[1] - point)))
        return nearest[0]


def bar_marks(ranges, length: int, least: float) -> list[BarMark]:
    """A mark per range at its place in the article, at least `least` tall (a pixel, as a
    fraction of the bar); marks that would touch are drawn as one."""
    if length <= 0:
        return []
    runs: list[list] = []   # [top, bottom, ranges]: built in place, 76,000 paragraphs can merge
    for start, end in ranges:
        top = start / length
        bottom = max(end / length, top + least)
        if runs and top <= runs[-1][1] + least:
            runs[-1][1] = max(bottom, runs[-1][1])
            runs[-1][2].append((start, end))
        else:
            runs.append([top, bottom, [(start, end)]])
    return [BarMark(top, bottom, tuple(under)) for top, bottom, under in runs]


def mark_at(marks: list[BarMark], fraction: float, reach: float) -> BarMark | None:
    """The mark at (or within `reach` of) a point of the bar, the nearest one."""
    def distance(mark: BarMark) -> float:
        return 0.0 if mark.top <= fraction <= mark.bottom else \
            min(abs(mark.top - fraction), abs(mark.bottom - fraction))
    near = [m for m in marks if distance(m) <= reach]
    return min(near, key=distance) if near else None


# -- around a quote -------------------------------------------------------------------

def context(text: str, start: int, end: int, around: int = 300) -> tuple[int, int]:
    """The passage to show around text[start:end]: its paragraph, at most `around`
    characters either side, cut at a space."""
    before = text.rfind("\n\n", max(0, start - around), start)
    left = before + 2 if before >= 0 else max(0, start - around)
    if before < 0 and left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    after = text.find("\n\n", end, end + around)
    right = after if after >= 0 else min(len(text), end + around)
    if after < 0 and right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    return left, right


# -- the analysis behind the view -----------------------------------------------------

@dataclass(frozen=True)
class Analysis:
    map: ArticleMap
    suggestions: tuple = ()        # Suggestion values for this seed, rejected ones left out
    note: str = ""                 # why there are none, when there cannot be


def analyse(topic: Topic, seed: Seed, texts: SeedTexts, rejected: set[str]) -> Analysis:
    """Coverage and suggestions for one seed of a topic (slow: run it off the GUI thread).
    Raises OSError or UnicodeDecodeError when the seed cannot be read."""
    from .suggestions import suggest
    counted = len(texts.text(seed.path)) <= COUNTED_CHARS
    found = seed_coverage(topic, seed, texts, count=counted)
    if not counted:
        return Analysis(ArticleMap.of(found), note="The article is too long for suggestions "
                        f"here (over {COUNTED_CHARS // 1_000_000} million characters).")
    only = replace(topic, seeds=(seed,))
    return Analysis(ArticleMap.of(found), tuple(suggest(only, texts, rejected, coverage=[found])))


def by_kind(suggestions) -> list[tuple[str, str, list]]:
    """(kind, heading, suggestions) for each kind that has any, in the deck's order."""
    groups = []
    for kind in KINDS:
        these = [s for s in suggestions if s.kind == kind]
        if these:
            groups.append((kind, KIND_LABELS[kind], these))
    return groups
