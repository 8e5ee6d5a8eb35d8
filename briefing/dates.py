"""Dates as the articles give them: a day, a month, a year, a decade, or a range of them.

A `When` knows how precise it is, so "2003-10" reads "October 2003" and sorts
as the whole month, and "1950–53" reads as the article prints it. `parse`
refuses anything else with a reason and the accepted forms, for a located
problem in `briefing check`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

HINT = ("write a year (2007), a month (2003-10), a day (2003-09-25), a decade (1990s) "
        "or a range (1950–53, 2003-08/2003-10)")
PRECISIONS = ("day", "month", "year", "decade")
# Written out, not calendar.month_name: that module (and locale) cost 8 ms of every start,
# and the names of a date in a card do not change with the reader's locale.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

_POINT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DECADE = re.compile(r"(\d{3})0s")
_YEARS = re.compile(r"(\d{4})[–—](\d{2}|\d{4})")  # 1950–53, 1950–1953 (en or em dash)
_HYPHEN_YEARS = re.compile(r"(\d{4})-(\d{4})")  # a hyphen joins the parts of one date
# Only digits, dashes, slashes and a decade's "s": the author meant a date, so
# a figure's free-text as_of ("recent years") is never mistaken for one.
_DATE_LIKE = re.compile(r"[\d\s/–—-]*\d[\d\s/–—-]*s?")

Day = tuple[int, int, int]


class DateError(ValueError):
    """Not a date this format accepts; the message says why, without the hint."""


@dataclass(frozen=True)
class When:
    """A date or a range of dates, with the precision each end was written at."""

    text: str        # as written
    start: Day       # the first day it covers
    end: Day         # the last day it covers
    precision: str   # of the start: day, month, year or decade
    end_precision: str
    is_range: bool

    @property
    def sort_key(self) -> tuple[Day, Day]:
        return self.start, self.end

    @property
    def year(self) -> int:
        return self.start[0]

    @property
    def label(self) -> str:
        """As a reader says it: "25 September 2003", "October 2003", "1950–53"."""
        return self._label(long=True)

    @property
    def short_label(self) -> str:
        """For tight places: "25 Sep 2003", "Oct 2003", "1950–53"."""
        return self._label(long=False)

    def _label(self, long: bool) -> str:
        if not self.is_range:
            return _point_label(self.start, self.precision, long)
        (y1, m1, d1), (y2, m2, d2) = self.start, self.end
        both = (self.precision, self.end_precision)
        if both == ("year", "year"):
            same_century = y1 // 100 == y2 // 100
            return f"{y1}\u2013{y2 % 100:02d}" if same_century else f"{y1}\u2013{y2}"
        if both == ("month", "month") and y1 == y2:
            return f"{_month(m1, long)}\u2013{_month(m2, long)} {y1}"
        if both == ("day", "day") and (y1, m1) == (y2, m2):
            return f"{d1}\u2013{d2} {_month(m1, long)} {y1}"
        return (f"{_point_label(self.start, self.precision, long)} \u2013 "
                f"{_point_label(self.end, self.end_precision, long)}")

    @property
    def iso_start(self) -> str:
        return "{:04d}-{:02d}-{:02d}".format(*self.start)

    @property
    def iso_end(self) -> str:
        return "{:04d}-{:02d}-{:02d}".format(*self.end)

    def as_json(self) -> dict:
        return {"text": self.text, "label": self.label, "start": self.iso_start,
                "end": self.iso_end, "precision": self.precision}


def _month(number: int, long: bool) -> str:
    name = MONTHS[number - 1]
    return name if long else name[:3]


def _point_label(day: Day, precision: str, long: bool) -> str:
    year, month, number = day
    if precision == "decade":
        return f"{year}s"
    if precision == "year":
        return str(year)
    if precision == "month":
        return f"{_month(month, long)} {year}"
    return f"{number} {_month(month, long)} {year}"


def _point(text: str) -> tuple[Day, Day, str]:
    """First and last day of one date, and its precision."""
    decade = _DECADE.fullmatch(text)
    if decade:
        first = int(decade.group(1)) * 10
        return (first, 1, 1), (first + 9, 12, 31), "decade"
    match = _POINT.fullmatch(text)
    if not match:
        years = _HYPHEN_YEARS.fullmatch(text)
        if years:
            first, last = years.groups()
            raise DateError(f"for the years {first} to {last} write {first}\u2013{last} "
                            f"(with an en dash) or {first}/{last}")
        raise DateError("not a date form")
    year = int(match.group(1))
    if match.group(2) is None:
        return (year, 1, 1), (year, 12, 31), "year"
    month = int(match.group(2))
    if not 1 <= month <= 12:
        if match.group(3) is None and month > year % 100:
            raise DateError(f"{month:02d} is not a month; for the years {year} to "
                            f"{year // 100 * 100 + month} write {year}\u2013{month:02d} "
                            f"(with an en dash) or {year}/{year // 100 * 100 + month}")
        raise DateError(f"there is no month {month:02d}")
    import calendar
    last = calendar.monthrange(year, month)[1]
    if match.group(3) is None:
        return (year, month, 1), (year, month, last), "month"
    day = int(match.group(3))
    if not 1 <= day <= last:
        raise DateError(f"{MONTHS[month - 1]} {year} has {last} days")
    return (year, month, day), (year, month, day), "day"


def parse(value) -> When:
    """The When of a YAML value (text or a whole-number year); DateError if it is none."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise DateError("not a date form")
    if isinstance(value, int):
        if not 1000 <= value <= 9999:
            raise DateError("a year has four digits")
        value = str(value)
    text = value.strip()
    years = _YEARS.fullmatch(text)
    if years:
        first = int(years.group(1))
        last = int(years.group(2))
        if len(years.group(2)) == 2:
            last += first // 100 * 100
        when = When(value, (first, 1, 1), (last, 12, 31), "year", "year", True)
    elif text.count("/") == 1:
        left, right = (part.strip() for part in text.split("/"))
        start, _end, precision = _point(left)
        _start, end, end_precision = _point(right)
        when = When(value, start, end, precision, end_precision, True)
    else:
        start, end, precision = _point(text)
        return When(value, start, end, precision, precision, False)
    if when.end < when.start:
        raise DateError("the range ends before it starts")
    return when


def problem(field: str, value, error: DateError) -> str:
    """The message of a located problem: the field, what was written, why, and the forms."""
    # A reason that already says what to write needs no list of every form.
    reason = str(error)
    return f"{field} '{value}': {reason}" + ("" if " write " in reason else f"; {HINT}")


def looks_like_date(value) -> bool:
    """Whether free text (a figure's as_of) was meant as a date and should parse as one."""
    if isinstance(value, int) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and bool(_DATE_LIKE.fullmatch(value.strip()))


def parse_optional(value) -> When | None:
    """A When where the value parses as one, else None (free text such as "recent years")."""
    try:
        return parse(value)
    except DateError:
        return None
