"""PDF export: a briefing pack to hand out, or cut-out flashcards to print double-sided.

`export_pdf` is the one entry point (the app and `briefing pdf` both call it).
reportlab is imported only when a PDF is made, so importing this package is cheap.
"""
from __future__ import annotations

from pathlib import Path

from .. import clock
from .options import OPTIONS
from .report import MissingText, PdfError, PdfReport

__all__ = ["export_pdf", "PdfError", "PdfReport", "MissingText"]


def export_pdf(topics, output, *, layout="pack", paper="a4", card_size="index", duplex="long",
               each="prompt", kinds=(), tags=(), progress=None, fonts=None) -> PdfReport:
    """Write the chosen cards of `topics` to `output` (atomically) and say what was made.

    progress(done, total) is called as cards are laid out (from the caller's
    thread; keep it cheap). `fonts` (a fonts.Fonts) is for tests; the default
    finds fonts on this machine. Raises PdfError with a message for the user.
    """
    from .selection import select

    for (name, choice), value in zip(OPTIONS.items(),
                                     (layout, paper, card_size, duplex, each), strict=True):
        if value not in choice.values():
            raise PdfError(f"unknown {name} '{value}': choose one of "
                           f"{', '.join(choice.values())}")
    output = Path(output)
    parts = select(topics, kinds, tags)
    if not parts:
        raise PdfError("nothing to export: no cards match"
                       + (" the chosen kinds and tags" if kinds or tags else ""))
    from ..atomic import WriteError, check_target, write_bytes
    try:
        check_target(output)  # before the work: a pipe, a link or a read-only file is refused
    except WriteError as error:
        raise PdfError(str(error)) from error
    data, pages, cards, shortened, missing = _render(parts, layout, paper, card_size, duplex,
                                                     each, kinds, tags, progress, fonts)
    try:
        write_bytes(output, data)
    except WriteError as error:
        raise PdfError(str(error)) from error
    return PdfReport(output, pages, layout, cards, missing, tuple(shortened))


def _render(parts, layout, paper, card_size, duplex, each, kinds, tags, progress, fonts):
    from reportlab.platypus.doctemplate import LayoutError

    from .fonts import Fonts
    from .markup import Markup
    from .report import missing_texts
    from .sheets import paper_size

    mk = Markup(fonts or Fonts())
    meta = _metadata(parts, layout)
    cards = sum(len(p.cards) for p in parts)
    shortened: list[str] = []
    try:
        if layout == "pack":
            from .pack import build_pack
            today = clock.today()
            date = f"{today.day} {today:%B %Y}"
            data, pages = build_pack(parts, paper_size(paper), mk, date=date,
                                     filters=(kinds, tags), progress=progress, meta=meta)
            shortened = mk.shortened
        else:
            from .cards import build_cards
            data, pages, shortened = build_cards(parts, paper, card_size, duplex, mk, each=each,
                                                 progress=progress, meta=meta)
    except IndexError as error:
        if "not resolved" not in str(error):
            raise
        # multiBuild gave up: the contents kept changing between passes
        raise PdfError(f"the PDF layout did not settle: {error}") from error
    except LayoutError as error:  # a flowable too big for any page: a bug, said plainly
        raise PdfError(f"could not lay out the PDF: {str(error).splitlines()[0]}") from error
    return data, pages, cards, shortened, missing_texts(mk.missing)


def _metadata(parts, layout) -> dict:
    from .. import __version__
    from .markup import plain

    titles = [plain(p.topic.title) for p in parts]
    kind = "Briefing pack" if layout == "pack" else "Briefing cards"
    title = titles[0] if len(titles) == 1 else f"{kind}: " + "; ".join(titles)
    seeds = list(dict.fromkeys(plain(s.title) for p in parts for s in p.topic.seeds))
    subject = (f"{kind} on the actors, objectives and key figures of {'; '.join(titles)}"
               + (f", drawn from: {'; '.join(seeds)}" if seeds else ""))
    tags = sorted({t for p in parts for c in p.cards for t in c.tags})
    return {"title": title if layout == "pack" else f"{title} (cards)", "author": "Briefing Cards",
            "subject": subject, "keywords": ", ".join(tags),
            "creator": f"Briefing Cards {__version__}"}
