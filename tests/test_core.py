"""The core stays a plain-Python library: no Qt, no reportlab, atomic writes, forgiving quote search."""
from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.atomic import WriteError, write_text
from briefing.quotes import fold, locate

ROOT = Path(__file__).resolve().parent.parent
# Every module of the package but the GUI: found on disk, so a new one is covered too.
CORE = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for path in (ROOT / "briefing").rglob("*.py")
    if "gui" not in path.relative_to(ROOT / "briefing").parts and path.name != "__main__.py")


def test_every_core_module_imports_without_qt():
    code = ("import sys\n"
            "sys.modules['PySide6'] = None  # importing it would now fail\n"
            f"import {', '.join(CORE)}\n"
            "print('imported')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "imported", result.stderr


def test_check_loads_neither_qt_nor_reportlab_nor_genanki(workspace):
    workspace.topic()
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        f"status = main(['check', {str(workspace.cards)!r}])\n"
        "heavy = [m for m, v in sys.modules.items()\n"
        "         if v is not None and m.split('.')[0] in ('PySide6', 'reportlab', 'genanki')]\n"
        "print(status, heavy)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "0 []", result.stderr


def test_the_guard_covers_every_core_module():
    assert len(CORE) >= 30 and "briefing.study.controller" in CORE and "briefing.pdf.pack" in CORE
    assert not any(name.startswith("briefing.gui") for name in CORE)


@pytest.mark.slow
def test_the_import_contracts_hold():
    """pyproject.toml's [tool.importlinter]: only briefing.gui imports Qt or the GUI."""
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "2 kept, 0 broken" in result.stdout


def test_ruff_finds_nothing():
    """pyproject.toml's [tool.ruff]: the lint settings are kept, not only written down."""
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--no-cache", "--output-format", "concise", "."],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_fold_treats_typography_alike_but_keeps_words():
    assert fold("“a”  ‘b’\n c—d – e") == fold('"a" \'b\' c-d-e')
    assert fold("Jiabao") != fold("Jiabo")


def test_locate_returns_the_span_in_the_original_text():
    article = "Before.  It said “keep   calm”—and left.\nAfter."
    start, end = locate(article, 'It said "keep calm" - and left.')
    assert article[start:end] == "It said “keep   calm”—and left."
    assert locate(article, "not there") is None


def test_locate_finds_exactly_what_folding_finds_and_the_span_folds_to_the_quote():
    # The app highlights with locate and `check` tests with folded text: they must agree.
    import random
    rnd = random.Random(5)
    alphabet = "ab -\u2014\u2013 \n\t'\u2019\"\u201c\u00a0"
    for _ in range(20000):
        article = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        quote = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 6)))
        if not fold(quote):
            continue
        found = locate(article, quote)
        assert (found is not None) == (fold(quote) in fold(article)), (article, quote)
        if found:
            assert fold(article[found[0]:found[1]]) == fold(quote), (article, quote)


def test_locate_in_a_16_mb_article_takes_milliseconds():
    article = "Filler words, and more of them. " * 500_000 + "The passage at the very end."
    started = time.perf_counter()
    start, end = locate(article, "The passage at the very end")
    assert article[start:end] == "The passage at the very end"
    assert time.perf_counter() - started < 1.0  # folding the article with offsets took 9 s


def test_atomic_write_replaces_the_whole_file(tmp_path):
    target = tmp_path / "f.yaml"
    target.write_text("old")
    write_text(target, "new\r\nkept exactly\n")
    assert target.read_bytes() == b"new\r\nkept exactly\n"
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]


def _fail_with(monkeypatch, target: str, code: int):
    def broken(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    monkeypatch.setattr(target, broken)


@pytest.mark.parametrize("where,code,reason", [
    ("tempfile.mkstemp", errno.EROFS, "read-only or you lack permission"),  # cannot even start
    ("os.fsync", errno.ENOSPC, "the disk is full"),                         # fails mid-write
    ("os.replace", errno.EACCES, "read-only or you lack permission"),       # fails at the end
])
def test_failed_atomic_write_says_why_and_keeps_the_old_file(tmp_path, monkeypatch, where, code, reason):
    target = tmp_path / "f.yaml"
    target.write_text("old")
    _fail_with(monkeypatch, where, code)
    with pytest.raises(WriteError, match=reason) as error:
        write_text(target, "new")
    monkeypatch.undo()
    assert str(error.value).startswith(f"cannot write {target}: ")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]  # no temp file left behind


def test_quote_search_with_the_word_index_agrees_with_a_plain_scan(tmp_path):
    import random

    from briefing.quotes import INDEX_AFTER, SeedTexts
    article = " ".join(f"word{n % 97} “said” {n}—and" for n in range(3000))
    path = tmp_path / "a.txt"
    path.write_text(article, encoding="utf-8")
    folded = fold(article)
    seeds = SeedTexts()
    rng = random.Random(7)
    for n in range(INDEX_AFTER * 3):  # past the point where the index is built
        start = rng.randrange(len(article) - 80)
        quote = article[start:start + rng.randrange(5, 80)]
        if n % 2:
            cut = len(quote) // 2
            quote = quote[:cut] + "x" + quote[cut:]
        assert seeds.contains(path, quote) == (fold(quote) in folded), quote


def test_drafts_keep_unsaved_text_per_file_and_know_what_they_started_from(tmp_path):
    from briefing.drafts import Drafts
    drafts = Drafts(tmp_path / "drafts")
    cards = tmp_path / "topic" / "cards.yaml"
    drafts.keep(cards, "edited\n", "original\n")
    draft = drafts.get(cards)
    assert draft.text == "edited\n" and draft.started_from("original\n")
    assert not draft.started_from("changed by someone else\n")
    assert [d.path.name for d in drafts.pending([tmp_path / "topic"])] == ["cards.yaml"]
    assert drafts.pending([tmp_path / "elsewhere"]) == []
    drafts._file(cards).write_text("{not json")
    assert drafts.get(cards) is None  # a damaged draft is ignored, not a crash
    drafts.drop(cards)
    assert drafts.get(cards) is None


def test_collector_pauses_nest_and_the_collector_comes_back_on():
    import gc
    import threading

    from briefing.collector import paused_collection
    assert gc.isenabled()
    done = threading.Event()

    def other_thread():
        with paused_collection():
            done.wait(2)
    worker = threading.Thread(target=other_thread)
    with paused_collection():
        worker.start()
        with paused_collection():
            assert not gc.isenabled()
    assert not gc.isenabled()  # the worker's pause still holds
    done.set()
    worker.join()
    assert gc.isenabled()


def test_a_figures_date_reads_as_of_unless_it_says_so_itself():
    from briefing.model import Card
    base = {"topic": "t", "id": "x", "kind": "figure", "title": "T", "front": "F", "back": "B", "sources": ()}
    assert Card(**base, as_of="2004").as_of_text == "as of 2004"
    assert Card(**base, as_of="as reported in 2007").as_of_text == "as reported in 2007"
    assert Card(**base).as_of_text == ""


def test_the_search_index_made_in_steps_is_the_one_made_at_once(workspace):
    from briefing.library import Library
    from briefing.loader import load_topic
    from briefing.search_index import SearchIndex
    topic = load_topic(workspace.topic())
    library = Library([topic.path.parent], topics=[topic])
    steps = list(library.index_steps(chunk=1))
    assert len(steps) == len(topic.cards) + 1  # a step a card, and the cards by id
    assert library._index(topic).texts == SearchIndex(topic).texts
    # A topic read again while its index was being made does not get the old one.
    library = Library([topic.path.parent], topics=[topic])
    steps = library.index_steps(chunk=1)
    next(steps)
    library.replace_topic(load_topic(topic.path))
    list(steps)
    assert library._indexes == {}


def test_the_search_index_finds_cards_holding_every_word_as_a_plain_scan_would(workspace):
    from briefing.library import CardFilter, Library
    from briefing.loader import load_topic
    from briefing.search_index import SearchIndex
    topic = load_topic(workspace.topic())
    index = SearchIndex(topic)
    for words in (["trade"], ["1.5", "billion"], ["pati"], ["sincerity", "premier"], ["zzz"], []):
        scanned = {n for n, card in enumerate(topic.cards)
                   if all(word in card.search_text() for word in words)}
        assert index.matching(words) == scanned, words
    library = Library([topic.path.parent], topics=[topic])
    assert [c.id for c in library.cards(CardFilter(text="Billion 2005"))] == ["trade-2005"]


def test_holds_words_finds_what_the_regex_with_word_lookarounds_found():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from briefing.model import _holds_words
    pieces = st.text(alphabet="ab1_ –-.", max_size=8)

    @settings(max_examples=400, deadline=None)
    @given(pieces, pieces.filter(bool))
    def agree(text, part):
        found = re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text) is not None
        assert _holds_words(text, part) == found

    agree()
    assert _holds_words("1950–53", "1950–53") and not _holds_words("19505", "1950")
