"""Read one YAML file into PyYAML's node tree, turning every failure into a Problem.

Only the composer runs (libyaml's when available): nodes carry line and
column, and no constructor ever sees a tag, so `!!python/...` cannot run.
"""
from __future__ import annotations

import bisect
import os
import re
import stat
from pathlib import Path

import yaml

from .model import Problem
from .topics import NOT_A_FILE

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_Base):
    """PyYAML's safe loader, with the Python calls libyaml's composer makes for every
    node made cheap: they were a third of composing. Tags come out exactly as the base
    class gives them (a test compares the two on the corpus)."""

    # Path resolvers (yaml.add_path_resolver) are never used here, so there is no
    # path to follow down and up the tree.
    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode:
            return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode \
                else self.DEFAULT_MAPPING_TAG
        if not implicit[0]:
            return self.DEFAULT_SCALAR_TAG  # quoted, or tagged !: text
        # A plain scalar can be a number, bool, null... only by its first character,
        # and most text starts with a letter no implicit type starts with.
        if value and value[0] not in _TYPED_FIRST:
            return self.DEFAULT_SCALAR_TAG
        # The rest are mostly keys (title, tags, front) and small numbers, again and again.
        tag = _RESOLVED.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(value) <= 16 and len(_RESOLVED) < 10_000:
                _RESOLVED[value] = tag
        return tag


_RESOLVED: dict[str, str] = {}
# The first characters of the implicit types' patterns; None would be a pattern for any.
_TYPED_FIRST = frozenset(key for key in Loader.yaml_implicit_resolvers if key is not None)
assert None not in Loader.yaml_implicit_resolvers and not Loader.yaml_path_resolvers

# Big enough for any hand-written topic, small enough that a stray binary
# file cannot exhaust memory.
MAX_BYTES = 16 * 1024 * 1024
# Values (scalars, lists, mappings, aliases) in one file: room for 20,000
# cards or more (a card is about 20). A composed node costs about 300 bytes and
# 3 us, so without a bound a 16 MiB file of "[a,a,a,...]" took 20 s and 2 GB
# before any check ran.
MAX_NODES = 500_000
_NODE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent,
                yaml.AliasEvent)
# libyaml reports a bad character's position in bytes of the UTF-8 text.
_BYTE_POSITIONS = _Base is not yaml.SafeLoader
# YAML allows an implicit key of at most 1024 characters.
MAX_KEY = 1024


# Lines are counted as the app's editor (a QPlainTextEdit) shows them: a line ends
# at \n, \r\n, \r or U+2029 (Qt's paragraph separator), as in most editors and
# YAML 1.2. libyaml, after YAML 1.1, also ends one at NEL (U+0085) and U+2028, which
# the editor shows inside a line; a file holding either has its marks recounted, so
# `check` and the editor name the same line and column.
_LINE_BREAK = re.compile("\r\n|[\r\n\u2029]")
_YAML_ONLY_BREAKS = ("\x85", "\u2028")


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start + 1


def lines_recounted(text: str) -> bool:
    """Whether the parser's line numbers are counted again for this text (see _place)."""
    return any(char in text for char in _YAML_ONLY_BREAKS)


def _place(mark: yaml.Mark, text: str) -> tuple[int, int]:
    """A mark's line and column; at the end of a file that lacks a final line
    break, libyaml counts one more line than the file has, so use the end."""
    if mark.index >= len(text):
        return position(text, len(text))
    if lines_recounted(text):
        return position(text, mark.index)
    return mark.line + 1, mark.column + 1


def _recount_marks(root: yaml.Node, text: str) -> None:
    """Give every node the line and column the editor shows (see _LINE_BREAK)."""
    starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue  # an alias: the same node again
        seen.add(id(node))
        mark = node.start_mark
        line = bisect.bisect_right(starts, mark.index) - 1
        node.start_mark = yaml.Mark(mark.name, mark.index, line, mark.index - starts[line],
                                    None, None)
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in node.value for item in pair)


def decode(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    """UTF-8 text of a file, or the place of its first undecodable byte."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8-sig", errors="replace")
        line, col = position(good, len(good))
        byte = data[error.start]
        return None, Problem(path, line, col,
                             f"not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8")


# libyaml's names for what it was reading, in the words of someone editing a file.
_PLAIN_WORDS = {"a flow sequence": "[ list ]", "a flow mapping": "{ mapping }",
                "a flow node": "[ list ] or { mapping }", "a quoted scalar": "quoted text",
                "a block mapping": "mapping", "a block collection": "list or mapping",
                "a simple key": "key", "a plain scalar": "text", "a directive": "directive",
                "an anchor": "anchor", "an alias": "alias", "a tag": "tag"}


# libyaml's messages that need a word of explanation for someone editing by hand.
_HINTS = {
    "mapping values are not allowed in this context":
        "a ': ' cannot go here; put text that contains ': ' in quotes, or check the indentation",
    "found character that cannot start any token":
        "this character cannot start a value; put the text in quotes",
    "did not find expected key":
        "a line here is not indented like the keys around it",
}


def _plain(context: str | None) -> str:
    what = (context or "").removeprefix("while ").removeprefix("scanning ").removeprefix("parsing ")
    return _PLAIN_WORDS.get(what, what.removeprefix("a ").removeprefix("an ") or "value")


def _syntax_problem(error: yaml.YAMLError, text: str, path: str) -> Problem:
    if isinstance(error, yaml.reader.ReaderError):
        offset = error.position
        if _BYTE_POSITIONS:
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
        line, col = position(text, offset)
        char = error.character
        shown = f"U+{char:04X}" if isinstance(char, int) else repr(char)
        return Problem(path, line, col, f"character {shown} is not allowed in YAML text")
    if not isinstance(error, yaml.MarkedYAMLError) or error.problem_mark is None:
        return Problem(path, 1, 1, f"YAML error: {error}")
    mark, context = error.problem_mark, error.context_mark
    problem = error.problem or "syntax error"
    if mark.index < len(text) and text[mark.index] == "\t":
        return Problem(path, *_place(mark, text),
                       "tab character in indentation; indent with spaces")
    runaway = _runaway_quote(text, mark.line) if "did not find expected" in problem else None
    if runaway is not None:
        start, quote = runaway
        return Problem(path, *_place(start, text),
                       f"a quoted string opened here is never closed on its line: it runs on "
                       f"to line {_place(mark, text)[0]}, taking the keys below as text "
                       f"(close it with {quote})")
    if context is not None and context.index != mark.index and (
            "end of stream" in problem or "did not find expected" in problem):
        # An unclosed quote or bracket fails far below where it began: point
        # at the opening, which is where the fix goes.
        return Problem(path, *_place(context, text),
                       f"{_plain(error.context)} starting here is never closed "
                       f"({problem.replace('found unexpected end of stream', 'the file ends')} "
                       f"at line {_place(mark, text)[0]})")
    if not text[mark.index:].strip():
        return Problem(path, *_place(mark, text),
                       f"the file ends inside an unfinished {_plain(error.context)}; "
                       "is a bracket or quote never closed?")
    if mark.column >= MAX_KEY and ("mapping values are not allowed" in problem
                                   or "could not find expected ':'" in problem):
        start = context if context is not None and context.line == mark.line else mark
        return Problem(path, *_place(start, text),
                       f"a key may be at most {MAX_KEY} characters long; is a line break "
                       "missing, or should this text be a quoted value?")
    problem = _HINTS.get(problem, problem)
    message = problem if not error.context else f"{problem} ({error.context})"
    return Problem(path, *_place(mark, text), message)


_KEY_LINE = re.compile(r"\n[ \t]*(?:- +)?[A-Za-z_][\w -]*:(?:[ \t]|\n|$)")


def _runaway_quote(text: str, before_line: int) -> tuple[yaml.Mark, str] | None:
    """A quoted value that swallowed the lines below it (its closing quote forgotten): the
    parser fails only where the next quote turns up, far from the cause. Found as a quoted
    scalar spanning lines whose text holds what looks like a key of the lines below."""
    found = None
    try:
        for token in yaml.scan(text, Loader=Loader):
            if token.start_mark.line > before_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.end_mark.line > token.start_mark.line \
                    and _KEY_LINE.search(text, token.start_mark.index, token.end_mark.index):
                found = (token.start_mark, token.style)
    except yaml.YAMLError:
        pass  # the error itself: the tokens before it are what we wanted
    return found


def _most_nodes(text: str) -> int:
    """An upper bound on the values in a text, counted at C speed.

    Every value starts after a line break or one of these marks, and a flow
    collection adds one more; so a normal file never needs the exact count."""
    marks = sum(text.count(c) for c in "\n,:-[{?*")
    return 2 * marks + 1


def past_node_limit(text: str) -> yaml.Mark | None:
    """Where the file passes MAX_NODES values; events stream, so memory stays flat."""
    if _most_nodes(text) <= MAX_NODES:
        return None  # parsing twice would double the load time of every topic
    count = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, _NODE_EVENTS):
            count += 1
            if count > MAX_NODES:
                return event.start_mark
    return None


def parse(text: str, path: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The document's root node, or the problems that prevent reading it."""
    try:
        mark = past_node_limit(text)
        if mark is not None:
            return None, [Problem(path, *_place(mark, text),
                                  f"the file holds more than {MAX_NODES:,} values; split its "
                                  "cards over several files")]
        docs = list(yaml.compose_all(text, Loader=Loader))
    except yaml.YAMLError as error:
        return None, [_syntax_problem(error, text, path)]
    except UnicodeEncodeError as error:
        # A lone surrogate (from pasted text in the editor) cannot reach libyaml.
        return None, [Problem(path, *position(text, error.start), f"character "
                              f"U+{ord(text[error.start]):04X} is not allowed in YAML text")]
    except RecursionError:
        # Only the pure-Python composer recurses; libyaml stops at depth 1000 itself.
        return None, [Problem(path, 1, 1, "nesting is too deep")]
    docs = [d for d in docs if d is not None]
    if not docs:
        return None, [Problem(path, 1, 1, "file is empty; expected a mapping such as 'cards:'")]
    if len(docs) > 1:
        mark = docs[1].start_mark
        return None, [Problem(path, *_place(mark, text),
                              "only one YAML document per file; remove the second '---'")]
    if lines_recounted(text):
        _recount_marks(docs[0], text)
    return docs[0], []


def _read_regular_file(path: Path) -> bytes | None:
    """Up to MAX_BYTES + 1 bytes of a regular file, or None for anything else.

    Opened without blocking and checked before reading: a pipe put where a card
    file was would otherwise wait for a writer for ever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return handle.read(MAX_BYTES + 1)


def read_text(path: Path, shown: str | None = None) -> tuple[str | None, list[Problem]]:
    """The text of a YAML file, or the problems that prevent reading it."""
    shown = shown or str(path)
    try:
        data = _read_regular_file(path)
    except OSError as error:
        return None, [Problem(shown, 1, 1, f"cannot read file: {error.strerror or error}")]
    if data is None:
        return None, [Problem(shown, 1, 1, NOT_A_FILE)]
    if len(data) > MAX_BYTES:
        return None, [Problem(shown, 1, 1, f"file is larger than {MAX_BYTES // 2**20} MiB")]
    text, problem = decode(data, shown)
    return (None, [problem]) if problem else (text, [])


def read(path: Path,
         shown: str | None = None) -> tuple[yaml.Node | None, str | None, list[Problem]]:
    """Root node and text of a YAML file; shown is how the path appears in messages."""
    shown = shown or str(path)
    text, problems = read_text(path, shown)
    if text is None:
        return None, None, problems
    node, problems = parse(text, shown)
    return node, text, problems
