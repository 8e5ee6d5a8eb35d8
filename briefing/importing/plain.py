"""Plain text (.txt) and Markdown (.md): the text as it is, decoded and NFC-normalised.

Only encodings that announce themselves are decoded: UTF-8 (with or without a
byte-order mark) and UTF-16 or UTF-32 with one. Anything else is refused with
the place of the first byte that is not UTF-8, since guessing between Latin-1,
Windows-1252 and the rest would change characters a quote must match.
"""
from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ..wording import plural
from ..yamlfile import position
from .article import Article, ImportFailure, first_line_title

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode(path: Path, data: bytes, encoding: str = "") -> tuple[str, str]:
    """The text and the name of the encoding it was read in."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise ImportFailure(f"unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as error:
            byte, at = data[error.start], error.start
            raise ImportFailure(f"{path.name} is not {encoding} text "
                                f"(byte 0x{byte:02x} at offset {at})") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.removesuffix("-sig").upper()
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        good = data[:error.start].decode("utf-8", errors="replace")
        line, col = position(good, len(good))
        raise ImportFailure(
            f"{path.name} is not UTF-8 text (byte 0x{data[error.start]:02x} at line {line}, "
            f"column {col}); save it as UTF-8, or name its encoding with --encoding, "
            "e.g. --encoding cp1252") from None


def read(path: Path, data: bytes, encoding: str = "") -> Article:
    text, used = decode(path, data, encoding)
    if "\x00" in text:
        raise ImportFailure(f"{path.name} holds NUL characters: it is not a text file")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ImportFailure(f"{path.name} is empty")
    if not text.endswith("\n"):
        text += "\n"
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    steps = (f"read {used} text as it is: {plural(len(paragraphs), 'paragraph')}",)
    return Article(text=text, title=first_line_title(text), steps=steps)
