"""Flowables made only when the layout reaches them.

A pack of 10,000 cards made every card's paragraphs before laying out the first page,
and held them all until the last. A Deferred stands in the story for a batch of them:
the document makes them when it comes to it (PackDoc.handle_flowable), and they are
dropped once drawn. The contents must list the entries before the layout, so a Deferred
carries the outline marks its flowables will hold, made beforehand.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from reportlab.platypus.flowables import Flowable

BATCH = 50  # cards made at a time: few enough to hold, enough to make the call cheap


class Deferred(Flowable):
    def __init__(self, make: Callable[[], list], marks: Iterable = ()):
        super().__init__()
        self.make, self.marks = make, list(marks)

    def wrap(self, avail_width, avail_height):
        raise AssertionError("a Deferred is expanded before the layout reaches it")


def expand_ahead(flowables: list) -> None:
    """Make the Deferreds at the head of `flowables`, and any that a run of keep-with-next
    flowables there leads to (reportlab keeps that run together with what follows)."""
    i = 0
    while i < len(flowables):
        if isinstance(flowables[i], Deferred):
            flowables[i:i + 1] = flowables[i].make()
            continue
        if not flowables[i].getKeepWithNext():
            return
        i += 1


def batches(items, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start:start + size]
