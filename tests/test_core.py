"""The core stays a plain-Python library: no Qt, no reportlab, atomic writes, forgiving quote search."""
from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from briefing.atomic import WriteError, write_text
from briefing.quotes import fold, locate

CORE = ["briefing.model", "briefing.loader", "briefing.validator", "briefing.quotes",
        "briefing.listing", "briefing.scaffold", "briefing.cli", "briefing.atomic",
        "briefing.importing", "briefing.importing.web", "briefing.importing.pdf_text",
        "briefing.importing.word", "briefing.importing.plain", "briefing.importing.command"]


def test_core_imports_and_check_run_without_qt_or_reportlab(workspace):
    workspace.topic()
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None  # importing it would now fail\n"
        f"import {', '.join(CORE)}\n"
        "from briefing.cli import main\n"
        f"status = main(['check', {str(workspace.cards)!r}])\n"
        "heavy = [m for m, v in sys.modules.items()\n"
        "         if v is not None and m.split('.')[0] in ('PySide6', 'reportlab', 'genanki')]\n"
        "print(status, heavy)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "0 []", result.stderr


def test_fold_treats_typography_alike_but_keeps_words():
    assert fold("“a”  ‘b’\n c—d – e") == fold('"a" \'b\' c-d-e')
    assert fold("Jiabao") != fold("Jiabo")


def test_locate_returns_the_span_in_the_original_text():
    article = "Before.  It said “keep   calm”—and left.\nAfter."
    start, end = locate(article, 'It said "keep calm" - and left.')
    assert article[start:end] == "It said “keep   calm”—and left."
    assert locate(article, "not there") is None


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
