"""`briefing anki [PATH ...] -o FILE`: export the topics without problems."""
from __future__ import annotations

import sys

from ..collector import paused_collection
from ..datafolder import DataFolder
from ..exports import load_for_export
from ..terminal import say


def run(args) -> int:
    # The loaded topics live as long as the command, and it makes no garbage cycles
    # worth collecting: two collections that found nothing cost 50 ms at 10,000 cards.
    # Paused, not frozen: gc.unfreeze() afterwards would hand the collector everything
    # frozen before (a test process's old windows), and collecting that crashed Qt.
    with paused_collection():
        return _export(args, *_load(args))


def _load(args):
    # Re-exporting an unchanged topic skips reading and checking its YAML: at 10,000
    # cards that was two thirds of the command's time.
    return load_for_export("anki", args.paths, DataFolder.default().cache)


def _export(args, topics, good, failed) -> int:
    from .package import AnkiExportError, export_anki

    broken = [t.id for t in topics if not t.ok]
    if not good:
        reason = "every topic has problems (see above)" if broken else "no topics found"
        say(f"briefing anki: nothing to export: {reason}", sys.stderr)
        return 1
    try:
        report = export_anki(good, args.output)
    except AnkiExportError as error:
        say(f"briefing anki: {error}", sys.stderr)
        return 1
    say(f"wrote {report.output}: {report.summary} ({', '.join(report.decks)})")
    if failed and not broken:  # skipped topics were named above, once each
        say("briefing anki: some paths could not be read (see above)", sys.stderr)
    return 1 if failed else 0
