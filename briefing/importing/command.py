"""`briefing import SOURCE ... --into TOPIC_DIR`: what each file gave, step by step."""
from __future__ import annotations

import logging
import sys

from ..terminal import say
from . import ImportFailure, import_articles

# Libraries that log their own warnings about a damaged file ("EOF marker not
# found"); the one-line message that follows says what matters.
_CHATTY = ("pypdf", "trafilatura", "htmldate", "courlan", "justext")


def run(args) -> int:
    for name in _CHATTY:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        reports = import_articles(args.sources, args.into, title=args.title,
                                  encoding=args.encoding)
    except ImportFailure as error:
        say(f"briefing import: {error}; nothing was written", sys.stderr)
        return 1
    for report in reports:
        if report.skipped:
            say(f"{report.source.name}: skipped, {report.skipped}")
            continue
        say(f"{report.source.name} -> seed '{report.seed_id}'")
        for step in report.steps:
            say(f"  {step}")
    if any(r.created_topic for r in reports):
        say(f"created topic {args.into}: write its cards, then run: briefing check {args.into}")
    elif any(not r.skipped for r in reports):
        say(f"updated {args.into}; next: briefing suggest {args.into}")
    return 0
