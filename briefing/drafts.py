"""Unsaved editor text, kept on disk while the user types, so a crash loses none of it.

A draft is written a moment after typing stops and removed when the file is
saved or its edits are dropped on purpose. The next time the file is opened
in the editor, a draft that differs from the file is put back.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from . import clock
from .atomic import write_text
from .paths import file_key


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Draft:
    path: Path
    text: str
    base: str        # digest of the file's text when the edits began
    saved_at: float  # time.time() of the last write

    def started_from(self, text: str) -> bool:
        """Were these edits made to this version of the file?"""
        return self.base == _digest(text)


def _read(file: Path) -> Draft | None:
    """A draft file, or None when it is missing or damaged."""
    try:
        record = json.loads(file.read_text(encoding="utf-8"))
        return Draft(Path(record["path"]), record["text"], record["base"],
                     float(record["saved_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class Drafts:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _file(self, path: Path) -> Path:
        return self.folder / f"{file_key(path)}.json"

    def keep(self, path: Path, text: str, base_text: str) -> None:
        """Write the draft; a draft that cannot be written is not worth an error."""
        record = {"path": str(Path(path).resolve()), "text": text, "base": _digest(base_text),
                  "saved_at": clock.timestamp()}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_text(self._file(path), json.dumps(record, ensure_ascii=False))
        except (OSError, UnicodeEncodeError):
            pass

    def get(self, path: Path) -> Draft | None:
        return _read(self._file(path))

    def drop(self, path: Path) -> None:
        self._file(path).unlink(missing_ok=True)

    def pending(self, folders) -> list[Draft]:
        """Drafts for files inside these folders, newest first."""
        wanted = {Path(f).resolve() for f in folders}
        found = []
        try:
            files = list(self.folder.glob("*.json"))
        except OSError:
            return []
        for file in files:
            draft = _read(file)
            if draft is not None and draft.path.parent in wanted:
                found.append(draft)
        return sorted(found, key=lambda d: -d.saved_at)
