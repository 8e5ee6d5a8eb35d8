"""`briefing anki [PATH ...] -o FILE`: export the topics without problems."""
from __future__ import annotations

import sys

from ..exports import load_for_export


def run(args) -> int:
    from .package import AnkiExportError, export_anki

    topics, good, failed = load_for_export("anki", args.paths)
    broken = [t.id for t in topics if not t.ok]
    if not good:
        reason = "every topic has problems (see above)" if broken else "no topics found"
        print(f"briefing anki: nothing to export: {reason}", file=sys.stderr)
        return 1
    try:
        report = export_anki(good, args.output)
    except AnkiExportError as error:
        print(f"briefing anki: {error}", file=sys.stderr)
        return 1
    print(f"wrote {report.output}: {report.summary} ({', '.join(report.decks)})")
    if failed and not broken:  # skipped topics were named above, once each
        print("briefing anki: some paths could not be read (see above)", file=sys.stderr)
    return 1 if failed else 0
