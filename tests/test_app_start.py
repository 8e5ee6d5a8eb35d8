"""Start-up: the first card before the rest, and a first start that reads the topics in
another process while the window shows progress."""
from __future__ import annotations

from conftest import NOW

from briefing import topic_cache
from briefing.datafolder import DataFolder
from briefing.gui import app as app_module
from briefing.gui import topic_loading
from briefing.gui.app import create_window
from briefing.library import Library
from briefing.loader import load_topic


def _close(window) -> None:
    if window.loader is not None:
        window.loader.stop()
    window.close()
    window.store.close()


def test_the_counts_and_sidebar_come_after_the_first_card(qtbot, workspace):
    window = create_window([workspace.topic()], clock=lambda: NOW)
    qtbot.addWidget(window)
    try:
        assert "Who called for patience?" in window.study.card_view.browser.toPlainText()
        assert window.status.text() == "" and window.sidebar.topics.count() == 0
        window.show()
        qtbot.waitUntil(lambda: window.started, timeout=10000)
        assert "new" in window.status.text() and window.sidebar.topics.count() == 1
    finally:
        _close(window)


def test_a_big_first_start_shows_progress_then_the_card(qtbot, workspace, monkeypatch):
    monkeypatch.setattr(app_module, "BACKGROUND_BYTES", 0)  # every topic counts as big
    folder = workspace.topic()
    window = create_window([folder], clock=lambda: NOW)
    qtbot.addWidget(window)
    try:
        assert window.loader is not None
        assert window.pages.current_name == topic_loading.LOADING
        assert not window.actions_by_name["study"].isEnabled()
        window.show()
        qtbot.waitUntil(lambda: window.started, timeout=20000)
        assert window.pages.current_name == "study"
        assert "Who called for patience?" in window.study.card_view.browser.toPlainText()
        assert window.actions_by_name["study"].isEnabled()
        assert window.library.topics[0].path == folder
    finally:
        _close(window)
    # What the worker read was cached: the next start takes it without a worker.
    again = create_window([folder], clock=lambda: NOW)
    qtbot.addWidget(again)
    try:
        assert again.loader is None
        assert "Who called for patience?" in again.study.card_view.browser.toPlainText()
    finally:
        _close(again)


def test_closing_during_a_first_start_ends_its_process(qtbot, workspace, monkeypatch):
    monkeypatch.setattr(app_module, "BACKGROUND_BYTES", 0)
    window = create_window([workspace.topic()], clock=lambda: NOW)
    qtbot.addWidget(window)
    process = window.loader._process
    try:
        assert process is not None and window.loader.running
        window.loader.stop()
        assert not process.is_alive() and not window.loader.running
        assert window.pages.current_name == topic_loading.LOADING  # nothing half-shown
    finally:
        _close(window)


def test_a_first_start_whose_process_cannot_start_reads_the_topics_itself(
        qtbot, workspace, monkeypatch):
    monkeypatch.setattr(app_module, "BACKGROUND_BYTES", 0)

    def refuse(self):
        raise OSError("no processes today")
    monkeypatch.setattr("multiprocessing.context.SpawnProcess.start", refuse)
    window = create_window([workspace.topic()], clock=lambda: NOW)
    qtbot.addWidget(window)
    try:
        assert not window.loader.running
        assert window.pages.current_name == "study"
        assert "Who called for patience?" in window.study.card_view.browser.toPlainText()
    finally:
        _close(window)


def test_a_damaged_cache_is_read_afresh_and_written_again(qtbot, workspace):
    folder = workspace.topic()
    cache = DataFolder.default().cache
    Library([folder], cache_dir=cache)  # fills the cache
    topic_cache.cache_file(cache, folder).write_bytes(b"\x80\x05garbage")
    window = create_window([folder], clock=lambda: NOW)
    qtbot.addWidget(window)
    try:
        assert "Who called for patience?" in window.study.card_view.browser.toPlainText()
        assert topic_cache.read(cache, folder) == load_topic(folder)
    finally:
        _close(window)


def test_a_folder_of_cards_without_topic_yaml_is_a_topic_with_a_problem(workspace):
    workspace.topic("headless", topic_yaml=None)
    library = Library([workspace.cards])
    assert [t.id for t in library.topics] == ["headless"]
    assert any("no topic.yaml" in p.message for p in library.topics[0].problems)


def test_study_leaves_the_hidden_card_list_unfilled_until_it_is_shown(qtbot, workspace):
    window = create_window([workspace.topic()], clock=lambda: NOW)
    qtbot.addWidget(window)
    try:
        table = window.study.card_list
        assert table.isHidden() and table.model().rowCount() == 0
        window.actions_by_name["browse"].trigger()
        assert not table.isHidden() and table.model().rowCount() == 4
        window.actions_by_name["study"].trigger()
        assert table.isHidden() and table.model().rowCount() == 0
    finally:
        _close(window)
