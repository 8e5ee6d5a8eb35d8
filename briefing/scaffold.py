"""`briefing new`: a starter topic that passes `briefing check` at once."""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .atomic import WriteError, current_umask, reason, write_bytes, write_text
from .authoring import seed_yaml, yaml_quoted
from .paths import PROJECT_ROOT, SCHEMA_PATH
from .quotes import fold, seed_stat, too_short
from .terminal import shown
from .yamlfile import decode

NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")  # \Z: "$" passes a final newline
SEEDS_DIR = "seeds"  # inside the topic folder

PLACEHOLDER_ARTICLE = """\
Paste the text of your source article here, in place of these lines.
Each card quotes a passage of this file word for word; briefing check makes sure it is here.
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


@dataclass(frozen=True)
class NewSeed:
    """A source article of a new topic: its text, and what topic.yaml says of it."""

    filename: str                 # the text file's name in seeds/
    data: bytes                   # UTF-8 text
    entry: dict                   # title, and author, publication, date, year where known
    id: str = ""                  # the seed id; "" for source, source-1, ...
    extra: tuple[tuple[str, bytes], ...] = ()  # more files for seeds/, e.g. the original


def copied_seed(path: Path) -> NewSeed:
    """A text file taken as it is (once `check` would take it), titled after its name."""
    path = Path(path)
    return NewSeed(path.name, _read_article(path), {"title": _title(path.stem)})


def create_topic(name: str, cards_dir: Path, articles: list[Path] = (),
                 title: str = "", seeds: Sequence[NewSeed] = ()) -> Path:
    """Create cards_dir/name with topic.yaml, cards.yaml and seeds/; return the folder.

    The seeds are the articles (text files, copied as they are) and any
    prepared seeds (`briefing import`). Everything is written inside the new
    folder, so a topic can be copied, shared and versioned as one folder. All
    or nothing: the topic is built in a hidden folder and renamed into place,
    so a second try after freeing space or fixing permissions simply works."""
    if not NAME.fullmatch(name):
        raise ScaffoldError(f"'{name}' is not a valid topic name: use lowercase letters and "
                            "digits joined by hyphens, like 'china-north-korea'")
    cards_dir = Path(cards_dir)
    folder = cards_dir / name
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists")
    copied = [copied_seed(Path(article)) for article in articles]  # read before writing
    title = title if title.strip() else _title(name)
    try:
        title.encode("utf-8")
    except UnicodeEncodeError:
        raise ScaffoldError("the title is not UTF-8 text") from None
    staging: Path | None = None
    try:
        cards_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=cards_dir))
        os.chmod(staging, 0o777 & ~current_umask())
        seeds = _unique(copied + list(seeds)) \
            or [NewSeed(f"{name}.txt", PLACEHOLDER_ARTICLE.encode(), {"title": _title(name)})]
        _write_seeds(staging / SEEDS_DIR, seeds)
        quote = first_sentence(seeds[0].data.decode("utf-8-sig"))
        ids = [seed.id or (f"source-{i}" if len(seeds) > 1 else "source")
               for i, seed in enumerate(seeds, 1)]
        write_text(staging / "topic.yaml", _topic_yaml(folder, title, seeds, ids, quote))
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


def _title(name: str) -> str:
    return name.replace("-", " ").strip().capitalize() or "Source article"


def _unique(seeds: list[NewSeed]) -> list[NewSeed]:
    """The seeds with exact repeats dropped; two different files may not share a name."""
    kept: dict[str, NewSeed] = {}
    for seed in seeds:
        if seed.filename in kept:
            if kept[seed.filename].data != seed.data:
                raise ScaffoldError(f"two source articles are named {seed.filename}; rename one")
            continue
        kept[seed.filename] = seed
    return list(kept.values())


def _write_seeds(seeds_dir: Path, seeds: list[NewSeed]) -> None:
    for seed in seeds:
        for relative, data in ((seed.filename, seed.data), *seed.extra):
            target = seeds_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(target, data)


def _topic_yaml(folder: Path, title: str, seeds: list[NewSeed], ids: list[str],
                quote: str) -> str:
    entries = "".join(
        seed_yaml({**seed.entry, "id": seed_id, "file": f"{SEEDS_DIR}/{seed.filename}"},
                  hints=True)
        for seed_id, seed in zip(ids, seeds, strict=True))
    return (
        schema_line(folder)
        + "# The topic: its title, its bottom line, and the articles its cards draw on.\n"
        + "# Check it with: briefing check " + shown(folder.as_posix()) + "\n"
        + f"title: {yaml_quoted(title)}\n"
        + "bottom_line: >-\n"
        + "  One paragraph: what a reader must take away from this topic. Replace this text.\n"
        + "# Key judgments open the topic and the PDF pack; each cites its source.\n"
        + "key_judgments:\n"
        + "  - text: A judgment drawn from the article's own conclusions.\n"
        + "    sources:\n"
        + f"      - seed: {ids[0]}\n"
        + f"        quote: {yaml_quoted(quote)}\n"
        + "seeds:\n"
        + entries
        + "# A glossary of the terms the cards use, each defined from an article:\n"
        + "# glossary:\n"
        + "#   - term: DPRK\n"
        + "#     expansion: Democratic People's Republic of Korea  # where the article has it\n"
        + "#     definition: North Korea.\n"
        + f"#     sources: [{{seed: {ids[0]}, quote: \"a verbatim passage\"}}]\n"
        + "# With articles of two years, themes side by side (the pack's What changed):\n"
        + "# comparisons:\n"
        + "#   - theme: A theme\n"
        + "#     earlier: {text: What the earlier article says., sources: [...]}\n"
        + "#     later: {text: What the later article says., sources: [...]}\n")


def _cards_yaml(folder: Path, seed_id: str, quote: str) -> str:
    source = (f"    sources:                # one or more: the seed id and a verbatim quote\n"
              f"      - seed: {seed_id}\n"
              f"        quote: {yaml_quoted(quote)}\n")
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
        + "    # Prompts: what Study asks, one fact each, scheduled on its own. A question\n"
        + "    # and a short answer, or a cloze: {{c1::hidden text}} in a passage. Without\n"
        + "    # prompts, Study asks the front and shows the back.\n"
        + "    prompts:\n"
        + "      - q: What is the example actor's position?\n"
        + "        a: Premier\n"
        + "      - cloze: \"The example actor is the {{c1::Premier}}.\"\n"
        + "    why: Why it matters, where the article says.\n"
        + "    tags: [example]\n"
        + "    related: [example-objective]   # ids of other cards in this topic\n"
        + source
        + "    # date: 2003-09-25      # when it happened: 2007, 2003-10, 1990s, 1950–53 or\n"
        + "    #                       # 2003-08/2003-10; the pack's chronology lists it\n"
        + "    # event: What happened then, in one line, for the chronology\n"
        + "    # group: leader         # on the actor map: state, leader, institution, school\n"
        + "    # relations:            # arrows on the actor map, each with its source\n"
        + "    #   - to: another-actor\n"
        + "    #     label: presses it to talk\n"
        + "    #     type: presses     # or supports, depends-on, courts, opposes, works-with\n"
        + f"    #     sources: [{{seed: {seed_id}, quote: \"a verbatim passage\"}}]\n"
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
