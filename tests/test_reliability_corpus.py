"""Every broken topic file in tests/corpus/, through `briefing check`, the app and `briefing pdf`.

Each case goes into a topic beside a good one: check must print the problem
as path:line:col: message and exit 1, quickly and in bounded memory; the app
must mark the topic and list the problem while the good topic still studies;
the PDF export must skip the broken topic, say why, and print the good one.
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import NOW, TOPIC_YAML

from briefing.yamlfile import MAX_NODES

CORPUS = Path(__file__).with_name("corpus")
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
MB = 1024 * 1024

# A generous bound for a shared, noisy machine: a normal check takes ~0.1 s.
CHECK_SECONDS = 5
# A check's peak memory (the interpreter alone is ~25 MB); the address-space
# cap makes a blow-up fail fast instead of swapping the machine.
CHECK_PEAK_MB = 200
ADDRESS_CAP = 1024 * MB
# No message may quote a 2 MB value back.
LONGEST_LINE = 500

VALID_SOURCE = ("    sources:\n      - seed: art\n"
                "        quote: Bilateral trade grew to U.S. $1.4 billion in 2004\n")


@dataclass(frozen=True)
class Case:
    name: str
    make: object  # () -> bytes
    file: str     # where it goes in the topic: topic.yaml or z-case.yaml
    line: int
    col: int
    says: str

    @property
    def content(self) -> bytes:
        return self.make()


def _from_corpus(name: str, entry: dict) -> Case:
    file, line, col = entry["at"].split(":")
    return Case(name, (CORPUS / name).read_bytes, file, int(line), int(col), entry["says"])


def _text(make):
    return lambda: make().encode("utf-8")


def _big_card(**fields) -> str:
    """A card with the given fields (a value may be 2 MB), the rest valid."""
    card = {"kind": "actor", "title": "t", "front": "f", "back": "b"} | fields
    body = "".join(f"    {key}: {value}\n" for key, value in card.items() if value is not None)
    return "cards:\n  - id: one\n" + body + VALID_SOURCE


# Too big for the repository, so made here; each is still one kind of breakage.
GENERATED = [
    Case("deep-flow-100000", _text(lambda: "cards: " + "[" * 100_000 + "]" * 100_000 + "\n"),
         "z-case.yaml", 1, 1007, "exceeded maximum nesting depth"),
    Case("deep-block-100000", _text(lambda: "cards:\n  " + "- " * 100_000 + "x\n"),
         "z-case.yaml", 2, 1999, "exceeded maximum nesting depth"),
    Case("deep-mapping-5000", _text(lambda: "".join(" " * i + "k:\n" for i in range(5000))),
         "z-case.yaml", 1000, 1001, "exceeded maximum nesting depth"),
    # A 2 MB quote: the quote check folds each seed once and stays fast.
    Case("2mb-quote", _text(lambda: "cards:\n  - id: one\n    kind: actor\n    title: t\n"
                                    "    front: f\n    back: b\n    sources:\n"
                                    "      - seed: art\n        quote: " + "q" * 2 * MB + "\n"),
         "z-case.yaml", 9, 16, "quote not found in seed article.txt"),
    # A 2 MB title is allowed; the card's other problem is still found.
    Case("2mb-title", _text(lambda: _big_card(title="t" * 2 * MB, front=None)),
         "z-case.yaml", 2, 5, "missing required field 'front'"),
    Case("2mb-kind", _text(lambda: _big_card(kind="k" * 2 * MB)),
         "z-case.yaml", 3, 11, "unknown kind 'kkkkkkkk"),
    Case("2mb-key", _text(lambda: _big_card(**{"k" * 2 * MB: "v"})),
         "z-case.yaml", 7, 5, "a key may be at most 1024 characters long"),
    Case("2mb-explicit-key", _text(lambda: _big_card() + "    ? " + "k" * 2 * MB + "\n    : v\n"),
         "z-case.yaml", 10, 7, "unknown key 'kkkkkkkk"),
    # 16 MiB of one-letter values: refused before it is built in memory, at the
    # first value past the limit (after the mapping, 'notes' and the list).
    Case("too-many-values", _text(lambda: "notes: [" + "a," * (8 * MB - 8) + "]\n"),
         "z-case.yaml", 1, len("notes: [") + 2 * (MAX_NODES - 3) + 1,
         f"the file holds more than {MAX_NODES:,} values"),
]

CASES = [_from_corpus(name, entry) for name, entry in EXPECTED.items()] + GENERATED
IDS = [case.name for case in CASES]


def place(workspace, case: Case) -> Path:
    """The broken topic holding the case, beside a good topic with the same cards."""
    workspace.topic("good")
    folder = workspace.topic("broken")
    (folder / case.file).write_bytes(case.content)
    return folder


def expected_prefix(folder: Path, case: Case) -> str:
    return f"{folder / case.file}:{case.line}:{case.col}: "


def test_every_corpus_file_has_an_expectation_and_every_expectation_a_file():
    files = {p.name for p in CORPUS.iterdir()} - {"expected.yaml"}
    assert files == set(EXPECTED)


# -- briefing check, as a real process -------------------------------------------------------

@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


# The child reports its own high-water mark: getrusage would count the pages
# it shared with this (large) test process between fork and exec.
CAPPED_MAIN = (
    "import atexit, resource, runpy, sys\n"
    "resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))\n"
    "def report_peak():\n"
    "    with open('/proc/self/status') as status, open({peak_file!r}, 'w') as out:\n"
    "        out.write(next(l for l in status if l.startswith('VmHWM:')).split()[1])\n"
    "atexit.register(report_peak)\n"
    "sys.argv = ['briefing', *sys.argv[1:]]\n"
    "runpy.run_module('briefing', run_name='__main__')\n")


def run_briefing(args, cwd: Path) -> Run:
    """`briefing ARGS` under an address-space cap, with its own wall time and peak memory."""
    peak_file = cwd / "peak-kb.txt"
    code = CAPPED_MAIN.format(cap=ADDRESS_CAP, peak_file=str(peak_file))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.run([sys.executable, "-c", code, *map(str, args)],
                                 stdout=out, stderr=err, cwd=cwd)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return Run(process.returncode, out.read().decode("utf-8", "replace"),
                   err.read().decode("utf-8", "replace"), seconds,
                   int(peak_file.read_text()) / 1024)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check_reports_the_place_and_exits_1_quickly_in_bounded_memory(workspace, tmp_path,
                                                                        case):
    folder = place(workspace, case)
    run = run_briefing(["check", workspace.cards], cwd=tmp_path)
    lines = run.stdout.splitlines()
    assert run.code == 1, run.stderr
    assert "Traceback" not in run.stderr
    prefix = expected_prefix(folder, case)
    assert any(line.startswith(prefix) and case.says in line for line in lines), run.stdout[:3000]
    assert all(line.startswith(f"{folder}/") for line in lines)  # the good topic is fine
    assert run.stderr.startswith("2 topics, ")
    assert max(len(line) for line in lines) < LONGEST_LINE
    assert run.seconds < CHECK_SECONDS
    assert run.peak_mb < CHECK_PEAK_MB
    assert not (tmp_path / "pwned-by-corpus").exists()  # the Python tag ran nothing


@pytest.mark.slow
def test_a_file_just_under_the_value_limit_is_still_checked_in_bounds(workspace, tmp_path):
    """The limit itself must keep check within the time and memory bounds."""
    values = "notes: [" + "a," * (MAX_NODES - 10) + "]\n"
    folder = workspace.topic("big", files={"cards.yaml": values})
    run = run_briefing(["check", folder], cwd=tmp_path)
    assert run.stdout == f"{folder}/cards.yaml:1:1: unknown key 'notes'\n"
    assert run.seconds < CHECK_SECONDS and run.peak_mb < CHECK_PEAK_MB


@pytest.mark.parametrize("name", ["deep-flow-100000", "deep-block-100000",
                                  "nul-after-accents.yaml", "billion-laughs-of-cards.yaml"])
def test_without_libyaml_the_pure_python_parser_gives_located_problems_too(workspace,
                                                                          monkeypatch, name):
    """PyYAML built without libyaml recurses where libyaml stops at depth 1000."""
    from briefing import yamlfile
    from briefing.loader import load_topic

    case = next(c for c in CASES if c.name == name)
    monkeypatch.setattr(yamlfile, "Loader", yaml.SafeLoader)
    monkeypatch.setattr(yamlfile, "_BYTE_POSITIONS", False)
    folder = place(workspace, case)
    problems = [p for p in load_topic(folder).problems if p.path.endswith(case.file)]
    assert problems
    assert all(p.line >= 1 and p.col >= 1 for p in problems)
    if name.startswith("deep"):
        assert [(p.line, p.col, p.message) for p in problems] == [(1, 1, "nesting is too deep")]
    else:
        assert (problems[0].line, problems[0].col) == (case.line, case.col)
        assert case.says in problems[0].message


def test_a_huge_topic_full_of_dangling_ids_is_still_checked_quickly(workspace, tmp_path):
    """Typo hints are rationed: 5,000 misses among 5,000 cards once took minutes."""
    cards = "".join(f"  - {{id: c{i}, kind: actor, related: [c{i}x]}}\n" for i in range(5000))
    folder = workspace.topic("huge", files={"cards.yaml": "cards:\n" + cards})
    run = run_briefing(["check", folder], cwd=tmp_path)
    dangling = [line for line in run.stdout.splitlines() if "is not a card in this topic" in line]
    assert run.code == 1 and len(dangling) == 5000
    assert dangling[0].endswith("related id 'c0x' is not a card in this topic (did you mean 'c0'?)")
    assert dangling[-1].endswith("related id 'c4999x' is not a card in this topic")  # no hint left
    assert run.seconds < CHECK_SECONDS and run.peak_mb < CHECK_PEAK_MB


def test_a_seed_listed_twice_with_a_device_and_a_nul_path_is_reported_not_hung(workspace,
                                                                              tmp_path):
    topic_yaml = TOPIC_YAML + ("  - id: pipe\n    file: /dev/stdin\n    title: P\n"
                               '  - id: nul\n    file: "seed\\0.txt"\n    title: N\n')
    folder = workspace.topic("odd", topic_yaml=topic_yaml)
    run = run_briefing(["check", folder], cwd=tmp_path)
    assert run.code == 1 and "Traceback" not in run.stderr
    assert f"{folder}/topic.yaml:10:11: cannot read seed file /dev/stdin: it is a device " \
           "or pipe, not a text file" in run.stdout
    assert "topic.yaml:13:11: cannot read seed file" in run.stdout
    assert "the file name holds a NUL character" in run.stdout


# -- the app ------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_app_marks_the_broken_topic_lists_the_problem_and_studies_the_good_one(
        qtbot, workspace, tmp_path, monkeypatch, data_dir, case):
    from briefing.gui.app import PROGRESS_FILE, create_window
    from briefing.gui.sidebar import TOPIC_ROLE

    monkeypatch.chdir(tmp_path)
    folder = place(workspace, case)
    window = create_window([workspace.cards], clock=lambda: NOW)
    qtbot.addWidget(window)
    try:
        topics = window.sidebar.topics
        qtbot.waitUntil(lambda: topics.count() > 0)  # filled once the first card is up
        rows = {topics.item(i).data(TOPIC_ROLE): i for i in range(topics.count())}
        assert "⚠" in topics.item(rows["broken"]).text()
        assert "⚠" not in topics.item(rows["good"]).text()

        topics.setCurrentRow(rows["broken"])
        if window.library.topic("broken").cards:  # its good cards are studied, with a notice
            assert window.pages.showing("study") and not window.notice.isHidden()
            window.notice.linkActivated.emit("list")
        assert window.pages.showing("problems")
        listed = [window.pages.page("problems").list.item(i).text()
                  for i in range(window.pages.page("problems").list.count())]
        prefix = expected_prefix(folder, case)
        assert any(text.startswith(prefix) and case.says in text for text in listed), listed[:5]

        topics.setCurrentRow(rows["good"])
        assert window.pages.showing("study")
        assert window.controller.session.current_card.id == "premier"
        window.study.flip()
        window.study.grade(3)
        with sqlite3.connect(data_dir / PROGRESS_FILE) as db:
            assert db.execute("SELECT topic, card, rating FROM review").fetchall() == [
                ("good", "premier", 3)]
    finally:
        window.store.close()
    assert not (tmp_path / "pwned-by-corpus").exists()


# -- the PDF export ----------------------------------------------------------------------------

def _pdf_text(path: Path) -> str:
    import pypdf
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_pdf_skips_the_broken_topic_with_its_problem_and_prints_the_good_one(
        workspace, tmp_path, monkeypatch, capsys, case):
    from briefing.cli import main

    monkeypatch.chdir(tmp_path)
    folder = place(workspace, case)
    out = tmp_path / "pack.pdf"
    assert main(["pdf", str(workspace.cards), "-o", str(out), "--layout", "cards"]) == 1
    err = capsys.readouterr().err
    prefix = expected_prefix(folder, case)
    assert any(line.startswith(prefix) and case.says in line for line in err.splitlines())
    assert "skipped topic 'broken'" in err
    assert "Who called for patience?" in _pdf_text(out)
    assert not (tmp_path / "pwned-by-corpus").exists()


# -- markup in card text is text ----------------------------------------------------------------

MARKUP_ARTICLE = 'The memo said <b>never</b> & <img src="/etc/passwd"> twice; x &amp; y < z.\n'
MARKUP = {"title": "<b>Bold</b> & co", "front": '<img src="/etc/passwd"> &amp; <i>who</i>?',
          "back": "x < y & <font size=40>big</font>"}
MARKUP_CARDS = f"""\
cards:
  - id: markup
    kind: actor
    title: '{MARKUP["title"]}'
    front: '{MARKUP["front"]}'
    back: '{MARKUP["back"]}'
    sources:
      - seed: memo
        quote: '<b>never</b> & <img src="/etc/passwd"> twice; x &amp; y < z.'
"""
MARKUP_TOPIC = """\
title: 'Markup <i>topic</i> & more'
bottom_line: 'Text in <b>tags</b> stays text & so do ampersands.'
seeds:
  - id: memo
    file: ../../seeds/memo.txt
    title: '<u>Memo</u> & notes'
"""


def markup_topic(workspace) -> Path:
    (workspace.seeds / "memo.txt").write_text(MARKUP_ARTICLE, encoding="utf-8")
    return workspace.topic("markup", topic_yaml=MARKUP_TOPIC, files={"cards.yaml": MARKUP_CARDS})


@pytest.mark.parametrize("layout", ["pack", "cards"])
def test_markup_characters_in_card_text_print_literally_in_the_pdf(workspace, tmp_path, capsys,
                                                                   layout):
    from briefing.cli import main

    folder = markup_topic(workspace)
    out = tmp_path / "markup.pdf"
    assert main(["pdf", str(folder), "-o", str(out), "--layout", layout]) == 0, \
        capsys.readouterr().err
    text = " ".join(_pdf_text(out).split())
    for value in MARKUP.values():
        assert " ".join(value.split()) in text
    if layout == "pack":
        assert "Markup <i>topic</i> & more" in text
        assert '<b>never</b> & <img src="/etc/passwd"> twice' in text


def test_markup_characters_in_card_text_show_literally_in_the_app(qtbot, workspace):
    from briefing.gui.app import create_window

    window = create_window([markup_topic(workspace)], clock=lambda: NOW)
    qtbot.addWidget(window)
    try:
        assert MARKUP["front"] in window.study.card_view.browser.toPlainText()
        window.study.flip()
        shown = window.study.card_view.browser.toPlainText()
        assert MARKUP["back"] in shown
        assert '<b>never</b> & <img src="/etc/passwd"> twice' in shown
        assert "<img" not in window.study.card_view.browser.toHtml().replace("&lt;img", "")
    finally:
        window.store.close()
