"""Figures no card quotes yet: money amounts, percentages, counts and dates.

Our own patterns rather than a quantity library: the figures of a policy
article come in a few written forms ("U.S. $1.4 billion (2004)", "between 70
to 90 percent", "over 100 Chinese companies", "In December 2005"), and a miss
is cheaper than a wrong value. The quote is the clause around the figure, so
its hedges ("about", "reportedly", "estimated at") come with it.
"""
from __future__ import annotations

import re

from ..coverage import SeedCoverage
from . import Suggestion, body_sentences
from .clauses import capitalised, clause, piece, words_after, words_before

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:million|billion|trillion|thousand|bn)\b)"
_HEDGE = (r"(?:(?:about|around|roughly|some|nearly|almost|over|more than|less than|fewer than|"
          r"up to|at least|close to|approximately|an estimated|as many as|as much as|under|"
          r"between|below|above)\s)")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
MONEY = re.compile(
    rf"(?P<hedge>{_HEDGE})?(?P<currency>(?:U\.S\.\s?|US\s?|USD\s?|A|C|HK|NZ)?\$|€|£|¥|RMB\s?)\s?"
    rf"(?P<number>{_NUM})(?P<scale>{_SCALE})?"
    rf"|(?P<hedge2>{_HEDGE})?(?P<number2>{_NUM})(?P<scale2>{_SCALE})?\s"
    r"(?P<currency2>dollars|euros|pounds|yuan|won|yen|rupees|roubles|rubles)\b")
PERCENT = re.compile(
    rf"(?P<hedge>{_HEDGE})?(?P<number>{_NUM})(?:\s?(?:%|percent|per cent)?\s?(?:to|and|-|–)\s?"
    rf"(?P<upper>{_NUM}))?\s?(?:%|percent\b|per cent\b)"
    r"(?:\s(?:to|and)\s(?P<fraction>one-(?:third|quarter|fifth|half)|half|two-thirds))?")
COUNT = re.compile(
    rf"(?P<hedge>{_HEDGE})?(?P<number>{_NUM})(?P<scale>{_SCALE})?\s"
    r"(?:[A-Z][a-z]+\s)?(?P<noun>(?:(?:cubic|square|metric)\s)?[a-z]{3,}s)\b")
DATE = re.compile(
    rf"\b(?:{_MONTH}\s\d{{1,2}},\s(?:1[89]|20)\d\d|\d{{1,2}}\s{_MONTH}\s(?:1[89]|20)\d\d|"
    rf"{_MONTH}\s(?:1[89]|20)\d\d)\b")
YEAR = re.compile(r"\b(?:in|since|by|from|until|till|before|after|during|of)\s(?:the\s)?"
                  r"(?:(?:early|mid|late)[\s-]|(?:spring|summer|autumn|fall|winter)\s)?"
                  r"(?P<year>(?:1[89]|20)\d\d)(?P<decade>s)?\b")
_ANY_YEAR = re.compile(r"(?<![\d,.$])(?:1[89]|20)\d\d(?![\d,])")
_RANGE = re.compile(r"\b[Ff]rom (?:the )?(?P<from>(?:(?:early|mid|late)[\s-])?(?:1[89]|20)\d\ds?)"
                    r" (?:to|until) (?P<to>(?:1[89]|20)\d\d)\b")
# "(Lianhe Zaobao, October 18)", "(Asia Times Online, October 6; ...)": a source, not a figure.
CITATION = re.compile(rf"\([A-Z][^()]*?,\s(?:{_MONTH}(?:\s\d{{1,2}})?(?:,\s\d{{4}})?|\d{{4}})"
                      r"[^()]*\)")
_FOOTNOTE = re.compile(r"\[\d+\]")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_NOT_UNITS = {"years", "times", "days", "months", "weeks", "hours", "minutes", "decades"}


def _number(text: str) -> float | int:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def _value(match: re.Match, hedge: str | None, number: str, upper: str | None = None):
    if upper:
        return f"{number} to {upper}"
    if hedge and hedge.strip() != "between":
        return f"{hedge.strip()} {number}"
    return _number(number)


def _iso(date_text: str) -> str:
    parts = date_text.replace(",", "").split()
    year = next(p for p in parts if len(p) == 4 and p.isdigit())
    month = next((f"{_MONTHS.index(p.lower()) + 1:02d}" for p in parts
                  if p.lower() in _MONTHS), "")
    day = next((f"{int(p):02d}" for p in parts if p.isdigit() and len(p) <= 2), "")
    return "-".join(p for p in (year, month, day) if p)


def _as_of(text: str, sentence: tuple[int, int], part: tuple[int, int], at: tuple[int, int],
           fallback: str, used: set[int], citations) -> str:
    """The date a figure refers to: a year in brackets right after it, a year in its
    clause, a "from ... to ..." span in its sentence, else the article's year."""
    after = re.match(r"\s?\((?P<year>(?:1[89]|20)\d\d)\)", text[at[1]:at[1] + 8])
    if after:
        used.add(at[1] + after.start("year"))
        return after.group("year")
    span = _RANGE.search(text, *sentence)
    if span:
        used.update(range(span.start(), span.end()))
        return f"{span.group('from')} to {span.group('to')}"
    years = [m for m in _ANY_YEAR.finditer(text, *part) if not at[0] <= m.start() < at[1]
             and not any(a <= m.start() < b for a, b in citations)]
    if years:
        nearest = min(years, key=lambda m: abs(m.start() - at[0]))
        used.add(nearest.start())
        return nearest.group(0)
    return fallback


def find(found: SeedCoverage) -> list[Suggestion]:
    text, seed = found.text, found.seed
    fallback = str(seed.year) if seed.year else ""
    suggestions: list[Suggestion] = []
    for sentence in body_sentences(found):
        start, end = sentence
        citations = [m.span() for m in CITATION.finditer(text, start, end)]
        taken = citations + [m.span() for m in _FOOTNOTE.finditer(text, start, end)]
        used_years: set[int] = set()
        figures = []
        for kind, pattern in (("money", MONEY), ("percent", PERCENT), ("count", COUNT)):
            for match in pattern.finditer(text, start, end):
                span = match.span()
                if kind == "count" and (match.group("noun").split()[-1] in _NOT_UNITS
                                        or _ANY_YEAR.fullmatch(match.group("number"))):
                    continue
                if any(a < span[1] and span[0] < b for a, b in taken):
                    continue
                taken.append(span)
                figures.append((kind, match))
        for kind, match in figures:
            span = match.span()
            if found.is_covered(*span):
                continue
            part = _without_citation(text, clause(text, sentence, span), span, citations)
            as_of = _as_of(text, sentence, part, span, fallback, used_years, citations)
            suggestions.append(_figure(kind, match, text, seed.id, part,
                                       piece(text, sentence, span), as_of))
        suggestions += _dates(found, text, sentence, taken, used_years)
    return suggestions


def _without_citation(text: str, part: tuple[int, int], span: tuple[int, int], citations):
    """The quote stops before a source in brackets that follows its figure."""
    for a, _b in citations:
        if span[1] <= a < part[1]:
            end = a
            while end > part[0] and text[end - 1] in " ,;":
                end -= 1
            return part[0], end
    return part


def _figure(kind: str, match: re.Match, text: str, seed_id: str, part: tuple[int, int],
            inner: tuple[int, int], as_of: str) -> Suggestion:
    groups = match.groupdict()
    shown = match.group(0).strip()
    if kind == "money":
        number = groups["number"] or groups["number2"]
        hedge = groups["hedge"] or groups["hedge2"]
        currency = (groups["currency"] or groups["currency2"] or "").replace(" ", "")
        currency = {"U.S.$": "US$", "USD$": "US$", "dollars": "$", "euros": "€",
                    "pounds": "£"}.get(currency, currency)
        scale = (groups["scale"] or groups["scale2"] or "").strip()
        value, unit = _value(match, hedge, number), f"{currency} {scale}".strip()
        reason = "a money amount no card quotes"
    elif kind == "percent":
        upper = groups["upper"]
        value = _value(match, groups["hedge"], groups["number"], upper)
        if groups["fraction"]:
            value = f"{groups['number']} percent to {groups['fraction']}"
        unit = "percent"
        reason = "a percentage no card quotes"
    else:
        scale = (groups["scale"] or "").strip()
        value = _value(match, groups["hedge"], groups["number"])
        unit = f"{scale} {groups['noun']}".strip()
        reason = "a count no card quotes"
    year_after = re.match(r"\s?\((?:1[89]|20)\d\d\)", text[match.end():match.end() + 8])
    title = _title(text, inner, match.span(), shown, subject_first=kind == "money")
    if year_after and not title.endswith(")"):
        title += year_after.group(0)
    return Suggestion("figure", title, text[part[0]:part[1]], seed_id, part[0], part[1],
                      reason, value=value, unit=unit, as_of=as_of,
                      identity=f"{text[part[0]:part[1]]}\n{shown}")


_VERBISH = {"was", "were", "is", "are", "be", "been", "has", "have", "had", "estimated", "at",
            "to", "amounting", "amounted", "grew", "rose", "fell", "reached", "of", "cost",
            "costs", "would", "will", "totalling", "totaling", "worth", "valued", "by", "with",
            "and", "the", "a", "an", "for", "put", "stood", "said", "says", "around"}


def _title(text: str, inner: tuple[int, int], span: tuple[int, int], shown: str,
           subject_first: bool) -> str:
    """The figure with what it measures: "Chinese financial assistance to North Korea:
    U.S. $210 million", "33 percent of North Korea's total foreign trade"."""
    before = words_before(text, inner[0], span[0], 10)
    while before and before[-1].lower().strip(",") in _VERBISH:
        before.pop()
    following = words_after(text, span[1], inner[1], 7)
    if (subject_first or len(following.split()) < 2) and len(before) >= 2:
        if subject_first:
            return f"{capitalised(' '.join(before))}: {shown}"
        return capitalised(f"{' '.join(words_before(text, inner[0], span[0], 6))} {shown}")
    return capitalised(f"{shown} {following}".strip())


def _dates(found: SeedCoverage, text: str, sentence: tuple[int, int], taken, used: set[int]):
    """The first date of a sentence that no card quotes and no figure took as its as-of."""
    for pattern, kind in ((DATE, "date"), (YEAR, "year")):
        for match in pattern.finditer(text, *sentence):
            at = match.span("year") if kind == "year" else match.span()
            if at[0] in used or any(a <= at[0] < b for a, b in taken) or found.is_covered(*at):
                continue
            shown = text[at[0]:at[1]] + (match.group("decade") or "" if kind == "year" else "")
            # A date is the event's: its whole sentence says what happened, when not long.
            part = sentence if len(text[slice(*sentence)].split()) <= 40 \
                else clause(text, sentence, at)
            quote = text[part[0]:part[1]]
            as_of = _iso(shown) if kind == "date" else shown
            return [Suggestion("figure", capitalised(" ".join(quote.split()[:10]).rstrip(",;:")),
                               quote, found.seed.id, part[0], part[1],
                               "a date no card quotes", value=shown, as_of=as_of,
                               identity=f"{quote}\n{shown}")]
    return []
