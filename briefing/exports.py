"""What the exports share: which topics can go out, and saying why the others cannot."""
from __future__ import annotations

import sys
from pathlib import Path

from .model import Topic
from .terminal import say
from .wording import plural


def exportable(topics) -> tuple[list[Topic], list[Topic]]:
    """(topics without problems, topics with problems): a broken topic is never exported."""
    good = [t for t in topics if t.ok]
    return good, [t for t in topics if not t.ok]


def load_for_export(command: str, paths, cache_dir: Path | None = None
                    ) -> tuple[list[Topic], list[Topic], bool]:
    """Load topics for `briefing pdf` or `briefing anki`, printing every problem.

    With cache_dir, a topic whose files are unchanged since it was last checked comes
    from the app's topic cache (its problems with it), and one loaded afresh is kept
    there. Returns all topics, the exportable ones, and whether anything was wrong
    (the command then exits 1 even when it wrote the rest)."""
    from .paths import default_topic_paths

    paths = list(paths or default_topic_paths())
    if cache_dir is not None:
        from .library import Library
        library = Library(paths, cache_dir=cache_dir)
        topics, problems = library.topics, library.problems
    else:
        from .loader import load_all
        topics, problems = load_all(paths)
    for problem in problems:
        say(problem, sys.stderr)
    good, broken = exportable(topics)
    for topic in broken:
        for problem in topic.problems:
            say(problem, sys.stderr)
        say(f"briefing {command}: skipped topic '{topic.id}': "
            f"{plural(len(topic.problems), 'problem')} (run: briefing check {topic.path})",
            sys.stderr)
    return topics, good, bool(problems or broken)
