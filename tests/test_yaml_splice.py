"""The live check's parse after an edit (yaml_splice) gives what a whole parse gives:
the same nodes, with the same marks, or the same problem."""
from __future__ import annotations

import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import yaml_splice, yamlfile

LONG_RUN = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=LONG_RUN or 200, deadline=None, derandomize=not LONG_RUN,
                database=None, suppress_health_check=[HealthCheck.too_slow])


def cards_file(count: int = 60, header: str = "") -> str:
    lines = [header + "cards:"] if header else ["cards:"]
    for i in range(count):
        lines += [f"  - id: card-{i}", "    kind: actor", f"    title: Card {i} – Čína",
                  "    back: >-", f"      It says {i} things", "      over two lines.",
                  f"    tags: [t{i % 3}, x]", "    # a comment between cards", ""]
    return "\n".join(lines) + "\n"


def shape(node):
    """Everything of a node tree the checks read: kinds, tags, values, styles, marks."""
    if node is None:
        return None
    marks = tuple((m.index, m.line, m.column) for m in (node.start_mark, node.end_mark))
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("list", node.tag, node.flow_style, marks, [shape(v) for v in node.value])
    return ("map", node.tag, node.flow_style, marks,
            [(shape(k), shape(v)) for k, v in node.value])


def both(before: str, after: str):
    root, problems = yamlfile.parse(before, "f.yaml")
    assert problems == [] and root is not None
    spliced = yaml_splice.parse_after_edit(before, root, after, "f.yaml")
    whole = yamlfile.parse(after, "f.yaml")
    return (shape(spliced[0]), spliced[1]), (shape(whole[0]), whole[1])


def reused(before: str, after: str) -> int:
    """How many of the first parse's card nodes the second one holds."""
    root, _ = yamlfile.parse(before, "f.yaml")
    old = {id(node) for node in yaml_splice.cards_list(root).value}
    new, _ = yaml_splice.parse_after_edit(before, root, after, "f.yaml")
    cards = yaml_splice.cards_list(new)
    return sum(id(node) in old for node in cards.value) if cards else 0


BEFORE = cards_file()


def edit(old: str, new: str, count: int = 1) -> str:
    assert old in BEFORE
    return BEFORE.replace(old, new, count)


EDITS = {
    "a key typed after the cards": BEFORE + "zz: 1\n",
    "a letter in a late card": edit("It says 50 things", "It says 50 thingsy"),
    "a line break in a late card": edit("    title: Card 45 – Čína", "    title: Card 45\n – Čína"),
    "a late card's dash taken away": edit("  - id: card-40\n", "    id: card-40\n"),
    "a line indented under the card before": edit("  - id: card-40\n", "      more text\n"
                                                                         "  - id: card-40\n"),
    "a card added at the end": BEFORE + "  - id: new\n    kind: figure\n",
    "a syntax error late": edit("It says 55 things", "It says: 55: things"),
    "an unclosed quote late": edit("    title: Card 57", '    title: "Card 57'),
    "a tab late": edit("    kind: actor\n    title: Card 52", "\tkind: actor\n    title: Card 52"),
    "the header changed": "title: x\n" + BEFORE,
    "an early card changed": edit("It says 3 things", "It says 3 thing"),
    "an anchor added": edit("It says 50 things", "&a It says 50 things"),
    "a second document": BEFORE + "---\nb: 1\n",
    "the rest deleted": BEFORE[:BEFORE.index("  - id: card-30")],
}


@pytest.mark.parametrize("after", EDITS.values(), ids=EDITS.keys())
def test_an_edit_parses_as_the_whole_text_does(after):
    spliced, whole = both(BEFORE, after)
    assert spliced == whole


def test_the_cards_before_an_edit_late_in_the_file_are_not_composed_again():
    assert reused(BEFORE, EDITS["a key typed after the cards"]) == 59
    assert reused(BEFORE, EDITS["a letter in a late card"]) == 50  # card-50 is parsed again
    assert reused(BEFORE, EDITS["an early card changed"]) == 0  # too few before it


def test_the_card_before_a_changed_dash_line_is_parsed_again():
    """Without its dash, card-40's lines go on card-39, which must be composed afresh."""
    after = EDITS["a late card's dash taken away"]
    assert reused(BEFORE, after) == 39
    (spliced, _), _ = both(BEFORE, after)
    card_39 = spliced[4][0][1][4][39]  # root mapping -> cards -> the 40th item
    keys = [pair[0][2] for pair in card_39[4]]
    assert keys.count("id") == 2  # its own and card-40's


EDIT_TEXT = st.lists(st.sampled_from(list("- :\n#'\"|>{}[]&*!%x\t") + ["  - id: z\n", "    "]),
                     max_size=8).map("".join)


@FUZZ
@given(where=st.integers(0, len(BEFORE)), cut=st.integers(0, 40), insert=EDIT_TEXT)
def test_any_edit_parses_as_the_whole_text_does(where, cut, insert):
    after = BEFORE[:where] + insert + BEFORE[where + cut:]
    spliced, whole = both(BEFORE, after)
    assert spliced == whole
