"""`briefing import`: articles from web pages, PDFs, Word and text files into a topic's seeds.

The app calls import_article (File > Import Article…, a file dropped on the
window); the command calls import_articles. Every file is read before anything
is written, so a bad one leaves the topic as it was.
"""
from __future__ import annotations

from pathlib import Path

from ..quotes import MAX_SEED_BYTES
from .article import Article, ImportFailure
from .into_topic import ImportReport, place

__all__ = ["Article", "ImportFailure", "ImportReport", "SUFFIXES", "import_article",
           "import_articles", "quiet_libraries", "read_article"]

# What each kind of file is read with (modules loaded only when needed).
SUFFIXES = {".html": "web", ".htm": "web", ".xhtml": "web", ".pdf": "pdf_text",
            ".docx": "word", ".txt": "plain", ".md": "plain", ".markdown": "plain"}
# A source file larger than this is not an article.
MAX_SOURCE_BYTES = 256 * 1024 * 1024
_ADVICE = {".doc": "an old Word .doc: open it in Word or LibreOffice and save it as .docx",
           ".rtf": "RTF: save it as .docx or .txt",
           ".odt": "OpenDocument: save it as .docx",
           ".epub": "an e-book: import the chapter as .html or .txt",
           ".mhtml": "a web archive: save the page as 'Web page, HTML only'",
           ".mht": "a web archive: save the page as 'Web page, HTML only'"}


def read_article(source: Path, encoding: str = "") -> tuple[bytes, Article]:
    """The file's bytes and the article read from them; ImportFailure says why not."""
    source = Path(source)
    suffix = source.suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(sorted(SUFFIXES))
        why = _ADVICE.get(suffix) or f"unknown file type '{suffix or source.name}'"
        raise ImportFailure(f"cannot import {source.name}: {why}; briefing imports {known}")
    try:
        if not source.is_file():
            raise ImportFailure(f"{source}: no such file" if not source.exists()
                                else f"{source} is not a file")
        if source.stat().st_size > MAX_SOURCE_BYTES:
            raise ImportFailure(f"{source.name} is larger than {MAX_SOURCE_BYTES // 2**20} MiB")
        data = source.read_bytes()
    except OSError as error:
        raise ImportFailure(f"cannot read {source}: {error.strerror or error}") from None
    kind = SUFFIXES[suffix]
    if kind == "pdf_text" and b"%PDF-" not in data[:1024]:
        raise ImportFailure(f"{source.name} is not a PDF file")
    if kind == "web":
        from . import web as reader
    elif kind == "pdf_text":
        from . import pdf_text as reader
    elif kind == "word":
        from . import word as reader
    else:
        from . import plain
        return data, _checked(source, plain.read(source, data, encoding))
    return data, _checked(source, reader.read(source, data))


def _checked(source: Path, article: Article) -> Article:
    if len(article.text.encode("utf-8")) > MAX_SEED_BYTES:
        raise ImportFailure(f"{source.name} holds more than {MAX_SEED_BYTES // 2**20} MiB of "
                            "text, more than a seed may; split it")
    return article


def import_articles(sources, topic_dir: Path, title: str = "",
                    encoding: str = "") -> list[ImportReport]:
    """Import each source into topic_dir (a new topic when it does not exist), all or
    nothing: raises ImportFailure, with nothing written, when any file is bad."""
    read = [(Path(source), *read_article(source, encoding)) for source in sources]
    if not read:
        raise ImportFailure("no file to import")
    return place(read, Path(topic_dir), title)


def import_article(source: Path, topic_dir: Path) -> ImportReport:
    """Import one file into a topic; what the app calls for File > Import Article…"""
    return import_articles([source], topic_dir)[0]


# Libraries that log their own warnings about a damaged file ("EOF marker not
# found"); the one-line message that follows says what matters.
_CHATTY = ("pypdf", "trafilatura", "htmldate", "courlan", "justext")


def quiet_libraries() -> None:
    import logging
    for name in _CHATTY:
        logging.getLogger(name).setLevel(logging.CRITICAL)
