"""What each Statistics chart shows, computed without Qt: scales, dated axes, hover texts,
and the calendar's weeks."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from briefing.stats_charts import calendar, daily_chart, forecast_chart, interval_chart, scale

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize("highest,ticks", [
    (0, (0, 1)), (1, (0, 1)), (4, (0, 1, 2, 3, 4)), (7, (0, 2, 4, 6, 8)),
    (12, (0, 5, 10, 15)), (37, (0, 10, 20, 30, 40)), (100, (0, 20, 40, 60, 80, 100)),
    (1234, (0, 500, 1000, 1500))])
def test_the_y_scale_steps_by_one_two_or_five_to_a_top_above_every_bar(highest, ticks):
    assert scale(highest) == ticks


def test_the_forecast_is_dated_from_today_every_week_with_a_hover_text_per_day():
    chart = forecast_chart((3, 0, 1) + (0,) * 26 + (2,), TODAY)
    assert chart.values[:3] == (3, 0, 1) and len(chart.bars) == 30
    assert [(i, bar.label) for i, bar in enumerate(chart.bars) if bar.label] == [
        (0, "Today"), (7, "2 Dec"), (14, "9 Dec"), (21, "16 Dec"), (28, "23 Dec")]
    assert chart.bars[0].tip == "Today (with overdue): 3 prompts due"
    assert chart.bars[2].tip == "Fri 27 Nov 2026: 1 prompt due"
    assert (chart.unit, chart.ticks, chart.bars[0].today) == ("prompts", (0, 1, 2, 3), True)
    assert chart.title == "Due per day, next 30 days"


def test_the_daily_reviews_end_today_with_dates_a_week_apart():
    days = tuple((TODAY - timedelta(days=n), n % 3) for n in range(29, -1, -1))
    chart = daily_chart(days)
    assert chart.bars[-1].label == "Today" and chart.bars[-1].today
    assert [b.label for b in chart.bars if b.label] == ["28 Oct", "4 Nov", "11 Nov", "18 Nov",
                                                        "Today"]
    assert chart.bars[-2].tip == "Tue 24 Nov 2026: 1 review"
    assert chart.values[-3:] == (2, 1, 0) and chart.unit == "reviews"


def test_intervals_are_labelled_by_their_buckets():
    chart = interval_chart((1, 0, 2, 0, 0, 5, 1))
    assert [b.label for b in chart.bars] == ["1d", "2–3d", "4–7d", "1–2w", "2–4w", "1–3mo",
                                             "3mo+"]
    assert chart.bars[5].tip == "Interval 1–3mo: 5 prompts"
    assert chart.ticks == (0, 1, 2, 3, 4, 5)


def test_an_empty_chart_says_so():
    assert forecast_chart((0,) * 30, TODAY).empty == "Nothing is due in these days"
    assert not any(interval_chart((0,) * 7).values)


def test_the_calendar_has_a_column_per_week_monday_first_and_today_last():
    by_day = {TODAY: 8, TODAY - timedelta(days=1): 2, TODAY - timedelta(days=2): 4,
              TODAY - timedelta(days=10): 1, TODAY - timedelta(days=400): 50}
    year = calendar(by_day, TODAY)
    first = TODAY - timedelta(days=364)  # Wed 26 Nov 2025
    assert len(year.weeks) == 53 and all(len(week) == 7 for week in year.weeks)
    assert year.weeks[0][:2] == (None, None) and year.weeks[0][2].day == first
    assert year.weeks[-1][2].day == TODAY and year.weeks[-1][3:] == (None,) * 4
    assert [(cell.reviews, cell.level) for cell in year.weeks[-1][:3]] == [(4, 2), (2, 1),
                                                                          (8, 4)]
    assert year.day(TODAY).tip == "Wed 25 Nov 2026: 8 reviews"
    assert year.day(TODAY - timedelta(days=3)).tip == "Sun 22 Nov 2026: no reviews"
    assert (year.total, year.active_days, year.streak, year.busiest) == (15, 4, 3, 8)
    assert year.summary == ("15 reviews on 4 days in the last year · busiest day 8 · "
                            "3-day streak")


def test_month_labels_stand_where_each_month_begins():
    months = calendar({}, TODAY).months  # from Wed 26 Nov 2025: no room to name November
    assert months[:3] == ((1, "Dec"), (5, "Jan"), (9, "Feb"))
    assert [name for _, name in months][-2:] == ["Oct", "Nov"] and len(months) == 12
    earlier = calendar({}, date(2026, 11, 10)).months  # from Tue 11 Nov 2025: room for it
    assert earlier[:2] == ((0, "Nov"), (3, "Dec"))
    assert calendar({}, TODAY).summary == "No reviews in the last year"


def test_a_streak_still_counts_before_todays_first_review():
    year = calendar({TODAY - timedelta(days=1): 1, TODAY - timedelta(days=2): 1}, TODAY)
    assert year.streak == 2
