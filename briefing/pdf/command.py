"""`briefing pdf`: load topics, skip broken ones (saying why), export the rest."""
from __future__ import annotations

import sys

from ..exports import load_for_export


def run(args) -> int:
    from . import PdfError, export_pdf

    topics, good, failed = load_for_export("pdf", args.paths)
    if args.topic:
        known = {t.id for t in topics}
        for wanted in args.topic:
            if wanted not in known:
                failed = True
                print(f"briefing pdf: no topic '{wanted}'; topics here: "
                      f"{', '.join(sorted(known)) or 'none'}", file=sys.stderr)
        good = [t for t in good if t.id in args.topic]
    if not good:
        print("briefing pdf: nothing to export: no valid topic", file=sys.stderr)
        return 1
    try:
        report = export_pdf(good, args.output, layout=args.layout, paper=args.paper,
                            card_size=args.card_size, duplex=args.duplex,
                            kinds=tuple(args.kind), tags=tuple(args.tag))
    except PdfError as error:
        print(f"briefing pdf: {error}", file=sys.stderr)
        return 1
    for missing in report.missing:
        print(f"briefing pdf: warning: {missing}", file=sys.stderr)
    for side in report.shortened:
        print(f"briefing pdf: warning: {side} text was cut to fit the card", file=sys.stderr)
    print(report.summary)
    return 1 if failed else 0
