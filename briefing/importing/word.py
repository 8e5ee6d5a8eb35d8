"""Word documents (.docx): the body's paragraphs and tables in order, and the document's
properties. Page headers and footers live apart from the body in a .docx, so they
are never read."""
from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from ..wording import plural
from .article import Article, ImportFailure, first_line_title, iso_date, seed_text, tidy

# Names that word processors and libraries put in a document's properties on their own.
_NOT_AUTHORS = {"python-docx", "microsoft office user", "windows user", "administrator",
                "user", "author", "unknown"}
_TITLE_STYLES = ("title", "heading 1")
# python-docx's own template dates every document it makes at this moment.
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)


def read(path: Path, data: bytes) -> Article:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ImportFailure(f"{path.name} is not a Word .docx file (an old .doc? open it in "
                            "Word or LibreOffice and save it as .docx)") from None
    paragraphs, empty, title = [], 0, ""
    for block in _body(document):
        text = tidy(block.text) if hasattr(block, "text") else _row_text(block)
        if not text:
            empty += 1
            continue
        style = getattr(getattr(block, "style", None), "name", "") or ""
        if not title and style.lower() in _TITLE_STYLES:
            title = text
        paragraphs.append(text)
    text = seed_text(paragraphs)
    if not text:
        raise ImportFailure(f"{path.name} has no text in its body")
    props = document.core_properties
    author = tidy(props.author or "")
    if author.lower() in _NOT_AUTHORS:
        author = ""
    steps = [f"kept {plural(len(paragraphs), 'paragraph')}"
             + (f", skipped {plural(empty, 'empty paragraph')}" if empty else "")
             + "; page headers and footers left out"]
    date = ""
    created = props.created
    if created and created.replace(tzinfo=None) != _TEMPLATE_CREATED:
        date = iso_date(created.date().isoformat())
        steps.append(f"date {date} is when the document was created: check it against "
                     "the article")
    return Article(text=text, title=tidy(props.title or "") or title or first_line_title(text),
                   author=author, date=date, steps=tuple(steps))


def _body(document):
    """Paragraphs and table rows in the order the body holds them."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            yield from Table(child, document).rows


def _row_text(row) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell appears once per column it spans
            continue
        seen.add(id(cell._tc))
        cells.append(tidy(cell.text))
    return " | ".join(c for c in cells if c)
