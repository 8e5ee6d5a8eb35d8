"""The FSRS scheduler (the `fsrs` package) behind a small interface of our own.

Only this module knows fsrs's types; the rest of the app passes its JSON and
plain values around. fsrs is imported when a card is first graded, not at
start-up.
"""
from __future__ import annotations

from datetime import datetime, timedelta

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
REVIEW_STATE = 2  # fsrs State.Review: graduated from its learning steps


def make_scheduler(fuzz: bool = True):
    from fsrs import Scheduler
    # Fuzzing spreads cards learned together over nearby days, as Anki does.
    return Scheduler(desired_retention=0.9, enable_fuzzing=fuzz)


def load(data: str | None):
    from fsrs import Card
    return Card.from_json(data) if data else Card(card_id=0)


def state_of(data: str) -> tuple[int, datetime]:
    card = load(data)
    return int(card.state), card.due


def outcomes(scheduler, data: str | None, now: datetime) -> dict:
    """The card's next fsrs state for each rating, computed once so the button
    shows exactly the interval that grading will give."""
    from fsrs import Rating
    card = load(data)
    return {rating: scheduler.review_card(card, Rating(rating), now)[0] for rating in RATINGS}


def interval_text(delta: timedelta) -> str:
    """A compact interval such as 10m, 3h, 4d, 2mo, 1.5y."""
    seconds = max(delta.total_seconds(), 0)
    minutes = seconds / 60
    if minutes < 1:
        return "<1m"
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        months = days / 30.4
        return f"{months:.1f}mo".replace(".0mo", "mo")
    years = days / 365
    return f"{years:.1f}y".replace(".0y", "y")
