"""Where things live: the bundled topic, the user's own topics, and the data folder."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE.parent
APP_NAME = "briefing-cards"
TOPICS_FOLDER_NAME = "Briefing Cards"
SCHEMA_PATH = PACKAGE / "schema.json"  # the one definition of a topic file


def bundled_cards() -> Path:
    """The bundled topics: cards/ of a source checkout, else the copy installed with the
    package (setup.py puts cards/ and seeds/ into briefing/bundled/)."""
    checkout = PROJECT_ROOT / "cards"
    if (PROJECT_ROOT / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    return PACKAGE / "bundled" / "cards"


def topics_home() -> Path:
    """Where the user's own topics go when no folder is given: a folder in their
    documents (~/Documents/Briefing Cards); BRIEFING_TOPICS_DIR overrides it."""
    override = os.environ.get("BRIEFING_TOPICS_DIR")
    if override:
        return Path(override)
    from platformdirs import user_documents_path
    return user_documents_path() / TOPICS_FOLDER_NAME


def default_topic_paths() -> list[Path]:
    """What the app and the commands open when given no PATH: the bundled topics, and
    the user's own topics folder once it holds a topic."""
    from .topics import topic_dirs
    home = topics_home()
    return [bundled_cards()] + ([home] if home.is_dir() and topic_dirs(home) else [])


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
