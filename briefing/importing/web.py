"""A web page (.html, .htm, a page saved from a browser): the article only, and its metadata.

trafilatura finds the article among the menus, banners, share buttons and
footers; its metadata (title, author, date, site) comes from the page's <meta>
tags and JSON-LD. It is imported only when a page is, because it is slow to load.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..wording import plural
from .article import Article, ImportFailure, iso_date, seed_text, tidy

_WORD = re.compile(r"\w+")


def read(path: Path, data: bytes) -> Article:
    import trafilatura
    from lxml import html as lxml_html

    try:
        document = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, favor_recall=True,
            deduplicate=False,
            # Dates from the page's metadata and markup only: a full-text
            # search would take a "© 2024" in the footer for the article's date.
            date_extraction_params={"extensive_search": False, "original_date": True})
    except (ValueError, TypeError) as error:  # undecodable or malformed beyond repair
        raise ImportFailure(f"{path.name} cannot be read as a web page ({error})") from None
    paragraphs = [] if document is None or document.body is None else \
        [text for text in (_text(block) for block in _blocks(document.body)) if text]
    text = seed_text(paragraphs)
    if not text:
        raise ImportFailure(f"{path.name}: no article text found in the page; it may hold "
                            "only navigation, or need JavaScript to show its text (save it "
                            "from a browser once the article shows)")
    kept_words = len(_WORD.findall(text))
    try:
        page = lxml_html.fromstring(data)
        for junk in page.xpath("//script|//style|//noscript|//template|//head"):
            junk.drop_tree()
        page_words = len(_WORD.findall(page.text_content()))
    except (ValueError, SyntaxError):  # lxml's ParserError is a ValueError subclass
        page_words = kept_words
    dropped = max(0, page_words - kept_words)
    steps = (f"kept {plural(len(paragraphs), 'paragraph')} ({plural(kept_words, 'word')}) of the "
             f"article; dropped {plural(dropped, 'word')} of page furniture (menus, banners, "
             "share buttons, related links, footers)",)
    return Article(text=text, title=tidy(document.title or ""),
                   author=tidy(document.author or ""),
                   site=tidy(document.sitename or document.hostname or ""),
                   date=iso_date(document.date or ""), steps=steps)


def _blocks(body):
    """The paragraph-like elements of trafilatura's body, in reading order."""
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("list", "table"):
            yield from _blocks(element)
        elif tag:
            yield element


def _text(element) -> str:
    if element.tag == "row":  # a table row on one line, its cells apart
        return " | ".join(filter(None, (_text(cell) for cell in element)))
    return tidy("".join(element.itertext()))
