"""What each Statistics chart shows, as plain values: bars with their labels, hover texts
and a y scale, and the review calendar's weeks and month labels.

Computed here, without Qt, so the widgets only draw and tests check exact values.
Dates are written in English whatever the locale, as the rest of the app is.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .stats_prompts import INTERVAL_BUCKETS
from .wording import plural

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
LABEL_EVERY = 7      # days between dates on a daily chart's axis
CALENDAR_LEVELS = 4  # shades of a calendar day with reviews


def short_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def long_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Bar:
    value: int
    label: str   # under the bar on the x axis; "" for none
    tip: str     # shown on hover
    today: bool = False


@dataclass(frozen=True)
class BarChart:
    title: str
    unit: str                 # what the y axis counts, e.g. "reviews"
    bars: tuple[Bar, ...]
    ticks: tuple[int, ...]    # the y scale: 0 first, then even steps to a top no bar passes
    empty: str                # said over the chart when every bar is 0

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(bar.value for bar in self.bars)

    @property
    def top(self) -> int:
        return self.ticks[-1]


def scale(highest: int, most_steps: int = 5) -> tuple[int, ...]:
    """Ticks from 0 in steps of 1, 2 or 5 times a power of ten, at most `most_steps` of
    them, up to the first tick at or above `highest` (and above 0)."""
    step = 1
    while -(-highest // step) > most_steps:
        for factor in (2, 2.5, 2):  # 1 → 2 → 5 → 10
            step = int(step * factor)
            if -(-highest // step) <= most_steps:
                break
    top = max(step, -(-highest // step) * step)
    return tuple(range(0, top + 1, step))


def forecast_chart(forecast: tuple[int, ...], today: date) -> BarChart:
    """Prompts due on each of the next days; today's bar holds every overdue one too."""
    bars = []
    for offset, due in enumerate(forecast):
        day = today + timedelta(days=offset)
        when = "Today (with overdue)" if offset == 0 else long_date(day)
        bars.append(Bar(due, "Today" if offset == 0 else
                        short_date(day) if offset % LABEL_EVERY == 0 else "",
                        f"{when}: {plural(due, 'prompt')} due", offset == 0))
    return BarChart(f"Due per day, next {len(forecast)} days", "prompts", tuple(bars),
                    scale(max(forecast, default=0)), "Nothing is due in these days")


def daily_chart(daily: tuple[tuple[date, int], ...]) -> BarChart:
    """Reviews on each of the last days, oldest first, today last."""
    bars = []
    for back, (day, reviews) in enumerate(reversed(daily)):
        label = "Today" if back == 0 else short_date(day) if back % LABEL_EVERY == 0 else ""
        bars.append(Bar(reviews, label, f"{'Today' if back == 0 else long_date(day)}: "
                                        f"{plural(reviews, 'review')}", back == 0))
    bars.reverse()
    return BarChart(f"Reviews per day, last {len(daily)} days", "reviews", tuple(bars),
                    scale(max((n for _, n in daily), default=0)), "No reviews in these days")


def interval_chart(intervals: tuple[int, ...]) -> BarChart:
    """Prompts in spaced review by their current interval (due minus last review)."""
    bars = tuple(Bar(n, label, f"Interval {label}: {plural(n, 'prompt')}")
                 for (label, _days), n in zip(INTERVAL_BUCKETS, intervals, strict=True))
    return BarChart("Intervals of prompts in spaced review", "prompts", bars,
                    scale(max(intervals, default=0)), "No prompt is in spaced review yet")


@dataclass(frozen=True)
class CalendarDay:
    day: date
    reviews: int
    level: int  # 0: none; 1 to CALENDAR_LEVELS, few to most
    tip: str


@dataclass(frozen=True)
class Calendar:
    """A year of reviews as GitHub draws it: a column per week, Monday at the top."""

    weeks: tuple[tuple[CalendarDay | None, ...], ...]  # None: outside the year shown
    months: tuple[tuple[int, str], ...]  # (column, month) where a month's label starts
    today: date
    total: int        # reviews in the year
    active_days: int  # days with any
    streak: int       # days in a row with reviews, up to today (or yesterday)
    busiest: int      # most reviews in a day

    def day(self, wanted: date) -> CalendarDay | None:
        return next((cell for week in self.weeks for cell in week
                     if cell is not None and cell.day == wanted), None)

    @property
    def summary(self) -> str:
        if not self.total:
            return "No reviews in the last year"
        return (f"{plural(self.total, 'review')} on {plural(self.active_days, 'day')} in the "
                f"last year · busiest day {self.busiest} · {self.streak}-day streak")


def calendar(by_day: dict[date, int], today: date, days: int = 365) -> Calendar:
    first = today - timedelta(days=days - 1)
    start = first - timedelta(days=first.weekday())  # the Monday of the first week
    shown = {day: n for day, n in by_day.items() if first <= day <= today and n}
    busiest = max(shown.values(), default=0)
    weeks, months = [], []
    monday = start
    while monday <= today:
        column = []
        for offset in range(7):
            day = monday + timedelta(days=offset)
            if not first <= day <= today:
                column.append(None)
                continue
            n = shown.get(day, 0)
            level = -(-n * CALENDAR_LEVELS // busiest) if n else 0
            reviews = plural(n, "review") if n else "no reviews"
            column.append(CalendarDay(day, n, level, f"{long_date(day)}: {reviews}"))
            if day.day == 1:
                months.append((len(weeks), MONTHS[day.month - 1]))
        weeks.append(tuple(column))
        monday += timedelta(days=7)
    if not months or months[0][0] >= 3:  # room to name the month the year starts in
        months.insert(0, (0, MONTHS[first.month - 1]))
    streak, day = 0, today if today in shown else today - timedelta(days=1)
    while day in shown:
        streak, day = streak + 1, day - timedelta(days=1)
    return Calendar(tuple(weeks), tuple(months), today, sum(shown.values()), len(shown),
                    streak, busiest)
