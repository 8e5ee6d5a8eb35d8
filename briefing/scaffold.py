"""`briefing new`: a starter topic that passes `briefing check` at once."""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from .atomic import WriteError, current_umask, reason, write_bytes, write_text
from .paths import PROJECT_ROOT, SCHEMA_PATH
from .quotes import fold, seed_stat, too_short
from .terminal import shown
from .yamlfile import decode

NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")  # \Z: "$" passes a final newline
SEEDS_DIR = "seeds"  # inside the topic folder

PLACEHOLDER_ARTICLE = """\
Paste the text of your source article here, in place of these lines.
Each card quotes a passage of this file word for word, and briefing check makes sure the quote is here.
Keep the article's own wording, typos included, so every fact stays traceable.
"""


class ScaffoldError(Exception):
    """The topic cannot be created; the message says why."""


def schema_line(folder: Path) -> str:
    """The modeline that gives editors completion and checks from our JSON Schema."""
    folder = Path(folder).resolve()
    # Relative inside this project (it survives moving the checkout), absolute elsewhere.
    if folder.is_relative_to(PROJECT_ROOT):
        target = Path(os.path.relpath(SCHEMA_PATH, folder)).as_posix()
    else:
        target = SCHEMA_PATH.as_posix()
    return f"# yaml-language-server: $schema={shown(target)}\n"


def first_sentence(article: str) -> str:
    """A verbatim sentence of the article for the example cards to quote, long enough
    for `check` (a first sentence such as "Dr." is not)."""
    for line in article.splitlines():
        line = line.strip()
        if len(fold(line)) < 20:
            continue
        end = re.search(r"[.!?](\s|$)", line)
        sentence = line[: end.start() + 1] if end else line
        if too_short(sentence):
            sentence = line
        return sentence[:200].strip()
    raise ScaffoldError("the source article has no line of text to quote; is it empty?")


def _read_article(path: Path) -> bytes:
    """The article's bytes, if `check` will take it as a seed; else ScaffoldError,
    before anything is written (a Windows-1252 article once left half a topic)."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise ScaffoldError(f"{shown(name)}: the file name is not UTF-8; rename it, then run "
                            "briefing new again") from None
    try:
        seed_stat(path)
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ScaffoldError(f"source article not found: {path}") from None
    except OSError as error:
        raise ScaffoldError(f"cannot read source article {path}: "
                            f"{error.strerror or error}") from None
    _text, problem = decode(data, name)
    if problem is not None:
        raise ScaffoldError(str(problem))
    return data


def _copy_seed(source: Path, data: bytes, seeds_dir: Path) -> Path:
    target = seeds_dir / source.name
    if target.exists():
        if target.read_bytes() == data:
            return target
        raise ScaffoldError(f"two source articles are named {source.name}; rename one")
    seeds_dir.mkdir(parents=True, exist_ok=True)
    write_bytes(target, data)
    return target


# Escaped in a double-quoted scalar: what would end it, and every character YAML
# may not hold or would fold (line breaks, controls, NEL, U+2028/9, non-characters).
_UNSAFE_IN_QUOTES = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r",
            "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def _yaml_text(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly the text."""
    return '"' + _UNSAFE_IN_QUOTES.sub(_escape, text) + '"'


def _seed_title(path: Path) -> str:
    return path.stem.replace("-", " ").strip().capitalize() or "Source article"


def create_topic(name: str, cards_dir: Path, articles: list[Path] = (),
                 title: str = "") -> Path:
    """Create cards_dir/name with topic.yaml, cards.yaml and seeds/; return the folder.

    Everything is written inside the new folder, so a topic can be copied,
    shared and versioned as one folder. All or nothing: the topic is built in a
    hidden folder and renamed into place, so a second try after freeing space
    or fixing permissions simply works."""
    if not NAME.fullmatch(name):
        raise ScaffoldError(f"'{name}' is not a valid topic name: use lowercase letters and "
                            "digits joined by hyphens, like 'china-north-korea'")
    cards_dir = Path(cards_dir)
    folder = cards_dir / name
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists")
    contents = [_read_article(Path(article)) for article in articles]
    title = title if title.strip() else name.replace("-", " ").capitalize()
    try:
        title.encode("utf-8")
    except UnicodeEncodeError:
        raise ScaffoldError("the title is not UTF-8 text") from None
    staging: Path | None = None
    try:
        cards_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=cards_dir))
        os.chmod(staging, 0o777 & ~current_umask())
        seeds = _write_seeds(name, staging / SEEDS_DIR, articles, contents)
        quote = first_sentence((contents[0] if contents else PLACEHOLDER_ARTICLE.encode())
                               .decode("utf-8-sig"))
        ids = [f"source-{i}" if len(seeds) > 1 else "source" for i in range(1, len(seeds) + 1)]
        files = [f"{SEEDS_DIR}/{seed.name}" for seed in seeds]
        write_text(staging / "topic.yaml", _topic_yaml(folder, title, seeds, files, ids, quote))
        write_text(staging / "cards.yaml", _cards_yaml(folder, ids[0], quote))
        os.rename(staging, folder)
        staging = None
    except (OSError, ScaffoldError) as error:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, (ScaffoldError, WriteError)):
            message = str(error)
        else:
            message = f"cannot write {error.filename or folder}: {reason(error)}"
        # Name the file as it would have been, not the hidden folder it was built in.
        raise ScaffoldError(message.replace(str(staging), str(folder)) if staging else message) \
            from error
    return folder


def _write_seeds(name: str, seeds_dir: Path, articles, contents) -> list[Path]:
    """The seed files the topic cites, copied (or a placeholder written) into its seeds/."""
    if articles:
        return [_copy_seed(Path(a), data, seeds_dir)
                for a, data in zip(articles, contents, strict=True)]
    placeholder = seeds_dir / f"{name}.txt"
    seeds_dir.mkdir(parents=True, exist_ok=True)
    write_text(placeholder, PLACEHOLDER_ARTICLE)
    return [placeholder]


def _topic_yaml(folder: Path, title: str, seeds: list[Path], files: list[str], ids: list[str],
                quote: str) -> str:
    entries = "".join(
        f"  - id: {seed_id}            # cards cite the article by this id\n"
        f"    file: {_yaml_text(file)}\n"
        f"    title: {_yaml_text(_seed_title(path))}\n"
        f"    # publication: \"Where it appeared, e.g. China Brief, Volume 4, Issue 5\"\n"
        f"    # year: 2004           # the year its facts are as of\n"
        for seed_id, path, file in zip(ids, seeds, files))
    return (
        schema_line(folder)
        + "# The topic: its title, its bottom line, and the articles its cards draw on.\n"
        + "# Check it with: briefing check " + shown(folder.as_posix()) + "\n"
        + f"title: {_yaml_text(title)}\n"
        + "bottom_line: >-\n"
        + "  One paragraph: what a reader must take away from this topic. Replace this text.\n"
        + "# Key judgments open the topic and the PDF pack; each cites its source.\n"
        + "key_judgments:\n"
        + "  - text: A judgment drawn from the article's own conclusions.\n"
        + "    sources:\n"
        + f"      - seed: {ids[0]}\n"
        + f"        quote: {_yaml_text(quote)}\n"
        + "seeds:\n"
        + entries)


def _cards_yaml(folder: Path, seed_id: str, quote: str) -> str:
    source = (f"    sources:                # one or more: the seed id and a verbatim quote\n"
              f"      - seed: {seed_id}\n"
              f"        quote: {_yaml_text(quote)}\n")
    return (
        schema_line(folder)
        + "# Cards: one example of each kind. Edit them, copy them, and keep each id stable:\n"
        + "# study progress is stored under it.\n"
        + "cards:\n"
        + "  # An actor: a state, leader, official, institution or school of thought.\n"
        + "  - id: example-actor\n"
        + "    kind: actor\n"
        + "    title: Example actor\n"
        + "    role: Their position, e.g. Premier\n"
        + "    front: Who is the example actor?\n"
        + "    back: >-\n"
        + "      Two to four sentences in your own words: who they are and what they want.\n"
        + "    why: Why it matters, where the article says.\n"
        + "    tags: [example]\n"
        + "    related: [example-objective]   # ids of other cards in this topic\n"
        + source
        + "\n"
        + "  # An objective: a goal, motivation or policy line.\n"
        + "  - id: example-objective\n"
        + "    kind: objective\n"
        + "    title: Example objective\n"
        + "    front: What does the example actor want?\n"
        + "    back: The objective, and the reason the article gives for it.\n"
        + "    related: [example-actor, example-figure]\n"
        + source
        + "\n"
        + "  # A figure: a key number, date or agreement.\n"
        + "  - id: example-figure\n"
        + "    kind: figure\n"
        + "    title: Example figure\n"
        + "    front: How large is the example figure?\n"
        + "    back: The number in context.\n"
        + "    value: 1.5                # a number, or text for a range or a name\n"
        + "    unit: US$ billion\n"
        + "    as_of: 2005               # the date the value refers to\n"
        + "    series: Example series    # figures sharing a series are charted together\n"
        + source)
