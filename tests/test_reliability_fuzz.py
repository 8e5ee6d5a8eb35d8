"""Fuzzed topic files: the loader reports problems as values, each at a place that exists.

Random bytes, random text, random YAML documents and mutations of the valid
example topic (flipped bytes, lost and doubled lines, stray YAML punctuation,
shifted indentation) go through load_topic. Nothing may escape as an
exception, and every Problem names a file of the topic and a line of it.
Derandomized and without an example database, so CI runs the same cases.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import CARDS_YAML, TOPIC_YAML
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.loader import load_topic

# BRIEFING_FUZZ_EXAMPLES=20000 runs a long, random (not derandomized) campaign.
LONG_RUN = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=LONG_RUN or 200, deadline=None, derandomize=not LONG_RUN,
                database=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                      HealthCheck.too_slow])

# Where a line breaks as the app's editor counts lines (see yamlfile._LINE_BREAK):
# not at NEL or U+2028, which libyaml alone counts.
LINE_BREAKS = re.compile("\r\n|[\r\n\u2029]")
PUNCTUATION = [":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!", "!!python/object:os.system ",
               "!!binary ", "|", ">", "#", "'", '"', "? ", "%YAML 1.1\n", "@", "`", "---\n", "...\n",
               "\t", "\n", "<<: *a", "\\", "\x00", "\ufeff", "\u2028", "é", "\r"]
SCHEMA_WORDS = ["cards", "id", "kind", "actor", "objective", "figure", "title", "front", "back",
                "sources", "seed", "quote", "art", "related", "tags", "value", "unit", "as_of",
                "series", "seeds", "file", "bottom_line", "key_judgments", "text", "premier"]


def located_problems(folder: Path, unsaved: dict[Path, str] | None = None):
    """Load the topic; assert every problem is at a real place; return the problems."""
    topic = load_topic(folder, texts=unsaved)  # any exception fails the test
    files = {p.name for p in folder.iterdir()} | {"topic.yaml"}
    for problem in topic.problems:
        path = Path(problem.path)
        assert path.parent == folder and path.name in files, problem
        if unsaved and path in unsaved:
            text = unsaved[path]
        elif path.exists():
            text = path.read_bytes().decode("utf-8", errors="replace")
        else:
            text = ""
        lines = LINE_BREAKS.split(text)  # a final break opens an empty last line
        assert 1 <= problem.line <= len(lines), (problem, len(lines))
        assert 1 <= problem.col <= len(lines[problem.line - 1]) + 1, problem
        assert len(problem.message) < 500, problem
    return topic.problems


@pytest.fixture
def topic_folder(workspace) -> Path:
    return workspace.topic()


def write_and_check(folder: Path, name: str, content: bytes):
    (folder / name).write_bytes(content)
    return located_problems(folder)


# -- mutations of the valid example ------------------------------------------------------------

@st.composite
def mutated(draw, base: str) -> bytes:
    data = bytearray(base.encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        lines = bytes(data).split(b"\n")
        op = draw(st.sampled_from(["flip", "delete", "double", "punctuate", "indent", "swap"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "flip" and data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
            continue
        if op == "delete":
            del lines[i]
        elif op == "double":
            lines.insert(i, lines[i])
        elif op == "punctuate":
            at = draw(st.integers(0, len(lines[i])))
            mark = draw(st.sampled_from(PUNCTUATION)).encode("utf-8")
            lines[i] = lines[i][:at] + mark + lines[i][at:]
        elif op == "indent":
            shift = draw(st.integers(-4, 4))
            stripped = lines[i].lstrip(b" ")
            lines[i] = b" " * max(0, len(lines[i]) - len(stripped) + shift) + stripped
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        data = bytearray(b"\n".join(lines))
    return bytes(data)


@FUZZ
@given(content=mutated(CARDS_YAML))
def test_a_mutated_card_file_gives_located_problems_only(topic_folder, content):
    write_and_check(topic_folder, "cards.yaml", content)


@FUZZ
@given(content=mutated(TOPIC_YAML))
def test_a_mutated_topic_yaml_gives_located_problems_only(topic_folder, content):
    write_and_check(topic_folder, "topic.yaml", content)


# -- random input --------------------------------------------------------------------------------

@FUZZ
@given(content=st.binary(max_size=400))
def test_random_bytes_give_located_problems_only(topic_folder, content):
    write_and_check(topic_folder, "z-random.yaml", content)


yaml_ish_text = st.lists(
    st.one_of(st.sampled_from(PUNCTUATION + SCHEMA_WORDS + [" ", "  ", "\n", "\n  "]),
              st.characters()),
    max_size=60).map("".join)


@FUZZ
@given(text=yaml_ish_text)
def test_random_text_in_the_editor_gives_located_problems_only(topic_folder, text):
    """The in-app editor checks unsaved text the same way (load_topic's texts)."""
    located_problems(topic_folder, {topic_folder / "cards.yaml": text})


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                    st.sampled_from(SCHEMA_WORDS), st.text(max_size=20))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(SCHEMA_WORDS), st.text(max_size=8)),
                        children, max_size=6)),
    max_leaves=30)


@FUZZ
@given(document=st.dictionaries(st.sampled_from(SCHEMA_WORDS), documents, max_size=5),
       flow=st.booleans())
def test_random_yaml_documents_give_located_problems_only(topic_folder, document, flow):
    text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True)
    write_and_check(topic_folder, "z-random.yaml", text.encode("utf-8"))


def test_the_property_is_not_vacuous(topic_folder):
    """A broken file does give problems, and they pass the same checks."""
    broken = CARDS_YAML.replace("    kind: actor", "    kind: [actor")
    problems = write_and_check(topic_folder, "cards.yaml", broken.encode("utf-8"))
    assert [(p.line, p.col) for p in problems] == [(3, 11)]
