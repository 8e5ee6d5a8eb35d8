"""Shared fixtures: small topics written on the fly, and an isolated data folder."""
from __future__ import annotations

import os
import textwrap
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Qt tests need no display; set before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
# The one time every test runs at, in this process and in the app processes it
# starts (they inherit BRIEFING_NOW): no test depends on today's date.
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ARTICLE = """\
Example Article On Trade

The two countries signed a “joint agreement” in 2005—after long talks.
Bilateral trade grew to U.S. $1.4 billion in 2004, and to U.S. $1.5 billion in 2005.
The Premier said that “patience, sincerity, and pragmatism” are keys.
"""

TOPIC_YAML = """\
title: Example topic
bottom_line: Trade grew while the talks went on.
seeds:
  - id: art
    file: ../../seeds/article.txt
    title: Example Article On Trade
    publication: Example Brief, Volume 1
    year: 2006
"""

CARDS_YAML = """\
cards:
  - id: premier
    kind: actor
    title: The Premier
    role: Head of government
    front: Who called for patience?
    back: The Premier, who named three keys to progress.
    tags: [leaders]
    related: [patience, trade-2004]
    sources:
      - seed: art
        quote: "“patience, sincerity, and pragmatism” are keys"
  - id: patience
    kind: objective
    title: Patient talks
    front: What keys to progress did the Premier name?
    back: Patience, sincerity and pragmatism.
    related: [premier]
    sources:
      - seed: art
        quote: The Premier said that "patience, sincerity, and pragmatism" are keys.
  - id: trade-2004
    kind: figure
    title: Trade in 2004
    front: How large was bilateral trade in 2004?
    back: About 1.4 billion US dollars.
    value: 1.4
    unit: US$ billion
    as_of: 2004
    series: Bilateral trade
    tags: [trade]
    sources:
      - seed: art
        quote: Bilateral trade grew to U.S. $1.4 billion in 2004
  - id: trade-2005
    kind: figure
    title: Trade in 2005
    front: How large was bilateral trade in 2005?
    back: About 1.5 billion US dollars.
    value: 1.5
    unit: US$ billion
    as_of: 2005
    series: Bilateral trade
    tags: [trade]
    sources:
      - seed: art
        quote: to U.S. $1.5 billion in 2005
"""

# The example cards with two prompts on trade-2004: a question, and a cloze over its quote.
PROMPTED = CARDS_YAML.replace('''    back: About 1.4 billion US dollars.
''', '''    back: About 1.4 billion US dollars.
    prompts:
      - q: How large was bilateral trade in 2004?
        a: US$1.4 billion
      - id: growth
        cloze: "Bilateral trade grew to {{c1::U.S. $1.4 billion}} in 2004"
        seed: art
''')


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


class Workspace:
    """A project-like folder: cards/<topic>/ and seeds/article.txt."""

    def __init__(self, root: Path):
        self.root = root
        self.cards = root / "cards"
        self.seeds = root / "seeds"
        self.cards.mkdir()
        self.seeds.mkdir()
        (self.seeds / "article.txt").write_text(ARTICLE, encoding="utf-8")

    def topic(self, name: str = "example", topic_yaml: str = TOPIC_YAML,
              files: dict[str, str | bytes] | None = None) -> Path:
        """Write a topic; files default to the valid example cards."""
        folder = self.cards / name
        folder.mkdir()
        if topic_yaml is not None:
            (folder / "topic.yaml").write_text(topic_yaml, encoding="utf-8")
        for filename, content in (files if files is not None else {"cards.yaml": CARDS_YAML}).items():
            target = folder / filename
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(dedent(content) if content.startswith("\n") else content,
                                  encoding="utf-8")
        return folder


@pytest.fixture
def workspace(tmp_path) -> Workspace:
    return Workspace(tmp_path)


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own progress and settings folder, never the user's,
    and runs at NOW."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(folder))
    monkeypatch.setenv("BRIEFING_NOW", NOW.isoformat())
    monkeypatch.setenv("BRIEFING_TOPICS_DIR", str(folder / "topics"))  # `briefing new`'s home
    return folder


# The fonts the non-Latin PDF tests need, by script: (a font that has it, its Debian package).
# .ci/run installs these packages, so on CI the tests run; elsewhere they skip, saying why.
FONTS_FOR = {"Hangul": ("NanumGothic", "fonts-nanum"),
             "Han": ("WenQuanYi Micro Hei", "fonts-wqy-microhei"),
             "Cyrillic": ("DejaVu Sans", "fonts-dejavu-core"),
             "Greek": ("DejaVu Sans", "fonts-dejavu-core")}


def need_fonts_for(text: str) -> None:
    """Skip the test unless a TrueType font on this machine draws every character of text."""
    from briefing.pdf.fonts import FontFinder, in_base, script_of
    finder = FontFinder()
    lacking = sorted({script_of(c) for c in text if not in_base(c) and not c.isspace()
                      and finder.face_for(c) is None})
    if lacking:
        wanted = sorted({f"{FONTS_FOR[s][0]} (Debian package {FONTS_FOR[s][1]})"
                         for s in lacking if s in FONTS_FOR})
        pytest.skip(f"no font here draws {', '.join(lacking)} text; install "
                    + (", ".join(wanted) or "a TrueType font for it"))


def later(seconds: float, action, *args) -> threading.Thread:
    """Run action(*args) in a thread after a pause. Not threading.Timer: its timed wait
    takes a deadline from the clock, which `faketime -f +400d` moves 400 days ahead,
    and the suite hung there; a sleep is relative."""
    def run():
        time.sleep(seconds)
        action(*args)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread
