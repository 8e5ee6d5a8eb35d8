"""Where a study session's grades go: into the progress store at once, or, while
another program holds the file, into a queue that is saved as soon as it is free.

The window never waits on SQLite for more than a moment (the store's short
busy timeout): a grade that finds the file locked is kept here, in order, and
`flush()` (called on a timer, and patiently at quit) saves it later.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..progress import ProgressBusy, ProgressStore, Review


@dataclass(eq=False)
class Saved:
    """A grade handed to the log: its row in the store once saved, else queued."""

    review: Review
    row: int | None = None


@dataclass
class GradeLog:
    store: ProgressStore | None
    waiting: list[Saved] = field(default_factory=list)

    def save(self, review: Review) -> Saved:
        """Save now, or queue when the file is busy. Raises ProgressError (nothing kept)
        when the grade cannot be saved at all, e.g. on a full disk."""
        entry = Saved(review)
        if self.store is None:
            return entry
        if self.waiting:
            self.flush()  # keep the order: earlier grades go first
        if self.waiting:
            self.waiting.append(entry)
            return entry
        try:
            entry.row = self.store.record(review)
        except ProgressBusy:
            self.waiting.append(entry)
        return entry

    def flush(self, patient: bool = False) -> int:
        """Save what waits, in order; how many still wait. Patient (at quit): each grade
        waits seconds, not a moment, for the other program to let go of the file."""
        if patient and self.waiting and self.store is not None:
            with self.store.patient():
                return self.flush()
        while self.waiting and self.store is not None:
            try:
                self.waiting[0].row = self.store.record(self.waiting[0].review)
            except ProgressBusy:
                break
            self.waiting.pop(0)
        return len(self.waiting)

    def take_back(self, entry: Saved) -> None:
        """Undo one grade, saved or still waiting. Raises ProgressError when the store
        cannot take it back now (the caller keeps it to try again)."""
        if entry in self.waiting:
            self.waiting.remove(entry)
        elif entry.row is not None and self.store is not None:
            self.store.undo(entry.row)
