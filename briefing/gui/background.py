"""Work off the GUI thread: a function runs on a worker, and its result (or the error it
raised) comes back on the GUI thread, where only the newest request still counts."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal


class _Job(QRunnable):
    class Done(QObject):
        finished = Signal(int, object, object)   # ticket, result, error

    def __init__(self, ticket: int, work: Callable[[], object]):
        super().__init__()
        self.ticket, self.work = ticket, work
        self.done = self.Done()

    def run(self) -> None:
        try:
            result, error = self.work(), None
        except Exception as raised:  # handed to the GUI thread, which shows it
            result, error = None, raised
        try:
            self.done.finished.emit(self.ticket, result, error)
        except RuntimeError:
            pass  # the window closed while this ran: nobody is left to tell


class Background(QObject):
    """One queue of work: requests run one at a time, in order, and a result arrives only
    if no newer request was made since, so a slow old answer never overwrites a new one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # pysbd and the loader are not known to be thread-safe
        self._ticket = 0
        self._jobs: dict[int, tuple] = {}  # each keeps its signal object alive until it reports

    def run(self, work: Callable[[], object], done: Callable[[object], None],
            failed: Callable[[Exception], None] | None = None) -> None:
        self._ticket += 1
        job = _Job(self._ticket, work)
        # A bound method: the connection goes when this object does, so an answer that
        # comes after its window closed reaches nothing.
        job.done.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._jobs[self._ticket] = (job, done, failed)
        self.pool.start(job)

    def _finished(self, ticket: int, result, error) -> None:
        _job, done, failed = self._jobs.pop(ticket, (None, None, None))
        if ticket != self._ticket or done is None:
            return
        if error is None:
            done(result)
        elif failed is not None:
            failed(error)
        else:
            raise error

    def cancel(self) -> None:
        """Drop the answer of whatever is under way."""
        self._ticket += 1

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
