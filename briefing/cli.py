"""The `briefing` command.

`briefing [PATH ...]` opens the app; the subcommands work without a display.
Heavy modules (Qt, reportlab, genanki) are imported only by the subcommand
that needs them, so `briefing check` starts fast.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .paths import default_topic_paths, topics_home
from .terminal import json_text, say, shown
from .wording import plural

COMMANDS = ("check", "list", "new", "import", "coverage", "suggest", "schema", "pdf", "anki",
            "stats")


def _paths_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="a topic folder or a folder of topics (default: the bundled topic "
                             "and your topics folder)")


def _pdf_arguments(pdf: argparse.ArgumentParser) -> None:
    from .model import KINDS
    from .pdf.options import CardSize, Duplex, Each, Layout, Paper

    _paths_argument(pdf)
    pdf.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    pdf.add_argument("--layout", choices=Layout.values(), default=Layout.PACK.value)
    pdf.add_argument("--paper", choices=Paper.values(), default=Paper.A4.value)
    pdf.add_argument("--card-size", choices=CardSize.values(), default=CardSize.INDEX.value,
                     help="cards layout: index cards (5x3 in) or business cards")
    pdf.add_argument("--duplex", choices=Duplex.values(), default=Duplex.LONG.value,
                     help="cards layout: flip on the long or short edge, or fold-over pairs")
    pdf.add_argument("--each", choices=Each.values(), default=Each.PROMPT.value,
                     help="cards layout: one cut-out card per prompt (a question, its answer "
                          "on the back), or per briefing card, whole")
    pdf.add_argument("--topic", action="append", default=[], help="only this topic (repeatable)")
    pdf.add_argument("--kind", action="append", default=[], choices=KINDS,
                     help="only this kind (repeatable)")
    pdf.add_argument("--tag", action="append", default=[], help="only cards with this tag")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser. Given the command about to run, the pdf subparser gets its options only
    when that is pdf: they import the PDF package, 15 ms of every other command's start."""
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Briefing cards on the actors, objectives and key figures of a topic. "
                    "With no command, opens the desktop app.")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check",
                           help="validate topics; print problems as path:line:col: message")
    _paths_argument(check)

    listing = sub.add_parser("list", help="list cards (--json: a JSON array for scripts)")
    listing.add_argument("--json", action="store_true", help="print every card as a JSON array")
    listing.add_argument("--topics", action="store_true",
                         help="list the topics instead (with --json: header, glossary, "
                              "comparisons)")
    _paths_argument(listing)

    new = sub.add_parser("new", help="create a topic folder with an example card of each kind")
    new.add_argument("name", help="the topic's folder name, e.g. china-north-korea")
    new.add_argument("--dir", type=Path, default=None,
                     help="the folder of topics to create it in (default: your topics "
                          "folder, ~/Documents/Briefing Cards)")
    new.add_argument("--seed", type=Path, action="append", default=[], metavar="FILE",
                     help="a source article (text file) to copy into seeds/; repeat for more")
    new.add_argument("--title", default="", help="the topic's title")

    importing = sub.add_parser(
        "import", help="import articles (web pages, PDFs, Word, text) into a topic's seeds",
        description="Read each article (.html/.htm, .pdf, .docx, .txt, .md), keep its text "
                    "as a seed in TOPIC_DIR/seeds/ with the original beside it, and add it "
                    "to topic.yaml. A TOPIC_DIR that does not exist becomes a new topic. All "
                    "or nothing: one bad file and nothing is written.")
    importing.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    importing.add_argument("--into", type=Path, required=True, metavar="TOPIC_DIR",
                           help="the topic folder (made when it does not exist)")
    importing.add_argument("--title", default="", help="a new topic's title")
    importing.add_argument("--encoding", default="",
                           help="the encoding of .txt and .md files that are not UTF-8, "
                                "e.g. cp1252")

    coverage = sub.add_parser(
        "coverage", help="how much of each seed article the cards quote, and what they do not")
    coverage.add_argument("--json", action="store_true",
                          help="print a JSON array, one object per topic and seed")
    _paths_argument(coverage)

    suggestions = sub.add_parser(
        "suggest", help="draft cards from what the seeds say and no card quotes yet")
    suggestions.add_argument("topic_dir", type=Path, metavar="TOPIC_DIR")
    suggestions.add_argument("--json", action="store_true", help="print a JSON array")
    suggestions.add_argument("--kind", action="append", default=[],
                             choices=("actor", "objective", "figure"),
                             help="only this kind (repeatable)")
    suggestions.add_argument("--reject", action="append", default=[], metavar="ID",
                             help="never suggest this again (repeatable)")

    sub.add_parser("schema", help="print the JSON Schema of a topic file")

    pdf = sub.add_parser("pdf", help="write a PDF briefing pack or printable cards")
    if command in (None, "pdf"):
        _pdf_arguments(pdf)

    stats = sub.add_parser("stats", help="per topic: cards, prompts, new, learning, due, "
                                         "reviews and retention")
    stats.add_argument("--json", action="store_true", help="print a JSON array for scripts")
    _paths_argument(stats)

    anki = sub.add_parser("anki", help="write an Anki package (.apkg) for phone review")
    _paths_argument(anki)
    anki.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    return parser


def _load(paths: list[Path], texts=None):
    from .loader import load_all
    return load_all(paths or default_topic_paths(), texts)


def _print_problems(problems, stream) -> None:
    for problem in problems:
        say(problem, stream)


def cmd_check(args) -> int:
    topics, problems = _load(args.paths)
    for topic in topics:
        problems.extend(topic.problems)
    _print_problems(problems, sys.stdout)
    cards = sum(len(t.cards) for t in topics)
    summary = (f"{plural(len(topics), 'topic')}, {cards} cards: "
               + (plural(len(problems), "problem") if problems else "ok"))
    say(summary, sys.stderr)
    return 1 if problems else 0


def cmd_list(args) -> int:
    from .listing import card_record, topic_record
    topics, problems = _load(args.paths)
    for topic in topics:
        problems.extend(topic.problems)
    _print_problems(problems, sys.stderr)
    if args.topics:
        records = [topic_record(topic) for topic in topics]
    else:
        records = [card_record(card) for topic in topics for card in topic.cards]
    if args.json:
        print(json_text(records))
    elif args.topics:
        for r in records:
            print("\t".join((shown(r["topic"]), f"{r['cards']} cards", shown(r["title"]))))
    else:
        for r in records:  # each field escaped, so a tab in a title cannot add a column
            print("\t".join((f"{shown(r['topic'])}/{shown(r['id'])}", shown(r["kind"]),
                             shown(r["title"]))))
    return 1 if problems else 0


def cmd_new(args) -> int:
    from .atomic import WriteError
    from .scaffold import ScaffoldError, create_topic
    try:
        folder = create_topic(args.name, args.dir or topics_home(), args.seed, args.title)
    except (ScaffoldError, WriteError) as error:
        say(f"briefing new: {error}", sys.stderr)
        return 1
    say(f"created {folder}: edit topic.yaml and cards.yaml, then run: briefing check {folder}")
    return 0


def cmd_import(args) -> int:
    from .importing.command import run
    return run(args)


def cmd_coverage(args) -> int:
    from .coverage_command import run
    return run(args)


def cmd_suggest(args) -> int:
    from .suggestions.command import run
    return run(args)


def cmd_schema(args) -> int:
    from .paths import SCHEMA_PATH
    sys.stdout.write(SCHEMA_PATH.read_text(encoding="utf-8"))
    return 0


def cmd_pdf(args) -> int:
    from .pdf.command import run
    return run(args)


def cmd_anki(args) -> int:
    from .anki.command import run
    return run(args)


def cmd_stats(args) -> int:
    from .stats_command import run
    return run(args)


def run_app(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="briefing", add_help=False)
    parser.add_argument("paths", nargs="*", type=Path)
    args, rest = parser.parse_known_args(argv)
    if rest:
        build_parser().print_usage(sys.stderr)
        say(f"briefing: unknown option {rest[0]}", sys.stderr)
        return 2
    try:
        from .gui.app import main as gui_main
    except ImportError as error:
        say(f"briefing: the desktop app cannot start: {error}", sys.stderr)
        return 1
    return gui_main(args.paths)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        return run_app(argv)
    args = build_parser(argv[0] if argv[0] in COMMANDS else None).parse_args(argv)
    handler = {"check": cmd_check, "list": cmd_list, "new": cmd_new, "import": cmd_import,
               "coverage": cmd_coverage, "suggest": cmd_suggest, "schema": cmd_schema,
               "pdf": cmd_pdf, "anki": cmd_anki, "stats": cmd_stats}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
