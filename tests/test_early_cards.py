"""A first start with a big topic shows the cards of its first card file while the rest
is read (loader.load_topic's `early`), and then the whole topic, the card kept."""
from __future__ import annotations

from conftest import CARDS_YAML, NOW, TOPIC_YAML

from briefing.gui import app as app_module
from briefing.gui.app import create_window
from briefing.loader import load_topic

FIRST = CARDS_YAML  # premier, patience, trade-2004, trade-2005
SOURCES = ("    sources:\n      - seed: art\n"
           "        quote: Bilateral trade grew to U.S. $1.4 billion in 2004\n")
SECOND = ("cards:\n  - id: talks\n    kind: objective\n    title: Talks\n"
          "    front: What did the talks show?\n    back: Patience.\n"
          "    related: [premier, later]\n" + SOURCES)
THIRD = ("cards:\n  - id: later\n    kind: actor\n    title: Later\n"
         "    front: Who came later?\n    back: Someone.\n    related: [premier]\n" + SOURCES)


def three_files(workspace):
    # premier (file a) relates to a card of the last file: the early topic cannot know it
    first = FIRST.replace("related: [patience, trade-2004]", "related: [patience, later]")
    # the glossary's links are checked when the early topic is made, with one file read
    glossary = ("glossary:\n  - term: Talks\n    definition: Meetings.\n"
                "    related: [later]\n" + SOURCES.replace("    ", "    ", 1))
    return workspace.topic(topic_yaml=TOPIC_YAML + glossary,
                           files={"a.yaml": first, "b.yaml": SECOND, "c.yaml": THIRD})


def test_the_first_card_file_comes_early_and_the_whole_load_is_unchanged(workspace):
    folder = three_files(workspace)
    told = []
    whole = load_topic(folder, early=told.append)
    plain = load_topic(folder)
    assert (whole.cards, whole.problems) == (plain.cards, plain.problems)
    assert plain.problems == ()  # 'later' is a card: no link is reported broken
    (early,) = told
    assert [c.id for c in early.cards] == ["premier", "patience", "trade-2004", "trade-2005"]
    assert early.cards == tuple(c for c in whole.cards if c.file.name == "a.yaml")
    assert (early.title, early.seeds, early.problems) == (whole.title, whole.seeds, ())


def test_a_topic_of_one_card_file_has_nothing_to_tell_early(workspace):
    told = []
    load_topic(workspace.topic(), early=told.append)
    assert told == []


def big_topic(tmp_path, cards: int):
    from benchmark import write_topic  # 2,500 cards a file
    return write_topic(tmp_path, cards)


def test_a_first_start_studies_the_first_cards_while_the_rest_is_read(qtbot, tmp_path,
                                                                      monkeypatch):
    monkeypatch.setattr(app_module, "BACKGROUND_BYTES", 0)  # every topic counts as big
    folder = big_topic(tmp_path, 10_000)
    window = create_window([folder.parent], clock=lambda: NOW)
    qtbot.addWidget(window)
    actions = window.actions_by_name
    try:
        window.show()
        qtbot.waitUntil(lambda: window.pages.current_name == "study", timeout=60000)
        topic = window.library.topics[0]
        assert len(topic.cards) == 2500 and window.loader.running  # the rest still coming
        assert "Reading the rest of the cards" in window.statusBar().currentMessage()
        assert actions["grade_3"].isEnabled() and actions["reveal"].isEnabled()
        assert not any(actions[name].isEnabled()
                       for name in ("find", "edit_topic", "export_pdf", "statistics"))
        assert not window.search.isEnabled() and not window.sidebar.isEnabled()
        # no counts of a part: the sidebar and the status wait for the whole topic
        assert window.sidebar.topics.count() == 0 and window.status.text() == ""
        window.study.flip()
        window.study.grade(3)
        window.study.flip()  # the next card's answer, being read as the rest arrives
        shown = window.controller.session.current_card
        qtbot.waitUntil(lambda: not window.loader.running, timeout=60000)
        qtbot.waitUntil(lambda: len(window.library.topics[0].cards) == 10_000, timeout=10000)
        assert window.controller.session.current_card.id == shown.id  # kept, answer and all
        assert window.controller.session.revealed
        assert shown.back[:30] in window.study.card_view.browser.toPlainText()
        assert window.search.isEnabled() and actions["edit_topic"].isEnabled()
        assert window.sidebar.topics.count() == 1 and "10000 cards" in window.status.text()
        assert window.store.review_count(topic.id) == 1
    finally:
        window.loader.stop()
        window.close()
        window.store.close()
