"""Dates as the articles give them, and `briefing check` on dates, relations, the glossary
and comparisons: every problem at its file, line and column."""
from __future__ import annotations

import pytest
from conftest import CARDS_YAML, TOPIC_YAML

from briefing import dates
from briefing.loader import load_topic

HINT = ("write a year (2007), a month (2003-10), a day (2003-09-25), a decade (1990s) "
        "or a range (1950–53, 2003-08/2003-10)")


@pytest.mark.parametrize("written,label,short,start,end,precision", [
    ("2007", "2007", "2007", (2007, 1, 1), (2007, 12, 31), "year"),
    (2007, "2007", "2007", (2007, 1, 1), (2007, 12, 31), "year"),
    ("2003-10", "October 2003", "Oct 2003", (2003, 10, 1), (2003, 10, 31), "month"),
    ("2003-09-25", "25 September 2003", "25 Sep 2003", (2003, 9, 25), (2003, 9, 25), "day"),
    ("1990s", "1990s", "1990s", (1990, 1, 1), (1999, 12, 31), "decade"),
    ("1950–53", "1950–53", "1950–53", (1950, 1, 1), (1953, 12, 31), "year"),
    ("1999–2001", "1999–2001", "1999–2001", (1999, 1, 1), (2001, 12, 31), "year"),
    ("2003-08/2003-10", "August–October 2003", "Aug–Oct 2003", (2003, 8, 1), (2003, 10, 31),
     "month"),
    ("2003-08/2004-02", "August 2003 – February 2004", "Aug 2003 – Feb 2004", (2003, 8, 1),
     (2004, 2, 29), "month"),
    ("2007-10-08/2007-10-10", "8–10 October 2007", "8–10 Oct 2007", (2007, 10, 8),
     (2007, 10, 10), "day"),
])
def test_a_date_knows_its_precision_and_reads_as_a_reader_says_it(written, label, short, start,
                                                                   end, precision):
    when = dates.parse(written)
    assert (when.label, when.short_label, when.start, when.end, when.precision) == \
        (label, short, start, end, precision)


def test_partial_dates_sort_by_the_first_day_they_cover():
    written = ["2007-11-20", "2003", "1950–53", "2003-10", "2003-09-25", "1990s", "2007-10"]
    ordered = sorted(written, key=lambda w: dates.parse(w).sort_key)
    assert ordered == ["1950–53", "1990s", "2003", "2003-09-25", "2003-10", "2007-10",
                       "2007-11-20"]


@pytest.mark.parametrize("written,message", [
    ("2003-13", "date '2003-13': 13 is not a month; for the years 2003 to 2013 write 2003–13 "
                "(with an en dash) or 2003/2013"),
    ("2003-02-30", f"date '2003-02-30': February 2003 has 28 days; {HINT}"),
    ("2003-00", f"date '2003-00': there is no month 00; {HINT}"),
    ("2003-10/2003-08", f"date '2003-10/2003-08': the range ends before it starts; {HINT}"),
    ("1950–49", f"date '1950–49': the range ends before it starts; {HINT}"),
    ("September 2003", f"date 'September 2003': not a date form; {HINT}"),
    (53, f"date '53': a year has four digits; {HINT}"),
    ("1950-53", "date '1950-53': 53 is not a month; for the years 1950 to 1953 write 1950–53 "
                "(with an en dash) or 1950/1953"),
])
def test_a_bad_date_says_why_and_what_to_write(written, message):
    with pytest.raises(dates.DateError) as error:
        dates.parse(written)
    assert dates.problem("date", written, error.value) == message


def actor(extra: str, card_id: str = "one") -> str:
    return (f"  - id: {card_id}\n    kind: actor\n    title: T {card_id}\n    front: f\n"
            "    back: b\n    sources:\n      - seed: art\n        quote: Bilateral trade grew\n"
            + extra)


def problems(workspace, cards: str, topic_extra: str = "",
             name: str = "example") -> list[tuple[str, int, int, str]]:
    folder = workspace.topic(name, topic_yaml=TOPIC_YAML + topic_extra,
                             files={"cards.yaml": CARDS_YAML + cards})
    return [(p.path.rsplit("/", 1)[-1], p.line, p.col, p.message)
            for p in load_topic(folder).problems]


BASE = len(CARDS_YAML.splitlines())  # the example cards come first; ours start after them


def test_check_reports_a_bad_date_at_its_line_and_column(workspace):
    found = problems(workspace, actor("    date: 2003-02-30\n"))
    assert found == [("cards.yaml", BASE + 9, 11,
                      f"date '2003-02-30': February 2003 has 28 days; {HINT}")]


def test_check_reports_a_date_of_no_accepted_form_with_the_forms(workspace):
    found = problems(workspace, actor("    date: Sept 2003\n"))
    assert found == [("cards.yaml", BASE + 9, 11, "date must be a year (2007), a month (2003-10),"
                      " a day (2003-09-25), a decade (1990s) or a range (1950–53, "
                      "2003-08/2003-10)")]


def test_check_reports_a_figure_as_of_that_is_meant_as_a_date_but_is_none(workspace):
    figure = ("  - id: f\n    kind: figure\n    title: F\n    front: f\n    back: b\n"
              "    value: 1\n    as_of: 1950-53\n    sources:\n      - seed: art\n"
              "        quote: Bilateral trade grew\n")
    assert problems(workspace, figure) == [
        ("cards.yaml", BASE + 7, 12, "as_of '1950-53': 53 is not a month; for the years 1950 to "
                                     "1953 write 1950–53 (with an en dash) or 1950/1953")]
    free_text = figure.replace("as_of: 1950-53", "as_of: recent years (2007 article)")
    assert problems(workspace, free_text, name="free-text") == []


def test_an_event_without_a_date_is_reported(workspace):
    found = problems(workspace, actor("    event: The trip was suspended\n"))
    assert found == [("cards.yaml", BASE + 9, 12,
                      "event needs a date: the chronology lists the event at it")]


def test_dates_reach_the_cards_and_key_judgments(workspace):
    judgment = ("key_judgments:\n  - text: A judgment.\n    date: 2004\n    sources:\n"
                "      - seed: art\n        quote: Bilateral trade grew\n")
    folder = workspace.topic(topic_yaml=TOPIC_YAML + judgment, files={
        "cards.yaml": CARDS_YAML + actor("    date: 2003-09-25\n    event: Trip scheduled\n")})
    topic = load_topic(folder)
    assert topic.problems == ()
    card = topic.card("one")
    assert (card.date.label, card.event) == ("25 September 2003", "Trip scheduled")
    assert topic.key_judgments[0].date.label == "2004"


def relation(to: str, quote: str = "Bilateral trade grew", kind: str = "") -> str:
    kind_line = f"        type: {kind}\n" if kind else ""
    return (f"      - to: {to}\n        label: trades with\n{kind_line}        sources:\n"
            f"          - seed: art\n            quote: {quote}\n")


def test_relations_are_checked_like_links_and_quotes(workspace):
    cards = actor("    relations:\n" + relation("premier") + relation("premeir")
                  + relation("one") + relation("patience")
                  + relation("premier", quote="Bilateral trade shrank"))
    found = problems(workspace, cards)
    line = BASE + 10  # the first relation's "to"
    assert found == [
        ("cards.yaml", line + 5, 13, "relation to 'premeir' is not a card in this topic "
                                     "(did you mean 'premier'?)"),
        ("cards.yaml", line + 10, 13, "card 'one' has a relation to itself"),
        ("cards.yaml", line + 15, 13, "relation to 'patience': it is an objective card, and "
                                      "relations link actors"),
        ("cards.yaml", line + 24, 20, "quote not found in seed article.txt: it matches up to "
                                      "'...Bilateral trade ' then differs at 'shrank'"),
    ]


def test_a_relation_type_must_be_a_known_one(workspace):
    found = problems(workspace, actor("    relations:\n" + relation("premier", kind="loves")))
    assert [(line, message.split(";")[0]) for _f, line, _c, message in found] == \
        [(BASE + 12, "unknown type 'loves'")]


def test_a_valid_relation_reaches_the_card(workspace):
    folder = workspace.topic(files={"cards.yaml": CARDS_YAML + actor(
        "    group: state\n    relations:\n" + relation("premier", kind="works-with"))})
    topic = load_topic(folder)
    assert topic.problems == ()
    [rel] = topic.card("one").relations
    assert (rel.to, rel.label, rel.type, rel.sources[0].quote) == \
        ("premier", "trades with", "works-with", "Bilateral trade grew")
    assert topic.card("one").group == "state"


GLOSSARY = """glossary:
  - term: DPRK
    expansion: Democratic People's Republic
    definition: North Korea.
    related: [premier, premeir]
    sources:
      - seed: art
        quote: Bilateral trade grew
  - term: dprk
    definition: Again.
    sources:
      - seed: art
        quote: Bilateral trade fell
"""


def test_glossary_terms_are_checked_for_quotes_links_and_repeats(workspace):
    found = problems(workspace, "", GLOSSARY)
    top = len(TOPIC_YAML.splitlines())
    assert found == [
        ("topic.yaml", top + 5, 24, "related id 'premeir' is not a card in this topic "
                                    "(did you mean 'premier'?)"),
        ("topic.yaml", top + 9, 11, "glossary term 'dprk' is defined twice (first at line "
                                    f"{top + 2})"),
        ("topic.yaml", top + 13, 16, "quote not found in seed article.txt: it matches up to "
                                     "'...Bilateral trade ' then differs at 'fell'"),
    ]


COMPARISON = """comparisons:
  - theme: Trade
    earlier:
      text: Trade grew.
      sources:
        - seed: art
          quote: Bilateral trade grew
    later:
      text: It grew more.
      sources:
        - seed: art
          quote: to U.S. $1.5 billion in 2005
"""
SECOND_SEED = """  - id: later
    file: ../../seeds/later.txt
    title: A Later Article
    year: 2009
"""


def test_a_comparison_whose_earlier_side_is_not_older_is_reported(workspace):
    found = problems(workspace, "", COMPARISON)
    top = len(TOPIC_YAML.splitlines())
    assert found == [("topic.yaml", top + 9, 7, "comparison 'Trade': the earlier side cites "
                      "'art' (2006), which is not older than the later side's 'art' (2006)")]


def test_a_comparison_across_two_articles_loads(workspace):
    (workspace.seeds / "later.txt").write_text("Trade fell in 2008.\n", encoding="utf-8")
    topic_yaml = TOPIC_YAML + SECOND_SEED + COMPARISON.replace(
        "          quote: to U.S. $1.5 billion in 2005", "          quote: Trade fell in 2008"
    ).replace("        - seed: art\n          quote: Trade fell", "        - seed: later\n"
              "          quote: Trade fell")
    folder = workspace.topic(topic_yaml=topic_yaml)
    topic = load_topic(folder)
    assert topic.problems == ()
    [comparison] = topic.comparisons
    assert (comparison.earlier.sources[0].seed.year, comparison.later.sources[0].seed.year) == \
        (2006, 2009)


def test_glossary_and_comparisons_belong_in_topic_yaml(workspace):
    folder = workspace.topic(files={"cards.yaml": CARDS_YAML + GLOSSARY})
    messages = [p.message for p in load_topic(folder).problems]
    assert "'glossary' belongs in topic.yaml" in messages
