"""Preferences and window layout, in an INI file in the user's data folder."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from ..paths import data_dir

DEFAULT_POINT_SIZE = 13.0


def open_settings() -> QSettings:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
