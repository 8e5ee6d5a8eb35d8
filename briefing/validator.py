"""Check a YAML node tree against schema.json and build plain values from it.

schema.json is the one source of truth for the format. This validator runs the
subset of JSON Schema that the file uses, refuses any keyword it does not know
(so the two cannot drift apart), and, unlike a generic validator, reports every
problem at the line and column of the node, with "did you mean" hints.
"""
from __future__ import annotations

import difflib
import json
import math
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from . import wording
from .model import Problem
from .paths import SCHEMA_PATH

ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "default",
               "examples", "markdownDescription", "errorMessage"}
ASSERTIONS = {"$ref", "type", "enum", "const", "pattern", "minItems", "items", "properties",
              "required", "additionalProperties", "dependentRequired", "oneOf"}

TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number",
              "boolean": "true or false", "null": "nothing (null)", "array": "a list",
              "object": "a mapping of keys to values"}

TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = TAG + "str", TAG + "seq", TAG + "map"
_ScalarNode = yaml.ScalarNode
_SCALAR_NAMES = {"int": "a whole number", "float": "a number", "bool": "true or false",
                 "null": "nothing (null)"}
_constructor = yaml.constructor.SafeConstructor()
# PyYAML reads YAML 1.1, where 10:30 is 630 (base 60), 0755 is 493 (octal), 0x7D0 is
# 2000 and 1_000 is 1000; YAML 1.2, JSON and the editors' YAML support read them as
# text (or 0755 as 755). Only numbers written like this mean the same everywhere.
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*|[0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?"
                      r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


class SchemaError(Exception):
    """schema.json uses something this validator does not implement."""


class Located(dict):
    """A mapping from the file, remembering where each key's value is."""

    __slots__ = ("mark", "marks")

    def __init__(self, mark: tuple[int, int]):
        super().__init__()
        self.mark = mark
        self.marks: dict[str, tuple[int, int]] = {}

    def at(self, key: str) -> tuple[int, int]:
        return self.marks.get(key, self.mark)


class LocatedList(list):
    """A list from the file, remembering where each item is."""

    __slots__ = ("mark", "marks")

    def __init__(self, mark: tuple[int, int]):
        super().__init__()
        self.mark = mark
        self.marks: list[tuple[int, int]] = []


INVALID = object()  # a node that failed its check; the caller leaves it out


@dataclass
class Rule:
    """One compiled schema node."""

    types: frozenset[str] = frozenset()
    enum: tuple = ()
    pattern: re.Pattern | None = None
    min_items: int = 0
    items: Rule | None = None
    properties: dict[str, Rule] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    closed: bool = False
    dependent: dict[str, tuple[str, ...]] = field(default_factory=dict)
    discriminator: str = ""
    branches: dict[str, Rule] = field(default_factory=dict)
    error: str = ""
    # Worked out once from the above, for the checks every node makes.
    takes_text: bool = True
    takes_array: bool = True
    takes_object: bool = True
    interned: bool = False  # ids recur (tags, related, seeds): keep one string of each
    canonical: dict = field(default_factory=dict)  # an enum's text values, each to itself

    def settle(self) -> None:
        self.takes_text = _type_ok("string", self.types)
        self.takes_array = _type_ok("array", self.types)
        self.takes_object = _type_ok("object", self.types)
        self.canonical = {value: value for value in self.enum if isinstance(value, str)}


def _compile(schema: dict, root: dict, memo: dict[str, Rule]) -> Rule:
    if "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/"):
            raise SchemaError(f"only local $ref is supported, not {ref}")
        if ref not in memo:
            target = root
            for part in ref[2:].split("/"):
                target = target[part]
            memo[ref] = Rule()
            compiled = _compile(target, root, memo)
            compiled.interned = ref in _INTERNED
            memo[ref].__dict__.update(compiled.__dict__)
        return memo[ref]
    unknown = set(schema) - ANNOTATIONS - ASSERTIONS
    if unknown:
        raise SchemaError(f"schema keyword(s) not supported: {', '.join(sorted(unknown))}")
    if "additionalProperties" in schema and schema["additionalProperties"] is not False:
        raise SchemaError("additionalProperties may only be false")
    types = schema.get("type", ())
    rule = Rule(types=frozenset([types] if isinstance(types, str) else types),
                min_items=schema.get("minItems", 0),
                required=tuple(schema.get("required", ())),
                closed=schema.get("additionalProperties", True) is False,
                dependent={k: tuple(v) for k, v in schema.get("dependentRequired", {}).items()},
                error=schema.get("errorMessage", ""))
    if "const" in schema:
        rule.enum = (schema["const"],)
    elif "enum" in schema:
        rule.enum = tuple(schema["enum"])
    if "pattern" in schema:
        rule.pattern = re.compile(_ecma_end(schema["pattern"]))
    if "items" in schema:
        rule.items = _compile(schema["items"], root, memo)
    rule.properties = {name: _compile(sub, root, memo)
                       for name, sub in schema.get("properties", {}).items()}
    if "oneOf" in schema:
        _compile_discriminated(rule, [_compile(s, root, memo) for s in schema["oneOf"]])
    rule.settle()
    return rule


_INTERNED = {"#/$defs/id"}


def _ecma_end(pattern: str) -> str:
    """A JSON Schema pattern's final '$' is the end of the text (ECMA-262); Python's '$'
    also matches before a final newline, so 'premier\\n' passed as an id. '\\Z' is the end."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        return pattern[:-1] + r"\Z"
    return pattern


def _compile_discriminated(rule: Rule, branches: list[Rule]) -> None:
    """oneOf is supported where each branch pins one shared key to a constant (a kind)."""
    for key in rule.properties:
        consts = [b.properties.get(key) for b in branches]
        if all(c is not None and len(c.enum) == 1 for c in consts):
            rule.discriminator = key
            rule.branches = {c.enum[0]: b for c, b in zip(consts, branches, strict=True)}
            return
    raise SchemaError("oneOf is supported only with a discriminating const property")


@lru_cache(maxsize=1)
def schema_document() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def root_rule() -> Rule:
    doc = schema_document()
    return _compile(doc, doc, {})


def tag_name(tag: str) -> str:
    """A tag as the author wrote it: !!python/object rather than tag:yaml.org,2002:..."""
    return "!!" + tag.removeprefix(TAG) if tag.startswith(TAG) else tag


# The longest piece of the author's text a message quotes back: a 2 MB value
# must not make a 2 MB message, and a typo hint is no use for a long one.
CLIP = 60


def clip(text) -> str:
    """A value short enough to quote in a message."""
    return wording.clip(text, CLIP)


def did_you_mean(word: str, choices) -> str:
    if len(word) > CLIP:
        return ""
    close = difflib.get_close_matches(word, [c for c in choices if len(c) <= CLIP],
                                      n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Hints:
    """did_you_mean within a budget of comparisons (a few microseconds each).

    difflib compares the word with every choice, so thousands of dangling ids
    in a topic of thousands of cards made `check` take minutes; past the
    budget, problems are still reported, only without the hint."""

    def __init__(self, budget: int = 100_000):
        self.budget = budget

    def __call__(self, word: str, choices) -> str:
        if not hasattr(choices, "__len__"):
            choices = list(choices)
        self.budget -= len(choices)
        return did_you_mean(word, choices) if self.budget >= 0 else ""


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "array"
    return "object"


def _takes_text(rule: Rule) -> bool:
    return not rule.types or "string" in rule.types


def _type_ok(found: str, types: frozenset[str]) -> bool:
    return not types or found in types or (found == "integer" and "number" in types)


def _describe_expected(types: frozenset[str]) -> str:
    return " or ".join(TYPE_NAMES[t] for t in sorted(types))


class Checker:
    """Walks one file's node tree against the compiled schema, collecting Problems."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self._visited: set[int] = set()
        self.hint = Hints()

    def report(self, at: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(self.path, at[0], at[1], message))

    def check(self, node: yaml.Node, rule: Rule, name: str = "value"):
        if isinstance(node, _ScalarNode):
            if node.tag == _STR and rule.takes_text:
                # Most of a file: text where text may go. The checks of _check_scalar,
                # without its calls; anything else takes the long way, which reports.
                value = node.value
                if rule.enum:
                    canonical = rule.canonical.get(value)
                    if canonical is not None and rule.pattern is None:
                        return canonical
                elif rule.pattern is None or rule.pattern.search(value):
                    return sys.intern(value) if rule.interned else value
                return self._check_scalar(value, node, rule, name)
            value = self._scalar(node, rule, name)
            if value is INVALID:
                return INVALID
            return self._check_scalar(value, node, rule, name)
        if id(node) in self._visited:
            # The alias shares this node, so its own place is unknown: point at
            # the anchored original and say so.
            self.report(_mark(node), "an alias may not repeat a list or mapping; this one, "
                                     "anchored here, is repeated by an alias (*name) further "
                                     "down: write the copy out")
            return INVALID
        self._visited.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ and not self._is_standard(node, "seq"):
                return INVALID
            if not rule.takes_array:
                return self._wrong_type(node, rule, "array", name)
            return self._check_list(node, rule, name)
        if node.tag != _MAP and not self._is_standard(node, "map"):
            return INVALID
        if not rule.takes_object:
            return self._wrong_type(node, rule, "object", name)
        if rule.discriminator:
            branch = self._pick_branch(node, rule)
            if branch is not None:
                return self._check_mapping(node, branch)
        return self._check_mapping(node, rule)

    def _is_standard(self, node: yaml.Node, kind: str) -> bool:
        if node.tag == TAG + kind:
            return True
        self.report(_mark(node), f"tag {clip(tag_name(node.tag))} is not allowed in a topic file")
        return False

    def _scalar(self, node: yaml.ScalarNode, rule: Rule, name: str):
        tag = node.tag
        if tag == TAG + "str" or tag == TAG + "timestamp":
            return node.value  # a date stays the text the author wrote, as in JSON
        if tag in (TAG + "int", TAG + "float") and not _DECIMAL.fullmatch(node.value):
            return self._old_number(node, rule, name)
        try:
            if tag == TAG + "null":
                return None
            if tag == TAG + "bool":
                if node.value.lower() not in ("true", "false") and _takes_text(rule):
                    return node.value  # yes, no, on, off: text in YAML 1.2, as the author meant
                return _constructor.construct_yaml_bool(node)
            if tag in (TAG + "int", TAG + "float"):
                return self._number(node)
        except (ValueError, yaml.YAMLError):
            what = _SCALAR_NAMES.get(tag.removeprefix(TAG), tag.removeprefix(TAG))
            self.report(_mark(node), f"cannot read {clip(node.value)!r} as {what}")
            return INVALID
        if tag == TAG + "merge":
            self.report(_mark(node), "merge keys (<<) are not supported; write the keys out")
        else:
            self.report(_mark(node), f"tag {clip(tag_name(tag))} is not allowed in a topic file")
        return INVALID

    def _old_number(self, node: yaml.ScalarNode, rule: Rule, name: str):
        """A number only YAML 1.1 reads (10:30, 0755, 0x7D0): the text as written where
        text may go (a time, a code), else a message that says how to write it."""
        if _takes_text(rule):
            return node.value
        try:
            number = self._number(node)
        except (ValueError, yaml.YAMLError):
            self.report(_mark(node), f"cannot read {clip(node.value)!r} as a number; write it "
                                     "in plain decimal digits")
            return INVALID
        if number is INVALID:
            return INVALID  # already reported: not finite, or too large
        self.report(_mark(node), f"{name} {clip(node.value)} is a number only in YAML 1.1, "
                                 f"which reads it as {number}; write it in plain decimal "
                                 f"digits: {number}")
        return INVALID

    def _number(self, node: yaml.ScalarNode):
        """A YAML number that JSON, the charts and the PDF can all hold."""
        if node.tag == TAG + "int":
            number = _constructor.construct_yaml_int(node)
        else:
            number = _constructor.construct_yaml_float(node)
        # .nan, .inf and integers past 1.8e308 have no JSON form, and the
        # PDF's charts failed on them with a traceback.
        if isinstance(number, float) and not math.isfinite(number):
            self.report(_mark(node), f"{node.value} is not a number a card can show; "
                                     "write the figure itself")
            return INVALID
        try:
            float(number)
        except OverflowError:
            self.report(_mark(node), f"the number {clip(node.value)} is too large")
            return INVALID
        return number

    def _wrong_type(self, node, rule: Rule, found: str, name: str):
        self.report(_mark(node), f"{name} should be {_describe_expected(rule.types)}, "
                                 f"not {TYPE_NAMES[found]}")
        return INVALID

    def _check_scalar(self, value, node, rule: Rule, name: str):
        found = _json_type(value)
        if not _type_ok(found, rule.types):
            return self._wrong_type(node, rule, found, name)
        if rule.enum and value not in rule.enum:
            hint = self.hint(str(value), map(str, rule.enum))
            choices = ", ".join(map(str, rule.enum))
            self.report(_mark(node),
                        f"unknown {name} '{clip(value)}'{hint}; expected one of: {choices}")
            return INVALID
        if rule.pattern is not None and isinstance(value, str) and not rule.pattern.search(value):
            if rule.error:
                self.report(_mark(node), f"{name} {rule.error}")
            else:
                self.report(_mark(node), f"{name} does not match {rule.pattern.pattern}")
            return INVALID
        return value

    def _check_list(self, node: yaml.SequenceNode, rule: Rule, name: str):
        items = node.value
        if len(items) < rule.min_items:
            self.report(_mark(node), f"{name} needs at least {rule.min_items} "
                                     f"item{'s' if rule.min_items > 1 else ''}")
        result = LocatedList(_mark(node))
        item_rule = rule.items
        if item_rule is None:
            return result
        singular = name[:-1] if name.endswith("s") else f"item of {name}"
        check, append, marks = self.check, result.append, result.marks.append
        for item in items:
            value = check(item, item_rule, singular)
            if value is not INVALID:
                append(value)
                mark = item.start_mark
                marks((mark.line + 1, mark.column + 1))
        return result

    def _plain_key(self, key_node: yaml.Node) -> bool:
        """Whether a key that is not text still counts (a number, say), reporting a
        list or mapping as a key, and a merge key."""
        if not isinstance(key_node, _ScalarNode):
            self.report(_mark(key_node), "a key must be plain text")
            return False
        if key_node.tag == TAG + "merge":
            self.report(_mark(key_node), "merge keys (<<) are not supported; write the keys out")
            return False
        return True

    def _pick_branch(self, node: yaml.MappingNode, rule: Rule) -> Rule | None:
        for key_node, value_node in node.value:
            if (isinstance(key_node, yaml.ScalarNode) and key_node.value == rule.discriminator
                    and isinstance(value_node, yaml.ScalarNode)):
                return rule.branches.get(value_node.value)
        return None

    def _check_mapping(self, node: yaml.MappingNode, rule: Rule):
        result = Located(_mark(node))
        marks, properties, check = result.marks, rule.properties, self.check
        present: dict[str, int] = {}  # every key's first line, even of one left out
        for key_node, value_node in node.value:
            # What _keys reports, inline: this loop runs for every key of every card.
            if ((not isinstance(key_node, _ScalarNode) or key_node.tag != _STR)
                    and not self._plain_key(key_node)):
                continue
            key = key_node.value
            if key in present:
                self.report(_mark(key_node), f"duplicate key '{clip(key)}' (first at line "
                                             f"{present[key]}); YAML would silently keep only "
                                             "the last one")
                continue
            present[key] = key_node.start_mark.line + 1
            sub = properties.get(key)
            if sub is None:
                if rule.closed:
                    hint = self.hint(key, properties)
                    self.report(_mark(key_node), f"unknown key '{clip(key)}'{hint}")
                continue
            value = check(value_node, sub, key)
            if value is not INVALID:
                result[key] = value
                mark = value_node.start_mark
                marks[key] = (mark.line + 1, mark.column + 1)
        for key in rule.required:
            if key not in present:
                self.report(result.mark, f"missing required field '{key}'")
        for key, needs in rule.dependent.items():
            if key in present:
                for other in needs:
                    if other not in present:
                        holder = "a file" if rule is root_rule() else "a mapping"
                        self.report(result.mark, f"missing required field '{other}' "
                                                 f"({holder} with '{key}' needs it)")
        return result


def check_document(node: yaml.Node, path: str) -> tuple[object, list[Problem]]:
    """Validate a file's root node; returns its value (or INVALID) and the problems."""
    checker = Checker(path)
    value = checker.check(node, root_rule(), "the file")
    return value, checker.problems
