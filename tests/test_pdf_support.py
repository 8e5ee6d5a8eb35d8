"""Shared by the PDF tests: synthetic topics in the real format, and reading PDFs back.

(No tests here; the name keeps it with the PDF tests it serves.)
"""
from __future__ import annotations

from pathlib import Path

import pypdf
import yaml

from briefing.loader import load_topic

KINDS = ("actor", "objective", "figure")


def article(count: int) -> str:
    lines = ["Synthetic Article For Layout Tests", ""]
    lines += [f"Fact number {i}: the measured value was {i} units, said the “report”—again."
              for i in range(count)]
    return "\n".join(lines) + "\n"


def card(i: int, kind: str | None = None, **fields) -> dict:
    kind = kind or KINDS[i % 3]
    data = {"id": f"card-{i}", "kind": kind, "title": f"Card {i} title",
            "front": f"Question {i}?", "back": f"Answer {i}.",
            "sources": [{"seed": "art", "quote": f"Fact number {i}:"}]}
    if kind == "figure":
        data.update(value=round(i * 1.5, 1), unit="units", as_of=str(2000 + i),
                    series="Stress series")
    data.update(fields)
    return data


def write_topic(root: Path, name: str, cards: list[dict], *, title: str = "Stress topic",
                bottom_line: str = "Everything here is synthetic.", judgments=None,
                facts: int | None = None) -> Path:
    """A topic folder with its own seed article (`facts` sentences) and the given cards."""
    folder = root / name
    folder.mkdir(parents=True)
    seed = root / f"{name}-seed.txt"
    seed.write_text(article(facts if facts is not None else max(len(cards), 10)),
                    encoding="utf-8")
    header = {"title": title, "bottom_line": bottom_line,
              "seeds": [{"id": "art", "file": f"../{seed.name}",
                         "title": "Synthetic Article", "publication": "Test Brief, Volume 9",
                         "year": 2009}]}
    if judgments:
        header["key_judgments"] = judgments
    dump = {"allow_unicode": True, "sort_keys": False, "width": 1000}
    (folder / "topic.yaml").write_text(yaml.safe_dump(header, **dump), encoding="utf-8")
    (folder / "cards.yaml").write_text(yaml.safe_dump({"cards": cards}, **dump),
                                       encoding="utf-8")
    return folder


def valid_topic(folder: Path):
    topic = load_topic(folder)
    assert topic.ok, "\n".join(map(str, topic.problems))
    return topic


def stress_topic(root: Path, count: int = 120, name: str = "stress"):
    cards = [card(i, related=[f"card-{i - 1}"] if i else []) for i in range(count)]
    return valid_topic(write_topic(root, name, cards, facts=count))


def read(path) -> pypdf.PdfReader:
    return pypdf.PdfReader(str(path))


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def outline(reader: pypdf.PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every outline entry, in order."""
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))
    walk(reader.outline, 0)
    return found


def positions(page) -> list[tuple[str, float, float]]:
    """Each text chunk drawn on the page with the point where it starts."""
    found = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y))
    page.extract_text(visitor_text=visit)
    return found


def where(page, needle: str) -> tuple[float, float]:
    for text, x, y in positions(page):
        if needle in text:
            return x, y
    raise AssertionError(f"{needle!r} not drawn on the page")


def link_targets(reader: pypdf.PdfReader, page_index: int) -> list[int]:
    """The pages that the links on a page jump to."""
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    targets = []
    for annot in reader.pages[page_index].get("/Annots") or []:
        annot = annot.get_object()
        if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
            targets.append(pages[annot["/Dest"][0].idnum])
    return targets


def header(page) -> str:
    """The text drawn in the top margin (the running header)."""
    top = float(page.mediabox.height) - 60
    return " ".join(text for text, _x, y in positions(page) if y > top)
