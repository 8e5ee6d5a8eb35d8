"""Start-up: the first card before the rest."""
from __future__ import annotations

from conftest import NOW

from briefing.gui.app import create_window


def _close(window) -> None:
    window.close()
    window.store.close()


def test_the_counts_and_sidebar_come_after_the_first_card(qtbot, workspace):
    window = create_window([workspace.topic()], clock=lambda: NOW)
    qtbot.addWidget(window)
    try:
        assert "Who called for patience?" in window.study.card_view.browser.toPlainText()
        assert window.status.text() == "" and window.sidebar.topics.count() == 0
        window.show()
        qtbot.waitUntil(lambda: window.started)
        assert "new" in window.status.text() and window.sidebar.topics.count() == 1
    finally:
        _close(window)
