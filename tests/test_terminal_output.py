"""What the commands print to a terminal: control characters and odd file names escaped.

A topic's text, keys and file names reach the terminal in problems, in
`briefing list` and in summaries; none of them may move the cursor, clear the
screen, split a line in two, or crash the print.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import CARDS_YAML

from briefing.cli import main
from briefing.terminal import json_text, shown

CONTROL_CARD = """\
cards:
  - id: control
    kind: actor
    title: "A\\0B\\eC\\bD"
    front: Who?
    back: "Bell\\a and NEL\\N here"
    sources:
      - seed: art
        quote: Bilateral trade grew to U.S. $1.4 billion in 2004
"""


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_shown_escapes_controls_separators_and_undecodable_bytes():
    assert shown("a\nb\tc\x1b[2J\x00\x7f\x9b") == "a\\nb\\tc\\x1b[2J\\x00\\x7f\\x9b"
    assert shown("caf" + os.fsdecode(b"\xe9") + "\u2028\u202e") == "caf\\xe9\\u2028\\u202e"
    assert shown("plain “text” — 한국어") == "plain “text” — 한국어"


def test_a_crafted_key_cannot_clear_the_screen_or_forge_a_problem_line(workspace, capsys):
    forged = 'cards:\n  - id: x\n    kind: actor\n    "\\e[2J\\e[Hfake.yaml:1:1: ok\\nz": 1\n'
    folder = workspace.topic(files={"cards.yaml": CARDS_YAML, "forged.yaml": forged})
    code, out, err = run(capsys, "check", str(folder))
    assert code == 1
    assert "\x1b" not in out + err
    lines = out.splitlines()
    assert all(line.startswith(f"{folder}/forged.yaml:") for line in lines), lines
    assert f"{folder}/forged.yaml:4:5: unknown key '\\x1b[2J\\x1b[Hfake.yaml:1:1: ok\\nz'" in lines


def test_list_prints_nul_esc_and_backspace_escaped_and_json_keeps_them_exact(workspace, capsys):
    folder = workspace.topic(files={"cards.yaml": CONTROL_CARD})
    code, out, err = run(capsys, "list", str(folder))
    assert (code, err) == (0, "")
    assert out == "example/control\tactor\tA\\x00B\\x1bC\\x08D\n"
    code, out, err = run(capsys, "list", "--json", str(folder))
    assert code == 0
    assert not any(ord(c) < 0x20 and c != "\n" or 0x7f <= ord(c) <= 0x9f for c in out)
    card = json.loads(out)[0]
    assert card["title"] == "A\x00B\x1bC\x08D" and card["back"] == "Bell\x07 and NEL\x85 here"


def test_a_newline_in_a_file_name_keeps_each_problem_on_one_line(workspace, capsys):
    folder = workspace.topic(files={"cards.yaml": CARDS_YAML,
                                    "two\nlines.yaml": "cards:\n  - id: y\n    kind: actr\n"})
    code, out, err = run(capsys, "check", str(folder))
    assert code == 1
    lines = out.splitlines()
    assert lines and all(line.startswith(f"{folder}/two\\nlines.yaml:3:11: ") for line in lines)
    assert err == "1 topic, 4 cards: 1 problem\n"


def test_json_text_round_trips_undecodable_file_names():
    name = os.fsdecode(b"caf\xe9.yaml")
    text = json_text({"file": name})
    text.encode("utf-8")  # printable on a UTF-8 terminal: no lone surrogate left raw
    assert json.loads(text) == {"file": name}


def test_a_file_name_that_is_not_utf8_is_printed_escaped_under_a_utf8_locale(workspace):
    folder = workspace.topic()
    with open(os.fsencode(folder) + b"/caf\xe9.yaml", "wb") as handle:
        handle.write(b"cards:\n  - id: y\n    kind: actr\n")
    # Under a real en_US.UTF-8 locale Python's output is strict UTF-8; the C.UTF-8
    # locale here would smuggle the raw byte out (surrogateescape), so say it outright.
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}
    for command in (["check"], ["list"], ["list", "--json"]):
        result = subprocess.run([sys.executable, "-m", "briefing", *command, str(folder)],
                                capture_output=True, env=env)
        out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
        assert result.returncode == 1 and "Traceback" not in err, err
        assert f"{folder}/caf\\xe9.yaml:3:11: unknown kind 'actr'" in out + err
        if command == ["list", "--json"]:
            assert len(json.loads(out)) == 4
