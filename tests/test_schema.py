"""schema.json is the one source of truth: our validator and a reference implementation agree on it."""
from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from conftest import CARDS_YAML, TOPIC_YAML

from briefing import yamlfile
from briefing.validator import SCHEMA_PATH, SchemaError, _compile, check_document

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))

SOURCE = "    sources: [{seed: art, quote: some words}]\n"
DOCUMENTS = {
    "topic header": TOPIC_YAML,
    "cards": CARDS_YAML,
    "header with judgments": TOPIC_YAML + "key_judgments:\n  - text: A judgment.\n    sources: [{seed: art, quote: q}]\n",
    "title without the rest": "title: Only\n",
    "unknown top-level key": "cards: []\nextra: 1\n",
    "unknown kind": "cards:\n  - {id: a, kind: person}\n",
    "figure field on objective": "cards:\n  - id: a\n    kind: objective\n    title: t\n    front: f\n    back: b\n    unit: x\n" + SOURCE,
    "figure missing as_of": "cards:\n  - id: a\n    kind: figure\n    title: t\n    front: f\n    back: b\n    value: 1\n" + SOURCE,
    "figure with text value and date": "cards:\n  - id: a\n    kind: figure\n    title: t\n    front: f\n    back: b\n    value: a treaty\n    as_of: 2005-12-26\n" + SOURCE,
    "bad id": "cards:\n  - id: A_B\n    kind: actor\n    title: t\n    front: f\n    back: b\n" + SOURCE,
    "blank front": "cards:\n  - id: a\n    kind: actor\n    title: t\n    front: ' '\n    back: b\n" + SOURCE,
    "tags not a list": "cards:\n  - id: a\n    kind: actor\n    title: t\n    front: f\n    back: b\n    tags: x\n" + SOURCE,
    "no sources": "cards:\n  - id: a\n    kind: actor\n    title: t\n    front: f\n    back: b\n    sources: []\n",
    "source missing quote": "cards:\n  - id: a\n    kind: actor\n    title: t\n    front: f\n    back: b\n    sources: [{seed: art}]\n",
    "seed with author and date": "title: t\nbottom_line: b\nseeds: [{id: s, file: f.txt, title: t, author: A. Writer, date: 2007-11-28, year: 2007}]\n",
    "seed date of a month": "title: t\nbottom_line: b\nseeds: [{id: s, file: f.txt, title: t, date: '2007-11'}]\n",
    "seed date not a date": "title: t\nbottom_line: b\nseeds: [{id: s, file: f.txt, title: t, date: last week}]\n",
    "seed year as text": "title: t\nbottom_line: b\nseeds: [{id: s, file: f.txt, title: t, year: recent}]\n",
    "boolean title": "cards:\n  - id: a\n    kind: actor\n    title: true\n    front: f\n    back: b\n" + SOURCE,
    "root is a list": "- a\n",
    "dated actor with a relation": "cards:\n  - id: a\n    kind: actor\n    title: t\n    front: f\n    back: b\n" + SOURCE + "    date: 2003-09-25\n    event: e\n    group: state\n    relations: [{to: b, label: l, type: presses, sources: [{seed: art, quote: q}]}]\n",
    "date of no accepted form": "cards:\n  - id: a\n    kind: objective\n    title: t\n    front: f\n    back: b\n" + SOURCE + "    date: Sept 2003\n",
    "date range with an en dash": "cards:\n  - id: a\n    kind: objective\n    title: t\n    front: f\n    back: b\n" + SOURCE + "    date: 1950–53\n",
    "relation without sources": "cards:\n  - id: a\n    kind: actor\n    title: t\n    front: f\n    back: b\n" + SOURCE + "    relations: [{to: b, label: l}]\n",
    "group on an objective": "cards:\n  - id: a\n    kind: objective\n    title: t\n    front: f\n    back: b\n" + SOURCE + "    group: state\n",
    "glossary and comparison": TOPIC_YAML + "glossary:\n  - {term: DPRK, definition: d, sources: [{seed: art, quote: q}]}\ncomparisons:\n  - theme: t\n    earlier: {text: a, sources: [{seed: art, quote: q}]}\n    later: {text: b, sources: [{seed: art, quote: q}]}\n",
    "comparison without a later side": TOPIC_YAML + "comparisons:\n  - theme: t\n    earlier: {text: a, sources: [{seed: art, quote: q}]}\n",
    "glossary without the header": "glossary:\n  - {term: DPRK, definition: d, sources: [{seed: art, quote: q}]}\n",
}


def as_json(text: str):
    """What the YAML means as JSON: dates stay the text that was written."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: node.value)
    return yaml.load(text, Loader=Loader)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_our_validator_agrees_with_jsonschema(name):
    text = DOCUMENTS[name]
    reference = jsonschema.Draft202012Validator(SCHEMA)
    reference_ok = reference.is_valid(as_json(text))
    node, problems = yamlfile.parse(text, "f.yaml")
    _, found = check_document(node, "f.yaml")
    assert (not found) == reference_ok, (found, list(reference.iter_errors(as_json(text))))


def test_the_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_validator_refuses_a_keyword_it_does_not_implement():
    with pytest.raises(SchemaError, match="not supported: maxLength"):
        _compile({"type": "string", "maxLength": 3}, {}, {})


def test_every_card_kind_in_the_schema_has_a_branch():
    kinds = SCHEMA["$defs"]["card"]["properties"]["kind"]["enum"]
    branches = [SCHEMA["$defs"][ref["$ref"].rsplit("/", 1)[1]]["properties"]["kind"]["const"]
                for ref in SCHEMA["$defs"]["card"]["oneOf"]]
    assert kinds == branches
