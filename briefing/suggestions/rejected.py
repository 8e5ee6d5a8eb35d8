"""Suggestions the user rejected, remembered in the topic folder so they stay away:
.briefing/rejected-suggestions.yaml, keyed by each suggestion's stable id, with its
kind, title and quote beside the id so a person can read (and prune) the file."""
from __future__ import annotations

from pathlib import Path

import yaml

from ..atomic import WriteError, write_text

FOLDER = ".briefing"  # hidden, so no topic loader takes it for cards
FILE = "rejected-suggestions.yaml"
HEADER = ("# Suggestions rejected with `briefing suggest --reject ID` (or in the app);\n"
          "# they are not offered again. Delete an entry to see its suggestion again.\n")


class RejectedError(Exception):
    """The file of rejections cannot be read or written; the message says why."""


def path(topic_dir: Path) -> Path:
    return Path(topic_dir) / FOLDER / FILE


def _entries(topic_dir: Path) -> list[dict]:
    where = path(topic_dir)
    try:
        data = yaml.safe_load(where.read_text(encoding="utf-8")) if where.exists() else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RejectedError(f"cannot read {where}: {getattr(error, 'strerror', None) or error}; "
                            "fix or delete it") from None
    if data is None:
        return []
    entries = data.get("rejected", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RejectedError(f"{where} is not a list of rejected suggestions; fix or delete it")
    return [e for e in entries if isinstance(e, dict) and "id" in e]


def rejected(topic_dir: Path) -> set[str]:
    """The ids of the suggestions rejected in this topic."""
    return {str(e["id"]) for e in _entries(topic_dir)}


def reject(topic_dir: Path, suggestion) -> bool:
    """Remember a rejected Suggestion; False when it already was. Raises RejectedError."""
    entries = _entries(topic_dir)
    if any(str(e["id"]) == suggestion.id for e in entries):
        return False
    entries.append({"id": suggestion.id, "kind": suggestion.kind, "title": suggestion.title,
                    "seed": suggestion.seed, "quote": suggestion.quote})
    where = path(topic_dir)
    try:
        where.parent.mkdir(exist_ok=True)
        write_text(where, HEADER + yaml.safe_dump({"rejected": entries}, allow_unicode=True,
                                                  sort_keys=False, width=100))
    except OSError as error:
        message = str(error) if isinstance(error, WriteError) else \
            f"cannot write {where}: {error.strerror or error}"
        raise RejectedError(message) from None
    return True
