"""Every validation rule of `briefing check`, each with a broken file and the exact place it reports."""
from __future__ import annotations

import pytest
from conftest import CARDS_YAML, TOPIC_YAML

from briefing.loader import load_all, load_topic

GOOD_SOURCE = """    sources:
      - seed: art
        quote: Bilateral trade grew to U.S. $1.4 billion in 2004
"""


def card(body: str) -> str:
    """A one-card file; body lines are indented as a card's fields (4 spaces)."""
    return "cards:\n  - id: one\n" + body


def problems_for(workspace, files, topic_yaml=TOPIC_YAML):
    folder = workspace.topic(files=files, topic_yaml=topic_yaml)
    return [(p.path.rsplit("/", 1)[-1], p.line, p.col, p.message)
            for p in load_topic(folder).problems]


def test_valid_topic_loads_with_no_problems(workspace):
    topic = load_topic(workspace.topic())
    assert topic.problems == ()
    assert [c.id for c in topic.cards] == ["premier", "patience", "trade-2004", "trade-2005"]
    assert topic.title == "Example topic"
    figure = topic.card("trade-2004")
    assert (figure.value, figure.unit, figure.as_of, figure.series) == (1.4, "US$ billion", "2004", "Bilateral trade")
    assert figure.sources[0].seed.title == "Example Article On Trade"
    assert figure.years == (2006,)


CASES = [
    # (name, file text, line, col, fragment of the message)
    ("unterminated string", "cards:\n  - id: one\n    title: \"never closed\n    kind: actor\n",
     3, 12, "never closed"),
    ("tab indentation", "cards:\n  - id: one\n\tkind: actor\n", 3, 1, "tab character"),
    ("unclosed bracket", "cards:\n  - id: one\n    tags: [a, b\n    kind: actor\n", 3, 11, "never closed"),
    ("wrong type", card("    kind: actor\n    title: t\n    front: f\n    back: b\n    tags: trade\n" + GOOD_SOURCE),
     7, 11, "tags should be a list, not text"),
    ("number where text belongs", card("    kind: actor\n    title: 1953\n    front: f\n    back: b\n" + GOOD_SOURCE),
     4, 12, "title should be text, not a whole number"),
    ("null where text belongs", card("    kind: actor\n    title: t\n    front: f\n    back:\n" + GOOD_SOURCE),
     6, 10, "back should be text, not nothing (null)"),
    ("missing required field", card("    kind: actor\n    title: t\n    back: b\n" + GOOD_SOURCE),
     2, 5, "missing required field 'front'"),
    ("unknown key with a hint", card("    kind: actor\n    title: t\n    front: f\n    back: b\n    relatd: []\n" + GOOD_SOURCE),
     7, 5, "unknown key 'relatd' (did you mean 'related'?)"),
    ("unknown key far from any", card("    kind: actor\n    title: t\n    front: f\n    back: b\n    colour: red\n" + GOOD_SOURCE),
     7, 5, "unknown key 'colour'"),
    ("figure field on an actor", card("    kind: actor\n    title: t\n    front: f\n    back: b\n    value: 3\n" + GOOD_SOURCE),
     7, 5, "unknown key 'value'"),
    ("unknown kind", card("    kind: person\n    title: t\n"), 3, 11, "unknown kind 'person'"),
    ("misspelt kind", card("    kind: figuer\n"), 3, 11, "(did you mean 'figure'?)"),
    ("duplicate key", card("    kind: actor\n    title: t\n    front: f\n    front: g\n    back: b\n" + GOOD_SOURCE),
     6, 5, "duplicate key 'front' (first at line 5)"),
    ("id that is a path", "cards:\n  - id: ../../x\n    kind: actor\n    title: t\n    front: f\n    back: b\n" + GOOD_SOURCE,
     2, 9, "id must be lowercase letters and digits"),
    ("blank text", card("    kind: actor\n    title: '  '\n    front: f\n    back: b\n" + GOOD_SOURCE),
     4, 12, "title must not be blank"),
    ("empty sources", card("    kind: actor\n    title: t\n    front: f\n    back: b\n    sources: []\n"),
     7, 14, "sources needs at least 1 item"),
    ("figure without value", card("    kind: figure\n    title: t\n    front: f\n    back: b\n    as_of: 2004\n" + GOOD_SOURCE),
     2, 5, "missing required field 'value'"),
    ("dangling related id", card("    kind: actor\n    title: t\n    front: f\n    back: b\n    related: [premier, premeir]\n" + GOOD_SOURCE),
     7, 24, "related id 'premeir' is not a card in this topic (did you mean 'premier'?)"),
    ("unknown seed id", card("    kind: actor\n    title: t\n    front: f\n    back: b\n    sources:\n      - seed: artt\n        quote: x\n"),
     8, 15, "unknown seed 'artt' (did you mean 'art'?)"),
    ("quote not in its seed", card("    kind: actor\n    title: t\n    front: f\n    back: b\n    sources:\n      - seed: art\n        quote: Bilateral trade grew to U.S. $1.6 billion in 2004\n"),
     9, 16, "quote not found in seed article.txt: it matches up to"),
    ("python object tag", "cards:\n  - !!python/object/apply:os.system [\"echo pwned\"]\n",
     2, 5, "tag !!python/object/apply:os.system is not allowed"),
    ("alias repeating a mapping", "cards:\n  - &c {id: one, kind: actor, title: t, front: f, back: b, sources: [{seed: art, quote: Bilateral trade}]}\n  - *c\n",
     2, 5, "an alias may not repeat a list or mapping"),
    ("merge key", card("    <<: {kind: actor}\n    title: t\n"), 3, 5, "merge keys (<<) are not supported"),
    ("empty file", "", 1, 1, "file is empty"),
    ("a list where a mapping belongs", "- id: one\n- id: two\n", 1, 1, "the file should be a mapping of keys to values, not a list"),
    ("a number where a mapping belongs", "cards:\n  - 42\n", 2, 5, "card should be a mapping of keys to values, not a whole number"),
    ("two documents", "cards: []\n---\ncards: []\n", 3, 1, "only one YAML document per file"),
    ("header outside topic.yaml", "title: Another\ncards: []\n", 1, 8, "'title' belongs in topic.yaml"),
    ("series value that is text", card("    kind: figure\n    title: t\n    front: f\n    back: b\n    value: about two\n    unit: US$ billion\n    as_of: 2003\n    series: Bilateral trade\n" + GOOD_SOURCE),
     7, 12, "so its value must be a number to chart"),
    ("series mixing units", card("    kind: figure\n    title: t\n    front: f\n    back: b\n    value: 2\n    unit: percent\n    as_of: 2003\n    series: Bilateral trade\n" + GOOD_SOURCE),
     8, 11, "series 'Bilateral trade' mixes units"),
]


@pytest.mark.parametrize("name,text,line,col,fragment", CASES, ids=[c[0] for c in CASES])
def test_broken_card_file_is_reported_at_its_line(workspace, name, text, line, col, fragment):
    files = {"cards.yaml": CARDS_YAML, "z-broken.yaml": text}
    found = problems_for(workspace, files)
    at_place = [m for f, ln, c, m in found if (f, ln, c) == ("z-broken.yaml", line, col)]
    assert any(fragment in m for m in at_place), found


def test_non_utf8_file_reports_the_bad_byte(workspace):
    files = {"cards.yaml": CARDS_YAML, "latin1.yaml": "cards:\n  - id: caf\xe9\n".encode("latin-1")}
    assert ("latin1.yaml", 2, 12, "not UTF-8 text (byte 0xe9); save the file as UTF-8") in problems_for(workspace, files)


def test_binary_bytes_are_reported_not_crashed_on(workspace):
    files = {"cards.yaml": CARDS_YAML, "bin.yaml": b"cards:\n  - id: a\x00b\n"}
    found = problems_for(workspace, files)
    assert [(f, ln, c) for f, ln, c, m in found if "not allowed" in m] == [("bin.yaml", 2, 10)]


def test_duplicate_card_id_across_files_names_the_first(workspace):
    dup = "cards:\n  - id: premier\n    kind: actor\n    title: t\n    front: f\n    back: b\n" + GOOD_SOURCE
    found = problems_for(workspace, {"cards.yaml": CARDS_YAML, "more.yaml": dup})
    assert ("more.yaml", 2, 9, f"duplicate card id 'premier' (first at {workspace.cards}/example/cards.yaml:2)") in found


def test_missing_seed_file_is_reported_on_its_file_line(workspace):
    topic_yaml = TOPIC_YAML.replace("../../seeds/article.txt", "../../seeds/gone.txt")
    found = problems_for(workspace, {"cards.yaml": CARDS_YAML}, topic_yaml)
    assert [(f, ln, c) for f, ln, c, m in found if "seed file not found" in m] == [("topic.yaml", 5, 11)]


def test_topic_yaml_needs_its_header(workspace):
    found = problems_for(workspace, {"cards.yaml": CARDS_YAML}, "cards: []\n")
    assert ("topic.yaml", 1, 1, "topic.yaml needs title, bottom_line and seeds") in found
    half = problems_for_fresh(workspace, "title: Only a title\n")
    assert ("topic.yaml", 1, 1, "missing required field 'bottom_line' (a file with 'title' needs it)") in half


def problems_for_fresh(workspace, topic_yaml):
    folder = workspace.topic(name="fresh", topic_yaml=topic_yaml, files={})
    return [(p.path.rsplit("/", 1)[-1], p.line, p.col, p.message) for p in load_topic(folder).problems]


def test_folder_without_topic_yaml_is_reported(workspace):
    folder = workspace.topic(topic_yaml=None)
    assert [str(p) for p in load_topic(folder).problems] == [
        f"{folder}/topic.yaml:1:1: topic folder has no topic.yaml (it gives title, bottom_line and seeds)"]


def test_quote_matches_despite_whitespace_curly_quotes_and_dashes(workspace):
    loose = card("    kind: actor\n    title: t\n    front: f\n    back: b\n    sources:\n"
                 "      - seed: art\n        quote: 'signed a \"joint   agreement\" in 2005 - after long talks.'\n")
    assert problems_for(workspace, {"cards.yaml": CARDS_YAML, "loose.yaml": loose}) == []


def test_quote_must_keep_every_other_character(workspace):
    changed = card("    kind: actor\n    title: t\n    front: f\n    back: b\n    sources:\n"
                   "      - seed: art\n        quote: The Premier said \"patience, sincerity and pragmatism\"\n")
    found = problems_for(workspace, {"cards.yaml": CARDS_YAML, "c.yaml": changed})
    assert [m for f, ln, c, m in found if f == "c.yaml" and ln == 9] != []


def test_python_tag_never_runs(workspace, tmp_path):
    marker = tmp_path / "pwned"
    evil = f"cards:\n  - !!python/object/apply:os.system [\"touch {marker}\"]\n"
    problems_for(workspace, {"cards.yaml": CARDS_YAML, "evil.yaml": evil})
    assert not marker.exists()


def test_broken_topic_does_not_stop_the_others(workspace):
    workspace.topic("good")
    workspace.topic("broken", files={"cards.yaml": "cards: [unclosed\n"})
    topics, problems = load_all([workspace.cards])
    by_id = {t.id: t for t in topics}
    assert problems == []
    assert by_id["good"].ok and len(by_id["good"].cards) == 4
    assert [p.line for p in by_id["broken"].problems] == [1]


def test_one_pass_reports_every_problem_of_a_card(workspace):
    bad = card("    kind: actor\n    title: t\n    back:\n    related: [nowhere]\n    sources:\n"
               "      - seed: art\n        quote: not in the article at all\n")
    found = problems_for(workspace, {"cards.yaml": CARDS_YAML, "bad.yaml": bad})
    messages = " | ".join(m for f, ln, c, m in found if f == "bad.yaml")
    for fragment in ("missing required field 'front'", "back should be text",
                     "related id 'nowhere'", "quote not found"):
        assert fragment in messages


def test_deck_runs_actors_then_objectives_then_figures_whatever_the_file_names(workspace):
    figures_first = CARDS_YAML.replace("cards:\n", "cards:\n", 1)
    start = figures_first.index("  - id: trade-2004")
    files = {"a-figures.yaml": "cards:\n" + figures_first[start:],
             "b-people.yaml": figures_first[:start]}
    topic = load_topic(workspace.topic(files=files))
    assert topic.ok, topic.problems
    assert [c.id for c in topic.cards] == ["premier", "patience", "trade-2004", "trade-2005"]


def test_unsaved_editor_text_is_validated_instead_of_the_file(workspace):
    folder = workspace.topic()
    unsaved = CARDS_YAML.replace("kind: objective", "kind: objectiv")
    topic = load_topic(folder, texts={folder / "cards.yaml": unsaved})
    assert [(p.line, p.col) for p in topic.problems] == [(14, 11)]
    assert load_topic(folder).problems == ()  # the file itself is untouched and valid


def test_a_file_that_does_not_parse_does_not_bury_its_error_under_related_ids(workspace):
    start = CARDS_YAML.index("  - id: trade-2004")
    files = {"a.yaml": CARDS_YAML[:start], "b.yaml": "cards:\n" + CARDS_YAML[start:].replace(
        "    kind: figure\n", "    kind: figure: oops\n", 1)}
    found = problems_for(workspace, files)
    # premier's related link to trade-2004 is not reported: that card is in the broken file
    assert [(f, ln) for f, ln, c, m in found] == [("b.yaml", 3)]
    assert "put text that contains ': ' in quotes" in found[0][3]


def test_a_card_dropped_for_its_kind_still_counts_for_related_links(workspace):
    broken = CARDS_YAML.replace("kind: objective", "kind: objectiv")
    found = problems_for(workspace, {"cards.yaml": broken})
    # Only the unknown kind; premier's link to patience is not reported as dangling.
    assert [(ln, c) for f, ln, c, m in found] == [(14, 11)]


FIGURE = """\
cards:
  - id: meeting
    kind: figure
    title: {title}
    front: When did they meet?
    back: At half past ten.
    value: {value}
    as_of: {as_of}
    sources:
      - seed: art
        quote: Bilateral trade grew to U.S. $1.4 billion in 2004
"""


@pytest.mark.parametrize("written", ["10:30", "0755", "0x7D0", "1_000", "1:30:00.5"])
def test_numbers_only_yaml_1_1_knows_are_read_as_the_text_written_where_text_goes(workspace,
                                                                                   written):
    """YAML 1.1 read 10:30 as 630 (base 60), 0755 as 493 and 0x7D0 as 2000."""
    text = FIGURE.format(title=written, value=written, as_of=written)
    topic = load_topic(workspace.topic(files={"cards.yaml": text}))
    assert topic.problems == ()
    card = topic.card("meeting")
    assert (card.title, card.value, card.as_of) == (written, written, written)


@pytest.mark.parametrize("written", ["yes", "No", "on", "OFF", "y"])
def test_words_only_yaml_1_1_reads_as_true_or_false_are_text_where_text_goes(workspace,
                                                                             written):
    """YAML 1.1 read `kind: no` as false, and the message said "unknown kind 'False'"."""
    text = FIGURE.format(title=written, value=1, as_of=written)
    topic = load_topic(workspace.topic(files={"cards.yaml": text}))
    assert topic.problems == ()
    assert (topic.card("meeting").title, topic.card("meeting").as_of) == (written, written)
    folder = workspace.topic(name="other", files={
        "cards.yaml": CARDS_YAML.replace("kind: actor", f"kind: {written}")})
    assert [p.message for p in load_topic(folder).problems] == [f"unknown kind '{written}'; expected one of: actor, "
                                      "objective, figure"]


def test_true_and_false_are_still_true_and_false(workspace):
    found = problems_for(workspace, {"cards.yaml": CARDS_YAML.replace("title: The Premier",
                                                                      "title: true")})
    assert [m for *_, m in found] == ["title should be text, not true or false"]


def test_plain_decimal_numbers_are_still_numbers(workspace):
    text = FIGURE.format(title="t", value="-1.5e+3", as_of="2004")
    card = load_topic(workspace.topic(files={"cards.yaml": text})).card("meeting")
    assert (card.value, card.as_of) == (-1500.0, "2004")


@pytest.mark.parametrize("written,means", [("0x7D6", 2006), ("03726", 2006), ("33:26", 2006),
                                           ("2_006", 2006)])
def test_a_yaml_1_1_number_where_only_a_number_goes_says_how_to_write_it(workspace, written,
                                                                         means):
    topic_yaml = TOPIC_YAML.replace("year: 2006", f"year: {written}")
    found = problems_for(workspace, {"cards.yaml": CARDS_YAML}, topic_yaml=topic_yaml)
    assert found == [("topic.yaml", 8, 11, f"year {written} is a number only in YAML 1.1, "
                      f"which reads it as {means}; write it in plain decimal digits: {means}")]


@pytest.mark.parametrize("field,line,col", [("id", 2, 9), ("tags", 8, 12), ("related", 9, 15)])
def test_an_id_tag_or_related_id_ending_in_a_line_break_is_refused(workspace, field, line, col):
    """Python's '$' matches before a final newline: 'premier\\n' passed as a second id."""
    replaced = {"id": ("- id: premier\n", '- id: "premier\\n"\n'),
                "tags": ("tags: [leaders]", 'tags: ["leaders\\n"]'),
                "related": ("related: [patience, trade-2004]", 'related: ["patience\\n"]')}
    old, new = replaced[field]
    found = problems_for(workspace, {"cards.yaml": CARDS_YAML.replace(old, new, 1)})
    name = {"id": "id", "tags": "tag", "related": "item of related"}[field]
    assert ("cards.yaml", line, col, f"{name} must be lowercase letters and digits joined by "
            "single hyphens, like 'wen-jiabao'") in found


@pytest.mark.parametrize("breaks,line", [("\x85", 4), ("\u2028", 4), ("\x85\u2028\x85", 4),
                                         ("\u2029", 5), ("\r", 5), ("\r\n", 5)])
def test_lines_are_counted_as_the_apps_editor_counts_them(workspace, breaks, line):
    """QPlainTextEdit starts a line at \\n, \\r\\n, \\r and U+2029, not at NEL or U+2028."""
    text = f'cards:\n  - id: one\n    title: "a{breaks}b"\n    kind: actr\n'
    found = problems_for(workspace, {"cards.yaml": text})
    assert [(f, ln, c) for f, ln, c, m in found] == [("cards.yaml", line, 11)]


@pytest.mark.parametrize("breaks,line", [("\x85", 2), ("\u2028", 2), ("\u2029", 3)])
def test_a_syntax_error_after_a_nel_is_placed_as_the_editor_shows_it(workspace, breaks, line):
    text = f'cards:\n  - title: "a{breaks}b"\n    kind: [open\n'
    found = problems_for(workspace, {"cards.yaml": text})
    assert [(f, ln, c) for f, ln, c, m in found] == [("cards.yaml", line + 1, 11)]


def _renamed(cards_yaml: str, suffix: str) -> str:
    for card_id in ("premier", "patience", "trade-2004", "trade-2005"):
        cards_yaml = cards_yaml.replace(card_id, card_id + suffix)
    return cards_yaml


def test_a_topic_past_its_card_bound_is_reported_at_the_first_card_too_many(workspace,
                                                                           monkeypatch):
    from briefing import loader
    monkeypatch.setattr(loader, "MAX_TOPIC_CARDS", 6)
    files = {"cards.yaml": CARDS_YAML, "more.yaml": _renamed(CARDS_YAML, "-2"),
             "most.yaml": _renamed(CARDS_YAML, "-3")}
    line = CARDS_YAML.splitlines().index("  - id: trade-2004") + 1
    assert problems_for(workspace, files) == [
        ("more.yaml", line, 5, "the topic holds more than 6 cards, and this is card 7; split "
                               "it into several topics (this file and the ones after it are "
                               "not read)")]


def test_a_topic_past_its_byte_bound_is_reported_at_the_file_that_passes_it(workspace,
                                                                            monkeypatch):
    from briefing import loader
    monkeypatch.setattr(loader, "MAX_TOPIC_BYTES", 2**20)
    padding = "# " + "x" * (2**20 - len(TOPIC_YAML) - len(CARDS_YAML)) + "\n"
    files = {"cards.yaml": CARDS_YAML, "more.yaml": padding + _renamed(CARDS_YAML, "-2")}
    found = problems_for(workspace, files)
    assert found == [("more.yaml", 1, 1, "the topic's files hold more than 1 MiB together; "
                      "split it into several topics (this file and the ones after it are not "
                      "read)")]


@pytest.mark.slow
def test_a_50000_card_topic_is_legal_and_one_card_more_is_reported(tmp_path):
    """The performance target is 50,000 cards; a topic of 100,000 cards in five files,
    each under the per-file limits, took 18.5 s and 708 MiB to say "ok"."""
    from benchmark import write_topic
    from test_reliability_corpus import run_briefing
    folder = write_topic(tmp_path, 50_000)
    run = run_briefing(["check", folder], cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (0, "", "1 topic, 50000 cards: ok\n")
    extra = ("cards:\n  - id: one-more\n    kind: actor\n    title: t\n    front: f\n"
             "    back: b\n    sources:\n      - seed: art\n        quote: the talks in beijing\n")
    (folder / "z-one-more.yaml").write_text(extra, encoding="utf-8")
    run = run_briefing(["check", folder], cwd=tmp_path)
    assert (run.code, run.stdout) == (1, f"{folder}/z-one-more.yaml:2:5: the topic holds more "
                                         "than 50,000 cards, and this is card 50,001; split it "
                                         "into several topics (this file and the ones after it "
                                         "are not read)\n")


@pytest.mark.parametrize("quote", ["a", '"-"', "'  two   words '", "Bilateral"])
def test_a_quote_too_short_to_identify_a_passage_is_refused(workspace, quote):
    text = CARDS_YAML.replace("quote: to U.S. $1.5 billion in 2005", f"quote: {quote}")
    line = text.splitlines().index(f"        quote: {quote}") + 1
    assert problems_for(workspace, {"cards.yaml": text}) == [
        ("cards.yaml", line, 16, "quote is too short to identify a passage: quote at least 12 "
                                 "characters (a few words) of the article")]


def test_every_quote_of_the_bundled_topic_is_long_enough():
    from briefing.paths import bundled_cards
    from briefing.quotes import MIN_QUOTE
    topics, problems = load_all([bundled_cards()])
    quotes = [s.quote for t in topics for c in t.cards for s in c.sources]
    assert problems == [] and all(t.ok for t in topics) and len(quotes) > 90
    assert min(len(q) for q in quotes) >= MIN_QUOTE


def test_an_unclosed_quote_is_reported_where_it_opens_not_where_the_parser_gives_up(workspace):
    from briefing.loader import load_topic
    cards = CARDS_YAML.replace('    title: Patient talks\n', '    title: "Patient talks\n')
    topic = load_topic(workspace.topic(files={"cards.yaml": cards}))
    line = cards.splitlines().index('    title: "Patient talks') + 1
    (problem,) = topic.problems
    assert (problem.line, problem.col) == (line, 12), str(problem)
    assert problem.message.startswith("a quoted string opened here is never closed on its line")
    assert "(close it with \")" in problem.message
