"""Text for a terminal: control characters and undecodable file names, escaped.

Every command prints through `say` (and `json_text` for `list --json`), so
nothing a topic holds (a card, a key, a file name) can move the cursor, clear
the screen, or start a line that looks like a problem of its own.
"""
from __future__ import annotations

import json
import re
import sys

# C0 and C1 controls and DEL; the line and paragraph separators (a line break to
# some terminals); the bidi overrides, which reorder the rest of the line; and
# the lone surrogates that stand for the bytes of a file name that are not UTF-8
# (os.fsdecode), which no UTF-8 terminal can print.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the undecodable byte itself, as a file name holds it
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def shown(text) -> str:
    """Text as one safe line: every control character written as an escape (\\n, \\x1b)."""
    return _UNSAFE.sub(_escape, str(text))


def say(text, stream=None) -> None:
    """Print one line of output (a problem, a summary, a message) safely."""
    print(shown(text), file=stream or sys.stdout)


# json escapes C0 controls itself; these it leaves raw with ensure_ascii=False.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_text(value) -> str:
    """JSON for a terminal or a pipe: readable UTF-8, with every unsafe character as a
    \\u escape, so a script that parses it gets exactly the original strings back."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
