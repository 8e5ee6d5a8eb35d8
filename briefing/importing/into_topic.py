"""Put imported articles into a topic: the text in its seeds/, the original beside it in
seeds/originals/, and a seed entry in topic.yaml, all or nothing.

topic.yaml gains its entries by exact text insertion (authoring.insert_seed), so
its comments and layout stay as the author wrote them. A topic folder that does
not exist yet is made by `briefing new`'s machinery with the articles as seeds.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .. import yamlfile
from ..atomic import WriteError, write_bytes
from ..authoring import NotText, insert_seed, read_file_text, save_file_text, slug, unique_id
from ..scaffold import NAME, SEEDS_DIR, NewSeed, ScaffoldError, create_topic
from ..topics import TOPIC_FILE
from ..validator import INVALID, check_document
from .article import Article, ImportFailure

ORIGINALS_DIR = "originals"  # inside seeds/
# Words a seed id does without.
_MINOR = {"a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "by", "with",
          "from", "as", "is", "its", "s"}


@dataclass(frozen=True)
class ImportReport:
    """What importing one file did."""

    source: Path
    topic_dir: Path
    seed_id: str = ""
    seed_file: Path | None = None       # the text the cards quote
    original: Path | None = None        # the file as it came, kept beside the text
    article: Article | None = None
    created_topic: bool = False
    skipped: str = ""                   # why nothing was written for this file
    steps: tuple[str, ...] = field(default=())

    def lines(self) -> list[str]:
        """What importing the file did, as `briefing import` and the app say it."""
        if self.skipped:
            return [f"{self.source.name}: skipped, {self.skipped}"]
        return [f"{self.source.name} -> seed '{self.seed_id}'", *(f"  {s}" for s in self.steps)]


def _ascii(text: str) -> str:
    """Latin letters without their accents (é -> e), so an id keeps its words."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def seed_id_for(article: Article, source: Path, taken: set[str]) -> str:
    words = [w for w in slug(_ascii(article.title), 40).split("-") if w not in _MINOR][:3]
    base = "-".join(words) if words and words != ["card"] else slug(_ascii(source.stem), 4)
    if base == "card":
        base = "article"
    if article.year and not base.endswith(str(article.year)):
        base = f"{base}-{article.year}"
    return unique_id(base, taken)


def entry_for(article: Article, seed_id: str, filename: str) -> dict:
    return {"id": seed_id, "file": f"{SEEDS_DIR}/{filename}",
            "title": article.title or seed_id.replace("-", " ").capitalize(),
            "author": article.author, "publication": article.site, "date": article.date,
            "year": article.year}


def place(articles: list[tuple[Path, bytes, Article]], topic_dir: Path,
          title: str = "") -> list[ImportReport]:
    """Write the articles into the topic (made if missing); one report per article."""
    topic_dir = Path(topic_dir)
    if not topic_dir.exists():
        return _new_topic(articles, topic_dir, title)
    if not (topic_dir / TOPIC_FILE).is_file():
        raise ImportFailure(f"{topic_dir} is not a topic folder (it has no {TOPIC_FILE}); "
                            "give the path of a topic, or of a folder to create")
    return _existing_topic(articles, topic_dir)


def _plan(source: Path, data: bytes, article: Article, seed_id: str,
          taken_files: set[str]) -> tuple[str, str | None, bytes]:
    """The seed's file name, the original's path under seeds/ (None when the seed is
    the original itself), and the seed's bytes."""
    text = article.text.encode("utf-8")
    suffix = source.suffix.lower() if source.suffix.lower() in (".txt", ".md") else ".txt"
    filename = _free_name(f"{seed_id}{suffix}", taken_files)
    taken_files.add(filename)
    if data == text:
        return filename, None, text
    original = _free_name(f"{ORIGINALS_DIR}/{source.name}", taken_files)
    taken_files.add(original)
    return filename, original, text


def _free_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    stem, dot, suffix = name.rpartition(".")
    number = 2
    while f"{stem}-{number}.{suffix}" in taken:
        number += 1
    return f"{stem}-{number}.{suffix}"


def _steps(article: Article, seed_file: str, original: str | None) -> tuple[str, ...]:
    known = ", ".join(part for part in (
        f'"{article.title}"' if article.title else "", f"by {article.author}" if article.author
        else "", article.site, article.date) if part)
    kept = (f"kept the original as {SEEDS_DIR}/{original}" if original
            else "the file is already clean UTF-8 text, so it is the seed itself")
    return (*article.steps, *( [known] if known else []), f"wrote {SEEDS_DIR}/{seed_file}; {kept}")


def _new_topic(articles, topic_dir: Path, title: str) -> list[ImportReport]:
    if not NAME.match(topic_dir.name):
        raise ImportFailure(f"cannot make a topic named '{topic_dir.name}': a new topic's folder "
                            "name is lowercase letters and digits joined by hyphens, like "
                            "'china-north-korea'")
    seeds, reports, ids, files = [], [], set(), set()
    for source, data, article in articles:
        if any(seed.data == article.text.encode("utf-8") for seed in seeds):
            reports.append(ImportReport(source, topic_dir, skipped="the same text as another "
                                        "file of this import"))
            continue
        seed_id = seed_id_for(article, source, ids)
        ids.add(seed_id)
        filename, original, text = _plan(source, data, article, seed_id, files)
        extra = ((original, data),) if original else ()
        seeds.append(NewSeed(filename, text, entry_for(article, seed_id, filename), seed_id,
                             extra))
        reports.append(ImportReport(
            source, topic_dir, seed_id, topic_dir / SEEDS_DIR / filename,
            topic_dir / SEEDS_DIR / original if original else None, article, created_topic=True,
            steps=_steps(article, filename, original)))
    try:
        create_topic(topic_dir.name, topic_dir.parent, title=title, seeds=seeds)
    except ScaffoldError as error:
        raise ImportFailure(str(error)) from None
    return reports


def _existing_seeds(topic_dir: Path, topic_text: str) -> list[dict]:
    shown = str(topic_dir / TOPIC_FILE)
    node, problems = yamlfile.parse(topic_text, shown)
    if node is None:
        raise ImportFailure(f"{problems[0]}; fix {TOPIC_FILE} (briefing check) and import again")
    value, _problems = check_document(node, shown)
    if value is INVALID or not isinstance(value, dict):
        raise ImportFailure(f"{shown} is not a topic file; fix it (briefing check) and "
                            "import again")
    return [entry for entry in value.get("seeds", []) if "id" in entry]


def _same_text(a: str, b: str) -> bool:
    return unicodedata.normalize("NFC", a).strip() == unicodedata.normalize("NFC", b).strip()


def _existing_topic(articles, topic_dir: Path) -> list[ImportReport]:
    topic_path = topic_dir / TOPIC_FILE
    try:
        original = read_file_text(topic_path)
    except (OSError, NotText) as error:
        raise ImportFailure(f"cannot read {topic_path}: "
                            f"{getattr(error, 'strerror', None) or error}") from None
    entries = _existing_seeds(topic_dir, original.text)
    ids = {entry["id"] for entry in entries}
    texts = {}
    for entry in entries:
        try:
            texts[entry["id"]] = (topic_dir / entry.get("file", "")).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError, ValueError):
            pass  # briefing check reports it; it cannot be the same article anyway
    seeds_dir = topic_dir / SEEDS_DIR
    taken = {p.relative_to(seeds_dir).as_posix() for p in seeds_dir.rglob("*")} \
        if seeds_dir.is_dir() else set()
    text, reports, writes = original.text, [], []
    for source, data, article in articles:
        same = next((seed_id for seed_id, known in texts.items()
                     if _same_text(known, article.text)), None)
        if same:
            reports.append(ImportReport(source, topic_dir, same,
                                        skipped=f"already in the topic as seed '{same}'"))
            continue
        seed_id = seed_id_for(article, source, ids)
        ids.add(seed_id)
        texts[seed_id] = article.text
        filename, kept, seed_bytes = _plan(source, data, article, seed_id, taken)
        inserted = insert_seed(text, entry_for(article, seed_id, filename))
        if inserted is None:
            raise ImportFailure(f"{topic_path} lists its seeds in [ ... ] form; write them as "
                                "a block list (one '- id: ...' entry a line) to import into it")
        text = inserted.text
        writes.append((seeds_dir / filename, seed_bytes))
        if kept:
            writes.append((seeds_dir / kept, data))
        reports.append(ImportReport(
            source, topic_dir, seed_id, seeds_dir / filename, seeds_dir / kept if kept else None,
            article, steps=(*_steps(article, filename, kept),
                            f"added seed '{seed_id}' to {TOPIC_FILE} at line {inserted.line}")))
    if writes:
        _write_all(writes, topic_path, original, text)
    return reports


def _write_all(writes: list[tuple[Path, bytes]], topic_path: Path, original, text: str) -> None:
    """Every new file, then topic.yaml last; on any failure the new files go again."""
    made: list[Path] = []
    try:
        for path, data in writes:
            for folder in reversed(path.parents):
                if not folder.exists():
                    folder.mkdir()
                    made.append(folder)
            write_bytes(path, data)
            made.append(path)
        save_file_text(topic_path, original, text)
    except OSError as error:
        for path in reversed(made):
            try:
                path.rmdir() if path.is_dir() else path.unlink()
            except OSError:
                pass
        message = str(error) if isinstance(error, WriteError) else \
            f"cannot write {error.filename}: {error.strerror or error}"
        raise ImportFailure(message) from None
