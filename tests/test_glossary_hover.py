"""Glossary terms in the card text explain themselves on hover: the entry's expansion,
definition and source, shown as the tooltip of the term; card text stays text."""
from __future__ import annotations

import re
from html import unescape

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from test_app import card_text, open_window, press  # noqa: F401  (open_window: a fixture)

from briefing.gui.card_html import _plain as _text
from briefing.gui.glossary_hover import explained
from briefing.gui.theme import LIGHT
from briefing.loader import load_topic
from briefing.paths import bundled_cards

BUNDLED = bundled_cards() / "china-north-korea"


def fragments(browser):
    """(text, tooltip) of each run of the card text."""
    block = browser.document().begin()
    while block.isValid():
        runs = block.begin()
        while not runs.atEnd():
            fragment = runs.fragment()
            yield fragment.text(), fragment.charFormat().toolTip()
            runs += 1
        block = block.next()


def tooltip_at(qtbot, browser, text: str) -> str:
    """What the pointer resting on `text` in the browser shows."""
    cursor = browser.document().find(text)
    rect = browser.cursorRect(cursor)
    at = rect.center() - QPoint(rect.width() // 2 + 4, 0)  # within the word, not after it
    QApplication.sendEvent(browser.viewport(),
                           QHelpEvent(QEvent.Type.ToolTip, at, browser.viewport().mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def test_a_term_on_the_back_of_a_card_shows_its_entry_on_hover(qtbot, open_window):
    window = open_window(BUNDLED)
    window.open_card(window.library.topics[0].card("wu-bangguo"))
    press(qtbot, window, Qt.Key.Key_Space)
    browser = window.study.card_view.browser
    assert "closer to the United States than to the DPRK" in card_text(window)
    tips = [tip for text, tip in fragments(browser) if text == "DPRK"]
    assert len(tips) == 1 and "Democratic People’s Republic of Korea" in tips[0]
    shown = tooltip_at(qtbot, browser, "DPRK")
    assert "<b>DPRK</b> · <i>Democratic People’s Republic of Korea</i>" in shown
    assert "North Korea, as both articles also call it" in shown
    assert "Source: China Brief 4:5, 2004; China Brief 7:22, 2007" in shown
    assert not [tip for text, tip in fragments(browser) if tip and text != "DPRK"]


def test_the_question_side_explains_no_term_so_it_gives_no_answer_away(qtbot, open_window):
    window = open_window(BUNDLED)
    window.open_card(window.library.topics[0].card("liability-school"))
    assert "“liability” school" in card_text(window) or '"liability" school' in card_text(window)
    assert not [tip for _text, tip in fragments(window.study.card_view.browser) if tip]


GLOSSARY = """\
glossary:
  - term: PM
    expansion: Prime Minister <or Premier>
    definition: The head of government & his "keys".
    sources:
      - seed: art
        quote: The Premier said that “patience, sincerity, and pragmatism” are keys.
"""


def test_card_text_and_the_entry_stay_text_not_markup(qtbot, open_window, workspace):
    from conftest import CARDS_YAML, TOPIC_YAML
    cards = CARDS_YAML.replace("back: The Premier, who named three keys to progress.",
                               'back: "The <b>PM</b> & co named three keys."')
    window = open_window(workspace.topic(topic_yaml=TOPIC_YAML + GLOSSARY,
                                         files={"cards.yaml": cards}))
    press(qtbot, window, Qt.Key.Key_Space)
    assert "The <b>PM</b> & co named three keys." in card_text(window)
    shown = tooltip_at(qtbot, window.study.card_view.browser, "PM")
    assert "Prime Minister &lt;or Premier&gt;" in shown and "&amp; his" in shown


def test_explained_text_reads_the_same_with_its_marks_taken_off():
    topic = load_topic(BUNDLED)
    text = 'Both the DPRK and the "buffer zone" school <i>meet</i> at the Six-Party Talks & more.'
    html = explained(text, topic, LIGHT, _text)
    assert html.count('style="text-underline-style: dotted"') == 3
    assert "&lt;i&gt;meet&lt;/i&gt;" in html and "&amp; more" in html
    assert unescape(re.sub(r"<[^>]*>", "", html)) == text
    assert explained(text, None, LIGHT, _text) == _text(text)
