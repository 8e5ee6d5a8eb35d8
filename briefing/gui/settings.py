"""Preferences and window layout, in an INI file in the user's data folder."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from ..datafolder import DataFolder

DEFAULT_POINT_SIZE = 13.0


def open_settings(folder: DataFolder) -> QSettings:
    try:
        folder.root.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # QSettings keeps them in memory; the app still runs
    return QSettings(str(folder.settings), QSettings.Format.IniFormat)
