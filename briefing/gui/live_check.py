"""The editor's live check, run in a process of its own (see briefing.live_check).

Requests go down a pipe; answers come back on another, watched by a socket
notifier, so the window is told without polling and never blocks on a check.
Where a process cannot be started, checks run on a worker thread instead.
"""
from __future__ import annotations

import multiprocessing
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSocketNotifier, QThreadPool, Signal

from .. import live_check


class _Thread(QRunnable):
    """The fallback: one check on the thread pool."""

    def __init__(self, owner: LiveCheck, generation: int, folder: Path, texts: dict):
        super().__init__()
        self.owner, self.generation, self.folder, self.texts = owner, generation, folder, texts

    def run(self) -> None:
        problems = live_check.check(self.folder, self.texts)
        try:
            self.owner.finished.emit(self.generation, problems)
        except RuntimeError:
            pass  # the editor closed while this check ran


class LiveCheck(QObject):
    finished = Signal(int, object)  # generation, list of Problems

    def __init__(self, parent=None):
        super().__init__(parent)
        self._process = None
        self._send = self._receive = None
        self._notifier: QSocketNotifier | None = None

    def request(self, generation: int, folder: Path, texts: dict[Path, str],
                on_screen: Path | None = None) -> None:
        """Check the topic with texts in place of its files; on_screen: the file shown,
        parsed again from where it changes (live_check)."""
        if self._process is None and not self._start():
            QThreadPool.globalInstance().start(_Thread(self, generation, folder, texts))
            return
        try:
            self._send.send((generation, str(folder), {str(p): t for p, t in texts.items()},
                             str(on_screen) if on_screen else None))
        except (BrokenPipeError, OSError):
            self.close()  # the process died: start another next time, and check now here
            QThreadPool.globalInstance().start(_Thread(self, generation, folder, texts))

    def _start(self) -> bool:
        try:
            context = multiprocessing.get_context("spawn")  # no fork of a running Qt app
            requests, self._send = context.Pipe(duplex=False)
            self._receive, replies = context.Pipe(duplex=False)
            self._process = context.Process(target=live_check.serve, args=(requests, replies),
                                            name="briefing-live-check", daemon=True)
            self._process.start()
            requests.close()
            replies.close()
        except (OSError, ValueError, RuntimeError):
            self._process = None
            return False
        self._notifier = QSocketNotifier(self._receive.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._answered)
        return True

    def _answered(self, *_args) -> None:
        try:
            while self._receive.poll():
                generation, problems = self._receive.recv()
                self.finished.emit(generation, problems)
        except (EOFError, OSError):
            self.close()

    def close(self) -> None:
        if self._process is None:
            return
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        try:
            self._send.send(None)
        except (BrokenPipeError, OSError):
            pass
        self._process.join(1.0)
        if self._process.is_alive():
            self._process.terminate()
        for end in (self._send, self._receive):
            end.close()
        self._process = self._send = self._receive = self._notifier = None
