"""`briefing coverage [PATH ...] [--json]`: how much of each article the cards quote."""
from __future__ import annotations

import sys

from .terminal import json_text, say


def run(args) -> int:
    from .coverage import record, topic_coverage
    from .loader import load_all
    from .paths import default_topic_paths
    from .quotes import SeedTexts
    from .sentences import BODY
    texts = SeedTexts()
    topics, problems = load_all(args.paths or default_topic_paths(), texts)
    for topic in topics:
        problems.extend(topic.problems)
    for problem in problems:
        say(problem, sys.stderr)
    found = [c for topic in topics for c in topic_coverage(topic, texts)]
    if args.json:
        print(json_text([record(c) for c in found]))
        return 1 if problems else 0
    for c in found:
        body = sum(p.kind == BODY for p in c.paragraphs)
        say(f"{c.topic}/{c.seed.id}: {c.covered} of {c.sentences} sentences quoted "
            f"({c.coverage:.0%}); {len(c.uncovered)} of {body} paragraphs untouched")
        for p in c.uncovered:
            opening = " ".join(c.text[p.start:p.end].split()[:12])
            say(f"  paragraph {p.index + 1} (characters {p.start}-{p.end}): {opening} ...")
    return 1 if problems else 0
