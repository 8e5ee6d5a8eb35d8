"""Where things live: the bundled topics and the user's data folder."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "briefing-cards"


def bundled_cards() -> Path:
    """The cards/ folder shipped beside the package (a source checkout)."""
    bundled = PROJECT_ROOT / "cards"
    return bundled if bundled.is_dir() else Path("cards")


def data_dir() -> Path:
    """The user's data folder (study progress, settings); BRIEFING_DATA_DIR overrides it."""
    override = os.environ.get("BRIEFING_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path
    return user_data_path(APP_NAME, appauthor=False)


def file_key(path: Path) -> str:
    """A file name for things kept about a path (its cache, its draft)."""
    return hashlib.sha256(str(Path(path).resolve()).encode()).hexdigest()[:32]
