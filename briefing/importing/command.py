"""`briefing import SOURCE ... --into TOPIC_DIR`: what each file gave, step by step."""
from __future__ import annotations

import sys

from ..terminal import say
from . import ImportFailure, import_articles, quiet_libraries


def run(args) -> int:
    quiet_libraries()
    try:
        reports = import_articles(args.sources, args.into, title=args.title,
                                  encoding=args.encoding)
    except ImportFailure as error:
        say(f"briefing import: {error}; nothing was written", sys.stderr)
        return 1
    for report in reports:
        for line in report.lines():
            say(line)
    if any(r.created_topic for r in reports):
        say(f"created topic {args.into}: write its cards, then run: briefing check {args.into}")
    elif any(not r.skipped for r in reports):
        say(f"updated {args.into}; next: briefing suggest {args.into}")
    return 0
