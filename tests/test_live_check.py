"""The editor's live check runs in a process of its own: typing never waits on it."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import CARDS_YAML
from PySide6.QtCore import Qt

from briefing.live_check import check


def test_the_check_process_answers_only_the_newest_request(workspace):
    import multiprocessing

    from briefing.live_check import serve
    folder = workspace.topic()
    context = multiprocessing.get_context("spawn")
    requests, send = context.Pipe(duplex=False)
    receive, replies = context.Pipe(duplex=False)
    worker = context.Process(target=serve, args=(requests, replies), daemon=True)
    broken = {str(folder / "cards.yaml"): CARDS_YAML.replace("kind: actor", "kind: actr")}
    for generation in (1, 2, 3):  # three requests sent before the process even starts
        send.send((generation, str(folder), broken if generation == 3 else {}, None))
    worker.start()
    assert receive.poll(60)
    generation, problems = receive.recv()
    assert generation == 3 and any("unknown kind 'actr'" in p.message for p in problems)
    send.send(None)
    worker.join(10)
    assert worker.exitcode == 0 and not receive.poll(0.1)  # 1 and 2 were dropped


def test_the_editor_shows_the_problems_the_process_found(qtbot, workspace):
    from conftest import NOW
    from test_authoring import checked, editor_of, replace_in_editor

    from briefing.gui.app import create_window
    w = create_window([workspace.topic()], clock=lambda: NOW)
    qtbot.addWidget(w)
    try:
        w.edit_topic()
        replace_in_editor(editor_of(w), "kind: objective", "kind: objectiv")
        checked(qtbot, w)
        assert any("unknown kind 'objectiv'" in p.message for p in w.authoring.editor.problems)
        assert w.authoring.editor.live._process is not None  # checked in its own process
    finally:
        w.authoring.close_topic()
        w.store.close()


def test_python_m_briefing_does_not_start_again_in_a_spawned_process():
    code = ("import multiprocessing as mp, runpy, sys\n"
            "sys.argv = ['briefing', '--version']\n"
            "ctx = mp.get_context('spawn')\n"
            "import briefing.__main__\n"  # imported, not run: the guard keeps it quiet
            "print('imported')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=dict(os.environ))
    assert result.stdout.strip() == "imported", result.stderr


def test_check_gives_the_problems_of_unsaved_text(workspace):
    folder = workspace.topic()
    problems = check(folder, {folder / "cards.yaml": CARDS_YAML + "  - id: x\n    kind: nope\n"})
    assert any("unknown kind 'nope'" in p.message for p in problems)
    assert Qt  # Qt is imported by the other tests of this module


def test_a_load_with_the_live_checks_cache_finds_what_a_fresh_load_finds(workspace):
    """Each step changes one thing the cache keeps (a file's text, the seeds, the article,
    a file's presence); the cached load must agree with a fresh one every time."""
    import time

    from briefing.loader import LoadCache, load_topic
    folder = workspace.topic()
    cards, more, topic_yaml = folder / "cards.yaml", folder / "more.yaml", folder / "topic.yaml"
    other = ("cards:\n  - id: tariffs\n    kind: objective\n    title: Tariffs\n"
             "    front: What did they sign?\n    back: A joint agreement.\n"
             "    related: [premier]\n    sources:\n      - seed: art\n"
             "        quote: The two countries signed a \"joint agreement\" in 2005\n")
    article = workspace.seeds / "article.txt"

    def write(path, text):
        path.write_text(text, encoding="utf-8")
        stamp = path.stat().st_mtime_ns  # a new stamp even within the clock's resolution
        os.utime(path, ns=(stamp + 10**9, stamp + 10**9))

    steps = [
        ("nothing changed", lambda: None, {}),
        ("a new file", lambda: write(more, other), {}),
        ("unsaved text: a wrong quote", lambda: None,
         {more: other.replace("joint agreement", "joint agreemnt")}),
        ("unsaved text: an id used twice across files", lambda: None,
         {more: other.replace("id: tariffs", "id: patience")}),
        # Edits inside one file: the cards around the edit come from the memo.
        ("unsaved text: one card's kind mistyped", lambda: None,
         {cards: CARDS_YAML.replace("kind: objective", "kind: objectiv")}),
        ("unsaved text: a line added above the cards, every line moves", lambda: None,
         {cards: "# a comment\n" + CARDS_YAML.replace("kind: objective", "kind: objectiv")}),
        ("unsaved text: that card fixed, a quote in the last card broken", lambda: None,
         {cards: "# a comment\n" + CARDS_YAML.replace("2005\n        quote", "2005\n  "
                                                        "      quote").replace(
             "U.S. $1.5 billion", "U.S. $1.6 billion")}),
        ("unsaved text: the same card written twice", lambda: None,
         {cards: CARDS_YAML + CARDS_YAML.split("cards:\n", 1)[1]}),
        ("unsaved text: an anchor on the first card", lambda: None,
         {cards: CARDS_YAML.replace("tags: [leaders]", "tags: &t [leaders]")}),
        ("unsaved text: an alias to it on a later card, the first unchanged", lambda: None,
         {cards: CARDS_YAML.replace("tags: [leaders]", "tags: &t [leaders]").replace(
             "tags: [trade]", "tags: *t", 1)}),
        ("unsaved text: an anchor and an alias across cards", lambda: None,
         {cards: CARDS_YAML.replace("tags: [leaders]", "tags: &t [leaders]").replace(
             "tags: [trade]", "tags: *t")}),
        ("the first file broken, so links are not checked", lambda: None,
         {cards: CARDS_YAML.replace("kind: actor", "kind: [actor")}),
        ("back to the files on disk", lambda: None, {}),
        ("the seed renamed in topic.yaml", lambda: write(
            topic_yaml, (folder / "topic.yaml").read_text().replace("id: art", "id: arti")), {}),
        ("the seed's name put back", lambda: write(
            topic_yaml, (folder / "topic.yaml").read_text().replace("id: arti", "id: art")), {}),
        ("the article loses a quoted sentence", lambda: write(
            article, article.read_text().replace("The Premier said", "He said")), {}),
        ("a file removed", lambda: more.unlink(), {}),
    ]
    cache = LoadCache()
    for what, change, unsaved in steps:
        change()
        time.sleep(0.01)
        cached = load_topic(folder, texts=unsaved, cache=cache)
        fresh = load_topic(folder, texts=unsaved)
        assert cached.problems == fresh.problems, what
        assert cached.cards == fresh.cards, what
        assert [c.file for c in cached.cards] == [c.file for c in fresh.cards], what
    assert not any(p.name == "more.yaml" for p in cache.files)


def test_the_live_checks_cache_reparses_only_the_file_that_changed(workspace, monkeypatch):
    from briefing import yamlfile
    from briefing.loader import LoadCache, load_topic
    folder = workspace.topic(files={"cards.yaml": CARDS_YAML, "b.yaml": "cards: []\n"})
    cache = LoadCache()
    load_topic(folder, cache=cache)
    parsed = []
    real = yamlfile.parse
    monkeypatch.setattr(yamlfile, "parse", lambda text, shown: parsed.append(shown) or
                        real(text, shown))
    typed = CARDS_YAML.replace("kind: actor", "kind: actr")
    topic = load_topic(folder, texts={folder / "cards.yaml": typed}, cache=cache)
    assert [os.path.basename(p) for p in parsed] == ["cards.yaml"]
    assert any("unknown kind 'actr'" in p.message for p in topic.problems)


def many_cards(copies: int = 12) -> str:
    """The example cards again and again (4 a copy), each copy with ids of its own."""
    body = CARDS_YAML.split("cards:\n", 1)[1]
    return "cards:\n" + "".join(body.replace("id: premier", f"id: premier-{i}")
                                 .replace("id: patience", f"id: patience-{i}")
                                 .replace("id: trade-", f"id: trade-{i}-")
                                 .replace("[patience, trade-2004]", f"[patience-{i}]")
                                 .replace("related: [premier]", f"related: [premier-{i}]")
                                 for i in range(copies))


def test_the_file_on_screen_is_parsed_from_its_edit_from_the_first_key(workspace,
                                                                      monkeypatch):
    """The check when the editor opens reads it from disk, and keeps its nodes: the first
    key typed is not a parse of the whole file."""
    from briefing import yamlfile
    from briefing.loader import LoadCache
    many = many_cards()
    folder = workspace.topic(files={"cards.yaml": many, "other.yaml": many_cards(0)})
    path = folder / "cards.yaml"
    for on_screen, whole_parses in ((path, []), (folder / "other.yaml", ["cards.yaml"])):
        cache = LoadCache()
        check(folder, {}, cache=cache, editing=on_screen)  # the editor opens
        parsed = []
        real = yamlfile.parse
        monkeypatch.setattr(yamlfile, "parse", lambda text, shown: parsed.append(
            os.path.basename(shown)) or real(text, shown))
        problems = check(folder, {path: many + "zz: 1\n"}, cache=cache, editing=on_screen)
        monkeypatch.undo()
        assert parsed == whole_parses, on_screen
        assert any("zz" in p.message for p in problems)


def test_edits_late_in_a_big_file_are_checked_as_a_fresh_load_checks_them(workspace,
                                                                         monkeypatch):
    """yaml_splice: the cards before the edit keep their nodes; the problems, cards and
    their lines must still be those of a fresh load, edit after edit."""
    from briefing import yamlfile
    from briefing.loader import LoadCache, load_topic
    many = many_cards()
    folder = workspace.topic(files={"cards.yaml": many})
    path = folder / "cards.yaml"
    last = "id: premier-11"

    def late(old: str, new: str) -> str:
        """many, with the last `old` replaced"""
        at = many.rindex(old)
        return many[:at] + new + many[at + len(old):]
    edits = [
        ("a letter typed in the last cards", late("Head of government\n", "Head of governmen\n")),
        ("a key typed after them", many + "zz: 1\n"),
        ("an unknown kind late", late(f"{last}\n    kind: actor", f"{last}\n    kind: actr")),
        ("a line added, every later line moves", late(f"  - {last}", f"  # new\n  - {last}")),
        ("an id used twice, late", late(last, "id: premier-3")),
        ("a broken quote late", late("$1.5 billion", "$1.9 billion")),
        ("a syntax error late", late(f"{last}\n", f"{last}\n    title: [\n")),
        ("fixed again", many),
        ("the last card's dash taken away", late(f"  - {last}", f"    {last}")),
    ]
    cache = LoadCache()
    load_topic(folder, texts={path: many}, cache=cache)
    whole = []
    real = yamlfile.parse
    monkeypatch.setattr(yamlfile, "parse", lambda text, shown: whole.append(shown) or
                        real(text, shown))
    for what, text in edits:
        whole.clear()
        cached = load_topic(folder, texts={path: text}, cache=cache)
        parsed_whole = len(whole)
        fresh = load_topic(folder, texts={path: text})
        assert cached.problems == fresh.problems, what
        assert cached.cards == fresh.cards, what
        assert [c.line for c in cached.cards] == [c.line for c in fresh.cards], what
        # parsed whole only for the syntax error, and right after it (no nodes to reuse)
        assert parsed_whole == (what in ("a syntax error late", "fixed again")), what


def test_a_check_leaves_no_collector_pass_over_what_it_read(tmp_path):
    """The cycle collector, back on after a load, made its first pass over every node
    just read: 180 ms of the first check after an edit at 10,000 cards."""
    import gc
    import multiprocessing
    import threading

    from benchmark import write_topic

    from briefing.live_check import serve
    folder = write_topic(tmp_path, 3000)
    target = sorted(folder.glob("*.yaml"))[0]
    requests, send = multiprocessing.Pipe(duplex=False)
    receive, replies = multiprocessing.Pipe(duplex=False)
    passes = []

    def heard(phase, info):
        if phase == "start":
            passes.append(info["generation"])
    # a thread, not a process: the collector watched is this process's
    worker = threading.Thread(target=serve, args=(requests, replies), daemon=True)
    worker.start()
    send.send((1, str(folder), {}, None))  # the editor opens the topic: its files are read
    assert receive.poll(60) and receive.recv()[0] == 1
    gc.callbacks.append(heard)
    try:
        send.send((2, str(folder), {str(target): target.read_text() + "zz: 1\n"}, None))
        assert receive.poll(60) and receive.recv()[0] == 2  # the first key typed
    finally:
        gc.callbacks.remove(heard)
        send.send(None)
        worker.join(10)
    assert passes == [], passes  # not one pass, over the nodes or anything else
