"""The article view as a user sees it: every quoted passage highlighted at its own text
(emoji before it included), a click on one opens its card, unquoted paragraphs marked
and on the bar, the coverage figure, and a large seed that opens at once."""
from __future__ import annotations

import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from test_app import open_window, press  # noqa: F401  (open_window is the fixture)

from briefing.gui.article_text import MOST_QUOTES, UNQUOTED
from briefing.library import CardFilter

# Emoji are two UTF-16 units each: every one before a quote shifted its highlight.
ARTICLE = """\
Harbour 🌊 Power

😀😀 The council 🎉 voted to build a barrage. It will cost about €310 million in all.

The mayor 🙂, who backs the scheme, spoke for an hour and said little of substance.

🐟 Nobody asked about the fish, or the birds, or what the tides would do next.

The wildlife trust 🦆 opposes the plan and wants a survey before any work begins.
"""
TOPIC = """\
title: Harbour power
bottom_line: A barrage is planned.
seeds:
  - id: harbour
    file: ../../seeds/harbour.txt
    title: Harbour Power
    year: 2024
"""
CARDS = """\
cards:
  - id: barrage
    kind: objective
    title: The barrage
    front: What did the council vote for?
    back: A barrage.
    sources:
      - seed: harbour
        quote: "The council 🎉 voted to build a barrage"
  - id: cost
    kind: figure
    title: The cost
    front: What will the barrage cost?
    back: About €310 million.
    value: 310
    unit: € million
    as_of: "2024"
    sources:
      - seed: harbour
        quote: "It will cost about €310 million in all"
  - id: trust
    kind: actor
    title: The wildlife trust
    front: Who opposes the plan?
    back: The wildlife trust.
    sources:
      - seed: harbour
        quote: "The wildlife trust 🦆 opposes the plan"
"""


def harbour(workspace):
    (workspace.seeds / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    return workspace.topic("harbour", TOPIC, {"cards.yaml": CARDS})


def open_article(qtbot, window, card_id: str = "barrage"):
    """Show the card, then its article (Ctrl+L), and wait for the coverage to come."""
    card = window.library.topic("harbour").card(card_id)
    window.open_card(card)
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    view = window.pages.page("article")
    assert window.pages.showing("article")
    qtbot.waitUntil(lambda: view.map is not None, timeout=10000)
    return view


def highlighted(view) -> list[str]:
    return [s.cursor.selectedText() for s in view.text.extraSelections()]


def test_every_quoted_passage_is_highlighted_at_its_own_text_after_emoji(
        qtbot, workspace, open_window):
    window = open_window(harbour(workspace))
    view = open_article(qtbot, window, "trust")
    shown = highlighted(view)
    # Three cards' quotes, then the card's own quote drawn over its coverage highlight.
    assert shown == ["The council 🎉 voted to build a barrage",
                     "It will cost about €310 million in all",
                     "The wildlife trust 🦆 opposes the plan",
                     "The wildlife trust 🦆 opposes the plan"]
    start, end = view.span
    assert ARTICLE[start:end] == "The wildlife trust 🦆 opposes the plan"
    assert view.text.cursor_for(start).position() == start + 6  # six emoji before it
    # The card's own quote looks unlike the others: the theme's highlight, underlined.
    selections = view.text.extraSelections()
    mine, other = selections[-1], selections[0]
    assert mine.format.background().color() == QColor(window.look.colors.highlight)
    assert mine.format.background().color() != other.format.background().color()
    assert mine.format.fontUnderline() and not other.format.fontUnderline()


def test_the_coverage_figure_is_in_the_article_header(qtbot, workspace, open_window):
    window = open_window(harbour(workspace))
    view = open_article(qtbot, window)
    # 7 body sentences: the barrage, the cost, the trust's first; the mayor's, the fish's
    # and the trust's second are not quoted... (pysbd's count, as `briefing coverage`).
    text = view.coverage.text()
    assert text.endswith("% of sentences quoted · 2 paragraphs unquoted"), text
    assert view.coverage.isVisible()


def click_at(qtbot, view, offset: int) -> None:
    rect = view.text.cursorRect(view.text.cursor_for(offset))
    qtbot.mouseClick(view.text.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.right() + 3, rect.center().y()))


def test_a_click_on_a_quoted_passage_opens_its_card(qtbot, workspace, open_window):
    window = open_window(harbour(workspace))
    view = open_article(qtbot, window, "barrage")
    click_at(qtbot, view, ARTICLE.index("cost about"))
    assert window.pages.showing("study")
    assert window.controller.session.current_card.id == "cost"
    assert "What will the barrage cost?" in window.study.card_view.browser.toPlainText()


def test_a_click_opens_a_card_the_filter_hides_by_browsing_its_topic(qtbot, workspace,
                                                                      open_window):
    window = open_window(harbour(workspace))
    view = open_article(qtbot, window, "barrage")
    window.set_filter(CardFilter("harbour", kinds=frozenset({"figure"})))  # figures only
    assert window.controller.session.current_card.id == "cost"
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    click_at(qtbot, view, ARTICLE.index("wildlife trust"))
    assert window.pages.showing("study")
    assert window.controller.session.current_card.id == "trust"
    assert window.controller.filter == CardFilter("harbour")


def test_a_plain_click_elsewhere_or_a_selection_opens_nothing(qtbot, workspace, open_window):
    window = open_window(harbour(workspace))
    view = open_article(qtbot, window)
    click_at(qtbot, view, ARTICLE.index("spoke for an hour"))
    assert window.pages.showing("article")


def test_unquoted_paragraphs_are_marked_beside_the_text_and_on_the_bar(qtbot, workspace,
                                                                        open_window):
    window = open_window(harbour(workspace))
    view = open_article(qtbot, window)
    mayor, fish = ARTICLE.index("The mayor"), ARTICLE.index("🐟")
    assert view.map.uncovered == ((mayor, ARTICLE.index("substance.") + 10),
                                  (fish, ARTICLE.index("next.") + 5))
    image = view.text.viewport().grab().toImage()

    def stripe_at(offset: int) -> QColor:
        rect = view.text.cursorRect(view.text.cursor_for(offset))
        return image.pixelColor(1, rect.center().y())
    assert stripe_at(mayor + 4) == QColor(UNQUOTED)
    assert stripe_at(fish + 4) == QColor(UNQUOTED)
    assert stripe_at(ARTICLE.index("voted")) != QColor(UNQUOTED)
    marks = view.bar.current_marks()
    assert [m.ranges for m in marks] == [(view.map.uncovered[0],), (view.map.uncovered[1],)]
    bar = view.bar.grab().toImage()
    middle = int((marks[1].top + marks[1].bottom) / 2 * view.bar.height())
    assert bar.pixelColor(view.bar.width() // 2, middle) == QColor(UNQUOTED)


def test_a_click_on_the_bar_scrolls_to_the_unquoted_paragraph(qtbot, workspace, open_window):
    long_article = "".join(f"Paragraph {n} is quoted by a card of its own, sentence one.\n\n"
                           for n in range(120)) + "The one paragraph no card quotes at all.\n"
    (workspace.seeds / "harbour.txt").write_text(long_article, encoding="utf-8")
    cards = "cards:\n" + "".join(
        f"  - id: c{n}\n    kind: objective\n    title: C{n}\n    front: F?\n    back: B.\n"
        f"    sources:\n      - seed: harbour\n        quote: \"Paragraph {n} is quoted by\"\n"
        for n in range(120))
    window = open_window(workspace.topic("harbour", TOPIC, {"cards.yaml": cards}))
    view = open_article(qtbot, window, "c0")
    (mark,) = view.bar.current_marks()
    last = long_article.index("The one paragraph")
    assert mark.ranges == ((last, len(long_article) - 1),)
    assert view.text.visible_range()[1] < last  # not on screen yet
    y = int((mark.top + mark.bottom) / 2 * view.bar.height())
    qtbot.mouseClick(view.bar, Qt.MouseButton.LeftButton, pos=QPoint(4, y))
    first, end = view.text.visible_range()
    assert first <= last < end


def test_a_large_seed_opens_at_once_with_a_bounded_number_of_highlights(
        qtbot, workspace, open_window):
    paragraph = ("Words about the harbour and the barrage, and the tides that come and go, "
                 "again and again, as they always have done. ") * 6
    article = "".join(f"{n} 😀 {paragraph}\n\n" for n in range(12_000))  # about 6 MB
    (workspace.seeds / "harbour.txt").write_text(article, encoding="utf-8")
    cards = "cards:\n" + "".join(
        f"  - id: c{n}\n    kind: objective\n    title: C{n}\n    front: F?\n    back: B.\n"
        f"    sources:\n      - seed: harbour\n        quote: \"{n} 😀 Words about the harbour\"\n"
        for n in range(0, 12_000, 6))
    window = open_window(workspace.topic("harbour", TOPIC, {"cards.yaml": cards}))
    card = window.library.topic("harbour").card("c11994")
    window.open_card(card)
    started = time.perf_counter()
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    view = window.pages.page("article")
    assert time.perf_counter() - started < 3.0  # QTextEdit and a folded copy took 10 s
    qtbot.waitUntil(lambda: view.map is not None, timeout=60000)
    assert len(view.map.spans) == 2000
    assert len(view.text.extraSelections()) <= MOST_QUOTES + 2
    assert highlighted(view)[-1] == "11994 😀 Words about the harbour"
    assert "too long to count" in view.coverage.text() or "%" in view.coverage.text()
