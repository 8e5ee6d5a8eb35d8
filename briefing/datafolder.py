"""The user's data folder and what lives in it, built once at start-up and handed on.

Progress, settings, the topic cache, editor drafts and recovered edits are all
kept here, apart from the topics themselves, so deleting a topic folder never
deletes progress and a topic folder holds nothing but what its author wrote.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .paths import data_dir

PROGRESS_FILE = "progress.sqlite3"


@dataclass(frozen=True)
class DataFolder:
    root: Path

    @classmethod
    def default(cls) -> DataFolder:
        """The platform's data folder; BRIEFING_DATA_DIR overrides it."""
        return cls(data_dir())

    @property
    def progress(self) -> Path:
        return self.root / PROGRESS_FILE

    @property
    def settings(self) -> Path:
        return self.root / "settings.ini"

    @property
    def cache(self) -> Path:
        """Checked topics kept between runs (topic_cache)."""
        return self.root / "cache"

    @property
    def drafts(self) -> Path:
        """Unsaved editor text, kept while typing (drafts)."""
        return self.root / "drafts"

    @property
    def recovered(self) -> Path:
        """Edits set aside when another program's version of a file was taken."""
        return self.root / "recovered"
