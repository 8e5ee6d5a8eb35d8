"""`briefing pdf`: load topics, skip broken ones (saying why), export the rest."""
from __future__ import annotations

import sys

from ..exports import load_for_export
from ..terminal import say


def run(args) -> int:
    from . import PdfError, export_pdf

    topics, good, failed = load_for_export("pdf", args.paths)
    if args.topic:
        known = {t.id for t in topics}
        for wanted in args.topic:
            if wanted not in known:
                failed = True
                say(f"briefing pdf: no topic '{wanted}'; topics here: "
                      f"{', '.join(sorted(known)) or 'none'}", sys.stderr)
        good = [t for t in good if t.id in args.topic]
    if not good:
        say("briefing pdf: nothing to export: no valid topic", sys.stderr)
        return 1
    try:
        report = export_pdf(good, args.output, layout=args.layout, paper=args.paper,
                            card_size=args.card_size, duplex=args.duplex, each=args.each,
                            kinds=tuple(args.kind), tags=tuple(args.tag))
    except PdfError as error:
        say(f"briefing pdf: {error}", sys.stderr)
        return 1
    for missing in report.missing:
        say(f"briefing pdf: warning: {missing}", sys.stderr)
    from .markup import MAX_FIELD_CHARS
    fits = "fit the card" if report.layout == "cards" else f"{MAX_FIELD_CHARS:,} characters"
    for where in report.shortened:
        say(f"briefing pdf: warning: {where} text was cut to {fits}", sys.stderr)
    say(report.summary)
    return 1 if failed else 0
