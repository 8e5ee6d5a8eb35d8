"""`briefing suggest TOPIC_DIR [--json] [--kind KIND] [--reject ID ...]`."""
from __future__ import annotations

import sys

from ..terminal import json_text, say
from ..wording import plural
from . import record, suggest
from .rejected import RejectedError, reject, rejected


def run(args) -> int:
    from ..loader import load_topic
    from ..quotes import SeedTexts
    from ..topics import is_topic_dir

    folder = args.topic_dir
    if not is_topic_dir(folder):
        say(f"briefing suggest: {folder} is not a topic folder (no topic.yaml)", sys.stderr)
        return 1
    texts = SeedTexts()
    topic = load_topic(folder, texts)
    for problem in topic.problems:
        say(problem, sys.stderr)
    try:
        already = rejected(folder)
        found = suggest(topic, texts, already, kinds=tuple(args.kind) or
                        ("figure", "actor", "objective"))
        if args.reject:
            by_id = {s.id: s for s in suggest(topic, texts, already)}
            unknown = [i for i in args.reject if i not in by_id and i not in already]
            if unknown:
                say(f"briefing suggest: no suggestion has the id {', '.join(unknown)}; "
                      f"'briefing suggest {folder}' lists them", sys.stderr)
                return 1
            for suggestion_id in args.reject:
                if suggestion_id in by_id:
                    reject(folder, by_id[suggestion_id])
                say(f"rejected {suggestion_id}: it will not be suggested again")
            return 0
    except RejectedError as error:
        say(f"briefing suggest: {error}", sys.stderr)
        return 1
    if args.json:
        print(json_text([record(s) for s in found]))
        return 0
    for s in found:
        detail = f" = {s.value} {s.unit}".rstrip() + (f", as of {s.as_of}" if s.as_of else "") \
            if s.kind == "figure" else (f" ({s.role})" if s.role else "")
        say(f"{s.id}  {s.kind}: {s.title}{detail}")
        say(f"    {s.seed}: \"{s.quote}\"")
    say(plural(len(found), "suggestion")
          + (f", {len(already)} rejected before" if already else "")
          + (f"; reject one with: briefing suggest {folder} --reject ID" if found else ""),
          file=sys.stderr)
    return 0
