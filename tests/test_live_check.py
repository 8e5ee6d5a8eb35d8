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
        send.send((generation, str(folder), broken if generation == 3 else {}))
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
